/**
 * What Pandoc and Quarto writers write, rendered the way a report needs it: figures with numbered
 * captions, table captions, spans and divs with their attributes, Quarto callouts as rapporteur's
 * callout boxes, and cross-references that say "figure 3" (with the page in print).
 */
import type {Element, ElementContent, Properties} from 'hast'
import {h} from 'hastscript'
import {toText} from 'hast-util-to-text'
import type {Code, Image, ImageReference, LinkReference, Paragraph, PhrasingContent, Table} from 'mdast'
import {defaultHandlers, type Handler, type State} from 'mdast-util-to-hast'
import {editionPageOf, fragmentId, isLocalAddress} from '../../model/address.js'
import {editionOutputs, type EditionName} from '../../model/schemas/config.js'
import {conditionOf, withoutCondition} from '../../model/conditional-content.js'
import {isPageFragment, printedId} from '../../model/link-targets.js'
import type {MarkdownDocument} from '../../model/types.js'
import {attributesToProperties, cssLength, type Attributes} from '../../parse/attributes/attribute-list.js'
import type {CrossReference, FencedDiv, Shortcode, Span} from '../../parse/attributes/types.js'
import {metaValue} from '../../model/shortcodes.js'
import {hrefFor, type RenderContext} from '../context.js'
import {numberTargets} from '../numbering.js'
import {keepNumbersWhole} from './table-numbers.js'
import {captionWords, hideWords, holdsLink} from './figure-caption.js'
import {withoutStrayFences} from './stray-fence.js'

const calloutKinds = ['note', 'warning', 'important', 'tip', 'caution'] as const
type CalloutKind = (typeof calloutKinds)[number]

export function createPandocHandlers(context: RenderContext, document: MarkdownDocument): Record<string, Handler> {
  const image: Handler = (state: State, node: Image) => {
    const element = defaultHandlers.image(state, {...node, url: context.imageSource(document.path, node.url)})
    const attributes = node.data?.attributes
    if (attributes) applyAttributes(element, attributes, {alt: true})
    return element
  }

  /** `![Carte][carte]`: the image its definition names, found and copied like any other. */
  const imageReference: Handler = (state: State, node: ImageReference) => {
    const definition = state.definitionById.get(node.identifier.toUpperCase())
    if (!definition) return defaultHandlers.imageReference(state, node)
    return image(state, {type: 'image', url: definition.url, title: definition.title, alt: node.alt, position: node.position, data: node.data}, undefined)
  }

  /** Pandoc's implicit figure: `<figure>` with the image and a caption, numbered when it has an id. */
  const paragraph: Handler = (state: State, node: Paragraph) => {
    // LaTeX commands and shortcodes alone in a paragraph: `unsupported-syntax` reports them; nothing to print.
    if (node.data?.rawTex || node.children.every((child) => child.type === 'shortcode' || (child.type === 'text' && child.value.trim() === ''))) return undefined
    if (!node.data?.figure) {
      // A `:::` line that closed no block, which `unsupported-syntax` reports: left out.
      const kept = withoutStrayFences(node)
      return kept ? defaultHandlers.paragraph(state, kept) : undefined
    }
    const picture = node.children.find((child): child is Image => child.type === 'image')!
    const attributes = picture.data?.attributes
    const element = image(state, picture, node) as Element
    // The caption is shown beside the image: its alternative text says what the image shows.
    const alt = attributes?.pairs['fig-alt'] ?? picture.alt ?? ''
    // The image's language (`{lang=fr}`) is its caption's too, made from the same brackets: on the
    // figure, so that the caption is read in that voice and spaced in that language's typography.
    const {lang, dir} = element.properties
    element.properties = {...element.properties, alt, id: undefined, lang: undefined, dir: undefined}
    // The caption as Markdown (parse/figure-captions.ts: citations, notes, emphasis), or its plain text.
    const caption: ElementContent[] = node.data.caption ? (state.all({type: 'paragraph', children: node.data.caption}) as ElementContent[]) : picture.alt?.trim() ? [{type: 'text', value: picture.alt.trim()}] : []
    const number = attributes?.id ? context.numbers.get(attributes.id) : undefined
    const written = number === undefined ? [] : [h('span.rp-figure__label', `${capitalise(context.labels.figure)} ${number}`), ...(caption.length > 0 ? [context.labels.captionSeparator] : [])]
    // "Figure 3: " is in the report's language, spaced and read as such, in a figure in another.
    const label = typeof lang === 'string' && lang !== context.model.config.lang && written.length > 0 ? [h('span', {lang: context.model.config.lang}, written)] : written
    const classes = ['rp-figure', ...(attributes?.classes ?? [])]
    // A caption that only says again what the image's description says is read once, as Pandoc
    // writes it: hidden from screen readers, which read the description. Not when it holds more: a
    // number to refer to, a link or a note to follow.
    const saysAlt = caption.length > 0 && alt.replace(/\s+/gu, ' ').trim() === captionWords(caption)
    const repeated = saysAlt && label.length === 0 && !caption.some(holdsLink)
    // One that holds more than the description keeps it within reach, and hides only the words the
    // description already said ("image, Carte…", then "Figure 2:", "Note 3", not the words twice).
    const shown = saysAlt && !repeated ? hideWords(caption) : caption
    const figure = h('figure', {id: attributes?.id, className: classes, lang, dir}, [element, ...(caption.length > 0 || label.length > 0 ? [h('figcaption.rp-figure__caption', repeated ? {ariaHidden: 'true'} : {}, [...label, ...shown])] : [])])
    // Its paragraph's place: the print's data-line, which the preflight reports a figure at.
    state.patch(node, figure)
    return figure
  }

  /** A table with its caption (`: …` or `Table: …` beside it) and id, in a `div.rp-table`. */
  const table: Handler = (state: State, node: Table) => {
    const attributes = node.data?.attributes
    const caption = node.data?.caption
    // The caption before the cells: it prints above them, so its notes are numbered first (and a
    // citation in it comes first for "ibid."), as they are read.
    const captionContent = caption ? (state.all({type: 'paragraph', children: caption}) as ElementContent[]) : undefined
    const element = defaultHandlers.table(state, node) as Element
    if (attributes) applyAttributes(element, attributes)
    if (captionContent) {
      const number = attributes?.id ? context.numbers.get(attributes.id) : undefined
      const label = number === undefined ? [] : [h('span.rp-table__label', `${capitalise(context.labels.table)} ${number}`), context.labels.captionSeparator]
      element.children.unshift(h('caption.rp-table__caption', [...label, ...captionContent]))
    }
    // The contract's wrapper (docs/designers.md): it scrolls on a narrow screen; the table keeps its id and caption.
    if (context.mode === 'print') {
      keepNumbersWhole(element)
      return h('div.rp-table', [element])
    }
    // On the web a table that scrolls is reached by the keyboard and named by its caption
    // (WCAG 2.1.1, 4.1.2): a focusable region, labelled by the caption or by the word "Table".
    const captionElement = element.children.find((child): child is Element => child.type === 'element' && child.tagName === 'caption')
    if (captionElement) captionElement.properties = {...captionElement.properties, id: `rp-caption-${document.id}-${++captions}`}
    const name = captionElement ? {ariaLabelledby: captionElement.properties.id} : {ariaLabel: capitalise(context.labels.table)}
    return h('div.rp-table', {tabIndex: 0, role: 'region', ...name}, [element])
  }
  let captions = 0

  /** `[texte]{.mark}` is a highlight, `<mark>`, as Pandoc writes it; any other span a `<span>`. */
  const span: Handler = (state: State, node: Span) => {
    if (!shownHere(node.attributes)) return undefined
    const kept = withoutCondition(node.attributes)
    const marked = kept.classes.includes('mark')
    const attributes = marked ? {...kept, classes: kept.classes.filter((name) => name !== 'mark')} : kept
    return h(marked ? 'mark' : 'span', attributesToProperties(attributes) as Properties, state.all(node) as ElementContent[])
  }

  /** `::: {.callout-note}` is a callout box; any other div keeps its id, classes and attributes. */
  const fencedDiv: Handler = (state: State, node: FencedDiv) => {
    if (!shownHere(node.attributes)) return undefined
    const kind = calloutKind(node.attributes)
    if (!kind) return h('div', attributesToProperties(withoutCondition(node.attributes)) as Properties, state.all(node) as ElementContent[])
    // Quarto's title: the `title` attribute, else a first heading, else the kind's own word.
    const [first, ...rest] = node.children
    const headingTitle = !node.attributes.pairs.title && first?.type === 'heading'
    const title: ElementContent[] = node.attributes.pairs.title ? [{type: 'text', value: node.attributes.pairs.title}] : headingTitle ? (state.all(first) as ElementContent[]) : [{type: 'text', value: context.labels.callouts[kind]}]
    const body = state.all({...node, children: headingTitle ? rest : node.children}) as ElementContent[]
    const classes = ['rp-callout', `rp-callout--${kind}`, ...node.attributes.classes.filter((name) => !name.startsWith('callout'))]
    return h('div', {id: node.attributes.id, className: classes, role: 'note'}, [h('p.rp-callout__title', title), ...body])
  }

  /** Quarto's `.content-visible` / `.content-hidden`: whether this output (the web page, or the PDF) shows it. */
  const shownHere = (attributes: Attributes) => conditionOf(attributes)?.shown[context.mode] ?? true

  // `@eq-x`, `@thm-x`: a kind rapporteur does not number, printed as written (`unsupported-syntax` says so).
  const crossReference: Handler = (_state: State, node: CrossReference) =>
    node.unsupported ? {type: 'text', value: node.value} : renderCrossReference(node.identifier, node.suppressLabel, context, node.capitalised)

  /** `{…}` that belongs to nothing: `unsupported-syntax` reports it; it is never printed. */
  const attributes: Handler = () => undefined
  // `{{< meta title >}}`: rapporteur.yaml's title, as Quarto prints the document's; other shortcodes are left out.
  const shortcode: Handler = (_state: State, node: Shortcode) => {
    const value = metaValue(node.value, context.model.config)
    return value === undefined ? undefined : {type: 'text', value}
  }

  /** Code keeps its classes; a raw block (```` ```{=latex} ````) is for another output: not printed. */
  const code: Handler = (state: State, node: Code) => {
    // ```{=html} is printed where raw HTML is allowed (render/raw-html.ts reads it); other formats' never.
    if (node.data?.attributes?.raw) return node.data.attributes.raw === 'html' && context.model.config.check.html ? {type: 'raw', value: node.value} : undefined
    if (node.data?.attributes && !shownHere(node.data.attributes)) return undefined
    const element = defaultHandlers.code(state, node) as Element
    const attributes = node.data?.attributes && withoutCondition(node.data.attributes)
    const inner = element.children[0]
    if (attributes && inner?.type === 'element') applyAttributes(inner, {...attributes, classes: attributes.classes.slice(1)})
    return element
  }

  const inlineCode: Handler = (state: State, node: PhrasingContent & {type: 'inlineCode'}) => {
    const element = defaultHandlers.inlineCode(state, node)
    if (node.data?.attributes) applyAttributes(element, node.data.attributes)
    return element
  }

  /** `[le rapport complet](rapport.html)`: a page the build publishes beside this one, linked on the web, its text on paper. */
  const published = (url: string) => editionPageOf(url, editionOutputs(context.model.config)) !== undefined

  const link: Handler = (state: State, node: PhrasingContent & {type: 'link'}) => {
    const element = published(node.url)
      ? context.mode === 'print'
        ? localLink(state, node)
        : (defaultHandlers.link(state, node) as Element)
      : isLocalAddress(node.url)
        ? localLink(state, node)
        : (intoReport(state, node, node.url) ?? onPaper(defaultHandlers.link(state, node) as Element, node.url))
    if (node.data?.attributes) applyAttributes(element, node.data.attributes)
    return element
  }

  const linkReference: Handler = (state: State, node: LinkReference) => {
    const definition = state.definitionById.get(String(node.identifier).toUpperCase())
    if (!definition) return defaultHandlers.linkReference(state, node)
    if (published(definition.url)) return context.mode === 'print' ? localLink(state, node) : defaultHandlers.linkReference(state, node)
    if (isLocalAddress(definition.url)) return localLink(state, node)
    return intoReport(state, node, definition.url) ?? onPaper(defaultHandlers.linkReference(state, node) as Element, definition.url)
  }

  /**
   * On paper a link is its text alone: in print, with `print.links: address` (the default), its
   * address follows in brackets, inside the link, unless the text already shows it (an autolink,
   * `[exemple.org](https://exemple.org)`), which is then marked as an address. `mailto:` and `tel:`
   * show the address or number alone.
   */
  const onPaper = (element: Element, url: string): Element => {
    if (context.mode !== 'print' || context.model.config.print.links !== 'address' || url.startsWith('#')) return element
    const shown = url.replace(/^(?:mailto|tel):/iu, '')
    const text = toText(element).trim()
    if (!shown) return element
    // The text is the address: it breaks like one, and typography leaves it alone.
    if (sameAddress(text, shown)) element.properties.className = [...((element.properties.className as string[] | undefined) ?? []), 'rp-link-address']
    else element.children.push(h('span.rp-link-address', [' (', shown, ')']))
    return element
  }

  /**
   * `[texte](#id)` where this edition does not hold `id`: on the web, a link to the other
   * edition's page, as `:ref` makes; in print, its text (a PDF cannot link into another file).
   * Undefined where the default link is right: the id is here, or the address is not `#…`.
   */
  const intoReport = (state: State, node: PhrasingContent & {type: 'link' | 'linkReference'}, url: string): Element | undefined => {
    if (!url.startsWith('#') || isPageFragment(fragmentId(url))) return undefined
    // `#bibliographie` in an English report: the id the bibliography is printed with.
    const id = printedId(fragmentId(url), context.model.config.lang)
    if (id === fragmentId(url) && context.ids.has(id)) return undefined
    const href = hrefFor(context, id)
    if (href === undefined) return localLink(state, node)
    return defaultHandlers.link(state, {type: 'link', url: href, title: node.type === 'link' ? node.title : state.definitionById.get(String(node.identifier).toUpperCase())?.title, children: node.children, position: node.position, data: node.data}) as Element
  }

  return {image, imageReference, paragraph, table, span, fencedDiv, crossReference, attributes, shortcode, code, inlineCode, link, linkReference}
}

/**
 * `@fig-x` → "figure 3" (or "3" for `-@fig-x`), `@tbl-x` → "tableau 2", `@sec-x` → the section's
 * title in quotes, a chapter → its title. In print the page follows, as for `:ref[…]`.
 */
export function renderCrossReference(target: string, bare: boolean, context: RenderContext, capitalised = false): Element {
  const {labels, model} = context
  const anchor = model.anchors.get(target)
  const own = context.numbers.get(target)
  // A figure or table of the other edition: its number there, and that edition's title.
  const other = own === undefined && anchor ? otherEditionNumber(model, context.edition, target) : undefined
  const number = own ?? other?.number
  let text = anchor?.label ?? target
  if (anchor?.kind === 'figure' || anchor?.kind === 'table') {
    const word = anchor.kind === 'figure' ? labels.figure : labels.table
    text = number === undefined ? text : bare ? String(number) : `${word} ${number}`
    if (other && !bare) text += ` (${other.title})`
  } else if (anchor?.kind === 'section') text = bare ? anchor.label : `${labels.section} ${labels.quotes[0]}${anchor.label}${labels.quotes[1]}`
  // A section or chapter of the other edition says which, as a figure of it does.
  const elsewhere = anchor && anchor.kind !== 'figure' && anchor.kind !== 'table' && !context.ids.has(target) && context.otherIds.has(target)
  const otherTitle = elsewhere ? model.config.editions[context.edition === 'full' ? 'synthesis' : 'full']?.title : undefined
  if (otherTitle && !bare) text += ` (${otherTitle})`
  // `@Fig-x`, Quarto's capitalised form: "Figure 1", "Section « Méthode »", as at a sentence's start.
  if (capitalised) text = text.charAt(0).toLocaleUpperCase(model.config.lang) + text.slice(1)
  return withPage(text, target, context)
}

/** Each edition's figure and table numbers, for references from the other one. */
const numbersByEdition = new WeakMap<RenderContext['model'], Map<EditionName, Map<string, number>>>()

function otherEditionNumber(model: RenderContext['model'], edition: EditionName, target: string): {number: number; title: string} | undefined {
  const other: EditionName = edition === 'full' ? 'synthesis' : 'full'
  const title = model.config.editions[other]?.title
  if (!title) return undefined
  let byEdition = numbersByEdition.get(model)
  if (!byEdition) numbersByEdition.set(model, (byEdition = new Map()))
  let numbers = byEdition.get(other)
  if (!numbers) byEdition.set(other, (numbers = numberTargets(model.documents.filter((document) => document.editions.includes(other)))))
  const number = numbers.get(target)
  return number === undefined ? undefined : {number, title}
}

/** A link to `target`; in print, with its page written in after layout (print/browser-side/handlers.ts). */
export function withPage(text: string, target: string, context: RenderContext): Element {
  const href = hrefFor(context, target)
  if (context.mode !== 'print' || !href?.startsWith('#')) return h('a.rp-ref', {href}, text)
  // A two-digit placeholder holds the room while Paged.js lays the lines out.
  return h('a.rp-ref', {href}, [text, h('span.rp-ref__page', [context.labels.pageReference, h('span.rp-ref__number', '00')])])
}

function calloutKind(attributes: Attributes): CalloutKind | undefined {
  for (const name of attributes.classes) {
    const kind = /^callout-(\w+)$/u.exec(name)?.[1]
    if (kind && (calloutKinds as readonly string[]).includes(kind)) return kind as CalloutKind
  }
  return undefined
}

/**
 * Id, classes and pairs onto an element. `width` and `height` become its style, as Pandoc's HTML
 * writer does (`70%`, `8cm`; a bare number is pixels); `fig-alt` is the image's description.
 */
function applyAttributes(element: Element, attributes: Attributes, options: {alt?: boolean} = {}): void {
  const {width, height, 'fig-alt': alt, ...pairs} = attributes.pairs
  const properties = attributesToProperties({...attributes, pairs})
  // Not a length: `unsupported-syntax` says so; nothing is written into the style.
  const [cssWidth, cssHeight] = [width, height].map((value) => (value ? cssLength(value) : undefined))
  const style = [cssWidth ? `width: ${cssWidth}` : '', cssHeight ? `height: ${cssHeight}` : ''].filter(Boolean).join('; ')
  const classes = [...((element.properties.className as string[] | undefined) ?? []), ...((properties.className as string[] | undefined) ?? [])]
  element.properties = {...element.properties, ...properties, ...(classes.length > 0 ? {className: classes} : {}), ...(style ? {style} : {}), ...(options.alt && alt ? {alt} : {})}
}



function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1)
}

/**
 * A link to a file on the writer's computer (model/address.ts): its text in a span, without the
 * address, which would lead nowhere in the HTML and put a path of this computer in the PDF
 * (reported by `local-link`).
 */
function localLink(state: State, node: PhrasingContent & {type: 'link' | 'linkReference'}): Element {
  const element: Element = {type: 'element', tagName: 'span', properties: {}, children: state.all(node) as ElementContent[]}
  state.patch(node, element)
  return state.applyData(node, element)
}

/** `exemple.org/page` shows `https://www.exemple.org/page/`: scheme, `www.` and a last slash aside. */
function sameAddress(text: string, url: string): boolean {
  const bare = (value: string) => value.toLowerCase().replace(/^[a-z][a-z\d+.-]*:\/\//u, '').replace(/^www\./u, '').replace(/\/$/u, '')
  return bare(text) === bare(url)
}
