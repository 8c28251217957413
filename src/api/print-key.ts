import {createHash} from 'node:crypto'
import path from 'node:path'
import {mathAssetsFolder} from '../render/blocks/math.js'
import {projectFiles, stampOf} from './build-state.js'

/**
 * Everything an edition's PDF is made from, for the key it is cached by (`.print/<name>.html.sha256`):
 * a build prints an edition again only when its key changed. The print HTML alone was not
 * enough: an image or a font replaced under the same name, a new rapporteur (its Paged.js, its
 * handlers, its finalisation), or another SOURCE_DATE_EPOCH left the last PDF in place.
 */
export interface PrintInputs {
  html: string
  /** The theme's stylesheets, page.css and axes.css, as written. */
  styles: readonly string[]
  /** The printer's boxes, PDF/X settings and the PDF's metadata, as JSON. */
  settings: unknown
  outputProfile?: Uint8Array
  /** The rapporteur that prints (build-state.ts, installFingerprint). */
  install: string
  /** The files under the output's `assets/` the page may load (assetsDigest). */
  assets: string
}

/** The key of a PDF: a SHA-256 of its inputs, each length-prefixed so that no two sets run together. */
export function printKey(inputs: PrintInputs): string {
  const hash = createHash('sha256')
  const part = (value: string | Uint8Array) => hash.update(`${typeof value === 'string' ? Buffer.byteLength(value) : value.byteLength}:`).update(value)
  part(inputs.html)
  for (const style of inputs.styles) part(style)
  part(JSON.stringify(inputs.settings) ?? '')
  part(inputs.outputProfile ?? new Uint8Array())
  part(inputs.install)
  part(inputs.assets)
  return hash.digest('hex')
}

/**
 * The contents of every file under the output's `assets/` (the theme's styles and fonts, the
 * project's images), by path: the browser loads them while it prints, so a file replaced under the
 * same name changes the PDF. ~3 ms for the sample's 23 files (444 KB). KaTeX's files are left out:
 * they come with rapporteur (`install`), and an edition with maths writes them during the build,
 * after another edition's key may have been taken.
 */
export async function assetsDigest(folder: string): Promise<string> {
  const files = await projectFiles(folder, path.join(folder, path.relative('assets', mathAssetsFolder)))
  const stamps = await Promise.all(files.map((file) => stampOf(path.join(folder, file), file)))
  const hash = createHash('sha1')
  for (const stamp of stamps) hash.update(`${stamp.path}\0${stamp.sha1}\n`)
  return hash.digest('hex')
}
