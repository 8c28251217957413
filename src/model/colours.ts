import type {Located} from './types.js'

/** A colour the pages show, `#rrggbb`, and where the project set it (undefined: the theme's own). */
export interface PlacedColour {
  value: string
  at: Located | undefined
}

/** The colours an axis's boxes and lists are drawn with (render/axes-css.ts and the theme's base.css). */
export interface AxisColours {
  id: string
  /** Its titles and labels, and the badge behind its numbers. */
  axis: PlacedColour
  /** Behind the titles: the page. */
  page: PlacedColour
  /** Behind a box's label: the box. */
  surface: PlacedColour
  /** The numbers on the badge. */
  accentText: PlacedColour
}

/** `#rgb` or `#rrggbb` as `#rrggbb` in lower case; undefined for anything else (`var(…)`, `rgb(…)`). */
export function hexColour(value: string): string | undefined {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/iu.exec(value.trim())?.[1]
  if (!hex) return undefined
  return `#${(hex.length === 3 ? [...hex].map((digit) => digit + digit).join('') : hex).toLowerCase()}`
}

/** WCAG 2.x contrast ratio of two `#rrggbb` colours, from 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [lighter, darker] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number]
  return (lighter + 0.05) / (darker + 0.05)
}

/** WCAG 2.x relative luminance of `#rrggbb`. */
function luminance(colour: string): number {
  const [r, g, b] = [1, 3, 5].map((at) => {
    const channel = parseInt(colour.slice(at, at + 2), 16) / 255
    return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4
  }) as [number, number, number]
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}
