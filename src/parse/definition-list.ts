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
 */
import {defListFromMarkdown, defListToMarkdown} from 'mdast-util-definition-list'
import type {Options as ToMarkdownExtension} from 'mdast-util-to-markdown'
import {defList} from 'micromark-extension-definition-list'
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

  ;(data.micromarkExtensions ??= []).push(defList)
  ;(data.fromMarkdownExtensions ??= []).push(defListFromMarkdown)
  ;(data.toMarkdownExtensions ??= []).push(defListToMarkdown)
}
