import type {Nodes, Root} from 'mdast'

/**
 * The level of the heading each recommendation box and `::recommendations` list stands under, in
 * one document: the box's title and the list's axis titles are headings one level below it, so
 * that screen readers and the PDF's bookmarks read them as parts of that section whatever level
 * the writer gave the title (`###` under a `#` reads as a level skipped, Matterhorn 14-003).
 * A box's own title does not count as the heading the next one stands under. 0: no heading before.
 */
export function enclosingHeadingLevels(tree: Root): WeakMap<object, number> {
  const levels = new WeakMap<object, number>()
  let last = 0
  const visit = (node: Nodes) => {
    if (node.type === 'heading') last = node.depth
    if ((node.type === 'containerDirective' && node.name === 'recommendation') || (node.type === 'leafDirective' && node.name === 'recommendations')) {
      levels.set(node, last)
      return
    }
    if ('children' in node) for (const child of node.children) visit(child)
  }
  visit(tree)
  return levels
}

/** The heading element one level below `level` (h2 under nothing, h6 at most). */
export function headingBelow(level: number | undefined): 'h2' | 'h3' | 'h4' | 'h5' | 'h6' {
  return `h${Math.min(6, Math.max(2, (level ?? 1) + 1))}` as 'h2' | 'h3' | 'h4' | 'h5' | 'h6'
}
