import type {Nodes} from 'mdast'
import {primaryLanguage} from '../../render/typography/hast.js'
import type {MarkdownDocument} from '../../model/types.js'
import {eachNode} from '../each-node.js'
import {langOf} from '../lang-of.js'
import {defineRule} from '../rule.js'

const english = (lines: string) => `title: Example\norganisation: Example Foundation\nlang: en-GB\ndate: 2026-01\naxes:\n  - {id: prevention, label: Prevention}\neditions:\n  full: {title: Report, files: [chapters/intro.md], output: report}\n${lines}`

export const numberFormat = defineRule({
  id: 'number-format',
  severity: 'warning',
  summary: "A figure written with another language's decimal mark or thousands separator is misread by readers of the report's.",
  docs: `French writes \`12,5 %\` and \`1 234\`; English writes \`12.5%\` and \`1,234\`. A figure left in the
other language's form, as a translation or a figure copied from a source in the other language
leaves it, reads wrongly: in an English report \`1,5 million\` looks like a list and \`3,500\` in a
French one is three and a half. \`check\` reads both forms in both languages, so the figure check
and the archived copies still find it: only a reader would be misled.

In an English report (\`lang: en…\`) a decimal comma (\`12,5\`, \`0,25\`) and thousands grouped by
spaces (\`1 234\`, \`100 000\`) are reported; in a French one (\`lang: fr…\`), a decimal point (\`12.5 %\`,
except in Swiss French, \`fr-CH\`, where amounts are written \`CHF 1'200.50\`) and thousands grouped
by commas (\`12,000\`). A \`stat\` block's \`value\` is read the same way. A passage in another
language, marked with its \`lang\` (\`[… 12,5 % …]{lang=fr}\`), is read in its own.`,
  examples: {
    ok: [
      {'rapporteur.yaml': english(''), 'chapters/intro.md': 'A rise of 12.5% in 2024 [@enquete-2024], about 1,234 reports, on :term[sextorsion].\n\nThe foundation quotes it: [« 12,5 % des signalements »]{lang=fr} [@enquete-2024].\n'},
      {'chapters/intro.md': 'Une hausse de 12,5 % et 1 234 signalements [@enquete-2024] de :term[sextorsion].\n'}
    ],
    notOk: [
      {'rapporteur.yaml': english(''), 'chapters/intro.md': 'A rise of 12,5 % in 2024 [@enquete-2024] on :term[sextorsion].\n'},
      {'rapporteur.yaml': english(''), 'chapters/intro.md': ':::stat{#stat-a value="100 000" source=enquete-2024}\nreports of :term[sextorsion].\n:::\n'},
      {'chapters/intro.md': 'Une hausse de 12.5 % de la :term[sextorsion] [@enquete-2024].\n'}
    ]
  },
  check({model, report}) {
    const lang = model.config.lang
    // A stat's value is also one of the figures: said once.
    const said = new Set<string>()
    const once = (file: string, position: {start: {line: number; column: number}}) => {
      const key = `${file}:${position.start.line}:${position.start.column}`
      return !said.has(key) && Boolean(said.add(key))
    }
    for (const document of model.documents) {
      const passages = languagePassages(document)
      for (const figure of model.figures) {
        if (figure.file !== document.path) continue
        const offset = figure.position.start.offset
        const passage = offset === undefined ? undefined : passages.find((item) => item.start <= offset && offset < item.end)
        const problem = foreignForm(figure.text, passage?.lang ?? lang)
        if (problem && once(figure.file, figure.position)) report(figure, message(figure.text, passage?.lang ?? lang, problem))
      }
    }
    for (const stat of model.stats) {
      const problem = foreignForm(stat.value, lang)
      const position = stat.attributePositions.value ?? stat.position
      if (problem && once(stat.file, position)) report({file: stat.file, position}, message(stat.value, lang, problem))
    }
  }
})

type Problem = 'decimal-comma' | 'space-groups' | 'decimal-point' | 'comma-groups'

/**
 * What in a figure's digits is another language's form, for the report's (or the passage's)
 * language; undefined when none, or for a language other than English and French, whose forms
 * `numerals.ts` reads by their decimal mark.
 */
export function foreignForm(text: string, lang: string): Problem | undefined {
  const primary = primaryLanguage(lang)
  if (primary === 'en') {
    // A comma followed by other than three digits is a decimal mark: `12,5`, `0,25`.
    if (/(?<![\d,.])\d+,(?:\d{1,2}|\d{4,})(?![\d,])/u.test(text)) return 'decimal-comma'
    if (/(?<![\d,.])\d{1,3}(?:[ \u00A0\u202F]\d{3})+(?![\d,.])/u.test(text)) return 'space-groups'
    return undefined
  }
  if (primary !== 'fr') return undefined
  // Swiss French writes amounts with a decimal point (`CHF 1'200.50`).
  if (!/^fr-ch\b/iu.test(lang) && /(?<![\d,.'’])\d+\.\d{1,2}(?![\d.])/u.test(text)) return 'decimal-point'
  if (/(?<![\d,.])\d{1,3}(?:,\d{3})+(?![\d,.])/u.test(text)) return 'comma-groups'
  return undefined
}

function message(text: string, lang: string, problem: Problem): string {
  const where = `${primaryLanguage(lang) === 'en' ? 'English' : 'French'} text (\`lang: ${lang}\`)`
  const expected: Record<Problem, string> = {
    'decimal-comma': 'a decimal point (`12.5`), as English writes it',
    'space-groups': 'thousands grouped by commas (`1,234`), as English writes them',
    'decimal-point': 'a decimal comma (`12,5`), as French writes it',
    'comma-groups': 'thousands grouped by spaces (`12 000`), as French writes them: `12,000` reads as twelve'
  }
  return `Unexpected \`${text}\` in ${where}, expected ${expected[problem]}; a passage in another language says so with \`{lang=…}\``
}

/** The passages of a document marked with a language (`{lang=…}`), by source offsets. */
function languagePassages(document: MarkdownDocument): Array<{start: number; end: number; lang: string}> {
  const passages: Array<{start: number; end: number; lang: string}> = []
  eachNode(document.tree, (node: Nodes) => {
    const passage = langOf(node)?.trim()
    const start = node.position?.start.offset
    const end = node.position?.end.offset
    if (passage && start !== undefined && end !== undefined) passages.push({start, end, lang: passage})
  })
  // The innermost passage wins: nested ones come after their parents in document order.
  return passages.reverse()
}
