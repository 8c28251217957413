import type {SourceNumber} from '../../model/figures/source-numbers.js'
import type {ValuePart} from '../../model/figures/value.js'
import type {ArchivedText, Figure, InSource} from '../../model/types.js'

type IndexedArchive = Pick<ArchivedText, 'pages' | 'paged'>


/** Whether a page states a figure: every number of one of its alternatives is there. */
function onPage(figure: NonNullable<Figure['value']>, numbers: readonly SourceNumber[]): boolean {
  return figure.some((alternative) => alternative.length > 0 && alternative.every((part) => numbers.some((number) => matches(part, number))))
}

function matches(part: ValuePart, number: SourceNumber): boolean {
  const distance = Math.abs(number.value - part.value)
  // A percentage in a table is often written bare under a `%` header: then it must be exact, and
  // not a count (`5 chats` is no 5 %).
  if (part.percent && !number.percent) return !number.counts && distance < 1e-9
  return distance <= part.tolerance + 1e-9
}

/** The page labels a locator names: `16`, `16-18`, `16, 18`, `iv`. */
export function pagesOfLocator(locator: string): Set<string> {
  const pages = new Set<string>()
  for (const piece of locator.split(/[,;]|\bet\b|\band\b/u)) {
    const range = /^\s*(\d+)\s*(?:-{1,3}|–|—|à|to)\s*(\d+)\s*$/u.exec(piece)
    if (range) {
      const [from, to] = [Number(range[1]), Number(range[2])]
      for (let page = from; page <= Math.min(to, from + 500); page++) pages.add(String(page))
    } else if (piece.trim()) pages.add(piece.trim().replace(/^(?:pp?\.|pages?)\s*/u, ''))
  }
  return pages
}

/**
 * Look a covered figure up in the archived copies of the sources that cover it. Found on the
 * cited page, or anywhere when no page is cited: `found`. Found elsewhere only: `not-on-page`.
 * Nowhere, and every covering source archived: `not-found`. A covering source without an archived
 * copy could hold it: `no-archive`.
 */
export function locateFigure(figure: Figure, archives: ReadonlyMap<string, IndexedArchive>): InSource {
  if (figure.status !== 'cited' && figure.status !== 'stat') return {status: 'not-checked'}
  if (!figure.value || figure.value.length === 0) return {status: 'not-checked'}
  const archived = figure.keys.filter((key) => archives.has(key))
  if (archived.length === 0) return {status: 'no-archive'}
  let elsewhere: InSource | undefined
  for (const key of archived) {
    const archive = archives.get(key)!
    const found = archive.pages.filter((page) => onPage(figure.value!, page.numbers)).map((page) => page.label)
    if (found.length === 0) continue
    // A text, Markdown or HTML copy has no pages of the original: the cited page is not checked.
    const cited = archive.paged ? (figure.pages ?? []).filter((entry) => entry.key === key) : []
    const citedPages = new Set(cited.flatMap((entry) => [...pagesOfLocator(entry.pages)]))
    if (citedPages.size === 0 || found.some((page) => citedPages.has(page))) return {status: 'found', key, pages: found}
    elsewhere ??= {status: 'not-on-page', key, cited: cited.map((entry) => entry.pages).join(', '), pages: found}
  }
  if (elsewhere) return elsewhere
  return archived.length < figure.keys.length ? {status: 'no-archive'} : {status: 'not-found', keys: archived}
}

/** Set `inSource` on every figure. */
export function attachSourceChecks(figures: readonly Figure[], archives: ReadonlyMap<string, ArchivedText>): void {
  const pages = new Map([...archives].map(([key, archive]) => [key, archive]))
  for (const figure of figures) figure.inSource = locateFigure(figure, pages)
}

/** The sources whose archived copy a check needs: those that cover a figure it can look up. */
export function sourcesToLookUp(figures: readonly Figure[]): Set<string> {
  const keys = new Set<string>()
  for (const figure of figures) {
    if ((figure.status === 'cited' || figure.status === 'stat') && figure.value && figure.value.length > 0) for (const key of figure.keys) keys.add(key)
  }
  return keys
}
