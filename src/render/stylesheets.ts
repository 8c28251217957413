import type {Theme} from '../load/theme.js'
import {customStyleName} from '../load/theme.js'
import {mathStylesheet} from './blocks/math.js'
import type {RenderMode} from './context.js'
import type {RenderedEdition} from './edition.js'

/** The stylesheets of the web page and of the print HTML, relative to each (the preview serves the same). */
export const webStyles = [{href: 'assets/styles/fonts.css'}, {href: 'assets/styles/base.css'}, {href: 'assets/styles/axes.css'}, {href: 'assets/styles/screen.css', media: 'screen'}, {href: 'assets/styles/print-core.css', media: 'print'}, {href: 'assets/styles/print.css', media: 'print'}]
export const printStyles = [{href: '../assets/styles/fonts.css'}, {href: '../assets/styles/page.css'}, {href: '../assets/styles/base.css'}, {href: '../assets/styles/axes.css'}, {href: '../assets/styles/print-core.css'}, {href: '../assets/styles/print.css'}]

/**
 * An edition's stylesheets: KaTeX's after the fonts when it has maths, so that a theme can restyle
 * `.katex`; the project's theme/custom.css last, for both media, when it has one.
 */
export function stylesheetsFor(mode: RenderMode, rendered: Pick<RenderedEdition, 'usesMath'>, theme?: Pick<Theme, 'styles'>): Array<{href: string; media?: string}> {
  const styles = mode === 'web' ? webStyles : printStyles
  const list = rendered.usesMath ? [styles[0]!, mathStylesheet(mode), ...styles.slice(1)] : [...styles]
  if (theme?.styles.some((style) => style.name === customStyleName)) list.push({href: `${mode === 'web' ? '' : '../'}assets/styles/${customStyleName}`})
  return list
}
