import type {Element, Root, RootContent} from 'hast'
import {toText} from 'hast-util-to-text'
import type {Labels} from './labels.js'

/**
 * What each link of a print document says, by where it goes: the key is the link's target as
 * Chromium writes it in the PDF (`#id` for a link inside the document, which it writes as a named
 * destination; the absolute URL for one outside). PDF/UA-1 (7.18.5) asks every link annotation for
 * a description in its `/Contents`, which Chromium does not write: print/link-contents.ts writes
 * these. The first link to a target names it (the same target is mostly named the same way);
 * a note's call, which Paged.js makes from the note (`#note-N`), says "Note N" as the web page's does.
 * Pure: reads the tree, changes nothing.
 */
export function linkDescriptions(tree: Root, labels: Pick<Labels, 'noteLabel'>): Map<string, string> {
  const described = new Map<string, string>()
  const add = (key: string | undefined, text: string) => {
    const clean = text.replaceAll('\u00AD', '').replace(/\s+/gu, ' ').trim()
    if (key && clean && !described.has(key)) described.set(key, clean)
  }
  const visit = (nodes: readonly RootContent[]) => {
    for (const node of nodes) {
      if (node.type !== 'element') continue
      if (node.tagName === 'a' && typeof node.properties.href === 'string') add(linkKey(node.properties.href), accessibleText(node))
      const note = node.properties.dataNote
      if (node.tagName === 'span' && classes(node).includes('rp-footnote') && note !== undefined) add(`#note-${String(note)}`, labels.noteLabel(Number(note)))
      visit(node.children)
    }
  }
  visit(tree.children)
  return described
}

/** A link's key as the PDF will hold it: `#id` as written, an absolute URL as the browser resolves it (`https://a.org` → `https://a.org/`). */
export function linkKey(href: string): string | undefined {
  if (href.startsWith('#')) return href.length > 1 ? `#${safeDecode(href.slice(1))}` : undefined
  try {
    return new URL(href).href
  } catch {
    // A relative address resolves against the print's own folder, which the PDF does not keep: not a key.
    return undefined
  }
}

/**
 * Page numbers the print fills in (`p. 00` until Paged.js counts the pages), not what the link is:
 * left out of its description.
 */
const PAGE_NUMBERS = new Set(['rp-ref__page', 'rp-toc__page'])

/** What a screen reader reads for a link: its `aria-label`, else its text (without page numbers), else its images' `alt`. */
function accessibleText(link: Element): string {
  const label = link.properties.ariaLabel
  if (typeof label === 'string' && label.trim()) return label
  const text = textOf(link)
  if (text.trim()) return text
  const alts: string[] = []
  const collect = (nodes: readonly RootContent[]) => {
    for (const node of nodes) {
      if (node.type !== 'element') continue
      if (node.tagName === 'img' && typeof node.properties.alt === 'string') alts.push(node.properties.alt)
      collect(node.children)
    }
  }
  collect(link.children)
  return alts.join(' ')
}

function textOf(node: Element): string {
  if (classes(node).some((name) => PAGE_NUMBERS.has(name))) return ''
  if (!node.children.some((child) => child.type === 'element' && classes(child).some((name) => PAGE_NUMBERS.has(name)))) return toText(node)
  return node.children.map((child) => (child.type === 'element' ? textOf(child) : child.type === 'text' ? child.value : '')).join('')
}

function classes(element: Element): string[] {
  const value = element.properties.className
  return Array.isArray(value) ? value.map(String) : []
}

/** `#d%C3%A9but` names the element `début`, as the browser reads it. */
function safeDecode(fragment: string): string {
  try {
    return decodeURIComponent(fragment)
  } catch {
    return fragment
  }
}
