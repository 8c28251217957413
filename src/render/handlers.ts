import type {Element, ElementContent} from 'hast'
import {h} from 'hastscript'
import type {FootnoteReference, Paragraph, PhrasingContent} from 'mdast'
import type {ContainerDirective, LeafDirective, TextDirective} from 'mdast-util-directive'
import type {Handler, Handlers, State} from 'mdast-util-to-hast'
import {toString} from 'mdast-util-to-string'
import type {Position} from 'unist'
import {resolveTerm} from '../model/terms.js'
import type {MarkdownDocument} from '../model/types.js'
import type {Citation} from '../parse/citation/types.js'
import {renderCallout, renderRecommendation, renderStat, renderViewpoint} from './blocks/boxes.js'
import {renderLeafDirective} from './blocks/lists.js'
import {authorDate, shortReference} from './cite-text.js'
import {hrefFor, type RenderContext} from './context.js'

/** mdast-util-to-hast handlers for one document of an edition: directives, citations, notes. */
export function createHandlers(context: RenderContext, document: MarkdownDocument): Handlers {
  /** True while rendering a note's own content: citations there stay inline, not nested notes. */
  let inNote = false

  const sourceOf = (key: string) => context.model.sources.find((entry) => entry.value.id === key)?.value
  const cite = (key: string) => {
    if (!context.cited.includes(key)) context.cited.push(key)
  }

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

  const citation: Handler = (_state, node: Citation) => {
    for (const item of node.items) cite(item.key)
    if (context.model.config.citations.style === 'author-date') {
      return h('span.rp-cite', ['(', ...node.items.flatMap((item, index) => [index > 0 ? '; ' : '', h('a', {href: hrefFor(context, `source-${item.key}`)}, authorDate(sourceOf(item.key), item))]), ')'])
    }
    const references = node.items.flatMap((item, index) => [...(index > 0 ? [{type: 'text' as const, value: ' ; '}] : []), ...shortReference(sourceOf(item.key), item, context.model.config.lang)])
    if (inNote) return references
    return addNote([...references, {type: 'text', value: '.'}], node.position)
  }

  const footnoteReference: Handler = (state: State, node: FootnoteReference) => {
    const key = `${document.path}#${node.identifier}`
    const known = context.footnoteNumbers.get(key)
    if (known !== undefined) return noteCall(known, [], false)
    // mdast-util-to-hast keys definitions by upper-cased identifier (as CommonMark matches labels).
    const definition = state.footnoteById.get(node.identifier.toUpperCase())
    const phrasing = (definition?.children ?? []).flatMap((child, index) => [
      ...(index > 0 ? [{type: 'text', value: ' '} as PhrasingContent] : []),
      ...(child.type === 'paragraph' ? (child as Paragraph).children : [{type: 'text', value: toString(child)} as PhrasingContent])
    ])
    inNote = true
    const content = state.all({type: 'paragraph', children: phrasing}) as ElementContent[]
    inNote = false
    const call = addNote(content, node.position)
    context.footnoteNumbers.set(key, context.notes.length)
    return call
  }

  const containerDirective: Handler = (state: State, node: ContainerDirective) => {
    switch (node.name) {
      case 'recommendation':
        return renderRecommendation(state, node, context)
      case 'stat':
        cite(String(node.attributes?.source ?? ''))
        return renderStat(context, node, state)
      case 'viewpoint':
        return renderViewpoint(state, node, context)
      case 'callout':
        return renderCallout(state, node)
      default:
        return h('div', state.all(node) as ElementContent[])
    }
  }

  const leafDirective: Handler = (_state, node: LeafDirective) => renderLeafDirective(node, context)

  const textDirective: Handler = (state: State, node: TextDirective) => {
    const children = state.all(node) as ElementContent[]
    if (node.name === 'term') {
      const entry = resolveTerm(context.model.glossary, {label: toString(node), id: (node.attributes?.id as string | undefined) || undefined})
      return entry ? h('a.rp-term', {href: hrefFor(context, `term-${entry.value.id}`)}, children) : children
    }
    if (node.name === 'ref') return renderRef(toString(node).replace(/^#/, '').trim(), context)
    // `:waive[…]` only silences the checker: its text prints as written.
    return children
  }

  const footnoteDefinition: Handler = () => undefined

  return {citation, footnoteReference, footnoteDefinition, containerDirective, leafDirective, textDirective} as unknown as Handlers
}

/** `:ref[#rec-x]` → "recommandation 3", `:ref[#stat-y]` → the stat's value, `:ref[#chapter]` → its title. */
function renderRef(target: string, context: RenderContext): Element {
  const {model, labels} = context
  const recommendation = model.recommendations.find((item) => item.id === target)
  const stat = model.stats.find((item) => item.id === target)
  const chapter = model.anchors.get(target)
  const text = recommendation ? `${labels.recommendationShort} ${recommendation.number}` : stat ? stat.value : (chapter?.label ?? target)
  return h('a.rp-ref', {href: hrefFor(context, target)}, text)
}
