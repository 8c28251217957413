import type {Nodes, Root} from 'mdast'
import type {LeafDirective} from 'mdast-util-directive'

/**
 * Pandoc's and Quarto's `::: {#refs}` … `:::`, the place the bibliography goes: read as
 * rapporteur's `::bibliography`. Empty, it becomes that directive (under a heading, the heading
 * names it, as `# References` then `::bibliography` does), keeping the id `refs` for links; with
 * content, the div stays and the bibliography is placed after its content, as Pandoc places it.
 */
export function refsDivsToBibliography(tree: Root): void {
  visit(tree)

  function visit(node: Nodes): void {
    if (!('children' in node)) return
    const children = node.children as Nodes[]
    children.forEach((child, index) => {
      if (child.type !== 'fencedDiv' || child.attributes.id !== 'refs') return visit(child)
      const bibliography: LeafDirective = {type: 'leafDirective', name: 'bibliography', attributes: {}, children: [], ...(child.position ? {position: child.position} : {})}
      if (child.children.length > 0) child.children.push(bibliography)
      else children[index] = {...bibliography, data: {hProperties: {id: 'refs'}}}
    })
  }
}
