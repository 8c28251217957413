import {contrastRatio, type PlacedColour} from '../../model/colours.js'
import {defineRule} from '../rule.js'

/** WCAG 2.x level AA for text of body size (1.4.3): the axis's labels and badges are small text. */
const MINIMUM = 4.5

const config = (color: string) =>
  `title: Exemple\norganisation: Fondation Exemple\nlang: fr\ndate: 2026-01\naxes:\n  - {id: prevention, label: Prévention, color: "${color}"}\neditions:\n  full: {title: Rapport, files: [chapters/intro.md], output: rapport}\n`

export const axisContrast = defineRule({
  id: 'axis-contrast',
  severity: 'warning',
  summary: 'An axis colour the project sets is legible: 4.5:1 against the page and the boxes, and under the badges\' numbers.',
  docs: `Each recommendation axis has a colour (\`color:\` in rapporteur.yaml, or \`--rp-axis-<id>\` in
\`theme/custom.css\`): the theme writes the axis's titles and the label of each box in it ("R3
Recommandation 3 · Prévention") on the page and on the box's background, and each number on a
badge of that colour. A light brand colour (a yellow, a pale green) makes them hard or impossible to
read, on paper as on screen. \`check\` computes the contrast ratio of WCAG 2.x for each of the three
and reports a colour below 4.5:1, the level AA for text of that size (success criterion 1.4.3), at
the place the project sets it, with the ratio. Choose a darker shade of the colour, or set
\`--rp-color-accent-text\` (the numbers) in \`theme/custom.css\` to a dark colour for a light axis.

Only colours the project sets are reported: the themes' own are chosen to pass (docs/designers.md
lists their ratios). A colour written other than \`#rrggbb\` or \`#rgb\` in a stylesheet is not read.`,
  examples: {
    ok: [{'rapporteur.yaml': config('#1e6b45')}],
    notOk: [
      {'rapporteur.yaml': config('#f5c400')},
      {'theme/custom.css': ':root {\n  --rp-axis-1: #7fbf7f;\n}\n'}
    ]
  },
  check({model, report}) {
    for (const colours of model.axisColours) {
      const pairs: Array<[PlacedColour, PlacedColour, string]> = [
        [colours.axis, colours.page, 'its titles on the page'],
        [colours.axis, colours.surface, "its labels on a box's background"],
        [colours.accentText, colours.axis, 'the numbers on its badges']
      ]
      const failing = pairs.map(([text, background, what]) => ({text, background, what, ratio: contrastRatio(text.value, background.value)})).filter((pair) => pair.ratio < MINIMUM)
      // Where the project set one of the colours involved: the axis's own first.
      const at = colours.axis.at ?? failing.map((pair) => pair.text.at ?? pair.background.at).find(Boolean)
      if (failing.length === 0 || !at) continue
      const ratios = failing.map((pair) => `${pair.what} ${format(pair.ratio)}:1 (${pair.text.value} on ${pair.background.value})`).join(', ')
      report(at, `Unexpected contrast for the axis \`${colours.id}\`: ${ratios}, expected at least ${MINIMUM}:1 (WCAG 1.4.3): choose a darker colour, or a dark \`--rp-color-accent-text\` for light badges`)
    }
  }
})

/** A ratio as WCAG tools print it: two decimals, rounded down, so that 4.499 never reads as 4.5. */
function format(ratio: number): string {
  return (Math.floor(ratio * 100) / 100).toFixed(2)
}
