import {toHtml} from 'hast-util-to-html'
import {afterAll, describe, expect, test} from 'vitest'
import {check} from '../../src/api/check.js'
import {renderEdition} from '../../src/render/edition.js'
import {removeProject, writeProject} from '../helpers/project.js'
import {ruleFindings} from '../helpers/rule-findings.js'

/**
 * What writers bring from Obsidian, MkDocs and GitHub, and Markdown prints as written: each is
 * reported by `unsupported-syntax` at its place, with what to write; text that only looks like it
 * (a clock time, an address, a company name, code) is not.
 */
const findings = ruleFindings('unsupported-syntax', {endColumn: true})
const figureFindings = ruleFindings('figure-needs-citation')
const imageFindings = ruleFindings('missing-image')
const base = 'La :term[sextorsion] progresse [@enquete-2024].\n\n'
const made: string[] = []
afterAll(async () => Promise.all(made.map((dir) => removeProject(dir))))

describe('syntax of other Markdown tools', () => {
  test('Obsidian: wiki links, embeds and comments', async () => {
    expect(await findings({'chapters/intro.md': `${base}Voir [[Méthode]] et [[03-business#Le marché|le marché]].\n\n![[carte.png]]\n\n%%à vérifier avant publication%%\n\n%%\n\nUn commentaire sur deux paragraphes.\n\n%%\n`})).toEqual([
      'chapters/intro.md:3:6-17 Unexpected wiki link `[[Méthode]]` (Obsidian), expected a Markdown link to a part of the report, `[texte](#id)`, or `:ref[#id]`: it prints as written',
      'chapters/intro.md:3:21-56 Unexpected wiki link `[[03-business#Le marché|le marché]]` (Obsidian), expected a Markdown link to a part of the report, `[texte](#id)`, or `:ref[#id]`: it prints as written',
      'chapters/intro.md:5:1-15 Unexpected embed `![[carte.png]]` (Obsidian), expected an image in Markdown, `![alternative text](file.png)`: it prints as written, without the image',
      'chapters/intro.md:7:1-33 Unexpected Obsidian comment `%%à vérifier avant publication%%`, expected an HTML comment, `<!-- … -->`, which the output leaves out: this text would be published as written',
      'chapters/intro.md:9:1-3 Unexpected Obsidian comment `%%`, expected an HTML comment, `<!-- … -->`, which the output leaves out: this text would be published as written',
      'chapters/intro.md:13:1-3 Unexpected Obsidian comment `%%`, expected an HTML comment, `<!-- … -->`, which the output leaves out: this text would be published as written'
    ])
  })

  test('MkDocs: admonitions and abbreviations', async () => {
    const result = await findings({'chapters/intro.md': `${base}!!! note "À retenir"\n    Les signalements progressent.\n\n??? tip\n    Replié.\n\n*[ONG]: Organisation non gouvernementale\n`})
    expect(result.map((line) => line.slice(0, line.indexOf('(') - 1))).toEqual([
      'chapters/intro.md:3:1-21 Unexpected admonition `!!! note "À retenir"`',
      'chapters/intro.md:6:1-8 Unexpected admonition `??? tip`',
      'chapters/intro.md:9:1-41 Unexpected abbreviation `*[ONG]: Organisation non gouvernementale`'
    ])
  })

  test('GitHub: an emoji shortcode gemoji knows, with the character to type', async () => {
    const result = await findings({'chapters/intro.md': `${base}Attention :warning: et bravo :tada: ; mais :rapporteur: n’en est pas un.\n`})
    expect(result).toEqual([
      "chapters/intro.md:3:11-20 Unexpected emoji shortcode `:warning:`, expected the character itself, ⚠️, if the report's fonts have it (the build reports a character they lack), or a word: it prints as written",
      "chapters/intro.md:3:30-36 Unexpected emoji shortcode `:tada:`, expected the character itself, 🎉, if the report's fonts have it (the build reports a character they lack), or a word: it prints as written"
    ])
  })

  test('character references Markdown prints as written', async () => {
    expect(await findings({'chapters/intro.md': `${base}Un&nbsp écart, un &eacute;cart, un &foo; et un \\&nbsp écrit exprès.\n`})).toEqual([
      'chapters/intro.md:3:3-8 Unexpected `&nbsp` without its `;`, expected `&nbsp;`: it prints as written',
      'chapters/intro.md:3:36-41 Unexpected character reference `&foo;`, expected one HTML names (`&nbsp;`, `&eacute;`) or the character itself: it prints as written'
    ])
  })

  test('LaTeX in the prose, with what to write instead', async () => {
    const result = await findings({'chapters/intro.md': `${base}Selon \\cite{doe2020}, voir \\ref{fig:carte}\\footnote{Une note.} et \\textbf{ceci} \\og là \\fg{}.\n\n\\begin{itemize}\n\\item Un point.\n\\end{itemize}\n`})
    expect(result.map((line) => line.slice(0, line.indexOf(', expected')) + ' →' + line.slice(line.indexOf(', expected') + 10, line.indexOf(': it prints')))).toEqual([
      'chapters/intro.md:3:7-21 Unexpected LaTeX `\\cite{doe2020}` → a citation, `[@key]` (or `@key` in the sentence)',
      'chapters/intro.md:3:28-43 Unexpected LaTeX `\\ref{fig:carte}` → `:ref[#id]`, or `@fig-…`, `@tbl-…`, `@sec-…`',
      'chapters/intro.md:3:43-63 Unexpected LaTeX `\\footnote{Une note.}` → an inline note, `^[the note’s text]`',
      'chapters/intro.md:3:67-80 Unexpected LaTeX `\\textbf{ceci}` → `**texte**`',
      'chapters/intro.md:3:81-84 Unexpected LaTeX `\\og` → « and » themselves (or straight quotes, made French in print)',
      'chapters/intro.md:3:88-93 Unexpected LaTeX `\\fg{}` → « and » themselves (or straight quotes, made French in print)',
      'chapters/intro.md:5:1-16 Unexpected LaTeX `\\begin{itemize}` → Markdown: a pipe table, a list, a `::: {.class}` div or `$$…$$` maths',
      'chapters/intro.md:7:1-14 Unexpected LaTeX `\\end{itemize}` → Markdown: a pipe table, a list, a `::: {.class}` div or `$$…$$` maths'
    ])
  })

  test('pandoc-crossref’s cross-references: the Quarto form to write, for each prefix', async () => {
    const unknownSources = ruleFindings('unknown-source')
    expect(await unknownSources({'chapters/intro.md': `${base}Voir la @fig:carte, le [@tbl:regions] et la @sec:methode.\n`})).toEqual([
      "chapters/intro.md:3:9 Unexpected source key `fig:carte`: `@fig:carte` is pandoc-crossref's cross-reference, expected Quarto's, which rapporteur numbers: `@fig-carte`, with `{#fig-carte}` on the image",
      "chapters/intro.md:3:25 Unexpected source key `tbl:regions`: `@tbl:regions` is pandoc-crossref's cross-reference, expected Quarto's, which rapporteur numbers: `@tbl-regions`, with `{#tbl-regions}` on the table caption",
      "chapters/intro.md:3:45 Unexpected source key `sec:methode`: `@sec:methode` is pandoc-crossref's cross-reference, expected Quarto's, which rapporteur numbers: `@sec-methode`, with `{#sec-methode}` on the heading"
    ])
  })

  test('what only looks like them is not reported', async () => {
    const prose = [
      'À 14:30:00 le 12:05, selon [le site](https://example.org/a:warning:/?a=1&copy=2&b==c) et <https://example.org/?x=1&nbsp=2>,',
      'AT&T et R&D, `:warning:`, `%%`, `[[x]]` et `&nbsp`, le ratio 3:1:2, :term[sextorsion] et :ref[#intro] ;',
      'la liste [[a], [b]] et le tableau [1, [2, 3]], le dossier C:\\\\Users\\\\moi\\\\rapports, \\\\cite{écrit exprès} et $\\\\frac{a}{b}$.',
      '',
      '![Carte](carte.png "a:tada:&foo;")',
      ''
    ].join('\n')
    expect(await findings({'chapters/intro.md': `${base}${prose}`, 'chapters/carte.png': ''})).toEqual([])
  })
})

describe("Quarto's conditional content", () => {
  test('a condition on metadata or a profile, a format no one has, content for neither output: each at its place', async () => {
    const chapter = 'La :term[sextorsion] progresse [@enquete-2024].\n\n::: {.content-hidden when-profile="public"}\nBrouillon.\n:::\n\nLe texte [version web]{.content-visible when-format="htlm"} continue.\n\n```{.r .content-visible when-format="docx"}\nx\n```\n'
    expect(await findings({'chapters/intro.md': chapter})).toEqual([
      'chapters/intro.md:3:1-44 Unexpected `when-profile`, expected `when-format` or `unless-format` (`html` for the web page, `pdf` for the PDF): rapporteur has no Quarto metadata or profiles, so the content is shown as if the condition held',
      'chapters/intro.md:7:10-60 Unexpected format `htlm`, expected `html` (the web page) or `pdf` (the PDF), did you mean `html`?: it matches neither',
      'chapters/intro.md:7:10-60 Unexpected content for neither the web page nor the PDF (the two outputs rapporteur makes): it is left out of both',
      'chapters/intro.md:9:1-44 Unexpected content for neither the web page nor the PDF (the two outputs rapporteur makes): it is left out of both'
    ])
  })
})

describe('a table pasted from a spreadsheet', () => {
  test('cells apart by tabs, a row a line: one finding at its first row, with the pipe row to write', async () => {
    expect(await findings({'chapters/intro.md': 'La :term[sextorsion] progresse [@enquete-2024].\n\nRégion\tSignalements\tPart\nNord\t1 200\t12 %\nSud\t800\t8 %\n'})).toEqual([
      'chapters/intro.md:3:1-25 Unexpected table pasted from a spreadsheet (cells apart by tabs), expected a pipe table: `| Région | Signalements | Part |`, then `|---|---|---|`, one row a line: it prints as one paragraph, its cells run together'
    ])
  })

  test('one line with a tab, or tabs only at a line’s ends, is not a table', async () => {
    expect(await findings({'chapters/intro.md': 'La :term[sextorsion] progresse [@enquete-2024].\n\nUne ligne avec\tune tabulation.\nPuis une autre sans.\n\nUne fin de ligne\t\nEncore une\t\n'})).toEqual([])
  })
})

describe('a wiki link is reported once, not as a figure too', () => {
  test('its target is a note’s name; the words it shows are prose', async () => {
    expect(await figureFindings({'chapters/intro.md': 'La :term[sextorsion] progresse [@enquete-2024].\n\nVoir [[Chapitre 3]] et [[Annexe 2|les 45 mesures]].\n'})).toEqual([
      'chapters/intro.md:3:39 Unexpected figure `45` without a source, expected a citation in its sentence, a footnote with one, or a `stat` block'
    ])
  })
})

describe('an address with a space', () => {
  test('an image or a link whose address holds a space is printed as written: said, with the angle brackets to write', async () => {
    expect(await findings({'chapters/intro.md': 'La :term[sextorsion] progresse [@enquete-2024].\n\n![Carte des régions](Images/Carte Région.png)\n\nVoir [la note](annexes/note de synthèse.pdf).\n'})).toEqual([
      'chapters/intro.md:3:1-46 Unexpected image `![Carte des régions](Images/Carte Région.png)` whose address holds a space, expected the address in angle brackets, `![Carte des régions](<Images/Carte Région.png>)` (or each space written `%20`): Markdown prints it as written',
      'chapters/intro.md:5:6-45 Unexpected link `[la note](annexes/note de synthèse.pdf)` whose address holds a space, expected the address in angle brackets, `[la note](<annexes/note de synthèse.pdf>)` (or each space written `%20`): Markdown prints it as written'
    ])
  })

  test('a title after the address, angle brackets, and %20 are links as written', async () => {
    expect(await findings({'chapters/intro.md': 'La :term[sextorsion] progresse [@enquete-2024] : [le rapport](https://example.org/r "Le rapport 2024"), [la note](<annexes/note de synthèse.pdf>), [la carte](carte%202024.png).\n'})).toEqual([])
  })
})

describe('the address in angle brackets', () => {
  test('names the file with its spaces', async () => {
    expect(await imageFindings({'chapters/intro.md': 'La :term[sextorsion] progresse [@enquete-2024].\n\n![Carte des régions](<Images/Carte Région.gif>)\n', 'chapters/Images/Carte Région.gif': 'GIF89ad\u00002\u0000\n'})).toEqual([])
  })
})

describe('a Windows path', () => {
  test('an image path written with backslashes is missing, with the path to write', async () => {
    expect(await imageFindings({'chapters/intro.md': 'La :term[sextorsion] progresse [@enquete-2024].\n\n![Logo de la fondation](images\\logo.gif)\n', 'chapters/images/logo.gif': 'GIF89ad\u00002\u0000\n'})).toEqual([
      'chapters/intro.md:3:1 Unexpected missing image `images\\logo.gif`, expected a file at `chapters/images\\logo.gif` or `images\\logo.gif` (a path is written with `/`, as on the web: `images/logo.gif`)'
    ])
  })
})

describe('a list pasted from Word', () => {
  const listFindings = ruleFindings('unsupported-syntax')
  test('its bullets and tabs are a list, not a table: said with the Markdown list to write', async () => {
    expect(await listFindings({'chapters/intro.md': 'La :term[sextorsion] progresse [@enquete-2024].\n\n•\tLes jeunes recensés sont surtout des garçons.\n•\tUn quart sont mineurs.\no\tDont la moitié sans famille.\n\n1.\tPremière mesure.\n2.\tSeconde mesure.\n'})).toEqual([
      'chapters/intro.md:3:1 Unexpected list pasted from Word (`•` and a tab before each item), expected a Markdown list: `- Les jeunes recensés sont surtout des garçons.`, one item a line (`1.` for a numbered one; two spaces more for a sub-item): it prints as one paragraph, its bullets with it'
    ])
  })
})

describe('ages the law counts from', () => {
  test('`under 18`, `turn 18` are ages, not figures; a count after such a number still is one', async () => {
    expect(await figureFindings({'chapters/intro.md': 'La :term[sextorsion] progresse [@enquete-2024].\n\nMany were under 18. Care stops when young people turn 18. Over 16 shelters closed.\n'})).toEqual([
      'chapters/intro.md:3:64 Unexpected figure `16` without a source, expected a citation in its sentence, a footnote with one, or a `stat` block'
    ])
  })
})

describe('lists by letter or Roman numeral (Pandoc\'s fancy lists, from Word)', () => {
  test('a paragraph that starts with `a.`, `b)`, `(c)` or `ii.` is reported; a hard-wrapped line starting `p. 142]` is text', async () => {
    const chapter = `${base}1. Première étape\n\na.  Sous-étape alpha\nb.  Sous-étape bêta\n\n(c) Troisième\n\nii. Deuxième\n\nUne phrase qui cite [@enquete-2024,\np. 142] et continue, puis une autre\nc. 1900 dans le texte.\n`
    const found = (await findings({'chapters/intro.md': chapter})).map((line) => line.slice(0, line.indexOf(', expected')))
    expect(found).toEqual([
      'chapters/intro.md:5:1-5 Unexpected lettered list item `a.`',
      'chapters/intro.md:8:1-5 Unexpected lettered list item `(c)`',
      'chapters/intro.md:10:1-5 Unexpected lettered list item `ii.`'
    ])
  })

  test('a lettered line under a list item, at any depth, or after a line ending with `:`, is reported at its marker: Markdown joins it to the line above', async () => {
    const chapter = `${base}1. Prévenir :\n   1. former les professionnels :\n      a) les enseignants ;\n      b) les magistrats ;\n   2. contrôler.\n\nLes obligations :\ni) premier ;\nii) second.\n\n> Une citation :\n> (a) un point.\n\n- un point\n  i. sous-point\n`
    const found = await findings({'chapters/intro.md': chapter})
    expect(found.map((line) => line.slice(0, line.indexOf(', expected')))).toEqual([
      'chapters/intro.md:5:7-9 Unexpected lettered list item `a)`',
      'chapters/intro.md:10:1-3 Unexpected lettered list item `i)`',
      'chapters/intro.md:14:3-6 Unexpected lettered list item `(a)`',
      'chapters/intro.md:17:3-5 Unexpected lettered list item `i.`'
    ])
    expect(found[0]).toContain('expected a numbered list (`1.` or `1)`, printed 1, 2, 3 with its `.` or `)`) or a bullet list (`-`)')
    expect(found[0]).toContain('so this line is joined to the one above it (a list under an item: `1.` indented as far as the item’s text)')
  })

  test('a statute quoted keeps its letters: the finding says to write `\\(a)` (or `a\\)`, `ii\\.`), which is not reported and prints the letter as written', async () => {
    const found = await findings({'chapters/intro.md': `${base}> (a) to take, or permit to be taken, any photograph;\n\nb) second;\n\nii. third.\n`})
    expect(found.map((line) => /or, to keep the letter as written \(a law or a text quoted\), `([^`]+)`, which prints `([^`]+)`/u.exec(line)?.slice(1))).toEqual([['\\(a)', '(a)'], ['b\\)', 'b)'], ['ii\\.', 'ii.']])
    const escaped = `${base}> \\(a) to take, or permit to be taken, any photograph;\n\nb\\) second;\n\nii\\. third.\n`
    expect(await findings({'chapters/intro.md': escaped})).toEqual([])
    const dir = await writeProject({'chapters/intro.md': escaped})
    made.push(dir)
    const result = await check(dir)
    if (!result.ok) throw new Error('project did not load')
    const html = (await renderEdition(result.model, 'full', {mode: 'print', pageOf: {full: 'rapport.html', synthesis: 'synthese.html'}})).main.map((node) => toHtml(node)).join('')
    expect(html).toMatch(/<blockquote[^>]*>\n<p[^>]*>\(a\) to take, or permit to be taken, any photograph;<\/p>\n<\/blockquote>/u)
    expect(html).toMatch(/<p[^>]*>b\) second;<\/p>/u)
    expect(html).toMatch(/<p[^>]*>ii\. third\.<\/p>/u)
  })

  test('a hard-wrapped line that starts like an item is text: `c. 1900`, `a) et b)`, after a line that does not end with `:`', async () => {
    const chapter = `${base}Une phrase longue, écrite vers\nc. 1900 et reprise ensuite, puis\nles points\na) et b) du contrat.\n`
    expect(await findings({'chapters/intro.md': chapter})).toEqual([])
  })
})
