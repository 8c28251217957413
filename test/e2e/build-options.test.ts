import {createRequire} from 'node:module'
import {spawnSync} from 'node:child_process'
import {hostname} from 'node:os'
import {mkdir, readFile, readdir, rm, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {existsSync} from 'node:fs'
import {decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, type PDFNumber, type PDFPage, PDFRawStream, PDFString} from 'pdf-lib'
import {eachStructureElement} from '../../src/print/role-map.js'
import {srgbProfile} from '../../src/print/srgb-icc.js'
import {hasPdftoppm, pageImage} from '../helpers/page-image.js'
import {describe, expect, test} from 'vitest'
import {build} from '../../src/api/build.js'
import {main} from '../../src/cli/main.js'
import {captureIo} from '../helpers/io.js'
import {baseProject, projectsOfThisFile} from '../helpers/project.js'
import {solidPng} from '../helpers/png.js'
import {temporaryFolders} from '../helpers/temporary.js'
import {hasPdftotext, pdfPages} from '../helpers/pdf-text.js'

/** Build options, theme overrides, citation styles and print problems, on small projects. */
const project = projectsOfThisFile()
const {temporary} = temporaryFolders()

const cslStyle = `<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><title>Titles only</title><id>titles-only</id><updated>2026-01-01T00:00:00+00:00</updated></info>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography><layout><text value="TITLE-ONLY: "/><text variable="title"/></layout></bibliography>
</style>
`

describe('rapporteur build options', () => {
  test('two builds of one project into one output folder at once: both succeed, the outputs whole', async () => {
    const dir = await project({})
    const [one, other] = await Promise.all([build(dir, {formats: ['pdf', 'html']}), build(dir, {formats: ['pdf', 'html']})])
    expect(one.ok && other.ok).toBe(true)
    const pdf = await PDFDocument.load(await readFile(path.join(dir, 'dist', 'rapport.pdf')))
    expect(pdf.getPageCount()).toBeGreaterThan(0)
    expect(await readFile(path.join(dir, 'dist', 'rapport.html'), 'utf8')).toContain('</html>')
    expect((await readdir(path.join(dir, 'dist'))).filter((name) => name.endsWith('.tmp') || name.endsWith('.lock'))).toEqual([])
  }, 90_000)

  test('a build killed mid-way leaves its lock: the next one takes it over; one still running is waited for, said without --progress, and Ctrl-C stops the wait', async () => {
    const dir = await project({})
    const lock = path.join(dir, 'dist', '.rapporteur-build.lock')
    // What `kill -9` of a build leaves: the lock folder naming a process that is gone.
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {encoding: 'utf8'})
    await mkdir(lock, {recursive: true})
    await writeFile(path.join(lock, 'holder.json'), JSON.stringify({pid: Number(gone.stdout), host: hostname(), token: 'killed build'}))
    const next = captureIo(dir)
    expect(await main(['build', '.', '--no-progress'], next)).toBe(0)
    expect(next.err()).not.toContain('waiting')
    expect(existsSync(lock)).toBe(false)
    // A build still running (this very process): waited for, and the wait is said.
    await mkdir(lock)
    await writeFile(path.join(lock, 'holder.json'), JSON.stringify({pid: process.pid, host: hostname(), token: 'running build'}))
    const waiting = captureIo(dir)
    const stderr = waiting.stderr
    waiting.stderr = (text) => {
      stderr(text)
      if (text.includes('waiting for another build')) process.emit('SIGINT')
    }
    expect(await main(['build', '.', '--no-progress', '--force'], waiting)).toBe(130)
    expect(waiting.err()).toContain(`rapporteur: waiting for another build into this output folder (process ${process.pid}) to finish…`)
    expect(waiting.err()).toContain('interrupted: nothing was replaced')
    expect(JSON.parse(await readFile(path.join(lock, 'holder.json'), 'utf8')).token).toBe('running build')
  }, 90_000)

  test('Ctrl-C during pagination: exit 130, every output as it was, nothing staged left behind', async () => {
    const dir = await project({})
    expect((await build(dir, {formats: ['pdf', 'html']})).ok).toBe(true)
    const names = async () => (await readdir(path.join(dir, 'dist'))).filter((name) => !name.startsWith('.print')).sort()
    const before = new Map(await Promise.all((await names()).filter((name) => /\.(pdf|html)$/u.test(name)).map(async (name) => [name, await readFile(path.join(dir, 'dist', name))] as const)))
    await writeFile(path.join(dir, 'chapters/intro.md'), '# Introduction\n\nUn constat [@enquete-2024] sur la :term[sextorsion], autrement dit.\n')
    const io = captureIo(dir)
    const stderr = io.stderr
    io.stderr = (text) => {
      stderr(text)
      // The terminal's Ctrl-C, as the process receives it.
      if (text.includes('paginate')) process.emit('SIGINT')
    }
    expect(await main(['build', '.', '--progress'], io)).toBe(130)
    expect(io.err()).toContain('interrupted: nothing was replaced')
    for (const [name, bytes] of before) expect(Buffer.compare(await readFile(path.join(dir, 'dist', name)), bytes), name).toBe(0)
    expect((await names()).filter((name) => name.endsWith('.tmp'))).toEqual([])
  }, 90_000)

  test('a browser that cannot start: exit 2 with what to do, no stack trace; findings still come first', async () => {
    const dir = await project({})
    const io = captureIo(dir)
    expect(await main(['build', '.', '--browser', path.join(dir, 'no-such-chrome'), '--no-progress'], io)).toBe(2)
    expect(io.err()).toMatch(/no-such-chrome/u)
    expect(io.err()).not.toMatch(/\n\s+at /u)
    // The browser is started before the check: with errors in the report, those are what is said.
    await writeFile(path.join(dir, 'chapters', 'intro.md'), '# Introduction\n\nEn 2024, 42 % des cas.\n')
    const broken = captureIo(dir)
    expect(await main(['build', '.', '--browser', path.join(dir, 'no-such-chrome'), '--no-progress'], broken)).toBe(1)
    expect(broken.err()).toContain('figure-needs-citation')
    expect(broken.err()).not.toMatch(/no-such-chrome/u)
  })

  test('--format html writes the HTML pages and their assets, and no PDF', async () => {
    const dir = await project({})
    const io = captureIo(dir)
    const code = await main(['build', '.', '--format', 'html'], io)
    expect(code).toBe(0)
    expect(io.out()).toBe('dist/rapport.html\n')
    const files = await readdir(path.join(dir, 'dist'))
    expect(files).toContain('rapport.html')
    expect(files.some((file) => file.endsWith('.pdf'))).toBe(false)
    expect(await readdir(path.join(dir, 'dist', 'assets', 'fonts'))).toContain('source-serif-4-latin-400-normal.woff2')
  })

  test('a project overrides any theme file with its own theme/ folder', async () => {
    const dir = await project({
      'theme/templates/cover.html': '<header class="rp-cover"><h1 class="rp-cover__title">COUVERTURE MAISON {{title}}</h1></header>\n',
      'theme/styles/screen.css': '/* project screen styles */\n'
    })
    const result = await build(dir, {formats: ['html']})
    expect(result.ok).toBe(true)
    expect(await readFile(path.join(dir, 'dist', 'rapport.html'), 'utf8')).toContain('COUVERTURE MAISON Exemple')
    expect(await readFile(path.join(dir, 'dist', 'assets', 'styles', 'screen.css'), 'utf8')).toBe('/* project screen styles */\n')
  })

  test('author-date citations print inline, with a bibliography and no notes', async () => {
    const dir = await project({'rapporteur.yaml': (await readFile(path.join(await project({}), 'rapporteur.yaml'), 'utf8')) + 'citations: {style: author-date}\n'})
    await build(dir, {formats: ['html']})
    const html = await readFile(path.join(dir, 'dist', 'rapport.html'), 'utf8')
    expect(html).toContain('<a class="rp-cite-link" href="#source-enquete-2024"><span class="rp-cite">(Observatoire 2024)</span></a>')
    expect(html).not.toContain('rp-note-call')
    expect(html).toContain('id="source-enquete-2024"')
  })

  test('a project can point at its own CSL style', async () => {
    const base = await readFile(path.join(await project({}), 'rapporteur.yaml'), 'utf8')
    const dir = await project({'rapporteur.yaml': `${base}citations: {style: notes, csl: styles/titles.csl}\n`, 'styles/titles.csl': cslStyle})
    await build(dir, {formats: ['html']})
    // French spacing applies to the style's output too: a no-break space before the colon.
    expect(await readFile(path.join(dir, 'dist', 'rapport.html'), 'utf8')).toMatch(/TITLE-ONLY[\u00A0\u202F]: Enquête nationale/u)
  })

  test('a CSL path that does not exist is a finding at its place in rapporteur.yaml', async () => {
    const base = await readFile(path.join(await project({}), 'rapporteur.yaml'), 'utf8')
    const dir = await project({'rapporteur.yaml': `${base}citations: {style: notes, csl: styles/absent.csl}\n`})
    const io = captureIo(dir)
    const code = await main(['check', '.', '--format', 'json'], io)
    expect(code).toBe(1)
    expect(JSON.parse(io.out())).toEqual([
      expect.objectContaining({file: 'rapporteur.yaml', line: 10, column: 32, rule: 'schema', message: 'Cannot find the CSL style `styles/absent.csl`, expected a file in the report folder'})
    ])
  })

  test('a CSL file that is not a style is a finding at its place, and the build stops before citeproc runs', async () => {
    const base = await readFile(path.join(await project({}), 'rapporteur.yaml'), 'utf8')
    const dir = await project({'rapporteur.yaml': `${base}citations: {style: notes, csl: styles/broken.csl}\n`, 'styles/broken.csl': '<style>not a CSL style</style>\n'})
    const io = captureIo(dir)
    const code = await main(['build', '.', '--format', 'html'], io)
    expect(code).toBe(1)
    expect(io.err() + io.out()).toMatch(/styles\/broken\.csl[\s\S]*1:1[\s\S]*Unexpected root `<style>`, expected a CSL style/)
    expect(io.err()).not.toContain('internal error')
    expect(io.err()).not.toMatch(/\n\s+at /)
  })

  test('a missing browser stops the build with exit 2 and what to do', async () => {
    const dir = await project({})
    const io = captureIo(dir)
    const code = await main(['build', '.', '--browser', '/no/such/chromium'], io)
    expect(code).toBe(2)
    expect(io.err()).toContain('/no/such/chromium')
    expect(io.err()).not.toMatch(/at .*\.js:\d+/)
  })

  test('a DOI and a URL in a note are links in the PDF, to the address the style prints; a link to a local file is text, with no path of this machine', async () => {
    const sources = `- id: enquete-2024
  type: survey
  title: Enquête nationale
  author: Observatoire
  date: 2024
  URL: https://example.org/enquete-nationale
- id: lelieveld-2015
  type: article-journal
  title: The contribution of outdoor air pollution sources to premature mortality on a global scale
  author: [{family: Lelieveld, given: Jos}]
  date: 2015-09-17
  container-title: Nature
  DOI: 10.1038/nature15371
`
    const dir = await project({'sources.yaml': sources, 'chapters/intro.md': '# Introduction\n\nUn constat [@enquete-2024] sur la :term[sextorsion], un autre [@lelieveld-2015, p. 368], voir [l’annexe](annexe.pdf).\n', 'chapters/annexe.pdf': '%PDF-1.4\n'})
    const result = await build(dir, {formats: ['pdf']})
    expect(result.ok).toBe(true)
    const pdf = await PDFDocument.load(await readFile(path.join(dir, 'dist', 'rapport.pdf')))
    const uris = pdf.getPages().flatMap((page) => {
      const annots = page.node.Annots()
      if (!annots) return []
      return annots.asArray().map((ref) => {
        const annot = pdf.context.lookup(ref) as PDFDict
        const action = annot.get(PDFName.of('A'))
        const uri = action ? (pdf.context.lookup(action) as PDFDict).get(PDFName.of('URI')) : undefined
        return uri ? (uri as PDFString).decodeText() : undefined
      })
    })
    expect(uris).toContain('https://example.org/enquete-nationale')
    expect(uris).toContain('https://doi.org/10.1038/nature15371')
    // Chromium would have written `file:///…/dist/.print/annexe.pdf`: the link is left out, its text kept.
    expect(uris.filter((uri) => uri?.startsWith('file:'))).toEqual([])
    expect((await readFile(path.join(dir, 'dist', '.print', 'rapport.html'), 'utf8')).replaceAll('\u00ad', '')).toContain('voir <span>l’annexe</span>')
  }, 60_000)

  test.skipIf(!hasPdftotext)('a long URL in a note breaks inside itself and fills its lines: it does not start a line of its own after a stretched one', async () => {
    const url = `https://example.org/publications/rapports/${'qualite-de-l-air-interieur-dans-les-etablissements-scolaires-'.repeat(2)}2024.pdf`
    const sources = `- id: guide-2024\n  type: report\n  title: Guide de la qualité de l’air dans les écoles\n  author: Observatoire\n  date: 2024\n  URL: ${url}\n  accessed: 2025-10-01\n`
    const dir = await project({'sources.yaml': sources, 'chapters/intro.md': '# Introduction\n\nUn constat [@guide-2024] sur la :term[sextorsion].\n'})
    expect((await build(dir, {formats: ['pdf'], editions: ['full']})).ok).toBe(true)
    const lines = pdfPages(path.join(dir, 'dist', 'rapport.pdf')).join('\n').split('\n')
    const at = lines.findIndex((line) => line.includes('https://'))
    // The address follows the note's words on their line, and its pieces make it whole again.
    expect(lines[at]!.trimStart().startsWith('https://')).toBe(false)
    expect(lines.slice(at, at + 3).join('').replaceAll('\u00ad', '')).toContain(url)
  }, 60_000)

  const printerProfile = ['/usr/share/color/icc/ghostscript/default_cmyk.icc'].find((file) => existsSync(file))
  if (!printerProfile) console.warn('no CMYK output profile on this machine (apt-get install libgs-common): the PDF/X tests are skipped')

  test.skipIf(!printerProfile)('print.pdfx: x4 makes a PDF/X-4: output intent with the printer profile, DefaultRGB, XMP, TrimBox, PDF 1.6', async () => {
    const base = await readFile(path.join(await project({}), 'rapporteur.yaml'), 'utf8')
    const dir = await project({'rapporteur.yaml': `${base.replace('title: Exemple', 'title: Qualité de l’eau')}print: {bleed: 3mm, pdfx: {version: x4, profile: imprimeur.icc, condition: Custom, info: Profil de l'imprimeur}}\n`})
    await writeFile(path.join(dir, 'imprimeur.icc'), await readFile(printerProfile!))
    expect((await build(dir, {formats: ['pdf']})).ok).toBe(true)
    const bytes = await readFile(path.join(dir, 'dist', 'rapport.pdf'))
    expect(bytes.subarray(0, 8).toString('latin1')).toBe('%PDF-1.6')
    const pdf = await PDFDocument.load(bytes, {updateMetadata: false})
    const intents = pdf.catalog.lookup(PDFName.of('OutputIntents'), PDFArray)
    expect(intents.size()).toBe(1)
    const intent = pdf.context.lookup(intents.get(0), PDFDict)
    expect(intent.get(PDFName.of('S'))?.toString()).toBe('/GTS_PDFX')
    expect((intent.get(PDFName.of('OutputConditionIdentifier')) as PDFString).decodeText()).toBe('Custom')
    const profile = pdf.context.lookup(intent.get(PDFName.of('DestOutputProfile'))) as PDFRawStream
    expect(profile.dict.get(PDFName.of('N'))?.toString()).toBe('4')
    // The profile embedded is the printer's, byte for byte.
    expect(Buffer.from(decodePDFRawStream(profile).decode()).equals(await readFile(printerProfile!))).toBe(true)
    for (const page of pdf.getPages()) {
      expect(page.node.has(PDFName.of('TrimBox'))).toBe(true)
      const spaces = page.node.Resources()!.lookup(PDFName.of('ColorSpace'), PDFDict)
      const defaultRgb = pdf.context.lookup(spaces.get(PDFName.of('DefaultRGB')), PDFArray)
      expect(defaultRgb.get(0).toString()).toBe('/ICCBased')
      expect((pdf.context.lookup(defaultRgb.get(1)) as PDFRawStream).dict.get(PDFName.of('N'))?.toString()).toBe('3')
    }
    // UTF-8, as XMP must be: the packet's byte-order mark, accents, the apostrophe and the dash whole.
    const xmp = new TextDecoder('utf-8', {fatal: true}).decode(decodePDFRawStream(pdf.catalog.lookup(PDFName.of('Metadata')) as PDFRawStream).decode())
    expect(xmp.startsWith('<?xpacket begin="\uFEFF"')).toBe(true)
    expect(xmp).toContain('Qualité de l’eau — Rapport')
    expect(xmp).toContain('<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>')
    expect(xmp).toContain('<pdf:Trapped>False</pdf:Trapped>')
    const info = pdf.context.lookup(pdf.context.trailerInfo.Info, PDFDict)
    expect(info.get(PDFName.of('Trapped'))?.toString()).toBe('/False')
    // Every colour space the pages' content names is device RGB (made sRGB by DefaultRGB), gray, CMYK (the marks) or a pattern (the cover's gradient).
    const named = new Set<string>()
    for (const page of pdf.getPages()) {
      const contents = page.node.Contents()
      const streams = contents instanceof PDFArray ? contents.asArray().map((ref) => pdf.context.lookup(ref) as PDFRawStream) : [contents as PDFRawStream]
      for (const stream of streams) for (const match of new TextDecoder('latin1').decode(decodePDFRawStream(stream).decode()).matchAll(/\/(\w+) (?:cs|CS)\b/gu)) named.add(match[1]!)
    }
    for (const name of named) expect(['DeviceRGB', 'DeviceGray', 'DeviceCMYK', 'DefaultRGB', 'Pattern'], name).toContain(name)
  }, 60_000)

  test.skipIf(!printerProfile || !hasPdftoppm)('page image: the PDF/X build of a page looks the same as the RGB build (pdftoppm)', async () => {
    const base = await readFile(path.join(await project({}), 'rapporteur.yaml'), 'utf8')
    const rgb = await project({})
    const pdfx = await project({'rapporteur.yaml': `${base}print: {pdfx: {version: x4, profile: imprimeur.icc}}\n`})
    await writeFile(path.join(pdfx, 'imprimeur.icc'), await readFile(printerProfile!))
    expect((await build(rgb, {formats: ['pdf']})).ok).toBe(true)
    expect((await build(pdfx, {formats: ['pdf']})).ok).toBe(true)
    const [one, other] = await Promise.all([pageImage(path.join(rgb, 'dist', 'rapport.pdf'), 1), pageImage(path.join(pdfx, 'dist', 'rapport.pdf'), 1)])
    expect([other.width, other.height]).toEqual([one.width, one.height])
    let total = 0
    let count = 0
    let worst = 0
    for (let y = 0; y < one.height; y += 2) {
      for (let x = 0; x < one.width; x += 2) {
        const differences = one.pixel(x, y).map((value, index) => Math.abs(value - other.pixel(x, y)[index]!))
        worst = Math.max(worst, ...differences)
        total += differences.reduce((sum, value) => sum + value, 0)
        count += 3
      }
    }
    // sRGB as DefaultRGB is what a viewer assumes for DeviceRGB: the same page, to colour-management rounding.
    expect(total / count).toBeLessThan(1)
    expect(worst).toBeLessThanOrEqual(24)
  }, 60_000)

  test('a PDF/X profile that is not a CMYK output profile is a finding at its place in rapporteur.yaml', async () => {
    const base = await readFile(path.join(await project({}), 'rapporteur.yaml'), 'utf8')
    const dir = await project({'rapporteur.yaml': `${base}print: {pdfx: {version: x4, profile: srgb.icc}}\n`})
    await writeFile(path.join(dir, 'srgb.icc'), srgbProfile())
    const io = captureIo(dir)
    expect(await main(['check', '.', '--format', 'json'], io)).toBe(1)
    expect(JSON.parse(io.out())).toContainEqual(
      expect.objectContaining({file: 'rapporteur.yaml', rule: 'schema', message: 'Unexpected `srgb.icc` for PDF/X: an ICC profile of class `mntr`, expected an output (`prtr`) profile'})
    )
  })

  test('with bleed and marks: TrimBox is the size asked, BleedBox adds the bleed, MediaBox a slug where the marks are', async () => {
    const base = await readFile(path.join(await project({}), 'rapporteur.yaml'), 'utf8')
    const dir = await project({'rapporteur.yaml': `${base}print: {size: A5, bleed: 3mm, marks: [crop, cross]}\n`})
    const result = await build(dir, {formats: ['pdf']})
    expect(result.ok).toBe(true)
    const file = path.join(dir, 'dist', 'rapport.pdf')
    const pdf = await PDFDocument.load(await readFile(file))
    const mm = (points: number) => (points * 25.4) / 72
    const size = ([x0, y0, x1, y1]: number[]) => [mm(x1! - x0!), mm(y1! - y0!)]
    const boxOf = (page: PDFPage, name: string) => (page.node.get(PDFName.of(name)) as PDFArray).asArray().map((value) => (value as PDFNumber).asNumber())
    for (const page of pdf.getPages()) {
      const [trim, bleed, media] = ['TrimBox', 'BleedBox', 'MediaBox'].map((name) => boxOf(page, name))
      // A5 is 148 × 210 mm, to a tenth of a millimetre.
      expect(size(trim!).map((value) => Math.round(value * 10) / 10)).toEqual([148, 210])
      // The bleed: 3 mm on every side of the trim (Chromium rounds the sheet to whole pixels).
      for (const [index, value] of trim!.entries()) expect(Math.abs(mm(value - bleed![index]!)), 'bleed').toBeCloseTo(3, 0)
      // The slug: 9 mm around the bleed.
      for (const [index, value] of bleed!.entries()) expect(Math.abs(mm(value - media![index]!)), 'slug').toBeCloseTo(9, 1)
    }
    // Every mark lies outside the bleed: the marks' stream is an artifact whose points are all in the slug.
    const first = pdf.getPage(0)
    const [bx0, by0, bx1, by1] = boxOf(first, 'BleedBox') as [number, number, number, number]
    const contents = first.node.Contents() as PDFArray
    const last = pdf.context.lookup(contents.get(contents.size() - 1)) as PDFRawStream
    const operators = new TextDecoder().decode(decodePDFRawStream(last).decode())
    expect(operators).toMatch(/^\/Artifact BMC/u)
    const points = [...operators.matchAll(/(-?[\d.]+) (-?[\d.]+) [ml]\b/gu)].map((match) => [Number(match[1]), Number(match[2])] as const)
    expect(points.length).toBeGreaterThan(16)
    for (const [x, y] of points) expect(x < bx0 || x > bx1 || y < by0 || y > by1, `${x} ${y}`).toBe(true)
  }, 60_000)

  test.skipIf(!hasPdftoppm)('page image: the cover strip reaches the bleed edge, the marks stand in the slug (pdftoppm)', async () => {
    const base = await readFile(path.join(await project({}), 'rapporteur.yaml'), 'utf8')
    const dir = await project({'rapporteur.yaml': `${base}print: {size: A5, bleed: 3mm, marks: true}\n`})
    expect((await build(dir, {formats: ['pdf']})).ok).toBe(true)
    // 72 dpi: one pixel a point. The sheet is A5 + 2 × (3 mm bleed + 9 mm slug).
    const image = await pageImage(path.join(dir, 'dist', 'rapport.pdf'), 1)
    const px = (millimetres: number) => Math.round((millimetres * 72) / 25.4)
    const at = (x: number, y: number) => image.pixel(px(x), px(y))
    const isAccent = ([r, g, b]: number[]) => b! > 100 && r! < 100
    const isWhite = ([r, g, b]: number[]) => r! > 240 && g! > 240 && b! > 240
    // Inside the bleed, outside the trim (top-left corner, 1 mm into the bleed): the accent strip.
    expect(isAccent(at(9 + 1, 9 + 1))).toBe(true)
    // Outside the bleed: white paper, but for the marks, which are dark.
    expect(isWhite(at(4, 4))).toBe(true)
    const markColumn = Array.from({length: px(5)}, (_, index) => image.pixel(px(9 + 3), px(1) + index))
    expect(markColumn.some(([r]) => r! < 128)).toBe(true)
  }, 60_000)

  test('an image from the project assets is printed, and reported when under 300 dpi, at the use that prints it so', async () => {
    const dir = await project({'chapters/intro.md': '# Introduction\n\n![Carte en vignette](assets/carte.png){width=2mm}\n\nUn constat [@enquete-2024] sur la :term[sextorsion].\n\n![Carte des signalements](assets/carte.png)\n'})
    await mkdir(path.join(dir, 'assets'), {recursive: true})
    // A 40 × 30 px PNG, printed at its CSS size: about 96 dpi.
    await writeFile(path.join(dir, 'assets', 'carte.png'), solidPng(40, 30))
    const result = await build(dir, {formats: ['pdf', 'html']})
    expect(result.ok).toBe(true)
    const built = result.ok ? result.editions[0]! : undefined
    expect(built?.preflight?.brokenImages).toEqual([])
    expect(built?.preflight?.images.map((image) => image.src.split('/').pop())).toEqual(['carte.png', 'carte.png'])
    // At the image in the Markdown that prints it too small (the second; the first, 2 mm wide, is at
    // 508 dpi), named as the Markdown writes it; not at the top of rapporteur.yaml.
    const messages = result.files.flatMap((file) => file.messages.filter((message) => message.ruleId === 'preflight-image-resolution').map((message) => `${file.path}:${message.line}:${message.column} ${message.reason.split(' at ')[0]}`))
    expect(messages).toEqual(['chapters/intro.md:7:1 Unexpected image `assets/carte.png`'])
    // The tag tree: the image's Figure has its Alt; the `<figure>` around it with its Caption is a Div, no Figure without Alt.
    const tagged = await PDFDocument.load(await readFile(path.join(dir, 'dist', 'rapport.pdf')), {updateMetadata: false})
    const figures: Array<string | undefined> = []
    eachStructureElement(tagged, (element, type) => {
      if (type?.decodeText() === 'Figure') figures.push((element.lookupMaybe(PDFName.of('Alt'), PDFString, PDFHexString) as PDFString | PDFHexString | undefined)?.decodeText())
    })
    expect(figures.sort()).toEqual(['Carte des signalements', 'Carte en vignette'])
    expect(await readFile(path.join(dir, 'dist', 'rapport.html'), 'utf8')).toContain('<img src="assets/carte.png" alt="Carte des signalements">')
  }, 60_000)

  test('a passage in another language keeps its language in the tagged PDF: `/Lang` on its structure element, a span or a div alike', async () => {
    const dir = await project({'chapters/intro.md': '# Introduction\n\nUn constat [@enquete-2024] sur la :term[sextorsion] : [Not yet, not here.]{lang=en} dit-il.\n\n::: {lang=de}\nEin Absatz auf Deutsch.\n:::\n'})
    const result = await build(dir, {formats: ['pdf'], editions: ['full']})
    expect(result.ok).toBe(true)
    const tagged = await PDFDocument.load(await readFile(path.join(dir, 'dist', 'rapport.pdf')), {updateMetadata: false})
    const languages: string[] = []
    eachStructureElement(tagged, (element) => {
      const lang = element.lookupMaybe(PDFName.of('Lang'), PDFString, PDFHexString) as PDFString | PDFHexString | undefined
      if (lang) languages.push(lang.decodeText())
    })
    // The report's own language is the catalogue's and the Document's; each passage adds its own.
    expect(languages.filter((lang) => lang !== 'fr').sort()).toEqual(['de', 'en'])
  }, 60_000)

  test('a logo and a picture on the cover (`logo:`, `cover:` in rapporteur.yaml): copied, on the first page of the PDF with their descriptions and of the web page; a missing one a finding at its line', async () => {
    const config = baseProject['rapporteur.yaml']!.replace('organisation: Fondation Exemple\n', 'organisation: Fondation Exemple\nlogo: assets/logo.png\ncover:\n  image: assets/couverture.png\n  alt: Une salle de classe vide\n  credit: "Photo : Jeanne Exemple, CC BY 4.0"\n')
    const dir = await project({'rapporteur.yaml': config})
    await mkdir(path.join(dir, 'assets'), {recursive: true})
    // 480 × 120 px at 40 mm wide: 305 dpi, enough for print; the picture, at the text's width (170 mm), 1,800 px: 269 dpi, said by check and by the preflight at its line.
    await writeFile(path.join(dir, 'assets', 'logo.png'), solidPng(480, 120))
    await writeFile(path.join(dir, 'assets', 'couverture.png'), solidPng(1800, 1200))
    const result = await build(dir, {formats: ['pdf', 'html'], editions: ['full']})
    expect(result.ok).toBe(true)
    expect(result.files.flatMap((file) => file.messages.filter((message) => message.ruleId?.includes('image')).map((message) => `${file.path}:${message.line}:${message.column} ${message.ruleId} ${message.reason.split(' at ')[0]}`))).toEqual([
      'rapporteur.yaml:5:10 image-resolution Unexpected image `assets/couverture.png`',
      'rapporteur.yaml:5:10 preflight-image-resolution Unexpected image `assets/couverture.png`'
    ])
    const html = await readFile(path.join(dir, 'dist', 'rapport.html'), 'utf8')
    expect(html).toContain('<img class="rp-cover__logo" src="assets&#x2F;logo.png" alt="Fondation Exemple">')
    // The credit set as the text is: a no-break space before the colon, in French.
    expect(html).toContain('<img class="rp-cover__image" src="assets&#x2F;couverture.png" alt="Une salle de classe vide"><p class="rp-cover__credit">Photo\u00a0: Jeanne Exemple, CC BY 4.0</p>')
    const pdf = await PDFDocument.load(await readFile(path.join(dir, 'dist', 'rapport.pdf')), {updateMetadata: false})
    const images = (page: PDFPage) => {
      const xObjects = page.node.Resources()?.lookupMaybe(PDFName.of('XObject'), PDFDict)
      return (xObjects?.entries() ?? []).filter(([, ref]) => (pdf.context.lookup(ref) as PDFRawStream).dict.get(PDFName.of('Subtype')) === PDFName.of('Image')).length
    }
    expect(images(pdf.getPage(0))).toBe(2)
    // Each is a Figure of the tag tree, with its description; the credit is the cover page's text.
    const alts: string[] = []
    eachStructureElement(pdf, (element, type) => {
      if (type?.decodeText() === 'Figure') alts.push((element.lookupMaybe(PDFName.of('Alt'), PDFString, PDFHexString) as PDFString | PDFHexString | undefined)?.decodeText() ?? '(none)')
    })
    expect(alts.sort()).toEqual(['Fondation Exemple', 'Une salle de classe vide'])
    if (hasPdftotext) expect(pdfPages(path.join(dir, 'dist', 'rapport.pdf'))[0]).toContain('Photo : Jeanne Exemple, CC BY 4.0')
    // A logo and a picture that are not there: missing-image at their lines in rapporteur.yaml, and no build.
    await writeFile(path.join(dir, 'rapporteur.yaml'), config.replace('logo.png', 'logo.svg').replace('couverture.png', 'couverture.jpg'))
    const missing = await build(dir, {formats: ['html']})
    expect(missing.ok).toBe(false)
    expect(missing.files.flatMap((file) => file.messages.filter((message) => message.ruleId === 'missing-image').map((message) => `${file.path}:${message.line}:${message.column}`))).toEqual(['rapporteur.yaml:3:7', 'rapporteur.yaml:5:10'])
  }, 60_000)

  test('an image the browser cannot decode, and a block split across pages, are reported at their lines', async () => {
    const long = 'Les enquêteurs décrivent une charge de travail qui ne cesse de croître et des outils qui peinent à suivre. '.repeat(60)
    const dir = await project({'chapters/intro.md': `# Introduction\n\n![Carte des signalements](assets/carte.png)\n\nUn constat [@enquete-2024] sur la :term[sextorsion].\n\n:::viewpoint{author="Une enquêtrice"}\n${long}\n:::\n`})
    await mkdir(path.join(dir, 'assets'), {recursive: true})
    // A PNG whose header gives its size but whose pixel data is not zlib: its size is known, its pixels never are.
    const damaged = solidPng(400, 300)
    const idat = damaged.indexOf('IDAT')
    damaged.fill(0x55, idat + 4, idat + 20)
    await writeFile(path.join(dir, 'assets', 'carte.png'), damaged)
    const result = await build(dir, {formats: ['pdf'], editions: ['full']})
    expect(result.ok).toBe(true)
    const found = (ruleId: string) => result.files.flatMap((file) => file.messages.filter((message) => message.ruleId === ruleId).map((message) => `${file.path}:${message.line}:${message.column} ${message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info'} ${message.reason}`))
    expect(found('preflight-broken-image')).toEqual([expect.stringMatching(/^chapters\/intro\.md:3:1 error Unexpected image `assets\/carte\.png` that the browser could not show, on page \d+ \(full\)/) as unknown])
    expect(found('preflight-split-block')).toEqual([expect.stringMatching(/^chapters\/intro\.md:7:1 info Unexpected block split across pages (\d+) and \d+ \(full\): “Les enquêteurs décrivent/) as unknown])
  }, 60_000)

  test('a PDF is printed again when an image it shows is replaced under the same name', async () => {
    const dir = await project({'chapters/intro.md': '# Introduction\n\n![Carte des signalements](assets/carte.png)\n\nUn constat [@enquete-2024] sur la :term[sextorsion].\n'})
    await mkdir(path.join(dir, 'assets'), {recursive: true})
    await writeFile(path.join(dir, 'assets', 'carte.png'), solidPng(40, 30))
    const cached = async () => {
      const result = await build(dir, {formats: ['pdf']})
      expect(result.ok).toBe(true)
      return result.ok ? result.editions[0]!.cached === true : undefined
    }
    expect(await cached()).toBe(false)
    expect(await cached()).toBe(true)
    const before = await readFile(path.join(dir, 'dist', 'rapport.pdf'))
    // The same size, so the same HTML: only the image's bytes differ.
    await writeFile(path.join(dir, 'assets', 'carte.png'), solidPng(40, 30, 20))
    expect(await cached()).toBe(false)
    expect(Buffer.compare(await readFile(path.join(dir, 'dist', 'rapport.pdf')), before)).not.toBe(0)
  }, 90_000)

  test('a character missing from the theme fonts is reported after printing', async () => {
    const dir = await project({'chapters/intro.md': '# Introduction\n\nUn constat [@enquete-2024] sur la :term[sextorsion] ⇒ 話.\n'})
    const result = await build(dir, {formats: ['pdf']})
    expect(result.ok).toBe(true)
    const messages = result.files.flatMap((file) => file.messages).filter((message) => message.ruleId === 'preflight-missing-glyph')
    expect(messages.length).toBeGreaterThan(0)
    expect(messages[0]!.reason).toMatch(/^Unexpected fallback font `.+` in the full PDF/)
  }, 60_000)

  test('a fallback font an SVG with text brought in is reported at that image, naming it', async () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 40"><text x="0" y="30" font-family="DejaVu Sans" font-size="20">Nord 42</text></svg>\n'
    const dir = await project({'chapters/intro.md': '# Introduction\n\nUn constat [@enquete-2024] sur la :term[sextorsion].\n\n![Signalements par région](carte.svg)\n', 'chapters/carte.svg': svg})
    const result = await build(dir, {formats: ['pdf']})
    expect(result.ok).toBe(true)
    const messages = result.files.flatMap((file) => file.messages.map((message) => ({file: file.path, message}))).filter(({message}) => message.ruleId === 'preflight-missing-glyph')
    expect(messages.length).toBeGreaterThan(0)
    expect(messages[0]!.file).toBe('chapters/intro.md')
    expect(messages[0]!.message.line).toBe(5)
    expect(messages[0]!.message.reason).toContain('the SVG `chapters/carte.svg` sets its text in a font of this machine')
  }, 60_000)

  test('a theme font an @font-face names otherwise than its file names itself is the theme\'s, not a fallback font', async () => {
    const dir = await project({
      'chapters/intro.md': '# Introduction\n\nUn constat [@enquete-2024] sur la :term[sextorsion].\n',
      'theme/custom.css': '@font-face { font-family: "Maison Serif"; src: url("fonts/maison.woff2") format("woff2"); }\n:root { --rp-font-body: "Maison Serif", serif; --rp-font-heading: "Maison Serif", serif; }\n'
    })
    await mkdir(path.join(dir, 'theme', 'fonts'), {recursive: true})
    // KaTeX's own font file, which calls itself KaTeX_Main-Regular: the PDF embeds it under that name.
    await writeFile(path.join(dir, 'theme', 'fonts', 'maison.woff2'), await readFile(createRequire(import.meta.url).resolve('katex/dist/fonts/KaTeX_Main-Regular.woff2')))
    const result = await build(dir, {formats: ['pdf'], editions: ['full']})
    expect(result.ok).toBe(true)
    const fallback = result.files.flatMap((file) => file.messages).filter((message) => message.ruleId === 'preflight-missing-glyph' && message.reason.includes('KaTeX_Main'))
    expect(fallback).toEqual([])
  }, 60_000)

  test.skipIf(!hasPdftotext)('a table too wide for an A5 page in its own type keeps every cell and note, set smaller until its words fit whole: nothing to report (print-overflow.test.ts has one that does not fit)', async () => {
    const years = ['2019', '2020', '2021', '2022', '2023', '2024']
    const row = `| Auvergne-Rhône-Alpes | ${years.map((_, index) => `${index + 1} 234 567[^n${index}]`).join(' | ')} | +450 % | Progression continue | Observatoire |`
    const notes = years.map((year, index) => `[^n${index}]: Relevé ${year} [@enquete-2024].`).join('\n\n')
    const table = `| Région | ${years.join(' | ')} | Évolution | Commentaire | Source |\n|---|${years.map(() => '---:').join('|')}|---:|---|---|\n${row}\n\n: Signalements [@enquete-2024]\n`
    const config = String(baseProject['rapporteur.yaml']).replace('editions:', 'print:\n  size: A5\neditions:')
    const dir = await project({'rapporteur.yaml': config, 'chapters/intro.md': `# Introduction\n\nUn constat [@enquete-2024] sur la :term[sextorsion].\n\n${table}\n${notes}\n`})
    const result = await build(dir, {formats: ['pdf'], editions: ['full']})
    expect(result.ok).toBe(true)
    const text = pdfPages(path.join(dir, 'dist', 'rapport.pdf')).join('\n').replace(/[\s\u00AD-]+/gu, '')
    for (const cell of ['Progressioncontinue', 'Observatoire', 'Commentaire', 'Relevé2019', 'Relevé2024']) expect(text, cell).toContain(cell)
    const wide = result.files.flatMap((file) => file.messages).filter((message) => message.ruleId === 'preflight-wide-table')
    expect(wide).toEqual([])
    expect(result.files.flatMap((file) => file.messages).filter((message) => message.ruleId === 'preflight-overflow')).toEqual([])
  }, 60_000)

  test('a stylesheet a project template links by its own address: check stops the build at the href; with that rule off, the PDF is made and the print says the same place', async () => {
    const template = (await readFile(path.join(import.meta.dirname, '..', '..', 'templates', 'document.html'), 'utf8')).replace('</head>', '<link rel="stylesheet" href="assets/extra.css">\n</head>')
    const line = template.split('\n').findIndex((text) => text.includes('assets/extra.css')) + 1
    const findings = (result: Awaited<ReturnType<typeof build>>, ruleId: string) =>
      result.files.flatMap((file) => file.messages.map((message) => ({file: file.path, message}))).filter(({message}) => message.ruleId === ruleId)
    const stopped = await build(await project({'theme/templates/document.html': template}), {formats: ['pdf'], editions: ['full']})
    expect(stopped.ok).toBe(false)
    expect(findings(stopped, 'template-resource').map(({file, message}) => [file, message.line, message.column])).toEqual([['theme/templates/document.html', line, 30]])
    expect(findings(stopped, 'template-resource')[0]!.message.reason).toMatch(/^Unexpected address `assets\/extra\.css` in a template, expected the theme's stylesheets only, through `\{\{#stylesheets\}\}`/u)
    // The rule switched off: Paged.js is not asked for the file the browser could not read (it
    // failed the whole print with "ProgressEvent"), and the print's own finding is at the href.
    const config = baseProject['rapporteur.yaml'] + 'check:\n  rules: {template-resource: off}\n'
    const dir = await project({'theme/templates/document.html': template, 'rapporteur.yaml': config})
    const result = await build(dir, {formats: ['pdf'], editions: ['full']})
    expect(result.ok).toBe(true)
    expect(existsSync(path.join(dir, 'dist', 'rapport.pdf'))).toBe(true)
    const messages = findings(result, 'print-request-failed')
    expect(messages.map(({file, message}) => [file, message.line, message.column, message.fatal])).toEqual([['theme/templates/document.html', line, 30, true]])
    expect(messages[0]!.message.reason).toMatch(/^Cannot load `file:.*\/dist\/\.print\/assets\/extra\.css`: net::ERR_FILE_NOT_FOUND \(full\)$/)
    // Built again, the PDF is not printed again (same key): what its print found is shown again.
    const shown = (built: Awaited<ReturnType<typeof build>>) => ['print-request-failed', 'preflight-page-count'].flatMap((ruleId) => findings(built, ruleId).map(({file, message}) => [file, message.line, message.column, message.fatal, message.reason]))
    const again = await build(dir, {formats: ['pdf'], editions: ['full']})
    expect(again.ok && !again.upToDate && again.editions[0]!.cached).toBe(true)
    expect(again.ok && !again.upToDate && again.editions[0]!.pageCount).toBe(result.ok && result.editions[0]!.pageCount)
    expect(shown(again)).toEqual(shown(result))
    expect(shown(again)).toHaveLength(2)
    // Findings kept in a file that is not ours: printed again rather than shown without them.
    await writeFile(path.join(dir, 'dist', '.print', 'rapport.html.findings.json'), '{"format": 1}')
    const printed = await build(dir, {formats: ['pdf'], editions: ['full']})
    expect(printed.ok && !printed.upToDate && printed.editions[0]!.cached).toBeFalsy()
    expect(shown(printed)).toEqual(shown(result))
    // With the layout store: a print that reported a problem is not kept whole, so with `.print/`
    // gone it is printed again, and its problem said again by that print.
    const withStore = {formats: ['pdf' as const], editions: ['full' as const], layoutCache: true, env: {...process.env, RAPPORTEUR_CACHE: await temporary('layout-cache-')}}
    await rm(path.join(dir, 'dist', '.print'), {recursive: true, force: true})
    // Printed (`.print/` gone), with the store there to keep it.
    expect((await build(dir, withStore)).ok).toBe(true)
    await rm(path.join(dir, 'dist', '.print'), {recursive: true, force: true})
    const fromScratch = await build(dir, withStore)
    expect(fromScratch.ok && !fromScratch.upToDate && fromScratch.editions[0]!.cached).toBeFalsy()
    expect(shown(fromScratch)).toEqual(shown(result))
  }, 120_000)

  test('content sticking out of the page is reported at its line in the Markdown', async () => {
    // Line 5: a code block whose line is wider than the page (code keeps its lines as written).
    const dir = await project({'chapters/intro.md': `# Introduction\n\nUn constat [@enquete-2024] sur la :term[sextorsion].\n\n\`\`\`\nVoir ${'X '.repeat(5)}${'X'.repeat(150)}\n\`\`\`\n`})
    const result = await build(dir, {formats: ['pdf']})
    expect(result.ok).toBe(true)
    const messages = result.files.flatMap((file) => file.messages.map((message) => ({file: file.path, message}))).filter(({message}) => message.ruleId === 'preflight-overflow')
    expect(messages).toHaveLength(1)
    expect(messages[0]!.file).toBe('chapters/intro.md')
    expect([messages[0]!.message.line, messages[0]!.message.column]).toEqual([5, 1])
    expect(messages[0]!.message.reason).toMatch(/^Unexpected code block “Voir X X[^”]*” overflowing page \d+ \(full\), expected it within the page's text area$/)
  }, 60_000)
})

