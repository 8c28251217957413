import {parseYaml, positionOfPath} from '../../parse/yaml.js'
import {defineRule} from '../rule.js'

const config = (axes: string) =>
  `title: Exemple\norganisation: Fondation Exemple\nlang: fr\ndate: 2026-01\naxes:\n${axes}editions:\n  full: {title: Rapport, files: [chapters/intro.md], output: rapport}\n`
const recommendation = ':::recommendation{#rec-a axis=prevention}\n### Agir\nTexte [@enquete-2024] :term[sextorsion].\n:::\n\n::recommendations\n'

export const emptyAxis = defineRule({
  id: 'empty-axis',
  severity: 'warning',
  summary: 'Each axis in `rapporteur.yaml` has at least one recommendation, once the report has recommendations.',
  docs: `\`::recommendations\` lists the recommendations axis by axis, each under the axis's label. An axis
that no \`:::recommendation{axis=…}\` names has nothing to list: it is left out of the list, in both
editions, on the web and in print, rather than printed as a heading over an empty list, and \`check\`
reports it at the axis in \`rapporteur.yaml\`. A recommendation counts where the full edition prints
it (the numbers R1, R2… are the full edition's). Write the recommendation the axis is for, or remove
the axis from \`axes\` (or fix the \`axis=\` of the recommendation meant for it). A report with no
recommendation at all (and no \`::recommendations\`) is not reported: its axes may be there for later.`,
  examples: {
    ok: [{'rapporteur.yaml': config('  - {id: prevention, label: Prévention}\n'), 'chapters/intro.md': recommendation}],
    notOk: [{'rapporteur.yaml': config('  - {id: prevention, label: Prévention}\n  - {id: sanction, label: Sanction}\n'), 'chapters/intro.md': recommendation}]
  },
  check({model, report}) {
    const listed = model.directives.some((use) => use.name === 'recommendations')
    if (model.recommendations.length === 0 && !listed) return
    const configFile = model.files.get(model.configFile)
    // Parsed again only to place a finding: most reports have none.
    let source: ReturnType<typeof parseYaml> | undefined
    const placeOf = (index: number) => {
      if (!configFile) return {start: {line: 1, column: 1}, end: {line: 1, column: 1}}
      source ??= parseYaml(configFile)
      return positionOfPath(source, ['axes', index])
    }
    model.config.axes.forEach((axis, index) => {
      const all = model.recommendations.filter((item) => item.axis === axis.id)
      if (all.some((item) => item.number > 0)) return
      const position = placeOf(index)
      const why = all.length > 0 ? `its recommendations (${all.map((item) => `\`${item.id}\``).join(', ')}) are in no chapter of the full edition` : `no \`:::recommendation{axis=${axis.id}}\` names it`
      report(
        {file: model.configFile, position},
        `Unexpected axis \`${axis.id}\` (${axis.label}) without a recommendation, expected at least one: ${why}, so \`::recommendations\` leaves it out; write its recommendation, or remove the axis`
      )
    })
  }
})
