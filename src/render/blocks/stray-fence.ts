import type {Paragraph, PhrasingContent} from 'mdast'

/** A line of colons alone: a fence that opened or closed nothing (`unsupported-syntax` reports it). */
const FENCE_LINE = /(^|\n)[ \t]*:{3,}[ \t]*(?=\n|$)/gu

/**
 * A paragraph without the lines of colons alone that closed no block (the second `:::` of a block
 * nested in another with as many colons), which would print as `:::` under it; undefined when
 * nothing else is left. A line of colons inside a text node that starts mid-line is left alone.
 */
export function withoutStrayFences(node: Paragraph): Paragraph | undefined {
  if (!node.children.some((child) => child.type === 'text' && child.value.includes(':::'))) return node
  const children: PhrasingContent[] = []
  node.children.forEach((child, index) => {
    if (child.type !== 'text' || !child.value.includes(':::')) {
      children.push(child)
      return
    }
    // `^` is a line's start only for the paragraph's first text, or one after a line break.
    const atLineStart = index === 0 || node.children[index - 1]?.type === 'break'
    const value = child.value.replace(FENCE_LINE, (line, before: string, offset: number) => (offset === 0 && !before && !atLineStart ? line : ''))
    const trimmed = index === 0 ? value.replace(/^\n/u, '') : value
    if (trimmed !== '') children.push({...child, value: trimmed})
  })
  if (children.every((child) => child.type === 'text' && child.value.trim() === '')) return undefined
  return {...node, children}
}
