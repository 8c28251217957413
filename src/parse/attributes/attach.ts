/**
 * Give each `{…}` to the node it belongs to, the way Pandoc reads them, once the tree is parsed:
 *
 * - at the end of a heading: the heading's (`## Method {#sec-method .unnumbered}`);
 * - right after an image, a link or a code span: theirs;
 * - in a fenced code block's info string (```` ```{.python} ````, ```` ```{=html} ````): the block's;
 * - a paragraph `: Caption {#tbl-x}` or `Table: Caption` next to a table: the table's caption;
 * - an image alone in its paragraph, with a description: a figure (Pandoc's implicit figures);
 * - a citation whose keys all have Quarto's cross-reference prefixes (`@fig-x`): cross-references.
 *
 * What is given is kept on the node's `data.attributes`; `{…}` left over stays an `attributes`
 * node, which `unsupported-syntax` reports and the renderer never prints.
 */
import type {Code, Heading, Nodes, Paragraph, Parent, PhrasingContent, Root, RootContent, Table, Text} from 'mdast'
import type {Citation} from '../citation/types.js'
import {parseAttributeList} from './attribute-list.js'
import type {CrossReference} from './types.js'

/**
 * The Quarto cross-reference prefixes rapporteur has targets for: `@fig-x`, `@tbl-x`, `@sec-x`,
 * and Quarto's capitalised forms, `@Fig-x` ("Figure 1" with a capital).
 */
export const crossReferencePrefix = /^(?:[Ff]ig|[Tt]bl|[Ss]ec)-/u

/**
 * Quarto's other cross-reference prefixes (equations, listings, theorems and their kin, callouts),
 * lower-case or capitalised: never sources. rapporteur numbers none of them: `@eq-x` is printed
 * as written, and `unsupported-syntax` reports it.
 */
export const otherCrossReferencePrefix = /^(?:[Ee]q|[Ll]st|[Tt]hm|[Ll]em|[Cc]or|[Pp]rp|[Cc]nj|[Dd]ef|[Ee]xm|[Ee]xr|[Ss]ol|[Rr]em|[Aa]lg|[Tt]ip|[Nn]te|[Ww]rn|[Ii]mp|[Cc]au)-/u

declare module 'mdast' {
  interface Data {
    /** A paragraph that is one image with a description: printed as a figure with its caption. */
    figure?: boolean | undefined
    /** A table's caption, from a `: …` or `Table: …` paragraph beside it. */
    caption?: PhrasingContent[] | undefined
    /** A paragraph of LaTeX commands only (`\newpage`): Pandoc's raw TeX, for a LaTeX output only. */
    rawTex?: boolean | undefined
  }
}

export function attachAttributes(tree: Root): void {
  visitParent(tree)
}

function visitParent(parent: Parent): void {
  const children = parent.children as RootContent[]
  for (let index = 0; index < children.length; index++) {
    const child = children[index]!
    if (child.type === 'table') index -= captionTable(children, index)
    else if (child.type === 'code') attachToCode(child)
    if ('children' in child) {
      if (child.type === 'heading') attachToHeading(child)
      attachInline(child as Parent)
      if (child.type === 'paragraph') markFigure(child)
      if (child.type === 'paragraph') markRawTex(child)
      visitParent(child as Parent)
    }
  }
}

/** `{…}` right after an image, a link or a code span (no space between) is theirs. */
function attachInline(parent: Parent): void {
  const children = parent.children as Nodes[]
  for (let index = children.length - 1; index >= 0; index--) {
    const child = children[index]!
    if (child.type === 'citation') {
      const references = crossReferences(child)
      if (references) children.splice(index, 1, ...references)
      continue
    }
    if (child.type !== 'attributes' || index === 0) continue
    const previous = children[index - 1]!
    const touches = previous.position?.end.offset !== undefined && previous.position.end.offset === child.position?.start.offset
    if (touches && (previous.type === 'image' || previous.type === 'link' || previous.type === 'inlineCode' || previous.type === 'imageReference' || previous.type === 'linkReference')) {
      ;(previous.data ??= {}).attributes = child.attributes
      if (previous.position && child.position) previous.position = {start: previous.position.start, end: child.position.end}
      children.splice(index, 1)
    }
  }
}

/** `## Title {#id}`: the list is the heading's last thing; the space before it goes too. */
function attachToHeading(heading: Heading): void {
  const last = heading.children.at(-1)
  if (last?.type !== 'attributes') return
  ;(heading.data ??= {}).attributes = last.attributes
  heading.children.pop()
  const before = heading.children.at(-1)
  if (before?.type === 'text') {
    before.value = before.value.trimEnd()
    if (before.value === '') heading.children.pop()
  }
}

/**
 * ```` ```{.python .numberLines} ````, ```` ```python {.x} ````, ```` ```{=html} ````. A Quarto
 * cell (```` ```{r} ````) is not a list: it keeps its info, for `unsupported-syntax` to report.
 */
function attachToCode(code: Code): void {
  const info = [code.lang, code.meta].filter(Boolean).join(' ')
  const braced = /^(?:([^\s{]+)\s*)?\{([^}]*)\}\s*$/u.exec(info)
  if (!braced) return
  const attributes = parseAttributeList(braced[2]!)
  if (!attributes) return
  const language = braced[1] ?? attributes.classes[0]
  ;(code.data ??= {}).attributes = attributes
  code.lang = attributes.raw ? `{=${attributes.raw}}` : (language ?? null)
  code.meta = null
}

/**
 * A paragraph `: Caption` or `Table: Caption` right after a table (or right before one) is its
 * caption; a trailing `{#tbl-x}` gives the table its id. Returns how many nodes before `index`
 * were removed, so the caller's index stays on the table.
 */
function captionTable(children: RootContent[], index: number): number {
  const table = children[index] as Table
  for (const offset of [1, -1]) {
    const sibling = children[index + offset]
    if (sibling?.type !== 'paragraph') continue
    const caption = captionOf(sibling)
    if (!caption) continue
    const data = (table.data ??= {})
    data.caption = caption.children
    if (caption.attributes) data.attributes = caption.attributes
    children.splice(index + offset, 1)
    return offset === -1 ? 1 : 0
  }
  return 0
}

const captionPrefix = /^(?:table:|:)[ \t]+/iu

function captionOf(paragraph: Paragraph): {children: PhrasingContent[]; attributes: ReturnType<typeof parseAttributeList>} | undefined {
  const first = paragraph.children[0]
  if (first?.type !== 'text') return undefined
  const prefix = captionPrefix.exec(first.value)
  if (!prefix) return undefined
  const children = structuredClone(paragraph.children)
  const head = children[0] as Text
  head.value = head.value.slice(prefix[0].length)
  if (head.position?.start.offset !== undefined) {
    const shift = prefix[0].length
    head.position = {...head.position, start: {...head.position.start, column: head.position.start.column + shift, offset: head.position.start.offset + shift}}
  }
  let attributes
  const last = children.at(-1)
  if (last?.type === 'attributes') {
    attributes = last.attributes
    children.pop()
    const before = children.at(-1)
    if (before?.type === 'text') before.value = before.value.trimEnd()
  }
  return {children: children.filter((child) => child.type !== 'text' || child.value !== ''), attributes}
}

/** Pandoc's implicit figure: a paragraph that is one image, with a description, and nothing else. */
function markFigure(paragraph: Paragraph): void {
  let image: PhrasingContent | undefined
  for (const child of paragraph.children) {
    if (child.type === 'text' && child.value.trim() === '') continue
    if (image || child.type !== 'image') return
    image = child
  }
  if (image?.type !== 'image') return
  if (!image.alt?.trim() && !image.data?.attributes?.id) return
  ;(paragraph.data ??= {}).figure = true
}

const texCommands = /^(?:\\[A-Za-z]+\*?(?:\{[^{}\n]*\}|\[[^\]\n]*\])*\s*)+$/u

/** `\newpage`, `\vspace{1cm}`: a paragraph that is LaTeX commands and nothing else. */
function markRawTex(paragraph: Paragraph): void {
  const first = paragraph.children[0]
  // Most paragraphs do not start with a backslash: passed over at once.
  if (first?.type !== 'text' || !first.value.trimStart().startsWith('\\')) return
  if (paragraph.children.every((child) => child.type === 'text') && texCommands.test(paragraph.children.map((child) => (child as Text).value).join('').trim())) {
    ;(paragraph.data ??= {}).rawTex = true
  }
}

/**
 * `[@fig-a; @tbl-b]`, `@fig-a`, `-@sec-b`, `@Fig-a`, `@eq-c`: every key a Quarto cross-reference,
 * or it stays a citation. `@Fig-a` is `fig-a` with a capital; `@eq-c` is kept as written.
 */
function crossReferences(citation: Citation): PhrasingContent[] | undefined {
  if (!citation.items.every((item) => crossReferencePrefix.test(item.key) || otherCrossReferencePrefix.test(item.key))) return undefined
  const nodes: PhrasingContent[] = []
  citation.items.forEach((item, index) => {
    if (index > 0) nodes.push({type: 'text', value: ', '})
    nodes.push(...item.prefixChildren)
    if (item.prefixChildren.length > 0) nodes.push({type: 'text', value: ' '})
    const suppressLabel = item.mode === 'suppress-author'
    const value = `${suppressLabel ? '-' : ''}@${item.key}`
    const reference: CrossReference = crossReferencePrefix.test(item.key)
      ? {type: 'crossReference', identifier: item.key.charAt(0).toLowerCase() + item.key.slice(1), suppressLabel, capitalised: /^[A-Z]/u.test(item.key), value, position: item.position}
      : {type: 'crossReference', identifier: item.key, suppressLabel, unsupported: true, value, position: item.position}
    nodes.push(reference)
    if (item.suffixChildren.length > 0) nodes.push({type: 'text', value: ' '}, ...item.suffixChildren)
  })
  return nodes
}
