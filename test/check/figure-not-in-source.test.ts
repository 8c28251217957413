import {mkdtemp, rm} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {PDFDocument, PDFName, StandardFonts} from 'pdf-lib'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {check} from '../../src/api/check.js'
import {renderAudit} from '../../src/audit/render-audit.js'
import {toJsonDiagnostics} from '../../src/diagnostics/to-json.js'
import {exportRows} from '../../src/export/tables.js'
import {baseProject, removeProject, writeProject} from '../helpers/project.js'

/**
 * `figure-not-in-source` on real files: a three-page PDF made with pdf-lib (printed page labels
 * 15 to 17), an HTML page and a text file, each figure written differently in report and source.
 */
const made: string[] = []
let cache: string
beforeAll(async () => {
  cache = await mkdtemp(path.join(os.tmpdir(), 'rapporteur-cache-'))
  process.env.RAPPORTEUR_CACHE = cache
})
afterAll(async () => {
  delete process.env.RAPPORTEUR_CACHE
  await rm(cache, {recursive: true, force: true})
  await Promise.all(made.map((dir) => removeProject(dir)))
})

async function threePagePdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create()
  const font = await pdf.embedFont(StandardFonts.Helvetica)
  const pages = [
    ['Enquete nationale 2024', 'Methode : 4 812 personnes interrogees du 3 au 28 mars.'],
    ['Resultats', '52 pour cent des repondants ont deja recu une demande.', 'Au total, 3 512 000 personnes seraient concernees.'],
    ['Annexes', 'Un enfant sur 5 a ete expose ; entre 12 000 et 15 000 mineurs.']
  ]
  for (const lines of pages) {
    const page = pdf.addPage([420, 595])
    lines.forEach((line, index) => page.drawText(line, {x: 40, y: 540 - index * 24, size: 11, font}))
  }
  // Printed page numbers 15, 16, 17: the locator a writer cites is the printed one.
  pdf.catalog.set(PDFName.of('PageLabels'), pdf.context.obj({Nums: [0, {S: PDFName.of('D'), St: 15}]}))
  return pdf.save()
}

const sources = `- id: enquete-2024
  type: survey
  title: Enquête nationale
  author: Observatoire
  date: 2024
  file: sources/enquete-2024.pdf
- id: bilan-2023
  type: report
  title: Bilan annuel
  author: Observatoire
  date: 2023
  file: sources/bilan-2023.html
- id: note-2022
  type: report
  title: Note
  author: Observatoire
  date: 2022
  file: sources/note-2022.txt
- id: sans-copie
  type: report
  title: Rapport sans copie
  author: Observatoire
  date: 2022
`

const chapter = `# Constats

Au total, 52 % des répondants ont reçu une demande [@enquete-2024, p. 16].

On estime que 3,5 millions de personnes sont concernées [@enquete-2024, p. 15].

Près de 47 % des répondants en ont parlé [@enquete-2024].

Un enfant sur cinq a été exposé [@enquete-2024, p. 17], soit 12 à 15 000 mineurs [@enquete-2024, p. 17].

Le bilan compte 100 000 signalements [@bilan-2023], et la note recense 2 925 dossiers [@note-2022].

Le rapport sans copie cite 61 % [@sans-copie]. La :term[sextorsion] progresse.

:::stat{#demandes value="52 %" source=enquete-2024 locator="p. 15"}
des répondants ont reçu une demande.
:::

| Région | Part |
|---|---|
| Nord | 52 % |

: Demandes par région [@enquete-2024, p. 15]
`

let dir: string
let findings: string[]
let rows: Array<Record<string, unknown>>
let audit: string

beforeAll(async () => {
  dir = await writeProject({
    'sources.yaml': sources,
    'chapters/intro.md': chapter,
    'sources/bilan-2023.html': '<html><body><h1>Bilan</h1><table><tr><td>Signalements</td><td>100,000</td></tr></table></body></html>\n',
    'sources/note-2022.txt': 'La note recense 2.925 dossiers ouverts.\n'
  })
  made.push(dir)
  const {writeFile, mkdir} = await import('node:fs/promises')
  await mkdir(path.join(dir, 'sources'), {recursive: true})
  await writeFile(path.join(dir, 'sources', 'enquete-2024.pdf'), await threePagePdf())
  const result = await check(dir)
  if (!result.ok) throw new Error('project did not load')
  findings = result.files.flatMap((file) => file.messages).filter((message) => message.ruleId === 'figure-not-in-source').map((message) => `${message.line}:${message.column} ${message.reason}`)
  rows = exportRows(result.model, 'figures') as Array<Record<string, unknown>>
  audit = renderAudit(result.model, toJsonDiagnostics(result.files))
})

describe('figure-not-in-source', () => {
  test('a figure on the cited page is found, written differently (52 % = 52 pour cent)', () => {
    expect(rows.find((row) => row.figure === '52 %')).toMatchObject({inSource: 'found', inSourcePages: '16'})
  })

  test('a figure found on another page than the cited one says where it is', () => {
    expect(findings).toContain('5:15 Unexpected `3,5 millions` not on p. 15 of `enquete-2024`, expected it on the cited page: it is on p. 16')
  })

  test('a figure nowhere in the source is reported', () => {
    expect(findings).toContain('7:9 Unexpected `47 %` nowhere in the archived copy `sources/enquete-2024.pdf` (enquete-2024), expected the figure in the source it cites')
  })

  test('a ratio in words and a range match their forms in digits', () => {
    expect(rows.find((row) => row.figure === 'Un enfant sur cinq')).toMatchObject({inSource: 'found', inSourcePages: '17'})
    expect(rows.find((row) => row.figure === '12 à 15 000')).toMatchObject({inSource: 'found', inSourcePages: '17'})
  })

  test('an HTML and a text source are read: 100 000 = 100,000, 2 925 = 2.925', () => {
    expect(rows.find((row) => row.figure === '100 000')).toMatchObject({inSource: 'found'})
    expect(rows.find((row) => row.figure === '2 925')).toMatchObject({inSource: 'found'})
  })

  test('a source without an archived copy is said so, and nothing is reported', () => {
    expect(rows.find((row) => row.figure === '61 %')).toMatchObject({inSource: 'no-archive'})
    expect(findings).toHaveLength(4)
  })

  test("a stat block's value is looked up on its locator's page", () => {
    expect(findings).toContain('15:19 Unexpected `52 %` not on p. 15 of `enquete-2024`, expected it on the cited page: it is on p. 16')
  })

  test("a table's cells are looked up on the page its caption cites", () => {
    expect(findings).toContain('21:10 Unexpected `52 %` not on p. 15 of `enquete-2024`, expected it on the cited page: it is on p. 16')
    // Quoted with its row's label and its column's header, for the reviewer to know which cell.
    expect(rows.map((row) => row.sentence)).toContain('Nord · Part · 52 %')
  })

  test('the audit page says, per figure, what the archived copy holds', () => {
    expect(audit).toContain('<th scope="col">Dans la source</th>')
    expect(audit).toContain('<td class="in-source" data-in-source="found">trouvé (p. 16)</td>')
    expect(audit).toContain('<td class="in-source" data-in-source="not-found">introuvable</td>')
    expect(audit).toContain('<td class="in-source" data-in-source="not-on-page">pas p. 15\u202F; trouvé p. 16</td>')
    expect(audit).toContain('<td class="in-source" data-in-source="no-archive">pas de copie archivée</td>')
  })

  test('a missing archived copy is a finding at its `file` field', async () => {
    const other = await writeProject({'sources.yaml': sources.replace('sources/note-2022.txt', 'sources/absente.txt'), 'chapters/intro.md': chapter})
    made.push(other)
    const result = await check(other)
    const messages = result.files.flatMap((file) => file.messages).filter((message) => message.ruleId === 'schema').map((message) => `${message.line}:${message.column} ${message.reason}`)
    expect(messages).toContain('18:9 Cannot find the archived copy `sources/absente.txt` of `note-2022`, expected a file in the report folder')
  })

  test('the text of each file is cached by its hash; its numbers are read from it at each check, by the code of the day', async () => {
    const {readdir, readFile: read, writeFile: write} = await import('node:fs/promises')
    const names = (await readdir(path.join(cache, 'source-text'))).filter((name) => name.endsWith('.json'))
    expect(names).toHaveLength(3)
    // The cache holds text, not numbers: a cached copy whose text says 48 % is looked up as 48 %,
    // however the numbers were read when it was written.
    const files = await Promise.all(names.map(async (name) => ({name, json: JSON.parse(await read(path.join(cache, 'source-text', name), 'utf8')) as {pages: Array<{text?: string; numbers?: unknown}>}})))
    for (const {json} of files) expect(json.pages.every((page) => typeof page.text === 'string' && page.numbers === undefined)).toBe(true)
    const other = await writeProject({'sources.yaml': sources.replace('sources/enquete-2024.pdf', 'sources/enquete-2024.txt'), 'sources/enquete-2024.txt': 'Page unique. 52 pour cent des répondants.\n', 'chapters/intro.md': 'Près de 52 % des répondants le pensent [@enquete-2024]. La :term[sextorsion] progresse.\n'})
    made.push(other)
    const found = async () => (await check(other)).files.flatMap((file) => file.messages).filter((message) => message.ruleId === 'figure-not-in-source').length
    expect(await found()).toBe(0)
    const entry = (await readdir(path.join(cache, 'source-text'))).find((name) => !names.includes(name) && name.endsWith('.json'))!
    await write(path.join(cache, 'source-text', entry), JSON.stringify({pages: [{label: '1', text: '48 pour cent des répondants.'}]}))
    expect(await found()).toBe(1)
  })

  test('a list\'s markers, ordinals, dates, years and counts of things do not stand for a small figure; a ratio is its share; a multiplier is not looked up', async () => {
    const source = 'Chapitre 1. Il y a 5 chats dans la cour.\n1. Premier point\n2) Deuxième point\n4. Quatrième\nLe 6 février 2024, 17 enquêteurs ont répondu, le 5e pays en 2021 ; 250 au Royaume-Uni.\n| Pays | 12 |\nUn enfant sur 4 est exposé.\n'
    const prose = '# Constats\n\nPrès de 6 % des enfants [@note-2022]. Près de 17 % des enfants [@note-2022]. Près de 4 % des plateformes [@note-2022]. Environ 2 021 enquêteurs [@note-2022]. Environ 1 enfant sur 5 [@note-2022]. Près de 5 % des enfants [@note-2022]. Le nombre a été multiplié x3 [@note-2022].\n\nPrès de 12 % des cas [@note-2022]. Un quart des enfants [@note-2022]. Au total, 250 au Royaume-Uni [@note-2022, p. 3]. La :term[sextorsion] progresse.\n'
    const other = await writeProject({'sources.yaml': sources, 'sources/note-2022.txt': source, 'chapters/intro.md': prose})
    made.push(other)
    const result = await check(other)
    if (!result.ok) throw new Error('project did not load')
    const status = (text: string) => result.model.figures.find((figure) => figure.text === text)?.inSource?.status
    for (const text of ['6 %', '17 %', '4 %', '2 021', '1 enfant sur 5', '5 %']) expect(status(text), text).toBe('not-found')
    expect(status('x3')).toBe('not-checked')
    // A bare 12 in a table row is 12 %; one in four is 25 %, a quarter; 250 is 250, on "p. 3" of a
    // text copy too, which has no pages of the original to check.
    for (const text of ['12 %', 'Un quart', '250']) expect(status(text), text).toBe('found')
  })

  test('a number grouped by a thin space in the source matches the prose (user trial: `16 366` with U+2009)', async () => {
    const other = await writeProject({'sources.yaml': sources, 'sources/note-2022.txt': 'La note recense 16\u2009366 dossiers et 2\u2007480 appels.\n', 'chapters/intro.md': '# Constats\n\nLa note recense 16 366 dossiers [@note-2022] et 2\u202F480 appels [@note-2022]. La :term[sextorsion] progresse.\n'})
    made.push(other)
    const result = await check(other)
    if (!result.ok) throw new Error('project did not load')
    const status = (text: string) => result.model.figures.find((figure) => figure.text.replace(/\s/gu, ' ') === text)?.inSource?.status
    expect(status('16 366')).toBe('found')
    expect(status('2 480')).toBe('found')
  })
})

describe('a report in a language that groups thousands with points (de, es, it, nl, pt…)', () => {
  const german = (files: Record<string, string>) => writeProject({'rapporteur.yaml': String(baseProject['rapporteur.yaml']).replace('lang: fr', 'lang: de'), 'sources.yaml': sources, ...files})

  test('`17.500` is seventeen thousand five hundred, never 17.5 matched by rounding against a 17; `205.500` is not a copy\'s `205.000`', async () => {
    const project = await german({
      'sources/note-2022.txt': 'Im Jahr 2022 gab es 17 Beratungsstellen und 205.000 Anträge; 1,5 % wurden abgelehnt, insgesamt 1.234.567 Euro.\n',
      'chapters/intro.md': '# Befunde\n\nDer Bund fördert 17.500 Stellen [@note-2022]. Es gab 205.500 Anträge [@note-2022]. Es gab 205.000 Anträge [@note-2022]. Abgelehnt wurden 1,5 % [@note-2022]. Insgesamt 1.234.567 Euro [@note-2022]. Die :term[sextorsion] nimmt zu.\n'
    })
    made.push(project)
    const result = await check(project)
    if (!result.ok) throw new Error('project did not load')
    const status = (text: string) => result.model.figures.find((figure) => figure.text === text)?.inSource?.status
    expect(status('17.500')).toBe('not-found')
    expect(status('205.500')).toBe('not-found')
    expect(status('205.000')).toBe('found')
    expect(status('1,5 %')).toBe('found')
    expect(status('1.234.567 Euro')).toBe('found')
    const rows = exportRows(result.model, 'figures') as Array<Record<string, unknown>>
    expect(rows.find((row) => row.figure === '17.500')).toMatchObject({inSource: 'not-found'})
  })

  test("a stat block's value is read as the report writes numbers", async () => {
    const project = await german({
      'sources/note-2022.txt': 'Es gab 17 Beratungsstellen.\n',
      'chapters/intro.md': '# Befunde\n\n:::stat{#stellen value="17.500" source=note-2022}\nStellen.\n:::\n\nDie :term[sextorsion] nimmt zu.\n'
    })
    made.push(project)
    const result = await check(project)
    if (!result.ok) throw new Error('project did not load')
    const figure = result.model.figures.find((each) => each.status === 'stat')
    expect(figure?.value).toEqual([[{value: 17_500, tolerance: 50, percent: false}]])
    expect(figure?.inSource?.status).toBe('not-found')
  })
})

describe("a report of French-speaking Switzerland or Belgium: thousands grouped by apostrophes or points", () => {
  test("`1'250'000` is found in a copy's `1 250 000` and the prose's `1 250 000` in a copy's `1'250'000`; `1’000’000` is in none", async () => {
    const project = await writeProject({
      'rapporteur.yaml': String(baseProject['rapporteur.yaml']).replace('lang: fr', 'lang: fr-CH'),
      'sources.yaml': sources,
      'sources/note-2022.txt': "En 2023, 1'250'000 fichiers, 1’999’999 images, 2 300 000 comptes, 4.500.000 messages et CHF 1'200.50 par dossier.\n",
      'chapters/intro.md': [
        '# Constats',
        ":::stat{#fichiers value=\"1'250'000\" source=note-2022}\nfichiers.\n:::",
        'On compte 1 250 000 fichiers [@note-2022], 2’300’000 comptes [@note-2022], 4 500 000 messages [@note-2022] et CHF 1 200,50 par dossier [@note-2022]. Faux : 1’000’000 images [@note-2022]. La :term[sextorsion] progresse.'
      ].join('\n\n') + '\n'
    })
    made.push(project)
    const result = await check(project)
    if (!result.ok) throw new Error('project did not load')
    const statuses = result.model.figures.map((figure) => `${figure.text.replace(/\s/gu, ' ')} ${figure.inSource?.status}`)
    expect(statuses).toEqual([
      "1'250'000 found",
      '1 250 000 found',
      '2’300’000 found',
      '4 500 000 found',
      'CHF 1 200,50 found',
      '1’000’000 not-found'
    ])
  })

  test("a stat block's `1'250'000` is not found in a copy that only holds `1'999'999`", async () => {
    const project = await writeProject({
      'rapporteur.yaml': String(baseProject['rapporteur.yaml']).replace('lang: fr', 'lang: fr-CH'),
      'sources.yaml': sources,
      'sources/note-2022.txt': "En 2023, 1'999'999 fichiers.\n",
      'chapters/intro.md': "# Constats\n\n:::stat{#fichiers value=\"1'250'000\" source=note-2022}\nfichiers.\n:::\n\nLa :term[sextorsion] progresse.\n"
    })
    made.push(project)
    const result = await check(project)
    if (!result.ok) throw new Error('project did not load')
    expect(result.model.figures.find((figure) => figure.status === 'stat')?.inSource?.status).toBe('not-found')
  })
})

describe('archived copies saved by a spreadsheet or Notepad', () => {
  test("Excel's \"Unicode Text\" (UTF-16, tab-separated), a CSV in Windows-1252 and a CSV with commas between cells are read cell by cell in their encodings: their numbers are found", async () => {
    const registry = ['excel-2025', 'csv-2025', 'csv-en'].map((id, index) => `- id: ${id}\n  type: dataset\n  title: Données ${id}\n  author: Observatoire\n  date: 2025\n  file: sources/${id}.${index === 0 ? 'txt' : 'csv'}\n`).join('')
    const project = await writeProject({
      'sources.yaml': registry,
      'chapters/intro.md': '# Constats\n\nDans le Nord, 12 345 personnes ont été aidées, soit 12,5 % [@excel-2025]. On compte 4 021 dossiers [@csv-2025]. Dans l’Est, 3 150 dossiers, soit 8,25 % [@csv-en]. La :term[sextorsion] progresse [@enquete-2024].\n',
      // Excel in English: commas between cells, points in numbers; read as text, `3150,8.25` was 3150.8 and 25.
      'sources/csv-en.csv': 'Region,Cases,Share\r\nEast,3150,8.25\r\nSouth,12,5\r\n',
      'sources/excel-2025.txt': {encoding: 'utf-16le', text: 'Région\tPersonnes\tPart\r\nNord\t12 345\t12,5 %\r\n'},
      'sources/csv-2025.csv': {encoding: 'windows-1252', text: 'Région;Dossiers\r\nNord;4\u00a0021\r\n'}
    })
    made.push(project)
    const result = await check(project)
    if (!result.ok) throw new Error('project did not load')
    const found = exportRows(result.model, 'figures') as Array<Record<string, unknown>>
    expect(found.filter((row) => row.source !== 'enquete-2024').map((row) => `${String(row.figure)} ${String(row.inSource)}`)).toEqual(['12 345 found', '12,5 % found', '4 021 found', '3 150 found', '8,25 % found'])
  })
})
