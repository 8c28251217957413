import type {Element, ElementContent, Nodes, Root} from 'hast'
import {raw} from 'hast-util-raw'
import {isLocalAddress} from '../model/address.js'
import {addressProperties, isEventAttribute, isScriptAddress, refusedElements} from '../model/raw-html.js'

/** Marks rapporteur's own elements through the reparse, to tell the raw HTML's from them. */
const OWN = 'dataRpOwn'

/**
 * A chapter's section with its raw HTML read as elements (hast-util-raw reparses the tree with
 * parse5, so an inline `<b>`, its text and `</b>`, three Markdown nodes, make one element). In
 * what came from raw HTML only: what `refusedElements` lists (model/raw-html.ts, which `check`
 * reads too), event attributes and `javascript:` addresses are left out, a link to a file of this
 * computer becomes its text and an image of one its alternative text (as Markdown's are, see
 * local-link), and comments are dropped (notes for writers, never printed). `check` reports all
 * of these but the comments (raw-html, local-link).
 */
export function readRawHtml(section: Element): Element {
  if (!holdsRaw(section)) return section
  mark(section)
  const read = raw({type: 'root', children: [section]}) as Root
  const [element] = guard(read.children)
  return element?.type === 'element' ? element : section
}

function holdsRaw(node: Nodes): boolean {
  return node.type === 'raw' || ('children' in node && node.children.some(holdsRaw))
}

function mark(node: Nodes): void {
  if (node.type === 'element') node.properties[OWN] = ''
  if ('children' in node) for (const child of node.children) mark(child)
}

function guard(children: Nodes[]): Nodes[] {
  return children.flatMap((child): Nodes[] => {
    if (child.type === 'comment' || child.type === 'doctype') return []
    if (child.type !== 'element') return [child]
    if (OWN in child.properties) {
      delete child.properties[OWN]
      child.children = guard(child.children) as ElementContent[]
      return [child]
    }
    if (refusedElements.has(child.tagName)) return []
    for (const name of Object.keys(child.properties)) {
      const value = child.properties[name]
      if (isEventAttribute(name) || (addressProperties.has(name) && typeof value === 'string' && isScriptAddress(value))) delete child.properties[name]
    }
    child.children = guard(child.children) as ElementContent[]
    const href = child.properties.href
    if (child.tagName === 'a' && typeof href === 'string' && isLocalAddress(href)) return [{type: 'element', tagName: 'span', properties: {}, children: child.children, position: child.position} satisfies Element]
    const src = child.properties.src
    if (child.tagName === 'img' && typeof src === 'string' && isLocalAddress(src)) {
      const alt = child.properties.alt
      return typeof alt === 'string' && alt ? [{type: 'text', value: alt}] : []
    }
    return [child]
  })
}
