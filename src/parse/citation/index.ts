/**
 * remark plugin for Pandoc citations, built like `remark-directive`: a micromark syntax
 * extension, an mdast-util-from-markdown extension, and an mdast-util-to-markdown extension,
 * registered on the processor.
 */
import type {Options as ToMarkdownExtension} from 'mdast-util-to-markdown'
import type {} from 'remark-parse'
import type {Data, Processor} from 'unified'
import {citationFromMarkdown} from './from-markdown.js'
import {citationSyntax} from './syntax.js'
import {citationToMarkdown} from './to-markdown.js'

export {citationFromMarkdown} from './from-markdown.js'
export {collapseWhitespace, gluesToLocator, locatorAndSuffix, locatorLabel, splitLocator} from './locator.js'
export {citationSyntax} from './syntax.js'
export {citationToMarkdown} from './to-markdown.js'
export type {Citation, CitationData, CitationItem, CitationMode} from './types.js'

/**
 * `remark-stringify` declares `toMarkdownExtensions` on unified’s `Data`; it is not a direct
 * dependency of this project, so spell the field out instead of importing its types.
 */
interface CitationProcessorData extends Data {
  toMarkdownExtensions?: ToMarkdownExtension[] | undefined
}

/**
 * Add support for Pandoc citations (`[see @doe-2020, p. 16]`, `@doe-2020 [p. 16]`) to remark:
 * parse them into `citation` nodes and write them back.
 *
 * `this` is the bare `Processor`, the type unified gives plugins, so that `.use(remarkCitation)`
 * type-checks at any point of a chain.
 */
export default function remarkCitation(this: Processor): undefined {
  const data: CitationProcessorData = this.data()

  ;(data.micromarkExtensions ??= []).push(citationSyntax())
  ;(data.fromMarkdownExtensions ??= []).push(citationFromMarkdown())
  ;(data.toMarkdownExtensions ??= []).push(citationToMarkdown())
}
