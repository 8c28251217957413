/**
 * mdast-util-from-markdown extension: `$$` blocks through mdast-util-math (`math` nodes), and the
 * tokens of `syntax.ts` in the text as `inlineMath` nodes.
 *
 * An `inlineMath` value is the formula as written between its dollars (line endings kept,
 * container prefixes such as `> ` left out, as micromark gives them); display maths in the text
 * (`$$ x $$`) is trimmed and flagged `data.mathDisplay`. Both carry mdast-util-math's `hName`
 * hints (`code.language-math.math-inline` / `.math-display`) for tools that render without
 * rapporteur's handlers.
 */
import type {Extension as FromMarkdownExtension, CompileContext, Token} from 'mdast-util-from-markdown'
import {mathFromMarkdown} from 'mdast-util-math'
import type {InlineMath} from './types.js'

/** Token types of mdast-util-math's flow side: its text side is not used. */
const flowTokens = new Set(['mathFlow', 'mathFlowFence', 'mathFlowFenceMeta', 'mathFlowValue'])

/** Create an extension for `mdast-util-from-markdown` to enable TeX maths with dollars. */
export function mathFromMarkdownPandoc(): FromMarkdownExtension {
  const flow = mathFromMarkdown()
  const only = (handles: FromMarkdownExtension['enter']) => Object.fromEntries(Object.entries(handles ?? {}).filter(([type]) => flowTokens.has(type)))
  return {
    enter: {...only(flow.enter), texMathText: enterInline, texMathTextDisplay: enterInline},
    exit: {...only(flow.exit), texMathText: exitInline, texMathTextDisplay: exitInline}
  }
}

function enterInline(this: CompileContext, token: Token): undefined {
  const node: InlineMath = {type: 'inlineMath', value: ''}
  this.enter(node, token)
}

function exitInline(this: CompileContext, token: Token): undefined {
  const node = this.stack[this.stack.length - 1] as InlineMath
  const display = token.type === 'texMathTextDisplay'
  const source = this.sliceSerialize(token)
  const size = display ? 2 : 1
  const value = source.slice(size, -size)
  node.value = display ? value.trim() : value
  node.data = {
    ...(display ? {mathDisplay: true} : {}),
    hName: 'code',
    hProperties: {className: ['language-math', display ? 'math-display' : 'math-inline']},
    hChildren: [{type: 'text', value: node.value}]
  }
  this.exit(token)
}
