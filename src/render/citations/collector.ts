import {createHash} from 'node:crypto'
import type {Element, ElementContent} from 'hast'
import {fromHtml} from 'hast-util-from-html'
import {h} from 'hastscript'
import {CannotRunError} from '../../load/cannot-run.js'
import type {CslItem} from '../../model/schemas/csl.js'
import {gluesToLocator} from '../../parse/citation/index.js'
import type {Citation, CitationItem} from '../../parse/citation/types.js'
import {AffixParking} from './affixes.js'
import {bibliographyEntries} from './bibliography-entries.js'
import {authorOnlyId, engineFor, formatAllCitations, isNoteStyle, localeOf, NO_PRINTED_FORM, titleAsAuthorId, workName, type CiteprocCitation, type CiteprocEngine, type CiteprocItem, type CslStyle} from './engine.js'
import {escapeHtml} from '../escape-html.js'
import {restoreTitleLanguage} from './title-language.js'
import {restoreWrittenNumbers} from './written-numbers.js'

/** Renders a prefix or suffix (Markdown) as hast, with the document's own handlers. */
export type RenderAffix = (item: CitationItem, part: 'prefix' | 'suffix') => ElementContent[]

/** A private-use character: the stand-in prefix of a citation that follows words of its sentence in a note. */
const MID_SENTENCE = '\uE000'

const MONTHS = 'janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre'
const accessedMonth = new RegExp(`\\b([Cc])onsulté([ \\u00A0])le([ \\u00A0])(?=(?:${MONTHS})[ \\u00A0])`, 'gu')

/**
 * The French locale's "consulté le" before an access date of a month alone (`accessed: 2026-12`)
 * read "consulté le décembre 2026" (or "[Consulté le …]" at a sentence's start, as ISO 690 and Chicago
 * write it); French writes "consulté en décembre 2026". CSL has no test for
 * a date's day, so the locale's words are mended here, in French only.
 */
function accessedInMonth(html: string): string {
  return html.replace(accessedMonth, '$1onsulté$2en$3')
}

/** One bibliography entry as the style formats it. */
export interface BibliographyEntry {
  id: string
  content: ElementContent[]
}

/**
 * Collects an edition's citations in reading order while it renders, each as a placeholder,
 * then formats them all in one pass of citeproc-js, so that positions work (first note in full,
 * later ones short, "Ibid."), and fills the placeholders in place.
 */
export class CitationCollector {
  readonly noteStyle: boolean
  /** Built when citations are to be formatted, not when the store has them (built, ~25 ms of a CLI build). */
  private built: CiteprocEngine | undefined
  private readonly citations: CiteprocCitation[] = []
  /** Placeholders per citation: the cluster, and for `@key` in the text the author's name. */
  private readonly slots: Array<{cluster: Element; author?: Element; inText?: CiteprocItem}> = []
  private readonly uncited = new Set<string>()
  private readonly parking = new AffixParking()
  private readonly engineKey: string

  constructor(
    private readonly style: CslStyle,
    private readonly lang: string,
    private readonly items: ReadonlyMap<string, CslItem>,
    /** Where formatted editions are remembered: this process's memory, or what a build keeps between runs (api/citation-store.ts). */
    private readonly store: FormattedStore = processStore
  ) {
    this.engineKey = `${createHash('sha1').update(style.xml).digest('hex')}|${lang}`
    try {
      this.noteStyle = isNoteStyle(style)
    } catch (error) {
      throw styleError(style, error)
    }
  }

  /** citeproc-js's engine for the style and language, built the first time it is needed. */
  private get engine(): CiteprocEngine {
    if (!this.built) {
      try {
        this.built = engineFor(this.style, this.lang, this.items)
      } catch (error) {
        throw styleError(this.style, error)
      }
    }
    return this.built
  }

  /**
   * Register a citation; returns what stands in the text (author-in-text forms) and what goes in
   * the note or the parentheses. `noteIndex` is the note the citation sits in (0 in the text);
   * `midSentence`, that it follows words of its sentence in a note's text (no capital "Ibid.").
   */
  add(node: Citation, noteIndex: number, renderAffix: RenderAffix, {midSentence = false} = {}): {author: Element | undefined; cluster: Element} {
    const known = node.items.filter((item) => this.items.has(item.key))
    const cluster = h('span.rp-cite')
    const unknown = node.items.filter((item) => !this.items.has(item.key))
    // A key the registry lacks is an `unknown-source` error; the preview still shows where it is.
    if (known.length === 0) {
      cluster.children = [{type: 'text', value: unknown.map((item) => `@${item.key}`).join('; ')}]
      return {author: undefined, cluster}
    }
    const items = known.map((item): CiteprocItem => {
      const request: CiteprocItem = {id: item.key}
      if (item.locatorValue) {
        // `33--35` is Markdown for an en dash: citeproc reads a range from a single hyphen and prints it with the locale's delimiter.
        request.locator = item.locatorValue.replace(/-{2,3}/gu, '-')
        request.label = item.label ?? 'page'
      }
      const prefix = this.parking.toCiteproc(renderAffix(item, 'prefix'))
      const suffix = this.parking.toCiteproc(renderAffix(item, 'suffix'))
      if (prefix) request.prefix = `${prefix} `
      if (suffix) request.suffix = joinSuffix(suffix, Boolean(item.locatorValue))
      if (item.mode === 'suppress-author' || item.mode === 'in-text') request['suppress-author'] = true
      return request
    })
    // citeproc-js capitalises a note's first term ("Ibid.") unless a prefix before it does not end
    // a sentence: a stand-in prefix, removed from its output (format), says so for the words before.
    if (midSentence && this.noteStyle && items[0] && !items[0].prefix) items[0].prefix = `${MID_SENTENCE} `
    const first = known[0]
    const author = first?.mode === 'in-text' ? h('span.rp-cite-author') : undefined
    this.citations.push({citationID: `c${this.citations.length + 1}`, citationItems: items, properties: {noteIndex}})
    this.slots.push({cluster, author, inText: author && first ? {id: authorOnlyId(first.key), 'author-only': true} : undefined})
    return {author, cluster}
  }

  /** A source shown without a citation (a `stat` block's): it belongs in the bibliography. */
  cite(key: string): void {
    if (this.items.has(key)) this.uncited.add(key)
  }

  /** Format every citation at once and fill the placeholders; returns the bibliography. */
  finish(): BibliographyEntry[] | undefined {
    // The web page and the print HTML of an edition hold the same citations: formatted once.
    const key = createHash('sha1')
      .update(JSON.stringify([this.engineKey, this.citations, [...this.uncited], this.slots.map((slot) => slot.inText ?? null)]))
      .update(JSON.stringify(this.citedItems()))
      .digest('hex')
    let formatted = this.store.get(key)
    // A stored edition is rapporteur's own output, but a damaged one must not leave a citation empty.
    if (!formatted || !this.fits(formatted)) {
      formatted = this.format()
      this.store.set(key, formatted)
    }
    formatted.clusters.forEach((html, index) => {
      const slot = this.slots[index]
      if (!slot) return
      slot.cluster.children = this.hast(html)
      const author = formatted.authors[index]
      if (slot.author && author !== undefined) slot.author.children = this.hast(author)
    })
    if (!formatted.bibliography) return undefined
    return formatted.bibliography.map(({id, html}) => ({id, content: this.hast(html)}))
  }

  /** citeproc-js's HTML for every citation, the author-only forms, and the bibliography. */
  private format(): FormattedEdition {
    let results: Array<[string, number, string]>
    try {
      results = formatAllCitations(this.engine, this.citations, [...this.uncited])
    } catch (error) {
      throw styleError(this.style, error)
    }
    const french = localeOf(this.lang).startsWith('fr')
    const tidy = (html: string) => restoreTitleLanguage(restoreWrittenNumbers(french ? accessedInMonth(html) : html))
    const clusters = results.map(([, , html], index) => tidy(this.printedCluster(html.replaceAll(`${MID_SENTENCE} `, '').replaceAll(MID_SENTENCE, ''), index)))
    const authors = this.slots.map((slot) => {
      if (!slot.author || !slot.inText) return undefined
      this.engine.setOutputFormat('html')
      const names = withoutTrailingDelimiter(this.engine.makeCitationCluster([slot.inText]))
      if (!printsNothing(names)) return names
      // No author, and a style that substitutes nothing for one: the title, as Pandoc prints it.
      const id = String(slot.inText.id).split('\u0000')[0]!
      const title = withoutTrailingDelimiter(this.engine.makeCitationCluster([{id: titleAsAuthorId(id), 'author-only': true}]))
      return printsNothing(title) ? escapeHtml(this.workName(id)) : title
    })
    // makeBibliography writes in the last output format set.
    this.engine.setOutputFormat('html')
    const bibliography = bibliographyEntries(this.engine)?.map(({id, html}) => ({id, html: tidy(html.replace(NO_PRINTED_FORM, () => escapeHtml(this.workName(id))))}))
    return {clusters, authors, bibliography}
  }

  /**
   * A cluster without citeproc-js's stand-in for a work it prints nothing for: nothing when every
   * work's author is in the sentence (`@key`, a law cited by its title, which the sentence holds),
   * else the names of its works, never `[NO_PRINTED_FORM]`.
   */
  private printedCluster(html: string, index: number): string {
    const items = this.citations[index]?.citationItems ?? []
    // The author in the sentence was all a law's citation printed before its suffix: `(, s. 2)` reads `(s. 2)`.
    if (!printsNothing(html)) return items[0]?.['suppress-author'] ? html.replace(/^\(\s*[,;]\s*/u, '(') : html
    if (items.every((item) => item['suppress-author'])) return html.replace(NO_PRINTED_FORM, '')
    return html.replace(NO_PRINTED_FORM, () => escapeHtml(items.map((item) => this.workName(item.id)).join('; ')))
  }

  private workName(id: string): string {
    const item = this.items.get(id)
    return item ? workName(item) : id
  }

  /** Whether a formatted edition has the shape this edition's citations need: one cluster each, one author form per slot. */
  private fits(formatted: FormattedEdition): boolean {
    const text = (value: unknown) => typeof value === 'string'
    return (
      Array.isArray(formatted.clusters) && formatted.clusters.length === this.citations.length && formatted.clusters.every(text) &&
      Array.isArray(formatted.authors) && formatted.authors.length === this.slots.length && formatted.authors.every((author) => author === undefined || text(author)) &&
      (formatted.bibliography === undefined || (Array.isArray(formatted.bibliography) && formatted.bibliography.every((entry) => text(entry?.id) && text(entry?.html))))
    )
  }

  /** The works cited in the text (not those only listed). */
  citedIds(): Set<string> {
    return new Set(this.citations.flatMap((citation) => citation.citationItems.map((item) => item.id)))
  }

  /** The works cited or listed, as citeproc-js reads them (a change to one formats again). */
  private citedItems(): Array<CslItem | undefined> {
    const ids = new Set([...this.citations.flatMap((citation) => citation.citationItems.map((item) => item.id)), ...this.uncited])
    return [...ids].sort().map((id) => this.items.get(id))
  }

  private hast(html: string): ElementContent[] {
    let parsed = parsedHtml.get(html)
    if (!parsed) {
      parsed = unwrapEntry(fromHtml(html.trim(), {fragment: true}).children as ElementContent[])
      parsedHtml.set(html, parsed)
      if (parsedHtml.size > 20_000) parsedHtml.delete(parsedHtml.keys().next().value!)
    }
    return this.parking.restore(structuredClone(parsed))
  }
}

/** What citeproc-js made of an edition's citations. */
export interface FormattedEdition {
  clusters: string[]
  authors: Array<string | undefined>
  bibliography: Array<{id: string; html: string}> | undefined
}

/** Formatted editions by a key of their citations, works and style. */
export interface FormattedStore {
  get(key: string): FormattedEdition | undefined
  set(key: string, formatted: FormattedEdition): void
}

/** A store in memory that keeps the last `size` editions formatted. */
export function memoryStore(size = 4): FormattedStore {
  const editions = new Map<string, FormattedEdition>()
  return {
    get: (key) => editions.get(key),
    set(key, formatted) {
      editions.set(key, formatted)
      if (editions.size > size) editions.delete(editions.keys().next().value!)
    }
  }
}

/** The last editions this process formatted (the print HTML, then the web page, or a preview's renders). */
const processStore = memoryStore()
/** Formatted HTML as hast: the same note ("Ibid.", a work's short form) recurs in every edition. */
const parsedHtml = new Map<string, ElementContent[]>()

/** citeproc-js wraps bibliography entries in `div.csl-entry`: keep what is inside. */
function unwrapEntry(nodes: ElementContent[]): ElementContent[] {
  const only = nodes.filter((node) => !(node.type === 'text' && node.value.trim() === ''))
  const entry = only[0]
  if (only.length === 1 && entry?.type === 'element' && entry.tagName === 'div') return entry.children
  return nodes
}

/**
 * The suffix as the writer placed it. Without a locator the parser drops the comma that separated
 * it from the key (`[@doe, nous soulignons]`): put it back. After a locator the suffix is what
 * followed it (`p. 33 and passim`, `p. 16, nous soulignons`): a space unless it starts with
 * punctuation, as `locatorAndSuffix()` reads it back.
 */
export function joinSuffix(suffix: string, afterLocator: boolean): string {
  if (gluesToLocator(suffix)) return suffix
  return afterLocator ? ` ${suffix}` : `, ${suffix}`
}

function styleError(style: CslStyle, error: unknown): Error {
  // Said once: the engine, built inside format()'s try, already says which style it is.
  if (!style.custom || error instanceof CannotRunError) return error as Error
  const reason = error instanceof Error ? error.message.split('\n')[0] : String(error)
  return new CannotRunError(`Cannot format citations with the CSL style \`${style.name}\` of \`citations.csl\`: ${reason}`, 'Check that the file is a valid CSL 1.0 style (for example one from the Zotero style repository), or remove `citations.csl` to use the default.')
}

/**
 * The author of `@key` in the sentence as citeproc-js gives it alone: a note style's delimiter after
 * the names stays (Chicago's `Amartya Sen,`), which then stood before the note call or doubled the
 * citation's own (`Sen,, Development…`). The sentence has its own punctuation.
 */
export function withoutTrailingDelimiter(html: string): string {
  return html.replace(/[\s,;:\u00A0\u202F]+((?:<\/[a-z]+>\s*)*)$/u, '$1')
}

/** Whether citeproc-js printed nothing: empty, or its `[NO_PRINTED_FORM]`. */
function printsNothing(html: string): boolean {
  NO_PRINTED_FORM.lastIndex = 0
  return html.replace(/<[^>]*>/gu, '').trim() === '' || html.search(NO_PRINTED_FORM) !== -1
}
