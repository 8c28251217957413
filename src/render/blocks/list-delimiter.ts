import type {List} from 'mdast'

/**
 * The delimiter a numbered list was written with, `1.` or `1)`, read from its first item's marker
 * (CommonMark starts a new list where the delimiter changes, so every item has its list's). mdast
 * keeps only the number; HTML's `<ol>` has no delimiter: a list written `1)` is printed with its
 * `)` by a class (`rp-list-paren`, styles/base.css), as Pandoc keeps it (its `OneParen`).
 */
export function listDelimiter(list: List, source: string): '.' | ')' | undefined {
  if (!list.ordered) return undefined
  const start = list.children[0]?.position?.start.offset
  if (start === undefined) return undefined
  const marker = /^[ \t]*\d{1,9}([.)])/u.exec(source.slice(start, start + 20))
  return marker ? (marker[1] as '.' | ')') : undefined
}

/** The class an `<ol>` written `1)` takes, whose markers the stylesheet prints `1)`. */
export const PAREN_LIST_CLASS = 'rp-list-paren'
