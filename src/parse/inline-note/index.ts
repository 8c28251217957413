/**
 * remark plugin for Pandoc inline notes (`^[…]`), built like `remark-directive`: a micromark
 * syntax extension, an mdast-util-from-markdown extension, and an mdast-util-to-markdown
 * extension, registered on the processor.
 */
import type {Options as ToMarkdownExtension} from 'mdast-util-to-markdown'
import type {} from 'remark-parse'
import type {Data, Processor} from 'unified'
import {inlineNoteFromMarkdown} from './from-markdown.js'
import {inlineNoteSyntax} from './syntax.js'
import {inlineNoteToMarkdown} from './to-markdown.js'

export {inlineNoteFromMarkdown} from './from-markdown.js'
export {inlineNoteSyntax} from './syntax.js'
export {inlineNoteToMarkdown} from './to-markdown.js'
export type {InlineNote, InlineNoteData} from './types.js'

/** `remark-stringify` declares this field on unified’s `Data`; it is not a direct dependency. */
interface InlineNoteProcessorData extends Data {
  toMarkdownExtensions?: ToMarkdownExtension[] | undefined
}

/** Add support for Pandoc inline notes (`texte^[Une note.]`) to remark: parse them into `inlineNote` nodes and write them back. */
export default function remarkInlineNote(this: Processor): undefined {
  const data: InlineNoteProcessorData = this.data()

  ;(data.micromarkExtensions ??= []).push(inlineNoteSyntax())
  ;(data.fromMarkdownExtensions ??= []).push(inlineNoteFromMarkdown())
  ;(data.toMarkdownExtensions ??= []).push(inlineNoteToMarkdown())
}
