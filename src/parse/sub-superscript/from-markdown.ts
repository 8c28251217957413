/**
 * mdast-util-from-markdown extension: turn the tokens of `syntax.ts` into `subscript` and
 * `superscript` nodes, their content already parsed as inline Markdown.
 *
 * CommonMark has no escaped space, so `P~a\ cat~` arrives as the text `a\ cat`: Pandoc reads
 * `\ ` as a no-break space, and so does this. (The tokenizer takes no other unescaped space, so a
 * backslash and a space in a text child can only be that escape.)
 */
import type {PhrasingContent} from 'mdast'
import type {CompileContext, Extension as FromMarkdownExtension, Token} from 'mdast-util-from-markdown'
import type {Subscript, Superscript} from './types.js'

/** Create an extension for `mdast-util-from-markdown` to enable Pandoc sub- and superscripts. */
export function subSuperscriptFromMarkdown(): FromMarkdownExtension {
  return {
    enter: {subscript: enterSubscript, superscript: enterSuperscript},
    exit: {subscript: exitScript, superscript: exitScript}
  }
}

function enterSubscript(this: CompileContext, token: Token): undefined {
  const node: Subscript = {type: 'subscript', children: []}
  this.enter(node, token)
}

function enterSuperscript(this: CompileContext, token: Token): undefined {
  const node: Superscript = {type: 'superscript', children: []}
  this.enter(node, token)
}

function exitScript(this: CompileContext, token: Token): undefined {
  const node = this.stack[this.stack.length - 1] as Subscript | Superscript
  escapedSpaces(node.children)
  this.exit(token)
}

/** `\ ` → U+00A0 in the text of the content (not in code, which shows what is written). */
function escapedSpaces(children: PhrasingContent[]): void {
  for (const child of children) {
    if (child.type === 'text') child.value = child.value.replaceAll('\\ ', '\u00A0')
    else if (child.type !== 'inlineCode' && 'children' in child) escapedSpaces(child.children as PhrasingContent[])
  }
}
