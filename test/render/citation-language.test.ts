import type {Element, ElementContent} from 'hast'
import {toHtml} from 'hast-util-to-html'
import {afterAll, describe, expect, test} from 'vitest'
import {check} from '../../src/api/check.js'
import {localeOf} from '../../src/render/citations/locales.js'
import {renderEdition} from '../../src/render/edition.js'
import {configInLanguage, removeProject, writeProject} from '../helpers/project.js'

/**
 * What the report's language, a source's language and a locator as written do to the notes and
 * the bibliography: OSCOLA's paragraph pinpoints, a region's CSL locale (en-GB, fr-CA), a law's
 * number as written, a title in another language.
 */
const made: string[] = []
afterAll(async () => Promise.all(made.map((dir) => removeProject(dir))))

const sources = `- id: smith-2020
  type: legal_case
  title: R v Smith
  author: Court of Appeal
  authority: Court of Appeal
  date: 2020
  container-title: EWCA Crim
  number: '123'
- id: survey-2025
  type: article-newspaper
  title: Children online
  author: [{family: Doe, given: Jane}]
  container-title: The Herald
  date: 2025-03-10
- id: code-criminel
  type: law
  title: Code criminel
  author: Canada
  date: 1985
  number: L.R.C. 1985, ch. C-46
- id: ia-2024
  type: article-newspaper
  title: L'IA générative, nouvelle arme
  language: fr
  author: [{family: Martin, given: Léa}]
  container-title: Le Monde
  date: 2024-05-02
`


async function render(lang: string, chapter: string, files: Record<string, string> = {}) {
  const dir = await writeProject({'rapporteur.yaml': configInLanguage(lang), 'sources.yaml': sources, 'chapters/intro.md': chapter, ...files})
  made.push(dir)
  const result = await check(dir)
  if (!result.ok) throw new Error('project did not load')
  const rendered = await renderEdition(result.model, 'full', {mode: 'web', pageOf: {full: 'report.html', synthesis: 'synthesis.html'}})
  const main = {type: 'element', tagName: 'main', properties: {}, children: rendered.main} as Element
  return {notes: rendered.notes.map((note) => text(note.content)), noteHtml: rendered.notes.map((note) => toHtml(note.content as ElementContent[])), html: toHtml(main), messages: result.files.flatMap((file) => file.messages)}
}

function text(nodes: readonly ElementContent[]): string {
  const flat = (list: readonly ElementContent[]): string => list.map((node) => (node.type === 'text' ? node.value : node.type === 'element' ? flat(node.children) : '')).join('')
  return flat(nodes).replace(/[\s\u00A0\u202F]+/gu, ' ').trim()
}

describe('a locator in square brackets is a paragraph (OSCOLA), not a page', () => {
  test('`[@smith-2020, [45]]` prints the style\'s paragraph label, never `p. [45]`', async () => {
    const {notes} = await render('en-GB', '# Intro\n\nSee [@smith-2020, [45]]. Later [@survey-2025] and [@smith-2020, [46]-[48]].\n')
    expect(notes[0]).toContain('para. 45')
    expect(notes[0]).not.toContain('p. [45]')
    expect(notes[2]).toContain('paras. 46–48')
  })
})

describe('the region of `lang:` picks the CSL locale', () => {
  const chapter = '# Intro\n\nA survey [@survey-2025].\n\n::bibliography\n'

  test.each(['en-GB', 'en-IE', 'en-AU', 'en-NZ'])('%s: British English, punctuation outside the quotes, day month year', async (lang) => {
    const {notes, html} = await render(lang, chapter)
    expect(notes[0]).toContain('“Children online”,')
    expect(html).toContain('10 March 2025')
    expect(html).not.toContain('March 10, 2025')
  })

  test('a project style without `default-locale` follows `lang: en-GB` too', async () => {
    const style = '<?xml version="1.0" encoding="utf-8"?>\n<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0"><info><title>Plain</title><id>plain</id><updated>2026-01-01T00:00:00+00:00</updated></info><citation><layout suffix="."><group delimiter=", "><text variable="title" quotes="true"/><date variable="issued" form="text"/></group></layout></citation></style>\n'
    const dir = await writeProject({'rapporteur.yaml': configInLanguage('en-GB', 'citations: {csl: plain.csl}\n'), 'plain.csl': style, 'sources.yaml': sources, 'chapters/intro.md': '# Intro\n\nA survey [@survey-2025].\n'})
    made.push(dir)
    const result = await check(dir)
    if (!result.ok) throw new Error('project did not load')
    const rendered = await renderEdition(result.model, 'full', {mode: 'web', pageOf: {full: 'report.html', synthesis: 'synthesis.html'}})
    expect(text(rendered.notes[0]!.content)).toBe('“Children online”, 10 March 2025.')
  })

  test.each([
    ['en', 'en-US'], ['en-US', 'en-US'], ['en-CA', 'en-US'], ['en-PH', 'en-US'], ['en-GB', 'en-GB'], ['en-IE', 'en-GB'], ['en-AU', 'en-GB'],
    ['en-NZ', 'en-GB'], ['en-IN', 'en-GB'], ['en-Latn-IE', 'en-GB'], ['fr', 'fr-FR'], ['fr-CA', 'fr-FR'], ['fr-CH', 'fr-FR'], ['fr-BE', 'fr-FR'],
    ['de-AT', 'de-DE'], ['nl-BE', 'nl-NL'], ['cy', 'en-US']
  ])('localeOf(%s) is %s', (lang, locale) => {
    expect(localeOf(lang)).toBe(locale)
  })

  test('en-US and en-CA keep American English', async () => {
    for (const lang of ['en-US', 'en-CA']) {
      const {notes} = await render(lang, chapter)
      expect(notes[0]).toContain('“Children online,”')
    }
  })

  test('fr-CA, fr-CH, fr-BE: the French locale', async () => {
    for (const lang of ['fr-CA', 'fr-CH', 'fr-BE']) {
      const {html} = await render(lang, chapter)
      expect(html).toContain('10 mars 2025')
    }
  })
})

describe('a law\'s number is printed as written', () => {
  test.each(['fr-CA', 'en-GB'])('%s: `L.R.C. 1985, ch. C-46` keeps `ch.` and its hyphen', async (lang) => {
    const {notes, html} = await render(lang, '# Intro\n\nLe Code [@code-criminel, art. 12].\n\n::bibliography\n')
    expect(notes[0]).toContain('L.R.C. 1985, ch. C-46')
    expect(html).toContain('L.R.C. 1985, ch. C-46')
    expect(html).not.toContain('\u2011')
  })
})

describe('a title in another language than the report\'s', () => {
  test('`language: fr` gives the title a `lang` in the notes and the bibliography; a title in the report\'s language has none', async () => {
    const {noteHtml, html} = await render('en-GB', '# Intro\n\nA column [@ia-2024]. A survey [@survey-2025].\n\n::bibliography\n')
    expect(noteHtml[0]).toMatch(/<span lang="fr">L[’']IA générative, nouvelle arme<\/span>/u)
    expect(html).toMatch(/<span lang="fr">L[’']IA générative, nouvelle arme<\/span>/u)
    expect(noteHtml[1]).not.toContain('lang=')
    expect(html).not.toMatch(/[\u{E0001}-\u{E007F}]/u)
  })

  test('in a French report, the French title has no `lang` of its own', async () => {
    const {noteHtml} = await render('fr', '# Intro\n\nUne tribune [@ia-2024].\n')
    expect(noteHtml[0]).not.toContain('lang=')
  })

  test('a Pandoc span in a sources.yaml field is reported at the field with what to write, and printed as its text', async () => {
    const spanned = sources.replace("  title: L'IA générative, nouvelle arme\n  language: fr\n", '  title: "[L\'IA générative, nouvelle arme]{lang=fr}"\n')
    const {noteHtml, messages} = await render('en-GB', '# Intro\n\nA column [@ia-2024].\n', {'sources.yaml': spanned})
    expect(noteHtml[0]).not.toContain('{lang=fr}')
    expect(noteHtml[0]).toMatch(/<span lang="fr">L[’']IA générative, nouvelle arme<\/span>/u)
    const line = spanned.split('\n').findIndex((text) => text.includes('{lang=fr}')) + 1
    expect(messages.map((message) => `${message.file}:${message.line}:${message.column} ${message.ruleId}: ${message.reason}`)).toContain(
      `sources.yaml:${line}:10 unread-field: Unexpected Pandoc span \`[L'IA générative, nouvelle arme]{lang=fr}\` in \`title\` of \`ia-2024\`, expected the text alone, \`L'IA générative, nouvelle arme\`, and \`language: fr\` on the entry: a source's fields are text, not Markdown`
    )
  })

  test('in Pandoc\'s CSL YAML, a span\'s language is reported rather than dropped; `.smallcaps` is rich text', async () => {
    const yaml = "references:\n  - id: ia-2024\n    type: article-newspaper\n    title: '[L''IA générative]{lang=fr} and [ONU]{.smallcaps}'\n    author: [{family: Martin, given: Léa}]\n    container-title: Le Monde\n    issued: 2024-05-02\n"
    const {messages} = await render('en-GB', '# Intro\n\nA column [@ia-2024].\n', {'sources.yaml': yaml})
    const found = messages.filter((message) => message.ruleId === 'unread-field').map((message) => `${message.line}:${message.column} ${message.reason}`)
    expect(found).toEqual(["4:12 Unexpected Pandoc span `[L'IA générative]{lang=fr}` in `title` of `ia-2024`, expected the text alone, `L'IA générative`, and `language: fr` on the entry: its attributes are not read"])
  })
})
