import type {Nodes} from 'mdast'
import {lineEndOffset, positionFromOffsets} from '../../diagnostics/location.js'
import {eachNode} from '../each-node.js'
import {defineRule} from '../rule.js'

/** A fenced code block's opening fence, after the indent a list item or a quotation gives it. */
const fence = /^[ \t]*(?:`{3,}|~{3,})/u

export const indentedCode = defineRule({
  id: 'indented-code',
  severity: 'error',
  summary: 'A block indented by a tab or four spaces is code in Markdown: remove the indent, or fence real code with three backticks.',
  docs: `In Markdown (CommonMark), a line indented by a tab or by four spaces or more after a blank line
is an *indented code block*: it prints as code, in a monospace box, its words kept on one line, and
its figures are not checked (code is never a figure). A report almost never means that: it is a
paragraph whose first-line indent came from Word, or text indented one step too far under a list
item. So \`check\` reports each indented code block as an error, at its first line, and \`build\` stops
until it is fixed: remove the indent (a paragraph starts at the margin; under a list item, indent it
as far as the item's text), or, if it really is code, fence it: a line of three backticks (\`\`\`\` \`\`\` \`\`\`\`) before it and one after it, which is
read as code and not reported. Fenced code blocks (\`\`\`\` \`\`\` \`\`\`\` or \`~~~\`) are never reported. An example,
such as a Markdown or YAML snippet in a methodology annex, is code: fence it.`,
  examples: {
    ok: [
      {'chapters/intro.md': 'La :term[sextorsion] progresse [@enquete-2024].\n\n```\ncode montré tel quel\n```\n\n- Un point\n\n    Un second paragraphe du point.\n'}
    ],
    notOk: [
      {'chapters/intro.md': 'La :term[sextorsion] progresse [@enquete-2024].\n\n\tCollé depuis Word, avec son retrait de première ligne : 42 % des cas.\n'},
      {'chapters/intro.md': 'La :term[sextorsion] progresse [@enquete-2024].\n\n    Un paragraphe indenté de quatre espaces.\n'}
    ]
  },
  check({model, report}) {
    for (const document of model.documents) {
      const text = String(document.file.value)
      eachNode(document.tree, (node: Nodes) => {
        if (node.type !== 'code' || !node.position) return
        const start = node.position.start.offset ?? 0
        const end = lineEndOffset(text, start)
        const line = text.slice(start, end)
        if (fence.test(line)) return
        // From the first character written, past the indent, to the end of the first line.
        const from = start + line.length - line.trimStart().length
        report(
          {file: document.path, position: positionFromOffsets(document.file, from, end)},
          `Unexpected indented code block (\`${excerpt(line.trim())}\`, indented by a tab or four spaces), expected a paragraph: remove the indent (pasted from Word, or one step too far under a list item), or, if it really is code, fence it (a line of three backticks before it and one after it): it would print in monospace, as code, and its figures would not be checked`
        )
      })
    }
  }
})

function excerpt(line: string): string {
  return line.length > 40 ? `${line.slice(0, 39)}…` : line
}
