/** Page sizes Paged.js 0.4 knows by name, spelt as it expects them (it is case-sensitive). */
const NAMED_SIZES = ['A0', 'A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'A7', 'A8', 'A9', 'A10', 'B4', 'B5', 'letter', 'legal', 'ledger']
const LENGTH = /^\d+(\.\d+)?(mm|cm|in|pt|px)$/
const ORIENTATIONS = new Set(['portrait', 'landscape'])

/**
 * `print.size` as a CSS `size` value: a name (`A4`, `a5`, `Letter`, optionally followed by
 * `portrait` or `landscape`) or a width and height (`170mm 240mm`). Throws a RangeError otherwise.
 */
export function pageSize(size: string): string {
  const words = size.trim().split(/\s+/)
  const named = NAMED_SIZES.find((name) => name.toLowerCase() === words[0]?.toLowerCase())
  if (named && words.length <= 2 && (words.length === 1 || ORIENTATIONS.has(words[1]!.toLowerCase()))) {
    return [named, ...words.slice(1).map((word) => word.toLowerCase())].join(' ')
  }
  if (words.length === 2 && words.every((word) => LENGTH.test(word))) return words.join(' ')
  throw new RangeError(`print.size \`${size}\` is not a page size: use A4, A5, letter… (optionally with portrait or landscape), or a width and height such as \`170mm 240mm\``)
}

/** Whether `print.size` is one `pageSize` accepts (for the config schema). */
export function isPageSize(size: string): boolean {
  try {
    pageSize(size)
    return true
  } catch {
    return false
  }
}
