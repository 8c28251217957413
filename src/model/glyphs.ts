/**
 * The characters a font of the theme can print, as its `@font-face` rules say: the union of their
 * `unicode-range`s. The browser picks a face by that range, so a character outside every range of
 * a family is printed in another font, whatever the font file holds.
 */
export interface FontCoverage {
  /** The family, as the theme's font stack names it first: `Source Serif 4`. */
  family: string
  /** Inclusive code point ranges, sorted, merged. */
  ranges: Array<readonly [number, number]>
}

/** What the body text and the headings are printed in, where the theme says it (undefined: not known, not checked). */
export interface ThemeCoverage {
  body?: FontCoverage | undefined
  heading?: FontCoverage | undefined
}

/**
 * The characters of a text that `font` does not cover and that print as a glyph (not spaces,
 * controls, joiners, variation selectors or combining marks), as a global pattern: one native
 * scan a text, not one test a character.
 */
export function uncoveredPattern(font: FontCoverage): RegExp {
  const code = (point: number) => `\\u{${point.toString(16)}}`
  const ranges = font.ranges.map(([from, to]) => (from === to ? code(from) : `${code(from)}-${code(to)}`)).join('')
  return new RegExp(`[^${ranges}\\s\\p{Cc}\\p{Cf}\\p{M}]`, 'gu')
}

/** `U+0000-00FF, U+0131, U+4??` → ranges; undefined where a part cannot be read. */
export function unicodeRanges(value: string): Array<[number, number]> | undefined {
  const ranges: Array<[number, number]> = []
  for (const part of value.split(',')) {
    const match = /^\s*u\+([\da-f?]{1,6})(?:-([\da-f]{1,6}))?\s*$/iu.exec(part)
    if (!match) return undefined
    const [, first, last] = match
    const range: [number, number] = first!.includes('?') ? [Number.parseInt(first!.replaceAll('?', '0'), 16), Number.parseInt(first!.replaceAll('?', 'f'), 16)] : [Number.parseInt(first!, 16), Number.parseInt(last ?? first!, 16)]
    // A range backwards or past Unicode's last code point is one browsers drop: the face is not known.
    if (range[0] > range[1] || range[1] > 0x10ffff) return undefined
    ranges.push(range)
  }
  return ranges
}

/** Sorted and merged, for `covers`. */
export function mergeRanges(ranges: ReadonlyArray<readonly [number, number]>): Array<readonly [number, number]> {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0])
  const merged: Array<[number, number]> = []
  for (const [from, to] of sorted) {
    const last = merged.at(-1)
    if (last && from <= last[1] + 1) last[1] = Math.max(last[1], to)
    else merged.push([from, to])
  }
  return merged
}
