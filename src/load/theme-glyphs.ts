import {mergeRanges, unicodeRanges, type FontCoverage, type ThemeCoverage} from '../model/glyphs.js'
import {blankComments, customPropertyDeclarations, fontFaceBlocks} from './css-text.js'
import type {Theme} from './theme.js'

/**
 * The characters the theme's body and heading fonts can print: the first family of the last
 * `--rp-font-body` and `--rp-font-heading` in the cascade, and the `unicode-range` of each
 * `@font-face` declaring it. Not known (undefined), and so not checked: a family with no
 * `@font-face` (a font of the machine, or a generic one), or with a face that gives no range, or
 * one that cannot be read (the face then covers whatever its file holds).
 */
export function themeCoverage(theme: Theme): ThemeCoverage {
  const faces = new Map<string, Array<Array<[number, number]> | undefined>>()
  let body: string | undefined
  let heading: string | undefined
  for (const style of theme.styles) {
    for (const {name, value} of customPropertyDeclarations(style.text)) {
      if (name === '--rp-font-body') body = firstFamily(value)
      else if (name === '--rp-font-heading') heading = firstFamily(value)
    }
    for (const {block} of fontFaceBlocks(blankComments(style.text))) {
      const family = /font-family\s*:\s*([^;}]+)/u.exec(block)?.[1]
      if (!family) continue
      const range = /unicode-range\s*:\s*([^;}]+)/u.exec(block)?.[1]
      const name = firstFamily(family)
      if (!name) continue
      faces.set(name.toLowerCase(), [...(faces.get(name.toLowerCase()) ?? []), range === undefined ? undefined : unicodeRanges(range)])
    }
  }
  const coverage = (family: string | undefined): FontCoverage | undefined => {
    const declared = family ? faces.get(family.toLowerCase()) : undefined
    if (!family || !declared || declared.some((ranges) => ranges === undefined)) return undefined
    return {family, ranges: mergeRanges(declared.flatMap((ranges) => ranges!))}
  }
  return {body: coverage(body), heading: coverage(heading)}
}

/** `"Source Serif 4", Georgia, serif` → `Source Serif 4`; a `var(…)` is not followed (undefined). */
function firstFamily(stack: string): string | undefined {
  const first = stack.split(',')[0]!.trim()
  if (!first || first.startsWith('var(')) return undefined
  return first.replace(/^(["'])(.*)\1$/u, '$2').trim()
}
