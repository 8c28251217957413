/**
 * mdast-util-from-markdown extension: turn the tokens of `syntax.ts` into `citation` nodes.
 *
 * Every string is sliced from the source by token, so positions are micromark’s own: exact
 * across line endings, tabs, container prefixes (`> `), and multibyte text.
 */
import type {
  CompileContext,
  Extension as FromMarkdownExtension,
  Token
} from 'mdast-util-from-markdown'
import type {Point} from 'unist'
import {collapseWhitespace, splitLocator} from './locator.js'
import type {Citation, CitationItem} from './types.js'

/** Create an extension for `mdast-util-from-markdown` to enable Pandoc citations. */
export function citationFromMarkdown(): FromMarkdownExtension {
  return {
    enter: {
      citation: enterCitation,
      citationItem: enterItem
    },
    exit: {
      citation: exitCitation,
      citationItemPrefix: exitPrefix,
      citationItemSuffix: exitSuffix,
      citationKey: exitKey,
      citationReference: exitReference,
      citationSuppressAuthorMarker: exitSuppressAuthor
    }
  }
}

function enterCitation(this: CompileContext, token: Token): undefined {
  const node: Citation = {type: 'citation', value: '', items: []}
  this.enter(node, token)
}

function exitCitation(this: CompileContext, token: Token): undefined {
  // Drop the `[` and `]` markers: `value` is what is between them.
  currentCitation(this).value = this.sliceSerialize(token).slice(1, -1)
  this.exit(token)
}

function enterItem(this: CompileContext, token: Token): undefined {
  // The position is a placeholder until `exitReference`: the tokenizer guarantees that
  // every item has exactly one reference.
  const here = point(token.start)
  currentCitation(this).items.push({
    key: '',
    prefix: '',
    locator: '',
    suffix: '',
    suppressAuthor: false,
    position: {start: here, end: here}
  })
}

function exitPrefix(this: CompileContext, token: Token): undefined {
  currentItem(this).prefix = collapseWhitespace(this.sliceSerialize(token))
}

function exitSuffix(this: CompileContext, token: Token): undefined {
  const item = currentItem(this)
  const {locator, suffix} = splitLocator(this.sliceSerialize(token))
  item.locator = locator
  item.suffix = suffix
}

function exitSuppressAuthor(this: CompileContext): undefined {
  currentItem(this).suppressAuthor = true
}

function exitKey(this: CompileContext, token: Token): undefined {
  currentItem(this).key = this.sliceSerialize(token)
}

function exitReference(this: CompileContext, token: Token): undefined {
  currentItem(this).position = {start: point(token.start), end: point(token.end)}
}

function currentCitation(context: CompileContext): Citation {
  const node = context.stack[context.stack.length - 1]
  // Only reachable if another extension leaves a node open inside a citation.
  if (node?.type !== 'citation') throw new Error('Expected a citation node on the stack')
  return node
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
