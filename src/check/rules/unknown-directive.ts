import {directiveMarks, directiveSchemas} from '../../model/schemas/directives.js'
import {defineRule} from '../rule.js'
import {didYouMean} from '../../diagnostics/suggest.js'

export const unknownDirective = defineRule({
  id: 'unknown-directive',
  severity: 'error',
  summary: 'Directives must be ones the format knows.',
  docs: `Blocks: \`:::recommendation\`, \`:::stat\`, \`:::viewpoint\`, \`:::callout\`. Leaf directives:
\`::recommendations\`, \`::keyfigures\`, \`::glossary\`, \`::bibliography\`, \`::toc\`. Text directives:
\`:term\`, \`:ref\`, \`:waive\`. A misspelt one (\`:::recomendation\`) would be dropped silently from
the output; the message suggests the closest known name.`,
  examples: {
    ok: [{'chapters/intro.md': ':::callout{title="Encadré"}\nTexte [@enquete-2024] :term[sextorsion].\n:::\n'}],
    notOk: [
      {'chapters/intro.md': ':::recomendation{#rec-a axis=prevention}\n### Agir\nTexte [@enquete-2024] :term[sextorsion].\n:::\n'},
      {'chapters/intro.md': 'Texte :trem[sextorsion] [@enquete-2024] :term[sextorsion].\n'}
    ]
  },
  check({model, report}) {
    for (const use of model.directives) {
      const known = Object.keys(directiveSchemas[use.kind])
      if (known.includes(use.name)) continue
      const mark = directiveMarks[use.kind]
      report(use, `Unexpected directive \`${mark}${use.name}\`, expected one of ${known.map((name) => `\`${mark}${name}\``).join(', ')}${didYouMean(use.name, known).replace(/`([^`]+)`\?$/, `\`${mark}$1\`?`)}`)
    }
  }
})
