/**
 * mdast-util-from-markdown extension: the tokens of `syntax.ts` as `attributes`, `span` and
 * `fencedDiv` nodes. A span's text and a div's blocks arrive parsed (their chunks have a
 * content type), as the children of the node entered.
 */
import type {Nodes, Parent} from 'mdast'
import type {CompileContext, Extension, Token} from 'mdast-util-from-markdown'
import {parseAttributeList, type Attributes} from './attribute-list.js'
import type {AttributesNode, FencedDiv, Shortcode, Span} from './types.js'

const none: Attributes = {id: undefined, classes: [], pairs: {}, raw: undefined}

export function attributesFromMarkdown(): Extension {
  return {
    // A line ending inside a span's text is text (a space when rendered), as in emphasis; without
    // it, `[Cartrefi cynnes i⏎bawb]{lang=cy}` read "ibawb".
    canContainEols: ['span'],
    enter: {shortcode: enterShortcode, attributes: enterAttributes, span: enterSpan, fencedDiv: enterFencedDiv},
    exit: {shortcode: exitShortcode, spanMarker: exitSpanMarker, attributes: exitAttributes, span: exitNode, fencedDiv: exitNode, fencedDivInfo: exitInfo}
  }
}

function enterShortcode(this: CompileContext, token: Token): undefined {
  const node: Shortcode = {type: 'shortcode', value: ''}
  this.enter(node as unknown as Nodes, token)
}

function exitShortcode(this: CompileContext, token: Token): undefined {
  ;(this.stack[this.stack.length - 1] as unknown as Shortcode).value = this.sliceSerialize(token)
  this.exit(token)
}

function enterAttributes(this: CompileContext, token: Token): undefined {
  // Inside a span, the braces belong to the span: no node of their own.
  if (this.data.attributesInSpan) return
  const node: AttributesNode = {type: 'attributes', value: '', attributes: none}
  this.enter(node as unknown as Nodes, token)
}

/** What is between the braces, read once they close (a list over two lines has a value token a line). */
function exitAttributes(this: CompileContext, token: Token): undefined {
  const value = this.sliceSerialize(token).slice(1, -1)
  const node = this.stack[this.stack.length - 1] as unknown as AttributesNode | Span
  if (node.type === 'attributes') node.value = value
  node.attributes = parseAttributeList(value) ?? none
  if (this.data.attributesInSpan) {
    this.data.attributesInSpan = false
    return
  }
  this.exit(token)
}

function enterSpan(this: CompileContext, token: Token): undefined {
  const node: Span = {type: 'span', attributes: none, children: []}
  this.enter(node as unknown as Parent as Nodes, token)
}

/**
 * The span's own `{…}` comes right after its `]`: from there, the braces are the span's. (After
 * its text would miss an empty span, `[]{#_Toc12 .anchor}`, which has none: Pandoc's anchor, as
 * Word documents bring them, then printed its attributes as text.)
 */
function exitSpanMarker(this: CompileContext, token: Token): undefined {
  if (this.sliceSerialize(token) === ']') this.data.attributesInSpan = true
}

function exitNode(this: CompileContext, token: Token): undefined {
  this.exit(token)
}

function exitInfo(this: CompileContext, token: Token): undefined {
  const info = this.sliceSerialize(token)
  const node = this.stack[this.stack.length - 1] as unknown as FencedDiv
  node.attributes = info.startsWith('{') ? (parseAttributeList(info.slice(1, -1)) ?? none) : {...none, classes: [info]}
}

function enterFencedDiv(this: CompileContext, token: Token): undefined {
  const node: FencedDiv = {type: 'fencedDiv', attributes: none, children: []}
  this.enter(node as unknown as Parent as Nodes, token)
}

declare module 'mdast-util-from-markdown' {
  interface CompileData {
    /** True between a span's `]` and the end of its `{…}`. */
    attributesInSpan?: boolean | undefined
  }
}
