import {toString} from 'mdast-util-to-string'
import {eachNode} from '../each-node.js'
import {defineRule} from '../rule.js'

export const extraTableCell = defineRule({
  id: 'extra-table-cell',
  severity: 'warning',
  summary: 'A table row has no more cells than its header: the cells beyond it would be left out.',
  docs: `A Markdown table has as many columns as its header row. A row with more cells, often a
figure pasted from a spreadsheet with one \`|\` too many or a comma read as a separator, would
lose the cells beyond the last column without a word, as GFM and Pandoc drop them. \`check\`
reports them at the first cell left out. Add a column to the header (and to the separator row),
or join the cells. A row with fewer cells is filled with empty ones, and not reported. Write \`\\|\`
for a \`|\` inside a cell.`,
  examples: {
    ok: [{'chapters/intro.md': 'La :term[sextorsion] progresse [@enquete-2024].\n\n| Pays | Part |\n|---|---|\n| France | 12 \\| 13 % |\n| Espagne |\n\nSource : enquête [@enquete-2024].\n'}],
    notOk: [{'chapters/intro.md': 'La :term[sextorsion] progresse [@enquete-2024].\n\n| Pays | Part |\n|---|---|\n| France | 12 | 13 % |\n\nSource : enquête [@enquete-2024].\n'}]
  },
  check({model, report}) {
    for (const document of model.documents) {
      eachNode(document.tree, (table) => {
        if (table.type !== 'table') return
        const columns = table.align?.length ?? table.children[0]?.children.length ?? 0
        for (const row of table.children) {
          const extra = row.children.slice(columns)
          const [first] = extra
          if (!first?.position) continue
          const last = extra[extra.length - 1]!
          const cells = extra.map((cell) => `\`${toString(cell).trim()}\``).join(', ')
          report(
            {file: document.path, position: {start: first.position.start, end: last.position?.end ?? first.position.end}},
            `Unexpected ${extra.length === 1 ? 'cell' : 'cells'} ${cells} beyond the table's ${columns} columns, expected at most ${columns} cells a row, as in its header: ${extra.length === 1 ? 'it is' : 'they are'} left out`
          )
        }
      })
    }
  }
})
