import type {Nodes} from 'hast'
import {fromHtml} from 'hast-util-from-html'
import {fragmentId, isLocalAddress, isWebAddress} from './address.js'

/**
 * Elements a chapter's raw HTML may not bring (`check.html: true`): they would run code, load
 * another page, or restyle or re-title the whole report. The renderer leaves them out
 * (render/raw-html.ts) and `raw-html` reports each.
 */
export const refusedElements: ReadonlySet<string> = new Set(['script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'link', 'meta', 'form', 'noscript', 'template', 'title'])

/** `onclick` and its kind: code the page would run. */
export const isEventAttribute = (name: string): boolean => /^on/iu.test(name)

/** `javascript:` addresses, whatever their case or the spaces before them. */
export const isScriptAddress = (value: string): boolean => /^\s*javascript:/iu.test(value)

/** The attributes that hold an address, as hast names them. */
export const addressProperties: ReadonlySet<string> = new Set(['href', 'src', 'action', 'formAction', 'poster', 'cite', 'background', 'xLinkHref'])

/**
 * Something in a piece of raw HTML that the output will not have as written, at its offsets in
 * it; or, for links into the report, an `id` it gives an element (`element-id`) or a link to one
 * (`fragment-link`, `<a href="#méthode">`); or, for the rule `lang-code`, an element's `lang`
 * (`element-lang`, at its value).
 */
export interface RawHtmlFact {
  kind: 'refused-element' | 'event-attribute' | 'script-address' | 'local-link' | 'local-image' | 'remote-image' | 'local-resource' | 'remote-resource' | 'element-id' | 'fragment-link' | 'element-lang'
  /** The element's or attribute's name, the address, or the id (without `#`, decoded). */
  name: string
  start: number
  end: number
}

/**
 * What the renderer will leave out of, or change in, one piece of raw HTML as Markdown cut it
 * (a block, or one inline tag: `<a href="annexe.pdf">`): read with parse5 as a fragment. Pure.
 */
export function rawHtmlFacts(value: string): RawHtmlFact[] {
  if (!value.includes('<')) return []
  const facts: RawHtmlFact[] = []
  const visit = (node: Nodes) => {
    if (node.type === 'element') {
      const start = node.position?.start.offset ?? 0
      const end = node.position?.end.offset ?? value.length
      // A refused element goes whole: what is inside it is not looked at.
      if (refusedElements.has(node.tagName)) return void facts.push({kind: 'refused-element', name: node.tagName, start, end: tagEnd(value, start, end)})
      for (const [name, property] of Object.entries(node.properties)) {
        if (isEventAttribute(name)) facts.push({kind: 'event-attribute', name: name.toLowerCase(), start, end: tagEnd(value, start, end)})
        else if (addressProperties.has(name) && typeof property === 'string' && isScriptAddress(property)) facts.push({kind: 'script-address', name: property, start, end: tagEnd(value, start, end)})
      }
      const href = node.properties.href
      if (node.tagName === 'a' && typeof href === 'string' && isLocalAddress(href)) facts.push({kind: 'local-link', name: href, start, end: tagEnd(value, start, end)})
      else if (node.tagName === 'a' && typeof href === 'string' && href.startsWith('#')) facts.push({kind: 'fragment-link', name: fragmentId(href), start, end: tagEnd(value, start, end)})
      if (typeof node.properties.id === 'string' && node.properties.id) facts.push({kind: 'element-id', name: node.properties.id, start, end: tagEnd(value, start, end)})
      if (typeof node.properties.lang === 'string' && node.properties.lang.trim()) facts.push({kind: 'element-lang', name: node.properties.lang, ...langValue(value, start, tagEnd(value, start, end))})
      const src = node.properties.src
      if (node.tagName === 'img' && typeof src === 'string' && isLocalAddress(src)) facts.push({kind: 'local-image', name: src, start, end: tagEnd(value, start, end)})
      else if (node.tagName === 'img' && typeof src === 'string' && isWebAddress(src)) facts.push({kind: 'remote-image', name: src, start, end: tagEnd(value, start, end)})
      // Every other file the element loads (a video, its poster, a srcset's candidates, a
      // background in its style): the build copies none, and the print reads none from the web.
      for (const address of loadedAddresses(node.tagName, node.properties)) {
        if (isLocalAddress(address) && !/^data:/iu.test(address)) facts.push({kind: 'local-resource', name: address, start, end: tagEnd(value, start, end)})
        else if (isWebAddress(address)) facts.push({kind: 'remote-resource', name: address, start, end: tagEnd(value, start, end)})
      }
    }
    if ('children' in node) for (const child of node.children) visit(child)
  }
  visit(fromHtml(value, {fragment: true}))
  return facts
}

/** The addresses an element loads besides an `<img>`'s `src` and an `<a>`'s `href` (which link). */
function loadedAddresses(tagName: string, properties: Record<string, unknown>): string[] {
  const found: string[] = []
  const add = (value: unknown) => {
    if (typeof value === 'string' && value.trim() && !value.trim().startsWith('#')) found.push(value.trim())
  }
  if (tagName !== 'img' && tagName !== 'a') add(properties.src)
  add(properties.poster)
  // A srcset's candidates, each an address then its width or density.
  if (typeof properties.srcSet === 'string') for (const candidate of properties.srcSet.split(',')) add(candidate.trim().split(/\s+/u)[0])
  if (typeof properties.style === 'string') for (const match of properties.style.matchAll(/url\(\s*(["']?)([^"')]*)\1\s*\)/giu)) add(match[2])
  return found
}

/** Where the `lang` value of the start tag between `start` and `end` is written (`xml:lang` is another attribute); the tag when not found. */
function langValue(value: string, start: number, end: number): {start: number; end: number} {
  const match = /(?<=\s)lang\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>`]+)/iu.exec(value.slice(start, end))
  if (!match) return {start, end}
  const at = start + match.index + match[0].length - match[1]!.length
  return {start: at, end: at + match[1]!.length}
}

/** The end of the start tag of the element at `start` (a finding underlines the tag, not its content). */
function tagEnd(value: string, start: number, end: number): number {
  const close = value.indexOf('>', start)
  return close === -1 || close >= end ? end : close + 1
}
