/**
 * mdast-util-to-markdown extension: serialize `citation` nodes as `[prefix @key, locator suffix; …]`
 * or, in-text, `@key [locator suffix; …]`.
 *
 * Items are the source of truth, so plugins that rewrite keys or locators are honoured. Prefixes
 * and suffixes are raw Markdown (see `types.ts`) and are written as they are; the locator is
 * plain text, written in braces (`{…}`) when it would not read back as the same locator.
 */
import type {Info, Options as ToMarkdownExtension, Unsafe} from 'mdast-util-to-markdown'
import {gluesToLocator, locatorAndSuffix, splitLocator} from './locator.js'
import type {Citation, CitationItem} from './types.js'

/** Constructs in which text is not phrasing to escape (as in `mdast-util-to-markdown`). */
const fullPhrasingSpans: NonNullable<Unsafe['notInConstruct']> = [
  'autolink',
  'destinationLiteral',
  'destinationRaw',
  'reference',
  'titleQuote',
  'titleApostrophe'
]

/** Create an extension for `mdast-util-to-markdown` to enable Pandoc citations. */
export function citationToMarkdown(): ToMarkdownExtension {
  return {
    handlers: {citation: handleCitation},
    unsafe: [
      // Text `@key` would read back as an in-text citation: escape the `@`. (Also after a word,
      // where it would stay text: a condition on the character before is dropped when that
      // character is escaped, as `\[` before `@` would be.)
      {
        character: '@',
        after: '[\\p{L}\\p{N}\\p{M}_{]',
        unicode: true,
        inConstruct: 'phrasing',
        notInConstruct: fullPhrasingSpans
      },
      // `[@a]{x}` would be a span, not a citation.
      {character: '{', before: '\\]', inConstruct: 'phrasing', notInConstruct: fullPhrasingSpans}
    ]
  }
}

function handleCitation(node: Citation, _: unknown, __: unknown, info: Info): string {
  // A hand-made node without items cannot be written as a citation: keep its text.
  if (node.items.length === 0) return node.syntax === 'in-text' ? node.value : '[' + node.value + ']'
  if (node.syntax !== 'in-text') return '[' + node.items.map(serializeItem).join('; ') + ']'

  const [first, ...rest] = node.items as [CitationItem, ...CitationItem[]]
  const before = first.prefix ? first.prefix + ' ' : ''
  const own = afterKey(first).replace(/^, ?/, '')
  const parts = [own ? guardInTextSuffix(own) : '', ...rest.map(serializeItem)]
  // `@{key}` keeps the key apart from what follows: a word would read as part of the key, an
  // `@` as glued to it, an emphasis marker as unable to open (the key’s last letter would then be
  // written as a character reference). It also keeps text before it that GFM would read as the
  // start of an e-mail (`1-@a.b`) from taking the key.
  const braced = /[-+_]$/.test(info.before) || (!own && rest.length === 0 && /^[\p{L}\p{N}\p{M}_@*~]/u.test(info.after))
  if (!own && rest.length === 0) return before + reference(first, braced)
  return before + reference(first, braced) + ' [' + parts.filter(Boolean).join('; ') + ']'
}

// Tell the text before a citation what follows it, so that `!` or a trailing `\` get escaped
// instead of turning `[` into an image or an escaped bracket.
handleCitation.peek = peekCitation

function peekCitation(node: Citation): string {
  if (node.syntax !== 'in-text') return '['
  return node.items[0]?.mode === 'suppress-author' ? '-' : '@'
}

function serializeItem(item: CitationItem): string {
  const before = item.prefix ? item.prefix + ' ' : ''
  const text = before + reference(item) + afterKey(item)
  // Trimming may have glued a backslash to the end: keep it from escaping the `;` or `]`.
  return text.endsWith('\\') ? text + ' ' : text
}

/** A key that reads back without braces (see `reference.ts`). */
const simpleKey = /^[\p{L}\p{N}\p{M}_](?:[\p{L}\p{N}\p{M}_]|[:.#$%&\-+?<>~/](?=[\p{L}\p{N}\p{M}_])|[:/](?=\/))*$/u

function reference(item: CitationItem, braced = false): string {
  const key = simpleKey.test(item.key) && !braced ? item.key : '{' + item.key + '}'
  return (item.mode === 'suppress-author' || item.suppressAuthor ? '-@' : '@') + key
}

/**
 * Locator and suffix after the key: `, p. 16 and passim`, `, p. 16, passim`, `, passim`, or
 * nothing. When the plain form would read back differently (a suffix that looks like a locator,
 * a locator the grammar does not see), the locator goes in braces, `{}` when there is none.
 */
function afterKey(item: CitationItem): string {
  if (!item.locator && !item.suffix) return ''
  const plain = ', ' + locatorAndSuffix(item)
  if (readsBack(plain, item)) return plain
  const braced = ', {' + item.locator + '}' + (item.suffix ? (gluesToLocator(item.suffix) ? '' : ' ') + item.suffix : '')
  return braced
}

function readsBack(text: string, item: CitationItem): boolean {
  const read = splitLocator(text)
  return read.locator === item.locator && read.suffix === item.suffix
}

/** An in-text bracket must not start with a reference, or it would read as more items. */
function guardInTextSuffix(text: string): string {
  return /^-?@/.test(text) ? text.replace('@', '\\@') : text
}
