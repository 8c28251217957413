import {defineRule} from '../rule.js'

const sources = `- id: enquete-2024
  type: survey
  title: Enquête nationale
  author: Observatoire
  date: 2024
  file: sources/enquete-2024.txt
`

export const figureNotInSource = defineRule({
  id: 'figure-not-in-source',
  severity: 'warning',
  summary: 'A cited figure should be in the archived copy of its source, on the cited page.',
  docs: `A source of \`sources.yaml\` may name an archived copy inside the project:
\`file: sources/rapport-2024.pdf\` (or \`.html\`, \`.txt\`, \`.md\`, a spreadsheet's \`.csv\` or \`.tsv\`, in any encoding a project's file may be in). rapporteur then reads its text (a PDF
page by page, with its printed page labels) and looks up every figure that cites the source, **by
value**: \`52 %\`, \`52%\` and \`52 pour cent\` are the same; \`100 000\`, \`100,000\` and \`100.000\` too;
\`3,5 millions\` is \`3.5 million\` and \`3 500 000\`; a rounded figure matches what it rounds (\`3,5
millions\` matches 3 512 000, \`52 %\` matches 51.7 %); a range needs both ends; \`un sur cinq\` matches
\`1 sur 5\`, \`one in five\` or \`20 %\` (a ratio is looked up as its share, never as its two numbers
apart). In the source, a list's markers (\`1.\` opening a line), ordinals (\`5e\`), the day of a date
(\`6 février\`) and years are not read, and a number followed by a word (\`17 enquêteurs\`) never
stands for a bare percentage: each made small figures "found" on any page.

Numbers are read as the report's \`lang\` writes them, in its text and in the copies alike. In
French and English, spaces or commas group thousands and a point or a lone comma is the decimal
mark. In a language whose decimal mark is a comma (\`de\`, \`es\`, \`it\`, \`nl\`, \`pt\`, \`pl\`,
\`sv\`…), points or spaces group thousands: \`17.500\` is 17 500, never 17.5, and \`1,5\` is 1.5; a
source's \`2,925\` is also read as 2 925, as an English copy writes it.

It warns when the value is nowhere in the source, and when the citation names a page
(\`[@key, p. 16]\`) and the value is on other pages only, saying which: in a PDF only, whose pages are
the original's (a text, Markdown or HTML copy is one page, and its cited page is not checked). A figure cited with several
sources is found when one of them holds it; when one of them has no archived copy, nothing is said.

What it proves, and what it does not: a figure found is a number present in the source, not a
number understood — the same value may count something else. A figure not found may be computed
from the source (a sum, a share): waive it with its reason, or cite the page of the table.
Multipliers (\`a doublé\`, \`x3\`) are not looked up. The text of each file is cached by its hash
(\`~/.cache/rapporteur\`, or \`RAPPORTEUR_CACHE\`), so a second check reads no PDF; its numbers are
read from that text at each check.`,
  examples: {
    ok: [
      {'sources.yaml': sources, 'sources/enquete-2024.txt': 'Page unique. 52 pour cent des répondants ; 100,000 signalements.\n', 'chapters/intro.md': 'Près de 52 % des répondants le pensent, sur 100 000 signalements [@enquete-2024]. La :term[sextorsion] progresse.\n'}
    ],
    notOk: [
      {'sources.yaml': sources, 'sources/enquete-2024.txt': '48 % des répondants.\n', 'chapters/intro.md': 'Près de 52 % des répondants le pensent [@enquete-2024]. La :term[sextorsion] progresse.\n'}
    ]
  },
  check({model, report}) {
    for (const figure of model.figures) {
      const found = figure.inSource
      if (found?.status === 'not-found') {
        const files = found.keys.map((key) => `\`${model.archives.get(key)?.file ?? key}\` (${key})`).join(', ')
        report(figure, `Unexpected \`${figure.text}\` nowhere in the archived copy ${files}, expected the figure in the source it cites`)
      } else if (found?.status === 'not-on-page') {
        const pages = found.pages.slice(0, 5).join(', ') + (found.pages.length > 5 ? '…' : '')
        report(figure, `Unexpected \`${figure.text}\` not on p. ${found.cited} of \`${found.key}\`, expected it on the cited page: it is on p. ${pages}`)
      }
    }
  }
})
