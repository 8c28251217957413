import {resolveTerm} from '../../model/terms.js'
import {defineRule} from '../rule.js'

export const unusedTerm = defineRule({
  id: 'unused-term',
  severity: 'warning',
  summary: 'Every glossary entry should be used at least once with `:term`.',
  docs: `A glossary lists the words a reader meets in the text. An entry that no \`:term\` points to is
either missing its link in the text or no longer needed.`,
  examples: {
    ok: [{'chapters/intro.md': 'La :term[sextorsion] progresse [@enquete-2024].\n'}],
    notOk: [{'chapters/intro.md': 'La sextorsion progresse [@enquete-2024].\n'}]
  },
  check({model, report}) {
    const used = new Set(model.terms.map((use) => resolveTerm(model.glossary, use)?.value.id))
    // `see` cross-references inside the glossary count as uses too.
    for (const entry of model.glossary) for (const id of entry.value.see) used.add(id)
    for (const entry of model.glossary) {
      if (!used.has(entry.value.id)) report({file: entry.file, position: entry.fields.id ?? entry.position}, `Unexpected unused term \`${entry.value.id}\`, expected a \`:term[${entry.value.term}]\` in the text`)
    }
  }
})
