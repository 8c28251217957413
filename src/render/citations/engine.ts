import {createHash} from 'node:crypto'
import {createRequire} from 'node:module'
import type {CslItem, CslStyle} from '../../model/schemas/csl.js'

export type {CslStyle}

const require = createRequire(import.meta.url)

/** The few parts of citeproc-js's engine that rapporteur uses. */
export interface CiteprocEngine {
  opt: {xclass: 'note' | 'in-text'; development_extensions: Record<string, boolean>}
  sys: {retrieveItem: (id: string) => CslItem | undefined}
  rebuildProcessorState(citations: CiteprocCitation[], mode: 'html' | 'text', uncited?: string[]): Array<[string, number, string]>
  updateItems(ids: string[]): void
  updateUncitedItems(ids: string[]): void
  processCitationCluster(citation: CiteprocCitation, pre: Array<[string, number]>, post: Array<[string, number]>, flag?: number): [unknown, Array<[number, string]>]
  registry: {citationreg: {citationById: Record<string, CiteprocCitation>}}
  makeCitationCluster(items: CiteprocItem[]): string
  makeBibliography(): false | [{entry_ids: string[][]}, string[]]
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
}


/** The CSL locales that come with citation-js (fr-FR, en-US, de-DE, es-ES, nl-NL). */
const locales = require('@citation-js/plugin-csl/lib/locales.json') as Record<string, string>

/** The bundled CSL locale closest to a BCP 47 tag: `fr` → `fr-FR`, `en-GB` → `en-US`. */
export function localeOf(lang: string): string {
  const exact = Object.keys(locales).find((locale) => locale.toLowerCase() === lang.toLowerCase())
  if (exact) return exact
  const language = lang.toLowerCase().split('-')[0]
  return Object.keys(locales).find((locale) => locale.toLowerCase().startsWith(`${language}-`)) ?? 'en-US'
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
    const CSL = require('citeproc') as {Engine: new (sys: object, style: string, lang: string, force: boolean) => CiteprocEngine}
    const sys = {retrieveLocale: (name: string) => locales[name] ?? locales[localeOf(name)], retrieveItem: (id: string) => items.get(id)}
    engine = new CSL.Engine(sys, style.xml, locale, true)
    // DOIs and URLs as links, in the HTML and so in the PDF.
    engine.opt.development_extensions.wrap_url_and_doi = true
    engines.set(key, engine)
    if (engines.size > 8) engines.delete(engines.keys().next().value!)
  }
  const prepared = new Map<string, CslItem>()
  engine.sys.retrieveItem = (id) => {
    const item = items.get(id)
    if (!item) return undefined
    let ready = prepared.get(id)
    if (!ready) prepared.set(id, (ready = numbersAsStrings(item)))
    return ready
  }
  return engine
}

/**
 * CSL-JSON allows numbers for number variables (`volume: 525`), but citeproc-js sorts and pads
 * them as strings and throws on a number (`num.match is not a function`): hand it strings.
 */
export function numbersAsStrings(item: CslItem): CslItem {
  const entries = Object.entries(item).map(([name, value]) => [name, typeof value === 'number' ? String(value) : value])
  return Object.fromEntries(entries) as CslItem
}

/** Whether a style puts its citations in notes (`class="note"`) or in the text. */
export function isNoteStyle(engine: CiteprocEngine): boolean {
  return engine.opt.xclass === 'note'
}

/** citeproc-js's flag for processCitationCluster: the items are registered already (updateItems). */
const ASSUME_ALL_ITEMS_REGISTERED = 2

/**
 * What `rebuildProcessorState(citations, 'html', uncited)` returns, in linear time. citeproc-js
 * rebuilds by processing each citation after all those before it, and each call walks the whole
 * list again: 9 s for the 2,420 citations of a 300-page report. Here every citation is formatted
 * on its own first (as the first cite of its works), then one last call over the whole list lets
 * citeproc-js work out every position (subsequent, ibid, near-note, first note number) in one pass
 * and format again the citations whose position changed. Positions only look back, and every work
 * is registered before the first citation (so disambiguation does not move), hence the same output;
 * test/render/citation-engine.test.ts compares the two on real styles.
 */
export function formatAllCitations(engine: CiteprocEngine, citations: CiteprocCitation[], uncited: string[]): Array<[string, number, string]> {
  engine.updateItems([...new Set(citations.flatMap((citation) => citation.citationItems.map((item) => String(item.id))))])
  engine.setOutputFormat('html')
  const formatted: string[] = []
  const byId: Record<string, CiteprocCitation> = {}
  for (const citation of citations) {
    const [, results] = engine.processCitationCluster(citation, [], [], ASSUME_ALL_ITEMS_REGISTERED)
    formatted.push(results[0]![1])
    byId[citation.citationID] = citation
  }
  const last = citations.at(-1)
  if (citations.length > 1 && last) {
    engine.registry.citationreg.citationById = byId
    const before = citations.slice(0, -1).map((citation): [string, number] => [citation.citationID, citation.properties.noteIndex])
    const [, results] = engine.processCitationCluster(last, before, [], ASSUME_ALL_ITEMS_REGISTERED)
    for (const [index, html] of results) formatted[index] = html
  }
  engine.updateUncitedItems(uncited)
  return citations.map((citation, index) => [citation.citationID, citation.properties.noteIndex, formatted[index]!])
}
