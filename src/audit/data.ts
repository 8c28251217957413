import type {Point, Position} from 'unist'
import type {Source} from '../model/schemas/sources.js'
import type {ReviewFile, ReviewMark} from '../model/schemas/review.js'
import type {Entry, Figure, Located, ReportModel} from '../model/types.js'
import {figureFingerprint} from './review/fingerprint.js'
import {countReview, matchReview, type ReviewState, type RowReview} from './review/match.js'
import {firstById} from '../model/registry/first-by-id.js'

export type FigureStatus = Figure['status']

/** The statuses in the order the page shows them: sourced first, the ones to fix last. */
export const figureStatuses: readonly FigureStatus[] = ['cited', 'stat', 'viewpoint', 'waived', 'uncited']

/** One source a figure rests on: the registry entry (undefined for an unknown key) and its locator. */
export interface SourceRef {
  key: string
  source: Source | undefined
  locator: string | undefined
}

/** A figure's sentence cut around the figure, so the page can wrap it in `<mark>`. */
export interface Highlight {
  before: string
  figure: string
  after: string
}

export interface FigureRow {
  figure: Figure
  /** Index into `AuditData.chapters`: the filter compares indexes, never user text. */
  chapter: number
  refs: SourceRef[]
  /** Undefined when the figure cannot be found in its sentence: the sentence is shown unmarked. */
  highlight: Highlight | undefined
  /** What identifies the figure across rebuilds (`review/fingerprint.ts`). */
  fingerprint: string
  /** Its mark in the review read with `--review`, or `unreviewed`. */
  review: RowReview
}

export interface SourceRow {
  entry: Entry<Source>
  /** Citations of the source and stat blocks resting on it, in reading order. */
  uses: Located[]
}

/** Everything the page shows, derived once from the model so the parts only lay it out. */
export interface AuditData {
  figures: FigureRow[]
  chapters: Array<string | undefined>
  counts: Record<FigureStatus, number>
  sources: SourceRow[]
  unused: Array<Entry<Source>>
  reviewCounts: Record<ReviewState, number>
  /** Marks of the review whose figure is no longer in the report. */
  orphans: ReviewMark[]
}

/**
 * Derive the audit's rows from the model, and match them with a review's marks: pure, no I/O,
 * same order as `export figures`.
 */
export function auditData(model: ReportModel, review?: ReviewFile): AuditData {
  const byId = new Map([...firstById(model.sources)].map(([id, entry]) => [id, entry.value]))
  const chapters = [...new Set(model.figures.map((figure) => figure.chapter))]
  const counts = Object.fromEntries(figureStatuses.map((status) => [status, 0])) as Record<FigureStatus, number>
  const seen = new Map<string, number>()
  const figures = model.figures.map((figure): FigureRow => {
    counts[figure.status]++
    // The same figure text can occur twice in one sentence: the n-th row marks the n-th occurrence.
    const key = JSON.stringify([figure.file, figure.sentence, figure.text])
    const occurrence = seen.get(key) ?? 0
    seen.set(key, occurrence + 1)
    const refs = figure.keys.map((key) => ({key, source: byId.get(key), locator: locatorFor(model, figure, key)}))
    const fingerprint = figureFingerprint({
      file: figure.file,
      // The sentence as fingerprints have always read it: marks made before links and subscripts were shown still hold.
      sentence: figure.sentenceKey ?? figure.sentence,
      figure: figure.text,
      status: figure.status,
      sources: refs,
      waiverReason: figure.waiverReason,
      occurrence
    })
    return {figure, chapter: chapters.indexOf(figure.chapter), refs, highlight: highlight(figure.sentence, figure.text, occurrence), fingerprint, review: {state: 'unreviewed'}}
  })
  const match = matchReview(
    figures.map((row) => ({fingerprint: row.fingerprint, file: row.figure.file, line: row.figure.position.start.line, figure: row.figure.text, sentence: row.figure.sentence})),
    review?.marks ?? []
  )
  figures.forEach((row, index) => (row.review = match.rows[index]!))
  const order = new Map(model.documents.map((document, index) => [document.path, index]))
  const sources = model.sources.map((entry): SourceRow => {
    const uses: Located[] = [...model.citations.filter((citation) => citation.key === entry.value.id), ...model.stats.filter((stat) => stat.source === entry.value.id)]
    uses.sort((a, b) => (order.get(a.file) ?? 0) - (order.get(b.file) ?? 0) || compare(a.position.start, b.position.start))
    return {entry, uses}
  })
  // "Used" means what the `unused-source` rule and `export sources` count: citations and stat blocks.
  const unused = sources.filter((row) => row.uses.length === 0).map((row) => row.entry)
  return {figures, chapters, counts, sources, unused, reviewCounts: countReview(match.rows), orphans: match.orphans}
}

/**
 * The locator of the citation a figure rests on. The model keeps a figure's keys but not which
 * citation gave them, so take the nearest citation of that key at or after the figure in the same
 * file (the sentence's own citation, or its footnote's definition further down), else the nearest
 * before it (a table caption above the table). A stat block carries its own locator.
 */
function locatorFor(model: ReportModel, figure: Figure, key: string): string | undefined {
  if (figure.status === 'stat') {
    const stat = model.stats.find((item) => item.file === figure.file && item.source === key && contains(item.position, figure.position.start))
    return stat?.locator || undefined
  }
  const candidates = model.citations.filter((citation) => citation.file === figure.file && citation.key === key)
  const after = candidates.filter((citation) => compare(citation.position.start, figure.position.start) >= 0)
  const before = candidates.filter((citation) => compare(citation.position.start, figure.position.start) < 0)
  const chosen = after.sort((a, b) => compare(a.position.start, b.position.start))[0] ?? before.sort((a, b) => compare(b.position.start, a.position.start))[0]
  return chosen?.locator || undefined
}

function compare(a: Point, b: Point): number {
  return a.line - b.line || a.column - b.column
}

function contains(range: Position, point: Point): boolean {
  return compare(range.start, point) <= 0 && compare(point, range.end) <= 0
}

/**
 * Cut the sentence around the `occurrence`-th appearance of the figure. The model's sentence has
 * its white space collapsed to plain spaces (no-break spaces included), so the figure is too.
 */
export function highlight(sentence: string, text: string, occurrence = 0): Highlight | undefined {
  const needle = text.replace(/\s+/gu, ' ').trim()
  if (!needle) return undefined
  let at = -1
  for (let index = 0; index <= occurrence; index++) {
    const next = sentence.indexOf(needle, at + 1)
    if (next === -1) break
    at = next
  }
  if (at === -1) return undefined
  return {before: sentence.slice(0, at), figure: sentence.slice(at, at + needle.length), after: sentence.slice(at + needle.length)}
}

/** `chapters/intro.md:12`: how the page names a place, short enough for a table cell. */
export function placeOf(item: Located): string {
  return `${item.file}:${item.position.start.line}`
}

/**
 * Whether a registry URL may become a link. The schema accepts any URL, `javascript:` included;
 * the page links only web addresses and shows anything else as plain text.
 */
export function isWebUrl(url: string | undefined): url is string {
  return url !== undefined && /^https?:\/\//iu.test(url)
}

/** A source's links: its web address, and its DOI with the doi.org address that resolves it. */
export interface SourceLinks {
  url: string | undefined
  doi: {id: string; href: string} | undefined
}

const doiPattern = /^10\.\d{4,9}\/\S+$/u
const doiPrefix = /^(?:doi:\s*|https?:\/\/(?:dx\.)?doi\.org\/)/iu

/**
 * The links the page gives a source. A DOI (CSL `DOI`, BibTeX `doi`, written bare, as `doi:…` or
 * as a doi.org address) links to doi.org; the URL links only when it is a web address, and is
 * left out when it is nothing but the DOI's own address (the registry derives one from the other).
 */
export function sourceLinks(source: Source): SourceLinks {
  const written = typeof source.csl.DOI === 'string' ? source.csl.DOI : undefined
  const urlField = typeof source.csl.URL === 'string' ? source.csl.URL : undefined
  // A doi.org address given as the URL is a DOI too.
  const candidate = (written ?? (urlField && doiPrefix.test(urlField) ? urlField : undefined))?.trim().replace(doiPrefix, '')
  const id = candidate && doiPattern.test(candidate) ? candidate : undefined
  const doi = id ? {id, href: `https://doi.org/${encodeURIComponent(id).replace(/%2F/gu, '/')}`} : undefined
  const url = isWebUrl(urlField) && !(doi && doiPrefix.test(urlField)) ? urlField : undefined
  return {url, doi}
}
