import {existsSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {parse} from 'csv-parse/sync'
import {afterAll, describe, expect, test} from 'vitest'
import {main} from '../../src/cli/main.js'
import {captureIo} from '../helpers/io.js'
import {removeProject, writeProject} from '../helpers/project.js'

const made: string[] = []
afterAll(async () => Promise.all(made.map((dir) => removeProject(dir))))

async function exportOf(what: string, files: Record<string, string>, format = 'json', ...options: string[]) {
  const dir = await writeProject(files)
  made.push(dir)
  const io = captureIo(path.dirname(dir))
  const code = await main(['export', what, dir, '--format', format, ...options], io)
  return {code, out: io.out(), err: io.err()}
}

const chapter = `# Introduction

Selon l'enquête, 40 % des répondants [voir @enquete-2024, p. 16; @autre-2025] parlent de :term[sextorsion].

:::recommendation{#rec-a axis=prevention actors="État, plateformes"}
### Lancer une campagne
Texte.
:::

:::stat{#stat-a value="52 %" source=enquete-2024 locator="p. 16" key}
des consommateurs interrogés.
:::
`
const sources = `- {id: enquete-2024, type: survey, title: Enquête nationale, author: Observatoire, date: 2024}
- {id: autre-2025, type: report, title: Autre, author: [A, B], date: 2025-03}
`

describe('rapporteur export', () => {
  test('citations: one object per cited key, with its locator and place', async () => {
    const {code, out} = await exportOf('citations', {'chapters/intro.md': chapter, 'sources.yaml': sources})
    expect(code).toBe(0)
    expect(JSON.parse(out)).toEqual([
      {key: 'enquete-2024', locator: 'p. 16', prefix: 'voir', suffix: '', file: 'chapters/intro.md', line: 3, column: 44},
      {key: 'autre-2025', locator: '', prefix: '', suffix: '', file: 'chapters/intro.md', line: 3, column: 66}
    ])
  })

  test('recommendations: numbered, with axis label and actors', async () => {
    const {out} = await exportOf('recommendations', {'chapters/intro.md': chapter, 'sources.yaml': sources})
    expect(JSON.parse(out)).toEqual([
      {id: 'rec-a', number: 1, label: 'R1', axis: 'prevention', axisLabel: 'Prévention', title: 'Lancer une campagne', actors: 'État, plateformes', file: 'chapters/intro.md', line: 5, column: 1}
    ])
  })

  test('stats as CSV, with a byte order mark, a header row and the source title', async () => {
    const {out} = await exportOf('stats', {'chapters/intro.md': chapter, 'sources.yaml': sources}, 'csv')
    expect(out).toBe('\uFEFFid,value,text,source,sourceTitle,locator,key,file,line,column\nstat-a,52 %,des consommateurs interrogés.,enquete-2024,Enquête nationale,p. 16,true,chapters/intro.md,10,1\n')
  })

  test('figures: each with its status, sources and sentence', async () => {
    const {out} = await exportOf('figures', {'chapters/intro.md': chapter, 'sources.yaml': sources})
    expect(JSON.parse(out)).toEqual([
      {figure: '40 %', status: 'cited', sources: 'enquete-2024; autre-2025', inSource: 'no-archive', inSourcePages: null, waiverReason: null, sentence: "Selon l'enquête, 40 % des répondants parlent de sextorsion.", chapter: 'Introduction', file: 'chapters/intro.md', line: 3, column: 18},
      {figure: '52 %', status: 'stat', sources: 'enquete-2024', inSource: 'no-archive', inSourcePages: null, waiverReason: null, sentence: '52 % des consommateurs interrogés.', chapter: 'Introduction', file: 'chapters/intro.md', line: 10, column: 17}
    ])
  })

  test('sources: with how often each is used', async () => {
    const {out} = await exportOf('sources', {'chapters/intro.md': chapter, 'sources.yaml': sources})
    expect(JSON.parse(out).map((row: {id: string; uses: number; author: string}) => [row.id, row.uses, row.author])).toEqual([
      ['enquete-2024', 2, 'Observatoire'],
      ['autre-2025', 1, 'A; B']
    ])
  })

  test('sources: an id given twice counts its uses once, on the first entry, the one citations go to', async () => {
    const {out} = await exportOf('sources', {'chapters/intro.md': chapter, 'sources.yaml': `${sources}- {id: enquete-2024, type: report, title: Doublon, author: X, date: 2023}\n`})
    expect(JSON.parse(out).map((row: {id: string; uses: number; title: string}) => [row.id, row.title, row.uses])).toEqual([
      ['enquete-2024', 'Enquête nationale', 2],
      ['autre-2025', 'Autre', 1],
      ['enquete-2024', 'Doublon', 0]
    ])
  })

  test('sources: the publisher is the publisher, the journal or book a piece is in its container (the journal was given as publisher)', async () => {
    const bib = '@incollection{chapitre,\n  title = {Chapitre},\n  author = {Dupont, Jean},\n  booktitle = {Le livre},\n  publisher = {PUF},\n  year = {2020}\n}\n@article{article,\n  title = {Article},\n  author = {Dupont, Jean},\n  journaltitle = {Revue},\n  year = {2021}\n}\n@book{livre,\n  title = {Livre},\n  author = {Dupont, Jean},\n  publisher = {Seuil},\n  year = {2022}\n}\n'
    const {out} = await exportOf('sources', {'chapters/intro.md': '# Intro\n\n[@chapitre; @article; @livre] :term[sextorsion]\n', 'sources.bib': bib})
    expect(JSON.parse(out).map((row: {id: string; publisher: string | null; container: string | null}) => [row.id, row.publisher, row.container])).toEqual([
      ['chapitre', 'PUF', 'Le livre'],
      ['article', null, 'Revue'],
      ['livre', 'Seuil', null]
    ])
  })

  describe('CSV for spreadsheets', () => {
    // Written to need quoting: accents, both separators, quotes, a line break inside a field.
    const spreadsheet = `# Introduction

:::recommendation{#rec-a axis=prevention actors="État; plateformes, écoles"}
### Protéger « en ligne »; vite, "maintenant"
Texte.
:::

:::stat{#stat-a value="52 %" source=enquete-2024 locator="p. 16"}
des consommateurs
interrogés ; « déjà » vus.
:::
`
    const files = {'chapters/intro.md': spreadsheet, 'sources.yaml': sources}

    test('`--delimiter ;`: Excel in French reads the columns and, by the byte order mark, the accents', async () => {
      const {code, out} = await exportOf('recommendations', files, 'csv', '--delimiter', ';')
      expect(code).toBe(0)
      expect(out.startsWith('\uFEFFid;number;label;axis;axisLabel;title;actors;')).toBe(true)
      expect(parse(out, {bom: true, delimiter: ';', columns: true})).toEqual([
        {id: 'rec-a', number: '1', label: 'R1', axis: 'prevention', axisLabel: 'Prévention', title: 'Protéger « en ligne »; vite, "maintenant"', actors: 'État; plateformes, écoles', file: 'chapters/intro.md', line: '3', column: '1'}
      ])
    })

    test('a line break inside a field stays in its field', async () => {
      const noted = `- id: enquete-2024
  type: survey
  title: Enquête nationale
  author: Observatoire
  date: 2024
  note: |-
    Première ligne ; « citée ».
    Seconde, "entre guillemets".
`
      const {code, out} = await exportOf('sources', {'chapters/intro.md': spreadsheet, 'sources.yaml': noted}, 'csv', '--delimiter', ';')
      expect(code).toBe(0)
      expect(parse(out, {bom: true, delimiter: ';', columns: true})[0]).toMatchObject({id: 'enquete-2024', title: 'Enquête nationale', note: 'Première ligne ; « citée ».\nSeconde, "entre guillemets".', uses: '1'})
    })

    test('`--no-bom` leaves the byte order mark out', async () => {
      const {code, out} = await exportOf('recommendations', files, 'csv', '--no-bom')
      expect(code).toBe(0)
      expect(out.startsWith('id,number,label,')).toBe(true)
      expect(parse(out, {columns: true})[0]).toMatchObject({title: 'Protéger « en ligne »; vite, "maintenant"', actors: 'État; plateformes, écoles'})
    })

    test.each(['tab', '\\t', '\t'])('`--delimiter %j` separates with tabs', async (delimiter) => {
      const {code, out} = await exportOf('recommendations', files, 'csv', '--delimiter', delimiter)
      expect(code).toBe(0)
      expect(out.startsWith('\uFEFFid\tnumber\tlabel\t')).toBe(true)
      expect(parse(out, {bom: true, delimiter: '\t', columns: true})[0]).toMatchObject({title: 'Protéger « en ligne »; vite, "maintenant"', actors: 'État; plateformes, écoles'})
    })

    test.each(['|', ';;', 'semicolon', ''])('`--delimiter %j` is refused with what to write instead, exit 2', async (delimiter) => {
      const {code, out, err} = await exportOf('recommendations', files, 'csv', '--delimiter', delimiter)
      expect(code).toBe(2)
      expect(out).toBe('')
      expect(err).toBe(`error: option '--delimiter <char>' argument '${delimiter}' is invalid. Expected \`,\`, \`;\` or \`tab\`, e.g. \`--delimiter ';'\` for Excel in French.\n`)
    })

    test.each([
      [['--delimiter', ';'], '--delimiter <char>'],
      [['--no-bom'], '--no-bom']
    ])('%j with JSON is refused, exit 2', async (options, name) => {
      const {code, out, err} = await exportOf('recommendations', files, 'json', ...options)
      expect(code).toBe(2)
      expect(out).toBe('')
      expect(err).toBe(`error: option '${name}' applies to CSV only and the format is JSON: add \`--format csv\`\n`)
    })
  })
})

describe('rapporteur export --out', () => {
  const files = {'chapters/intro.md': chapter, 'sources.yaml': sources}

  test('writes into the file the very bytes stdout gets (UTF-8, byte order mark first), and nothing on stdout', async () => {
    const printed = await exportOf('stats', files, 'csv')
    const dir = await writeProject(files)
    made.push(dir)
    const io = captureIo(dir)
    expect(await main(['export', 'stats', '.', '--format', 'csv', '--out', 'stats.csv'], io)).toBe(0)
    expect(io.out()).toBe('')
    expect(io.err()).toBe('')
    const written = readFileSync(path.join(dir, 'stats.csv'))
    expect(written.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]))
    expect(written.toString('utf8')).toBe(printed.out)
  })

  test('a file that cannot be written: exit 2, what went wrong, no stack trace, nothing written', async () => {
    const dir = await writeProject(files)
    made.push(dir)
    const io = captureIo(dir)
    expect(await main(['export', 'stats', '.', '--out', 'no-such-folder/stats.json'], io)).toBe(2)
    expect(io.out()).toBe('')
    expect(io.err()).toMatch(/^rapporteur: Cannot write `no-such-folder\/stats\.json`: .+; nothing was written\n$/u)
    expect(io.err()).not.toMatch(/ at /u)
    expect(existsSync(path.join(dir, 'no-such-folder'))).toBe(false)
  })

  test('a file of the report is refused, and left as it was: exit 2, saying which', async () => {
    const dir = await writeProject(files)
    made.push(dir)
    const before = readFileSync(path.join(dir, 'chapters/intro.md'), 'utf8')
    const io = captureIo(path.dirname(dir))
    expect(await main(['export', 'stats', dir, '--format', 'csv', '--out', path.join(dir, 'chapters/intro.md')], io)).toBe(2)
    expect(io.out()).toBe('')
    expect(io.err()).toBe(`rapporteur: Cannot write \`${path.join(dir, 'chapters/intro.md')}\`: it is \`chapters/intro.md\`, a file of the report; give --out another name; nothing was written\n`)
    expect(readFileSync(path.join(dir, 'chapters/intro.md'), 'utf8')).toBe(before)
  })
})
