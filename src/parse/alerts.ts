import type {Blockquote, Nodes, Paragraph, PhrasingContent, Root} from 'mdast'
import type {Point} from 'unist'
import {toString} from 'mdast-util-to-string'
import type {FencedDiv} from './attributes/types.js'

/** The kinds GitHub's alerts have, the same five as Quarto's callouts. */
export const alertKinds = ['note', 'tip', 'important', 'warning', 'caution'] as const

/**
 * `[!NOTE]` at the start of a quotation's first line, then on that line an optional fold sign
 * (`+`, `-`) and title, as Obsidian writes them.
 */
const marker = /^\[!([\p{L}-]+)\]([+-]?)(?:[\t ]+([^\n]*))?(?:\n|$)/u

/** A quotation's alert marker: its kind as written, whether rapporteur has that kind, the rest of its line. */
export interface AlertMarker {
  kind: string
  known: boolean
  /** The marker as written, `[!NOTE]`, for messages. */
  written: string
}

/** The alert marker that opens `node`, a quotation, if it has one. */
export function alertMarker(node: Blockquote): AlertMarker | undefined {
  const first = node.children[0]
  const text = first?.type === 'paragraph' ? first.children[0] : undefined
  if (text?.type !== 'text') return undefined
  const match = marker.exec(text.value)
  if (!match) return undefined
  const kind = match[1]!.toLowerCase()
  return {kind, known: (alertKinds as readonly string[]).includes(kind), written: `[!${match[1]}]`}
}

/**
 * GitHub's alerts and Obsidian's callouts, a quotation opened by `> [!NOTE]` (also `TIP`,
 * `IMPORTANT`, `WARNING`, `CAUTION`, in any case, with a title after it on that line), become the
 * callout Quarto writes `::: {.callout-note title="…"}`: one node for the checks and the
 * renderer. A quotation with another kind (`[!info]`) stays a quotation; `unsupported-syntax`
 * reports it.
 */
export function alertsToCallouts(tree: Root, document: string): void {
  visit(tree)

  function visit(node: Nodes): void {
    if (!('children' in node)) return
    const children = node.children as Nodes[]
    for (let index = 0; index < children.length; index++) {
      const child = children[index]!
      visit(child)
      if (child.type === 'blockquote') {
        const callout = toCallout(child, document)
        if (callout) children[index] = callout
      }
    }
  }
}

function toCallout(node: Blockquote, document: string): FencedDiv | undefined {
  const found = alertMarker(node)
  if (!found?.known) return undefined
  const [first, ...rest] = node.children as [Paragraph, ...Blockquote['children']]
  const {title, body} = splitFirstLine(first, document)
  return {
    type: 'fencedDiv',
    attributes: {id: undefined, classes: [`callout-${found.kind}`], pairs: title ? {title} : {}, raw: undefined},
    children: [...(body.length > 0 ? [{...first, children: body}] : []), ...rest] as FencedDiv['children'],
    position: node.position
  }
}

/** The marker's line (its title, as text) and what follows it in the paragraph. */
function splitFirstLine(paragraph: Paragraph, document: string): {title: string; body: PhrasingContent[]} {
  const titleNodes: PhrasingContent[] = []
  const body: PhrasingContent[] = []
  let inTitle = true
  for (const child of paragraph.children) {
    if (!inTitle) body.push(child)
    else if (child.type === 'break') inTitle = false
    else if (child.type === 'text' && child.value.includes('\n')) {
      const cut = child.value.indexOf('\n')
      titleNodes.push({...child, value: child.value.slice(0, cut)})
      const after = child.value.slice(cut + 1)
      if (after) body.push({type: 'text', value: after, position: child.position && {start: nextLine(child.position.start, document), end: child.position.end}})
      inTitle = false
    } else titleNodes.push(child)
  }
  // A title is text: one holding a citation, a note or a link keeps its line in the body instead,
  // where nothing of it is lost, and the callout takes its kind's word as title.
  if (!titleNodes.every(plainTitle)) {
    const [marked, ...others] = paragraph.children as [PhrasingContent & {type: 'text'}, ...PhrasingContent[]]
    return {title: '', body: [{...marked, value: marked.value.replace(marker, (line, _kind, _fold, text: string | undefined) => (text ?? '') + (line.endsWith('\n') ? '\n' : ''))}, ...others]}
  }
  const firstLine = toString({type: 'paragraph', children: titleNodes})
  const title = firstLine.replace(marker, (_, _kind, _fold, text: string | undefined) => text ?? '').trim()
  return {title, body}
}

/** What a title may hold: text and its emphasis, which read the same as a string. */
function plainTitle(node: PhrasingContent): boolean {
  if (node.type === 'text' || node.type === 'inlineCode') return true
  return (node.type === 'emphasis' || node.type === 'strong' || node.type === 'delete') && node.children.every(plainTitle)
}

/**
 * The start of the line after the one `start` is on. Its column is 1, before the quotation's `> `:
 * a text value is aligned to its source from the offset on (model/text/flatten.ts), which skips it.
 */
function nextLine(start: Point, document: string): Point {
  const end = start.offset === undefined ? -1 : document.indexOf('\n', start.offset)
  return {line: start.line + 1, column: 1, offset: end === -1 ? undefined : end + 1}
}
