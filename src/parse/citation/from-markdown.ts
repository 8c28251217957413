/**
 * mdast-util-from-markdown extension: turn the tokens of `syntax.ts` into `citation` nodes.
 *
 * Strings are sliced from the source by token, so positions are micromark’s own: exact across
 * line endings, tabs, container prefixes (`> `), and multibyte text. Prefixes and suffixes arrive
 * already parsed as inline Markdown (their chunks have `contentType: 'text'`): their nodes are
 * collected in a temporary parent and moved to `prefixChildren` / `suffixChildren`.
 */
import type {Nodes, Paragraph, Parent, PhrasingContent, Root, Text} from 'mdast'
import type {CompileContext, Extension as FromMarkdownExtension, Token} from 'mdast-util-from-markdown'
import type {Point} from 'unist'
import {collapseWhitespace, locatorParts} from './locator.js'
import type {Citation, CitationItem} from './types.js'

/** A citation while it is built: it holds its prefix or suffix being parsed as a child. */
type OpenCitation = Citation & {children: Paragraph[]}

/** Create an extension for `mdast-util-from-markdown` to enable Pandoc citations. */
export function citationFromMarkdown(): FromMarkdownExtension {
  return {
    enter: {
      citation: enterBracketed,
      citationInText: enterInText,
      citationItem: enterItem,
      citationItemPrefix: enterAffix,
      citationItemSuffix: enterAffix
    },
    exit: {
      citation: exitCitation,
      citationInText: exitCitation,
      citationItemPrefix: exitPrefix,
      citationItemSuffix: exitSuffix,
      citationKey: exitKey,
      citationReference: exitReference,
      citationSuppressAuthorMarker: exitSuppressAuthor,
      citationLocatorTerm: exitLocatorTerm,
      citationLocatorValue: exitLocatorValue,
      citationLocator: exitLocator
    },
    transforms: [exampleReferences]
  }
}

interface LocatorState {
  term?: string | undefined
  value?: string | undefined
}

function enterBracketed(this: CompileContext, token: Token): undefined {
  enterCitation(this, token, 'bracketed')
}

function enterInText(this: CompileContext, token: Token): undefined {
  enterCitation(this, token, 'in-text')
}

function enterCitation(context: CompileContext, token: Token, syntax: Citation['syntax']): void {
  const node: OpenCitation = {type: 'citation', value: '', items: [], syntax, children: []}
  // `enter` wants a parent in the tree’s types; the temporary children are removed on exit.
  context.enter(node as unknown as Parent as Nodes, token)
}

function exitCitation(this: CompileContext, token: Token): undefined {
  const node = currentCitation(this)
  const source = this.sliceSerialize(token)
  // A bracketed citation’s value is what is between `[` and `]`.
  node.value = node.syntax === 'bracketed' ? source.slice(1, -1) : source
  delete (node as Partial<OpenCitation>).children
  this.exit(token)
}

function enterItem(this: CompileContext, token: Token): undefined {
  const citation = currentCitation(this)
  // The position is a placeholder until `exitReference`: every item has a reference.
  const here = point(token.start)
  const mode = citation.syntax === 'in-text' && citation.items.length === 0 ? 'in-text' : 'normal'
  citation.items.push({
    key: '',
    mode,
    suppressAuthor: false,
    prefix: '',
    prefixChildren: [],
    locator: '',
    label: undefined,
    locatorValue: '',
    suffix: '',
    suffixChildren: [],
    position: {start: here, end: here}
  })
}

function enterAffix(this: CompileContext, token: Token): undefined {
  const parent: Paragraph = {type: 'paragraph', children: []}
  this.enter(parent, token)
}

function exitPrefix(this: CompileContext, token: Token): undefined {
  const children = exitAffix(this, token)
  const item = currentItem(this)
  item.prefix = collapseWhitespace(this.sliceSerialize(token))
  item.prefixChildren = children
}

function exitSuffix(this: CompileContext, token: Token): undefined {
  const children = exitAffix(this, token)
  const item = currentItem(this)
  item.suffix = collapseWhitespace(this.sliceSerialize(token))
  item.suffixChildren = children
}

/** Close the temporary parent of a prefix or suffix, take it out of the citation, return its children. */
function exitAffix(context: CompileContext, token: Token): PhrasingContent[] {
  const parent = context.stack[context.stack.length - 1]
  context.exit(token)
  const citation = currentCitation(context) as OpenCitation
  citation.children = citation.children.filter((child) => child !== parent)
  return parent && parent.type === 'paragraph' ? parent.children : []
}

function exitSuppressAuthor(this: CompileContext): undefined {
  const item = currentItem(this)
  item.mode = 'suppress-author'
  item.suppressAuthor = true
}

function exitKey(this: CompileContext, token: Token): undefined {
  currentItem(this).key = this.sliceSerialize(token)
}

function exitReference(this: CompileContext, token: Token): undefined {
  currentItem(this).position = {start: point(token.start), end: point(token.end)}
  this.data.citationLocator = {}
}

function exitLocatorTerm(this: CompileContext, token: Token): undefined {
  locatorState(this).term = this.sliceSerialize(token)
}

function exitLocatorValue(this: CompileContext, token: Token): undefined {
  locatorState(this).value = this.sliceSerialize(token)
}

function exitLocator(this: CompileContext, token: Token): undefined {
  const state = locatorState(this)
  const item = currentItem(this)
  Object.assign(item, locatorParts(this.sliceSerialize(token), state.term, state.value ?? ''))
  this.data.citationLocator = {}
}

function locatorState(context: CompileContext): LocatorState {
  return (context.data.citationLocator ??= {})
}

function currentCitation(context: CompileContext): Citation {
  for (let index = context.stack.length - 1; index >= 0; index--) {
    const node = context.stack[index] as Nodes | Citation | undefined
    if (node?.type === 'citation') return node
  }
  // Only reachable if another extension leaves a node open inside a citation.
  throw new Error('Expected a citation node on the stack')
}

function currentItem(context: CompileContext): CitationItem {
  const item = currentCitation(context).items.at(-1)
  if (!item) throw new Error('Expected a citation item')
  return item
}

/** Copy a micromark point without its private buffer fields. */
function point(place: Point): Point {
  return {line: place.line, column: place.column, offset: place.offset}
}

/**
 * Pandoc’s example lists: `(@good)` at the start of a line numbers an example, and a bare
 * `@good` anywhere in the document refers to it. Neither is a citation. This dialect has no
 * example lists, but reads them as Pandoc does so that they do not turn into citations: the
 * marker and the references stay text.
 */
function exampleReferences(tree: Root): undefined {
  const labels = new Set<string>()
  const candidates: Array<{parent: Parent; node: Citation}> = []
  walk(tree)
  if (labels.size === 0) return
  const touched = new Set<Parent>()
  for (const {parent, node} of candidates) {
    if (!labels.has(node.items[0]!.key)) continue
    const index = parent.children.indexOf(node as never)
    if (index < 0) continue
    const text: Text = {type: 'text', value: node.value}
    if (node.position) text.position = node.position
    parent.children[index] = text as never
    touched.add(parent)
  }
  for (const parent of touched) mergeTexts(parent)

  function walk(parent: Parent): void {
    parent.children.forEach((child, index) => {
      if (child.type === 'citation') {
        if (isBare(child)) {
          candidates.push({parent, node: child})
          if (isExampleMarker(parent, index)) labels.add(child.items[0]!.key)
        }
        return
      }
      if ('children' in child) walk(child)
    })
  }
}

/** An in-text citation of one item without a bracket: `@key` or `-@key`. */
function isBare(node: Citation): boolean {
  return node.syntax === 'in-text' && node.items.length === 1 && /^-?@\S+$/.test(node.value) && !node.value.includes('[')
}

/** `(@label)` at the start of a paragraph line, followed by whitespace or the end of the line. */
function isExampleMarker(parent: Parent, index: number): boolean {
  if (parent.type !== 'paragraph') return false
  const before = parent.children[index - 1]
  const after = parent.children[index + 1]
  if (before?.type !== 'text' || after?.type !== 'text') return false
  const node = parent.children[index] as unknown as Citation
  if (node.items[0]!.mode !== 'in-text') return false
  const lineStart = before.value === '(' ? index === 1 : before.value.endsWith('\n(')
  return lineStart && /^\)(?:[ \t]|\n|$)/.test(after.value)
}

/** Join adjacent text nodes in place (values and positions). */
function mergeTexts(parent: Parent): void {
  const children = parent.children as PhrasingContent[]
  for (let index = children.length - 1; index > 0; index--) {
    const left = children[index - 1]!
    const right = children[index]!
    if (left.type !== 'text' || right.type !== 'text') continue
    const merged: Text = {type: 'text', value: left.value + right.value}
    if (left.position && right.position) merged.position = {start: left.position.start, end: right.position.end}
    children.splice(index - 1, 2, merged)
  }
}

declare module 'mdast-util-from-markdown' {
  interface CompileData {
    /** Term and value of the locator being read. */
    citationLocator?: LocatorState | undefined
  }
}
