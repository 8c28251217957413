import type {Nodes} from 'mdast'
import type {Position} from 'unist'
import {positionFromOffsets} from '../../diagnostics/location.js'
import {attributePositions} from '../../model/attribute-positions.js'
import {expectedLanguageTag, languageTagProblem} from '../../model/language-tag.js'
import type {MarkdownDocument} from '../../model/types.js'
import {eachNode} from '../each-node.js'
import {langOf} from '../lang-of.js'
import {defineRule} from '../rule.js'

export const langCode = defineRule({
  id: 'lang-code',
  severity: 'error',
  summary: "A passage's `lang` must be the code of a known language: screen readers pick their voice by it.",
  docs: `A passage in another language than the report's says so with a \`lang\` attribute: a span
\`[Gwlad]{lang=cy}\`, a div \`::: {lang=en}\`, a heading \`## Summary {lang=en}\`, a link or an image,
\`:term[…]{lang=en}\`, one of the four blocks (\`:::viewpoint{… lang=en}\`), and, with \`check.html: true\`,
raw HTML (\`<q lang="de">\`). Its value is printed as written in the page's \`lang\` and in the PDF's
tags: a screen reader reads the passage with the voice of the language it names, and hyphenation
follows it (WCAG 2.2, success criterion 3.1.2). A value that is no language's code, a name
(\`lang=welsh\`, \`lang=français\`), a locale as code writes it (\`fr_FR\`) or a region no one has
(\`en-AA\`), leaves the passage read with the wrong voice, the letters of a Welsh sentence said as
English ones, without a word in the output.

The value must be a BCP 47 tag (\`cy\`, \`fr-CA\`, \`zh-Hant\`, \`es-419\`) of a language, script and
region the Unicode CLDR names, as browsers know them. \`check\` reports any other at the value, with
the code when the value is a language's name in English, in French or in the language itself
(\`welsh\`, \`gallois\` and \`Cymraeg\` are \`cy\`). \`lang\` in rapporteur.yaml is checked the same way
(a \`schema\` error).`,
  examples: {
    ok: [{'chapters/intro.md': 'La devise [Gwlad, gwlad]{lang=cy} :term[sextorsion] [@enquete-2024].\n\n::: {lang=en-GB}\nA finding.\n:::\n'}],
    notOk: [
      {'chapters/intro.md': 'La devise [Gwlad, gwlad]{lang=welsh} :term[sextorsion] [@enquete-2024].\n'},
      {'chapters/intro.md': ':::viewpoint{author="Jane Doe" lang="English"}\nLa :term[sextorsion] progresse [@enquete-2024].\n:::\n\n::: {lang=fr_FR}\nUn constat.\n:::\n'}
    ]
  },
  check({model, report}) {
    const say = (value: string, place: {file: string; position: Position}) => {
      const problem = languageTagProblem(value)
      if (problem) report(place, `Unexpected language \`${value}\` in \`lang\`, expected ${expectedLanguageTag(problem)}: screen readers pick their voice by the code, and would read the passage with the wrong one`)
    }
    for (const document of model.documents) {
      eachNode(document.tree, (node: Nodes) => {
        const lang = langOf(node)
        if (lang !== undefined && lang.trim() !== '') say(lang, {file: document.path, position: valuePosition(document, node)})
      })
    }
    // Raw HTML is printed only with `check.html: true` (else raw-html refuses it, and its `lang` with it).
    if (model.config.check.html) for (const fact of model.html.flatMap((html) => html.facts)) if (fact.kind === 'element-lang') say(fact.name, fact)
  }
})

/**
 * Where the `lang` value is written: in the directive's attribute, or in the node's last `{…}` (a
 * span's, a heading's, a link's), a div's or a code block's first line; the node when not found.
 */
function valuePosition(document: MarkdownDocument, node: Nodes): Position {
  const source = String(document.file.value)
  const whole = node.position ?? {start: {line: 1, column: 1}, end: {line: 1, column: 1}}
  const directive = node.type === 'containerDirective' || node.type === 'leafDirective' || node.type === 'textDirective' ? attributePositions(node).lang : undefined
  const from = (directive ?? whole).start.offset
  let to = (directive ?? whole).end.offset
  if (from === undefined || to === undefined) return directive ?? whole
  if (node.type === 'fencedDiv' || node.type === 'code') to = Math.min(to, source.indexOf('\n', from) === -1 ? to : source.indexOf('\n', from))
  const values = [...source.slice(from, to).matchAll(/(?:^|(?<=[\s{]))lang\s*=\s*("[^"]*"|'[^']*'|[^\s"'{}]+)/gu)]
  const last = values.at(-1)
  if (last?.index === undefined) return directive ?? whole
  const start = from + last.index + last[0].length - last[1]!.length
  return positionFromOffsets(document.file, start, start + last[1]!.length)
}
