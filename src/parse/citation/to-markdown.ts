/**
 * mdast-util-to-markdown extension: serialize `citation` nodes as
 * `[prefix @key, locator suffix; …]`.
 *
 * Items are the source of truth, so plugins that rewrite keys or locators are honoured. Item
 * strings are raw Markdown (see `types.ts`) and are written as they are, without escaping.
 */
import type {Options as ToMarkdownExtension} from 'mdast-util-to-markdown'
import type {Citation, CitationItem} from './types.js'

/** Create an extension for `mdast-util-to-markdown` to enable Pandoc citations. */
export function citationToMarkdown(): ToMarkdownExtension {
  return {handlers: {citation: handleCitation}}
}

function handleCitation(node: Citation): string {
  // A hand-made node without items cannot be written as a citation: keep its text.
  if (node.items.length === 0) return '[' + node.value + ']'
  return '[' + node.items.map(serializeItem).join('; ') + ']'
}

// Tell the text before a citation what follows it, so that `!` or a trailing `\` get escaped
// instead of turning `[` into an image or an escaped bracket.
handleCitation.peek = peekCitation

function peekCitation(): string {
  return '['
}

function serializeItem(item: CitationItem): string {
  const reference = (item.suppressAuthor ? '-@' : '@') + item.key
  const before = item.prefix ? item.prefix + ' ' : ''
  const text = before + reference + afterKey(item)
  // Trimming may have glued a backslash to the end: keep it from escaping the `;` or `]`.
  return text.endsWith('\\') ? text + ' ' : text
}

/** Locator and suffix: `, p. 16 and passim`, `, p. 16`, `, and passim`, or nothing. */
function afterKey(item: CitationItem): string {
  if (!item.locator) return item.suffix ? glue(item.suffix, ', ') + item.suffix : ''
  if (!item.suffix) return ', ' + item.locator
  return ', ' + item.locator + glue(item.suffix, ' ') + item.suffix
}

/**
 * What to put before a suffix. After whitespace, a suffix starting with `@` or `-` would read
 * back as a second reference (`@b`, `-@b`) or as the end of a range (`p. 16 -17`): a bare
 * comma keeps it suffix text.
 */
function glue(suffix: string, separator: string): string {
  return suffix.startsWith('@') || /^[-–—]/.test(suffix) ? ',' : separator
}
