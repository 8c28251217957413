/**
 * TeX as KaTeX reads it, with one set of options for `check` (the `invalid-math` rule) and
 * `render`: a formula `check` accepts is one `render` typesets. Plain Node, no browser.
 */
import {createRequire} from 'node:module'

type Katex = typeof import('katex').default

// KaTeX is loaded at the first formula: most reports have none, and loading it is ~35 ms of
// every `check` and `build` (its one 270 KB file, outside the CLI's bundle and its code cache).
let loaded: Katex | undefined
const katex = (): Katex => (loaded ??= createRequire(import.meta.url)('katex') as Katex)

/**
 * KaTeX's options. MathML beside KaTeX's HTML, so that screen readers read the formula and the
 * HTML gives its look; `strict: 'ignore'`: KaTeX would otherwise print its warnings (accented
 * letters in maths) on the console, and pipeline code never prints; `trust: false`: no `\href`,
 * `\includegraphics` or `\htmlClass` reaching out of the formula.
 */
const options = {output: 'htmlAndMathml', throwOnError: true, strict: 'ignore', trust: false} as const

/** The formula as KaTeX's HTML and MathML; throws KaTeX's `ParseError` on a TeX error. */
export function typeset(tex: string, display: boolean): string {
  return katex().renderToString(tex, {...options, displayMode: display})
}

/** What KaTeX says of a formula it cannot typeset. */
export interface TexError {
  /** KaTeX's message without its position: `Undefined control sequence: \fracc`. */
  message: string
  /** Where in the formula, when KaTeX knows (UTF-16 index and length). */
  position?: number | undefined
  length?: number | undefined
}

/** KaTeX's error for a formula, or `undefined` when it typesets. */
export function texError(tex: string, display: boolean): TexError | undefined {
  try {
    typeset(tex, display)
    return undefined
  } catch (error) {
    if (error instanceof katex().ParseError) {
      const position = typeof error.position === 'number' ? error.position : undefined
      return {message: error.rawMessage || error.message, position, length: position === undefined ? undefined : error.length}
    }
    return {message: error instanceof Error ? error.message : String(error)}
  }
}
