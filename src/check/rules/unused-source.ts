import {defineRule} from '../rule.js'

export const unusedSource = defineRule({
  id: 'unused-source',
  severity: 'warning',
  summary: 'Every source in the registry should be cited at least once.',
  docs: `A source nobody cites is either a leftover or a citation that was forgotten. It would not
appear in the bibliography, which lists cited sources only. Cite it where it supports the text, or
remove it from the registry.`,
  examples: {
    ok: [{'chapters/intro.md': 'Un constat [@enquete-2024] sur la :term[sextorsion].\n'}],
    notOk: [{'chapters/intro.md': 'Un constat sur la :term[sextorsion].\n'}]
  },
  check({model, report}) {
    const cited = new Set([...model.citations.map((citation) => citation.key), ...model.stats.map((stat) => stat.source)])
    for (const entry of model.sources) {
      if (!cited.has(entry.value.id)) report({file: entry.file, position: entry.fields.id ?? entry.position}, `Unexpected unused source \`${entry.value.id}\`, expected a citation of it somewhere in the report`)
    }
  }
})
