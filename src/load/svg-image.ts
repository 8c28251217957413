import type {Element, Nodes} from 'xast'
import {fromXml} from 'xast-util-from-xml'
import {xmlErrorReason} from './xml-error.js'
import type {SvgLink, SvgReading} from '../model/types.js'

/** Elements whose `href` the browser would load (an `<a>`'s is followed, not loaded; a script does not run in an image). */
const loadingElements = new Set(['image', 'feImage', 'use'])

/** `url(…)` in CSS, quoted or not. */
const cssUrl = /url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))\s*\)|@import\s+(?:"([^"]*)"|'([^']*)')/gu

/**
 * Read an SVG for what it links to. Shown through `<img>`, as Markdown images are, an SVG is a
 * sealed document: browsers load nothing it names outside itself (bitmaps Inkscape links instead
 * of embedding, `<use href="icons.svg#x">`, a stylesheet or font by `url()`), so each is missing
 * from the web page and the PDF without a word. An `#id` inside the file or a `data:` address
 * is the SVG's own.
 */
export function readSvg(source: string): SvgReading {
  let tree: Nodes
  try {
    tree = fromXml(source)
  } catch (error) {
    const place = (error as {place?: {line: number; column: number}}).place
    const reason = xmlErrorReason(error)
    return {links: [], malformed: {reason, line: place?.line ?? 1, column: place?.column ?? 1}}
  }
  const links: SvgLink[] = []
  const add = (href: string, node: Nodes) => {
    const trimmed = href.trim()
    if (trimmed === '' || trimmed.startsWith('#') || /^data:/iu.test(trimmed)) return
    links.push({href: trimmed, line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1})
  }
  let text: SvgReading['text']
  const visit = (node: Nodes) => {
    if (node.type === 'element') {
      visitElement(node, add)
      // Its first text: an image's text is set in the fonts of the machine that shows it.
      if (!text && node.name.replace(/^svg:/u, '') === 'text') text = {line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1}
      for (const child of node.children) visit(child)
    } else if (node.type === 'root') {
      for (const child of node.children) visit(child)
    }
  }
  visit(tree)
  const unsized = unsizedRoot(tree)
  return {links, ...(text ? {text} : {}), ...(unsized ? {unsized} : {})}
}

/** An absolute length: a number, with a unit or none (`1200`, `800px`, `12cm`). */
const absoluteLength = /^\s*\d*\.?\d+(?:e[+-]?\d+)?\s*(?:px|pt|pc|mm|cm|in|em|ex)?\s*$/iu

/**
 * The root `<svg>` when nothing gives it a size or a shape: no `viewBox`, and its width or height
 * left out or relative (`100%`). Shown as an image it has neither, so the browser gives it the
 * default 300 × 150 box and draws what is outside it nowhere. (A width and a height without a
 * viewBox are its size: the browser scales it whole.)
 */
function unsizedRoot(tree: Nodes): SvgReading['unsized'] {
  const root = tree.type === 'root' ? tree.children.find((child): child is Element => child.type === 'element') : undefined
  if (!root || root.name.replace(/^svg:/u, '') !== 'svg') return undefined
  const {viewBox, width, height} = root.attributes
  if (viewBox?.trim()) return undefined
  if (width && height && absoluteLength.test(width) && absoluteLength.test(height)) return undefined
  return {line: root.position?.start.line ?? 1, column: root.position?.start.column ?? 1, width: width ?? undefined, height: height ?? undefined}
}

function visitElement(element: Element, add: (href: string, node: Nodes) => void): void {
  const name = element.name.replace(/^svg:/u, '')
  if (loadingElements.has(name)) {
    const href = element.attributes.href ?? element.attributes['xlink:href']
    if (href !== undefined && href !== null) add(href, element)
  }
  const style = element.attributes.style
  if (style) for (const url of cssUrls(style)) add(url, element)
  if (name === 'style') {
    const css = element.children.map((child) => (child.type === 'text' || child.type === 'cdata' ? child.value : '')).join('')
    for (const url of cssUrls(css.replace(/\/\*[\s\S]*?\*\//gu, ''))) add(url, element)
  }
}

function cssUrls(css: string): string[] {
  return [...css.matchAll(cssUrl)].map((match) => match.slice(1).find((group) => group !== undefined) ?? '')
}
