import path from 'node:path'
import type {Element, Root, RootContent} from 'hast'
import {fromHtml} from 'hast-util-from-html'
import type {Position} from 'unist'
import type {StylesheetResource} from '../model/types.js'
import type {Theme} from './theme.js'
import {isWebAddress} from '../model/address.js'

/** The attributes whose value is one address a page loads: stylesheets and icons, images, scripts, media, frames, objects. */
const LOADED: Record<string, string[]> = {
  link: ['href'],
  img: ['src'],
  script: ['src'],
  source: ['src'],
  audio: ['src'],
  video: ['src', 'poster'],
  track: ['src'],
  iframe: ['src'],
  embed: ['src'],
  object: ['data'],
  input: ['src']
}

/** The attributes whose value lists addresses, each with its size (`logo.png 1x, logo@2x.png 2x`). */
const SOURCE_SETS: Record<string, string> = {img: 'srcset', source: 'srcset'}

/** A `url()` in CSS, the address without its quotes (group 2). */
const CSS_URL = /url\(\s*(["']?)([^"')]*)\1\s*\)/giu
/** An `@import` of a stylesheet by its address alone (`@import "extra.css";`); `@import url(…)` is a CSS_URL. */
const CSS_IMPORT = /@import\s+(["'])([^"']*)\1/giu

/** An address that names no file of the output folder: another scheme (`https:`, `data:`), another host (`//cdn…`), a fragment, or a Mustache value (the renderer's own). */
const NOT_A_FILE = /^(?:[a-z][a-z0-9+.-]*:|\/\/|#)|\{\{/iu

/** A resource a template of the project loads by an address of its own: the template, its text, where the address is. */
export interface TemplateResource {
  file: string
  /** The element that loads it: `link`, `img`, `script`, `style` (a `url()` or `@import` in CSS)… */
  tag: string
  /** Whether the file is loaded as a stylesheet (a `<link>`'s or an `@import`'s). */
  stylesheet: boolean
  /** On the web (`https://…`): the print cannot fetch it. */
  web: boolean
  text: string
  address: string
  position: Position
}

/** The templates the project brings itself (`theme/templates/`), by their path in it; the theme's own are not the writer's to fix. */
export function projectTemplates(theme: Pick<Theme, 'templates' | 'origins'>, dir: string): Array<{file: string; text: string}> {
  return Object.entries(theme.templates).flatMap(([name, text]) => {
    const origin = theme.origins[`templates/${name}`]?.[0]
    const relative = origin === undefined ? '..' : path.relative(dir, origin)
    return relative.startsWith('..') || path.isAbsolute(relative) ? [] : [{file: relative.split(path.sep).join('/'), text}]
  })
}

/**
 * The stylesheets, images, scripts and media that the project's own templates (`theme/templates/`)
 * load by an address written in them. The web page is written to the output folder and the print
 * HTML to its `.print/` folder, so such an address names two different files, and the build writes
 * neither: the theme's files come through `{{#stylesheets}}`. Read where a page reads them: the
 * attributes that load one file (`src`, `href`, `poster`, `data`), each address of a `srcset`, and
 * `url()` and `@import` in a `style` attribute or element. Parsed as HTML (the Mustache tags are text
 * to the parser); the position is the address in the template. Pure: the theme holds the texts.
 */
export function templateResources(theme: Pick<Theme, 'templates' | 'origins'>, dir: string): TemplateResource[] {
  const found: TemplateResource[] = []
  for (const {file, text} of projectTemplates(theme, dir)) {
    const add = (element: Element, address: string, offset: number, stylesheet = element.tagName === 'link') => {
      const web = isWebAddress(address)
      if (address === '' || (NOT_A_FILE.test(address) && !web)) return
      found.push({file, tag: element.tagName, stylesheet, text, address, web, position: positionAt(text, offset, address.length)})
    }
    visit(fromHtml(text, {fragment: true}), (element) => {
      // An input loads its `src` only as an image button.
      const attributes = element.tagName === 'input' && String(element.properties.type).toLowerCase() !== 'image' ? [] : (LOADED[element.tagName] ?? [])
      for (const attribute of attributes) {
        const value = rawAttribute(text, element, attribute)
        if (value) add(element, value.raw.trim(), value.offset + value.raw.indexOf(value.raw.trim()))
      }
      const sourceSet = SOURCE_SETS[element.tagName]
      const candidates = sourceSet ? rawAttribute(text, element, sourceSet) : undefined
      if (candidates) for (const {address, index} of sourceSetAddresses(candidates.raw)) add(element, address, candidates.offset + index)
      const style = rawAttribute(text, element, 'style')
      if (style) for (const match of cssAddresses(style.raw)) add(element, match.address, style.offset + match.index, false)
      if (element.tagName === 'style') {
        const content = element.children[0]
        const at = content?.type === 'text' ? content.position?.start.offset : undefined
        if (content?.type === 'text' && at !== undefined) for (const match of cssAddresses(content.value)) add(element, match.address, at + match.index, match.stylesheet)
      }
    })
  }
  return found
}

function visit(node: Root | Element, onElement: (element: Element) => void): void {
  for (const child of node.children as RootContent[]) {
    if (child.type !== 'element') continue
    onElement(child)
    visit(child, onElement)
  }
}

/**
 * The addresses of a `srcset`, each with its offset, read as HTML does: an address runs to the
 * next space (commas at its end close the candidate), its width or density to the next comma.
 */
function sourceSetAddresses(value: string): Array<{address: string; index: number}> {
  const found: Array<{address: string; index: number}> = []
  let at = 0
  while (at < value.length) {
    while (at < value.length && /[\s,]/u.test(value[at]!)) at++
    const start = at
    while (at < value.length && !/\s/u.test(value[at]!)) at++
    let address = value.slice(start, at)
    const commas = /,+$/u.exec(address)
    if (commas) address = address.slice(0, commas.index)
    else while (at < value.length && value[at] !== ',') at++
    if (address) found.push({address, index: start})
  }
  return found
}

/** The addresses a piece of CSS loads, each with its offset in the text and whether it is a stylesheet. */
function cssAddresses(css: string): Array<{address: string; index: number; stylesheet: boolean}> {
  const found: Array<{address: string; index: number; stylesheet: boolean}> = []
  for (const match of css.matchAll(CSS_IMPORT)) {
    found.push({address: match[2]!.trim(), index: match.index + match[0].indexOf(match[2]!), stylesheet: true})
  }
  for (const match of css.matchAll(CSS_URL)) {
    const imported = /@import\s*$/iu.test(css.slice(0, match.index))
    found.push({address: match[2]!.trim(), index: match.index + match[0].indexOf(match[2]!) + (match[2]!.length - match[2]!.trimStart().length), stylesheet: imported})
  }
  return found.sort((a, b) => a.index - b.index)
}

/**
 * The value of `attribute` as the source text writes it, and its offset: read from the element's
 * start tag, so that a position points into the template (the parsed value has its character
 * references decoded).
 */
function rawAttribute(text: string, element: Element, attribute: string): {raw: string; offset: number} | undefined {
  const start = element.position?.start.offset
  return start === undefined ? undefined : startTagAttributes(text, start).get(attribute)
}

/**
 * The attributes of the start tag at `start`, read as HTML's tokenizer reads them: a name, then
 * maybe `=` and a value, quoted (a `>` or another attribute's name inside quotes is part of the
 * value) or not; the tag ends at the first `>` outside quotes. The first of two attributes of one
 * name counts, as in HTML.
 */
function startTagAttributes(text: string, start: number): Map<string, {raw: string; offset: number}> {
  const attributes = new Map<string, {raw: string; offset: number}>()
  let at = start + 1
  while (at < text.length && !/[\s/>]/u.test(text[at]!)) at++
  for (;;) {
    while (at < text.length && /[\s/]/u.test(text[at]!)) at++
    if (at >= text.length || text[at] === '>') return attributes
    const nameStart = at
    while (at < text.length && !/[\s/>=]/u.test(text[at]!)) at++
    const name = text.slice(nameStart, at).toLowerCase()
    while (at < text.length && /\s/u.test(text[at]!)) at++
    let value = {raw: '', offset: at}
    if (text[at] === '=') {
      at++
      while (at < text.length && /\s/u.test(text[at]!)) at++
      const quote = text[at]
      if (quote === '"' || quote === "'") {
        const close = text.indexOf(quote, at + 1)
        const end = close < 0 ? text.length : close
        value = {raw: text.slice(at + 1, end), offset: at + 1}
        at = end + 1
      } else {
        const valueStart = at
        while (at < text.length && !/[\s>]/u.test(text[at]!)) at++
        value = {raw: text.slice(valueStart, at), offset: valueStart}
      }
    }
    if (name && !attributes.has(name)) attributes.set(name, value)
  }
}

/** A position in the template's text from an offset and a length. */
function positionAt(text: string, offset: number, length: number): Position {
  const before = text.slice(0, offset).split('\n')
  const line = before.length
  const column = before[before.length - 1]!.length + 1
  return {start: {line, column, offset}, end: {line, column: column + length, offset: offset + length}}
}

/**
 * What the project's own stylesheets (`theme/custom.css`, `theme/styles/…`) load that a page
 * cannot have: an address on the web (the PDF is printed without a network; Paged.js fails on an
 * `@import` it cannot fetch), and a file of the project other than a font, which the build does
 * not copy beside the stylesheet. The fonts of `@font-face` rules are missing-font's (load/theme.ts).
 * Pure.
 */
export function stylesheetResources(theme: Pick<Theme, 'files'>): StylesheetResource[] {
  const found: StylesheetResource[] = []
  for (const file of theme.files) {
    const text = String(file.value)
    for (const {address, index, stylesheet} of cssAddresses(text)) {
      if (address === '' || /^(?:data:|#)/iu.test(address)) continue
      // A `file:` address names a file of this computer: not copied, as a relative one.
      const web = isWebAddress(address)
      if (!web && inFontFace(text, index)) continue
      found.push({file: file.path, address, position: positionAt(text, index, address.length), kind: web ? 'web' : 'not-copied', stylesheet})
    }
  }
  return found
}

/** Whether `index` is inside an `@font-face { … }` block of `css`. */
function inFontFace(css: string, index: number): boolean {
  const start = css.lastIndexOf('@font-face', index)
  return start !== -1 && !css.slice(start, index).includes('}')
}
