import type {Nodes} from 'mdast'

/**
 * Every node of a tree, parents before children, in document order: unist-util-visit's order,
 * without its generic tests (the rules that use it walk every node of the report). A figure's or a
 * table's caption (`data.caption`, parse/figure-captions.ts, attributes/) is walked before the
 * node's children: its note calls, links and text are the text's like any other.
 */
export function eachNode(node: Nodes, visitor: (node: Nodes) => void): void {
  visitor(node)
  const caption = (node.data as {caption?: Nodes[]} | undefined)?.caption
  if (caption) for (const child of caption) eachNode(child, visitor)
  if ('children' in node) for (const child of node.children as Nodes[]) eachNode(child, visitor)
}
