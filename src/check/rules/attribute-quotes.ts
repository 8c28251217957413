import type {Nodes} from 'mdast'
import {positionFromOffsets} from '../../diagnostics/location.js'
import {misquotedAttributes} from '../../parse/attributes/misquoted.js'
import {eachNode} from '../each-node.js'
import {defineRule} from '../rule.js'

/** Nodes whose text is shown or kept as written: an attribute list in them is no attribute list. */
const verbatim = new Set(['code', 'inlineCode', 'math', 'inlineMath', 'html'])

export const attributeQuotes = defineRule({
  id: 'attribute-quotes',
  severity: 'error',
  summary: 'An attribute list with quotes Markdown does not read: the block prints as written, or its attributes are misread.',
  docs: `Attribute values with spaces go in straight quotes: \`:::recommendation{#rec-clubs actors="État, écoles"}\`.
A word processor curls quotes as you type (\`“État, écoles”\`, \`« État »\`), and an editor pasting from
one brings them too: Markdown does not take them as quotes, so it cannot read the list. A block's
opening fence then prints as written, the block with it (a recommendation, a key figure lost from
the synthesis), and an inline directive's attributes are misread (\`reason=“exemple fictif”\` is
read as a reason \`“exemple\` and an attribute \`fictif”\`). A straight quote escaped inside a value
(\`locator="table \\"Income\\""\`) ends the value where it stands, with the same result. \`check\`
reports the first such quote of each list, at its place: retype the quotes straight, and put a
value that holds double quotes in single ones (\`locator='table "Income"'\`). Quotes in code are
not read.`,
  examples: {
    ok: [{'chapters/intro.md': 'La :term[sextorsion] progresse [@enquete-2024].\n\n:::viewpoint{author="Une enquêtrice" role=\'« terrain »\'}\nLes signalements affluent.\n:::\n\n`{author=“code”}` s’affiche tel quel.\n'}],
    notOk: [
      {'chapters/intro.md': 'La :term[sextorsion] progresse [@enquete-2024].\n\n:::viewpoint{author=“Une enquêtrice”}\nLes signalements affluent.\n:::\n'},
      {'chapters/intro.md': 'La :term[sextorsion] progresse [@enquete-2024].\n\n:::viewpoint{author="Une \\"enquêtrice\\""}\nLes signalements affluent.\n:::\n'}
    ]
  },
  check({model, report}) {
    for (const document of model.documents) {
      const text = String(document.file.value)
      if (!/[“”«»‘’„‚]|\\["']/u.test(text)) continue
      // Code and raw HTML blanked out, the same length: their braces are shown as written.
      let source = text
      eachNode(document.tree, (node: Nodes) => {
        const [start, end] = [node.position?.start.offset, node.position?.end.offset]
        if (!verbatim.has(node.type) || start === undefined || end === undefined) return
        source = source.slice(0, start) + source.slice(start, end).replace(/[^\n]/gu, ' ') + source.slice(end)
      })
      for (const found of misquotedAttributes(source)) {
        const lineStart = source.lastIndexOf('\n', found.offset) + 1
        const fence = /^[ \t]*:{3,}/u.test(source.slice(lineStart, found.offset))
        const fate = fence ? 'the block is not read, and prints as written with its fence' : 'the attributes are misread'
        const message =
          found.kind === 'curly'
            ? `Unexpected curly quote \`${found.quote}\` in an attribute list, expected straight quotes \`"…"\` (a word processor curls them as you type): ${fate}`
            : `Unexpected \`\\${found.quote}\` inside a quoted attribute value, expected the value in ${found.quote === '"' ? "single quotes when it holds double quotes (`key='table \"Income\"'`)" : 'double quotes when it holds single quotes (`key="l\'été"`)'}: ${fate}`
        report({file: document.path, position: positionFromOffsets(document.file, found.offset, found.offset + (found.kind === 'escaped' ? 2 : 1))}, message)
      }
    }
  }
})
