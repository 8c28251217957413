import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {afterAll, describe, expect, test} from 'vitest'
import {build} from '../../src/api/build.js'
import {check} from '../../src/api/check.js'
import {disambiguate, pandocRisKey, risRecords} from '../../src/model/registry/ris-records.js'
import {registryFormat} from '../../src/model/registry/formats.js'
import {removeProject, writeProject} from '../helpers/project.js'

/** RIS (EndNote, Zotero, Mendeley, library catalogues) and Pandoc's CSL YAML, beside the three other formats. */
const made: string[] = []
afterAll(async () => Promise.all(made.map((dir) => removeProject(dir))))

const config = (sources: string) => `title: Exemple\norganisation: Fondation\nlang: fr\ndate: 2026-01\naxes: [{id: prevention, label: Prévention}]\nsources: ${sources}\neditions:\n  full: {title: Rapport, files: [chapters/intro.md], output: rapport}\n`

async function load(files: Record<string, string>) {
  const dir = await writeProject(files)
  made.push(dir)
  const result = await check(dir)
  if (!result.ok) throw new Error('project did not load')
  const findings = result.files.flatMap((file) => file.messages.map((message) => `${file.path}:${message.line}:${message.column} ${message.ruleId}: ${message.reason}`))
  return {dir, model: result.model, findings}
}

/** As Zotero exports a report, a journal article and a web page (CRLF line ends, a byte order mark, as EndNote writes them). */
const zoteroRis = [
  '\uFEFFTY  - RPRT',
  "TI  - Rapport d'activité 2023",
  "AU  - Fondation pour l'Enfance",
  'PY  - 2024',
  'DA  - 2024/03/15/',
  "PB  - Fondation pour l'Enfance",
  'CY  - Paris',
  'UR  - https://example.org/rapport.pdf',
  'Y2  - 2026/01/10/15:16:50',
  'L1  - internal-pdf://0123/rapport.pdf',
  'ER  - ',
  '',
  'TY  - JOUR',
  'TI  - Online child sexual exploitation:',
  '  a review',
  'T2  - Child Abuse & Neglect',
  'AU  - Doe, Jane',
  'AU  - Roe, Richard A.',
  'PY  - 2020',
  'VL  - 101',
  'SP  - 12',
  'EP  - 30',
  'DO  - 10.1016/j.chiabu.2020.104',
  'XY  - a tag no specification has',
  'ER  - ',
  '',
  'TY  - ELEC',
  'TI  - Signaler un contenu',
  'AU  - Pharos',
  'PY  - 2025',
  'UR  - https://www.internet-signalement.gouv.fr',
  'Y2  - 2026-01-12',
  'ER  - ',
  ''
].join('\r\n')

describe('RIS', () => {
  test('records are split where citation-js splits them, with their places; a continuation line joins its tag', () => {
    const text = 'TY  - JOUR\nTI  - A title\n  continued\nAU  - Doe, J\nAU  - Roe, R\nER  - \nAU  - Stray\nTY - BOOK\nTI  - No ER\n'
    const {records, strays} = risRecords(text)
    expect(records.map((record) => record.tags)).toEqual([{TY: 'JOUR', TI: 'A title continued', AU: ['Doe, J', 'Roe, R']}, {TY: 'BOOK', TI: 'No ER'}])
    expect(records[0]!.places.get('AU')).toBe(text.indexOf('AU  - Doe'))
    expect(records[1]!.start).toBe(text.indexOf('TY - BOOK'))
    expect(strays).toEqual([{tag: 'AU', offset: text.indexOf('AU  - Stray')}])
  })

  test("a record without ID gets Pandoc's key: authors' first words and the year; a key made twice gets a, then b", () => {
    const {records} = risRecords('TY  - JOUR\nAU  - Doe, Jane\nAU  - Roe, R.\nPY  - 2020///\nER  - \nTY  - RPRT\nAU  - Fondation pour l’Enfance\nPY  - 2024\nER  - \nTY  - GEN\nTI  - Nothing to make a key of\nER  - \n')
    expect(records.map(pandocRisKey)).toEqual(['Doe_Roe_2020', 'Fondation_2024', undefined])
    expect(disambiguate(['Doe_2020', 'Doe_2020', 'x', 'Doe_2020', 'Doe_2020'], new Set([4]))).toEqual(['Doe_2020', 'Doe_2020a', 'x', 'Doe_2020b', 'Doe_2020'])
  })

  test('a Zotero export is read whole: types, names, dates, pages, the access date of a web page; what is not read is said at its line', async () => {
    const {model, findings} = await load({
      'rapporteur.yaml': config('zotero.ris'),
      'zotero.ris': zoteroRis,
      'sources.yaml': undefined as unknown as string,
      'chapters/intro.md': '# Intro\n\nUn constat [@Fondation_2024] repris par @Doe_Roe_2020 [p. 14] ; voir [@Pharos_2025] sur la :term[sextorsion].\n'
    })
    expect(model.sources.map((entry) => [entry.value.id, entry.value.type, entry.value.date, entry.value.author])).toEqual([
      ['Fondation_2024', 'report', '2024-03-15', ["Fondation pour l'Enfance"]],
      ['Doe_Roe_2020', 'article-journal', '2020', ['Jane Doe', 'Richard A. Roe']],
      ['Pharos_2025', 'webpage', '2025', ['Pharos']]
    ])
    const [report, article, page] = model.sources.map((entry) => entry.value.csl)
    expect(report).toMatchObject({'publisher-place': 'Paris', URL: 'https://example.org/rapport.pdf', accessed: {'date-parts': [[2026, 1, 10]]}})
    expect(article).toMatchObject({title: 'Online child sexual exploitation: a review', 'container-title': 'Child Abuse & Neglect', page: '12-30', volume: '101', DOI: '10.1016/j.chiabu.2020.104'})
    expect(page).toMatchObject({accessed: {'date-parts': [[2026, 1, 12]]}})
    expect(findings).toEqual([
      'zotero.ris:10:1 unread-field: Unexpected RIS tag `L1` (an attached file) in record `Fondation_2024`: it names a file of the reference manager, which is not read: to look figures up in a copy of the source, give it as `file:` in sources.yaml (docs/citations.md)',
      'zotero.ris:24:1 unread-field: Unexpected RIS tag `XY` in record `Doe_Roe_2020`: it is not mapped to any CSL variable, so no style prints it'
    ])
  })

  test('the RIS sources are formatted by the CSL style in the built page', async () => {
    const {dir} = await load({'rapporteur.yaml': config('zotero.ris'), 'zotero.ris': zoteroRis, 'sources.yaml': undefined as unknown as string, 'chapters/intro.md': '# Intro\n\nUn constat [@Doe_Roe_2020] sur la :term[sextorsion].\n'})
    const result = await build(dir, {formats: ['html']})
    expect(result.ok).toBe(true)
    const html = await readFile(path.join(dir, 'dist', 'rapport.html'), 'utf8')
    expect(html).toContain('Child Abuse &#x26; Neglect')
    expect(html).toMatch(/«\sOnline child sexual exploitation\s?: a review\s»/u)
  }, 60_000)

  test('a record with no key, an unknown type, a second ID and a line outside records are findings at their lines', async () => {
    const ris = 'AU  - Before any record\nTY  - XYZ\nTI  - Odd type\nAU  - Doe, J\nPY  - 2021\nID  - odd\nID  - odd2\nER  - \nTY  - GEN\nTI  - No author, no year\nER  - \n'
    const {model, findings} = await load({'rapporteur.yaml': config('refs.ris'), 'refs.ris': ris, 'sources.yaml': undefined as unknown as string, 'chapters/intro.md': '# Intro\n\nUn constat [@odd] sur la :term[sextorsion].\n'})
    expect(model.sources.map((entry) => [entry.value.id, entry.value.type])).toEqual([['odd', 'document']])
    expect(findings).toEqual([
      'refs.ris:1:1 schema: Unexpected `AU` line outside a record, expected it between a `TY  - ` line and an `ER  - ` line: it is not read',
      'refs.ris:7:1 schema: Unexpected second `ID` in a RIS record, expected one key: `odd` is read',
      'refs.ris:9:1 schema: Unexpected RIS record without `ID`, author or year: it has no key to cite it by, expected an `ID  - key` line',
      'refs.ris:2:1 unread-field: Unexpected RIS type `XYZ`, expected a type of the RIS specification: read as a generic record (CSL `document`)'
    ])
  })

  test('a file that is not RIS says so, never a crash', async () => {
    const {findings} = await load({'rapporteur.yaml': config('refs.ris'), 'refs.ris': '<xml>EndNote XML</xml>\n', 'sources.yaml': undefined as unknown as string, 'chapters/intro.md': '# Intro\n\n:term[sextorsion]\n'})
    expect(findings).toEqual(['refs.ris:1:1 schema: Cannot read RIS: no record found, expected records such as `TY  - RPRT`, `TI  - A title`, …, `ER  - `'])
  })
})

describe("Pandoc's CSL YAML", () => {
  const cslYaml = `---
references:
- id: doe-2020
  type: article-journal
  title: Un article
  author:
  - family: Doe
    given: Jane
  issued: 2020-05
  container-title: Revue
- id: roe-2019
  type: report
  title: Un rapport
  author:
  - literal: Observatoire
  issued: 2019
nocite: '@*'
...
`
  test('`references:` and CSL items, dates as Pandoc writes them; a key beside `references` is reported', async () => {
    const {model, findings} = await load({'rapporteur.yaml': config('refs.yaml'), 'refs.yaml': cslYaml, 'sources.yaml': undefined as unknown as string, 'chapters/intro.md': '# Intro\n\nDeux constats [@doe-2020; @roe-2019] sur la :term[sextorsion].\n'})
    expect(model.sources.map((entry) => [entry.value.id, entry.value.type, entry.value.date, entry.value.author, entry.position.start.line])).toEqual([
      ['doe-2020', 'article-journal', '2020-05', ['Jane Doe'], 3],
      ['roe-2019', 'report', '2019', ['Observatoire'], 11]
    ])
    expect(findings).toEqual(["refs.yaml:17:1 schema: Unexpected key `nocite` beside `references` in Pandoc's CSL YAML, expected the sources alone: it is not read"])
  })

  test('an item of the wrong shape is reported at its field under `references`', async () => {
    const {findings} = await load({'rapporteur.yaml': config('refs.yaml'), 'refs.yaml': cslYaml.replace('  - literal: Observatoire\n', '').replace('  author:\n  issued: 2019', '  author: Observatoire\n  issued: 2019'), 'sources.yaml': undefined as unknown as string, 'chapters/intro.md': '# Intro\n\n[@doe-2020] :term[sextorsion]\n'})
    expect(findings).toContainEqual('refs.yaml:14:11 schema: Unexpected string "Observatoire" for `author`, expected a list in entry `roe-2019`')
  })
})

describe('a language written by its name in CSL-JSON and CSL YAML, as Zotero users type it', () => {
  const item = (id: string, language: string) => ({id, type: 'report', title: `Informe ${id}`, author: [{literal: 'Fundación'}], issued: {'date-parts': [[2025]]}, language})
  const cite = '# Intro\n\nTres informes [@en; @es; @odd] sobre la :term[sextorsion].\n'

  test('CSL-JSON: `English` and `Español` are read as their tags; a value that is no language is said at the field and left out', async () => {
    const json = `[\n${[item('en', 'English'), item('es', 'Español'), item('odd', 'Klingonese')].map((entry) => JSON.stringify(entry)).join(',\n')}\n]\n`
    const {model, findings} = await load({'rapporteur.yaml': config('refs.json'), 'refs.json': json, 'sources.yaml': undefined as unknown as string, 'chapters/intro.md': cite})
    expect(model.sources.map((entry) => [entry.value.id, entry.value.csl.language])).toEqual([['en', 'en'], ['es', 'es'], ['odd', undefined]])
    expect(findings.filter((finding) => finding.includes('unread-field'))).toEqual([
      "refs.json:4:130 unread-field: Unexpected language `Klingonese` in `language` of entry `odd`, expected a BCP 47 tag (`en-GB`, `es`) or a language's name (`English`, `Español`): the entry is read without a language"
    ])
  })

  test("CSL YAML: the same, and a tag is kept as it is", async () => {
    const yaml = `references:\n- id: en\n  type: report\n  title: Report\n  issued: 2025\n  language: english\n- id: es\n  type: report\n  title: Informe\n  issued: 2025\n  language: es-ES\n- id: odd\n  type: report\n  title: Otro\n  issued: 2025\n  language: Desconocido\n`
    const {model, findings} = await load({'rapporteur.yaml': config('refs.yaml'), 'refs.yaml': yaml, 'sources.yaml': undefined as unknown as string, 'chapters/intro.md': cite})
    expect(model.sources.map((entry) => [entry.value.id, entry.value.csl.language])).toEqual([['en', 'en'], ['es', 'es-ES'], ['odd', undefined]])
    expect(findings.filter((finding) => finding.includes('unread-field'))).toEqual([
      "refs.yaml:16:13 unread-field: Unexpected language `Desconocido` in `language` of entry `odd`, expected a BCP 47 tag (`en-GB`, `es`) or a language's name (`English`, `Español`): the entry is read without a language"
    ])
  })
})

describe("a language written by its name in rapporteur's sources.yaml", () => {
  test('`French` is read as `fr`, and the title gets its `lang`; a value that is no language is said at the field and left out', async () => {
    const entry = (id: string, language: string) => `- id: ${id}\n  type: law\n  title: Loi ${id}\n  author: Parlement\n  date: 2016\n  language: ${language}\n`
    const cite = '# Intro\n\nTwo laws [@fr; @odd] on :term[sextorsion].\n'
    const {model, findings} = await load({'rapporteur.yaml': config('sources.yaml').replace('lang: fr', 'lang: en'), 'sources.yaml': entry('fr', 'French') + entry('odd', 'frenchy'), 'chapters/intro.md': cite})
    expect(model.sources.map((item) => [item.value.id, item.value.csl.language])).toEqual([['fr', 'fr'], ['odd', undefined]])
    expect(findings.filter((finding) => finding.includes('unread-field'))).toEqual([
      "sources.yaml:12:13 unread-field: Unexpected language `frenchy` in `language` of entry `odd`, expected a BCP 47 tag (`en-GB`, `es`) or a language's name (`English`, `Español`): the entry is read without a language"
    ])
  })
})

describe('registry file names', () => {
  test('the format comes from the extension, in any case, as Pandoc tells them apart', () => {
    expect(['a.yaml', 'a.YML', 'a.json', 'a.bib', 'a.bibtex', 'a.BibLaTeX', 'a.ris', 'a.xml', 'a.txt', 'a'].map(registryFormat)).toEqual(['yaml', 'yaml', 'csl-json', 'bibtex', 'bibtex', 'bibtex', 'ris', undefined, undefined, undefined])
  })

  test('a registry rapporteur cannot read is reported at its name in rapporteur.yaml, and not read', async () => {
    const {model, findings} = await load({'rapporteur.yaml': config('[sources.yaml, endnote.xml]'), 'endnote.xml': '<xml/>\n'})
    expect(model.sourcesFiles).toEqual(['sources.yaml'])
    expect(findings).toEqual(['rapporteur.yaml:6:25 schema: Cannot read `endnote.xml` as a sources registry, expected a file ending in `.yaml`, `.yml`, `.json`, `.bib`, `.bibtex`, `.biblatex`, `.ris` (from a reference manager, export CSL JSON, BibTeX or RIS)'])
  })

  test('a RIS file nothing reads is reported as a registry', async () => {
    const {findings} = await load({'Ma bibliothèque.ris': 'TY  - GEN\nER  - \n'})
    expect(findings).toEqual(['Ma bibliothèque.ris:1:1 unread-file: Unexpected sources file `Ma bibliothèque.ris` beside `sources.yaml`, the registry read: expected `sources: [sources.yaml, Ma bibliothèque.ris]` in rapporteur.yaml to read it too, or `sources: Ma bibliothèque.ris` to read it instead'])
  })
})

describe('a field of the wrong shape, named as the file spells it', () => {
  test('BibTeX: a day-first `date` with the ISO date meant, a `url` without its scheme with it; CSL-JSON: `URL` (never taken for a DOI)', async () => {
    const bib = '@misc{guide,\n  title = {Guide},\n  author = {Association},\n  date = {15/03/2021},\n}\n@online{page,\n  title = {Page},\n  author = {Association},\n  date = {2021},\n  url = {www.local.gov.uk/briefings},\n}\n'
    const json = JSON.stringify([{id: 'brief', type: 'webpage', title: 'Brief', issued: {'date-parts': [[2021]]}, URL: 'www.local.gov.uk/brief'}])
    const {findings} = await load({'rapporteur.yaml': config('[refs.bib, refs.json]'), 'refs.bib': bib, 'refs.json': json, 'sources.yaml': undefined as unknown as string, 'chapters/intro.md': '# Intro\n\nUn constat sur la :term[sextorsion].\n'})
    expect(findings.filter((line) => line.includes(' schema: '))).toEqual([
      'refs.bib:4:3 schema: Unexpected value `15/03/2021` for `date`, expected a date as YYYY, YYYY-MM or YYYY-MM-DD (`2021-03-15`) in entry `guide`',
      'refs.bib:10:3 schema: Unexpected value `www.local.gov.uk/briefings` for `url`, expected a web address with its scheme (`https://www.local.gov.uk/briefings`) in entry `page`',
      expect.stringMatching(/^refs\.json:1:\d+ schema: Unexpected value `www\.local\.gov\.uk\/brief` for `URL`, expected a web address with its scheme \(`https:\/\/www\.local\.gov\.uk\/brief`\) in entry `brief`$/u)
    ])
  })
})

describe('RIS lines that are no tags', () => {
  test('a line continuing a tag is joined to it; one after a tag left empty is said, not dropped', async () => {
    const ris = 'TY  - RPRT\nID  - odd\nTI  - Un titre\n  sur deux lignes\nN1  - \nune note sans tag\nAU  - Doe, J\nPY  - 2021\nER  - \n'
    const {model, findings} = await load({'rapporteur.yaml': config('refs.ris'), 'refs.ris': ris, 'sources.yaml': undefined as unknown as string, 'chapters/intro.md': '# Intro\n\nUn constat [@odd] sur la :term[sextorsion].\n'})
    expect(model.sources[0]?.value.title).toBe('Un titre sur deux lignes')
    expect(findings).toEqual(['refs.ris:6:1 schema: Unexpected line that is no RIS tag and continues none, expected `XX  - value` (a tag, two spaces, a hyphen): it is not read'])
  })
})
