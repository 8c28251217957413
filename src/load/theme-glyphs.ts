import {mergeRanges, unicodeRanges, type FontCoverage, type ThemeCoverage} from '../model/glyphs.js'
import type {Theme} from './theme.js'

const fontFace = /@font-face\s*\{[^}]*\}/gu

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
    const css = style.text.replace(/\/\*[\s\S]*?\*\//gu, '')
    for (const match of css.matchAll(/(?<![\w-])--rp-font-(body|heading)\s*:\s*([^;}]+)/gu)) {
      const family = firstFamily(match[2]!)
      if (match[1] === 'body') body = family
      else heading = family
    }
    for (const face of css.matchAll(fontFace)) {
      const family = /font-family\s*:\s*([^;}]+)/u.exec(face[0])?.[1]
      if (!family) continue
      const range = /unicode-range\s*:\s*([^;}]+)/u.exec(face[0])?.[1]
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
