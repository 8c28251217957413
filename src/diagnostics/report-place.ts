import path from 'node:path'

/** Where a report folder sits on disk: its real path, and the git repository holding it, if any. */
export interface ReportPlace {
  /** The report folder, absolute, links resolved. */
  folder: string
  /** The root of the git repository the folder is in, absolute, links resolved; undefined outside one. */
  root?: string
}

/** A report file's path from the repository root, with `/` separators; from the report folder outside a repository. */
export function pathFromRoot(place: ReportPlace, file: string): string {
  const prefix = place.root === undefined ? '' : path.relative(place.root, place.folder).split(path.sep).join('/')
  return prefix === '' ? file : `${prefix}/${file}`
}
