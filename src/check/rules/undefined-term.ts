import {resolveTerm} from '../../model/terms.js'
import {defineRule} from '../rule.js'
import {didYouMean} from '../../diagnostics/suggest.js'

export const undefinedTerm = defineRule({
  id: 'undefined-term',
  severity: 'error',
  summary: 'Every `:term` must match a glossary entry.',
  docs: `\`:term[sextorsion]\` links the word to its glossary definition. The label is matched against
each entry's \`term\`, \`aliases\` and \`id\` (case does not matter); \`:term[deepfakes]{id=deepfake}\` names
the entry explicitly. Add the entry to \`glossary.yaml\`, add an alias, or fix the word.`,
  examples: {
    ok: [{'chapters/intro.md': 'La :term[Sextorsion] progresse [@enquete-2024].\n'}],
    notOk: [{'chapters/intro.md': 'La :term[sextortion] progresse, comme le :term[grooming] [@enquete-2024]. :term[sextorsion]\n'}, {'chapters/intro.md': 'La :term[sextorsion] progresse [voir :term[grooming] dans @enquete-2024].\n'}]
  },
  check({model, report}) {
    const names = model.glossary.flatMap((entry) => [entry.value.term, ...entry.value.aliases])
    for (const use of model.terms) {
      if (resolveTerm(model.glossary, use)) continue
      const wanted = use.id ?? use.label
      const hint = didYouMean(wanted, use.id ? model.glossary.map((entry) => entry.value.id) : names)
      const unread = model.glossaryFile !== undefined && model.unparsedFiles.includes(model.glossaryFile)
      report(use, unread ? `Unexpected term \`${wanted}\`: the glossary \`${model.glossaryFile}\` could not be read, see the \`schema\` finding there` : `Unexpected term \`${wanted}\`, expected an entry of the glossary${hint}`)
    }
  }
})
