/**
 * mdast-util-to-markdown extension: `math` blocks as mdast-util-math writes them (`$$` fences),
 * `inlineMath` as `$…$`, or `$$…$$` when `data.mathDisplay` says so.
 *
 * mdast-util-math's own inline writer pads a formula with spaces and doubles its dollars when it
 * holds one, which Pandoc's rules read back as text: here the formula is written trimmed, its line
 * endings as spaces (TeX reads both alike), and what would break it around it is escaped: a `$`
 * in the text that could open maths, a digit right after a closing `$`.
 */
import type {Options as ToMarkdownExtension, Unsafe} from 'mdast-util-to-markdown'
import {mathToMarkdown} from 'mdast-util-math'
import type {InlineMath} from './types.js'

/** Constructs in which text is not phrasing to escape (as in `mdast-util-to-markdown`). */
const fullPhrasingSpans: NonNullable<Unsafe['notInConstruct']> = ['autolink', 'destinationLiteral', 'destinationRaw', 'reference', 'titleQuote', 'titleApostrophe']

/** Create an extension for `mdast-util-to-markdown` to enable TeX maths with dollars. */
export function mathToMarkdownPandoc(): ToMarkdownExtension {
  const flow = mathToMarkdown()
  return {
    handlers: {math: flow.handlers!.math!, inlineMath: handleInlineMath},
    unsafe: [
      // From mdast-util-math: the fence's meta, and `$$` at the start of a line (a block).
      {character: '\r', inConstruct: 'mathFlowMeta'},
      {character: '\n', inConstruct: 'mathFlowMeta'},
      {character: '$', inConstruct: 'mathFlowMeta'},
      {atBreak: true, character: '$', after: '\\$'},
      // A `$` before a non-space could open maths; before a maths node, it would join it.
      // (A lookahead: the pattern must not take the next `$` of `$$` with it.)
      {character: '$', after: '(?=\\S)', inConstruct: 'phrasing', notInConstruct: fullPhrasingSpans},
      // A digit right after inline maths would keep its `$` from closing (`$x$5`).
      ...'0123456789'.split('').map((digit) => ({character: digit, beforeNode: 'inlineMath' as const, inConstruct: 'phrasing' as const, notInConstruct: fullPhrasingSpans}))
    ]
  }
}

function handleInlineMath(node: InlineMath): string {
  const value = node.value.replace(/\r\n|\r|\n/gu, ' ').trim()
  const fence = node.data?.mathDisplay ? '$$' : '$'
  return fence + value + fence
}

// Tell the text before what follows, so that a `$` there is escaped.
handleInlineMath.peek = peekInlineMath

function peekInlineMath(): string {
  return '$'
}
