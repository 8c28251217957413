import type {Code, Html, Nodes, Paragraph, PhrasingContent, RootContent, Table} from 'mdast'
import type {ContainerDirective, LeafDirective, TextDirective} from 'mdast-util-directive'
import {toString} from 'mdast-util-to-string'
import type {Position} from 'unist'
import {positionFromOffsets} from '../diagnostics/location.js'
import {detectNumbers, type FigureScope, type NumberFinding} from './figures/detect.js'
import {valueOfText} from './figures/value.js'
import {numeralsOf} from './figures/numerals.js'
import {pageLocators} from './figures/page-locators.js'
import {attributePositions} from './attribute-positions.js'
import {figureAltText} from './figure-alt.js'
import {validateAttributes} from './directive-attributes.js'
import {flatten, sourceOffset, type FlatText} from './text/flatten.js'
import {textWithoutNotes} from './text/plain.js'
import {rawHtmlFacts} from './raw-html.js'
import type {Figure, HtmlUse, MarkdownDocument, ReportModel} from './types.js'

/** What encloses the node being visited. */
interface Enclosing {
  stat?: {source: string}
  viewpoint?: boolean
}

const emptyPosition: Position = {start: {line: 1, column: 1, offset: 0}, end: {line: 1, column: 1, offset: 0}}

/**
 * Walk one document once, filling the model: blocks, inline directives, citations, figures,
 * raw HTML and images. Recommendation numbers are assigned later, across the edition. Footnote
 * definitions, inline notes, definition lists' terms and definitions are prose like paragraphs.
 * `detect` finds the numbers in each block of prose: detectNumbers, or a memo of it (figures/memo.ts).
 */
export function collectDocument(document: MarkdownDocument, model: ReportModel, scope: FigureScope, ignore: readonly RegExp[] = [], detect: typeof detectNumbers = detectNumbers): void {
  const text = String(document.file.value)
  const where = (node: {position?: Position | undefined}) => ({file: document.path, position: node.position ?? emptyPosition})
  const footnoteKeys = footnoteCitations(document.tree.children)
  const numerals = numeralsOf(model.config.lang)
  // Each fact at its place when the HTML is written as Markdown kept it (not inside a quotation's
  // `> ` or a list item's indent), else at the whole HTML.
  const htmlUse = (node: Html | Code, block: boolean): HtmlUse => {
    const source = String(document.file.value)
    const from = node.position?.start.offset
    // A fenced block's HTML starts on the line after its fence.
    const start = from === undefined ? undefined : node.type === 'code' ? source.indexOf(node.value, source.indexOf('\n', from) + 1) : from
    const exact = start !== undefined && start >= 0 && source.startsWith(node.value, start)
    const facts = rawHtmlFacts(node.value).map((fact) => ({...fact, ...(exact ? {file: document.path, position: positionFromOffsets(document.file, start + fact.start, start + fact.end)} : where(node))}))
    return {...where(node), facts, fenced: node.type === 'code', block}
  }
  const definitions = definitionUrls(document.tree)

  const visitBlocks = (nodes: readonly RootContent[], enclosing: Enclosing) => {
    nodes.forEach((node, index) => {
      if (node.type === 'table') {
        const caption: Paragraph | undefined = node.data?.caption ? {type: 'paragraph', children: node.data.caption} : undefined
        // The paragraph before it is its caption unless a table stands right before that one: a
        // `Source : …` between two tables is the first's, and does not cover the second.
        const before = nodes[index - 2]?.type === 'table' ? undefined : nodes[index - 1]
        const captions: Paragraph[] = [before, nodes[index + 1]].filter((sibling) => isCaption(sibling)).concat(caption ? [caption] : [])
        const captionKeys = captions.flatMap((sibling) => citationKeys(sibling))
        // Their pages too (`[@a, p. 20]`): the cells' figures are looked up on them in the archived copy.
        const captionPages = captions.flatMap((sibling) => citationPages(sibling))
        // A caption's figures are covered by its own citations and by those of the table.
        if (caption) visitProse(caption.children, enclosing, captionKeys)
        visitTable(node, enclosing, captionKeys, captionPages)
      } else visitBlock(node, enclosing)
    })
  }

  const visitBlock = (node: RootContent, enclosing: Enclosing) => {
    switch (node.type) {
      case 'paragraph':
        // A container's `[label]` is a paragraph flagged as such: a title, not prose.
        if (node.data && (node.data as {directiveLabel?: boolean}).directiveLabel) visitInline(node.children, enclosing)
        else visitProse(node.children, enclosing, [])
        // A figure's caption is prose: its citations cover its figures, as a table's caption's do.
        if (node.data?.figure && node.data.caption) visitProse(node.data.caption, enclosing, citationKeys({type: 'paragraph', children: node.data.caption}))
        // Its `fig-alt` too, read aloud and the PDF's /Alt: the caption's citations cover its figures as they cover the caption's.
        if (node.data?.figure) visitFigureAlts(node, enclosing)
        return
      case 'heading':
        visitInline(node.children, enclosing)
        return
      case 'defListTerm':
        // A definition list's term is prose, like a list item's; its definitions are blocks.
        visitProse(node.children, enclosing, [])
        return
      case 'html':
        if (!isComment(node.value)) model.html.push(htmlUse(node, true))
        return
      case 'containerDirective':
        visitContainer(node, enclosing)
        return
      case 'leafDirective':
        recordDirective(node)
        if (node.name === 'ref' || node.name === 'term') visitInline(node.children, enclosing)
        return
      case 'code':
        // ```` ```{=html} ````: Pandoc's raw HTML block, printed where raw HTML is allowed.
        if (node.data?.attributes?.raw === 'html') model.html.push(htmlUse(node, true))
        return
      case 'yaml':
      case 'thematicBreak':
      case 'definition':
        return
      default:
        if ('children' in node) visitBlocks(node.children as RootContent[], enclosing)
    }
  }

  const visitContainer = (node: ContainerDirective, enclosing: Enclosing) => {
    const attributes = recordDirective(node)
    const inner: Enclosing = {...enclosing}
    if (node.name === 'recommendation' && attributes) {
      const heading = node.children.find((child) => child.type === 'heading')
      model.recommendations.push({
        ...where(node),
        id: String(attributes.id),
        number: 0,
        axis: String(attributes.axis),
        actors: attributes.actors as string | undefined,
        title: heading ? textWithoutNotes(heading) : undefined,
        node
      })
    } else if (node.name === 'stat' && attributes) {
      const stat = {
        ...where(node),
        id: String(attributes.id),
        value: String(attributes.value),
        source: String(attributes.source),
        locator: attributes.locator as string | undefined,
        key: Boolean(attributes.key),
        // Each block apart: two paragraphs are two sentences, not `guide.A second`.
        text: node.children.filter((child) => !isLabel(child)).map((child) => textWithoutNotes(child)).join(' ').replace(/\s+/gu, ' ').trim(),
        node,
        attributePositions: attributePositions(node)
      }
      model.stats.push(stat)
      // The stat's value is a figure of the report too: reviewers tick it off with the others.
      const valuePlace = stat.attributePositions.value ?? stat.position
      model.figures.push({
        file: document.path,
        position: valuePlace,
        text: stat.value,
        sentence: `${stat.value} ${stat.text}`.trim(),
        status: 'stat',
        keys: [stat.source],
        chapter: document.title,
        value: valueOfText(stat.value, numerals),
        pages: stat.locator ? [{key: stat.source, pages: stat.locator.replace(/^(?:pp?\.|pages?)\s*/u, '')}] : []
      })
      inner.stat = {source: stat.source}
    } else if ((node.name === 'viewpoint' || node.name === 'callout') && attributes) {
      model.blocks.push({...where(node), kind: node.name, attributes: stringAttributes(node), node})
      if (node.name === 'viewpoint') inner.viewpoint = true
    }
    visitBlocks(node.children, inner)
  }

  const visitFigureAlts = (figure: Paragraph, enclosing: Enclosing) => {
    const captionKeys = figure.data?.caption ? citationKeys({type: 'paragraph', children: figure.data.caption}) : []
    for (const child of figure.children) {
      if (child.type !== 'image' && child.type !== 'imageReference') continue
      const alt = figureAltText(child, text)
      if (alt) visitProse([alt], enclosing, captionKeys)
    }
  }

  const visitTable = (table: Table, enclosing: Enclosing, captionKeys: string[], captionPages: NonNullable<Figure['pages']>) => {
    const headers = table.children[0]?.children.map((cell) => textWithoutNotes(cell).trim()) ?? []
    table.children.forEach((row, rowIndex) => {
      const rowKeys = captionKeys.concat(row.children.flatMap((cell) => citationKeys(cell)))
      const rowPages = captionPages.concat(row.children.flatMap((cell) => citationPages(cell)))
      const label = row.children[0] ? textWithoutNotes(row.children[0]).trim() : ''
      // The header row and the first column label the data: their bare numbers are not figures.
      // A data cell is quoted with its row's label and its column's header: `Nord · Part · 52 %`.
      row.children.forEach((cell, cellIndex) => {
        const labelCell = rowIndex === 0 || cellIndex === 0
        const where = labelCell ? '' : [label, headers[cellIndex] ?? ''].filter(Boolean).join(' · ')
        visitProse(cell.children, enclosing, rowKeys, labelCell, rowPages, where)
      })
    })
  }

  const visitProse = (children: PhrasingContent[], enclosing: Enclosing, extraKeys: string[], labelCell = false, extraPages: NonNullable<Figure['pages']> = [], where = '') => {
    visitInline(children, enclosing)
    const flat = flatten(children, text)
    for (const found of detect(flat, {scope, footnoteKeys, labelCell, ignore, numerals, lang: model.config.lang})) {
      let finding = found.pages?.length || extraPages.length === 0 ? found : {...found, pages: extraPages}
      // The cell's own text stays what a review's fingerprint reads (sentenceKey): marks made before hold.
      if (where && !found.notFigure) finding = {...finding, sentence: `${where} · ${found.sentence}`, sentenceKey: found.sentenceKey ?? found.sentence}
      recordNumber(finding, flat, enclosing, extraKeys)
    }
  }

  const recordNumber = (finding: NumberFinding, flat: FlatText, enclosing: Enclosing, extraKeys: string[]) => {
    const start = sourceOffset(flat, finding.start) ?? 0
    const end = (sourceOffset(flat, finding.end - 1) ?? start) + 1
    const located = {file: document.path, position: positionFromOffsets(document.file, start, end)}
    if (finding.notFigure) {
      model.nonFigures.push({...located, text: finding.text, reason: finding.notFigure})
      return
    }
    const figure: Figure = {...located, text: finding.text, sentence: finding.sentence, ...(finding.sentenceKey === undefined ? {} : {sentenceKey: finding.sentenceKey}), status: 'uncited', keys: [], chapter: document.title, value: finding.value, pages: finding.pages}
    if (enclosing.stat) Object.assign(figure, {status: 'stat', keys: [enclosing.stat.source]})
    else if (enclosing.viewpoint) figure.status = 'viewpoint'
    // A waiver without its reason (a `schema` error) waives nothing: the figure is what it would be without it.
    else if (finding.waived) Object.assign(figure, {status: 'waived', waiverReason: finding.waived})
    else if (finding.keys.length > 0 || extraKeys.length > 0) Object.assign(figure, {status: 'cited', keys: unique([...finding.keys, ...extraKeys])})
    model.figures.push(figure)
  }

  const visitInline = (nodes: readonly PhrasingContent[], enclosing: Enclosing) => {
    for (const node of nodes) {
      switch (node.type) {
        case 'citation':
          for (const item of node.items) {
            model.citations.push({file: document.path, position: item.position, key: item.key, mode: item.mode, prefix: item.prefix, locator: item.locator, suffix: item.suffix})
            // Affixes are Markdown: a term, a cross-reference or an image there is one like any other.
            visitInline(item.prefixChildren, enclosing)
            visitInline(item.suffixChildren, enclosing)
          }
          break
        case 'inlineNote':
          // A note's text is prose of its own, as a footnote's is: its figures need a source in it.
          // Where it is called, it is a note call (text/flatten.ts).
          visitProse(node.children, enclosing, [])
          break
        case 'textDirective':
          visitTextDirective(node, enclosing)
          break
        case 'crossReference':
          if (node.unsupported) model.otherCrossReferences.push({...where(node), node})
          else model.refs.push({...where(node), target: node.identifier, node})
          break
        case 'html':
          if (!isComment(node.value)) model.html.push(htmlUse(node, false))
          break
        case 'image':
          model.images.push({...where(node), alt: node.data?.attributes?.pairs['fig-alt'] ?? node.alt, url: node.url, width: node.data?.attributes?.pairs.width})
          break
        case 'link':
          model.links.push({...where(node), url: node.url, text: toString(node)})
          visitInline(node.children, enclosing)
          break
        case 'linkReference': {
          // `[texte][x]`: the address is the one its definition (`[x]: …`) gives; none, it is text.
          const url = definitions.get(node.identifier)
          if (url !== undefined) model.links.push({...where(node), url, text: toString(node)})
          visitInline(node.children, enclosing)
          break
        }
        case 'imageReference':
          // `![Carte][carte]`: the file is the one its definition (`[carte]: img/carte.png`) names.
          model.images.push({...where(node), alt: node.data?.attributes?.pairs['fig-alt'] ?? node.alt, url: definitions.get(node.identifier) ?? node.identifier, width: node.data?.attributes?.pairs.width})
          break
        default:
          if ('children' in node) visitInline(node.children as PhrasingContent[], enclosing)
      }
    }
  }

  const visitTextDirective = (node: TextDirective, enclosing: Enclosing) => {
    const attributes = recordDirective(node)
    const label = toString(node)
    if (node.name === 'term') model.terms.push({...where(node), label, id: (attributes?.id as string | undefined) || undefined, node})
    if (node.name === 'ref') model.refs.push({...where(node), target: label.replace(/^#/, '').trim(), node})
    if (node.name === 'waive' && attributes) model.waivers.push({...where(node), reason: String(attributes.reason ?? '').trim(), text: label})
    visitInline(node.children, enclosing)
  }

  /** Record a directive use, validate its attributes, and return them parsed (undefined if invalid). */
  const recordDirective = (node: ContainerDirective | LeafDirective | TextDirective) => {
    model.directives.push({...where(node), kind: node.type, name: node.name, node})
    return validateAttributes(node, document, model.problems, model.directives.length)
  }

  visitBlocks(document.tree.children, {})
}

/** Citation keys each footnote definition holds, so a call `[^1]` can cover its sentence. */
function footnoteCitations(children: readonly RootContent[]): Map<string, string[]> {
  const keys = new Map<string, string[]>()
  for (const child of children) {
    if (child.type === 'footnoteDefinition') keys.set(child.identifier, citationKeys(child))
  }
  return keys
}

function citationKeys(node: Nodes | undefined): string[] {
  if (!node) return []
  if (node.type === 'citation') return node.items.map((item) => item.key)
  return 'children' in node ? (node.children as Nodes[]).flatMap((child) => citationKeys(child)) : []
}

/** The page locators of the citations a node holds (`[@a, p. 20]`), as a figure's `pages`. */
function citationPages(node: Nodes | undefined): Array<{key: string; pages: string}> {
  if (!node) return []
  if (node.type === 'citation') return pageLocators(node)
  return 'children' in node ? (node.children as Nodes[]).flatMap((child) => citationPages(child)) : []
}

/**
 * The words a table's source line or caption starts with, French and English, singular and plural:
 * `Source : … [@key]`, `Notes: rates are after housing costs [@key]`, `Base: all adults. Source: …`
 * (a survey's base, with its colon: `Base rates rose…` is prose), `Lecture : …`, `Champ : …`.
 */
const captionLeads = /^(?:(?:sources?|notes?|data|données|tableaux?|tables?|figures?|graphiques?|lecture|champ)(?![\p{L}\p{N}])|bases?\p{Zs}*:)/iu

/** A paragraph right before or after a table that names its source (see `captionLeads`). */
function isCaption(node: RootContent | undefined): node is Paragraph {
  return node?.type === 'paragraph' && captionLeads.test(toString(node).trim())
}

function isLabel(node: RootContent): boolean {
  return node.type === 'paragraph' && Boolean((node.data as {directiveLabel?: boolean} | undefined)?.directiveLabel)
}

function stringAttributes(node: ContainerDirective): Record<string, string> {
  return Object.fromEntries(Object.entries(node.attributes ?? {}).map(([key, value]) => [key, String(value ?? '')]))
}

/** HTML comments are writers' notes, never printed: not raw HTML in the sense of `raw-html`. */
function isComment(value: string): boolean {
  return /^<!--[\s\S]*-->\s*$/u.test(value.trim())
}

function unique(values: string[]): string[] {
  return [...new Set(values)]
}

/** The URL of each link reference definition of a document, by identifier. */
function definitionUrls(node: Nodes, urls = new Map<string, string>()): Map<string, string> {
  if (node.type === 'definition' && !urls.has(node.identifier)) urls.set(node.identifier, node.url)
  if ('children' in node) for (const child of node.children as Nodes[]) definitionUrls(child, urls)
  return urls
}
