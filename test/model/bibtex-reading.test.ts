import type {ElementContent} from 'hast'
import {afterAll, describe, expect, test} from 'vitest'
import {check} from '../../src/api/check.js'
import {exportRows} from '../../src/export/tables.js'
import {mendBibtexDates} from '../../src/model/registry/bibtex-dates.js'
import {composeText, leftoverCommands} from '../../src/model/registry/bibtex-latex.js'
import {bibtexPlaces, pairPlaces, swallowingField} from '../../src/model/registry/bibtex-places.js'
import {renderEdition} from '../../src/render/edition.js'
import {removeProject, writeProject} from '../helpers/project.js'

/** What a Zotero library exported by Better BibTeX brings, and how each slip in it is said. */
const made: string[] = []
afterAll(async () => Promise.all(made.map((dir) => removeProject(dir))))

const config = `title: Exemple\norganisation: Fondation\nlang: fr\ndate: 2026-01\naxes: [{id: prevention, label: Prévention}]\nsources: refs.bib\ncheck: {sources: {maxAgeYears: 100}}\neditions:\n  full: {title: Rapport, files: [chapters/intro.md], output: rapport}\n`

async function load(bib: string, cited: string[]) {
  const dir = await writeProject({'rapporteur.yaml': config, 'refs.bib': bib, 'sources.yaml': undefined as unknown as string, 'chapters/intro.md': `# Intro\n\n${cited.map((key) => `Un constat [@${key}].`).join('\n')}\n\nLa :term[sextorsion].\n`})
  made.push(dir)
  const result = await check(dir)
  if (!result.ok) throw new Error('project did not load')
  const findings = result.files.flatMap((file) => file.messages.map((message) => `${file.path}:${message.line}:${message.column} ${message.ruleId}: ${message.reason}`))
  return {model: result.model, findings}
}

function text(nodes: readonly ElementContent[]): string {
  return nodes.map((node) => (node.type === 'text' ? node.value : node.type === 'element' ? text(node.children) : '')).join('')
}

describe('a key given twice in one .bib', () => {
  const bib = '@book{sen1999,\n  title = {Development as Freedom},\n  author = {Sen, Amartya},\n  publisher = {Oxford University Press},\n  year = {1999}\n}\n\n@book{sen1999,\n  title = {Un doublon},\n  author = {Sen, Amartya},\n  publisher = {Knopf},\n  year = {2000}\n}\n'

  test('each entry is placed at its own line, in the order written', () => {
    const places = bibtexPlaces(bib)
    expect(places.map((place) => [place.label, place.start])).toEqual([['sen1999', 0], ['sen1999', bib.indexOf('@book', 1)]])
    expect(pairPlaces([{label: 'sen1999'}, {label: 'sen1999'}], places)).toEqual(places)
  })

  test('the duplicate points at the first; the first is the one printed and exported, as BibTeX and biber keep it', async () => {
    const {model, findings} = await load(bib, ['sen1999'])
    expect(findings).toEqual(['refs.bib:8:1 duplicate-id: Unexpected duplicate source id `sen1999`, expected a unique one (first defined at refs.bib:1:1)'])
    expect(model.sources.map((entry) => [entry.value.title, entry.position.start.line, entry.fields.issued?.start.line])).toEqual([
      ['Development as Freedom', 1, 5],
      ['Un doublon', 8, 12]
    ])
    expect(exportRows(model, 'sources').map((row) => [row.title, row.line])).toEqual([
      ['Development as Freedom', 1],
      ['Un doublon', 8]
    ])
    const rendered = await renderEdition(model, 'full', {mode: 'web', pageOf: {full: 'rapport.html', synthesis: 'synthese.html'}})
    const printed = text(rendered.main)
    expect(printed).toContain('Development as Freedom')
    expect(printed).not.toContain('Un doublon')
  })
})

test('two entries of one key keep each its own entry type', async () => {
  const {model} = await load('@book{dup,\n  title = {Livre},\n  author = {Sen, Amartya},\n  publisher = {Seuil},\n  year = {1999}\n}\n@techreport{dup,\n  title = {Rapport},\n  author = {Sen, Amartya},\n  institution = {Insee},\n  year = {2000}\n}\n', ['dup'])
  expect(model.sources.map((entry) => [entry.value.title, entry.value.type])).toEqual([['Livre', 'book'], ['Rapport', 'techreport']])
})

describe('a brace left open', () => {
  const bib = '@report{ok2020,\n  title = {Entrée avec une accolade {non fermée},\n  author = {{Observatoire}},\n  year = {2020}\n}\n\n@report{bon2021,\n  title = {Deuxième},\n  author = {{Observatoire}},\n  year = {2021}\n}\n\n@report{bon2022,\n  title = {Troisième},\n  author = {{Observatoire}},\n  year = {2022}\n}\n'

  test('the walk takes up again at the next line that starts an entry, and finds the value that ran over', () => {
    const places = bibtexPlaces(bib)
    expect(places.map((place) => [place.label, place.unclosedUntil])).toEqual([['ok2020', bib.indexOf('@report{bon2021')], ['bon2021', undefined], ['bon2022', undefined]])
    expect(swallowingField(bib, places[0]!)).toEqual({field: 'title', brace: bib.indexOf('{Entrée'), next: bib.indexOf('author')})
  })

  test('loses its own entry only, reported at the brace with what was expected; the entries after it are read', async () => {
    const {model, findings} = await load(bib, ['ok2020', 'bon2021', 'bon2022'])
    expect(model.sources.map((entry) => entry.value.id)).toEqual(['bon2021', 'bon2022'])
    expect(findings).toEqual([
      'refs.bib:2:11 schema: Cannot parse BibTeX entry `ok2020`: expected `}` closing the entry opened at line 1 before the next entry, at line 7: the `{` of `title` here is not closed (its value runs into the field on line 3); the entry is left out',
      'chapters/intro.md:3:13 unknown-source: Unexpected source key `ok2020`: its entry in refs.bib is invalid, see the `schema` finding there'
    ])
  })

  test('an entry left open at the end of the file, its last value closed by its own brace, is said at the entry', async () => {
    const {model, findings} = await load(`${bib.slice(bib.indexOf('@report{bon2021'))}\n@report{last,\n  title = {Dernier},\n  author = {{Observatoire}},\n  year = {2023\n`, ['bon2021', 'last'])
    expect(model.sources.map((entry) => entry.value.id)).toEqual(['bon2021', 'bon2022'])
    expect(findings).toContainEqual('refs.bib:13:1 schema: Cannot parse BibTeX entry `last`: expected `}` closing the entry opened at line 13 before the end of the file; the entry is left out')
  })
})

describe('LaTeX in field values', () => {
  test('a dotless i under an accent gets its dot back, and decoded text is NFC-composed', () => {
    expect(composeText('Martı\u0301n')).toBe('Martín')
    expect(composeText('Martı\u0301n').length).toBe(6)
    expect(composeText('Kadıköy')).toBe('Kadıköy')
    expect(composeText('e\u0301te\u0301')).toBe('été')
  })

  test('a command still there after decoding is found as written, not as the word decoding glued it to', () => {
    expect(leftoverCommands('Un \\foo{bar} et \\textbackslash{}x', 'Un \\foobar et \\x')).toEqual(['\\foo'])
    expect(leftoverCommands('\\index{x} \\i', '\\indexx ı')).toEqual(['\\index'])
    expect(leftoverCommands('Sans commande', 'Sans commande')).toEqual([])
  })

  test('accents, letters, spaces, dots and sort keys are decoded as Pandoc decodes them; a command left is reported at its place', async () => {
    const bib = [
      '@book{martin2020,',
      "  title = {Les {\\'E}tats et le {\\AA}kesson : 20,2\\,\\% \\ldots{} et \\dots\\ la suite\\slash fin \\S 3 \\P 2},",
      "  author = {Mart{\\'\\i}n, Jos{\\'e} and {\\aa}berg, Per},",
      '  publisher = {Presses\\nobreakspace{}de\\enspace{}Sciences\\quad Po \\mbox{Unité}},',
      '  year = {\\noopsort{a}2020},',
      '  note = {Un \\foo{bar}, \\textbackslash{} et \\og citation\\fg{}}',
      '}',
      ''
    ].join('\n')
    const {model, findings} = await load(bib, ['martin2020'])
    const csl = model.sources[0]!.value.csl
    expect(csl.title).toBe('Les États et le Åkesson : 20,2\u202F% … et …\u00A0la suite/fin §3 ¶2')
    expect(csl.author).toEqual([{family: 'Martín', given: 'José'}, {family: 'åberg', given: 'Per'}])
    expect(csl.publisher).toBe('Presses\u00A0de\u2002Sciences\u2003Po Unité')
    expect(csl.issued).toEqual({'date-parts': [[2020]]})
    expect(csl.note).toBe('Un \\foobar, \\ et «\u00A0citation\u00A0»')
    expect(findings).toEqual(['refs.bib:6:14 unread-field: Unexpected LaTeX command `\\foo` in `note` of `@book{martin2020`: rapporteur does not decode it and prints it as written; write the character or the text it stands for'])
  })
})

describe('a @string macro nothing defines', () => {
  test('is said at its place, once per name, with what to write; the field is not called unmapped', async () => {
    const bib = '@mvbook{first,\n  title = {Premier},\n  author = {Dupont, Jean},\n  publisher = oup,\n  year = 2021, month = aug\n}\n@string{oup = {Oxford}}\n@mvbook{second,\n  title = {Second},\n  author = {Dupont, Jean},\n  publisher = oup # { Press},\n  year = {2022}\n}\n@mvbook{third,\n  title = {Troisième},\n  author = {Dupont, Jean},\n  publisher = Puf,\n  year = {2023}\n}\n@mvbook{fourth,\n  title = {Quatrième},\n  author = {Dupont, Jean},\n  publisher = puf,\n  year = {2023}\n}\n'
    const {model, findings} = await load(bib, ['first', 'second', 'third', 'fourth'])
    expect(model.sources.map((entry) => entry.value.csl.publisher)).toEqual([undefined, 'Oxford Press', undefined, undefined])
    expect(findings.filter((finding) => !finding.includes('source-incomplete'))).toEqual([
      'refs.bib:4:15 schema: Unexpected undefined BibTeX string `oup` in `publisher`, expected `@string{oup = {…}}` before `@mvbook{first`, or the text in braces (`publisher = {oup}`): the field is read as empty',
      'refs.bib:17:15 schema: Unexpected undefined BibTeX string `Puf` in `publisher`, expected `@string{Puf = {…}}` before `@mvbook{third`, or the text in braces (`publisher = {Puf}`) (and 1 more entry): the field is read as empty'
    ])
  })
})

test("BibLaTeX's `issue` beside `number` is joined to it, as Pandoc does (citation-js dropped it); alone, it is the issue", async () => {
  const bib = '@article{both,\n  title = {Les deux},\n  author = {Dupont, Jean},\n  journaltitle = {Revue},\n  volume = {12}, number = {3}, issue = {Printemps},\n  year = {2022}\n}\n@article{alone,\n  title = {Seul},\n  author = {Dupont, Jean},\n  journaltitle = {Revue},\n  issue = {Printemps},\n  year = {2022}\n}\n'
  const {model, findings} = await load(bib, ['both', 'alone'])
  expect(model.sources.map((entry) => [entry.value.csl.volume, entry.value.csl.issue])).toEqual([['12', '3, Printemps'], [undefined, 'Printemps']])
  expect(findings).toEqual([])
})

test('the number of a `@legal` entry (a treaty, as Pandoc reads it) is read, as a `@legislation`’s is', async () => {
  const bib = '@legal{housing1988act,\n  title = {Housing Act 1988},\n  author = {{UK Parliament}},\n  year = {1988},\n  number = {c. 50}\n}\n@legislation{renters2025act,\n  title = {Renters\' Rights Act 2025},\n  author = {{UK Parliament}},\n  year = {2025},\n  number = {c. 26}\n}\n'
  const {model, findings} = await load(bib, ['housing1988act', 'renters2025act'])
  expect(model.sources.map((entry) => [entry.value.csl.type, entry.value.csl.number])).toEqual([['treaty', 'c. 50'], ['legislation', 'c. 26']])
  expect(findings).toEqual([])
})

test('BibLaTeX language names become BCP 47 tags (`british` → `en-GB`); one that names no language is said at its field and left out', async () => {
  const bib = '@report{uk,\n  title = {Online Harms},\n  author = {{Ofcom}},\n  institution = {Ofcom},\n  year = {2024},\n  langid = {british}\n}\n@report{de,\n  title = {Bericht},\n  author = {{BMFSFJ}},\n  institution = {BMFSFJ},\n  year = {2024},\n  langid = {ngerman}\n}\n@report{fr,\n  title = {Rapport},\n  author = {{Insee}},\n  institution = {Insee},\n  year = {2024},\n  language = {french}\n}\n@report{tag,\n  title = {Report},\n  author = {{ABS}},\n  institution = {ABS},\n  year = {2024},\n  langid = {en-AU}\n}\n@report{odd,\n  title = {Report},\n  author = {{Odd}},\n  institution = {Odd},\n  year = {2024},\n  langid = {klingonese}\n}\n'
  const {model, findings} = await load(bib, ['uk', 'de', 'fr', 'tag', 'odd'])
  expect(model.sources.map((entry) => [entry.value.csl.id, entry.value.csl.language])).toEqual([['uk', 'en-GB'], ['de', 'de'], ['fr', 'fr'], ['tag', 'en-AU'], ['odd', undefined]])
  expect(findings).toEqual(['refs.bib:34:3 unread-field: Unexpected language `klingonese` in `langid` of `@report{odd`, expected a BibLaTeX language (`british`, `french`, `ngerman`…) or a BCP 47 tag (`en-GB`): the entry is read without a language'])
})

test('the court of a `@jurisdiction` (its `institution`) is CSL\'s `authority`, not a publisher', async () => {
  const bib = '@jurisdiction{smith2020,\n  title = {R v {{Smith}}},\n  date = {2020},\n  journaltitle = {EWCA Crim},\n  number = {123},\n  institution = {Court of Appeal (Criminal Division)}\n}\n'
  const {model} = await load(bib, ['smith2020'])
  expect([model.sources[0]!.value.csl.authority, model.sources[0]!.value.csl.publisher]).toEqual(['Court of Appeal (Criminal Division)', undefined])
})

test('an access date written in `note` (which no style prints) is said, with the `urldate` to write; a `urldate` beside it, or another note, is not', async () => {
  const bib = '@misc{guardian,\n  title = {Rents Rise},\n  author = {Booth, Robert},\n  year = {2025},\n  url = {https://example.org/rents},\n  note = {Accessed 3 October 2026}\n}\n@misc{both,\n  title = {Rents Fall},\n  author = {Booth, Robert},\n  year = {2025},\n  url = {https://example.org/fall},\n  urldate = {2026-10-03},\n  note = {Accessed 3 October 2026}\n}\n@misc{other,\n  title = {Rents Stay},\n  author = {Booth, Robert},\n  year = {2025},\n  note = {Cited by the minister}\n}\n'
  const {findings} = await load(bib, ['guardian', 'both', 'other'])
  expect(findings).toEqual(['refs.bib:6:3 unread-field: Unexpected access date in `note` of `@misc{guardian`: a note is kept but no style prints it: write `urldate = {2026-10-03}` (the date the URL was read, which styles print)'])
})

test('an access date in `note` is read in the usual wordings of Spanish, Italian, German, Portuguese and Dutch as in English and French', async () => {
  const notes = [
    ['es', 'Consultado el 3 de febrero de 2026', '2026-02-03'],
    ['es2', 'Accedido el 4 de febrero de 2026', '2026-02-04'],
    ['it', 'Consultato il 5 febbraio 2026', '2026-02-05'],
    ['it2', 'Ultimo accesso: 6 febbraio 2026', '2026-02-06'],
    ['de', 'Abgerufen am 7. Februar 2026', '2026-02-07'],
    ['de2', 'Zugriff am 08.02.2026', '2026-02-08'],
    ['pt', 'Acessado em 9 de fevereiro de 2026', '2026-02-09'],
    ['pt2', 'Consultado em 10 de fevereiro de 2026', '2026-02-10'],
    ['pt3', 'Acesso em: 11 fev. 2026', '2026-02-11'],
    ['nl', 'Geraadpleegd op 12 februari 2026', '2026-02-12']
  ]
  for (const [key, note, iso] of notes) {
    const {findings} = await load(`@misc{${key},\n  title = {Informe},\n  author = {{Cáritas}},\n  year = {2025},\n  url = {https://example.org/${key}},\n  note = {${note}}\n}\n`, [key!])
    expect(findings, note).toEqual([`refs.bib:6:3 unread-field: Unexpected access date in \`note\` of \`@misc{${key}\`: a note is kept but no style prints it: write \`urldate = {${iso}}\` (the date the URL was read, which styles print)`])
  }
})

describe('dates as BibLaTeX writes them', () => {
  const issued = (item: Record<string, unknown>) => item.issued
  test('an open range ends in zeros as citeproc-js reads it; ~ and % are circa; 21 to 24 a season', () => {
    expect(issued(mendBibtexDates({issued: {'date-parts': [[2023, 10], undefined]}}, {date: '2023-10/'}).item)).toEqual({'date-parts': [[2023, 10], [0, 0]]})
    expect(issued(mendBibtexDates({issued: {'date-parts': [[2023, 10], [null]]}}, {date: '2023-10/open'}).item)).toEqual({'date-parts': [[2023, 10], [0, 0]]})
    expect(issued(mendBibtexDates({issued: {'date-parts': [[2023]]}}, {date: '2023~'}).item)).toEqual({'date-parts': [[2023]], circa: true})
    expect(issued(mendBibtexDates({issued: {'date-parts': [[2023], [2024]]}}, {date: '2023%/2024'}).item)).toEqual({'date-parts': [[2023], [2024]], circa: true})
    expect(issued(mendBibtexDates({issued: {'date-parts': [[2023]]}}, {date: '2023-21'}).item)).toEqual({'date-parts': [[2023]], season: 1})
  })

  test('a date that cannot be is said, and read as the part of it that is a date; a leap day is one', () => {
    const slips = (item: Record<string, unknown>, raw: Record<string, string>) => mendBibtexDates(item, raw)
    expect(slips({issued: {'date-parts': [[2024, 2, 29]]}}, {date: '2024-02-29'}).slips).toEqual([])
    expect(slips({issued: {'date-parts': [[2023, 2, 30]]}}, {date: '2023-02-30'})).toEqual({item: {issued: {'date-parts': [[2023, 2]]}}, slips: [{field: 'date', message: 'Unexpected value `2023-02-30` for `date`, expected a day of February 2023, 1 to 28: the date is read as `2023-02`'}]})
    expect(slips({issued: {'date-parts': [[2023, 13], [2024, 2]]}}, {date: '2023-13/2024-02'}).item).toEqual({issued: {'date-parts': [[2023], [2024]]}})
    expect(slips({issued: {'date-parts': [[2021, 13]]}}, {year: '2021', month: '13'}).slips).toEqual([{field: 'month', message: 'Unexpected value `13` for `month`, expected a month from 1 to 12 or `jan` to `dec`: the date is read as `2021`'}])
    expect(slips({issued: {literal: '2023a'}}, {year: '2023a', month: '09'})).toEqual({item: {issued: {'date-parts': [[2023, 9]]}}, slips: [{field: 'year', message: 'Unexpected value `2023a` for `year`, expected a year such as `2023`: a style adds the letter that tells apart two works of one author and year itself; the date is read as `2023-09`'}]})
    expect(slips({issued: {literal: 'sous presse'}}, {year: 'sous presse'}).slips).toEqual([])
  })

  test('in a .bib: an open range is read, circa kept, and each date that cannot be is an error at its field', async () => {
    const bib = '@article{open,\n  title = {Ouvert},\n  author = {Dupont, Jean},\n  journaltitle = {Revue},\n  date = {2023-10/}\n}\n@article{about,\n  title = {Vers},\n  author = {Dupont, Jean},\n  journaltitle = {Revue},\n  date = {2023~}\n}\n@article{labelled,\n  title = {Lettre},\n  author = {Dupont, Jean},\n  journaltitle = {Revue},\n  year = {2023a},\n  month = {13}\n}\n@article{leap,\n  title = {Trente février},\n  author = {Dupont, Jean},\n  journaltitle = {Revue},\n  date = {2023-02-30}\n}\n'
    const {model, findings} = await load(bib, ['open', 'about', 'labelled', 'leap'])
    expect(model.sources.map((entry) => [entry.value.id, entry.value.csl.issued, entry.value.date])).toEqual([
      ['open', {'date-parts': [[2023, 10], [0, 0]]}, '2023-10'],
      ['about', {'date-parts': [[2023]], circa: true}, '2023'],
      ['labelled', {'date-parts': [[2023]]}, '2023'],
      ['leap', {'date-parts': [[2023, 2]]}, '2023-02']
    ])
    expect(findings).toEqual([
      'refs.bib:17:3 schema: Unexpected value `2023a` for `year`, expected a year such as `2023`: a style adds the letter that tells apart two works of one author and year itself; the date is read as `2023` in entry `labelled`',
      'refs.bib:18:3 schema: Unexpected value `13` for `month`, expected a month from 1 to 12 or `jan` to `dec`: the date is read as `2023` in entry `labelled`',
      'refs.bib:24:3 schema: Unexpected value `2023-02-30` for `date`, expected a day of February 2023, 1 to 28: the date is read as `2023-02` in entry `leap`'
    ])
  })
  test('an open start is read as its end and an uncertain date without its `?`, each said; the entry was dropped, the `?` left out without a word', async () => {
    const bib = '@report{until,\n  title = {Jusqu\'en},\n  author = {Dupont, Jean},\n  institution = {X},\n  date = {../2023-05}\n}\n@report{doubt,\n  title = {Peut-être},\n  author = {Dupont, Jean},\n  institution = {X},\n  date = {2021?}\n}\n@report{bare,\n  title = {Ouvert},\n  author = {Dupont, Jean},\n  institution = {X},\n  year = {2024},\n  urldate = {/2024-01-02}\n}\n'
    const {model, findings} = await load(bib, ['until', 'doubt', 'bare'])
    expect(model.sources.map((entry) => [entry.value.id, entry.value.csl.issued ?? entry.value.csl.accessed])).toEqual([
      ['until', {'date-parts': [[2023, 5]]}],
      ['doubt', {'date-parts': [[2021]]}],
      ['bare', {'date-parts': [[2024]]}]
    ])
    expect(findings).toEqual([
      'refs.bib:5:3 unread-field: Unexpected open start in `date = {../2023-05}`, expected a first date (`2019/2023-05`): CSL styles print no range without one, so the date is read as `2023-05` in entry `until`',
      'refs.bib:11:3 unread-field: Unexpected `?` (uncertain) in `date = {2021?}`, expected a date without it: CSL styles have no uncertain date and print `2021` in entry `doubt`',
      'refs.bib:18:3 unread-field: Unexpected open start in `urldate = {/2024-01-02}`, expected a first date (`2019/2024-01-02`): CSL styles print no range without one, so the date is read as `2024-01-02` in entry `bare`'
    ])
  })
})

test('a field given twice in an entry is said at the second, with the line of the first it leaves out', async () => {
  const {model, findings} = await load('@book{twice,\n  title = {Premier},\n  author = {Sen, Amartya},\n  publisher = {Seuil},\n  Title = {Second},\n  year = {1999}\n}\n', ['twice'])
  expect(model.sources[0]?.value.title).toBe('Second')
  expect(findings).toEqual(['refs.bib:5:3 schema: Unexpected second `Title` in `@book{twice`, expected each field once: this one is read, the one at line 2 is left out'])
})
