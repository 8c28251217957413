import {existsSync} from 'node:fs'
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import type {Element, ElementContent} from 'hast'
import {toHtml} from 'hast-util-to-html'
import {afterAll, describe, expect, test} from 'vitest'
import {check} from '../../src/api/check.js'
import {renderEdition} from '../../src/render/edition.js'
import {baseProject, removeProject, writeProject} from '../helpers/project.js'

/**
 * Notes, in-text citations and the bibliography formatted by CSL through citeproc-js, read as a
 * reader reads them: the text of each note and of each bibliography entry.
 */
const made: string[] = []
afterAll(async () => Promise.all(made.map((dir) => removeProject(dir))))

const sources = `- id: lelieveld-2015
  type: article-journal
  title: The contribution of outdoor air pollution sources to premature mortality on a global scale
  author:
    - {family: Lelieveld, given: Jos}
    - {family: Evans, given: John S.}
    - {family: Fnais, given: Mohammed}
    - {family: Giannadaki, given: Despina}
    - {family: Pozzer, given: Andrea}
  date: 2015-09-17
  container-title: Nature
  volume: 525
  issue: 7569
  page: 367-371
  DOI: 10.1038/nature15371
- id: enquete-2024
  type: survey
  title: Enquête nationale
  author: Observatoire
  publisher: Observatoire national
  date: 2024
- id: hoogh-2016
  type: article-journal
  title: Diesel exhaust
  author:
    - {family: Hoogh, given: Kees, non-dropping-particle: de}
  date: 2016
  container-title: Environment International
  URL: https://example.org/diesel
`

const chapter = `# Introduction

Premier constat [@lelieveld-2015, p. 368]. Même source [@lelieveld-2015, p. 369]. Autre source
[@enquete-2024]. Retour à la première [@lelieveld-2015]. Puis [*cf.* @hoogh-2016, chap. 2, nous soulignons].
Selon @enquete-2024, la :term[sextorsion] progresse.

Une note de l'auteur[^1].

[^1]: Voir [@enquete-2024, p. 12].
`

async function render(files: Record<string, string>, edition: 'full' = 'full') {
  const dir = await writeProject({'sources.yaml': sources, 'chapters/intro.md': chapter, ...files})
  made.push(dir)
  const result = await check(dir)
  if (!result.ok) throw new Error('project did not load')
  const rendered = await renderEdition(result.model, edition, {mode: 'web', pageOf: {full: 'rapport.html', synthesis: 'synthese.html'}})
  const main = {type: 'element', tagName: 'main', properties: {}, children: rendered.main} as Element
  return {
    notes: rendered.notes.map((note) => text(note.content)),
    html: toHtml(main),
    text: text(rendered.main),
    bibliography: entriesOf(rendered.main)
  }
}

/** The text a reader sees (hast-util-to-string's job, in four lines). */
function text(nodes: readonly ElementContent[]): string {
  const flat = (list: readonly ElementContent[]): string => list.map((node) => (node.type === 'text' ? node.value : node.type === 'element' ? flat(node.children) : '')).join('')
  return flat(nodes).replace(/[\s\u00A0\u202F]+/gu, ' ').trim()
}

function entriesOf(nodes: ElementContent[]): string[] {
  const found: string[] = []
  const visit = (list: ElementContent[], inside: boolean) => {
    for (const node of list) {
      if (node.type !== 'element') continue
      const className = (node.properties.className as string[] | undefined) ?? []
      if (inside && node.tagName === 'li') found.push(text(node.children))
      else visit(node.children, inside || className.includes('rp-bibliography__list'))
    }
  }
  visit(nodes, false)
  return found
}

const rapporteurYaml = (extra: string, lang = 'fr') => `title: Exemple
organisation: Fondation Exemple
lang: ${lang}
date: 2026-01
axes:
  - {id: prevention, label: Prévention}
editions:
  full: {title: Rapport, files: [chapters/intro.md], output: rapport}
${extra}`

describe('`::bibliography` where the writer puts it', () => {
  test('under the writer’s own heading it has no second one: that heading names it', async () => {
    const {html} = await render({'chapters/intro.md': '# Intro\n\nUn constat [@enquete-2024].\n\n## Ouvrages cités\n\n::bibliography\n'})
    expect(html).not.toContain('bibliography-title')
    expect(html).toMatch(/<h2 id="([^"]+)"[^>]*>Ouvrages cités<\/h2><section class="rp-bibliography" aria-labelledby="\1">/u)
    expect(html).not.toContain('>Bibliographie<')
  })

  test('after a paragraph it keeps its own heading', async () => {
    const {html} = await render({'chapters/intro.md': '# Intro\n\nUn constat [@enquete-2024].\n\nLes sources :\n\n::bibliography\n'})
    expect(html).toContain('<section class="rp-bibliography" aria-labelledby="bibliography-title"><h2 id="bibliography-title">Bibliographie</h2>')
  })

  test('placed nowhere, it is the last part of the full edition: a chapter\'s title (h1), and a line of the table of contents', async () => {
    const config = String(baseProject['rapporteur.yaml']).replace('output: rapport}', 'output: rapport, toc: true}')
    const dir = await writeProject({'rapporteur.yaml': config, 'sources.yaml': sources, 'chapters/intro.md': chapter})
    made.push(dir)
    const result = await check(dir)
    if (!result.ok) throw new Error('project did not load')
    const rendered = await renderEdition(result.model, 'full', {mode: 'web', pageOf: {full: 'rapport.html', synthesis: 'synthese.html'}})
    const html = rendered.main.map((node) => toHtml(node)).join('')
    expect(html).toContain('<section class="rp-chapter rp-back-matter" id="bibliographie"><section class="rp-bibliography" aria-labelledby="bibliography-title"><h1 class="rp-chapter__title" id="bibliography-title">Bibliographie</h1>')
    expect(toHtml(rendered.toc ?? {type: 'root', children: []})).toContain('<a class="rp-toc__link" href="#bibliographie"><span class="rp-toc__text">Bibliographie</span>')
  })
})

describe('the default French note style', () => {
  test('first note in full, Ibid. right after, a short form later; footnotes keep their own citations', async () => {
    const {notes} = await render({})
    // Six citations and the author's footnote; `@key` in the text makes a note too (the rest of its reference).
    expect(notes).toHaveLength(7)
    // First citation: the full reference, with "et al." past three authors and the DOI.
    expect(notes[0]).toMatch(/^Jos Lelieveld et al\., « The contribution of outdoor air pollution sources to premature mortality on a global scale », Nature, vol\. 525, n(°|o) 7569, 17 septembre 2015, p\. 368/)
    expect(notes[0]).toContain('https://doi.org/10.1038/nature15371')
    expect(notes[1]).toBe('Ibid., p. 369.')
    expect(notes[2]).toMatch(/^Observatoire, Enquête nationale, enquête, Observatoire national, 2024\.$/)
    // Later, after another source: the short form, not the full reference again.
    expect(notes[3]).toMatch(/^Lelieveld et al\., « The contribution of outdoor air pollution/)
    expect(notes[3]).not.toContain('Nature')
    // Markdown in the prefix, the locator's term and the suffix with its comma.
    // (CSL puts a suffix after the whole reference, the URL included, as Pandoc's citeproc does.)
    expect(notes[4]).toMatch(/^cf\. Kees de Hoogh, « Diesel exhaust », Environment International, 2016, chap\. 2, .*, nous soulignons\.$/)
    // `Selon @enquete-2024`: the author stands in the sentence, the note gives the rest.
    expect(notes[5]).toBe('Enquête nationale.')
    // A citation inside a footnote stays in that footnote, with one final period.
    expect(notes[6]).toMatch(/^Voir .*p\. 12\.$/)
    expect(notes[6]).not.toContain('..')
  })

  test('"ibid." in a note takes a capital where it starts the note or a sentence, not after words of its sentence', async () => {
    const {notes} = await render({
      'chapters/intro.md': `# Intro

Un constat [@enquete-2024, p. 3]. Une note[^1]. Une autre[^2]. Une troisième^[*Dit ainsi.* [@enquete-2024, p. 5]]. Une dernière^[Selon « les auteurs » [@enquete-2024, p. 6]].

[^1]: Voir aussi [@enquete-2024, p. 4].

[^2]: [@enquete-2024, p. 4] ; chiffre repris ailleurs.
`
    })
    expect(notes.slice(1)).toEqual(['Voir aussi ibid., p. 4.', 'Ibid. ; chiffre repris ailleurs.', 'Dit ainsi. Ibid., p. 5.', 'Selon « les auteurs » ibid., p. 6.'])
    // The English style the same way.
    const english = await render({'rapporteur.yaml': rapporteurYaml('', 'en'), 'chapters/intro.md': '# Intro\n\nA finding [@enquete-2024, p. 3]. A note[^1].\n\n[^1]: See also [@enquete-2024, p. 4].\n'})
    expect(english.notes[1]).toBe('See also ibid., p. 4.')
  })

  test('outside French, a citation’s note call goes after the punctuation that follows it, as Pandoc sets citation notes; a footnote call stays where it is written, and French keeps calls before', async () => {
    const markdown = '# Intro\n\nA finding [@enquete-2024, p. 3]. Then, as @hoogh-2016 [p. 2], says: a fact [@lelieveld-2015]... and a note[^1].\n\n[^1]: Mine.\n'
    const calls = (html: string) => /A finding.*?note\{4\}\./su.exec(html.replace(/<a class="rp-note-call"[^>]*><sup>(\d+)<\/sup><\/a>/gu, '{$1}').replace(/<[^>]+>/gu, ''))?.[0]
    const english = await render({'rapporteur.yaml': rapporteurYaml('', 'en'), 'chapters/intro.md': markdown})
    // (The space before a call goes in the typography pass, which this render leaves out.)
    expect(calls(english.html)).toBe('A finding.{1} Then, as Kees de Hoogh,{2} says: a fact {3}... and a note{4}.')
    const french = await render({'chapters/intro.md': markdown})
    expect(calls(french.html)).toBe('A finding {1}. Then, as Kees de\u00a0Hoogh{2}, says: a fact {3}... and a note{4}.')
  })

  test('one final period after an English short form, whose period is inside its closing quotes (it printed “Title.”.)', async () => {
    const {notes} = await render({'rapporteur.yaml': rapporteurYaml('', 'en'), 'chapters/intro.md': '# Intro\n\nFirst [@hoogh-2016]. Then [@enquete-2024]. A note[^1].\n\n[^1]: Its letter gives another reading [@hoogh-2016].\n'})
    expect(notes[2]).toBe('Its letter gives another reading de Hoogh, “Diesel exhaust.”')
  })

  test('in a note’s sentence that goes on, a citation loses the style’s closing period (not an abbreviation’s); `@key` takes a comma', async () => {
    const {notes} = await render({
      'chapters/intro.md': `# Intro

Un constat[^h]. Un autre[^e].

[^h]: Voir [@enquete-2024, p. 3] et, pour la méthode, @hoogh-2016 [p. 2] ; puis [@lelieveld-2015].

[^e]: Selon [@lelieveld-2015] et [@lelieveld-2015] encore.
`
    })
    expect(notes[0]).toBe('Voir Observatoire, Enquête nationale, enquête, Observatoire national, 2024, p. 3 et, pour la méthode, Kees de Hoogh, « Diesel exhaust », Environment International, 2016, p. 2, https://example.org/diesel ; puis Jos Lelieveld et al., « The contribution of outdoor air pollution sources to premature mortality on a global scale », Nature, vol. 525, no 7569, 17 septembre 2015, p. 367\u2011371, https://doi.org/10.1038/nature15371.')
    // "et al." and "ibid." keep their period.
    expect(notes[1]).toBe('Selon Lelieveld et al., « The contribution of outdoor air pollution sources to premature mortality on a global scale » et ibid. encore.')
  })

  test('works listed with a comma or a word instead of `;` print as the works listed, each in the same note; a key among words prints as written, never as a note of its own', async () => {
    const {notes, html} = await render({'chapters/intro.md': '# Intro\n\nUn [@enquete-2024, @hoogh-2016]. Deux [@lelieveld-2015, p. 368 et @hoogh-2016, p. 4]. Trois [@enquete-2024, citant @hoogh-2016].\n'})
    expect(notes).toEqual([
      'Observatoire, Enquête nationale, enquête, Observatoire national, 2024 ; Kees de Hoogh, « Diesel exhaust », Environment International, 2016, https://example.org/diesel.',
      expect.stringMatching(/^Jos Lelieveld et al\., .*, p\. 368, https:\/\/doi\.org\/10\.1038\/nature15371 ; de Hoogh, « Diesel exhaust », p\. 4\.$/u),
      'Observatoire, Enquête nationale, citant @hoogh-2016.'
    ])
    // One call a citation: no note without its call.
    expect([...html.matchAll(/data-note="(\d+)"/gu)].map((match) => match[1])).toEqual(['1', '2', '3'])
  })

  test('a footnote of several paragraphs and lists: each on a line of its own, never run together', async () => {
    const {notes, html} = await render({'chapters/intro.md': '# Intro\n\nUn constat[^m].\n\n[^m]: Premier paragraphe.\n\n    Second paragraphe.\n\n    - premier point\n    - second point\n\n    3. trois\n    4. quatre\n'})
    expect(notes[0]).toBe('Premier paragraphe. Second paragraphe. – premier point – second point 3. trois 4. quatre')
    expect(html).toContain('Premier paragraphe.<br>\nSecond paragraphe.<br>\n– premier point<br>\n– second point<br>\n3. trois<br>\n4. quatre')
  })

  test('French wording: "consulté en décembre 2026" for an access date of a month, "annexe 2" for an appendix', async () => {
    const {notes} = await render({
      'sources.yaml': `${sources}- id: guide-2026
  type: webpage
  title: Guide
  author: Association
  date: 2026
  URL: https://example.org/guide
  accessed: 2026-12
- id: page-2026
  type: webpage
  title: Page
  author: Association
  date: 2026
  URL: https://example.org/page
  accessed: 2026-12-03
`,
      'chapters/intro.md': '# Intro\n\nUn [@guide-2026], deux [@page-2026], trois [@enquete-2024, annexe 2].\n'
    })
    expect(notes[0]).toContain('consulté en décembre 2026')
    expect(notes[1]).toMatch(/consulté le 3 décembre 2026/u)
    expect(notes[2]).toMatch(/, annexe 2\.$/u)
  })

  test('an in-text citation keeps the author in the sentence, and the rest goes to a note', async () => {
    const {text} = await render({})
    expect(text).toMatch(/Selon Observatoire\s*\d*, la sextorsion progresse/)
  })

  test('the author in the sentence is the names alone: none of the labels of the work’s volume, issue or pages', async () => {
    const {text} = await render({'chapters/intro.md': '# Intro\n\nComme @lelieveld-2015 le montrent, et @hoogh-2016 [p. 4] le confirme.\n', 'sources.yaml': sources.replace('  publisher: Observatoire national\n', '  publisher: Observatoire national\n  page: "24"\n')})
    expect(text).toMatch(/Comme (?:Jos )?Lelieveld et al\.\s*\d+ le montrent, et (?:Kees )?de Hoogh\s*\d+ le confirme/u)
    const sentence = text.slice(text.indexOf('Comme'), text.indexOf('confirme'))
    expect(sentence).not.toMatch(/vol\.|no\.|pp?\./u)
  })

  test('a suffix reads as written: after a locator with its own punctuation or a space, alone after a comma', async () => {
    const {notes} = await render({'chapters/intro.md': '# Intro\n\nUn [@lelieveld-2015, pp. 33--35 and passim]. Deux [@enquete-2024, nous soulignons]. Trois [@hoogh-2016, p. 16, trad. libre].\n'})
    // (CSL puts a suffix after the whole reference, the DOI included.)
    expect(notes[0]).toMatch(/p\. 33[\u2011–]35, https:\S+ and passim\.$/u)
    expect(notes[1]).toMatch(/2024, nous soulignons\.$/)
    expect(notes[2]).toMatch(/p\. 16, .*trad\. libre\.$/)
  })

  test('Markdown in a prefix is rendered, not printed raw', async () => {
    const {html, text} = await render({})
    expect(text).not.toContain('*cf.*')
    expect(html).toMatch(/<(i|em)>cf\.<\/(i|em)>/)
  })

  test('DOIs and URLs are links', async () => {
    const {html} = await render({})
    expect(html).toContain('href="https://doi.org/10.1038/nature15371"')
    expect(html).toContain('href="https://example.org/diesel"')
  })

  test('the bibliography is sorted by family name, the first name inverted', async () => {
    const {bibliography} = await render({})
    expect(bibliography.map((entry) => entry.slice(0, 20))).toEqual([
      expect.stringMatching(/^Hoogh, Kees de|^de Hoogh, Kees/),
      expect.stringMatching(/^Lelieveld, Jos/),
      expect.stringMatching(/^Observatoire/)
    ])
  })
})

describe('the default author-date styles', () => {
  test('English: (Family Year, p. N), et al., in-text author', async () => {
    const {text, notes} = await render({'rapporteur.yaml': rapporteurYaml('citations: {style: author-date}\n', 'en')})
    expect(text).toMatch(/Premier constat \(Lelieveld et al\.,? 2015, p\. 368\)/)
    expect(text).toMatch(/Selon Observatoire \(2024\)/)
    // Only the Markdown footnote is a note.
    expect(notes).toHaveLength(1)
  })

  test('French: the terms of the report language', async () => {
    const {text} = await render({'rapporteur.yaml': rapporteurYaml('citations: {style: author-date}\n')})
    expect(text).toMatch(/\(Lelieveld et al\.,? 2015, p\. 368\)/)
    expect(text).toContain('(cf. de Hoogh 2016, chap. 2, nous soulignons)')
    expect(text).toMatch(/Selon Observatoire \(2024\)/)
  })
})

const shared = path.join(import.meta.dirname, '../../../shared/csl')
const hasShared = existsSync(shared)

describe('a work without author cited in the sentence (`@key`): its title, as Pandoc prints it, never citeproc-js’s `[NO_PRINTED_FORM]`', () => {
  const law = JSON.stringify([{id: 'renters-2025', type: 'legislation', title: 'Renters’ Rights Act 2025', number: 'c. 26', publisher: 'UK Parliament', issued: {'date-parts': [[2025]]}}])
  const withLaw = (style: string, lang = 'en', files: Record<string, string> = {}) => render({
    'lois.json': law,
    'chapters/intro.md': '# Intro\n\nAs the @renters-2025 says. Law [@renters-2025, s. 1]. And @renters-2025 [s. 2].\n',
    'rapporteur.yaml': rapporteurYaml(`sources: [sources.yaml, lois.json]\ncitations: {${style}}\n`, lang),
    ...files
  })

  test.each([['style: author-date', 'en'], ['style: author-date', 'fr'], ['style: notes', 'en'], ['style: notes', 'fr']])('%s (%s)', async (style, lang) => {
    const {text, notes, bibliography} = await withLaw(style, lang)
    const all = [text, ...notes, ...bibliography].join('\n')
    expect(all).not.toContain('NO_PRINTED_FORM')
    expect(all).not.toContain('CSL STYLE ERROR')
    expect(text).toContain('As the Renters’ Rights Act 2025')
    // Its number, in the bibliography and the first note.
    expect(bibliography.find((entry) => entry.includes('Renters'))).toContain('c. 26')
    if (style.endsWith('author-date')) {
      // The title is the author here: not again in the parentheses.
      expect(text).toMatch(/As the Renters’ Rights Act 2025 says\./u)
      expect(text).toContain('And Renters’ Rights Act 2025 (s. 2).')
    } else expect(notes[0]).toContain('c. 26')
  })

  test.skipIf(!hasShared)('with a project style whose author-only form prints nothing for it (Chicago notes)', async () => {
    const xml = await readFile(path.join(shared, 'chicago-notes-bibliography-subsequent-ibid-17th-edition.csl'), 'utf8')
    const {text, notes, bibliography} = await withLaw('csl: styles/style.csl', 'en', {'styles/style.csl': xml})
    expect([text, ...notes, ...bibliography].join('\n')).not.toContain('NO_PRINTED_FORM')
    expect(text).toContain('As the Renters’ Rights Act 2025')
  })
})


describe.skipIf(!hasShared)('a project style from the CSL repository (../shared/csl)', () => {
  if (!hasShared) test.skip('../shared/csl is absent: real CSL styles are not available here', () => {})

  const withStyle = async (file: string, lang = 'fr') => {
    const xml = await readFile(path.join(shared, file), 'utf8')
    return render({'styles/style.csl': xml, 'rapporteur.yaml': rapporteurYaml('citations: {csl: styles/style.csl}\n', lang)})
  }

  test('Chicago notes (French): full, then short (this style has no Ibid.); its own bibliography', async () => {
    const {notes, bibliography} = await withStyle('chicago-notes-bibliography-fr.csl')
    // The French Chicago style drops the comma after "et al." (citeproc's punctuation rules).
    expect(notes[0]).toMatch(/^Jos Lelieveld et al\.,? « The contribution/)
    expect(notes[1]).toBe('Lelieveld et al., 369.')
    expect(notes[3]).toMatch(/^Lelieveld et al\., « The contribution/)
    expect(bibliography[1]).toMatch(/^Lelieveld, Jos, John S\. Evans/)
  })

  test('Chicago notes: the author of `@key` in the sentence without the comma the style puts after the names', async () => {
    const xml = await readFile(path.join(shared, 'chicago-notes-bibliography-fr.csl'), 'utf8')
    const book = '- id: sen-1999\n  type: book\n  title: Development as Freedom\n  author: [{family: Sen, given: Amartya}]\n  date: 1999\n  publisher: Oxford University Press\n  publisher-place: Oxford\n'
    const {text} = await render({'styles/style.csl': xml, 'rapporteur.yaml': rapporteurYaml('citations: {csl: styles/style.csl}\n', 'fr'), 'sources.yaml': sources + book, 'chapters/intro.md': `${chapter}\n@sen-1999 [p. 5] écrit ceci.\n`})
    // The note call straight after the name (`Amartya Sen,8 écrit` before).
    expect(text).toMatch(/Amartya Sen\d+ écrit ceci/)
  })

  test('Chicago notes with Ibid. (English)', async () => {
    const {notes} = await withStyle('chicago-notes-bibliography-subsequent-ibid-17th-edition.csl', 'en')
    expect(notes[0]).toMatch(/^Jos Lelieveld et al\., “The Contribution of Outdoor/)
    expect(notes[1]).toMatch(/^Ibid\., 369\.$/)
  })

  test('ISO 690 notes and Chicago (French): an access date of a month alone reads "Consulté en", its capital kept', async () => {
    const page = '- id: guide-2026\n  type: report\n  title: Lignes directrices\n  author: Organisation mondiale de la santé\n  publisher: OMS\n  date: 2019-04-24\n  URL: https://example.org/guide\n  accessed: 2026-10\n'
    for (const file of ['iso690-note-fr.csl', 'chicago-notes-bibliography-fr.csl']) {
      const xml = await readFile(path.join(shared, file), 'utf8')
      const {notes, bibliography} = await render({'styles/style.csl': xml, 'rapporteur.yaml': rapporteurYaml('citations: {csl: styles/style.csl}\n', 'fr'), 'sources.yaml': sources + page, 'chapters/intro.md': '# Intro\n\nUn guide [@guide-2026].\n'})
      const all = [...notes, ...bibliography].join('\n')
      expect(all, file).toMatch(/[Cc]onsulté en octobre 2026/u)
      expect(all, file).not.toMatch(/[Cc]onsulté le octobre/u)
    }
  })

  test('ISO 690 notes (French)', async () => {
    const {notes, bibliography} = await withStyle('iso690-note-fr.csl')
    expect(notes[0]).toMatch(/^LELIEVELD, Jos/)
    expect(bibliography.some((entry) => entry.startsWith('LELIEVELD'))).toBe(true)
  })

  test('APA: an in-text style puts citations in parentheses and makes no notes of them', async () => {
    const {text, notes, bibliography} = await withStyle('apa.csl', 'en')
    expect(text).toMatch(/\(Lelieveld et al\., 2015, p\. 368\)/)
    expect(notes).toHaveLength(1)
    expect(bibliography[1]).toMatch(/^Lelieveld, J\., Evans, J\. S\., Fnais, M\., Giannadaki, D\., & Pozzer, A\. \(2015\)/)
  })

  test('APA, which prints no entry for a personal communication: each entry keeps its own id, and that work’s citations link nowhere', async () => {
    const interview = '- {id: aaa-entretien, type: interview, title: Entretien avec une juge, author: {family: Aubert, given: Claire}, date: 2024-05-02}\n'
    const xml = await readFile(path.join(shared, 'apa.csl'), 'utf8')
    const {html} = await render({'styles/style.csl': xml, 'rapporteur.yaml': rapporteurYaml('citations: {csl: styles/style.csl}\n', 'en'), 'sources.yaml': sources.replace('type: survey', 'type: report') + interview.replace('type: interview', 'type: personal_communication'), 'chapters/intro.md': '# Intro\n\nUn entretien [@aaa-entretien]. Une étude [@hoogh-2016]. Une autre [@lelieveld-2015]. [@enquete-2024]\n'})
    const entries = [...html.matchAll(/<li id="source-([^"]+)">(.*?)<\/li>/gsu)].map(([, id, entry]) => [id, entry!.replace(/<[^>]+>/gu, '').slice(0, 24)])
    expect(entries).toEqual([
      ['hoogh-2016', 'de Hoogh, K. (2016). Die'],
      ['lelieveld-2015', 'Lelieveld, J., Evans, J.'],
      ['enquete-2024', 'Observatoire. (2024). En']
    ])
    expect(html).not.toContain('href="#source-aaa-entretien"')
    expect(html).toContain('href="#source-hoogh-2016"')
  })

  test('ISO 690 author-date (French)', async () => {
    const {text, bibliography} = await withStyle('iso690-author-date-fr.csl')
    // The style capitalises family names in its bibliography only.
    expect(text).toContain('(Lelieveld et al. 2015, p. 368)')
    expect(bibliography[1]).toMatch(/^LELIEVELD, Jos, EVANS, John S\./)
  })
})

describe('author-date links to the bibliography', () => {
  const config = (synthesisFiles: string) => `title: Exemple\norganisation: Fondation\nlang: fr\ndate: 2026-01\naxes: [{id: prevention, label: Prévention}]\ncitations: {style: author-date}\neditions:\n  full: {title: Rapport, files: [chapters/intro.md], output: rapport}\n  synthesis: {title: Synthèse, files: [${synthesisFiles}], output: synthese}\n`
  const links = async (synthesisFiles: string, files: Record<string, string>) => {
    const dir = await writeProject({'rapporteur.yaml': config(synthesisFiles), 'sources.yaml': sources, 'chapters/intro.md': '# Intro\n\nUn constat [@enquete-2024].\n', ...files})
    made.push(dir)
    const result = await check(dir)
    if (!result.ok) throw new Error('project did not load')
    const findings = result.files.flatMap((file) => file.messages.map((message) => `${message.ruleId}: ${message.reason}`))
    const hrefs = async (mode: 'web' | 'print') => {
      const rendered = await renderEdition(result.model, 'synthesis', {mode, pageOf: {full: 'rapport.html', synthesis: 'synthese.html'}})
      return [...toHtml({type: 'root', children: rendered.main} as unknown as Element).matchAll(/class="rp-cite-link" href="([^"]*)"/gu)].map((match) => match[1])
    }
    return {findings, web: await hrefs('web'), print: await hrefs('print')}
  }

  test('a synthesis without a bibliography links its citations to the full report’s on the web, and not at all on paper', async () => {
    const {findings, web, print} = await links('synthese.md', {'synthese.md': '# Synthèse\n\nEn bref [@enquete-2024].\n'})
    expect(findings.filter((finding) => finding.startsWith('broken-ref'))).toEqual([])
    expect(web).toEqual(['rapport.html#source-enquete-2024'])
    expect(print).toEqual([])
  })

  test('a synthesis with its own `::bibliography` links to it', async () => {
    const {web, print} = await links('synthese.md', {'synthese.md': '# Synthèse\n\nEn bref [@enquete-2024].\n\n## Sources\n\n::bibliography\n'})
    expect(web).toEqual(['#source-enquete-2024'])
    expect(print).toEqual(['#source-enquete-2024'])
  })
})
