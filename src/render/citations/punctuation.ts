import type {ElementContent, Text} from 'hast'

/**
 * A note style ends each citation with a period, and so does the writer's own sentence in a
 * footnote (`[^1]: Voir [@a].`): drop the second period where one text run ends with `.` and the
 * next starts with it, as Pandoc's citeproc does. Works in place on a note's content.
 */
export function mergeDoublePeriods(content: ElementContent[]): void {
  let previous: Text | undefined
  const visit = (nodes: ElementContent[]) => {
    for (const node of nodes) {
      if (node.type === 'text') {
        if (previous?.value.endsWith('.') && node.value.startsWith('.') && !node.value.startsWith('..')) node.value = node.value.slice(1)
        if (node.value !== '') previous = node
      } else if (node.type === 'element') visit(node.children)
    }
  }
  visit(content)
}
