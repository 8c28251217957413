import {defineRule} from '../rule.js'

export const schema = defineRule({
  id: 'schema',
  severity: 'error',
  summary: 'Files and block attributes must have the shape the format defines.',
  docs: `Every YAML file (sources, glossary, front matter) and every block's attributes are validated
against the format's schemas. The message names the field and what was expected; the position is
the field as written, or the entry that lacks it. A broken \`rapporteur.yaml\` stops the command
with exit code 2 instead, since nothing else can be read without it. A reviewer's \`review.json\`
(read for the audit page, see [For reviewers](../reviewers.md#keeping-a-review)) is checked the
same way: JSON syntax and the review file's schema, each problem at its line and column.`,
  examples: {
    ok: [{'chapters/intro.md': ':::stat{#stat-a value="12 %" source=enquete-2024}\ndes répondants.\n:::\n\n[@enquete-2024] :term[sextorsion]\n'}],
    notOk: [
      {'chapters/intro.md': ':::stat{#stat-a value="12 %"}\ndes répondants.\n:::\n\n[@enquete-2024] :term[sextorsion]\n'},
      {'sources.yaml': '- id: enquete-2024\n  type: survey\n  author: Observatoire\n  date: 2024\n'}
    ]
  },
  check({model, report}) {
    for (const problem of model.problems) report(problem, problem.message)
  }
})
