import {copyFile, mkdir, readdir, realpath, stat, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {isInside} from '../load/sandbox.js'
import type {Theme} from '../load/theme.js'
import type {ReportModel} from '../model/types.js'
import {axesCss} from '../render/axes-css.js'
import {katexDist, mathAssetsFolder} from '../render/blocks/math.js'
import {pageCss} from '../render/page-css.js'

/** Theme styles, the generated page.css and axes.css, fonts and the project's own assets, beside the HTML. */
export async function writeAssets(dir: string, out: string, theme: Theme, model: ReportModel): Promise<void> {
  const styles = path.join(out, 'assets', 'styles')
  const fonts = path.join(out, 'assets', 'fonts')
  await mkdir(styles, {recursive: true})
  await mkdir(fonts, {recursive: true})
  await Promise.all([
    ...theme.styles.map((style) => writeFile(path.join(styles, style.name), style.text)),
    writeFile(path.join(styles, 'page.css'), pageCss(model.config.print, model.config.lang)),
    writeFile(path.join(styles, 'axes.css'), axesCss(model.config.axes)),
    // Each font where load/theme-fonts.ts found it (a project's own already checked to be inside the
    // project); one that is missing is a `missing-font` finding, and the text falls back.
    ...theme.fonts.map((font) => (font.path ? copyFile(font.path, path.join(fonts, font.file)) : undefined))
  ])
  await copyTree(dir, 'assets', path.join(out, 'assets'))
  // Images outside `assets/` (beside their chapter, as Quarto keeps them) go under `assets/images/` (render/images.ts).
  for (const image of model.imageFiles.values()) {
    if (!image.path || image.problem || image.path.startsWith('assets/')) continue
    const target = path.join(out, 'assets', 'images', image.path)
    await mkdir(path.dirname(target), {recursive: true})
    await copyTree(dir, image.path, target)
  }
}

/** KaTeX's stylesheet and its fonts (WOFF2, which every browser and Chromium's PDF read), beside the HTML. */
export async function writeMathAssets(out: string): Promise<void> {
  const dist = katexDist()
  const folder = path.join(out, mathAssetsFolder)
  await mkdir(path.join(folder, 'fonts'), {recursive: true})
  const fonts = (await readdir(path.join(dist, 'fonts'))).filter((name) => name.endsWith('.woff2'))
  await Promise.all([
    copyFile(path.join(dist, 'katex.min.css'), path.join(folder, 'katex.min.css')),
    ...fonts.map((name) => copyFile(path.join(dist, 'fonts', name), path.join(folder, 'fonts', name)))
  ])
}

/**
 * Copy the project's `assets/` into the output, never following a link out of the project
 * (load/sandbox.ts): what a link points at inside the project is copied, outside it is not, and a
 * folder reached twice (a link loop) is copied once.
 */
async function copyTree(dir: string, relative: string, to: string, seen = new Set<string>()): Promise<void> {
  const root = await realpath(dir)
  const real = await realpath(path.join(dir, relative)).catch(() => undefined)
  if (!real || !isInside(root, real)) return
  const info = await stat(real)
  if (info.isFile()) {
    await copyFile(real, to)
  } else if (info.isDirectory() && !seen.has(real)) {
    seen.add(real)
    await mkdir(to, {recursive: true})
    for (const name of await readdir(real)) await copyTree(dir, path.join(relative, name), path.join(to, name), seen)
  }
}
