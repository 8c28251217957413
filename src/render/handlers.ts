import type {Element, ElementContent} from 'hast'
import {h} from 'hastscript'
import type {FootnoteReference, List} from 'mdast'
import type {ContainerDirective, LeafDirective, TextDirective} from 'mdast-util-directive'
import {defaultHandlers, type Handler, type Handlers, type State} from 'mdast-util-to-hast'
import {toString} from 'mdast-util-to-string'
import {defListHastHandlers} from 'mdast-util-definition-list'
import type {Position} from 'unist'
import {resolveTerm} from '../model/terms.js'
import type {MarkdownDocument} from '../model/types.js'
import type {Citation} from '../parse/citation/types.js'
import type {InlineMath, Math} from '../parse/math/index.js'
import type {InlineNote} from '../parse/inline-note/types.js'
import type {Subscript, Superscript} from '../parse/sub-superscript/types.js'
import {renderCallout, renderRecommendation, renderStat, renderViewpoint} from './blocks/boxes.js'
import {enclosingHeadingLevels} from './heading-levels.js'
import {withLanguage} from './blocks/language.js'
import {renderLeafDirective} from './blocks/lists.js'
import {listDelimiter, PAREN_LIST_CLASS} from './blocks/list-delimiter.js'
import {createPandocHandlers, renderCrossReference, withPage} from './blocks/pandoc.js'
import {renderMath} from './blocks/math.js'
import type {RenderAffix} from './citations/collector.js'
import {continuesSentence} from './citations/punctuation.js'
import {hrefFor, type RenderContext} from './context.js'
import {noteLines} from './note-lines.js'
import {asListed} from './citations/listed-works.js'

/**
 * mdast-util-to-hast handlers for one document of an edition: directives, citations, notes (Markdown
 * footnotes and inline notes), sub- and superscripts, definition lists, maths, and Pandoc's figures,
 * captions, divs, spans and cross-references (`blocks/pandoc.ts`).
 */
export function createHandlers(context: RenderContext, document: MarkdownDocument): Handlers {
  /** True while rendering a note's own content: citations there stay inline, not nested notes. */
  let inNote = false
  /** Where the text of the note being rendered starts in the file (its offset), to read what comes before a citation in it. */
  let noteStart: number | undefined
  const headingLevels = enclosingHeadingLevels(document.tree)

  /** Add a note and return what stands at its call: a link (web) or the note itself (print). */
  const addNote = (content: ElementContent[], position: Position | undefined): Element => {
    const number = context.notes.length + 1
    context.notes.push({number, content, origin: {file: document.path, position}})
    return noteCall(number, content, true)
  }

  const noteCall = (number: number, content: ElementContent[], first: boolean): Element => {
    if (context.mode === 'print' && first) return h('span.rp-footnote', {dataNote: String(number)}, content)
    return h('a.rp-note-call', {href: `#note-${number}`, id: first ? `note-call-${number}` : undefined, role: 'doc-noteref', dataNote: String(number), ariaLabel: context.labels.noteLabel(number)}, [h('sup', String(number))])
  }

  /**
   * A citation is a placeholder until the whole edition is read: the collector formats every
   * citation in one citeproc-js pass (positions, Ibid.). A note style puts it in a note of its
   * own, unless it already stands in one; `@key` keeps the author's name in the text.
   */
  const citation: Handler = (state: State, written: Citation) => {
    const {citations} = context
    // `[@a, @b]`, which malformed-citation reports, printed as the two works it lists.
    const node = asListed(written)
    // In a note, `@a [p. 3]` reads "Dupont, Titre, p. 3", as Pandoc writes it: a comma after the name.
    const inText = (cluster: ElementContent, author: Element | undefined): ElementContent[] => (author ? [author, {type: 'text', value: inNote && citations.noteStyle ? ', ' : '\u00a0'}, cluster] : [cluster])
    const affix: RenderAffix = (item, part) => state.all({type: 'paragraph', children: (part === 'prefix' ? item.prefixChildren : item.suffixChildren)}) as ElementContent[]
    if (!citations.noteStyle) {
      const {author, cluster} = citations.add(node, 0, affix)
      return inText(linkToSource(cluster, node), author)
    }
    // The note it stands in: the footnote being rendered, or the one it is about to open.
    const noteIndex = context.notes.length + 1
    const {author, cluster} = citations.add(node, noteIndex, affix, {midSentence: inNote && followsProse(node)})
    if (inNote) {
      if (sentenceGoesOn(node)) continuesSentence(cluster)
      return inText(cluster, author)
    }
    const call = addNote([cluster], node.position)
    context.citationCalls.add(call)
    return author ? [author, call] : call
  }

  /**
   * Whether a citation in a note's own text follows words of the same sentence (`Voir aussi
   * [@x]`), where the style's "ibid." takes no capital; at the note's start, or after a full stop,
   * it is the sentence's first word.
   */
  const followsProse = (node: Citation): boolean => {
    const end = node.position?.start.offset
    if (noteStart === undefined || end === undefined || end < noteStart) return false
    // What closes after the last word (emphasis, quotes, brackets, an HTML tag) is not read: `*vu.* [@x]` ends a sentence.
    const before = String(document.file.value).slice(noteStart, end).replace(/(?:<\/?[a-z][^<>]*>|[\s*_»"”’')\]])+$/iu, '')
    return before !== '' && !/[.!?…]$/u.test(before)
  }

  /**
   * Whether a citation in a note's text is followed by more of its sentence (`[@x] et, pour la
   * méthode, …`, `[@x] ; voir aussi …`): then the style's closing period is not the sentence's.
   */
  const sentenceGoesOn = (node: Citation): boolean => {
    const end = node.position?.end.offset
    if (end === undefined) return false
    const after = String(document.file.value).slice(end, end + 80).split(/\n[ \t]*\n/u, 1)[0]!.trimStart()
    return /^[\p{Ll}\p{N},;:«"“(–]/u.test(after)
  }

  /** In author-date styles, a citation of one work links to its bibliography entry. */
  const linkToSource = (cluster: Element, node: Citation): Element => {
    const keys = new Set(node.items.map((item) => item.key))
    if (keys.size !== 1) return cluster
    // In an edition without a bibliography: the full report's on the web, no link on paper.
    const href = hrefFor(context, `source-${node.items[0]!.key}`)
    return href ? h('a.rp-cite-link', {href}, [cluster]) : cluster
  }

  const footnoteReference: Handler = (state: State, node: FootnoteReference) => {
    const key = `${document.path}#${node.identifier}`
    const known = context.footnoteNumbers.get(key)
    if (known !== undefined) return noteCall(known, [], false)
    // mdast-util-to-hast keys definitions by upper-cased identifier (as CommonMark matches labels).
    const definition = state.footnoteById.get(node.identifier.toUpperCase())
    const phrasing = noteLines(definition?.children ?? [], String(document.file.value))
    const content = noteContent(() => state.all({type: 'paragraph', children: phrasing}) as ElementContent[], definition?.children[0]?.position?.start.offset)
    const call = addNote(content, node.position)
    context.footnoteNumbers.set(key, context.notes.length)
    return call
  }

  /**
   * `^[…]`: a note where it is written, numbered with the others. Its citations stay in it, as in
   * a footnote. A note inside a note has no page foot of its own to go to: its text stands in
   * parentheses in the note around it.
   */
  const inlineNote: Handler = (state: State, node: InlineNote) => {
    if (inNote) {
      // `voir^[…]` is glued to its word: a space before the parenthesis, unless one is written.
      const start = node.position?.start.offset
      const glued = start !== undefined && start > 0 && !/\s/u.test(String(document.file.value)[start - 1] ?? '')
      return [{type: 'text', value: glued ? ' (' : '('}, ...(state.all(node) as ElementContent[]), {type: 'text', value: ')'}]
    }
    return addNote(noteContent(() => state.all(node) as ElementContent[], node.children[0]?.position?.start.offset), node.position)
  }

  /** Render a note's content, with citations in it kept inline. */
  const noteContent = (render: () => ElementContent[], start: number | undefined): ElementContent[] => {
    const [outer, outerStart] = [inNote, noteStart]
    inNote = true
    noteStart = start
    try {
      return render()
    } finally {
      inNote = outer
      noteStart = outerStart
    }
  }

  const subscript: Handler = (state: State, node: Subscript) => phrasingElement(state, node, 'sub')
  const superscript: Handler = (state: State, node: Superscript) => phrasingElement(state, node, 'sup')

  const containerDirective: Handler = (state: State, node: ContainerDirective) => {
    const element = blockOf(state, node)
    // Its line in the Markdown, for the print's preflight (a block split across pages) to point back to.
    state.patch(node, element)
    return withLanguage(element, node)
  }

  const blockOf = (state: State, node: ContainerDirective): Element => {
    switch (node.name) {
      case 'recommendation':
        return renderRecommendation(state, node, context, headingLevels.get(node))
      case 'stat':
        context.citations.cite(String(node.attributes?.source ?? ''))
        return renderStat(context, node, state)
      case 'viewpoint':
        return renderViewpoint(state, node, context)
      case 'callout':
        return renderCallout(state, node)
      default:
        return h('div', state.all(node) as ElementContent[])
    }
  }

  const leafDirective: Handler = (_state, node: LeafDirective) => renderLeafDirective(node, context, headingLevels.get(node))

  const textDirective: Handler = (state: State, node: TextDirective) => {
    const children = state.all(node) as ElementContent[]
    if (node.name === 'term') {
      const entry = resolveTerm(context.model.glossary, {label: toString(node), id: (node.attributes?.id as string | undefined) || undefined})
      // `:term[précarité énergétique]{lang=fr}`: a term in another language says so on its link.
      const lang = node.attributes?.lang || undefined
      if (entry) return h('a.rp-term', {href: hrefFor(context, `term-${entry.value.id}`), lang}, children)
      return lang ? h('span', {lang}, children) : children
    }
    if (node.name === 'ref') return renderRef(toString(node).replace(/^#/, '').trim(), context)
    // `:waive[…]` only silences the checker: its text prints as written.
    return children
  }

  const footnoteDefinition: Handler = () => undefined

  /** A numbered list written `1)` keeps its `)` in print and on the web: HTML's `<ol>` has no delimiter of its own. */
  const list: Handler = (state: State, node: List) => {
    const element = defaultHandlers.list(state, node)
    if (listDelimiter(node, String(document.file.value)) !== ')') return element
    const classes = element.properties.className
    element.properties.className = [...(Array.isArray(classes) ? classes : classes === undefined || classes === null ? [] : [String(classes)]), PAREN_LIST_CLASS]
    return element
  }

  /** TeX maths, typeset by KaTeX now: no script in the page, no network. */
  const math: Handler = (_state, node: Math) => renderMath(node, context)
  const inlineMath: Handler = (_state, node: InlineMath) => renderMath(node, context)

  return {
    ...createPandocHandlers(context, document),
    ...defListHastHandlers,
    citation,
    footnoteReference,
    footnoteDefinition,
    list,
    inlineNote,
    subscript,
    superscript,
    containerDirective,
    leafDirective,
    textDirective,
    math,
    inlineMath
  } as unknown as Handlers
}

/** `<sub>` or `<sup>` around the node's content, with its position. */
function phrasingElement(state: State, node: Subscript | Superscript, tagName: 'sub' | 'sup'): Element {
  const element: Element = {type: 'element', tagName, properties: {}, children: state.all(node) as ElementContent[]}
  state.patch(node, element)
  return state.applyData(node, element)
}

/**
 * `:ref[#rec-x]` → "recommandation 3", `:ref[#stat-y]` → the stat's value, `:ref[#chapter]` → its
 * title; a section, a figure or a table as `@sec-x`, `@fig-x`, `@tbl-x` would say it.
 */
function renderRef(target: string, context: RenderContext): Element {
  const {model, labels} = context
  const recommendation = model.recommendations.find((item) => item.id === target)
  const stat = model.stats.find((item) => item.id === target)
  if (!recommendation && !stat) return renderCrossReference(target, false, context)
  return withPage(recommendation ? `${labels.recommendationShort} ${recommendation.number}` : stat!.value, target, context)
}
