import type {RefUse} from '../../model/types.js'
import {defineRule} from '../rule.js'
import {didYouMean} from '../../diagnostics/suggest.js'

export const brokenRef = defineRule({
  id: 'broken-ref',
  severity: 'error',
  summary: 'Every `:ref[#id]` and `@fig-x` must point to a recommendation, a stat, a chapter, a section, a figure or a table, and every `see:` of the glossary to an entry.',
  docs: `\`:ref[#rec-campagne]\` renders as "recommandation 3" with a link; a target that does not exist
would print as a dead reference. Quarto's cross-references (\`@fig-carte\`, \`@tbl-regions\`, \`@sec-methode\`) are
checked the same way: they point at a figure (\`![Légende](carte.png){#fig-carte}\`), a table (\`: Légende {#tbl-regions}\`)
or a heading (\`## Méthode {#sec-methode}\`; every heading also has an id made from its text). A glossary entry's
\`see: [id, …]\` links to other entries: each must be the id of one. Fix the id (the message suggests the
closest) or add the target.`,
  examples: {
    ok: [
      {'chapters/intro.md': ':::recommendation{#rec-a axis=prevention}\n### Agir\nTexte.\n:::\n\nVoir :ref[#rec-a] et :ref[#intro]. [@enquete-2024] :term[sextorsion]\n'},
      {'chapters/intro.md': '## Méthode {#sec-methode}\n\n| Région | Part |\n|---|---|\n| Nord | 12 % |\n\n: Signalements par région [@enquete-2024] {#tbl-regions}\n\nVoir le @tbl-regions et la @sec-methode. [@enquete-2024] :term[sextorsion]\n'}
    ],
    notOk: [
      {'chapters/intro.md': ':::recommendation{#rec-a axis=prevention}\n### Agir\nTexte.\n:::\n\nVoir :ref[#rec-b]. [@enquete-2024] :term[sextorsion]\n'},
      {'chapters/intro.md': '## Méthode {#sec-methode}\n\n![Carte des signalements](carte.png){#fig-carte}\n\nVoir @fig-carto et la @sec-method. [@enquete-2024] :term[sextorsion]\n'},
      {'glossary.yaml': '- id: sextorsion\n  term: sextorsion\n  definition: Chantage à la diffusion d’images intimes.\n  see: [grooming]\n'}
    ]
  },
  check({model, report}) {
    const targets = new Set([...model.recommendations.map((item) => item.id), ...model.stats.map((item) => item.id), ...model.anchors.keys()])
    for (const ref of model.refs) {
      if (!targets.has(ref.target)) report(ref, `Unexpected reference \`${written(ref)}\`, expected the id of a recommendation, a stat, a chapter, a section, a figure or a table${didYouMean(ref.target, targets)}`)
    }
    // A glossary entry's `see:` links to other entries in the glossary the report prints.
    const terms = new Set(model.glossary.map((entry) => entry.value.id))
    for (const entry of model.glossary) {
      for (const id of entry.value.see) {
        if (!terms.has(id)) report({file: entry.file, position: entry.fields.see ?? entry.position}, `Unexpected \`${id}\` in \`see\` of the glossary entry \`${entry.value.id}\`, expected the id of a glossary entry${didYouMean(id, terms)}`)
      }
    }
  }
})

/** As the writer wrote it: `#rec-b` in `:ref[…]`, `@fig-x` for a Quarto cross-reference. */
function written(ref: RefUse): string {
  return ref.node.type === 'crossReference' ? `@${ref.target}` : `#${ref.target}`
}
