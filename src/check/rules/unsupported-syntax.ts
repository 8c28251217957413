import type {Nodes} from 'mdast'
import {visit} from 'unist-util-visit'
import {positionFromOffsets} from '../../diagnostics/location.js'
import {defineRule} from '../rule.js'
import {blockSyntaxes, inlineSyntaxes, quartoReference} from '../unsupported/syntaxes.js'

const rawBlock = /^\{=[\w-]+\}$/u

export const unsupportedSyntax = defineRule({
  id: 'unsupported-syntax',
  severity: 'warning',
  summary: 'Pandoc or Quarto syntax rapporteur does not support would print raw: say so, and what to write.',
  docs: `Writers coming from Pandoc, Quarto or R Markdown bring syntax rapporteur does not read. Rather than
print it raw in the PDF and the web page without a word, \`check\` reports each at its line and column,
with what to write instead: shortcodes (\`{{< include … >}}\`), attributes on headings, images and spans
(\`{#sec-x}\`, \`{width=70%}\`, \`[text]{.class}\`), Pandoc fenced divs (\`::: {.callout-note}\`), TeX maths
(\`$…$\`, \`$$…$$\`), raw blocks (\`\`\`{=html}\`), LaTeX commands (\`\\newpage\`), example lists (\`(@)\`),
definition lines left as text (\`~ définition\`, or \`: définition\` in a list item or a footnote), line
blocks (\`| ligne\`), and Quarto cross-references (\`@fig-x\`, \`@tbl-x\`, \`@sec-x\`). Inline code and code
blocks are never reported. Inline notes (\`^[…]\`), sub- and superscripts (\`H~2~O\`, \`10^6^\`) and
definition lists (a term, then \`: définition\`) are read, as Pandoc reads them.
See [Coming from Pandoc or Quarto](../pandoc-quarto.md).`,
  examples: {
    ok: [
      {'chapters/intro.md': "La :term[sextorsion] progresse [@enquete-2024]. Le code `{{< include x >}}` est montré tel quel, et 10 $ ou 5 € restent du texte.\n"},
      {'chapters/intro.md': 'La :term[sextorsion] progresse^[Selon une enquête [@enquete-2024].] : H~2~O, 10^6^ cas, le 1^er^ mai.\n\nSextorsion\n: Chantage à la diffusion d’images intimes.\n'}
    ],
    notOk: [
      {'chapters/intro.md': '## Méthode {#sec-methode}\n\nLa :term[sextorsion] progresse [@enquete-2024].\n\n{{< include autre.qmd >}}\n'},
      {'chapters/intro.md': '::: {.callout-note}\nÀ retenir : la :term[sextorsion] progresse [@enquete-2024].\n:::\n\n![Carte](assets/carte.png){#fig-carte width=70%}\n\nVoir @fig-carte.\n'},
      {'chapters/intro.md': 'La formule $E = mc^2$ et 10 cas [@enquete-2024] :term[sextorsion].\n\n\\newpage\n\n```{=html}\n<div></div>\n```\n'},
      {'chapters/intro.md': 'La :term[sextorsion] [@enquete-2024].\n\nSextorsion\n~ Chantage à la diffusion d’images intimes.\n\n- Grooming\n  : Pédopiégeage.\n'}
    ]
  },
  check({model, report}) {
    for (const document of model.documents) {
      const text = String(document.file.value)
      const at = (start: number, end: number) => ({file: document.path, position: positionFromOffsets(document.file, start, end)})
      visit(document.tree, (node: Nodes) => {
        if (node.type === 'code' && node.lang && rawBlock.test(node.lang) && node.position) {
          report(at(node.position.start.offset ?? 0, (node.position.start.offset ?? 0) + 3 + node.lang.length), `Unexpected raw \`${node.lang}\` block, expected Markdown (rapporteur writes the HTML and the PDF from it; raw HTML only with \`check.html: true\`)`)
          return
        }
        if (node.type !== 'paragraph' && node.type !== 'heading' && node.type !== 'tableCell' && node.type !== 'defListTerm') return
        const start = node.position?.start.offset
        const end = node.position?.end.offset
        if (start === undefined || end === undefined) return
        let source = text.slice(start, end)
        // Every syntax reported holds one of these: most prose has none, and is passed over at once.
        if (!/[{^$~\\]|:::|\(@|^[ \t]*:[ \t]|^\|[ \t]/mu.test(source)) return
        // Inline code is shown as written: blank it out (same length, so offsets stay true).
        if (source.includes('`')) visit(node, 'inlineCode', (code) => {
          const from = (code.position?.start.offset ?? start) - start
          const to = (code.position?.end.offset ?? start) - start
          source = source.slice(0, from) + ' '.repeat(Math.max(0, to - from)) + source.slice(to)
        })
        const syntaxes = node.type === 'paragraph' ? [...inlineSyntaxes, ...blockSyntaxes] : inlineSyntaxes
        for (const syntax of syntaxes) {
          if (syntax.id === 'heading-attributes' && node.type !== 'heading') continue
          for (const match of source.matchAll(syntax.pattern)) {
            // A function, not a string: in a replacement string `$$` (TeX's display maths) means `$`.
            report(at(start + match.index, start + match.index + match[0].length), syntax.message.replaceAll('$&', () => match[0].trim()))
          }
        }
      })
    }
    // `@fig-x` as Quarto writes a cross-reference: not a source.
    const keys = new Set(model.sources.map((entry) => entry.value.id))
    for (const use of model.citations) {
      if (quartoReference.test(use.key) && !keys.has(use.key)) report(use, `Unexpected Quarto cross-reference \`@${use.key}\`, expected \`:ref[#id]\` to a chapter, a recommendation or a key figure`)
    }
  }
})
