import {createRequire} from 'node:module'
import path from 'node:path'
import type {Element, ElementContent, Nodes as HastNodes} from 'hast'
import {fromHtml} from 'hast-util-from-html'
import {h} from 'hastscript'
import {typeset} from '../../parse/math/katex.js'
import {isDisplayMath, type InlineMath, type Math} from '../../parse/math/index.js'
import type {RenderContext} from '../context.js'

/**
 * A formula typeset by KaTeX at build time: its HTML (the look, hidden from screen readers) and
 * MathML (what screen readers read, with the TeX in an `annotation`), inside `span.rp-math`
 * (`$…$`), `span.rp-math.rp-math--display` (`$$…$$` in the text) or `div.rp-math.rp-math--display`
 * (a `$$` block). The typography passes leave `.rp-math` alone. KaTeX's stylesheet and fonts go
 * beside the HTML (`api/build.ts`), so that the page and the PDF need no network.
 *
 * A formula KaTeX cannot typeset is a finding of `check` (`invalid-math`); if its severity was
 * turned off, the formula prints as written, in `code.rp-math.rp-math--error`.
 */
export function renderMath(node: Math | InlineMath, context: RenderContext): Element {
  context.usesMath = true
  const display = isDisplayMath(node)
  const line = context.mode === 'print' && node.type === 'math' ? node.position?.start.line : undefined
  let html: string
  try {
    html = typeset(node.value, display)
  } catch {
    const fence = display ? '$$' : '$'
    return h('code.rp-math.rp-math--error', {dataLine: line}, fence + node.value + fence)
  }
  const children = fromHtml(html, {fragment: true}).children as ElementContent[]
  for (const child of children) dropPositions(child)
  if (node.type === 'math') return h('div.rp-math.rp-math--display', {dataLine: line}, children)
  return h(display ? 'span.rp-math.rp-math--display' : 'span.rp-math', children)
}

/** Positions into KaTeX's HTML string mean nothing in the Markdown file. */
function dropPositions(node: HastNodes): void {
  delete node.position
  if ('children' in node) for (const child of node.children) dropPositions(child)
}

/** Where KaTeX's stylesheet and fonts go in the output, beside the web page (`assets/katex/`). */
export const mathAssetsFolder = 'assets/katex'

/** KaTeX's stylesheet, relative to the web page (`mode: 'web'`) or to the print HTML one folder down. */
export function mathStylesheet(mode: RenderContext['mode']): {href: string} {
  return {href: `${mode === 'print' ? '../' : ''}${mathAssetsFolder}/katex.min.css`}
}

/** KaTeX's own `dist/` folder, with `katex.min.css` and `fonts/`. */
export function katexDist(): string {
  return path.join(path.dirname(createRequire(import.meta.url).resolve('katex/package.json')), 'dist')
}
