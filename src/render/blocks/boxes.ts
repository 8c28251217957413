import type {Element, ElementContent} from 'hast'
import {h} from 'hastscript'
import type {ContainerDirective} from 'mdast-util-directive'
import type {State} from 'mdast-util-to-hast'
import type {RenderContext} from '../context.js'
import {headingBelow} from '../heading-levels.js'

/** Children without the container's `[label]` paragraph (a label is a title, rendered apart). */
function body(state: State, node: ContainerDirective): ElementContent[] {
  const children = node.children.filter((child) => !(child.type === 'paragraph' && (child.data as {directiveLabel?: boolean} | undefined)?.directiveLabel))
  return state.all({...node, children}) as ElementContent[]
}

/**
 * A recommendation box: "R3" (a badge, for the eye only) "Recommandation 3 · Prévention", its title (the heading inside, one level
 * below the heading the box stands under, `level`), body, actors.
 */
export function renderRecommendation(state: State, node: ContainerDirective, context: RenderContext, level?: number): Element {
  const id = String(node.attributes?.id ?? '')
  const recommendation = context.model.recommendations.find((item) => item.node === node)
  const number = recommendation?.number ?? 0
  const axis = String(node.attributes?.axis ?? '')
  const axisLabel = context.model.config.axes.find((item) => item.id === axis)?.label ?? axis
  const content = body(state, node)
  const heading = content.find((child): child is Element => child.type === 'element' && /^h[1-6]$/.test(child.tagName))
  if (heading) {
    heading.properties = {...heading.properties, id: `${id}-title`, className: ['rp-recommendation__title']}
    if (level) heading.tagName = headingBelow(level)
  }
  const actors = node.attributes?.actors
  return h('div.rp-recommendation', {id, dataAxis: axis, role: 'group', ariaLabelledby: heading ? `${id}-title` : undefined}, [
    // The badge repeats the number the words say: hidden from screen readers and from the PDF's
    // tags, so that "Recommandation 3" is read once, not "R3 Recommandation 3".
    h('p.rp-recommendation__label', [h('span.rp-recommendation__number', {ariaHidden: 'true'}, `R${number}`), ` ${context.labels.recommendation} ${number} · ${axisLabel}`]),
    ...content,
    ...(actors ? [h('p.rp-recommendation__actors', [h('span.rp-recommendation__actors-label', `${context.labels.actors}${context.labels.colon}`), actors])] : [])
  ])
}

/** A key-figure card: the value large, what it measures, and its source. */
export function renderStat(context: RenderContext, node: ContainerDirective, state?: State): Element {
  const stat = context.model.stats.find((item) => item.node === node)
  const id = String(node.attributes?.id ?? stat?.id ?? '')
  const value = String(node.attributes?.value ?? stat?.value ?? '')
  const sourceId = String(node.attributes?.source ?? stat?.source ?? '')
  const source = context.model.sources.find((entry) => entry.value.id === sourceId)?.value
  const locator = node.attributes?.locator ?? stat?.locator
  // The paragraphs run on in the caption, a space between them (`guide. A second`, not `guide.A second`).
  const text: ElementContent[] = state ? body(state, node).flatMap((child, index) => [...(index > 0 ? [{type: 'text' as const, value: ' '}] : []), ...(child.type === 'element' && child.tagName === 'p' ? child.children : [child])]) : [{type: 'text', value: stat?.text ?? ''}]
  const sourceLine = `${context.labels.source}${context.labels.colon}${source ? [source.author.join(', '), source.title].filter(Boolean).join(', ') : sourceId}${locator ? `, ${locator}` : ''}`
  // A key figure is text, not an image: in print, `role="group"` keeps it out of the PDF's
  // `Figure` tag (which would want an alternative text); on the web a figure with its caption is right.
  return h('figure.rp-stat', {id, role: context.mode === 'print' ? 'group' : undefined}, [h('p.rp-stat__value', value), h('figcaption.rp-stat__text', [...text, ' ', h('span.rp-stat__source', sourceLine)])])
}

/** An expert's viewpoint: the quotation and its attribution. */
export function renderViewpoint(state: State, node: ContainerDirective, _context: RenderContext): Element {
  const author = String(node.attributes?.author ?? '')
  const role = node.attributes?.role
  return h('div.rp-viewpoint', [
    h('blockquote', body(state, node)),
    h('p.rp-viewpoint__author', [author, ...(role ? [', ', h('span.rp-viewpoint__role', role)] : [])])
  ])
}

/** A box aside from the text (an industry commitment, a case study). */
export function renderCallout(state: State, node: ContainerDirective): Element {
  const title = node.attributes?.title
  return h('div.rp-callout', {role: 'note'}, [...(title ? [h('p.rp-callout__title', title)] : []), ...body(state, node)])
}
