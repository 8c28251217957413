import {mergeExpressions} from '../../model/figures/merge.js'
import {scanNumbers} from '../../model/figures/scan.js'
import {expressionValue, wordValue, type ValuePart} from '../../model/figures/value.js'
import {findWordFigures} from '../../model/figures/words.js'
import type {ArchivedText, Figure, InSource} from '../../model/types.js'

/** A number as a source states it. */
export interface SourceNumber {
  value: number
  percent: boolean
}

/** The numbers of each page of an archived copy, read once per check. */
export type IndexedArchive = Array<{label: string; numbers: SourceNumber[]}>

/**
 * Every number of a source's page, by value: `52 %`, `52%` and `52 pour cent` are 52 percent;
 * `100 000`, `100,000` and `100.000` are 100000; `3,5 millions` is 3500000; `deux tiers` is 66.7
 * percent. A source is read without the report's exclusions: its dates are numbers too.
 */
export function numbersOf(text: string): SourceNumber[] {
  const numbers: SourceNumber[] = []
  const add = (parts: ValuePart[]) => {
    for (const part of parts) numbers.push({value: part.value, percent: part.percent})
  }
  for (const expression of mergeExpressions(text, scanNumbers(text))) {
    for (const alternative of expressionValue(text, expression)) add(alternative)
    // `2.925` in French is 2 925: read a dot before three digits both ways.
    for (const core of expression.cores) {
      if (/^\d{1,3}(?:\.\d{3})+$/u.test(core.digits)) numbers.push({value: Number(core.digits.replace(/\./gu, '')), percent: false})
    }
  }
  for (const figure of findWordFigures(text)) for (const alternative of wordValue(figure)) add(alternative)
  // `un enfant sur 5`, `one in 4`: a ratio half in words.
  for (const match of text.matchAll(/\b(?:un|une|one)\s+(?:\p{L}+\s+){0,2}(?:sur|in|out of)\s+(\d+)(?!\d)/giu)) {
    const denominator = Number(match[1])
    if (denominator >= 2) numbers.push({value: 100 / denominator, percent: true})
  }
  return numbers
}

export function indexArchive(archive: ArchivedText): IndexedArchive {
  return archive.pages.map((page) => ({label: page.label, numbers: numbersOf(page.text)}))
}

/** Whether a page states a figure: every number of one of its alternatives is there. */
function onPage(figure: NonNullable<Figure['value']>, numbers: readonly SourceNumber[]): boolean {
  return figure.some((alternative) => alternative.length > 0 && alternative.every((part) => numbers.some((number) => matches(part, number))))
}

function matches(part: ValuePart, number: SourceNumber): boolean {
  const distance = Math.abs(number.value - part.value)
  // A percentage in a table is often written bare under a `%` header: then it must be exact.
  if (part.percent && !number.percent) return distance < 1e-9
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
    const found = archives.get(key)!.filter((page) => onPage(figure.value!, page.numbers)).map((page) => page.label)
    if (found.length === 0) continue
    const cited = (figure.pages ?? []).filter((entry) => entry.key === key)
    const citedPages = new Set(cited.flatMap((entry) => [...pagesOfLocator(entry.pages)]))
    if (citedPages.size === 0 || found.some((page) => citedPages.has(page))) return {status: 'found', key, pages: found}
    elsewhere ??= {status: 'not-on-page', key, cited: cited.map((entry) => entry.pages).join(', '), pages: found}
  }
  if (elsewhere) return elsewhere
  return archived.length < figure.keys.length ? {status: 'no-archive'} : {status: 'not-found', keys: archived}
}

/** Set `inSource` on every figure, indexing each archive once. */
export function attachSourceChecks(figures: readonly Figure[], archives: ReadonlyMap<string, ArchivedText>): void {
  const indexed = new Map([...archives].map(([key, archive]) => [key, indexArchive(archive)]))
  for (const figure of figures) figure.inSource = locateFigure(figure, indexed)
}
