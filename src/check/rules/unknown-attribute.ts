import type {Position} from 'unist'
import {directiveMarks, directiveSchemas} from '../../model/schemas/directives.js'
import {defineRule} from '../rule.js'
import {didYouMean} from '../../diagnostics/suggest.js'

export const unknownAttribute = defineRule({
  id: 'unknown-attribute',
  severity: 'warning',
  summary: "A directive's attributes must be ones it reads: any other is left out of the output.",
  docs: `Each directive reads the attributes of [the format](../format.md): \`:::recommendation\` its
\`#id\`, \`axis\` and \`actors\`; \`:::stat\` its \`#id\`, \`value\`, \`source\`, \`locator\` and \`key\`;
\`:::viewpoint\` its \`author\` and \`role\`; \`:::callout\` its \`title\`; \`::recommendations\` an \`axis\`;
\`:term\` an \`id\` and a \`lang\` (on its link); \`:waive\` a \`reason\`; and each of the four blocks a \`lang\` (\`lang=en\` around a
quote in English, for screen readers and hyphenation) and a \`dir\`. Any other attribute, a misspelt one (\`autor=\`, \`acteurs=\`)
or one the directive has no use for (an \`#id\` or a \`.class\` on a \`:::viewpoint\`), would be left out
of the output without a word, the actors of a recommendation with it: \`check\` reports it at the
attribute, with the closest name the directive reads.`,
  examples: {
    ok: [{'chapters/intro.md': ':::viewpoint{author="Jeanne Martin" role="psychologue"}\nLa :term[sextorsion]{id=sextorsion} progresse [@enquete-2024].\n:::\n'}],
    notOk: [
      {'chapters/intro.md': ':::viewpoint{autor="Jeanne Martin" author="Jeanne Martin"}\nLa :term[sextorsion] progresse [@enquete-2024].\n:::\n'},
      {'chapters/intro.md': ':::recommendation{#rec-agir axis=prevention acteurs="État"}\n### Agir\nLa :term[sextorsion] progresse [@enquete-2024].\n:::\n\n::toc{depth=2}\n'}
    ]
  },
  check({model, report}) {
    for (const use of model.directives) {
      const schemas: Record<string, {shape: Record<string, unknown>}> = directiveSchemas[use.kind]
      if (!Object.hasOwn(schemas, use.name)) continue
      const known = Object.keys(schemas[use.name]!.shape)
      const positions = (use.node.data as {position?: {attributes?: Record<string, Position | undefined>}} | undefined)?.position
      for (const name of Object.keys(use.node.attributes ?? {})) {
        if (known.includes(name)) continue
        const written = name === 'id' ? '`#…` (an id)' : name === 'class' ? '`.…` (a class)' : `\`${name}\``
        const expected = known.length === 0 ? 'none' : known.map((key) => `\`${key}\``).join(', ')
        report({file: use.file, position: positions?.attributes?.[name] ?? use.position}, `Unexpected attribute ${written} of \`${directiveMarks[use.kind]}${use.name}\`, expected ${known.length > 1 ? `one of ${expected}${didYouMean(name, known)}` : expected}: it is left out`)
      }
    }
  }
})
