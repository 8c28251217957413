/**
 * mdast-util-from-markdown extension: turn the tokens of `syntax.ts` into `inlineNote` nodes.
 *
 * The content arrives already parsed as inline Markdown (its chunks have `contentType: 'text'`):
 * its nodes become the note's children. Line endings inside are kept, as in a paragraph.
 */
import type {Extension as FromMarkdownExtension, CompileContext, Token} from 'mdast-util-from-markdown'
import type {InlineNote} from './types.js'

/** Create an extension for `mdast-util-from-markdown` to enable Pandoc inline notes. */
export function inlineNoteFromMarkdown(): FromMarkdownExtension {
  return {
    canContainEols: ['inlineNote'],
    enter: {inlineNote: enterInlineNote},
    exit: {inlineNote: exitInlineNote}
  }
}

function enterInlineNote(this: CompileContext, token: Token): undefined {
  const node: InlineNote = {type: 'inlineNote', children: []}
  this.enter(node, token)
}

function exitInlineNote(this: CompileContext, token: Token): undefined {
  this.exit(token)
}
