import {detectNumbers} from '../../model/figures/detect.js'
import {defineRule} from '../rule.js'
import {isFrench} from '../../render/typography/french-spacing.js'
import {numeralsOf, type Numerals} from '../../model/figures/numerals.js'

export const statValueNotAFigure = defineRule({
  id: 'stat-value-not-a-figure',
  severity: 'error',
  summary: 'A `stat` block\'s `value` must be a figure the checker recognises.',
  docs: `Key figures are shown large on cards and exported for press kits: the \`value\` must be the
figure itself (\`52 %\`, \`100 000\`, \`1 sur 5\`, \`5e\`, and with a qualifier \`c.3,000\`, \`ca. 300\`,
\`~3,000\`), not prose, a year or a date. The finding's examples are written as the report writes
its numbers: \`52 %\`, \`100.000\`, \`1 de cada 5\` in Spanish, where \`100,000\` is one hundred.`,
  examples: {
    ok: [{'chapters/intro.md': ':::stat{#stat-a value="1 sur 5" source=enquete-2024}\ndes enfants.\n:::\n\n:term[sextorsion]\n'}],
    notOk: [{'chapters/intro.md': ':::stat{#stat-a value="2024" source=enquete-2024}\nl’année de l’enquête.\n:::\n\n:term[sextorsion]\n'}]
  },
  check({model, report}) {
    for (const stat of model.stats) {
      if (isFigure(stat.value, numeralsOf(model.config.lang))) continue
      report({file: stat.file, position: stat.attributePositions.value ?? stat.position}, `Unexpected stat value \`${stat.value}\`, expected a figure such as ${figureExamples(model.config.lang)}`)
    }
  }
})

/** A ratio in the words of the decimal-comma languages whose dates the detector reads too. */
const ratios: Readonly<Record<string, string>> = {es: '1 de cada 5', pt: '1 em cada 5', it: '1 su 5', de: '1 von 5', nl: '1 op 5'}

/**
 * Figures written as the report writes its numbers: `100,000` is one hundred where the decimal
 * mark is a comma (Spanish, German…), so an English example would teach the wrong value there.
 */
export function figureExamples(lang: string): string {
  if (isFrench(lang)) return '`52 %`, `100 000` or `1 sur 5`'
  if (numeralsOf(lang) !== 'decimal-comma') return '`52%`, `100,000` or `1 in 5`'
  const ratio = ratios[lang.toLowerCase().split(/[-_]/u)[0]!] ?? '1/5'
  return `\`52 %\`, \`100.000\` or \`${ratio}\``
}

/** True when the detector finds at least one figure in `value` on its own. */
export function isFigure(value: string, numerals: Numerals = 'mixed'): boolean {
  const findings = detectNumbers({text: value, marks: [], waived: [], segments: [], exponents: [], shown: []}, {scope: 'sentence', footnoteKeys: new Map(), numerals})
  return findings.some((finding) => finding.notFigure === undefined)
}
