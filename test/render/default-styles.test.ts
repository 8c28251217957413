import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {describe, expect, test} from 'vitest'

/**
 * rapporteur's four default CSL styles (styles/csl/), run through citeproc-js with the locales that
 * citation-js bundles: the exact text of each form, in French and in English.
 * In the expected strings, `~` stands for a no-break space (U+00A0), which the styles put between a
 * label and its number ("p.~16"), the French locale inside « » and before ";", and citeproc-js
 * after a name particle in French ("de~Lacroix"); `^` for the narrow no-break space (U+202F) that citeproc-js
 * puts before a colon written " : " in a title.
 */

const require = createRequire(import.meta.url)

interface CiteItem {id: string; locator?: string; label?: string; 'suppress-author'?: boolean; 'author-only'?: boolean}
interface Citation {citationID: string; citationItems: CiteItem[]; properties: {noteIndex: number}}
interface Engine {
  opt: {class: string; development_extensions: {wrap_url_and_doi: boolean}}
  updateItems(ids: string[]): void
  rebuildProcessorState(citations: Citation[], format: 'text' | 'html'): [string, number, string][]
  setOutputFormat(format: 'text' | 'html'): void
  makeBibliography(): [unknown, string[]]
}
interface Citeproc {
  Engine: new (sys: {retrieveLocale: (lang: string) => string | undefined; retrieveItem: (id: string) => unknown}, style: string, lang: string, forceLang: boolean) => Engine
}

const CSL = require('citeproc') as Citeproc
const locales = require('@citation-js/plugin-csl/lib/locales.json') as Record<string, string>

type StyleName = 'rapporteur-notes-fr' | 'rapporteur-notes-en' | 'rapporteur-author-date-fr' | 'rapporteur-author-date-en'
const styles: Record<StyleName, {lang: 'fr-FR' | 'en-US'; class: 'note' | 'in-text'}> = {
  'rapporteur-notes-fr': {lang: 'fr-FR', class: 'note'},
  'rapporteur-notes-en': {lang: 'en-US', class: 'note'},
  'rapporteur-author-date-fr': {lang: 'fr-FR', class: 'in-text'},
  'rapporteur-author-date-en': {lang: 'en-US', class: 'in-text'}
}

const styleXml = (name: StyleName) => readFileSync(new URL(`../../styles/csl/${name}.csl`, import.meta.url), 'utf8')

/** The sources of a French advocacy report; genres and a few titles follow the report's language. */
function itemsIn(lang: 'fr-FR' | 'en-US'): Record<string, Record<string, unknown>> {
  const fr = lang === 'fr-FR'
  const list: Record<string, unknown>[] = [
    {id: 'protect2021a', type: 'report', author: [{literal: 'Protect Children'}], title: 'CSAM Users in the Dark Web: Protecting Children Through Prevention', 'title-short': 'CSAM Users in the Dark Web', number: '3', publisher: 'Protect Children', 'publisher-place': 'Helsinki', issued: {'date-parts': [[2021, 9, 28]]}, URL: 'https://www.suojellaanlapsia.fi/en/post/csam-users-in-the-dark-web', accessed: {'date-parts': [[2024, 3, 12]]}},
    {id: 'protect2021b', type: 'report', author: [{literal: 'Protect Children'}], title: 'ReDirection Survey Report', publisher: 'Protect Children', 'publisher-place': 'Helsinki', issued: {'date-parts': [[2021, 2]]}},
    {id: 'lefevre2023', type: 'article-journal', author: [
      {family: 'Lefèvre', given: 'Chloé'}, {family: 'de Wit', given: 'Pieter'}, {family: 'Ødegaard', given: 'Søren'},
      {family: 'Kowalczyk', given: 'Żaneta'}, {family: 'Núñez', given: 'José María'}, {family: 'Müller', given: 'Anna'},
      {family: 'Papadopoulos', given: 'Ioannis'}, {family: 'García', given: 'Marta'}, {family: 'Eriksson', given: 'Lars'}],
    title: 'Exposure to fine particulate matter and asthma in children: a pooled analysis of nine European cohorts', 'title-short': 'Exposure to fine particulate matter',
    'container-title': 'Environmental Research', volume: '216', issue: '2', page: '93-101', DOI: '10.1016/j.envres.2023.114592', URL: 'https://www.sciencedirect.com/science/article/pii/S0013935123000000', issued: {'date-parts': [[2023, 1]]}},
    {id: 'dupont2022', type: 'chapter', author: [{family: 'Dupont', given: 'Marie'}], title: 'Les associations face à la pauvreté des enfants', 'container-title': "L'État social à l'épreuve", editor: [{family: 'Martin', given: 'Jean-Pierre'}, {family: 'Durand', given: 'Élise'}], publisher: 'La Découverte', 'publisher-place': 'Paris', page: '93-101', issued: {'date-parts': [[2022]]}},
    {id: 'loi2024', type: 'legislation', title: "Loi nᵒ 2024-120 du 19 février 2024 visant à garantir le respect du droit à l'image des enfants", 'title-short': 'Loi du 19 février 2024', 'container-title': 'Journal officiel de la République française', issue: '0042', issued: {'date-parts': [[2024, 2, 20]]}},
    {id: 'ddd', type: 'webpage', author: [{literal: 'Défenseur des droits'}], title: fr ? 'Saisir le Défenseur des droits' : 'Contact the Défenseur des droits', 'container-title': 'defenseurdesdroits.fr', URL: 'https://www.defenseurdesdroits.fr/saisir-le-defenseur-des-droits', accessed: {'date-parts': [[2024, 3, 1]]}},
    {id: 'unicef2024', type: 'report', genre: fr ? 'communiqué de presse' : 'press release', author: [{literal: 'UNICEF France'}], title: fr ? 'Un enfant sur cinq vit sous le seuil de pauvreté' : 'One child in five lives below the poverty line', publisher: 'UNICEF France', 'publisher-place': 'Paris', issued: {'date-parts': [[2024, 4, 23]]}, URL: 'https://www.unicef.fr/article/un-enfant-sur-cinq', accessed: {'date-parts': [[2024, 5, 2]]}},
    {id: 'moreau2022', type: 'thesis', genre: fr ? 'thèse de doctorat' : 'PhD thesis', author: [{family: 'Moreau', given: 'Léa'}], title: 'Compter les pauvres : la statistique publique et les associations (1980-2020)', 'title-short': 'Compter les pauvres', publisher: 'Université Paris Cité', 'publisher-place': 'Paris', issued: {'date-parts': [[2022]]}},
    {id: 'garnier2023', type: 'paper-conference', author: [{family: 'Garnier', given: 'Hélène'}, {family: 'van Dijk', given: 'Pieter'}, {family: 'Ní Bhriain', given: 'Aoife'}], title: 'Measuring child poverty with administrative data', 'container-title': 'Proceedings of the European Conference on Quality in Official Statistics', publisher: 'Eurostat', 'publisher-place': 'Luxembourg', page: '45-52', issued: {'date-parts': [[2023, 6]]}},
    {id: 'lacroix2019', type: 'book', author: [{family: 'Lacroix', given: 'Anne-Sophie', 'non-dropping-particle': 'de'}], title: 'La pauvreté des enfants en Europe', edition: '2', publisher: 'Presses de Sciences Po', 'publisher-place': 'Paris', issued: {'date-parts': [[2019]]}},
    {id: 'roux2020', type: 'book', author: [{family: 'Roux', given: 'Julien'}, {family: 'Benali', given: 'Sarah'}], title: 'Le non-recours aux droits sociaux', publisher: 'Presses universitaires de France', 'publisher-place': 'Paris', issued: {'date-parts': [[2020]]}}
  ]
  return Object.fromEntries(list.map((item) => [item.id as string, item]))
}

function engineFor(name: StyleName, xml = styleXml(name)) {
  const {lang} = styles[name]
  const items = itemsIn(lang)
  const engine = new CSL.Engine({retrieveLocale: (l) => locales[l], retrieveItem: (id) => items[id]}, xml, lang, true)
  engine.opt.development_extensions.wrap_url_and_doi = true
  engine.updateItems(Object.keys(items))
  return engine
}

const show = (text: string) => text.replace(/\u00a0/g, '~').replace(/\u202f/g, '^')

/** Each entry is one citation, in order; in a note style, one note each. */
function cite(name: StyleName, citations: CiteItem[][], format: 'text' | 'html' = 'text'): string[] {
  const engine = engineFor(name)
  const inNotes = styles[name].class === 'note'
  const state = citations.map((citationItems, i) => ({citationID: `c${i}`, citationItems, properties: {noteIndex: inNotes ? i + 1 : 0}}))
  return engine.rebuildProcessorState(state, format).map(([, , text]) => show(text))
}

function bibliography(name: StyleName, format: 'text' | 'html' = 'text'): string[] {
  const engine = engineFor(name)
  engine.setOutputFormat(format)
  return engine.makeBibliography()[1].map((entry) => show(entry.trim()))
}

/** Well-formed XML: every tag closed in order, every attribute quoted (citeproc-js itself is lenient). */
function wellFormed(xml: string): boolean {
  const body = xml.replace(/^<\?xml[^>]*\?>/, '').replace(/<!--[\s\S]*?-->/g, '')
  const stack: string[] = []
  for (const [, close, tag, attributes, selfClosing] of body.matchAll(/<(\/?)([\w:-]+)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>/g)) {
    if (close) {
      if (stack.pop() !== tag) return false
    } else if (!selfClosing) stack.push(tag!)
    if (close && attributes) return false
  }
  const stray = body.replace(/<(\/?)([\w:-]+)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>/g, '')
  return stack.length === 0 && !/[<>]/.test(stray)
}

const noteSequence: CiteItem[][] = [
  [{id: 'protect2021a', locator: '16'}],
  [{id: 'protect2021a'}],
  [{id: 'protect2021a', locator: '12'}],
  [{id: 'protect2021a', locator: '12'}],
  [{id: 'lefevre2023', locator: '95'}],
  [{id: 'protect2021a', locator: '20'}],
  [{id: 'lefevre2023'}],
  [{id: 'dupont2022', locator: '3', label: 'chapter'}],
  [{id: 'loi2024'}],
  [{id: 'ddd'}],
  [{id: 'unicef2024'}],
  [{id: 'moreau2022', locator: '12-15'}],
  [{id: 'garnier2023'}],
  [{id: 'lacroix2019', locator: '7'}],
  [{id: 'roux2020'}, {id: 'dupont2022', locator: '95'}],
  [{id: 'garnier2023', locator: '47'}],
  [{id: 'lacroix2019'}],
  [{id: 'protect2021b'}],
  [{id: 'loi2024'}],
  [{id: 'lacroix2019', locator: '7'}, {id: 'lacroix2019', locator: '8'}]
]

describe('the default styles are CSL 1.0 that citeproc-js reads', () => {
  test.each(Object.entries(styles))('%s', (name, {lang, class: cls}) => {
    const xml = styleXml(name as StyleName)
    expect(wellFormed(xml)).toBe(true)
    expect(xml).toMatch(new RegExp(`<style xmlns="http://purl.org/net/xbiblio/csl" version="1.0" class="${cls}" default-locale="${lang}"`))
    expect(xml).toContain(`<id>${name}</id>`)
    expect(xml).toContain('<name>rapporteur contributors</name>')
    expect(xml).toMatch(/<updated>\d{4}-\d\d-\d\dT00:00:00\+00:00<\/updated>/)
    expect(xml).toMatch(/<rights license="[^"]+">[^<]+<\/rights>/)
    expect(xml).toMatch(cls === 'note' ? /<category citation-format="note"\/>/ : /<category citation-format="author-date"\/>/)
    expect(engineFor(name as StyleName).opt.class).toBe(cls)
  })

  test('the well-formedness check rejects a broken style', () => {
    const xml = styleXml('rapporteur-notes-fr')
    expect(wellFormed(xml.slice(0, -200))).toBe(false)
    expect(wellFormed(xml.replace('<macro name="pages">', '<macro name="pages"'))).toBe(false)
    expect(wellFormed(xml.replace('</citation>', ''))).toBe(false)
  })
})

describe('notes, in French (rapporteur-notes-fr)', () => {
  const notes = cite('rapporteur-notes-fr', noteSequence)

  test('first note: the full reference, with the locator, the link and the date it was read', () => {
    expect(notes[0]).toBe('Protect Children, CSAM Users in the Dark Web: Protecting Children Through Prevention, rapport nᵒ~3, Helsinki, Protect Children, 28 septembre 2021, p.~16, https://www.suojellaanlapsia.fi/en/post/csam-users-in-the-dark-web, consulté le 12 mars 2024.')
  })

  test('Ibid. for the source of the note just before, with the page when it changes', () => {
    expect(notes[2]).toBe('Ibid., p.~12.')
    expect(notes[3]).toBe('Ibid.')
  })

  test('after another source, or without the locator of the note before: the short form', () => {
    expect(notes[1]).toBe('Protect Children, CSAM Users in the Dark Web.')
    expect(notes[5]).toBe('Protect Children, CSAM Users in the Dark Web, p.~20.')
  })

  test('four authors or more: the first, then et al.; the article in quotes, its DOI as a link', () => {
    expect(notes[4]).toBe('Chloé Lefèvre et al., «~Exposure to fine particulate matter and asthma in children: a pooled analysis of nine European cohorts~», Environmental Research, vol.~216, nᵒ~2, janvier 2023, p.~95, https://doi.org/10.1016/j.envres.2023.114592.')
    expect(notes[6]).toBe('Lefèvre et al., «~Exposure to fine particulate matter~».')
  })

  test('a chapter: in the editors (dir.), the book; the chapter as locator', () => {
    expect(notes[7]).toBe('Marie Dupont, «~Les associations face à la pauvreté des enfants~», in Jean-Pierre Martin et Élise Durand (dir.), L’État social à l’épreuve, Paris, La Découverte, 2022, chap.~3.')
  })

  test('a law, a webpage, a press release, a thesis, a conference paper', () => {
    expect(notes[8]).toBe('Loi nᵒ 2024-120 du 19 février 2024 visant à garantir le respect du droit à l’image des enfants, Journal officiel de la République française, nᵒ~0042, 20 février 2024.')
    expect(notes[9]).toBe('Défenseur des droits, «~Saisir le Défenseur des droits~», defenseurdesdroits.fr, https://www.defenseurdesdroits.fr/saisir-le-defenseur-des-droits, consulté le 1ᵉʳ mars 2024.')
    expect(notes[10]).toBe('UNICEF France, Un enfant sur cinq vit sous le seuil de pauvreté, communiqué de presse, Paris, UNICEF France, 23 avril 2024, https://www.unicef.fr/article/un-enfant-sur-cinq, consulté le 2 mai 2024.')
    expect(notes[11]).toBe('Léa Moreau, Compter les pauvres^: la statistique publique et les associations (1980-2020), thèse de doctorat, Paris, Université Paris Cité, 2022, p.~12\u201115.')
    expect(notes[12]).toBe('Hélène Garnier, Pieter van~Dijk et Aoife Ní Bhriain, «~Measuring child poverty with administrative data~», in Proceedings of the European Conference on Quality in Official Statistics, Luxembourg, Eurostat, juin 2023, p.~45\u201152.')
  })

  test('particles stay with the family name; an edition; two sources in one note', () => {
    expect(notes[13]).toBe('Anne-Sophie de~Lacroix, La pauvreté des enfants en Europe, 2ᵉ éd., Paris, Presses de Sciences Po, 2019, p.~7.')
    expect(notes[14]).toBe('Julien Roux et Sarah Benali, Le non-recours aux droits sociaux, Paris, Presses universitaires de France, 2020~; Dupont, «~Les associations face à la pauvreté des enfants~», p.~95.')
    expect(notes[16]).toBe('de~Lacroix, La pauvreté des enfants en Europe.')
  })

  test('short forms: three names in full, the short title of a law', () => {
    expect(notes[15]).toBe('Garnier, van~Dijk et Ní Bhriain, «~Measuring child poverty with administrative data~», p.~47.')
    expect(notes[17]).toBe('Protect Children, ReDirection Survey Report, Helsinki, Protect Children, février 2021.')
    expect(notes[18]).toBe('Loi du 19 février 2024.')
  })

  test('ibid. inside a note, after the same source: no capital after the semicolon', () => {
    expect(notes[19]).toBe('de~Lacroix, La pauvreté des enfants en Europe, p.~7~; ibid., p.~8.')
  })

  test('in HTML: italic titles and Ibid., DOI and URL as links', () => {
    const html = cite('rapporteur-notes-fr', noteSequence.slice(0, 5), 'html')
    expect(html[0]).toContain('Protect Children, <i>CSAM Users in the Dark Web: Protecting Children Through Prevention</i>, rapport')
    expect(html[0]).toContain('<a href="https://www.suojellaanlapsia.fi/en/post/csam-users-in-the-dark-web">https://www.suojellaanlapsia.fi/en/post/csam-users-in-the-dark-web</a>, consulté le 12 mars 2024.')
    expect(html[2]).toBe('<i>Ibid.</i>, p.~12.')
    expect(html[4]).toContain('«~Exposure to fine particulate matter and asthma in children: a pooled analysis of nine European cohorts~», <i>Environmental Research</i>, vol.~216')
    expect(html[4]).toContain(', <a href="https://doi.org/10.1016/j.envres.2023.114592">https://doi.org/10.1016/j.envres.2023.114592</a>.')
  })

  test('bibliography: by family name (particles aside), then date; first author inverted, up to seven names', () => {
    expect(bibliography('rapporteur-notes-fr')).toEqual([
      'Défenseur des droits. «~Saisir le Défenseur des droits~», defenseurdesdroits.fr, https://www.defenseurdesdroits.fr/saisir-le-defenseur-des-droits, consulté le 1ᵉʳ mars 2024.',
      'Dupont, Marie. «~Les associations face à la pauvreté des enfants~», in Jean-Pierre Martin et Élise Durand (dir.), L’État social à l’épreuve, Paris, La Découverte, 2022, p.~93\u2011101.',
      'Garnier, Hélène, Pieter van~Dijk et Aoife Ní Bhriain. «~Measuring child poverty with administrative data~», in Proceedings of the European Conference on Quality in Official Statistics, Luxembourg, Eurostat, juin 2023, p.~45\u201152.',
      'de~Lacroix, Anne-Sophie. La pauvreté des enfants en Europe, 2ᵉ éd., Paris, Presses de Sciences Po, 2019.',
      'Lefèvre, Chloé, Pieter de~Wit, Søren Ødegaard, Żaneta Kowalczyk, José María Núñez, Anna Müller, Ioannis Papadopoulos, et al. «~Exposure to fine particulate matter and asthma in children: a pooled analysis of nine European cohorts~», Environmental Research, vol.~216, nᵒ~2, janvier 2023, p.~93\u2011101, https://doi.org/10.1016/j.envres.2023.114592.',
      'Loi nᵒ 2024-120 du 19 février 2024 visant à garantir le respect du droit à l’image des enfants, Journal officiel de la République française, nᵒ~0042, 20 février 2024.',
      'Moreau, Léa. Compter les pauvres^: la statistique publique et les associations (1980-2020), thèse de doctorat, Paris, Université Paris Cité, 2022.',
      'Protect Children. ReDirection Survey Report, Helsinki, Protect Children, février 2021.',
      'Protect Children. CSAM Users in the Dark Web: Protecting Children Through Prevention, rapport nᵒ~3, Helsinki, Protect Children, 28 septembre 2021, https://www.suojellaanlapsia.fi/en/post/csam-users-in-the-dark-web, consulté le 12 mars 2024.',
      'Roux, Julien et Sarah Benali. Le non-recours aux droits sociaux, Paris, Presses universitaires de France, 2020.',
      'UNICEF France. Un enfant sur cinq vit sous le seuil de pauvreté, communiqué de presse, Paris, UNICEF France, 23 avril 2024, https://www.unicef.fr/article/un-enfant-sur-cinq, consulté le 2 mai 2024.'
    ])
  })

  test('bibliography in HTML: the DOI as a link, the journal in italics', () => {
    const entry = bibliography('rapporteur-notes-fr', 'html').find((html) => html.includes('Lefèvre'))
    expect(entry).toContain('<i>Environmental Research</i>, vol.~216, n<sup>o</sup>~2, janvier 2023, p.~93\u2011101, <a href="https://doi.org/10.1016/j.envres.2023.114592">https://doi.org/10.1016/j.envres.2023.114592</a>.</div>')
  })
})

describe('notes, in English (rapporteur-notes-en)', () => {
  const notes = cite('rapporteur-notes-en', noteSequence)

  test('first note, Ibid., short form', () => {
    expect(notes[0]).toBe('Protect Children, CSAM Users in the Dark Web: Protecting Children Through Prevention, report no.~3, Helsinki, Protect Children, 28 September 2021, p.~16, https://www.suojellaanlapsia.fi/en/post/csam-users-in-the-dark-web, accessed 12 March 2024.')
    expect(notes[1]).toBe('Protect Children, CSAM Users in the Dark Web.')
    expect(notes[2]).toBe('Ibid., p.~12.')
    expect(notes[3]).toBe('Ibid.')
    expect(notes[5]).toBe('Protect Children, CSAM Users in the Dark Web, p.~20.')
  })

  test('et al., the article in quotes, the chapter with its editors', () => {
    expect(notes[4]).toBe('Chloé Lefèvre et al., “Exposure to fine particulate matter and asthma in children: a pooled analysis of nine European cohorts,” Environmental Research, vol.~216, no.~2, January 2023, p.~95, https://doi.org/10.1016/j.envres.2023.114592.')
    expect(notes[6]).toBe('Lefèvre et al., “Exposure to fine particulate matter.”')
    expect(notes[7]).toBe('Marie Dupont, “Les associations face à la pauvreté des enfants,” in Jean-Pierre Martin and Élise Durand (eds.), L’État social à l’épreuve, Paris, La Découverte, 2022, chap.~3.')
  })

  test('a law, a webpage, a press release, a thesis, a conference paper', () => {
    expect(notes[8]).toBe('Loi nᵒ 2024-120 du 19 février 2024 visant à garantir le respect du droit à l’image des enfants, Journal officiel de la République française, no.~0042, 20 February 2024.')
    expect(notes[9]).toBe('Défenseur des droits, “Contact the Défenseur des droits,” defenseurdesdroits.fr, https://www.defenseurdesdroits.fr/saisir-le-defenseur-des-droits, accessed 1 March 2024.')
    expect(notes[10]).toBe('UNICEF France, One child in five lives below the poverty line, press release, Paris, UNICEF France, 23 April 2024, https://www.unicef.fr/article/un-enfant-sur-cinq, accessed 2 May 2024.')
    expect(notes[11]).toBe('Léa Moreau, Compter les pauvres^: la statistique publique et les associations (1980-2020), PhD thesis, Paris, Université Paris Cité, 2022, pp.~12–15.')
    expect(notes[12]).toBe('Hélène Garnier, Pieter van Dijk, and Aoife Ní Bhriain, “Measuring child poverty with administrative data,” in Proceedings of the European Conference on Quality in Official Statistics, Luxembourg, Eurostat, June 2023, pp.~45–52.')
  })

  test('particles, edition, two sources in one note, short forms', () => {
    expect(notes[13]).toBe('Anne-Sophie de Lacroix, La pauvreté des enfants en Europe, 2nd ed., Paris, Presses de Sciences Po, 2019, p.~7.')
    expect(notes[14]).toBe('Julien Roux and Sarah Benali, Le non-recours aux droits sociaux, Paris, Presses universitaires de France, 2020; Dupont, “Les associations face à la pauvreté des enfants,” p.~95.')
    expect(notes[15]).toBe('Garnier, van Dijk, and Ní Bhriain, “Measuring child poverty with administrative data,” p.~47.')
    expect(notes[16]).toBe('de Lacroix, La pauvreté des enfants en Europe.')
    expect(notes[18]).toBe('Loi du 19 février 2024.')
    expect(notes[19]).toBe('de Lacroix, La pauvreté des enfants en Europe, p.~7; ibid., p.~8.')
  })

  test('in HTML: italic Ibid. and the DOI as a link', () => {
    const html = cite('rapporteur-notes-en', noteSequence.slice(0, 5), 'html')
    expect(html[3]).toBe('<i>Ibid.</i>')
    expect(html[4]).toContain('<i>Environmental Research</i>, vol.~216, no.~2, January 2023, p.~95, <a href="https://doi.org/10.1016/j.envres.2023.114592">https://doi.org/10.1016/j.envres.2023.114592</a>.')
  })

  test('bibliography: order, inverted first author, serial comma', () => {
    expect(bibliography('rapporteur-notes-en')).toEqual([
      'Défenseur des droits. “Contact the Défenseur des droits,” defenseurdesdroits.fr, https://www.defenseurdesdroits.fr/saisir-le-defenseur-des-droits, accessed 1 March 2024.',
      'Dupont, Marie. “Les associations face à la pauvreté des enfants,” in Jean-Pierre Martin and Élise Durand (eds.), L’État social à l’épreuve, Paris, La Découverte, 2022, pp.~93–101.',
      'Garnier, Hélène, Pieter van Dijk, and Aoife Ní Bhriain. “Measuring child poverty with administrative data,” in Proceedings of the European Conference on Quality in Official Statistics, Luxembourg, Eurostat, June 2023, pp.~45–52.',
      'de Lacroix, Anne-Sophie. La pauvreté des enfants en Europe, 2nd ed., Paris, Presses de Sciences Po, 2019.',
      'Lefèvre, Chloé, Pieter de Wit, Søren Ødegaard, Żaneta Kowalczyk, José María Núñez, Anna Müller, Ioannis Papadopoulos, et al. “Exposure to fine particulate matter and asthma in children: a pooled analysis of nine European cohorts,” Environmental Research, vol.~216, no.~2, January 2023, pp.~93–101, https://doi.org/10.1016/j.envres.2023.114592.',
      'Loi nᵒ 2024-120 du 19 février 2024 visant à garantir le respect du droit à l’image des enfants, Journal officiel de la République française, no.~0042, 20 February 2024.',
      'Moreau, Léa. Compter les pauvres^: la statistique publique et les associations (1980-2020), PhD thesis, Paris, Université Paris Cité, 2022.',
      'Protect Children. ReDirection Survey Report, Helsinki, Protect Children, February 2021.',
      'Protect Children. CSAM Users in the Dark Web: Protecting Children Through Prevention, report no.~3, Helsinki, Protect Children, 28 September 2021, https://www.suojellaanlapsia.fi/en/post/csam-users-in-the-dark-web, accessed 12 March 2024.',
      'Roux, Julien, and Sarah Benali. Le non-recours aux droits sociaux, Paris, Presses universitaires de France, 2020.',
      'UNICEF France. One child in five lives below the poverty line, press release, Paris, UNICEF France, 23 April 2024, https://www.unicef.fr/article/un-enfant-sur-cinq, accessed 2 May 2024.'
    ])
  })
})

const authorDateSequence: CiteItem[][] = [
  [{id: 'protect2021a', locator: '16'}],
  [{id: 'protect2021b'}],
  [{id: 'lefevre2023'}],
  [{id: 'roux2020'}],
  [{id: 'garnier2023', locator: '47'}],
  [{id: 'lacroix2019'}],
  [{id: 'loi2024'}],
  [{id: 'ddd'}],
  [{id: 'protect2021a', locator: '16', 'suppress-author': true}],
  [{id: 'protect2021b', 'author-only': true}],
  [{id: 'roux2020'}, {id: 'protect2021a'}, {id: 'protect2021b'}],
  [{id: 'dupont2022', locator: '3', label: 'chapter'}],
  [{id: 'moreau2022', locator: '12-15'}],
  [{id: 'protect2021a', locator: '16'}]
]

describe('author-date, in French (rapporteur-author-date-fr)', () => {
  const cites = cite('rapporteur-author-date-fr', authorDateSequence)

  test('(Auteur Année, p. 16), with a year suffix for one author’s two works of a year', () => {
    expect(cites[0]).toBe('(Protect Children 2021b, p.~16)')
    expect(cites[1]).toBe('(Protect Children 2021a)')
    expect(cites[13]).toBe('(Protect Children 2021b, p.~16)')
  })

  test('et al. from three authors, "et" for two, particles kept, a law by its short title, no date', () => {
    expect(cites[2]).toBe('(Lefèvre et al. 2023)')
    expect(cites[3]).toBe('(Roux et Benali 2020)')
    expect(cites[4]).toBe('(Garnier et al. 2023, p.~47)')
    expect(cites[5]).toBe('(de~Lacroix 2019)')
    expect(cites[6]).toBe('(Loi du 19 février 2024)')
    expect(cites[7]).toBe('(Défenseur des droits s.~d.)')
  })

  test('suppress-author and author-only', () => {
    expect(cites[8]).toBe('(2021b, p.~16)')
    expect(cites[9]).toBe('Protect Children')
  })

  test('several sources: sorted, years of one author collapsed, other locator labels', () => {
    expect(cites[10]).toBe('(Protect Children 2021a, 2021b~; Roux et Benali 2020)')
    expect(cites[11]).toBe('(Dupont 2022, chap.~3)')
    expect(cites[12]).toBe('(Moreau 2022, p.~12\u201115)')
  })

  test('bibliography: the date after the names, with day and month for dated documents', () => {
    expect(bibliography('rapporteur-author-date-fr')).toEqual([
      'Défenseur des droits (s.~d.). «~Saisir le Défenseur des droits~», defenseurdesdroits.fr, https://www.defenseurdesdroits.fr/saisir-le-defenseur-des-droits, consulté le 1ᵉʳ mars 2024.',
      'Dupont, Marie (2022). «~Les associations face à la pauvreté des enfants~», in Jean-Pierre Martin et Élise Durand (dir.), L’État social à l’épreuve, Paris, La Découverte, p.~93\u2011101.',
      'Garnier, Hélène, Pieter van~Dijk et Aoife Ní Bhriain (2023). «~Measuring child poverty with administrative data~», in Proceedings of the European Conference on Quality in Official Statistics, Luxembourg, Eurostat, p.~45\u201152.',
      'de~Lacroix, Anne-Sophie (2019). La pauvreté des enfants en Europe, 2ᵉ éd., Paris, Presses de Sciences Po.',
      'Lefèvre, Chloé, Pieter de~Wit, Søren Ødegaard, Żaneta Kowalczyk, José María Núñez, Anna Müller, Ioannis Papadopoulos, et al. (2023). «~Exposure to fine particulate matter and asthma in children: a pooled analysis of nine European cohorts~», Environmental Research, vol.~216, nᵒ~2, p.~93\u2011101, https://doi.org/10.1016/j.envres.2023.114592.',
      'Loi nᵒ 2024-120 du 19 février 2024 visant à garantir le respect du droit à l’image des enfants (2024, 20 février). Journal officiel de la République française, nᵒ~0042.',
      'Moreau, Léa (2022). Compter les pauvres^: la statistique publique et les associations (1980-2020), thèse de doctorat, Paris, Université Paris Cité.',
      'Protect Children (2021a, février). ReDirection Survey Report, Helsinki, Protect Children.',
      'Protect Children (2021b, 28 septembre). CSAM Users in the Dark Web: Protecting Children Through Prevention, rapport nᵒ~3, Helsinki, Protect Children, https://www.suojellaanlapsia.fi/en/post/csam-users-in-the-dark-web, consulté le 12 mars 2024.',
      'Roux, Julien et Sarah Benali (2020). Le non-recours aux droits sociaux, Paris, Presses universitaires de France.',
      'UNICEF France (2024, 23 avril). Un enfant sur cinq vit sous le seuil de pauvreté, communiqué de presse, Paris, UNICEF France, https://www.unicef.fr/article/un-enfant-sur-cinq, consulté le 2 mai 2024.'
    ])
  })

  test('bibliography in HTML: the DOI as a link', () => {
    const entry = bibliography('rapporteur-author-date-fr', 'html').find((html) => html.includes('Lefèvre'))
    expect(entry).toContain('p.~93\u2011101, <a href="https://doi.org/10.1016/j.envres.2023.114592">https://doi.org/10.1016/j.envres.2023.114592</a>.</div>')
  })
})

describe('author-date, in English (rapporteur-author-date-en)', () => {
  const cites = cite('rapporteur-author-date-en', authorDateSequence)

  test('(Author Year, p. 16), year suffixes, et al., "and" for two', () => {
    expect(cites[0]).toBe('(Protect Children 2021b, p.~16)')
    expect(cites[1]).toBe('(Protect Children 2021a)')
    expect(cites[2]).toBe('(Lefèvre et al. 2023)')
    expect(cites[3]).toBe('(Roux and Benali 2020)')
    expect(cites[4]).toBe('(Garnier et al. 2023, p.~47)')
    expect(cites[5]).toBe('(de Lacroix 2019)')
    expect(cites[6]).toBe('(Loi du 19 février 2024)')
    expect(cites[7]).toBe('(Défenseur des droits n.d.)')
  })

  test('suppress-author, author-only, several sources, locator labels', () => {
    expect(cites[8]).toBe('(2021b, p.~16)')
    expect(cites[9]).toBe('Protect Children')
    expect(cites[10]).toBe('(Protect Children 2021a, 2021b; Roux and Benali 2020)')
    expect(cites[11]).toBe('(Dupont 2022, chap.~3)')
    expect(cites[12]).toBe('(Moreau 2022, pp.~12–15)')
  })

  test('bibliography: the date after the names, with day and month for dated documents', () => {
    expect(bibliography('rapporteur-author-date-en')).toEqual([
      'Défenseur des droits (n.d.). “Contact the Défenseur des droits,” defenseurdesdroits.fr, https://www.defenseurdesdroits.fr/saisir-le-defenseur-des-droits, accessed 1 March 2024.',
      'Dupont, Marie (2022). “Les associations face à la pauvreté des enfants,” in Jean-Pierre Martin and Élise Durand (eds.), L’État social à l’épreuve, Paris, La Découverte, pp.~93–101.',
      'Garnier, Hélène, Pieter van Dijk, and Aoife Ní Bhriain (2023). “Measuring child poverty with administrative data,” in Proceedings of the European Conference on Quality in Official Statistics, Luxembourg, Eurostat, pp.~45–52.',
      'de Lacroix, Anne-Sophie (2019). La pauvreté des enfants en Europe, 2nd ed., Paris, Presses de Sciences Po.',
      'Lefèvre, Chloé, Pieter de Wit, Søren Ødegaard, Żaneta Kowalczyk, José María Núñez, Anna Müller, Ioannis Papadopoulos, et al. (2023). “Exposure to fine particulate matter and asthma in children: a pooled analysis of nine European cohorts,” Environmental Research, vol.~216, no.~2, pp.~93–101, https://doi.org/10.1016/j.envres.2023.114592.',
      'Loi nᵒ 2024-120 du 19 février 2024 visant à garantir le respect du droit à l’image des enfants (2024, 20 February). Journal officiel de la République française, no.~0042.',
      'Moreau, Léa (2022). Compter les pauvres^: la statistique publique et les associations (1980-2020), PhD thesis, Paris, Université Paris Cité.',
      'Protect Children (2021a, February). ReDirection Survey Report, Helsinki, Protect Children.',
      'Protect Children (2021b, 28 September). CSAM Users in the Dark Web: Protecting Children Through Prevention, report no.~3, Helsinki, Protect Children, https://www.suojellaanlapsia.fi/en/post/csam-users-in-the-dark-web, accessed 12 March 2024.',
      'Roux, Julien, and Sarah Benali (2020). Le non-recours aux droits sociaux, Paris, Presses universitaires de France.',
      'UNICEF France (2024, 23 April). One child in five lives below the poverty line, press release, Paris, UNICEF France, https://www.unicef.fr/article/un-enfant-sur-cinq, accessed 2 May 2024.'
    ])
  })
})

describe('an approximate date (`circa`: BibLaTeX `1890~`, CSL YAML `circa: true`) is said, as citeproc-js prints it with the locale’s term', () => {
  const items: Record<string, Record<string, unknown>> = {
    registres: {id: 'registres', type: 'book', author: [{family: 'Hugo', given: 'Léon'}], title: 'Registres de la paroisse', publisher: 'Archives départementales', issued: {'date-parts': [[1890]], circa: true}},
    exact: {id: 'exact', type: 'book', author: [{family: 'Hugo', given: 'Léon'}], title: 'Registres datés', publisher: 'Archives départementales', issued: {'date-parts': [[1891]]}}
  }
  const run = (name: StyleName) => {
    const {lang, class: cls} = styles[name]
    const engine = new CSL.Engine({retrieveLocale: (l) => locales[l], retrieveItem: (id) => items[id]}, styleXml(name), lang, true)
    engine.updateItems(Object.keys(items))
    const [cited] = engine.rebuildProcessorState([{citationID: 'c0', citationItems: [{id: 'registres'}, {id: 'exact'}], properties: {noteIndex: cls === 'note' ? 1 : 0}}], 'text').map(([, , text]) => show(text))
    engine.setOutputFormat('text')
    return {cited, entries: engine.makeBibliography()[1].map((entry) => show(entry.trim()))}
  }

  test.each([
    ['rapporteur-author-date-fr', '(Hugo vers 1890, 1891)', 'Hugo, Léon (vers 1890). Registres de la paroisse', 'Hugo, Léon (1891). Registres datés'],
    ['rapporteur-author-date-en', '(Hugo c. 1890, 1891)', 'Hugo, Léon (c. 1890). Registres de la paroisse', 'Hugo, Léon (1891). Registres datés'],
    ['rapporteur-notes-fr', 'vers 1890', 'vers 1890', '1891'],
    ['rapporteur-notes-en', 'c. 1890', 'c. 1890', '1891']
  ] as const)('%s', (name, cited, approximate, exact) => {
    const result = run(name)
    expect(result.cited).toContain(cited)
    expect(result.entries.find((entry) => entry.includes('paroisse'))).toContain(approximate)
    expect(result.entries.find((entry) => entry.includes('datés'))).toContain(exact)
    expect(result.entries.find((entry) => entry.includes('datés'))).not.toMatch(/vers|c\. /u)
  })
})

describe('the English styles serve a report in another language (lang: de, es): dates in that language’s order', () => {
  const item = {id: 'bericht', type: 'report', author: [{literal: 'Umweltbundesamt'}], title: 'Energiearmut in Deutschland', publisher: 'Umweltbundesamt', issued: {'date-parts': [[2024, 4, 18]]}, URL: 'https://example.org/bericht', accessed: {'date-parts': [[2026, 2, 3]]}}
  const firstNote = (name: StyleName, lang: string) => {
    const engine = new CSL.Engine({retrieveLocale: (l) => locales[l], retrieveItem: () => item}, styleXml(name), lang, true)
    engine.updateItems(['bericht'])
    return engine.rebuildProcessorState([{citationID: 'c0', citationItems: [{id: 'bericht'}], properties: {noteIndex: 1}}], 'text').map(([, , text]) => show(text))[0]
  }

  test.each([
    ['de-DE', '18. April 2024', 'zugegriffen 3. Februar 2026'],
    ['es-ES', '18 de abril de 2024', '3 de febrero de 2026'],
    ['en-US', '18 April 2024', 'accessed 3 February 2026']
  ])('%s', (lang, issued, accessed) => {
    const note = firstNote('rapporteur-notes-en', lang)
    expect(note).toContain(issued)
    expect(note).toContain(accessed)
  })
})

describe('a law’s, a bill’s, a case’s number is printed, in notes and the bibliography, as written (`c. 26`), labelled when it is a number alone', () => {
  const items: Record<string, Record<string, unknown>> = {
    act: {id: 'act', type: 'legislation', title: 'Renters’ Rights Act 2025', number: 'c. 26', publisher: 'UK Parliament', issued: {'date-parts': [[2025]]}},
    treaty: {id: 'treaty', type: 'treaty', title: 'Housing Act 1988', number: 'c. 50', issued: {'date-parts': [[1988]]}},
    bill: {id: 'bill', type: 'bill', title: 'Projet de loi de finances', number: '1680', issued: {'date-parts': [[2023]]}},
    case: {id: 'case', type: 'legal_case', title: 'Smith v Jones', number: '[2020] UKSC 1', issued: {'date-parts': [[2020]]}}
  }
  const run = (name: StyleName) => {
    const {lang, class: cls} = styles[name]
    const engine = new CSL.Engine({retrieveLocale: (l) => locales[l], retrieveItem: (id) => items[id]}, styleXml(name), lang, true)
    engine.updateItems(Object.keys(items))
    const notes = engine.rebuildProcessorState(Object.keys(items).map((id, i) => ({citationID: `c${i}`, citationItems: [{id}], properties: {noteIndex: cls === 'note' ? i + 1 : 0}})), 'text').map(([, , text]) => show(text))
    engine.setOutputFormat('text')
    return {notes, entries: engine.makeBibliography()[1].map((entry) => show(entry.trim()))}
  }

  test.each([
    ['rapporteur-notes-fr', 'Renters’ Rights Act 2025, c. 26, UK Parliament, 2025.', 'Projet de loi de finances, nᵒ~1680, 2023.'],
    ['rapporteur-notes-en', 'Renters’ Rights Act 2025, c. 26, UK Parliament, 2025.', 'Projet de loi de finances, no.~1680, 2023.'],
    ['rapporteur-author-date-fr', 'Renters’ Rights Act 2025 (2025). c. 26, UK Parliament.', 'Projet de loi de finances (2023). nᵒ~1680.'],
    ['rapporteur-author-date-en', 'Renters’ Rights Act 2025 (2025). c. 26, UK Parliament.', 'Projet de loi de finances (2023). no.~1680.']
  ] as const)('%s', (name, act, bill) => {
    const {notes, entries} = run(name)
    expect(entries).toContain(act)
    expect(entries).toContain(bill)
    expect(entries.join('\n')).toContain('Housing Act 1988')
    expect(entries.find((entry) => entry.includes('Housing'))).toContain('c. 50')
    expect(entries.find((entry) => entry.includes('Smith'))).toContain('[2020] UKSC 1')
    if (styles[name].class === 'note') expect(notes[0]).toBe(act)
  })
})

describe('a case’s court and a bill’s legislature (CSL `authority`) are printed, in notes and the bibliography, before the date', () => {
  const items: Record<string, Record<string, unknown>> = {
    sts: {id: 'sts', type: 'legal_case', title: 'Sentencia 123/2024, de 7 de febrero', authority: 'Tribunal Supremo, Sala de lo Penal', number: 'STS 123/2024', issued: {'date-parts': [[2024, 2, 7]]}},
    bill: {id: 'bill', type: 'bill', title: 'Proyecto de Ley de vivienda', authority: 'Congreso de los Diputados', issued: {'date-parts': [[2022]]}},
    report: {id: 'report', type: 'report', title: 'Informe anual', authority: 'Defensor del Pueblo', publisher: 'BOE', issued: {'date-parts': [[2023]]}}
  }
  test.each(['rapporteur-notes-fr', 'rapporteur-notes-en', 'rapporteur-author-date-fr', 'rapporteur-author-date-en'] as const)('%s', (name) => {
    const {lang, class: cls} = styles[name]
    const engine = new CSL.Engine({retrieveLocale: (l) => locales[l], retrieveItem: (id) => items[id]}, styleXml(name), lang, true)
    engine.updateItems(Object.keys(items))
    const notes = engine.rebuildProcessorState(Object.keys(items).map((id, i) => ({citationID: `c${i}`, citationItems: [{id}], properties: {noteIndex: cls === 'note' ? i + 1 : 0}})), 'text').map(([, , text]) => show(text))
    engine.setOutputFormat('text')
    const entries = engine.makeBibliography()[1].map((entry) => show(entry.trim()))
    expect(entries.find((entry) => entry.includes('Sentencia'))).toMatch(/STS 123\/2024, Tribunal Supremo, Sala de lo Penal\b/u)
    expect(entries.find((entry) => entry.includes('Proyecto'))).toContain('Congreso de los Diputados')
    // Outside the law, `authority` is no issuer of ours: a report names its publisher.
    expect(entries.find((entry) => entry.includes('Informe'))).not.toContain('Defensor')
    if (cls === 'note') expect(notes[0]).toContain('STS 123/2024, Tribunal Supremo, Sala de lo Penal, ')
  })
})

describe('a work without author cited in the sentence (`@key`): the author-date styles print its short title there, and not again in the parentheses', () => {
  const act = {id: 'act', type: 'legislation', title: 'Renters’ Rights Act 2025', number: 'c. 26', issued: {'date-parts': [[2025]]}}
  test.each(['rapporteur-author-date-fr', 'rapporteur-author-date-en'] as const)('%s', (name) => {
    const engine = new CSL.Engine({retrieveLocale: (l) => locales[l], retrieveItem: () => act}, styleXml(name), styles[name].lang, true)
    engine.updateItems(['act'])
    const [cited, withLocator] = engine.rebuildProcessorState([
      {citationID: 'c0', citationItems: [{id: 'act'}], properties: {noteIndex: 0}},
      {citationID: 'c1', citationItems: [{id: 'act', 'suppress-author': true, locator: '1', label: 'section'}], properties: {noteIndex: 0}}
    ], 'text').map(([, , text]) => show(text))
    expect(cited).toBe('(Renters’ Rights Act 2025)')
    expect(withLocator).toMatch(/^\(sec?t?\.~1\)$/u)
    expect((engine as unknown as {makeCitationCluster(items: CiteItem[]): string}).makeCitationCluster([{id: 'act', 'author-only': true}])).toBe('Renters’ Rights Act 2025')
  })
})
