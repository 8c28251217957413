/**
 * remark plugin for Pandoc's attributes, bracketed spans and fenced divs, built like
 * `remark-directive`: a micromark syntax extension and an mdast-util-from-markdown extension.
 * `attach.ts` then gives each `{…}` to the node it follows (run by `parseMarkdown`).
 */
import type {Processor} from 'unified'
import {attributesFromMarkdown} from './from-markdown.js'
import {attributesSyntax} from './syntax.js'

export {attachAttributes} from './attach.js'
export {attributesToProperties, parseAttributeList, type Attributes} from './attribute-list.js'
export type {AttributesNode, CrossReference, FencedDiv, Shortcode, Span} from './types.js'

export default function remarkAttributes(this: Processor): undefined {
  const data = this.data()
  ;(data.micromarkExtensions ??= []).push(attributesSyntax())
  ;(data.fromMarkdownExtensions ??= []).push(attributesFromMarkdown())
}
