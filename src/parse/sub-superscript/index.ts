/**
 * remark plugin for Pandoc sub- and superscripts (`H~2~O`, `10^6^`), built like
 * `remark-directive`: a micromark syntax extension, an mdast-util-from-markdown extension, and an
 * mdast-util-to-markdown extension, registered on the processor.
 */
import type {Options as ToMarkdownExtension} from 'mdast-util-to-markdown'
import type {} from 'remark-parse'
import type {Data, Processor} from 'unified'
import {subSuperscriptFromMarkdown} from './from-markdown.js'
import {subSuperscriptSyntax} from './syntax.js'
import {subSuperscriptToMarkdown} from './to-markdown.js'

export {subSuperscriptFromMarkdown} from './from-markdown.js'
export {subSuperscriptSyntax} from './syntax.js'
export {subSuperscriptToMarkdown} from './to-markdown.js'
export type {Subscript, SubSuperscriptData, Superscript} from './types.js'

/** `remark-stringify` declares this field on unified’s `Data`; it is not a direct dependency. */
interface SubSuperscriptProcessorData extends Data {
  toMarkdownExtensions?: ToMarkdownExtension[] | undefined
}

/**
 * Add support for Pandoc sub- and superscripts to remark: parse them into `subscript` and
 * `superscript` nodes and write them back. Use after remark-gfm with `singleTilde: false`.
 */
export default function remarkSubSuperscript(this: Processor): undefined {
  const data: SubSuperscriptProcessorData = this.data()

  ;(data.micromarkExtensions ??= []).push(subSuperscriptSyntax())
  ;(data.fromMarkdownExtensions ??= []).push(subSuperscriptFromMarkdown())
  ;(data.toMarkdownExtensions ??= []).push(subSuperscriptToMarkdown())
}
