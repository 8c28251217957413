import {createHash} from 'node:crypto'
// Imported, not required when first used: the CLI's bundle then holds it, compiled from V8's code cache (scripts/bundle.js).
import citeproc from 'citeproc'
import {cslNameVariables, type CslItem, type CslStyle} from '../../model/schemas/csl.js'
import {cslLocales, localeOf} from './locales.js'
import {cslInput, parseCslXml} from './parsed-xml.js'
import {markTitleLanguage} from './title-language.js'
import {numberAsWritten} from './written-numbers.js'

export {localeOf}

export type {CslStyle}

/** The few parts of citeproc-js's engine that rapporteur uses. */
export interface CiteprocEngine {
  opt: {xclass: 'note' | 'in-text'; development_extensions: Record<string, boolean>; update_mode: number; citation_number_sort?: boolean; grouped_sort?: boolean; parallel: {enable?: boolean}}
  sys: {retrieveItem: (id: string) => CslItem | undefined}
  rebuildProcessorState(citations: CiteprocCitation[], mode: 'html' | 'text', uncited?: string[]): Array<[string, number, string]>
  updateItems(ids: string[]): void
  updateUncitedItems(ids: string[]): void
  processCitationCluster(citation: CiteprocCitation, pre: Array<[string, number]>, post: Array<[string, number]>, flag?: number): [unknown, Array<[number, string]>]
  registry: {citationreg: {citationById: Record<string, CiteprocCitation>}}
  retrieveItem(id: string): CslItem & {id: string; language?: string}
  transform: {loadAbbreviation(jurisdiction: string, category: string, id: string, language?: string): void}
  citation_sort: {tokens: unknown[]}
  citation: {srt: {compareCompositeKeys(a: unknown, b: unknown): number}}

  makeCitationCluster(items: CiteprocItem[]): string
  /** `select`: only the works whose fields have these values (CSL-M's bibliography sections, which citeproc-js reads). */
  makeBibliography(section?: {select: Array<{field: string; value: string}>}): false | [{entry_ids: string[][]}, string[]]
  setOutputFormat(mode: 'html' | 'text'): void
}

/** One cited work as citeproc-js takes it. */
export interface CiteprocItem {
  id: string
  locator?: string
  label?: string
  prefix?: string
  suffix?: string
  'suppress-author'?: boolean
  'author-only'?: boolean
}

export interface CiteprocCitation {
  citationID: string
  citationItems: CiteprocItem[]
  properties: {noteIndex: number}
  /** What citeproc-js keeps on a citation it processed: each cite's work and request, in order. */
  sortedItems?: Array<[unknown, CiteprocItem]>
}


const engines = new Map<string, CiteprocEngine>()

/**
 * A citeproc-js engine for a style and language, over `items`. Building one parses the style
 * (tens of milliseconds), so engines are kept per style and locale and handed new items; each
 * use starts from a clean state (`rebuildProcessorState`).
 */
export function engineFor(style: CslStyle, lang: string, items: ReadonlyMap<string, CslItem>): CiteprocEngine {
  const locale = localeOf(lang)
  const key = `${createHash('sha1').update(style.xml).digest('hex')}|${locale}`
  let engine = engines.get(key)
  if (!engine) {
    const CSL = citeproc as {Engine: new (sys: object, style: string | object, lang: string, force: boolean) => CiteprocEngine}
    // Each as parsed when rapporteur was built, when it was (parsed-xml.ts).
    const sys = {retrieveLocale: (name: string) => cslInput(cslLocales[name] ?? cslLocales[localeOf(name)]!), retrieveItem: (id: string) => items.get(id)}
    engine = new CSL.Engine(sys, cslInput(style.xml), locale, true)
    // DOIs and URLs as links, in the HTML and so in the PDF.
    engine.opt.development_extensions.wrap_url_and_doi = true
    engines.set(key, engine)
    if (engines.size > 8) engines.delete(engines.keys().next().value!)
  }
  const prepared = new Map<string, CslItem>()
  engine.sys.retrieveItem = (id) => {
    const titled = id.endsWith(TITLE_AS_AUTHOR)
    const author = titled || id.endsWith(AUTHOR_ONLY)
    const item = items.get(author ? id.slice(0, -(titled ? TITLE_AS_AUTHOR : AUTHOR_ONLY).length) : id)
    if (!item) return undefined
    let ready = prepared.get(id)
    if (!ready) prepared.set(id, (ready = titled ? titleAsAuthor(item, id) : author ? {...namesOf(item), id} : markTitleLanguage(numberAsWritten(numbersAsStrings(item)), lang)))
    return ready
  }
  return engine
}

/**
 * CSL-JSON allows numbers for number variables (`volume: 525`), but citeproc-js sorts and pads
 * them as strings and throws on a number (`num.match is not a function`): hand it strings.
 */
/**
 * The id under which a work is given with its names alone, for the author of `@key` in the
 * sentence (`'author-only'`): citeproc-js prints only the names then, but a note style's labels and
 * terms for the work's other variables came out with them (`Okafor and Lindqvist, vol., no., pp.`).
 */
const AUTHOR_ONLY = '\u0000author-only'

export function authorOnlyId(id: string): string {
  return id + AUTHOR_ONLY
}

/**
 * The id under which a work is given with its title (short, else full) as its only author: what
 * `@key` in the sentence prints, as Pandoc prints the title of a work without author, when the
 * style's author-only form prints nothing for it (citeproc-js's `[NO_PRINTED_FORM]`).
 */
const TITLE_AS_AUTHOR = '\u0000title-as-author'

export function titleAsAuthorId(id: string): string {
  return id + TITLE_AS_AUTHOR
}

/** citeproc-js's stand-ins for a work or a citation the style prints nothing for. */
export const NO_PRINTED_FORM = /\[NO_PRINTED_FORM\]|\[CSL STYLE ERROR: reference with no printed form\.\]/gu

/** What a reader knows a work by, when a style prints nothing for it: its short title, else its title, else its key. */
export function workName(item: CslItem): string {
  const name = item['title-short'] ?? item.title ?? item['container-title'] ?? item.id
  return String(name)
}

function titleAsAuthor(item: CslItem, id: string): CslItem {
  // A book: every style prints a book's author, where a style's branch for a law may print no names at all.
  return {id, type: 'book', author: [{literal: workName(item)}]} as CslItem
}

/** What stands for a work's author: its names, and its title for a style that puts the title in their place. */
function namesOf(item: CslItem): CslItem {
  const kept: Record<string, unknown> = {id: item.id, type: item.type}
  for (const name of cslNameVariables) if (item[name] !== undefined) kept[name] = item[name]
  for (const name of ['title', 'title-short', 'container-title', 'container-title-short'] as const) if (item[name] !== undefined) kept[name] = item[name]
  return kept as CslItem
}

export function numbersAsStrings(item: CslItem): CslItem {
  const entries = Object.entries(item).map(([name, value]) => [name, typeof value === 'number' ? String(value) : value])
  return Object.fromEntries(entries) as CslItem
}

/**
 * Whether a style puts its citations in notes (`class="note"`) or in the text: its root's `class`,
 * which citeproc-js reads into `opt.xclass`, read from the style as citeproc-js parses it, so that
 * no engine is built for it (a build whose citations are in the store builds none).
 */
export function isNoteStyle(style: CslStyle): boolean {
  const input = cslInput(style.xml)
  const tree = (typeof input === 'string' ? parseCslXml(input) : input) as {attrs?: Record<string, unknown>} | null
  return tree?.attrs?.class === 'note'
}

/** citeproc-js's flag for processCitationCluster: the items are registered already (updateItems). */
const ASSUME_ALL_ITEMS_REGISTERED = 2
/** citeproc-js's `opt.update_mode` for styles whose output depends on positions (ibid, subsequent…). */
const POSITION = 2

/** The parts of citeproc-js's CSL object the preparation below calls. */
interface CslModule {
  parseLocator(this: CiteprocEngine, item: CiteprocItem): CiteprocItem
  getSortKeys(this: CiteprocEngine, item: unknown, key: 'citation_sort'): unknown
  LOCATOR_LABELS_REGEXP: RegExp
  LOCATOR_LABELS_MAP: Record<string, string>
}

/**
 * What `rebuildProcessorState(citations, 'html', uncited)` returns, in linear time. citeproc-js
 * rebuilds by processing each citation after all those before it, and each call walks the whole
 * list again: 4.5 s for the 2,420 citations of a 300-page report. Here every citation is registered
 * first, then one last call over the whole list lets citeproc-js work out every position
 * (subsequent, ibid, near-note, first note number) in one pass and format each citation. Positions
 * only look back, and every work is registered before the first citation (so disambiguation does
 * not move), hence the same output; test/render/citation-engine.test.ts compares the two on real
 * styles.
 *
 * A citation is registered the way processCitationCluster prepares it (its works, locators and
 * order), without formatting it: the last call formats them all. That is for styles whose output
 * depends on positions, with none of citeproc-js's rarer options; otherwise, or should the last
 * call not format every citation, each is formatted on its own first, as the first cite of its
 * works, and the last call formats again those whose position changed.
 */
export function formatAllCitations(engine: CiteprocEngine, citations: CiteprocCitation[], uncited: string[]): Array<[string, number, string]> {
  engine.updateItems([...new Set(citations.flatMap((citation) => citation.citationItems.map((item) => String(item.id))))])
  engine.setOutputFormat('html')
  const formatted = (canPrepare(engine) && positionsPass(engine, citations, citations.map((citation) => prepare(engine, citation)))) || formatEachThenPositions(engine, citations)
  engine.updateUncitedItems(uncited)
  return citations.map((citation, index) => [citation.citationID, citation.properties.noteIndex, formatted[index]!])
}

function formatEachThenPositions(engine: CiteprocEngine, citations: CiteprocCitation[]): string[] {
  const formatted: string[] = []
  for (const citation of citations) {
    const [, results] = engine.processCitationCluster(citation, [], [], ASSUME_ALL_ITEMS_REGISTERED)
    formatted.push(results[0]![1])
  }
  return positionsPass(engine, citations, formatted) || formatted
}

/**
 * The last call: every citation registered, the last one processed after all the others. Fills
 * `formatted` with what it formats; undefined when a citation is left without its text.
 */
function positionsPass(engine: CiteprocEngine, citations: CiteprocCitation[], formatted: Array<string | undefined>): string[] | undefined {
  const last = citations.at(-1)
  if (!last) return []
  engine.registry.citationreg.citationById = Object.fromEntries(citations.map((citation) => [citation.citationID, citation]))
  const before = citations.slice(0, -1).map((citation): [string, number] => [citation.citationID, citation.properties.noteIndex])
  const [, results] = engine.processCitationCluster(last, before, [], ASSUME_ALL_ITEMS_REGISTERED)
  const out = [...formatted]
  for (const [index, html] of results) out[index] = html
  return out.every((html) => typeof html === 'string') ? (out as string[]) : undefined
}

/** Whether citations can be registered without formatting: a style with positions, none of the rarer options. */
function canPrepare(engine: CiteprocEngine): boolean {
  const {opt} = engine
  return opt.update_mode === POSITION && !opt.grouped_sort && !opt.parallel.enable && !opt.development_extensions.consolidate_legal_items
}

/** A citation as processCitationCluster prepares it before the positions: works, locators, order. */
function prepare(engine: CiteprocEngine, citation: CiteprocCitation): undefined {
  const CSL = citeproc as CslModule
  const sortedItems = citation.citationItems.map((request): [unknown, CiteprocItem] => {
    const Item = engine.retrieveItem(String(request.id))
    if (Item.id) engine.transform.loadAbbreviation('default', 'hereinafter', Item.id, Item.language)
    const item = CSL.parseLocator.call(engine, {...request})
    if (engine.opt.development_extensions.locator_label_parse && item.locator && !['bill', 'gazette', 'legislation', 'regulation', 'treaty'].includes(String(Item.type)) && (!item.label || item.label === 'page')) {
      const match = CSL.LOCATOR_LABELS_REGEXP.exec(item.locator)
      const label = match ? CSL.LOCATOR_LABELS_MAP[match[2]!] : undefined
      if (match && label && (engine as unknown as {getTerm(name: string): unknown}).getTerm(label)) {
        item.label = label
        item.locator = match[3]
      }
    }
    ;(request as CiteprocItem & {item?: unknown}).item = Item
    return [Item, item]
  })
  if (!engine.opt.citation_number_sort && sortedItems.length > 1 && engine.citation_sort.tokens.length > 0) {
    for (const [Item, item] of sortedItems) (item as CiteprocItem & {sortkeys?: unknown}).sortkeys = CSL.getSortKeys.call(engine, Item, 'citation_sort')
    if (!(citation.properties as {unsorted?: boolean}).unsorted) sortedItems.sort((a, b) => engine.citation.srt.compareCompositeKeys(a, b))
  }
  citation.sortedItems = sortedItems
  return undefined
}
