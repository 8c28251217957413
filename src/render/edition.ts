import type {Element, ElementContent, Root} from 'hast'
import {h} from 'hastscript'
import {toHast} from 'mdast-util-to-hast'
import {toString} from 'mdast-util-to-string'
import type {EditionName} from '../model/schemas/config.js'
import {bibliographyId, linkTargets} from '../model/link-targets.js'
import type {MarkdownDocument, ReportModel} from '../model/types.js'
import {renderBibliography} from './bibliography.js'
import {moveCitationNotesAfterPunctuation} from './notes-after-punctuation.js'
import {isFrench} from './typography/index.js'
import {CitationCollector, type FormattedStore} from './citations/collector.js'
import {endContinuedCitations, mergeDoublePeriods} from './citations/punctuation.js'
import type {RenderContext, RenderMode} from './context.js'
import {createHandlers} from './handlers.js'
import {outputImagePath} from './images.js'
import {labelsFor} from './labels.js'
import {numberTargets} from './numbering.js'
import {readRawHtml} from './raw-html.js'
import {firstById} from '../model/registry/first-by-id.js'

/** One edition rendered: the parts the document template places, as hast. */
export interface RenderedEdition {
  edition: EditionName
  title: string
  /** The table of contents, when the edition has one (`editions.<name>.toc`, else three chapters or more). */
  toc: Element | undefined
  main: Element[]
  notes: RenderContext['notes']
  /** Which stats and recommendations the edition shows, for the cross-edition test and exports. */
  shown: {recommendations: string[]; stats: string[]}
  /** Whether the edition has TeX maths: its page then links KaTeX's stylesheet. */
  usesMath: boolean
}

export interface EditionOptions {
  mode: RenderMode
  pageOf: Record<EditionName, string>
  /** Where formatted citations are remembered (CitationCollector); default this process's memory. */
  formatted?: FormattedStore
}

/** Render an edition's documents in order, then fill what depends on the whole: bibliography, TOC, notes. */
export async function renderEdition(model: ReportModel, edition: EditionName, options: EditionOptions): Promise<RenderedEdition> {
  const documents = model.documents.filter((document) => document.editions.includes(edition))
  const labels = labelsFor(model.config.lang)
  const items = new Map([...firstById(model.sources)].map(([id, entry]) => [id, entry.value.csl]))
  const citations = new CitationCollector(model.citationStyle, model.config.lang, items, options.formatted)
  const context: RenderContext = {model, edition, mode: options.mode, labels, ids: idsOf(model, documents), otherIds: otherIdsOf(model, edition), pageOf: options.pageOf, notes: [], footnoteNumbers: new Map(), citations, numbers: numberTargets(documents), imageSource: (file, url) => outputImagePath(model, file, url), usesMath: false, citationCalls: new WeakSet()}
  const rendered: Element[] = documents.map((document) => renderDocument(document, context))
  const toc = tableOfContents(documents, context)

  const entries = citations.finish()
  // A work the style prints no entry for (APA's personal communications): its citations link nowhere.
  if (entries) unlinkUnlisted(rendered, new Set([...citations.citedIds()].filter((id) => !entries.some((entry) => entry.id === id))))
  for (const note of context.notes) {
    endContinuedCitations(note.content)
    mergeDoublePeriods(note.content)
  }
  // Read last, when the citations and notes are filled in: reading a chapter's raw HTML makes new
  // elements of the whole section (raw-html.ts), where the citations fill the ones made before.
  const withHtml = (section: Element) => (model.config.check.html ? readRawHtml(section) : section)
  const main = rendered.map(withHtml)
  const bibliography = entries && entries.length > 0 ? renderBibliography(entries, labels.bibliography) : undefined
  const placed = fillPlaceholders(main, {bibliography, toc})
  const tocList = toc.children.find((child): child is Element => child.type === 'element' && child.tagName === 'ol')
  const wantsToc = model.config.editions[edition]?.toc ?? (tocList?.children.length ?? 0) >= 3
  if (entries && entries.length > 0 && !placed.has('bibliography') && edition === 'full') {
    // After the chapters, a part of its own: a chapter's title, and its line in the table of contents.
    const id = bibliographyId(model.config.lang)
    main.push(h('section.rp-chapter.rp-back-matter', {id}, [renderBibliography(entries, labels.bibliography, true)]))
    tocList?.children.push(tocEntry(id, labels.bibliography))
  }
  if (options.mode === 'web' && context.notes.length > 0) main.push(withHtml(endnotes(context)))

  return {
    edition,
    title: model.config.editions[edition]?.title ?? model.config.title,
    toc: wantsToc ? toc : undefined,
    main,
    notes: context.notes,
    shown: {recommendations: model.recommendations.filter((item) => documents.some((document) => document.path === item.file)).map((item) => item.id), stats: model.stats.map((item) => item.id)},
    usesMath: context.usesMath
  }
}

/** Blocks that carry their Markdown line in print, for the preflight to point back to (`data-line`). */
const LINED_BLOCKS = new Set(['p', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'tr', 'blockquote', 'pre', 'dl', 'dt', 'dd', 'aside', 'figure', 'div'])

function markLines(node: Root | Element): void {
  for (const child of node.children) {
    if (child.type !== 'element') continue
    if (LINED_BLOCKS.has(child.tagName) && child.position) child.properties.dataLine = child.position.start.line
    markLines(child)
  }
}

function renderDocument(document: MarkdownDocument, context: RenderContext): Element {
  // Raw HTML is kept only where the project allows it (`check.html: true`; else `raw-html` is an
  // error); renderEdition reads it once the chapter is complete.
  const hast = toHast(document.tree, {handlers: createHandlers(context, document), allowDangerousHtml: context.model.config.check.html}) as Root
  if (context.mode === 'print') markLines(hast)
  if (!isFrench(context.model.config.lang)) moveCitationNotesAfterPunctuation(hast, context.citationCalls)
  const children = hast.children.filter((child): child is ElementContent => child.type !== 'doctype' && !(child.type === 'text' && child.value.trim() === ''))
  const title = children.find((child): child is Element => child.type === 'element' && child.tagName === 'h1')
  if (title) title.properties = {...title.properties, id: `${document.id}-title`, className: ['rp-chapter__title']}
  return h(`section.rp-chapter.rp-chapter--${document.role}`, {id: document.id, ariaLabelledby: title ? `${document.id}-title` : undefined, dataTitle: document.title}, children)
}

/** The ids only the other edition holds: where a link from this one goes to the other's page. */
function otherIdsOf(model: ReportModel, edition: EditionName): Set<string> {
  const other: EditionName = edition === 'full' ? 'synthesis' : 'full'
  return idsOf(model, model.documents.filter((document) => document.editions.includes(other)))
}

/** The ids an edition holds (model/link-targets.ts): those of its files, and those every edition has. */
function idsOf(model: ReportModel, documents: readonly MarkdownDocument[]): Set<string> {
  const files = new Set(documents.map((document) => document.path))
  return new Set(linkTargets(model).filter((target) => target.file === undefined || files.has(target.file)).map((target) => target.id))
}

function tableOfContents(documents: readonly MarkdownDocument[], context: RenderContext): Element {
  const entries = documents.filter((document) => document.frontMatter.toc !== false && document.title)
  return h('nav.rp-toc', {ariaLabelledby: `toc-title-${context.edition}`}, [
    h('h2.rp-toc__title', {id: `toc-title-${context.edition}`}, context.labels.toc),
    h('ol', entries.map((document) => tocEntry(document.id, document.title ?? toString(document.tree))))
  ])
}

function tocEntry(id: string, title: string): Element {
  return h('li', [h('a.rp-toc__link', {href: `#${id}`}, [h('span.rp-toc__text', title), h('span.rp-toc__page')])])
}

/** Citation links (`a.rp-cite-link`) to the entry of a work the bibliography does not list, replaced by their text. */
function unlinkUnlisted(nodes: Element[], unlisted: ReadonlySet<string>): void {
  if (unlisted.size === 0) return
  const visit = (parent: Element) => {
    parent.children = parent.children.flatMap((child) => {
      if (child.type !== 'element') return [child]
      visit(child)
      const href = child.tagName === 'a' && Array.isArray(child.properties.className) && child.properties.className.includes('rp-cite-link') ? String(child.properties.href ?? '') : ''
      const id = href.includes('#source-') ? href.slice(href.indexOf('#source-') + '#source-'.length) : undefined
      return id !== undefined && unlisted.has(id) ? child.children : [child]
    })
  }
  for (const node of nodes) visit(node)
}

/** Replace `::bibliography` and `::toc` placeholders; returns which were found. */
function fillPlaceholders(nodes: Element[], parts: {bibliography: Element | undefined; toc: Element}): Set<string> {
  const found = new Set<string>()
  const visit = (children: ElementContent[]) => {
    children.forEach((child, index) => {
      if (child.type !== 'element') return
      const name = child.properties.dataRpPlaceholder
      if (name === 'bibliography' || name === 'toc') {
        found.add(name)
        // An inline `::toc` is the list alone: the page's own `nav` keeps the landmark and heading ids.
        const list = parts.toc.children.find((child): child is Element => child.type === 'element' && child.tagName === 'ol')
        const replacement = name === 'toc' ? (list ? h('div.rp-toc-inline', [structuredClone(list)]) : undefined) : parts.bibliography && underHeading(parts.bibliography, children.slice(0, index))
        const id = child.properties.id
        children[index] = replacement && typeof id === 'string' ? {...replacement, properties: {...replacement.properties, id}} : (replacement ?? {type: 'text', value: ''})
      } else visit(child.children)
    })
  }
  visit(nodes)
  return found
}

/**
 * The bibliography placed right under the writer's own heading (`# Bibliographie` then
 * `::bibliography`): that heading names it, and its own is left out, not printed twice.
 */
function underHeading(bibliography: Element, before: readonly ElementContent[]): Element {
  const previous = before.findLast((node) => node.type === 'element' || (node.type === 'text' && node.value.trim() !== ''))
  if (previous?.type !== 'element' || !/^h[1-6]$/u.test(previous.tagName) || typeof previous.properties.id !== 'string') return bibliography
  const children = bibliography.children.filter((child) => !(child.type === 'element' && child.tagName === 'h2'))
  // hastscript keeps `aria-labelledby` as `ariaLabelledBy`.
  return {...bibliography, properties: {...bibliography.properties, ariaLabelledBy: [previous.properties.id]}, children}
}

/**
 * The web page's notes, after the chapters and the bibliography: a part of their own, as the
 * bibliography is, titled at the chapters' level (`h1`), so that heading navigation and the page's
 * outline do not put them under the last chapter or the bibliography; a landmark named by its title.
 */
function endnotes(context: RenderContext): Element {
  return h('section.rp-chapter.rp-back-matter.rp-notes', {role: 'doc-endnotes', ariaLabelledby: 'notes-title'}, [
    h('h1.rp-chapter__title', {id: 'notes-title'}, context.labels.notes),
    h(
      'ol',
      context.notes.map((note) => h('li', {id: `note-${note.number}`}, [...note.content, ' ', h('a', {href: `#note-call-${note.number}`, role: 'doc-backlink', ariaLabel: `${context.labels.backToText} (${note.number})`}, '↩')]))
    )
  ])
}
