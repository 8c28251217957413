import type {Nodes} from 'mdast'

/**
 * Every node of a tree, parents before children, in document order: unist-util-visit's order,
 * without its generic tests (the rules that use it walk every node of the report).
 */
export function eachNode(node: Nodes, visitor: (node: Nodes) => void): void {
  visitor(node)
  if ('children' in node) for (const child of node.children as Nodes[]) eachNode(child, visitor)
}
