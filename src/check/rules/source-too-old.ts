import {yearOf} from '../../model/schemas/common.js'
import {defineRule} from '../rule.js'

export const sourceTooOld = defineRule({
  id: 'source-too-old',
  severity: 'warning',
  summary: 'Sources older than `check.sources.maxAgeYears` (default 10) before the report date are flagged.',
  docs: `An advocacy report is read as a picture of the present: a figure from a survey fifteen years
old may mislead. The age is counted in years between the source's \`date\` and the report's \`date\`
in \`rapporteur.yaml\`. Laws are exempt (an old law in force is current). Raise the limit in
\`check.sources.maxAgeYears\` if the field moves slowly, or waive by setting the rule to \`off\`.`,
  examples: {
    ok: [{'sources.yaml': '- id: enquete-2024\n  type: survey\n  title: Enquête\n  author: Observatoire\n  date: 2024\n'}],
    notOk: [{'sources.yaml': '- id: enquete-2024\n  type: survey\n  title: Enquête\n  author: Observatoire\n  date: 2009\n'}]
  },
  check({model, report}) {
    const reportYear = yearOf(model.config.date)
    const limit = model.config.check.sources.maxAgeYears
    for (const entry of model.sources) {
      const date = entry.value.date
      if (entry.value.kind === 'law' || date === undefined) continue
      const age = reportYear - yearOf(date)
      const place = entry.fields.date ?? entry.fields.issued ?? entry.fields.year ?? entry.position
      if (age > limit) report({file: entry.file, position: place}, `Unexpected source \`${entry.value.id}\` from ${yearOf(date)}, ${age} years before the report, expected at most ${limit} (\`check.sources.maxAgeYears\`)`)
    }
  }
})
