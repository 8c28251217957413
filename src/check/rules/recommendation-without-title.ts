import {defineRule} from '../rule.js'
import {isFrench} from '../../render/typography/french-spacing.js'

export const recommendationWithoutTitle = defineRule({
  id: 'recommendation-without-title',
  severity: 'error',
  summary: 'A `recommendation` block must hold a heading, its title.',
  docs: `The heading inside a recommendation (\`### Lancer une campagne…\`) is its title in the report,
in the synthesis's list and in exports. Without one, the recommendation would print as "R3" alone.`,
  examples: {
    ok: [{'chapters/intro.md': ':::recommendation{#rec-a axis=prevention}\n### Agir\nTexte [@enquete-2024] :term[sextorsion].\n:::\n'}],
    notOk: [{'chapters/intro.md': ':::recommendation{#rec-a axis=prevention}\nTexte sans titre [@enquete-2024] :term[sextorsion].\n:::\n'}]
  },
  check({model, report}) {
    for (const recommendation of model.recommendations) {
      if (!recommendation.title?.trim()) report(recommendation, `Unexpected recommendation \`${recommendation.id}\` without a title, expected a heading inside the block (\`### ${isFrench(model.config.lang) ? 'Titre' : 'Title'}\`)`)
    }
  }
})
