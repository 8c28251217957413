import type {Nodes} from 'mdast'
import type {MarkdownDocument} from '../model/types.js'

/**
 * Figure and table numbers of one edition, in reading order: every figure with an id
 * (`![…](…){#fig-x}`) and every table with one (`: … {#tbl-x}`), as Quarto numbers them. A
 * caption without an id prints without a number, and nothing can refer to it.
 */
export function numberTargets(documents: readonly MarkdownDocument[]): Map<string, number> {
  const numbers = new Map<string, number>()
  let figures = 0
  let tables = 0
  const walk = (node: Nodes) => {
    if (node.type === 'paragraph' && node.data?.figure) {
      const image = node.children.find((child) => child.type === 'image')
      const id = image?.data?.attributes?.id
      if (id && !numbers.has(id)) numbers.set(id, ++figures)
    } else if (node.type === 'table' && node.data?.attributes?.id && !numbers.has(node.data.attributes.id)) {
      numbers.set(node.data.attributes.id, ++tables)
    }
    if ('children' in node) for (const child of node.children) walk(child as Nodes)
  }
  for (const document of documents) walk(document.tree)
  return numbers
}
