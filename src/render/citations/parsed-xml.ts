import {createHash} from 'node:crypto'
import {mkdirSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import citeproc from 'citeproc'
import {defaultStylesRoot} from '../../load/citation-style.js'
import {packageRoot} from '../../load/theme-chain.js'
import {cslLocales} from './locales.js'

/**
 * rapporteur's own CSL styles and the locales it formats with, parsed when rapporteur is built
 * instead of in every build. citeproc-js reads a style or locale written as XML with its own
 * parser (CSL.parseXml) into a tree of plain objects, and takes such a tree as well: the sample's
 * build parsed the French and the American locales and its style each time, ~20 ms of its longest
 * path. `npm run build:ts` (and `npm ci`) writes each tree to dist/csl/ (scripts/parse-csl.js),
 * named after its XML's SHA-1, so a tree is only ever used for the very text it was parsed from: an
 * edited style, a project's own style or another citation-js version is parsed as before.
 */
export const parsedCslFolder = path.join(packageRoot, 'dist', 'csl')

/** The file a text's tree is kept in. */
export function parsedCslName(xml: string): string {
  return `${createHash('sha1').update(xml).digest('hex').slice(0, 20)}.json`
}

/** What citeproc-js makes of an XML text before it uses it (its CSL.setupXml, to the letter). */
export function parseCslXml(xml: string): unknown {
  const CSL = citeproc as {parseXml(text: string): unknown}
  return CSL.parseXml(xml.replace('^\uFEFF', '').replace(/^\s+/, ''))
}

/**
 * A style or locale for citeproc-js: its tree when one was kept for this very text, else the text.
 * The trees are only a speed-up, as the code cache is: one that cannot be read (no folder, a file
 * cut short by a full disk) leaves the text to citeproc-js, never a failed build.
 */
export function cslInput(xml: string, folder = parsedCslFolder): string | object {
  try {
    // Parsed afresh each time: citeproc-js changes the tree it is given (it adds nodes to a style).
    const tree: unknown = JSON.parse(readFileSync(path.join(folder, parsedCslName(xml)), 'utf8'))
    return typeof tree === 'object' && tree !== null ? tree : xml
  } catch {
    return xml
  }
}

export {cslLocales} from './locales.js'

/** Write the tree of every locale and of every style of rapporteur's into `folder`; returns the files written. */
export function writeParsedCsl(folder = parsedCslFolder): string[] {
  mkdirSync(folder, {recursive: true})
  const styles = readdirSync(defaultStylesRoot).filter((name) => name.endsWith('.csl')).map((name) => readFileSync(path.join(defaultStylesRoot, name), 'utf8'))
  return [...styles, ...Object.values(cslLocales)].map((xml) => {
    const name = parsedCslName(xml)
    writeFileSync(path.join(folder, name), JSON.stringify(parseCslXml(xml)))
    return name
  })
}
