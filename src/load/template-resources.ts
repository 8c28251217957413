import path from 'node:path'
import type {Element, Root, RootContent} from 'hast'
import {fromHtml} from 'hast-util-from-html'
import type {Position} from 'unist'
import type {Theme} from './theme.js'

/** What a page loads from the address in an attribute: stylesheets and icons, images, scripts, media, frames. */
const LOADED: Record<string, string> = {link: 'href', img: 'src', script: 'src', source: 'src', audio: 'src', video: 'src', iframe: 'src', embed: 'src'}

/** An address that names no file of the output folder: another scheme (`https:`, `data:`), another host (`//cdn…`), a fragment, or a Mustache value (the renderer's own). */
const NOT_A_FILE = /^(?:[a-z][a-z0-9+.-]*:|\/\/|#)|\{\{/iu

/** A resource a template of the project loads by an address of its own: the template, its text, where the address is. */
export interface TemplateResource {
  file: string
  /** The element that loads it: `link`, `img`, `script`… */
  tag: string
  text: string
  address: string
  position: Position
}

/**
 * The stylesheets, images, scripts and media that the project's own templates (`theme/templates/`)
 * load by an address written in them. The web page is written to the output folder and the print
 * HTML to its `.print/` folder, so such an address names two different files, and the build writes
 * neither: the theme's files come through `{{#stylesheets}}`. Parsed as HTML (the Mustache tags
 * are text to the parser); the position is the attribute's value. Pure: the theme holds the texts.
 */
export function templateResources(theme: Pick<Theme, 'templates' | 'origins'>, dir: string): TemplateResource[] {
  const found: TemplateResource[] = []
  for (const [name, text] of Object.entries(theme.templates)) {
    const origin = theme.origins[`templates/${name}`]?.[0]
    const relative = origin === undefined ? '..' : path.relative(dir, origin)
    if (relative.startsWith('..') || path.isAbsolute(relative)) continue
    const file = relative.split(path.sep).join('/')
    visit(fromHtml(text, {fragment: true}), (element) => {
      const attribute = LOADED[element.tagName]
      const value = attribute === undefined ? undefined : element.properties[attribute === 'src' ? 'src' : 'href']
      if (typeof value !== 'string' || value.trim() === '' || NOT_A_FILE.test(value.trim())) return
      const position = attributePosition(text, element, attribute!, value)
      if (position) found.push({file, tag: element.tagName, text, address: value, position})
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

/** Where the value of `attribute` stands in the element's start tag, as the source text has it. */
function attributePosition(text: string, element: Element, attribute: string, value: string): Position | undefined {
  const start = element.position?.start.offset
  if (start === undefined) return undefined
  const tagEnd = text.indexOf('>', start)
  const tag = text.slice(start, tagEnd < 0 ? undefined : tagEnd)
  const match = new RegExp(`\\s${attribute}\\s*=\\s*(["']?)`, 'iu').exec(tag)
  if (!match) return undefined
  const offset = start + match.index + match[0].length
  const before = text.slice(0, offset).split('\n')
  const line = before.length
  const column = before[before.length - 1]!.length + 1
  return {start: {line, column, offset}, end: {line, column: column + value.length, offset: offset + value.length}}
}
