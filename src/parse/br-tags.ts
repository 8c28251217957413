import type {Nodes, Root} from 'mdast'

/** `<br>`, `<br/>` or `<br />`, in any case: the tag alone. */
const brTag = /^<br\s*\/?>$/iu

/**
 * `<br>` in inline content is a line break, as Markdown's own (a backslash or two spaces at the end
 * of a line). GFM's tables have no other way to break a line inside a cell, so writers coming from
 * GitHub put `<br>` there; read as raw HTML, it would be refused (`raw-html`) where the project
 * allows none. Any other tag stays raw HTML.
 */
export function brTagsToBreaks(tree: Root): void {
  const visit = (node: Nodes) => {
    if (!('children' in node)) return
    for (const [index, child] of (node.children as Nodes[]).entries()) {
      if (child.type === 'html' && !blockParents.has(node.type) && brTag.test(child.value.trim())) {
        ;(node.children as Nodes[])[index] = {type: 'break', position: child.position}
      } else visit(child)
    }
  }
  visit(tree)
}

/** Parents whose children are blocks: a `<br>` alone on its line there is an HTML block, left as it is. */
const blockParents: ReadonlySet<string> = new Set(['root', 'blockquote', 'listItem', 'footnoteDefinition', 'containerDirective', 'fencedDiv', 'defListDescription'])
