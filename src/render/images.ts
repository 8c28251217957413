import type {ReportModel} from '../model/types.js'

/**
 * The path, beside the HTML, of an image named in `file` as `url`: the project's `assets/` is
 * copied whole, so an image there keeps its path; any other image is copied under
 * `assets/images/` with its path in the project (`chapters/part1/img/map.png`). A URL, or an
 * image the load stage did not find, is left as written.
 */
export function outputImagePath(model: ReportModel, file: string, url: string): string {
  const found = model.imageFiles.get(imageKey(file, url))
  if (!found?.path) return url
  return asAddress(found.path.startsWith('assets/') ? found.path : `assets/images/${found.path}`)
}

/**
 * A file's path as the address of it in a page: `#` and `?` would end the path there (`Chart #1.png`
 * shown as a broken image), `%` start an escape, a space end it in some readers; each is escaped.
 */
function asAddress(path: string): string {
  return path.replace(/[%#? ]/gu, (char) => encodeURIComponent(char))
}

/** How `model.imageFiles` is keyed: the Markdown file and the URL as written there. */
export function imageKey(file: string, url: string): string {
  return `${file}\n${url}`
}
