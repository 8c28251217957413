import {createHash} from 'node:crypto'
import {existsSync} from 'node:fs'
import {cp, mkdtemp, readdir, readFile, rm, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {PDFDict, PDFDocument, type PDFHexString, PDFName} from 'pdf-lib'
import {getDocument, type PDFDocumentProxy} from 'pdfjs-dist/legacy/build/pdf.mjs'
import type {Browser} from 'puppeteer-core'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {SKIP, visit} from 'unist-util-visit'
import {build, type BuiltEdition} from '../../src/api/build.js'
import {check} from '../../src/api/check.js'
import {main} from '../../src/cli/main.js'
import {launchBrowser, resolveBrowser} from '../../src/print/browser.js'
import {eachStructureElement} from '../../src/print/role-map.js'
import {linkTarget} from '../../src/print/link-contents.js'
import {captureIo} from '../helpers/io.js'
import {axeViolations} from '../helpers/axe.js'
import {hasPdftotext, pdfPages} from '../helpers/pdf-text.js'

/**
 * The sample report built for real: Paged.js in Chromium, PDFs opened with pdf.js and pdf-lib,
 * the HTML audited with axe-core in the same browser.
 */
const report = path.join(import.meta.dirname, '../../report')
let work: string
let out: string
let full: BuiltEdition
let synthesis: BuiltEdition
let fullPdf: PDFDocumentProxy
let synthesisPdf: PDFDocumentProxy
let browser: Browser

/** A page's text with soft hyphens and line breaks removed, as a reader would search it. */
async function pageText(pdf: PDFDocumentProxy, number: number): Promise<string> {
  const content = await (await pdf.getPage(number)).getTextContent()
  // A line that ends in a break hyphen joins the next without a space; any other line end is a space.
  return content.items
    .map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : ''))
    .join('')
    .replace(/[\u00AD-]\n/gu, '')
    .replace(/\u00AD/gu, '')
    .replace(/[\s\u00A0\u202F]+/gu, ' ')
}

async function allText(pdf: PDFDocumentProxy): Promise<string[]> {
  return Promise.all(Array.from({length: pdf.numPages}, (_, index) => pageText(pdf, index + 1)))
}

async function open(file: string): Promise<PDFDocumentProxy> {
  return getDocument({data: new Uint8Array(await readFile(file)), verbosity: 0}).promise
}

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'rapporteur-e2e-'))
  await cp(report, path.join(work, 'report'), {recursive: true, filter: (source) => !source.includes(`${path.sep}dist`)})
  out = path.join(work, 'out')
  const result = await build(path.join(work, 'report'), {out})
  if (!result.ok) throw new Error(`build failed: ${result.reason}`)
  ;[full, synthesis] = result.editions as [BuiltEdition, BuiltEdition]
  fullPdf = await open(full.pdf!)
  synthesisPdf = await open(synthesis.pdf!)
  browser = await launchBrowser(await resolveBrowser({env: process.env}), {timeoutMs: 30_000, frames: true})
}, 120_000)

afterAll(async () => {
  await browser?.close()
  await rm(work, {recursive: true, force: true})
})

describe('rapporteur build on the sample report', () => {
  // The sample's pages, as the build printed them before the speed work of issue 15 (pdftotext,
  // page by page): the same text on the same pages, notes, TOC and references included, but for
  // two words that a page break used to split one letter late, "fév-" / "rier" and "rép-" /
  // "ressif", now "fé-" / "vrier" and "ré-" / "pressif" (browser-side/letter-box.ts). Written
  // again with UPDATE_GOLDEN=1 when the sample report or the theme changes on purpose. Since
  // then, the synthesis's page 2, blank before its first chapter, lost the folio it had.
  test.skipIf(!hasPdftotext)('every page of both editions has the text it had (golden: test/e2e/golden/sample-pages.json)', async () => {
    const golden = path.join(import.meta.dirname, 'golden', 'sample-pages.json')
    const now = {'rapport.pdf': pdfPages(full.pdf!), 'synthese.pdf': pdfPages(synthesis.pdf!)}
    if (process.env.UPDATE_GOLDEN) await writeFile(golden, `${JSON.stringify(now, null, 1)}\n`)
    const before = JSON.parse(await readFile(golden, 'utf8')) as typeof now
    for (const name of ['rapport.pdf', 'synthese.pdf'] as const) {
      expect(now[name].length, `${name}: pages`).toBe(before[name].length)
      now[name].forEach((text, index) => expect(text, `${name}, page ${index + 1}`).toBe(before[name][index]))
    }
  })

  test.skipIf(!hasPdftotext)('a blank page has no folio or running head: the one before the synthesis\'s first chapter too', async () => {
    for (const pdf of [full.pdf!, synthesis.pdf!]) {
      const furnitureOnly = pdfPages(pdf).flatMap((text, index) => (/^\s*\d*\s*$/u.test(text) && text.trim() !== '' ? [index + 1] : []))
      expect(furnitureOnly, pdf).toEqual([])
    }
  })

  test.skipIf(!hasPdftotext)('--jobs 1 (one part at a time, both editions together) prints the same pages', async () => {
    const elsewhere = path.join(work, 'out-one-job')
    const io = captureIo(work)
    expect(await main(['build', 'report', '--out', elsewhere, '--format', 'pdf', '--jobs', '1', '--no-progress'], io)).toBe(0)
    expect(pdfPages(path.join(elsewhere, 'rapport.pdf'))).toEqual(pdfPages(full.pdf!))
    expect(pdfPages(path.join(elsewhere, 'synthese.pdf'))).toEqual(pdfPages(synthesis.pdf!))
    expect(await main(['build', 'report', '--jobs', '0'], captureIo(work))).toBe(2)
  })

  test('page counts are in the expected range', () => {
    expect(fullPdf.numPages).toBeGreaterThanOrEqual(20)
    expect(fullPdf.numPages).toBeLessThanOrEqual(60)
    expect(synthesisPdf.numPages).toBeGreaterThanOrEqual(3)
    expect(synthesisPdf.numPages).toBeLessThanOrEqual(10)
  })

  test('table of contents page numbers are the pages where the chapters start', async () => {
    const outline = (await fullPdf.getOutline()) ?? []
    const chapterPages = new Map<string, number>()
    for (const item of outline) {
      const destination = typeof item.dest === 'string' ? await fullPdf.getDestination(item.dest) : item.dest
      if (destination?.[0]) chapterPages.set(item.title.replace(/\s+/gu, ' ').trim(), (await fullPdf.getPageIndex(destination[0])) + 1)
    }
    const toc = await pageText(fullPdf, 2)
    const chapters = full.rendered.main.filter((section) => String(section.properties.className).includes('rp-chapter--chapter'))
    expect(chapters.length).toBeGreaterThanOrEqual(8)
    for (const chapter of chapters) {
      const title = String(chapter.properties.dataTitle)
      const escaped = title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s/g, '\\s*').replace(/'/g, "['’]")
      const listed = new RegExp(`${escaped}[\\s._]*?(\\d+)`, 'u').exec(toc.replace(/[\u00A0\u202F]/gu, ' '))
      expect(listed, `TOC entry for ${title}`).not.toBeNull()
      const same = (text: string) => text.replace(/['’]/gu, "'").replace(/[\s\u00A0\u202F]+/gu, ' ').trim()
      const bookmarkPage = [...chapterPages].find(([name]) => same(name) === same(title))?.[1]
      expect(bookmarkPage, `bookmark for ${title}`).toBeDefined()
      expect(Number(listed![1]), title).toBe(bookmarkPage)
      expect((await pageText(fullPdf, bookmarkPage!)).replace(/['’]/g, "'")).toContain(title.replace(/['’]/g, "'").slice(0, 20))
    }
  })

  test('each footnote is on the same page as its call', async () => {
    const notes = full.preflight!.footnotes
    expect(notes.length).toBe(full.rendered.notes.length)
    for (const note of notes) {
      expect(note.notePage, `note ${note.id}`).not.toBeNull()
      expect(note.notePage, `note ${note.id}`).toBe(note.callPage)
      // And the PDF agrees: the note's number starts a line of that page's foot.
      expect(await pageText(fullPdf, note.notePage!)).toMatch(new RegExp(`(^|\\D)${note.id}\\. `))
    }
  })

  test('the text layer holds every word of the prose whole, and no soft hyphen', async () => {
    const raw = await Promise.all(
      Array.from({length: fullPdf.numPages}, async (_, index) => {
        const content = await (await fullPdf.getPage(index + 1)).getTextContent()
        return content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join('')
      })
    )
    // Typographic apostrophes everywhere, the cover and the running heads included.
    expect(raw.join('\n')).not.toContain("'")
    const text = raw.join('\n').replace(/[’ʼ']/gu, "'")
    expect(text).not.toContain('\u00AD')
    // A line-end hyphen joins its word (`pédocrimi-` + `nelles`); any other line end is a space.
    const joined = text.replace(/-\n/gu, '').replace(/\s+/gu, ' ')
    const kept = text.replace(/\s+/gu, ' ')
    const checked = await check(path.join(work, 'report'))
    if (!checked.ok) throw new Error('sample did not load')
    const words = new Set<string>()
    for (const document of checked.model.documents.filter((item) => item.editions.includes('full'))) {
      // The prose a reader reads: text in paragraphs, not citation keys, code or directive attributes.
      visit(document.tree, (node) => {
        if (node.type === 'citation' || node.type === 'inlineCode' || node.type === 'code' || node.type === 'html' || node.type === 'yaml') return SKIP
        // `:ref[#id]` holds an id; the PDF prints the target's title.
        if (node.type === 'textDirective' && node.name === 'ref') return SKIP
        if (node.type !== 'text') return
        for (const word of node.value.replace(/[’ʼ']/gu, "'").match(/\p{L}{3,}/gu) ?? []) words.add(word)
      })
    }
    const whole = (haystack: string, word: string) => new RegExp(`(?<!\\p{L})${word}(?!\\p{L})`, 'u').test(haystack)
    // A word hyphenated across a page break has the page's notes, folio and the next running head between its halves.
    const acrossPages = (word: string) => Array.from({length: word.length - 3}, (_, index) => index + 2).some((cut) => text.includes(`${word.slice(0, cut)}-\n`) && new RegExp(`\n${word.slice(cut)}(?!\\p{L})`, 'u').test(text))
    const missing = [...words].filter((word) => !whole(joined, word) && !whole(kept, word) && !acrossPages(word))
    expect(words.size).toBeGreaterThan(1000)
    expect(missing).toEqual([])
  })

  test('the tag tree: no Figure without Alt (key figures are text blocks), a RoleMap for every non-standard type', async () => {
    const pdf = await PDFDocument.load(await readFile(full.pdf!), {updateMetadata: false})
    const root = pdf.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict)
    const types = new Map<string, number>()
    let figuresWithoutAlt = 0
    eachStructureElement(pdf, (element, name) => {
      const type = name?.decodeText()
      if (type) types.set(type, (types.get(type) ?? 0) + 1)
      if (type === 'Figure' && !element.has(PDFName.of('Alt'))) figuresWithoutAlt++
    })
    expect(figuresWithoutAlt).toBe(0)
    // Page-foot notes, which Chromium tags as list items outside any list, are Notes with an ID
    // (PDF/UA-1, 7.9), one a note of the print HTML; every list item left is in a list.
    const notes = (await readFile(path.join(path.dirname(full.pdf!), '.print', 'rapport.html'), 'utf8')).match(/class="rp-footnote"/gu)?.length ?? 0
    let noteTags = 0
    eachStructureElement(pdf, (element, name) => {
      if (name?.decodeText() === 'Note') {
        noteTags++
        expect(element.has(PDFName.of('ID'))).toBe(true)
      } else if (name?.decodeText() === 'LI') expect(element.lookup(PDFName.of('P'), PDFDict).get(PDFName.of('S'))?.toString()).toBe('/L')
    })
    expect(notes).toBeGreaterThan(50)
    expect(noteTags).toBe(notes)
    // Tab order follows the structure on every page with links.
    for (const page of pdf.getPages()) if (page.node.has(PDFName.of('Annots'))) expect(page.node.get(PDFName.of('Tabs'))?.toString()).toBe('/S')
    // The 13 key-figure cards of the sample, with their captions, are Div.
    expect(types.get('Div')).toBeGreaterThanOrEqual(13)
    const standard = new Set('Document Part Art Sect Div BlockQuote Caption TOC TOCI NonStruct P H1 H2 H3 H4 H5 H6 L LI Lbl LBody Table TR TH TD THead TBody TFoot Span Quote Note Reference Link Figure'.split(' '))
    const roleMap = root.lookupMaybe(PDFName.of('RoleMap'), PDFDict)
    for (const type of types.keys()) if (!standard.has(type)) expect(roleMap?.has(PDFName.of(type)), `RoleMap for ${type}`).toBe(true)
  })

  test('each note call is a link to its note, on the same page', async () => {
    const pdf = await PDFDocument.load(await readFile(full.pdf!), {updateMetadata: false})
    const dests = pdf.catalog.lookup(PDFName.of('Dests'), PDFDict)
    const pageRefs = pdf.getPages().map((page) => page.ref.toString())
    let calls = 0
    pdf.getPages().forEach((page, index) => {
      for (const ref of page.node.Annots()?.asArray() ?? []) {
        const dest = (pdf.context.lookup(ref) as PDFDict).get(PDFName.of('Dest'))
        if (!dest || !/^\/note-/u.test(dest.toString())) continue
        calls++
        const target = dests.lookup(PDFName.of(dest.toString().slice(1))) as unknown as {get: (index: number) => {toString(): string}}
        expect(pageRefs.indexOf(target.get(0).toString()), `${dest} on page ${index + 1}`).toBe(index)
      }
    })
    expect(calls).toBe(full.rendered.notes.length)
  })

  test('every link says what it is in its /Contents (PDF/UA-1, 7.18.5): a note call its note, a cross-reference its text, a URL itself', async () => {
    for (const file of [full.pdf!, synthesis.pdf!]) {
      const pdf = await PDFDocument.load(await readFile(file), {updateMetadata: false})
      const described = new Map<string, string>()
      let links = 0
      for (const page of pdf.getPages()) {
        for (const ref of page.node.Annots()?.asArray() ?? []) {
          const annotation = pdf.context.lookup(ref) as PDFDict
          if (annotation.get(PDFName.of('Subtype')) !== PDFName.of('Link')) continue
          links++
          const contents = annotation.lookup(PDFName.of('Contents'))
          const text = contents && 'decodeText' in contents ? (contents as PDFHexString).decodeText() : ''
          expect(text.trim(), `a link on page ${pdf.getPages().indexOf(page) + 1}`).not.toBe('')
          expect(text).not.toContain('\u00AD')
          described.set(linkTarget(annotation) ?? '', text)
        }
      }
      expect(links).toBeGreaterThan(file === full.pdf ? 100 : 3)
      if (file === full.pdf) {
        expect(described.get('#note-1')).toBe('Note 1')
        // A cross-reference says its words, without the page number the print adds ("recommandation 1, p. 12").
        const recommendations = [...described].filter(([target]) => target.startsWith('#rec-'))
        expect(recommendations.length).toBeGreaterThan(2)
        for (const [, text] of recommendations) expect(text).toMatch(/^recommandation \d+$/u)
        // The TOC's entry, its chapter's title as typography set it (its spaces plain: they are not laid out).
        expect(described.get('#alerte')).toBe('L’alerte : quand l’IA générative sert la pédocriminalité')
        expect([...described.values()].some((text) => /^https?:\/\//u.test(text))).toBe(true)
      }
    }
  })

  test('every note call’s number is tagged text, which a screen reader reads (generated content was an artifact)', async () => {
    const calls = new Set<string>()
    for (let number = 1; number <= fullPdf.numPages; number++) {
      const content = await (await fullPdf.getPage(number)).getTextContent({includeMarkedContent: true})
      const stack: string[] = []
      for (const item of content.items) {
        if ('type' in item && (item.type === 'beginMarkedContentProps' || item.type === 'beginMarkedContent')) stack.push((item as {tag?: string}).tag ?? '')
        else if ('type' in item && item.type === 'endMarkedContent') stack.pop()
        // A call is its number alone, set small (a marker at the page's foot is "7." in a Lbl).
        else if ('str' in item && /^\d+$/u.test(item.str) && item.height < 9 && stack.length > 0 && !stack.includes('Artifact')) calls.add(item.str)
      }
    }
    expect([...calls].map(Number).sort((a, b) => a - b)).toEqual(full.rendered.notes.map((note) => note.number))
  })

  test('running heads and folios are artifacts; page references are tagged text', async () => {
    // A page with a running head: the first page whose artifacts hold more than its folio.
    let checked = 0
    for (let number = 3; number <= fullPdf.numPages && checked < 5; number++) {
      const content = await (await fullPdf.getPage(number)).getTextContent({includeMarkedContent: true})
      const stack: string[] = []
      const artifact: string[] = []
      const tagged: string[] = []
      const untagged: string[] = []
      for (const item of content.items) {
        if ('type' in item && (item.type === 'beginMarkedContentProps' || item.type === 'beginMarkedContent')) stack.push((item as {tag?: string}).tag ?? '')
        else if ('type' in item && item.type === 'endMarkedContent') stack.pop()
        // A note call is tagged text too, its number alone and set small (the test above).
        else if ('str' in item && item.str.trim() && !(/^\d+$/u.test(item.str) && item.height < 9 && !stack.includes('Artifact'))) (stack.includes('Artifact') ? artifact : stack.length === 0 ? untagged : tagged).push(item.str)
      }
      if (!artifact.includes(String(number))) continue
      checked++
      // The folio is an artifact, and never tagged text on its own.
      expect(tagged, `page ${number}`).not.toContain(String(number))
      expect(untagged, `page ${number}: content neither tagged nor artifact`).toEqual([])
      const text = tagged.join(' ')
      if (/voir recommandation \d/u.test(text)) expect(text).toMatch(/voir recommandation \d+\s*,\s*p\.\s*\d+/u)
    }
    expect(checked).toBeGreaterThanOrEqual(3)
  })

  test('notes follow the citation style: the first in full, Ibid. right after, a short form later', async () => {
    // The PDF's footnotes, as a reader searches them (spaces and apostrophe forms aside: the text layer is issue 11's).
    const squash = (value: string) => value.replace(/\s/gu, '').replace(/[’'ʼ]/gu, "'")
    const text = squash((await allText(fullPdf)).join(' '))
    const report = squash('Fondation pour l’Enfance, L’IA générative, nouvelle arme de la pédocriminalité')
    expect(text).toContain(`1.${report},${squash('Fondation pour l’Enfance')},2024.`)
    expect(text).toMatch(new RegExp(`\\d\\.${report.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}\\.\\d`, 'u'))
    expect([...text.matchAll(/\d\.Ibid\./gu)].length).toBeGreaterThan(5)
    // The web edition's notes say the same, Ibid. in italics.
    const html = await readFile(full.html!, 'utf8')
    expect(html).toMatch(/<li id="note-1"><span class="rp-cite">Fondation pour l’Enfance, <i>L’IA générative, nouvelle arme de la pédocriminalité<\/i>, Fondation pour l’Enfance, 2024\.<\/span>/u)
    expect(html).toContain('<span class="rp-cite"><i>Ibid.</i></span>')
    // The synthesis starts again: its first note is a full reference.
    expect(squash((await allText(synthesisPdf)).join(' '))).not.toMatch(/(^|\D)1\.Ibid\./u)
  })

  test('recommendation numbers, titles and key figures are the same in both editions', async () => {
    const fullText = (await allText(fullPdf)).join(' ')
    const synthesisText = (await allText(synthesisPdf)).join(' ')
    const labels = [...fullText.matchAll(/R(\d+)\s*Recommandation (\d+) · (\S+)/gu)].map((match) => [Number(match[1]), Number(match[2])])
    expect(labels.length).toBeGreaterThanOrEqual(5)
    for (const [badge, number] of labels) expect(badge).toBe(number)
    const listed = [...synthesisText.matchAll(/R(\d+) ([^—]+?) —/gu)].map((match) => `${match[1]} ${match[2]!.trim()}`)
    const inReport = [...fullText.matchAll(/Recommandation (\d+) · \S+\s*(.+?)\s{0,2}(?=[A-ZÉ][a-zé]+ )/gu)].map((match) => match[1])
    expect(listed.map((item) => Number(item.split(' ')[0]))).toEqual(labels.map(([, number]) => number))
    expect(inReport.length).toBe(labels.length)
    for (const value of ['40 %', '52 %', '44 %', '37 %', '100 000', '5e']) {
      expect(synthesisText.replace(/\s/gu, '')).toContain(value.replace(/\s/gu, ''))
      expect(fullText.replace(/\s/gu, '')).toContain(value.replace(/\s/gu, ''))
    }
  })

  test('every font is embedded, and only the theme fonts are used', async () => {
    for (const file of [full.pdf!, synthesis.pdf!]) {
      const pdf = await PDFDocument.load(await readFile(file))
      const fonts = pdf.context.enumerateIndirectObjects().filter(([, object]) => object instanceof PDFDict && object.get(PDFName.of('Type')) === PDFName.of('FontDescriptor'))
      expect(fonts.length).toBeGreaterThan(2)
      for (const [, descriptor] of fonts) {
        const dict = descriptor as PDFDict
        const embedded = ['FontFile', 'FontFile2', 'FontFile3'].some((key) => dict.has(PDFName.of(key)))
        const name = String(dict.get(PDFName.of('FontName')))
        expect(embedded, name).toBe(true)
        expect(name, 'no fallback font').toMatch(/SourceSerif4|SourceSans3/)
      }
    }
  })

  test('French text is hyphenated in the PDF, although headless Chromium has no dictionaries', async () => {
    let breaks = 0
    for (let number = 1; number <= fullPdf.numPages; number++) {
      const content = await (await fullPdf.getPage(number)).getTextContent()
      const items = content.items.filter((item) => 'str' in item) as Array<{str: string; hasEOL: boolean}>
      const lines = items.reduce<string[]>((all, item) => {
        all[all.length - 1] += item.str
        if (item.hasEOL) all.push('')
        return all
      }, [''])
      // A line that ends with a hyphen right after a letter, and whose next line starts in lower case.
      lines.forEach((line, index) => {
        if (/\p{Ll}[-\u00AD]$/u.test(line) && /^\p{Ll}/u.test(lines[index + 1] ?? '')) breaks++
      })
    }
    expect(breaks).toBeGreaterThan(20)
  })

  test('bookmarks and metadata are set', async () => {
    const outline = (await fullPdf.getOutline()) ?? []
    expect(outline.map((item) => item.title)).toContain('Nos recommandations')
    // The synthesis's list by axis sits under its `## Nos recommandations`: its axis titles are one level below.
    type Entry = {title: string; items: Entry[]}
    const synthesisOutline = ((await synthesisPdf.getOutline()) ?? []) as Entry[]
    const recommendations = synthesisOutline.flatMap((item) => [item, ...item.items]).find((item) => item.title === 'Nos recommandations')
    expect(recommendations?.items.map((item) => item.title)).toEqual(['Prévention', 'Détection', 'Sanction'])
    const {info} = (await fullPdf.getMetadata()) as unknown as {info: Record<string, unknown>}
    expect(info.Title).toBe("L'IA générative, nouvelle arme de la pédocriminalité — Rapport complet")
    expect(info.Author).toBe("Fondation pour l'Enfance")
    expect(info.Language).toBe('fr')
    expect(info.IsAcroFormPresent).toBe(false)
    const pdf = await PDFDocument.load(await readFile(full.pdf!))
    expect(pdf.catalog.has(PDFName.of('StructTreeRoot')), 'tagged PDF').toBe(true)
  })

  test('the same input gives the same bytes', async () => {
    const before = await readFile(full.pdf!)
    await rm(path.join(out, '.print', 'rapport.html.sha256'))
    const again = await build(path.join(work, 'report'), {out, editions: ['full'], formats: ['pdf']})
    expect(again.ok && again.editions[0]!.cached).toBeFalsy()
    expect(Buffer.compare(await readFile(full.pdf!), before)).toBe(0)
  }, 60_000)

  test('into another output folder, both editions give the same bytes', async () => {
    const elsewhere = path.join(work, 'ailleurs', 'sortie')
    const again = await build(path.join(work, 'report'), {out: elsewhere, formats: ['pdf']})
    expect(again.ok).toBe(true)
    for (const edition of [full, synthesis]) {
      const name = path.basename(edition.pdf!)
      const bytes = await readFile(path.join(elsewhere, name))
      expect(Buffer.compare(bytes, await readFile(edition.pdf!)), name).toBe(0)
      // No path of the build machine in the PDF's links.
      const pdf = await PDFDocument.load(bytes)
      const uris = pdf.getPages().flatMap((page) =>
        (page.node.Annots()?.asArray() ?? []).map((ref) => (pdf.context.lookup(ref) as PDFDict).lookupMaybe(PDFName.of('A'), PDFDict)?.get(PDFName.of('URI'))?.toString() ?? '')
      )
      expect(uris.filter((uri) => uri.includes('file:'))).toEqual([])
    }
  }, 60_000)

  test('an unchanged report is not paginated again', async () => {
    const again = await build(path.join(work, 'report'), {out, formats: ['pdf']})
    expect(again.ok && again.editions.every((edition) => edition.cached)).toBe(true)
  })

  test.each(['rapport.html', 'synthese.html'])('%s passes axe-core in Chromium with no violations', async (name) => {
    const page = await browser.newPage()
    try {
      await page.goto(pathToFileURL(path.join(out, name)).href, {waitUntil: 'load'})
      expect(await axeViolations(page)).toEqual([])
      expect(await page.$eval('html', (element) => element.lang)).toBe('fr')
      expect(await page.$('a.rp-skip-link[href="#main"]')).not.toBeNull()
      // The synthesis has one chapter, so no table of contents (no `nav`).
      expect(await page.$$eval('main, header, footer', (elements) => elements.length)).toBeGreaterThanOrEqual(3)
      expect(await page.$$eval('nav.rp-toc', (elements) => elements.length)).toBe(name === 'rapport.html' ? 1 : 0)
    } finally {
      await page.close()
    }
  })

  test('a build stopped during pagination leaves every output byte-identical, and nothing behind', async () => {
    const snapshot = async () => {
      const files = new Map<string, string>()
      const walk = async (folder: string) => {
        for (const entry of await readdir(folder, {withFileTypes: true})) {
          const full = path.join(folder, entry.name)
          if (entry.isDirectory()) await walk(full)
          else files.set(path.relative(out, full), createHash('sha256').update(await readFile(full)).digest('hex'))
        }
      }
      await walk(out)
      return files
    }
    const chapter = path.join(work, 'report', 'chapters', '01-alerte.md')
    const text = await readFile(chapter, 'utf8')
    // A change that needs a new PDF, and a new web page.
    await writeFile(chapter, `${text}\n\nUne phrase de plus, sans chiffre.\n`)
    // The print HTML and its cache key are written by design; everything else must not move.
    const before = [...(await snapshot())].filter(([file]) => !file.startsWith('.print'))
    const stop = new AbortController()
    try {
      const building = build(path.join(work, 'report'), {out, signal: stop.signal, onProgress: (stage) => stage === 'paginate' && stop.abort()})
      await expect(building).rejects.toThrow()
      const after = [...(await snapshot())].filter(([file]) => !file.startsWith('.print'))
      expect(after).toEqual(before)
      expect([...(await snapshot()).keys()].filter((file) => file.endsWith('.tmp') || file.includes('part-shell-'))).toEqual([])
    } finally {
      await writeFile(chapter, text)
    }
  })

  test('a failed build leaves the previous outputs intact and exits 1', async () => {
    const before = await readFile(full.pdf!)
    const chapter = path.join(work, 'report', 'chapters', '01-alerte.md')
    const text = await readFile(chapter, 'utf8')
    await writeFile(chapter, `${text}\n\nUn chiffre sans source : 12 % des cas.\n`)
    try {
      const io = captureIo(work)
      const code = await main(['build', 'report', '--out', 'out'], io)
      expect(code).toBe(1)
      expect(io.err()).toContain('figure-needs-citation')
      expect(io.err()).toContain('nothing built')
      expect(Buffer.compare(await readFile(full.pdf!), before)).toBe(0)
      // Nor anything the browser was readied with while check ran (print/part-shell.ts), here or in a new folder.
      expect((await readdir(path.join(work, 'out', '.print'))).filter((name) => name.includes('part-shell-'))).toEqual([])
      expect(await main(['build', 'report', '--out', 'out-never'], captureIo(work))).toBe(1)
      expect(existsSync(path.join(work, 'out-never'))).toBe(false)
    } finally {
      await writeFile(chapter, text)
    }
  })
})
