import type {Config} from '../model/schemas/config.js'
import {hexColour, type AxisColours, type PlacedColour} from '../model/colours.js'
import type {Located} from '../model/types.js'
import {positionFromOffsets} from '../diagnostics/location.js'
import {customPropertyDeclarations} from './css-text.js'
import {customStyleName, type Theme} from './theme.js'

/** A custom property's last value in the theme's cascade, where it is hex. */
interface Declared {
  value: string
  /** In the project's `theme/custom.css`: its place there. */
  at: Located | undefined
}

/**
 * The colours each axis is drawn with, as the theme's cascade sets them (the last hex value of
 * each `--rp-…` custom property, `theme/custom.css` last) and rapporteur.yaml's `color:`, in the
 * order the cascade and axes.css resolve `--rp-axis` (render/axes-css.ts, docs/designers.md). `colourAt(i)`: where the config
 * writes axis i's colour. A colour the theme gives by a `var(…)` or `rgb(…)` is not read: the
 * defaults of the contract stand in for it.
 */
export function axisColours(theme: Theme, axes: Config['axes'], colourAt: (index: number) => Located): AxisColours[] {
  const declared = customProperties(theme)
  const colour = (name: string, fallback: PlacedColour): PlacedColour => declared.get(name) ?? fallback
  const accent = colour('--rp-color-accent', {value: '#1d4f91', at: undefined})
  const page = colour('--rp-color-page', {value: '#ffffff', at: undefined})
  const surface = colour('--rp-color-surface', page)
  const accentText = colour('--rp-color-accent-text', {value: '#ffffff', at: undefined})
  return axes.map((axis, index) => {
    // axes.css writes `color:` as `--rp-axis-<id>` after the theme's sheets and before
    // custom.css, whose own `--rp-axis-<id>` wins.
    const own = axis.color ? hexColour(axis.color) : undefined
    const named = declared.get(`--rp-axis-${axis.id}`)
    const drawn = named?.at ? named : own ? {value: own, at: colourAt(index)} : (named ?? colour(`--rp-axis-${index + 1}`, accent))
    return {id: axis.id, axis: drawn, page, surface, accentText}
  })
}

/** Each `--rp-…` custom property's last hex value in the cascade. */
function customProperties(theme: Theme): Map<string, Declared> {
  const found = new Map<string, Declared>()
  const custom = theme.files.find((file) => file.path.endsWith(customStyleName))
  for (const style of theme.styles) {
    // The project's own sheet as written (the theme's copy has its font urls rewritten), for places in it.
    const own = style.name === customStyleName ? custom : undefined
    for (const declaration of customPropertyDeclarations(own ? String(own.value) : style.text)) {
      const value = hexColour(declaration.value)
      if (!value) continue
      const {start} = declaration
      const at = own ? {file: own.path, position: positionFromOffsets(own, start, start + declaration.value.length)} : undefined
      found.set(declaration.name, {value, at})
    }
  }
  return found
}
