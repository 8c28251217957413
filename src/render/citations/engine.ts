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
