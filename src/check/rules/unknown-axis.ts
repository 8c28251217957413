import type {LeafDirective} from 'mdast-util-directive'
import type {Position} from 'unist'
import {attributePositions} from '../../model/attribute-positions.js'
import {defineRule} from '../rule.js'
import {didYouMean} from '../../diagnostics/suggest.js'

export const unknownAxis = defineRule({
  id: 'unknown-axis',
  severity: 'error',
  summary: 'A recommendation\'s `axis` must be one of the axes in `rapporteur.yaml`.',
  docs: `Recommendations are grouped by axis (prévention, détection, sanction…) in the report and the
synthesis. The axes are declared once in \`rapporteur.yaml\` under \`axes\`; an axis used in a block or
in \`::recommendations{axis=…}\` must be one of them.`,
  examples: {
    ok: [{'chapters/intro.md': ':::recommendation{#rec-a axis=prevention}\n### Agir\nTexte [@enquete-2024] :term[sextorsion].\n:::\n'}],
    notOk: [
      {'chapters/intro.md': ':::recommendation{#rec-a axis=prevetion}\n### Agir\nTexte [@enquete-2024] :term[sextorsion].\n:::\n'},
      {'chapters/intro.md': '::recommendations{axis=sanction}\n\n[@enquete-2024] :term[sextorsion]\n'}
    ]
  },
  check({model, report}) {
    const axes = new Set(model.config.axes.map((axis) => axis.id))
    const message = (axis: string) => `Unexpected axis \`${axis}\`, expected one of ${[...axes].map((id) => `\`${id}\``).join(', ')}${didYouMean(axis, axes)}`
    for (const recommendation of model.recommendations) {
      if (!axes.has(recommendation.axis)) report(attributePlace(recommendation.file, recommendation.node, 'axis'), message(recommendation.axis))
    }
    for (const use of model.directives) {
      const axis = use.name === 'recommendations' ? use.node.attributes?.axis : undefined
      if (axis && !axes.has(axis)) report(attributePlace(use.file, use.node as LeafDirective, 'axis'), message(axis))
    }
  }
})

function attributePlace(file: string, node: {position?: Position | undefined; data?: unknown}, name: string) {
  return {file, position: attributePositions(node)[name] ?? node.position ?? {start: {line: 1, column: 1}, end: {line: 1, column: 1}}}
}
