import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import {PrintError} from './deadline.js'

/**
 * Paged.js's browser builds, with one hook of rapporteur's in them. Paged.js 0.4 does not let a
 * handler replace how its footnote module places a paragraph's notes, so its source gets one line
 * at the top of `Footnotes.findVisibleFootnotes`: when `window.rapporteurPlaceNotes` (defined in
 * browser-side/place-notes.ts) places them all itself it returns true, and Paged.js's own code, which
 * measures each note on its own, is skipped; otherwise that code runs as shipped.
 */
const ANCHOR = 'findVisibleFootnotes(notes, node) {'
const HOOK = ' if (window.rapporteurPlaceNotes && window.rapporteurPlaceNotes(this, notes, node)) return;'

/** The hook put into a Paged.js build's source; a build without exactly one anchor is refused, not left unhooked. */
export function hookPagedSource(source: string, file: string): string {
  const at = source.indexOf(ANCHOR)
  if (at < 0 || source.indexOf(ANCHOR, at + 1) >= 0) {
    throw new PrintError(
      `${file} is not the Paged.js 0.4 build rapporteur knows (its footnote module's findVisibleFootnotes was not found once)`,
      'Reinstall rapporteur (`npm ci`): it needs the Paged.js version its package-lock.json names.'
    )
  }
  const end = at + ANCHOR.length
  return source.slice(0, end) + HOOK + source.slice(end)
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
