import {defineRule} from '../rule.js'
import {didYouMean} from '../suggest.js'

export const brokenRef = defineRule({
  id: 'broken-ref',
  severity: 'error',
  summary: 'Every `:ref[#id]` must point to a recommendation, a stat or a chapter.',
  docs: `\`:ref[#rec-campagne]\` renders as "recommandation 3" with a link; a target that does not exist
would print as a dead reference. Fix the id (the message suggests the closest) or add the target.`,
  examples: {
    ok: [{'chapters/intro.md': ':::recommendation{#rec-a axis=prevention}\n### Agir\nTexte.\n:::\n\nVoir :ref[#rec-a] et :ref[#intro]. [@enquete-2024] :term[sextorsion]\n'}],
    notOk: [{'chapters/intro.md': ':::recommendation{#rec-a axis=prevention}\n### Agir\nTexte.\n:::\n\nVoir :ref[#rec-b]. [@enquete-2024] :term[sextorsion]\n'}]
  },
  check({model, report}) {
    const targets = new Set([...model.recommendations.map((item) => item.id), ...model.stats.map((item) => item.id), ...model.anchors.keys()])
    for (const ref of model.refs) {
      if (!targets.has(ref.target)) report(ref, `Unexpected reference \`#${ref.target}\`, expected the id of a recommendation, a stat or a chapter${didYouMean(ref.target, targets)}`)
    }
  }
})
