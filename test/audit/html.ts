import type {Element, Nodes, Root} from 'hast'
import {fromHtml} from 'hast-util-from-html'
import {visit} from 'unist-util-visit'

/** The audit page parsed back as a browser would, to assert on elements rather than on strings. */
export function parsePage(html: string): Root {
  return fromHtml(html)
}

/** Every element of `tree` that passes `test`, in document order. */
export function findAll(tree: Nodes, test: (element: Element) => boolean): Element[] {
  const found: Element[] = []
  visit(tree, 'element', (element: Element) => {
    if (test(element)) found.push(element)
  })
  return found
}

export function byId(tree: Nodes, id: string): Element {
  const [element] = findAll(tree, (candidate) => candidate.properties.id === id)
  if (!element) throw new Error(`no element #${id}`)
  return element
}

/** The text a reader sees in a node, white space as written. */
export function textOf(node: Nodes): string {
  if (node.type === 'text') return node.value
  return 'children' in node ? node.children.map((child) => textOf(child as Nodes)).join('') : ''
}

/** The figures table's body rows. */
export function figureRows(tree: Root): Element[] {
  const table = byId(tree, 'figures-table')
  return findAll(table, (element) => element.tagName === 'tr' && element.properties.dataStatus !== undefined)
}
