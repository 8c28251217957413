import {toHtml} from 'hast-util-to-html'
import {afterAll, describe, expect, test} from 'vitest'
import {check} from '../../src/api/check.js'
import {renderEdition} from '../../src/render/edition.js'
import {baseProject, removeProject, writeProject} from '../helpers/project.js'
import {editionHtml} from '../helpers/two-editions.js'

/** Pandoc and Quarto syntax, rendered: figures, captions, cross-references, callouts, divs, spans. */
const made: string[] = []
afterAll(async () => Promise.all(made.map((dir) => removeProject(dir))))

const english = {...baseProject, 'rapporteur.yaml': baseProject['rapporteur.yaml']!.replace('lang: fr', 'lang: en')}

async function render(files: Record<string, string>, options: {mode?: 'web' | 'print'; lang?: 'fr' | 'en'} = {}) {
  const dir = await writeProject(files, options.lang === 'en' ? english : baseProject)
  made.push(dir)
  const result = await check(dir)
  if (!result.ok) throw new Error('project did not load')
  // The base project's second axis has no recommendation in these examples: `empty-axis` is not what they test.
  const findings = result.files.flatMap((file) => file.messages.filter((message) => message.ruleId !== 'empty-axis').map((message) => `${message.ruleId}: ${message.reason}`))
  const edition = await renderEdition(result.model, 'full', {mode: options.mode ?? 'web', pageOf: {full: 'rapport.html', synthesis: 'synthese.html'}})
  return {html: edition.main.map((node) => toHtml(node)).join(''), findings, toc: edition.toc ? toHtml(edition.toc) : ''}
}

const gif = 'GIF89ad\u00002\u0000\n'

describe('figures and tables', () => {
  test('an image alone with `{#fig-…}` is a numbered figure with its caption; `fig-alt` describes it', async () => {
    const {html, findings} = await render({
      'chapters/intro.md': '# Intro\n\n![Carte des signalements](carte.gif){#fig-carte width=8mm fig-alt="Une carte de France"}\n\n![Second](b.gif){#fig-b width=8mm}\n\nVoir la @fig-b, la [-@fig-carte] et :ref[#fig-carte]. [@enquete-2024] :term[sextorsion]\n',
      'chapters/carte.gif': gif,
      'chapters/b.gif': gif
    })
    expect(findings).toEqual([])
    expect(html).toContain('<figure id="fig-carte" class="rp-figure"><img src="assets/images/chapters/carte.gif" alt="Une carte de France" style="width: 8mm"><figcaption class="rp-figure__caption"><span class="rp-figure__label">Figure 1</span>\u00A0: Carte des signalements</figcaption></figure>')
    expect(html).toContain('<span class="rp-figure__label">Figure 2</span>')
    expect(html).toContain('Voir la <a class="rp-ref" href="#fig-b">figure 2</a>, la <a class="rp-ref" href="#fig-carte">1</a> et <a class="rp-ref" href="#fig-carte">figure 1</a>.')
  })

  test('an image’s language is its caption’s: `lang` on the figure, the label in the report’s language', async () => {
    const {html} = await render({'chapters/intro.md': '# Intro\n\n![Part des ménages : en hausse](carte.gif){#fig-carte width=8mm lang=fr}\n\nSee @fig-carte.\n', 'chapters/carte.gif': gif}, {lang: 'en'})
    expect(html).toContain('<figure id="fig-carte" class="rp-figure" lang="fr"><img src="assets/images/chapters/carte.gif" alt="Part des ménages : en hausse" style="width: 8mm"><figcaption class="rp-figure__caption"><span lang="en"><span class="rp-figure__label">Figure 1</span>: </span><span aria-hidden="true">Part des ménages : en hausse</span></figcaption></figure>')
  })

  test('a figure’s caption is Markdown, as Pandoc reads it: its citation a note, its emphasis and subscripts kept, its figures checked', async () => {
    const chapter = '# Intro\n\n![Signalements **en hausse**, 45 % en 2024 [@enquete-2024] sur le CO~2~ selon `@x`^[Une note.]](carte.gif){#fig-carte width=8mm}\n\nVoir la @fig-carte. :term[sextorsion]\n'
    const {html, findings} = await render({'chapters/intro.md': chapter, 'chapters/carte.gif': gif})
    expect(findings).toEqual([])
    expect(html).toMatch(/<figcaption class="rp-figure__caption"><span class="rp-figure__label">Figure 1<\/span>\u00A0: <span aria-hidden="true">Signalements <strong>en hausse<\/strong>, 45 % en 2024 <\/span><a class="rp-note-call" href="#note-1"[^>]*><sup>1<\/sup><\/a><span aria-hidden="true"> sur le CO<sub>2<\/sub> selon <code>@x<\/code><\/span><a class="rp-note-call" href="#note-2"/u)
    // The image's description is the caption's text, without its citation and its note.
    expect(html).toContain('alt="Signalements en hausse, 45 % en 2024 sur le CO2 selon @x"')
    // The figure's cross-reference and the source count as used; a figure of the caption without its citation is found, at its place.
    expect(html).toContain('Voir la <a class="rp-ref" href="#fig-carte">figure 1</a>.')
    const uncited = await render({'chapters/intro.md': chapter.replace(' [@enquete-2024]', ''), 'chapters/carte.gif': gif})
    expect(uncited.findings).toEqual([
      'unused-source: Unexpected unused source `enquete-2024`, expected a citation of it somewhere in the report',
      'figure-needs-citation: Unexpected figure `45 %` without a source, expected a citation in its sentence, a footnote with one, or a `stat` block'
    ])
  })

  test('a note `[^n]` and a link `[texte][label]` in a caption resolve against the chapter\'s definitions, and count as used', async () => {
    const {html, findings} = await render({'chapters/intro.md': '# Intro\n\n![Carte des signalements[^n] du [guide][g]](carte.gif){width=8mm}\n\nUn constat [@enquete-2024] :term[sextorsion].\n\n[^n]: Une note.\n\n[g]: https://example.org/guide\n', 'chapters/carte.gif': gif})
    expect(findings).toEqual([])
    expect(html).toMatch(/<figcaption class="rp-figure__caption"><span aria-hidden="true">Carte des signalements<\/span><a class="rp-note-call" href="#note-1"[^>]*><sup>1<\/sup><\/a><span aria-hidden="true"> du <\/span><a href="https:\/\/example.org\/guide">guide<\/a><\/figcaption>/u)
  })

  test('a caption that says again what the image\'s description says is hidden from screen readers, as Pandoc writes it; not one with a number, a link or a description of its own', async () => {
    const {html} = await render({
      'chapters/intro.md': '# Intro\n\n![Carte des signalements](carte.gif){width=8mm}\n\n![Courbe](carte.gif){width=8mm fig-alt="Une courbe qui monte"}\n\n![Carte numérotée](carte.gif){#fig-c width=8mm}\n\n![Carte annotée^[Une note.]](carte.gif){width=8mm}\n\nVoir la @fig-c. Un constat [@enquete-2024] :term[sextorsion].\n',
      'chapters/carte.gif': gif
    })
    const captions = [...html.matchAll(/<figcaption[^>]*>/gu)].map((match) => match[0])
    expect(captions).toEqual(['<figcaption class="rp-figure__caption" aria-hidden="true">', '<figcaption class="rp-figure__caption">', '<figcaption class="rp-figure__caption">', '<figcaption class="rp-figure__caption">'])
  })

  test('a caption that says the description again but holds a number or a note hides only its words: the number and the note call are read, the words once', async () => {
    const {html} = await render({
      'chapters/intro.md': '# Intro\n\n![Carte *des* signalements](carte.gif){#fig-c width=8mm}\n\n![Carte annotée^[Une note.] du [guide](https://example.org)](carte.gif){width=8mm}\n\nVoir la @fig-c. Un constat [@enquete-2024] :term[sextorsion].\n',
      'chapters/carte.gif': gif
    })
    expect(html).toContain('<figcaption class="rp-figure__caption"><span class="rp-figure__label">Figure 1</span>\u00A0: <span aria-hidden="true">Carte <em>des</em> signalements</span></figcaption>')
    expect(html).toMatch(/<figcaption class="rp-figure__caption"><span aria-hidden="true">Carte annotée<\/span><a class="rp-note-call" href="#note-1"[^>]*><sup>1<\/sup><\/a><span aria-hidden="true"> du <\/span><a href="https:\/\/example.org">guide<\/a><\/figcaption>/u)
  })

  test('in an author-date style, a caption’s citation is read, and its words once', async () => {
    const authorDate = {'rapporteur.yaml': baseProject['rapporteur.yaml']!.replace('lang: fr', 'lang: fr\ncitations: {style: author-date}')}
    const {html} = await render({...authorDate, 'chapters/intro.md': '# Intro\n\n![Carte des signalements [@enquete-2024]](carte.gif){#fig-c width=8mm}\n\nVoir la @fig-c. :term[sextorsion]\n', 'chapters/carte.gif': gif})
    expect(html).toContain('alt="Carte des signalements"')
    expect(html).toMatch(/<figcaption class="rp-figure__caption"><span class="rp-figure__label">Figure 1<\/span>\u00A0: <span aria-hidden="true">Carte des signalements <\/span><a class="rp-cite-link"[^>]*><span class="rp-cite">[^<]+<\/span><\/a><\/figcaption>/u)
  })

  test('an image whose file name holds `#`, `%` or a space: found as named, its address escaped, so it shows', async () => {
    const {html, findings} = await render({'chapters/intro.md': '# Intro\n\n![Carte une](<Chart #1.gif>){width=8mm}\n\n![Carte deux](Chart%202%25.gif){width=8mm}\n\nUn constat [@enquete-2024] :term[sextorsion].\n', 'chapters/Chart #1.gif': gif, 'chapters/Chart 2%.gif': gif})
    expect(findings).toEqual([])
    expect(html).toContain('<img src="assets/images/chapters/Chart%20%231.gif" alt="Carte une"')
    expect(html).toContain('<img src="assets/images/chapters/Chart%202%25.gif" alt="Carte deux"')
  })

  test('a stat of two paragraphs reads as two sentences, in its box and in the model (key figures, exports)', async () => {
    const {html} = await render({'chapters/intro.md': '# Intro\n\n:::stat{#s value="45 %" source=enquete-2024}\ndes parents selon le guide.\n\nUn second paragraphe.\n:::\n\nLa :term[sextorsion] progresse [@enquete-2024].\n'})
    expect(html).toMatch(/<figcaption class="rp-stat__text">des parents selon le guide\. Un second paragraphe\./u)
  })

  test('a table caption\'s note is numbered before its cells\', as it prints above them', async () => {
    const {html} = await render({'chapters/intro.md': '# Intro\n\n| Pays | Part |\n|---|---|\n| France [@enquete-2024, p. 2] | 12 % [@enquete-2024, p. 3] |\n\n: Répartition par pays [@enquete-2024, p. 4]\n\nLa :term[sextorsion] progresse.\n'})
    const calls = [...html.matchAll(/data-note="(\d+)"/gu)].map((match) => Number(match[1]))
    expect(calls).toEqual([1, 2, 3])
    expect(html.indexOf('data-note="1"')).toBeLessThan(html.indexOf('<tbody>'))
  })

  test('a table caption with its id, numbered; its citation covers its figures and the rows\'s', async () => {
    const {html, findings} = await render({'chapters/intro.md': '# Intro\n\n| Région | Part |\n|---|---|\n| Nord | 12 % |\n\n: Signalements en 2024, 3 400 au total [@enquete-2024] {#tbl-regions}\n\nVoir le @tbl-regions. :term[sextorsion]\n'})
    expect(html).toContain('<div class="rp-table" tabindex="0" role="region" aria-labelledby="rp-caption-intro-1"><table id="tbl-regions"><caption class="rp-table__caption" id="rp-caption-intro-1"><span class="rp-table__label">Tableau 1</span>\u00A0: Signalements en 2024, 3 400 au total')
    expect(html).toContain('Voir le <a class="rp-ref" href="#tbl-regions">tableau 1</a>.')
    expect(findings).toEqual([])
  })

  test('every table is in a div.rp-table, with or without a caption, and only one', async () => {
    const {html} = await render({'chapters/intro.md': '# Intro\n\n| A | B |\n|---|---|\n| x | y |\n\n[@enquete-2024] :term[sextorsion]\n'})
    expect(html).toContain('<div class="rp-table" tabindex="0" role="region" aria-label="Tableau"><table>\n<thead>')
    expect(html.match(/class="rp-table"/gu)).toHaveLength(1)
    expect(html).toMatch(/<\/table><\/div>/u)
  })

  test('on the web a table’s scrolling wrapper is a focusable region named by its caption; in print it is a plain div', async () => {
    const chapter = '# Intro\n\n| A | B |\n|---|---|\n| x | y |\n\n: Première\n\n| C | D |\n|---|---|\n| z | t |\n\n: Seconde {#tbl-b}\n\n[@enquete-2024] :term[sextorsion]\n'
    const web = await render({'chapters/intro.md': chapter})
    expect(web.findings).toEqual([])
    expect(web.html).toContain('<div class="rp-table" tabindex="0" role="region" aria-labelledby="rp-caption-intro-1"><table><caption class="rp-table__caption" id="rp-caption-intro-1">Première</caption>')
    expect(web.html).toContain('<div class="rp-table" tabindex="0" role="region" aria-labelledby="rp-caption-intro-2"><table id="tbl-b"><caption class="rp-table__caption" id="rp-caption-intro-2">')
    const print = await render({'chapters/intro.md': chapter}, {mode: 'print'})
    expect(print.html).not.toContain('role="region"')
    expect(print.html).not.toContain('rp-caption-')
  })

  test('in print, a cross-reference carries its page placeholder', async () => {
    const {html} = await render({'chapters/intro.md': '# Intro\n\n## Méthode {#sec-methode}\n\nVoir la @sec-methode. [@enquete-2024] :term[sextorsion]\n'}, {mode: 'print'})
    expect(html).toContain('<a class="rp-ref" href="#sec-methode">section «\u00A0Méthode\u00A0»<span class="rp-ref__page">,\u00A0p.\u00A0<span class="rp-ref__number">00</span></span></a>')
  })

  test('in English: “Figure 1: …”, “Table 1”, “Section “…””', async () => {
    const {html} = await render({'chapters/intro.md': '# Intro\n\n## Method {#sec-method}\n\n![A map](m.gif){#fig-m width=8mm}\n\nSee @fig-m and @sec-method. [@enquete-2024] :term[sextorsion]\n', 'chapters/m.gif': gif}, {lang: 'en'})
    expect(html).toContain('<span class="rp-figure__label">Figure 1</span>: <span aria-hidden="true">A map</span>')
    expect(html).toContain('See <a class="rp-ref" href="#fig-m">Figure 1</a> and <a class="rp-ref" href="#sec-method">Section “Method”</a>.')
  })
})

describe('cross-references to a chapter', () => {
  test('`@sec-` on a chapter’s own title reads its title alone; on a section, "section « … »"', async () => {
    const {html, findings} = await render({'chapters/intro.md': '# Les sondes {#sec-sondes}\n\n## Méthode {#sec-methode}\n\nVoir le chapitre @sec-sondes et la @sec-methode ; [-@sec-methode]. [@enquete-2024] :term[sextorsion]\n'})
    expect(findings).toEqual([])
    expect(html).toContain('Voir le chapitre <a class="rp-ref" href="#sec-sondes">Les sondes</a> et la <a class="rp-ref" href="#sec-methode">section «\u00A0Méthode\u00A0»</a> ; <a class="rp-ref" href="#sec-methode">Méthode</a>.')
  })
})

describe('Quarto layouts rapporteur does not read', () => {
  test('a figure div, panels, margin columns: each said at its line, and `@fig-` on the div says what the id is', async () => {
    const {findings} = await render({'chapters/intro.md': '# Intro\n\n::: {#fig-horaires layout-ncol=2}\n![Plan](carte.gif){width=8mm}\n\nHoraires.\n:::\n\n::: {.column-margin}\nEn marge.\n:::\n\nVoir la @fig-horaires [aussi en marge]{.column-margin}. [@enquete-2024] :term[sextorsion]\n', 'chapters/carte.gif': gif})
    expect(findings).toEqual([
      'unsupported-syntax: Unexpected Quarto figure div `{#fig-horaires}`, expected the image alone in its paragraph with the id on it, `![Légende](carte.png){#fig-horaires}`: rapporteur does not read a div as a figure, so it has no number and `@fig-horaires` finds nothing',
      'unsupported-syntax: Unexpected Quarto layout `layout-ncol`, expected one image or table after the other: rapporteur does not set panels side by side, so they are printed one under the other',
      'unsupported-syntax: Unexpected Quarto column class `.column-margin`, expected the content in the text (a note `^[…]` for an aside): rapporteur has no margin or wide columns, so it is printed in the text column',
      'unsupported-syntax: Unexpected Quarto column class `.column-margin`, expected the content in the text (a note `^[…]` for an aside): rapporteur has no margin or wide columns, so it is printed in the text column',
      'broken-ref: Unexpected reference `@fig-horaires`, expected the id of a recommendation, a stat, a chapter, a section, a figure or a table: `fig-horaires` is the id of an element that is none of these (chapters/intro.md:3)'
    ])
  })
})

describe('headings', () => {
  test('every heading has an id: its own, else a slug unique across the report; `.unnumbered` is a class, other attributes kept', async () => {
    const {html} = await render({
      'chapters/intro.md': '# Intro\n\n## Méthode et données\n\n## Méthode et données\n\n## Annexes {#sec-annexes .unnumbered lang=en}\n\nTexte [@enquete-2024] :term[sextorsion].\n'
    })
    expect(html).toContain('<h2 id="méthode-et-données">Méthode et données</h2><h2 id="méthode-et-données-1">Méthode et données</h2><h2 id="sec-annexes" class="unnumbered" lang="en">Annexes</h2>')
  })

  test('a heading’s automatic id keeps clear of the ids rapporteur gives its own elements, and references follow it', async () => {
    const {html, findings} = await render({
      'chapters/intro.md': '# Intro\n\n## Note 1\n\n## Term sextorsion\n\n## Main\n\n## Rec a\n\n## Source enquete 2024\n\n## Intro title\n\nTexte [@enquete-2024] :term[sextorsion]. Voir :ref[#note-1-1] et [plus haut](#term-sextorsion-1).\n\n:::recommendation{#rec-a axis=prevention}\n### Agir\nTexte.\n:::\n\n::glossary\n'
    })
    expect(findings).toEqual([])
    expect(html).toContain('<h2 id="note-1-1">Note 1</h2><h2 id="term-sextorsion-1">Term sextorsion</h2><h2 id="main-1">Main</h2><h2 id="rec-a-1">Rec a</h2><h2 id="source-enquete-2024-1">Source enquete 2024</h2><h2 id="intro-title-1">Intro title</h2>')
    expect(html).toContain('<a class="rp-ref" href="#note-1-1">')
    expect(html).toContain('<dt id="term-sextorsion">')
  })

  test('an id written by hand that rapporteur gives an element of its own is reported', async () => {
    const {findings} = await render({'chapters/intro.md': '# Intro\n\n## Constats {#main}\n\nTexte [@enquete-2024] :term[sextorsion] [mot]{#term-sextorsion} [autre]{#note-call-2}.\n'})
    expect(findings).toEqual([
      'duplicate-id: Unexpected id `main`, expected one rapporteur does not give an element of its own: `main` is the id of the main content, the skip link’s target',
      'duplicate-id: Unexpected id `term-sextorsion`, expected one rapporteur does not give an element of its own: `term-sextorsion` is the id of the glossary entry `sextorsion`',
      'duplicate-id: Unexpected id `note-call-2`, expected one rapporteur does not give an element of its own: `note-call-2` is the id of a note’s call'
    ])
  })

  test('`# Title {#id}` names the chapter; its attributes never reach the table of contents', async () => {
    const config = baseProject['rapporteur.yaml']!.replace('output: rapport}', 'output: rapport, toc: true}')
    const {html, toc} = await render({'rapporteur.yaml': config, 'chapters/intro.md': '# Introduction générale {#sec-intro}\n\nTexte [@enquete-2024] :term[sextorsion].\n'})
    expect(html).toContain('<section class="rp-chapter rp-chapter--chapter" id="sec-intro"')
    expect(toc).toContain('href="#sec-intro"')
    expect(toc).not.toContain('{#')
  })
})

describe('glossary terms', () => {
  test('`:term[…]{lang=en}` is read, not reported, and its language is on the link', async () => {
    const {html, findings} = await render({'chapters/intro.md': '# Intro\n\nLa :term[sextortion]{id=sextorsion lang=en} progresse [@enquete-2024].\n'})
    expect(findings).toEqual([])
    expect(html).toContain('<a class="rp-term" href="#term-sextorsion" lang="en">sextortion</a>')
  })
})

describe('callouts, divs and spans', () => {
  test('Quarto callouts are callout boxes, titled by `title`, by a first heading, or by their kind', async () => {
    const {html, findings} = await render({
      'chapters/intro.md': '# Intro\n\n::: {.callout-warning}\nAttention [@enquete-2024].\n:::\n\n::: {.callout-tip title="Astuce"}\nUn conseil.\n:::\n\n::: {.callout-note}\n## À retenir\nLa :term[sextorsion].\n:::\n'
    })
    expect(findings).toEqual([])
    expect(html).toContain('<div class="rp-callout rp-callout--warning" role="note"><p class="rp-callout__title">Avertissement</p>')
    expect(html).toContain('<p class="rp-callout__title">Astuce</p><p>Un conseil.</p>')
    expect(html).toContain('<p class="rp-callout__title">À retenir</p><p>La')
  })

  test('GitHub alerts are the same callout boxes, titled by the text after the marker or by their kind', async () => {
    const {html, findings} = await render({
      'chapters/intro.md': '# Intro\n\n> [!WARNING]\n> Attention [@enquete-2024].\n\n> [!tip] Astuce\n> Un conseil.\n\n> [!info]\n> La :term[sextorsion].\n'
    })
    expect(findings.map((finding) => finding.split(':')[0])).toEqual(['unsupported-syntax'])
    expect(html).toContain('<div class="rp-callout rp-callout--warning" role="note"><p class="rp-callout__title">Avertissement</p><p>Attention')
    expect(html).toContain('<div class="rp-callout rp-callout--tip" role="note"><p class="rp-callout__title">Astuce</p><p>Un conseil.</p></div>')
    expect(html).toMatch(/<blockquote>\s*<p>\[!info\]\sLa/u)
  })

  test('`[texte]{.mark}` is a highlight, `<mark>`; `==texte==` is reported and printed as written', async () => {
    const {html, findings} = await render({'chapters/intro.md': '# Intro\n\nUn [point clé]{.mark .fort} et un ==autre== [@enquete-2024] :term[sextorsion], mais a == b reste du texte.\n'})
    expect(html).toContain('Un <mark class="fort">point clé</mark> et un ==autre==')
    expect(findings).toEqual(['unsupported-syntax: Unexpected highlight `==autre==`, expected `[texte]{.mark}`, Pandoc’s span for it (printed as `<mark>`): `==` prints as written'])
  })

  test('other divs and spans keep their id, classes and attributes', async () => {
    const {html} = await render({'chapters/intro.md': '# Intro\n\n::: {#encadre .large lang=en}\nUn [texte]{.smallcaps data-x=1} [@enquete-2024] :term[sextorsion].\n:::\n'})
    expect(html).toContain('<div id="encadre" class="large" lang="en"><p>Un <span class="smallcaps" data-data-x="1">texte</span>')
  })

  test('shortcodes, LaTeX commands, raw blocks and stray attributes are reported and never printed', async () => {
    const {html, findings} = await render({'chapters/intro.md': '# Intro\n\n{{< pagebreak >}}\n\n\\newpage\n\n```{=latex}\n\\clearpage\n```\n\nTexte {.rouge} [@enquete-2024] :term[sextorsion].\n'})
    expect(findings.filter((finding) => finding.startsWith('unsupported-syntax'))).toHaveLength(4)
    for (const raw of ['{{<', 'newpage', 'clearpage', '{.']) expect(html).not.toContain(raw)
  })
})

describe('images', () => {
  test('an image is found beside its chapter first, then in the report folder; missing ones are reported at the image', async () => {
    const {html, findings} = await render({
      'chapters/part/intro.md': '# Partie\n\n![Carte](img/c.gif){width=8mm}\n\n![Logo](assets/l.gif){width=8mm}\n\n![Absente](img/x.png)\n\nTexte [@enquete-2024] :term[sextorsion], et ![la carte][carte]{width=8mm} ![l’autre][perdue].\n\n[carte]: img/c.gif\n[perdue]: img/perdue.png\n',
      'chapters/part/img/c.gif': gif,
      'assets/l.gif': gif
    })
    expect(html).toContain('src="assets/images/chapters/part/img/c.gif"')
    expect(html).toContain('src="assets/l.gif"')
    expect(findings).toContain('missing-image: Unexpected missing image `img/x.png`, expected a file at `chapters/part/img/x.png` or `img/x.png`')
    // A reference image is its definition's file: found beside the chapter, or reported by that name.
    expect(html).toContain('<img src="assets/images/chapters/part/img/c.gif" alt="la carte" style="width: 8mm">')
    expect(findings).toContain('missing-image: Unexpected missing image `img/perdue.png`, expected a file at `chapters/part/img/perdue.png` or `img/perdue.png`')
  })
})

describe('blocks in another language', () => {
  test('`lang` and `dir` on a block are kept on its element (the print typography follows an element\'s `lang`)', async () => {
    const {html, findings} = await render(
      {'chapters/intro.md': '# Intro\n\n:::viewpoint{author="Jane Doe" lang=en}\nChildren are targeted: we must act now, everywhere.\n:::\n\n:::callout{title="Note" dir=ltr}\nLa :term[sextorsion] progresse : agir [@enquete-2024].\n:::\n'},
      {mode: 'print'}
    )
    expect(findings).toEqual([])
    expect(html).toMatch(/<(figure|blockquote|aside|div)[^>]* lang="en"[^>]*>[\s\S]*Children are targeted: we must act now/u)
    expect(html).toMatch(/<[a-z]+[^>]* dir="ltr"[^>]*>/u)
  })

  test('and where they are listed from the model: a recommendation in `::recommendations`, a key figure in `::keyfigures`', async () => {
    const {html, findings} = await render({
      'chapters/intro.md':
        '# Intro\n\n:::recommendation{#rec-a axis=prevention lang=en}\n### Act early\nRaise awareness [@enquete-2024] of :term[sextorsion].\n:::\n\n:::stat{#stat-a value="52 %" source=enquete-2024 key lang=en}\nof the people surveyed.\n:::\n\n::recommendations\n\n::keyfigures\n'
    })
    expect(findings).toEqual([])
    expect(html).toContain('<li value="1" lang="en"><a class="rp-recommendations__link" href="#rec-a">')
    expect(html).toMatch(/<figure class="rp-stat" id="key-stat-a" lang="en">/u)
  })
})

describe('links to files on this computer', () => {
  test('a link or a reference link to a local file is its text, without an address; web links and #ids stay links', async () => {
    const {html, findings} = await render({
      'chapters/intro.md': '# Intro\n\nVoir [l’annexe](annexe.pdf), [le tableau][t], [la note](file:///home/moi/note.pdf), [le site](https://example.org) et [l’intro](#intro). [@enquete-2024] :term[sextorsion]\n\n[t]: ../données/tableau.xlsx\n'
    })
    expect(html).toContain('Voir <span>l’annexe</span>, <span>le tableau</span>, <span>la note</span>, <a href="https://example.org">le site</a> et <a href="#intro">l’intro</a>.')
    expect(findings.filter((finding) => finding.startsWith('local-link'))).toHaveLength(3)
  })
})

describe("Quarto's conditional content", () => {
  const chapter = `# Intro

Un constat [@enquete-2024] sur la :term[sextorsion].

::: {.content-visible when-format="html"}
Voir la carte interactive.
:::

::: {.content-visible when-format="pdf" .encadre}
Voir la carte en annexe.
:::

::: {.content-hidden unless-format="html"}
Aussi masqué à l’impression.
:::

::: {.content-visible when-format="docx"}
Pour Word seulement.
:::

Le texte[, en ligne,]{.content-visible when-format="html"}[, sur papier,]{.content-visible when-format="latex"} continue.

\`\`\`{.python .content-hidden when-format="pdf"}
print("web")
\`\`\`
`

  test('the web page keeps what is for html, the PDF what is for pdf (or latex), neither keeps what is for docx', async () => {
    const web = await render({'chapters/intro.md': chapter}, {mode: 'web'})
    const print = await render({'chapters/intro.md': chapter}, {mode: 'print'})
    expect(web.html).toContain('Voir la carte interactive.')
    expect(web.html).toContain('Aussi masqué à l’impression.')
    expect(web.html).not.toContain('Voir la carte en annexe.')
    expect(web.html).toMatch(/Le texte<span>, en ligne,<\/span> continue\./u)
    expect(web.html).toContain('print("web")')
    expect(print.html).toContain('<div class="encadre"><p data-line="10">Voir la carte en annexe.</p></div>')
    expect(print.html).not.toContain('Voir la carte interactive.')
    expect(print.html).not.toContain('Aussi masqué')
    expect(print.html).toMatch(/Le texte<span>, sur papier,<\/span> continue\./u)
    expect(print.html).not.toContain('print("web")')
    for (const html of [web.html, print.html]) {
      expect(html).not.toContain('Pour Word seulement.')
      expect(html).not.toMatch(/content-(visible|hidden)|when-format|unless-format/u)
    }
    // Content for docx alone is said to be in neither output.
    expect(web.findings).toEqual(['unsupported-syntax: Unexpected content for neither the web page nor the PDF (the two outputs rapporteur makes): it is left out of both'])
  })
})

describe('a cross-reference to the other edition', () => {
  test('from the synthesis, a table of the full report is its number there and that edition’s title, never its caption’s citation', async () => {
    const html = await editionHtml({
      'chapters/intro.md': '# Intro\n\n| Région | Part |\n|---|---|\n| Nord | 12 % |\n\n: Signalements par région [@enquete-2024, p. 10] {#tbl-regions}\n\nVoir le @tbl-regions. :term[sextorsion]\n',
      'synthese.md': '# Synthèse\n\nComme le montre le @tbl-regions, la :term[sextorsion] progresse.\n'
    }, 'synthesis', made)
    expect(html).toContain('Comme le montre le <a class="rp-ref" href="rapport.html#tbl-regions">tableau 1 (Rapport complet)</a>, la')
    expect(html).not.toContain('@enquete-2024')
  })

  test('a section of the full report says so, as a table does; one of the same edition does not', async () => {
    const html = await editionHtml({
      'chapters/intro.md': '# Intro\n\n## Méthode {#sec-methode}\n\nTexte sur la :term[sextorsion] [@enquete-2024].\n',
      'synthese.md': '# Synthèse\n\n## Ici {#sec-ici}\n\nVoir la @sec-methode et la @sec-ici.\n'
    }, 'synthesis', made)
    expect(html).toMatch(/Voir la <a class="rp-ref" href="rapport.html#sec-methode">section «\s?Méthode\s?» \(Rapport complet\)<\/a> et la <a class="rp-ref" href="#sec-ici">section «\s?Ici\s?»<\/a>\./u)
  })
})

describe('a link to a page the build publishes', () => {
  test('`[le rapport complet](rapport.html#intro)` is a link on the web and its text on paper; any other file is text in both', async () => {
    const files = {'chapters/intro.md': '# Intro\n\nLire [le rapport en PDF](rapport.pdf), [son introduction](rapport.html#intro) et [l’annexe](annexe.pdf) [@enquete-2024]. :term[sextorsion]\n'}
    const web = await render(files, {mode: 'web'})
    const print = await render(files, {mode: 'print'})
    expect(web.html).toContain('Lire <a href="rapport.pdf">le rapport en PDF</a>, <a href="rapport.html#intro">son introduction</a> et <span>l’annexe</span>')
    expect(print.html).toContain('Lire <span>le rapport en PDF</span>, <span>son introduction</span> et <span>l’annexe</span>')
    expect(web.findings.filter((finding) => finding.startsWith('local-link'))).toEqual(['local-link: Unexpected link to the file `annexe.pdf`, expected a web address (`https://…`) or a place in the report (`#id`): the report is published without it, so its text is printed without the link'])
  })
})

describe('a section reference to a heading that cites', () => {
  test('reads the heading without its citation', async () => {
    const {html} = await render({'chapters/intro.md': '# Intro\n\n## Méthode [@enquete-2024] {#sec-methode}\n\nVoir la @sec-methode. :term[sextorsion]\n'})
    expect(html).toMatch(/Voir la <a class="rp-ref" href="#sec-methode">section «\s?Méthode\s?»<\/a>\./u)
    expect(html).not.toMatch(/section «[^»]*enquete/u)
  })
})
