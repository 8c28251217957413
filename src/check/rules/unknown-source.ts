import {defineRule} from '../rule.js'
import {didYouMean} from '../suggest.js'

export const unknownSource = defineRule({
  id: 'unknown-source',
  severity: 'error',
  summary: 'Every citation key and `stat` source must exist in the sources registry.',
  docs: `A citation \`[@key]\` or a \`stat\`'s \`source=key\` that the registry does not hold would print
as a broken reference. Add the source to \`sources.yaml\`, or fix the key (the message suggests the
closest one).`,
  examples: {
    ok: [{'chapters/intro.md': 'Un constat [@enquete-2024] sur la :term[sextorsion].\n'}],
    notOk: [
      {'chapters/intro.md': 'Un constat [@enquete-2042] sur la :term[sextorsion]. [@enquete-2024]\n'},
      {'chapters/intro.md': ':::stat{#stat-a value="12 %" source=enqute-2024}\ndes répondants.\n:::\n\n[@enquete-2024] :term[sextorsion]\n'}
    ]
  },
  check({model, report}) {
    const known = new Set(model.sources.map((entry) => entry.value.id))
    const rejected = new Set(model.rejectedSources)
    // A key whose entry exists but is invalid gets its own message: the fix is in the registry.
    const why = (key: string) => (rejected.has(key) ? `: its entry in ${model.sourcesFile ?? 'the registry'} is invalid, see the \`schema\` finding there` : `, expected a key of the sources registry${didYouMean(key, known)}`)
    for (const citation of model.citations) {
      if (!known.has(citation.key)) report(citation, `Unexpected source key \`${citation.key}\`${why(citation.key)}`)
    }
    for (const stat of model.stats) {
      if (!known.has(stat.source)) {
        report({file: stat.file, position: stat.attributePositions.source ?? stat.position}, `Unexpected source \`${stat.source}\` in stat \`${stat.id}\`${why(stat.source)}`)
      }
    }
  }
})
