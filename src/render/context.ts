import type {Element, ElementContent} from 'hast'
import type {EditionName} from '../model/schemas/config.js'
import type {ReportModel} from '../model/types.js'
import type {CitationCollector} from './citations/collector.js'
import type {Labels} from './labels.js'

/** `web`: endnotes with back-links; `print`: footnotes inline for Paged.js (`float: footnote`). */
export type RenderMode = 'web' | 'print'

/** One note of an edition: numbered in reading order, from a citation, a Markdown footnote or an inline note. */
export interface Note {
  number: number
  content: ElementContent[]
  /** Where the call is written, so print problems can point back to the Markdown. */
  origin: {file: string; position: import('unist').Position | undefined}
}

/** What every handler needs while rendering one edition. */
export interface RenderContext {
  model: ReportModel
  edition: EditionName
  mode: RenderMode
  labels: Labels
  /** Ids present in this edition; a link to one of `otherIds` goes to the other edition's page. */
  ids: ReadonlySet<string>
  /** Ids present in the other edition only. */
  otherIds: ReadonlySet<string>
  /** `rapport.html`: the page of each edition, for links across editions. */
  pageOf: Record<EditionName, string>
  notes: Note[]
  /** Footnote numbers already given, by `file#identifier`, so a second call reuses its number. */
  footnoteNumbers: Map<string, number>
  /** The edition's citations, formatted together by the CSL style once all are read. */
  citations: CitationCollector
  /** Figure and table numbers of this edition, by id (`render/numbering.ts`). */
  numbers: ReadonlyMap<string, number>
  /** Where an image named in `file` as `url` is found beside the HTML (`render/images.ts`). */
  imageSource: (file: string, url: string) => string
  /** Set once a formula is rendered: the page then needs KaTeX's stylesheet and fonts. */
  usesMath: boolean
  /** The note calls a note style made from citations (render/notes-after-punctuation.ts). */
  citationCalls: WeakSet<Element>
}

/**
 * The href for an id: local when this edition has it, else the other edition's web page. In
 * print, a link to the other edition has no target a PDF can hold (Chromium would write the build
 * machine's file:// path into it, and the bytes would change with the output folder): none.
 */
export function hrefFor(context: RenderContext, id: string): string | undefined {
  if (context.ids.has(id)) return `#${id}`
  if (context.mode === 'print') return undefined
  // An id no edition has (`broken-ref` reports it, an error unless turned down) stays as written.
  if (!context.otherIds.has(id)) return `#${id}`
  const other: EditionName = context.edition === 'full' ? 'synthesis' : 'full'
  return `${context.pageOf[other]}#${id}`
}
