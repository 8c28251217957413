/**
 * remark plugin for definition lists, as Pandoc's `definition_lists` writes them: a term on its
 * own line, then one or more definitions each starting with `:` (compact, or loose with blank
 * lines; a definition may hold several paragraphs, lists and code, indented).
 *
 * The syntax is micromark-extension-definition-list (PHP Markdown Extra's definition lists) and
 * its mdast utilities: `defList` holding `defListTerm` (phrasing) and `defListDescription` (flow
 * content, `spread` when loose) nodes. Pandoc forms it does not read, which stay paragraphs (and
 * `unsupported-syntax` reports): `~` as the marker, and definition lists inside list items or
 * footnotes. See docs/pandoc-quarto.md.
 *
 * The library also takes every line of a paragraph before a `:` line as a term of its own; Pandoc
 * wants the term on one line, and reads `: …` after a longer paragraph as a line of that paragraph.
 * That matters in French, where a hard-wrapped line may well start with the spaced colon of
 * `question technique : il touche…`: `singleLineTerms` keeps it a paragraph.
 */
import {defListFromMarkdown, defListToMarkdown} from 'mdast-util-definition-list'
import type {Options as ToMarkdownExtension} from 'mdast-util-to-markdown'
import {defList} from 'micromark-extension-definition-list'
import type {Construct, Event, Extension, TokenizeContext} from 'micromark-util-types'
import type {} from 'remark-parse'
import type {Data, Processor} from 'unified'

export type {DefListDescriptionNode, DefListNode, DefListTermNode} from 'mdast-util-definition-list'

/** `remark-stringify` declares this field on unified’s `Data`; it is not a direct dependency. */
interface DefinitionListProcessorData extends Data {
  toMarkdownExtensions?: ToMarkdownExtension[] | undefined
}

/** Add support for definition lists to remark. */
export default function remarkDefinitionList(this: Processor): undefined {
  const data: DefinitionListProcessorData = this.data()

  ;(data.micromarkExtensions ??= []).push(singleLineTerms(defList))
  ;(data.fromMarkdownExtensions ??= []).push(defListFromMarkdown)
  ;(data.toMarkdownExtensions ??= []).push(defListToMarkdown)
}

/** Container prefixes the library looks through to find the term. */
const prefixTypes = new Set(['linePrefix', 'blockQuotePrefix', 'blockQuoteMarker', 'blockQuotePrefixWhitespace'])

/**
 * The definition list construct, starting only after a term of one line (a definition that
 * follows another, or a continuation, is the library's own business: its container state is set).
 */
export function singleLineTerms(extension: Extension): Extension {
  const construct = (extension.document as Record<number, Construct>)[58]!
  const guarded: Construct = {
    ...construct,
    tokenize(effects, ok, nok) {
      const started = (this.containerState as {type?: string} | undefined)?.type !== undefined
      if (!started && termLines(this) !== 1) return nok
      return construct.tokenize.call(this, effects, ok, nok)
    }
  }
  return {...extension, document: {...extension.document, 58: guarded}}
}

/** Lines of the paragraph that ends on the line before, or before one blank line (Pandoc allows it). */
function termLines(context: TokenizeContext): number {
  let lines = 0
  let blanks = 0
  for (let index = context.events.length - 1; index >= 0; index--) {
    const [kind, token, tokenizer]: Event = context.events[index]!
    if (prefixTypes.has(token.type)) continue
    if (token.type !== 'chunkFlow') break
    if (kind !== 'enter') continue
    if (tokenizer.sliceSerialize(token).trim() !== '') lines++
    else if (lines > 0 || ++blanks > 1) break
  }
  return lines
}
