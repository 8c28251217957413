/**
 * remark plugin for TeX maths as Pandoc writes it (`tex_math_dollars`), built like
 * `remark-directive`: a micromark syntax extension, an mdast-util-from-markdown extension and an
 * mdast-util-to-markdown extension, registered on the processor. The nodes are
 * mdast-util-math's: `math` and `inlineMath`.
 */
import type {Options as ToMarkdownExtension} from 'mdast-util-to-markdown'
import type {} from 'remark-parse'
import type {Data, Processor} from 'unified'
import {mathFromMarkdownPandoc} from './from-markdown.js'
import {mathSyntax} from './syntax.js'
import {mathToMarkdownPandoc} from './to-markdown.js'

export {mathFromMarkdownPandoc} from './from-markdown.js'
export {mathSyntax} from './syntax.js'
export {mathToMarkdownPandoc} from './to-markdown.js'
export {isDisplayMath, type InlineMath, type InlineMathData, type Math, type MathData} from './types.js'

/** `remark-stringify`'s field on unified's `Data`, spelled out (it is not a direct dependency). */
interface MathProcessorData extends Data {
  toMarkdownExtensions?: ToMarkdownExtension[] | undefined
}

/**
 * Add TeX maths with dollars to remark: `$…$` and `$$…$$` in the text, `$$` blocks; parse them
 * into `inlineMath` and `math` nodes and write them back.
 */
export default function remarkMath(this: Processor): undefined {
  const data: MathProcessorData = this.data()

  ;(data.micromarkExtensions ??= []).push(mathSyntax())
  ;(data.fromMarkdownExtensions ??= []).push(mathFromMarkdownPandoc())
  ;(data.toMarkdownExtensions ??= []).push(mathToMarkdownPandoc())
}
