import type {PhrasingContent, RootContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {listDelimiter} from './blocks/list-delimiter.js'

/**
 * A footnote's blocks as the one run of text a note is (a line at the page's foot, a span inside
 * its paragraph in the print): its paragraphs one after the other with a line break between, each
 * item of a list on a line of its own after its dash or number, any other block as its text on a
 * line of its own. Joined with spaces, "Premier paragraphe. Second" lost its break and a list's
 * items ran together ("premier pointsecond point"). A numbered list's items take the delimiter it
 * was written with in `source`, the file's text (`1.` or `1)`).
 */
export function noteLines(blocks: readonly RootContent[], source = ''): PhrasingContent[] {
  const lines: PhrasingContent[][] = []
  const add = (block: RootContent) => {
    if (block.type === 'paragraph') lines.push(block.children)
    else if (block.type === 'list') {
      block.children.forEach((item, index) => {
        const marker = block.ordered ? `${(block.start ?? 1) + index}${listDelimiter(block, source) ?? '.'} ` : '– '
        const [first, ...rest] = item.children
        lines.push([{type: 'text', value: marker}, ...(first?.type === 'paragraph' ? first.children : first ? [{type: 'text', value: toString(first)} as PhrasingContent] : [])])
        rest.forEach(add)
      })
    } else lines.push([{type: 'text', value: toString(block)}])
  }
  blocks.forEach(add)
  return lines.flatMap((line, index) => (index === 0 ? line : [{type: 'break'} as PhrasingContent, ...line]))
}
