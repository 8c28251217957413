import type {Nodes} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {lineEndOffset, positionFromOffsets} from '../../diagnostics/location.js'
import {cssLength} from '../../parse/attributes/attribute-list.js'
import {eachNode} from '../each-node.js'
import {alertKinds, alertMarker} from '../../parse/alerts.js'
import {defineRule} from '../rule.js'
import {didYouMean} from '../../diagnostics/suggest.js'
import {blockSyntaxes, inlineSyntaxes, letteredLines, quartoReference} from '../unsupported/syntaxes.js'
import {otherCrossReferencePrefix} from '../../parse/attributes/attach.js'
import {conditionMessages} from '../unsupported/conditional.js'
import {layoutMessages} from '../unsupported/layout.js'
import {trackedChangeMessages} from '../unsupported/tracked-changes.js'
import {pastedText} from '../unsupported/pasted.js'
import {strayFenceMessage} from '../unsupported/stray-fence.js'
import {noteBlockFindings} from '../unsupported/note-blocks.js'
import {shortcodeMessage} from '../unsupported/shortcodes.js'
import {metaValue} from '../../model/shortcodes.js'
import {isFrench} from '../../render/typography/french-spacing.js'

const rawBlock = /^\{=[\w-]+\}$/u
/** A grid table's border, `+------+------+` or `+======+`, on a line of its own. */
const gridBorder = /^[ \t]*\+(?:[-=:]{2,}\+)+[ \t]*$/mu
/** The column rules of a simple or multiline table: groups of dashes apart, `-------  ------`. */
const tableRule = /^[ \t]*-{2,}(?:[ \t]+-{2,})+[ \t]*$/u
/** ```` ```{r} ````, ```` ```{python echo=false} ````: a cell Quarto would run. */
const codeCell = /^\{[\p{L}_][\w-]*[^}]*\}$/u

/** What a block holds if it holds any syntax reported: most prose has none, and is passed over at once. */
const mayHold = /[\^~]|:::|\(@|^(?:[ \t]*>)*[ \t]*\(?(?:[a-z]|[ivx]{1,4})[.)][ \t]|^[ \t]*:[ \t]|^\|[ \t]|==|\[\[|%%|^(?:!!!|\?\?\?)|^\*\[|&[A-Za-z]|:[a-z\d_+-]+:|\\[A-Za-z]|\]\([^)\s]*[ \t]/mu

/**
 * The source offsets of a node the patterns must not read: inline code and maths whole; a link's
 * or an image's address (an autolink, all of it; `[texte](…)`, what follows the text); a note's
 * `^[`, which opened a note. Undefined: read it all.
 */
function blankedOut(node: Nodes, text: string): [number, number] | undefined {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  if (start === undefined || end === undefined) return undefined
  if (node.type === 'inlineCode' || node.type === 'inlineMath' || node.type === 'image') return [start, end]
  if (node.type === 'inlineNote') return [start, start + 2]
  if (node.type !== 'link') return undefined
  const textEnd = node.children.at(-1)?.position?.end.offset
  return text[start] === '[' ? [textEnd ?? start + 1, end] : [start, end]
}

export const unsupportedSyntax = defineRule({
  id: 'unsupported-syntax',
  severity: 'warning',
  summary: 'Pandoc, Quarto, Obsidian or MkDocs syntax rapporteur does not support would print raw: say so, and what to write.',
  docs: `Writers coming from Pandoc, Quarto or R Markdown bring syntax rapporteur does not read. Most of
it is read now (attributes, fenced divs and callouts, figures and table captions, cross-references: see
[Coming from Pandoc or Quarto](../pandoc-quarto.md)); what is left is reported at its line and column,
with what to write instead, rather than printed raw or dropped without a word: Quarto shortcodes
(\`{{< include … >}}\`, \`{{< var … >}}\`, \`{{< pagebreak >}}\`, each with what to write instead; \`{{< meta title >}}\`, \`subtitle\` and \`organisation\` print rapporteur.yaml's value) and LaTeX commands alone on a line (\`\\newpage\`), both left out of the output; raw
blocks for another format (\`\`\`{=latex}\`), left out too; Quarto code cells (\`\`\`{r}\`), shown as code
and never run; attributes that follow nothing they could apply to, and a \`width\` or \`height\` that is not a length; a \`:::\` line that opens or closes
nothing; a \`^[\` that opens no note (empty, or not closed); definition lines left as text (\`~ définition\`, or \`: définition\` after a one-line term in a list item or a
footnote; further down a paragraph, a line starting with \`: \` is a hard-wrapped sentence, text for Pandoc too); example lists (\`(@)\`); lists by letter or Roman numeral (\`a.\`, \`b)\`, \`(c)\`, \`ii.\`: Pandoc's fancy lists, which a conversion from Word brings), at a paragraph's start, where it prints as a paragraph, and under a list item or after a line ending with \`:\`, at any depth, where Markdown joins it to the line above (\`2. former : a) les enseignants ; b) …\` on one line); a letter that is part of the text, as in a statute quoted (\`> (a) to take…\`), is kept as written with a backslash before its first bracket or after its letter, \`\\(a)\`, \`a\\)\`, \`ii\\.\`, which prints \`(a)\`, \`a)\`, \`ii.\` and is not reported; line blocks (\`| ligne\`); Pandoc's grid, simple and multiline tables (a
\`+----+\` border, or column rules \`-------  ------\`: Markdown reads them as text and horizontal rules); highlights written \`==texte==\` (Pandoc's \`mark\`
extension, Obsidian, Typora), where rapporteur reads Pandoc's \`[texte]{.mark}\`; cross-reference prefixes Quarto has and
rapporteur does not (\`@eq-x\`, \`@lst-x\`, \`@thm-x\`, \`@def-x\`…: printed as written, never a source), or mixed with citations in one bracket; and an alert of a kind other than
GitHub's five (\`> [!info]\`: Obsidian has more), printed as a quotation. From Obsidian, Foam and Logseq:
wiki links (\`[[Chapitre 3]]\`) and embeds (\`![[carte.png]]\`), printed as written, and comments
(\`%%…%%\`), which Obsidian hides and the report would publish; from MkDocs and Markdown Extra:
admonitions (\`!!! note "Titre"\`) and abbreviations (\`*[ONG]: …\`); from a spreadsheet, a table pasted as
text (a line a row, tabs between the cells), which prints as one paragraph; Quarto's layout: a figure or
table made of a div (\`::: {#fig-x}\`), panels side by side (\`layout-ncol=2\`), margin and wide columns
(\`.column-margin\`) and tabs (\`.panel-tabset\`), printed as plain blocks in the text column; from Word through Pandoc (\`--track-changes=all\`):
tracked insertions and deletions (\`[texte]{.deletion author="Marie"}\`) and reviewers' comments
(\`.comment-start\`), which would be published as text; and from Word, a list pasted
with its bullets (\`•\` and a tab), likewise; from GitHub: emoji shortcodes
(\`:warning:\`, any name gemoji knows, with the character to type); a link or image whose address holds a
space (\`![Carte](Images/Carte Région.png)\`), which Markdown prints as written; and character references
Markdown prints as written, \`&nbsp\` without its \`;\` or a name HTML does not have (\`&foo;\`).
A footnote (\`[^1]: …\`) may hold several paragraphs and lists, each printed on a line of the note;
any other block in it is reported, since a note prints as lines of text at the page's foot: a table
(its cells would run together), a code block, a display formula (printed as its TeX), a heading, a
quotation, a div, raw HTML, a horizontal rule (left out).
LaTeX in the prose is reported too, with what to write instead (\`\\cite{clé}\`: \`[@clé]\`; \`\\ref{…}\`,
\`\\footnote{…}\`, \`\\textbf{…}\`, \`\\og\`…\`\\fg{}\`, \`\\begin{…}\`): a command with an argument, or one of the
few typed bare, never a path such as \`C:\\Users\`. Link addresses are not read for any of these. Inline code and code blocks are
never reported, nor is TeX maths (\`$…$\`, \`$$…$$\`), which rapporteur typesets (see
\`invalid-math\`). Inline notes (\`^[…]\`), sub- and superscripts (\`H~2~O\`, \`10^6^\`) and definition lists
(a term, then \`: définition\`) are read, as Pandoc reads them; so are GitHub's alerts (\`> [!NOTE]\`,
\`[!TIP]\`, \`[!IMPORTANT]\`, \`[!WARNING]\`, \`[!CAUTION]\`), as callouts. Quarto's conditional content
(\`::: {.content-visible when-format="html"}\`, \`[…]{.content-hidden unless-format="pdf"}\`) is read too,
\`html\` being the web page and \`pdf\` (or \`latex\`, \`typst\`) the PDF; what is reported is a condition on
Quarto's metadata or profiles (\`when-meta\`, \`when-profile\`: shown as if it held), a format name Quarto
does not have, and content for formats rapporteur does not make (\`when-format="docx"\`), left out of both.`,
  examples: {
    ok: [
      {'chapters/intro.md': 'La :term[sextorsion] progresse [@enquete-2024].\n\n::: {.content-visible when-format="html"}\nVoir la carte interactive.\n:::\n\n[Version imprimée.]{.content-hidden unless-format="pdf"}\n'},
      {'chapters/intro.md': "La :term[sextorsion] progresse [@enquete-2024]. Le code `{{< include x >}}` est montré tel quel, la formule $a^2+b^2=c^2$ est mise en forme, et 10 $ ou 5 € restent du texte.\n"},
      {'chapters/intro.md': 'La :term[sextorsion] progresse^[Selon une enquête [@enquete-2024].] : H~2~O, 10^6^ cas, le 1^er^ mai.\n\nSextorsion\n: Chantage à la diffusion d’images intimes.\n'},
      {'chapters/intro.md': 'La :term[sextorsion] progresse [@enquete-2024]. Le sujet dépasse la question technique\n: il touche à la santé et à la justice.\n'},
      {'chapters/intro.md': '## Méthode {#sec-methode}\n\n::: {.callout-note}\nÀ retenir : la :term[sextorsion] progresse [@enquete-2024].\n:::\n\nVoir la @sec-methode.\n'},
      {'chapters/intro.md': '> [!TIP] À retenir\n> La :term[sextorsion] progresse [@enquete-2024].\n\n> Une citation [!NOTE] ordinaire.\n'},
      {'chapters/intro.md': 'La :term[sextorsion] progresse [@enquete-2024].\n\n---\n\n- - -\n\nLa suite.\n'},
      {'chapters/intro.md': 'La :term[sextorsion] progresse [@enquete-2024] : à 14:30:00, selon [le site](https://example.org/?a=1&copy=2&b==c) d’AT&T et de R&D, `:warning:` et `%%`, avec&nbsp;des &eacute;carts.\n'}
    ],
    notOk: [
      {'chapters/intro.md': '## Méthode\n\nLa :term[sextorsion] progresse [@enquete-2024].\n\n{{< include autre.qmd >}}\n'},
      {'chapters/intro.md': 'La :term[sextorsion] progresse [@enquete-2024] {.rouge}, voir @eq-taux.\n\n:::\n\n(@) Un exemple.\n'},
      {'chapters/intro.md': 'La :term[sextorsion] progresse^[Une note.] [@enquete-2024], et ^[ celle-ci ne se ferme pas.\n'},
      {'chapters/intro.md': 'La :term[sextorsion] progresse [@enquete-2024].\n\n![Carte](carte.svg){width="large"}\n', 'chapters/carte.svg': '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 2"></svg>\n'},
      {'chapters/intro.md': 'La :term[sextorsion] progresse [@enquete-2024].\n\n\\newpage\n\n```{=html}\n<div></div>\n```\n\n```{r}\nsummary(x)\n```\n'},
      {'chapters/intro.md': 'La :term[sextorsion] [@enquete-2024].\n\nSextorsion\n~ Chantage à la diffusion d’images intimes.\n\n- Grooming\n  : Pédopiégeage.\n'},
      {'chapters/intro.md': '> [!info] À retenir\n> La :term[sextorsion] progresse [@enquete-2024].\n'},
      {'chapters/intro.md': 'La :term[sextorsion] progresse [@enquete-2024], voir [[Méthode]] :warning:.\n\n![[carte.png]]\n\n%%à vérifier%%\n\nUn&nbsp écart et &foo;.\n'},
      {'chapters/intro.md': 'La :term[sextorsion] progresse \\cite{enquete-2024}, voir \\og la méthode \\fg{} \\ref{sec:methode}.\n'},
      {'chapters/intro.md': 'La :term[sextorsion] progresse [@enquete-2024].\n\n!!! note "À retenir"\n    Les signalements progressent.\n\n*[ONG]: Organisation non gouvernementale\n'},
      {'chapters/intro.md': 'La :term[sextorsion] progresse [@enquete-2024].\n\n![Carte des signalements](Images/Carte Région.png)\n'},
      {'chapters/intro.md': 'La :term[sextorsion] progresse [@enquete-2024].\n\nRégion\tSignalements\tPart\nNord\t1 200\t12 %\nSud\t800\t8 %\n'},
      {'chapters/intro.md': 'La :term[sextorsion] progresse [@enquete-2024].\n\n::: {.content-visible when-format="docx"}\nPour la version Word.\n:::\n\n::: {.content-hidden when-profile="public"}\nBrouillon.\n:::\n\n[Version web]{.content-visible when-format="htlm"}\n'},
      {'chapters/intro.md': 'La :term[sextorsion] progresse [@enquete-2024].\n\n::: {#fig-horaires layout-ncol=2}\n![Plan](a.png)\n\n![Horaires](b.png){.column-margin}\n:::\n\n::: {.panel-tabset}\n## Un\n\nTexte.\n:::\n'},
      {'chapters/intro.md': 'La :term[sextorsion] progresse [@enquete-2024].\n\n1. Première étape\n\na.  Sous-étape alpha\nb.  Sous-étape bêta\n\n1. Prévenir :\n   1. former les professionnels :\n      a) les enseignants ;\n      b) les magistrats ;\n'},
      {'chapters/intro.md': 'La :term[sextorsion] progresse [@enquete-2024] [nettement]{.deletion author="Marie"}[fortement]{.insertion author="Marie"}.[À vérifier]{.comment-start id="0" author="Paul"}[]{.comment-end id="0"}\n'},
      {'chapters/intro.md': 'La :term[sextorsion] progresse[^1] [@enquete-2024].\n\n[^1]: Selon l’enquête :\n\n    | Année | Cas |\n    |---|---|\n    | 2023 | 12 |\n'},
      {'chapters/intro.md': 'La :term[sextorsion] progresse [@enquete-2024].\n\n+---------+---------+\n| Pays    | Région  |\n+=========+=========+\n| France  | Europe  |\n+---------+---------+\n\n  Pays      Région\n  -------  -------\n  France    Europe\n'}
    ]
  },
  check({model, report}) {
    // A pipe table's header row in the suggestions, in the report's language.
    const headerRow = isFrench(model.config.lang) ? '| Pays | Part |' : '| Country | Share |'
    for (const document of model.documents) {
      const text = String(document.file.value)
      // A list item's paragraphs: a lettered line there is a list for Pandoc, joined to the line above here.
      const inItems = new Set<Nodes>()
      eachNode(document.tree, (node: Nodes) => {
        if (node.type === 'listItem') for (const child of node.children) if (child.type === 'paragraph') inItems.add(child)
      })
      const at = (start: number, end: number) => ({file: document.path, position: positionFromOffsets(document.file, start, end)})
      const atNode = (node: Nodes) => ({file: document.path, position: node.position!})
      eachNode(document.tree, (node: Nodes) => {
        if (!node.position) return
        // Quarto's `.content-visible` / `.content-hidden`, placed on the div's opening line.
        const conditioned = node.type === 'fencedDiv' || node.type === 'span' ? node.attributes : node.type === 'code' ? node.data?.attributes : undefined
        if (conditioned) {
          const start = node.position.start.offset ?? 0
          const place = node.type === 'span' ? atNode(node) : at(start, lineEndOffset(text, start))
          for (const message of conditionMessages(conditioned)) report(place, message)
          for (const message of layoutMessages(conditioned, node.type === 'fencedDiv' ? 'div' : 'inline')) report(place, message)
          if (node.type === 'span') for (const message of trackedChangeMessages(conditioned)) report(place, message)
        }
        if (node.type === 'code') {
          const lang = node.lang ?? ''
          const start = node.position.start.offset ?? 0
          // Raw HTML is printed where the project allows it; raw-html reads it then.
          if (lang === '{=html}' && model.config.check.html) return
          if (rawBlock.test(lang)) report(at(start, start + 3 + lang.length), `Unexpected raw \`${lang}\` block, expected Markdown (rapporteur writes the HTML and the PDF from it; raw HTML only with \`check.html: true\`): it is left out`)
          else if (codeCell.test(lang)) report(at(start, start + 3 + lang.length), `Unexpected Quarto code cell \`${lang}\`, expected its output (a table, or an image saved beside the chapter): rapporteur shows the code and never runs it`)
          return
        }
        if (node.type === 'footnoteDefinition') for (const finding of noteBlockFindings(node)) report(atNode(finding.node), finding.message)
        if (node.type === 'shortcode') {
          // `{{< meta title >}}`: printed, rapporteur.yaml's title.
          if (metaValue(node.value, model.config) === undefined) report(atNode(node), shortcodeMessage(node.value))
          return
        }
        if (node.type === 'image' && node.data?.attributes) for (const message of layoutMessages(node.data.attributes, 'inline')) report(atNode(node), message)
        if ((node.type === 'image' || node.type === 'link' || node.type === 'inlineCode') && node.data?.attributes) {
          for (const key of ['width', 'height'] as const) {
            const value = node.data.attributes.pairs[key]
            if (value !== undefined && !cssLength(value)) report(atNode(node), `Unexpected ${key} \`${value}\`, expected a length such as \`70%\`, \`8cm\` or \`300\` (pixels): it is left out`)
          }
          return
        }
        if (node.type === 'attributes') {
          // `$$ x = 1 $$ {#eq-x}`: Quarto's numbered equation, which rapporteur does not number.
          if (node.attributes.id && /^eq-/u.test(node.attributes.id)) report(atNode(node), `Unexpected equation id \`{${node.value}}\`, expected none: rapporteur does not number equations (it cross-references figures, tables and sections only), so it is left out, with no number by the formula`)
          else report(atNode(node), `Unexpected attributes \`{${node.value}}\` that apply to nothing, expected them right after a heading's text, an image, a link, a code span or a \`[span]\`: they are left out`)
          return
        }
        if (node.type === 'blockquote') {
          const alert = alertMarker(node)
          const start = node.children[0]?.position?.start.offset
          if (alert && !alert.known && start !== undefined) report(at(start, start + alert.written.length), `Unexpected alert \`${alert.written}\`, expected one of GitHub's and Quarto's five kinds, ${alertKinds.map((kind) => `\`[!${kind.toUpperCase()}]\``).join(', ')}${didYouMean(alert.kind, alertKinds)}: it prints as a quotation, its marker with it`)
          return
        }
        if (node.type === 'paragraph' && node.data?.rawTex) {
          report(atNode(node), `Unexpected LaTeX \`${toString(node).trim()}\`, expected nothing: chapters start on a new page and the theme's print CSS places breaks; it is left out`)
          return
        }
        if (node.type === 'thematicBreak') {
          // `-------  ------`: the column rules of a Pandoc simple or multiline table, which
          // Markdown reads as a horizontal rule between paragraphs of the table's cells.
          const rule = text.slice(node.position.start.offset ?? 0, node.position.end.offset ?? 0)
          if (tableRule.test(rule)) report(atNode(node), `Unexpected Pandoc simple or multiline table (its column rules \`${rule.trim()}\`), expected a pipe table: a header row \`${headerRow}\`, a separator row \`|---|---|\`, then one row a line: its cells print as paragraphs around a horizontal rule`)
          return
        }
        if (node.type !== 'paragraph' && node.type !== 'heading' && node.type !== 'tableCell' && node.type !== 'defListTerm') return
        const start = node.position.start.offset
        const end = node.position.end.offset
        if (start === undefined || end === undefined) return
        let source = text.slice(start, end)
        const grid = node.type === 'paragraph' ? gridBorder.exec(source) : null
        if (grid) {
          // One finding for the table, not one line block a row.
          report(at(start + grid.index, start + grid.index + grid[0].length), `Unexpected Pandoc grid table (\`${grid[0].trim()}\`), expected a pipe table: a header row \`${headerRow}\`, a separator row \`|---|---|\`, then one row a line: it prints as lines of text`)
          return
        }
        const pasted = node.type === 'paragraph' && source.includes('\t') ? pastedText(source) : undefined
        if (pasted) {
          report(at(start + pasted.index, start + pasted.index + pasted.length), pasted.message)
          return
        }
        // Every syntax reported holds one of these: most prose has none, and is passed over at once.
        if (!mayHold.test(source)) return
        // Inline code is shown as written, maths is typeset, and an address is no prose: blank
        // them out (same length, so offsets stay true). `$a^2 + b^2$` holds no superscript, and
        // `https://exemple.org/?a=1&copy=2` no character reference.
        // A note's own `^[` opened a note: only one left in the text opened none.
        eachNode(node, (inner: Nodes) => {
          const blank = blankedOut(inner, text)
          if (!blank) return
          const [from, to] = [blank[0] - start, blank[1] - start]
          source = source.slice(0, from) + ' '.repeat(Math.max(0, to - from)) + source.slice(to)
        })
        const syntaxes = node.type === 'paragraph' ? [...inlineSyntaxes, ...blockSyntaxes] : inlineSyntaxes
        for (const syntax of syntaxes) {
          for (const match of source.matchAll(syntax.pattern)) {
            if (syntax.when && !syntax.when(match)) continue
            // A function, not a string: in a replacement string `$$` (TeX's display maths) means `$`.
            const message = typeof syntax.message === 'function' ? syntax.message(match) : syntax.message.replaceAll('$&', () => match[0].trim())
            // A `:::` after a block nested in another with as many colons: which block it closed.
            const stray = syntax.id === 'fenced-div' ? strayFenceMessage(document.tree, text, document.path, start + match.index, match[0].trim()) : undefined
            report(at(start + match.index, start + match.index + match[0].length), stray?.message ?? message, stray?.extras)
          }
        }
        if (node.type === 'paragraph') for (const line of letteredLines(source, inItems.has(node))) report(at(start + line.index, start + line.index + line.length), line.message)
      })
    }
    // A Quarto cross-reference rapporteur does not number (`@eq-x`, `@thm-x`): printed as written.
    for (const use of model.otherCrossReferences) report(use, otherReferenceMessage(use.node.value))
    // A cross-reference in a bracket with citations.
    const keys = new Set(model.sources.map((entry) => entry.value.id))
    for (const use of model.citations) {
      if (!quartoReference.test(use.key) || keys.has(use.key)) continue
      report(use, otherCrossReferencePrefix.test(use.key) ? otherReferenceMessage(`@${use.key}`) : `Unexpected cross-reference \`@${use.key}\` here, expected \`@fig-…\`, \`@tbl-…\` or \`@sec-…\` in a bracket of its own (\`[@fig-carte]\`), apart from citations`)
    }
  }
})

/** What each of Quarto's other cross-reference prefixes names, for a message. */
const otherKinds: Record<string, string> = {eq: 'equation', lst: 'code listing', thm: 'theorem', lem: 'lemma', cor: 'corollary', prp: 'proposition', cnj: 'conjecture', def: 'definition', exm: 'example', exr: 'exercise', sol: 'solution', rem: 'remark', alg: 'algorithm', tip: 'callout', nte: 'callout', wrn: 'callout', imp: 'callout', cau: 'callout'}

/** `@eq-x`, `@thm-x`: a kind of cross-reference Quarto numbers and rapporteur does not. */
function otherReferenceMessage(written: string): string {
  const kind = otherKinds[/^-?@(\p{L}+)-/u.exec(written)?.[1]?.toLowerCase() ?? ''] ?? 'element'
  return `Unexpected cross-reference \`${written}\` to ${/^[aeiou]/u.test(kind) ? 'an' : 'a'} ${kind}, expected \`@fig-…\`, \`@tbl-…\` or \`@sec-…\`: rapporteur cross-references figures, tables and sections only, so it is printed as written; write the reference in words (\`the ${kind} below\`)`
}
