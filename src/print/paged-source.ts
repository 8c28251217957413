import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import {PrintError} from './deadline.js'

/**
 * Paged.js's browser builds, with two hooks of rapporteur's in them, each a line that calls a
 * function of the page's handlers script when it is there (Paged.js 0.4 lets a handler replace
 * neither step):
 * - at the top of `Footnotes.findVisibleFootnotes`: when `window.rapporteurPlaceNotes`
 *   (browser-side/place-notes.ts) places a paragraph's notes all at once itself it returns true,
 *   and Paged.js's own code, which measures each note on its own, is skipped;
 * - in `Layout.textBreak`, where the page break inside a word is looked for letter by letter: the
 *   letter's box is `window.rapporteurLetterBox` (browser-side/letter-box.ts), not the box around
 *   all of a letter's pieces, which after a soft hyphen at the end of a line takes in that hyphen.
 */
const HOOKS = [
  {anchor: 'findVisibleFootnotes(notes, node) {', replacement: 'findVisibleFootnotes(notes, node) { if (window.rapporteurPlaceNotes && window.rapporteurPlaceNotes(this, notes, node)) return;'},
  {anchor: 'pos = getBoundingClientRect(letter);', replacement: 'pos = window.rapporteurLetterBox ? window.rapporteurLetterBox(letter) : getBoundingClientRect(letter);'}
]

/** The hooks put into a Paged.js build's source; a build without exactly one of each anchor is refused, not left unhooked. */
export function hookPagedSource(source: string, file: string): string {
  let hooked = source
  for (const {anchor, replacement} of HOOKS) {
    const at = hooked.indexOf(anchor)
    if (at < 0 || hooked.indexOf(anchor, at + 1) >= 0) {
      throw new PrintError(
        `${file} is not the Paged.js 0.4 build rapporteur knows (\`${anchor}\` was not found once)`,
        'Reinstall rapporteur (`npm ci`): it needs the Paged.js version its package-lock.json names.'
      )
    }
    hooked = hooked.slice(0, at) + replacement + hooked.slice(at + anchor.length)
  }
  return hooked
}

/** A file of Paged.js's `dist/` folder; the package's exports do not name them, so go through its folder. */
function pagedDistFile(name: 'paged.js' | 'paged.polyfill.js'): string {
  const entry = createRequire(import.meta.url).resolve('pagedjs')
  return path.join(path.dirname(entry), '..', 'dist', name)
}

const sources = new Map<string, string>()

/** Read once per process: the build that defines window.Paged (print), or the one that lays out the page it is loaded in (preview). */
export function pagedSource(name: 'paged.js' | 'paged.polyfill.js'): string {
  let source = sources.get(name)
  if (source === undefined) {
    const file = pagedDistFile(name)
    source = hookPagedSource(readFileSync(file, 'utf8'), file)
    sources.set(name, source)
  }
  return source
}
