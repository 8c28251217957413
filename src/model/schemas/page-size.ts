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

/** Width and height of the named sizes, in millimetres (ISO 216, ISO 269 B, ANSI). */
const NAMED_MM: Record<string, [number, number]> = {
  A0: [841, 1189], A1: [594, 841], A2: [420, 594], A3: [297, 420], A4: [210, 297], A5: [148, 210], A6: [105, 148], A7: [74, 105], A8: [52, 74], A9: [37, 52], A10: [26, 37],
  B4: [250, 353], B5: [176, 250], letter: [215.9, 279.4], legal: [215.9, 355.6], ledger: [279.4, 431.8]
}
const POINTS: Record<string, number> = {mm: 72 / 25.4, cm: 720 / 25.4, in: 72, pt: 1, px: 0.75}

/** `print.size` in PDF points, width then height: the trimmed page the printer cuts to. */
export function pageSizePoints(size: string): [number, number] {
  const [first, second] = pageSize(size).split(' ')
  const named = NAMED_MM[first!]
  if (named) {
    const [width, height] = named.map((mm) => mm * POINTS.mm!) as [number, number]
    return second === 'landscape' ? [height, width] : [width, height]
  }
  const points = (length: string) => Number(/^[\d.]+/.exec(length)![0]) * POINTS[/[a-z]+$/.exec(length)![0]]!
  return [points(first!), points(second!)]
}

/** A CSS length (`8cm`, `3in`, `120pt`, `300px`) in PDF points; `undefined` for anything else. */
export function lengthToPoints(length: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)(mm|cm|in|pt|px)$/u.exec(length.trim())
  return match ? Number(match[1]) * POINTS[match[2]!]! : undefined
}
