import {getDocument} from 'pdfjs-dist/legacy/build/pdf.mjs'
import {deflateSync, inflateSync} from 'node:zlib'
import {PDFArray, PDFDict, PDFDocument, type PDFHexString, PDFName, PDFRef} from 'pdf-lib'
import type {Browser} from 'puppeteer-core'
import {afterAll, beforeAll, expect, test, vi} from 'vitest'
import {finalizePdf, keywordList, type PdfMetadata} from '../../src/print/finalize-pdf.js'
import {renderPdf} from '../../src/print/paginate.js'
import {linkTarget} from '../../src/print/link-contents.js'
import {pdfBytes} from '../../src/print/write-pdf.js'
import {lorem, makeRoot, paragraphs, startBrowser} from './helpers.js'

let browser: Browser
let fixture: Awaited<ReturnType<typeof makeRoot>>
let htmlFile: string
beforeAll(async () => {
  ;[browser, fixture] = await Promise.all([startBrowser(), makeRoot()])
  htmlFile = await fixture.page(
    'report.html',
    `<nav class="rp-toc"><ol><li><a class="rp-toc__link" href="#one"><span class="rp-toc__text">One</span> <span class="rp-toc__page"></span></a></li></ol></nav>
     <section class="rp-chapter" id="one"><h1>Chapitre un</h1><h2>Une section</h2>${paragraphs(8)}
       <p>Une note<span class="rp-footnote" data-note="1">La note, en <b>gras</b> et en <i>italique</i>.</span> ici.</p></section>
     <section class="rp-chapter" id="two"><h1>Chapitre deux</h1><p>${lorem}</p></section>`
  )
})
afterAll(async () => {
  await browser?.close()
  await fixture?.remove()
})

const meta: PdfMetadata = {
  title: 'Rapport annuel — édition complète',
  author: 'Observatoire, Équipe',
  subject: 'Le logement',
  keywords: ['prévention', 'logement'],
  lang: 'fr-FR',
  date: new Date(Date.UTC(2024, 2, 15, 12, 0, 0)),
  creator: 'rapporteur 0.1.0'
}

const render = async () => pdfBytes((await renderPdf(browser, {htmlFile, root: fixture.root, timeoutMs: 20_000})).pdf)

test('keywords are told apart: by commas, by semicolons when one holds a comma', () => {
  expect(keywordList(['Income support', 'Better homes', 'Advice and access'])).toBe('Income support, Better homes, Advice and access')
  expect(keywordList(['Housing, energy', 'Advice'])).toBe('Housing, energy; Advice')
})

test('writes the metadata, language and title display, and keeps tagging and outline', async () => {
  const pdf = await finalizePdf(await render(), meta)
  const document = await getDocument({data: pdf.slice(), verbosity: 0}).promise
  try {
    const info = (await document.getMetadata()).info as Record<string, unknown>
    expect(info).toMatchObject({
      Title: meta.title,
      Author: meta.author,
      Subject: meta.subject,
      Keywords: 'prévention, logement',
      Creator: meta.creator,
      Producer: 'rapporteur',
      CreationDate: 'D:20240315120000Z',
      ModDate: 'D:20240315120000Z',
      Language: 'fr-FR'
    })
    expect(await document.getViewerPreferences()).toMatchObject({DisplayDocTitle: true})
    expect(await document.getMarkInfo()).toMatchObject({Marked: true})
    expect(await (await document.getPage(1)).getStructTree()).not.toBeNull()
    const outline = await document.getOutline()
    expect(outline.map((item) => item.title)).toEqual(['Chapitre un', 'Chapitre deux'])
    expect(outline[0]!.items.map((item) => item.title)).toEqual(['Une section'])
  } finally {
    await document.destroy()
  }
})

test('every font is embedded', async () => {
  const document = await PDFDocument.load(await finalizePdf(await render(), meta))
  const lookup = (value: unknown) => (value instanceof PDFRef ? document.context.lookup(value) : value)
  const fonts = document.context
    .enumerateIndirectObjects()
    .map(([, object]) => object)
    .filter((object): object is PDFDict => object instanceof PDFDict && object.get(PDFName.of('Type')) === PDFName.of('Font'))
  const programs = fonts.filter((font) => font.get(PDFName.of('Subtype')) !== PDFName.of('CIDFontType0') && font.get(PDFName.of('Subtype')) !== PDFName.of('CIDFontType2'))
  expect(programs.length).toBeGreaterThanOrEqual(3)
  for (const font of programs) {
    // A composite font keeps its descriptor on its descendant.
    const descendants = lookup(font.get(PDFName.of('DescendantFonts'))) as PDFArray | undefined
    const holder = descendants ? (lookup(descendants.get(0)) as PDFDict) : font
    const descriptor = lookup(holder.get(PDFName.of('FontDescriptor'))) as PDFDict | undefined
    const name = String(font.get(PDFName.of('BaseFont')))
    expect(descriptor, `${name} has a descriptor`).toBeInstanceOf(PDFDict)
    expect(['FontFile', 'FontFile2', 'FontFile3'].some((key) => descriptor!.has(PDFName.of(key))), `${name} is embedded`).toBe(true)
  }
})

test('the same HTML gives the same bytes; other content or metadata give other bytes', async () => {
  const [first, second] = [await render(), await render()]
  const [a, b] = await Promise.all([finalizePdf(first, meta), finalizePdf(second, meta)])
  expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true)
  // Chromium stamps the time it printed: a print made at another second must give the same bytes.
  const restamped = Buffer.from(first).toString('latin1').replace(/D:\d{14}/g, 'D:19990101000000')
  expect(restamped).not.toBe(Buffer.from(first).toString('latin1'))
  expect(Buffer.from(await finalizePdf(Buffer.from(restamped, 'latin1'), meta)).equals(Buffer.from(a))).toBe(true)

  const idOf = async (pdf: Uint8Array) => String((await PDFDocument.load(pdf)).context.trailerInfo.ID)
  const later = await finalizePdf(first, {...meta, date: new Date(Date.UTC(2025, 0, 1))})
  expect(Buffer.from(later).equals(Buffer.from(a))).toBe(false)
  expect(await idOf(later)).not.toBe(await idOf(a))
  expect(await idOf(a)).toMatch(/^\[ <([0-9A-F]{32})> <\1> \]$/)
  // The hash replaces the zeros the draft was hashed with.
  expect(await idOf(a)).not.toContain('0'.repeat(32))
})

test('reads and writes the whole PDF without pausing for timers', {timeout: 20_000}, async () => {
  // pdf-lib pauses for a timer every 100 objects read and 50 written unless told not to: at least
  // 1 ms each in Node, ~0.6 s for a tagged 300-page PDF. With timers stopped, a pause never ends.
  const many = await PDFDocument.create()
  for (let page = 0; page < 150; page++) many.addPage().drawText(`Page ${page + 1}`)
  const bytes = await many.save()
  vi.useFakeTimers({toFake: ['setTimeout', 'setImmediate']})
  try {
    const pdf = await finalizePdf(bytes, meta)
    expect((await PDFDocument.load(pdf, {parseSpeed: Infinity})).getPageCount()).toBe(150)
  } finally {
    vi.useRealTimers()
  }
})

test('packs up to 200 objects in each object stream, not pdf-lib’s 50, and the PDF reads back whole', async () => {
  const raw = await render()
  const pdf = await finalizePdf(raw, meta)
  const counts = [...Buffer.from(pdf).toString('latin1').matchAll(/\/Type\s*\/ObjStm\b[^>]*?\/N (\d+)|\/N (\d+)[^>]*?\/Type\s*\/ObjStm\b/gu)].map((match) => Number(match[1] ?? match[2]))
  expect(counts.length).toBeGreaterThan(0)
  expect(Math.max(...counts)).toBeGreaterThan(50)
  expect(Math.max(...counts)).toBeLessThanOrEqual(200)
  // Every object Chromium wrote is still there.
  const [before, after] = await Promise.all([PDFDocument.load(raw), PDFDocument.load(pdf)])
  expect(after.context.enumerateIndirectObjects().length).toBeGreaterThanOrEqual(before.context.enumerateIndirectObjects().length)
  expect(after.getPageCount()).toBe(before.getPageCount())
})

test('the streams pdf-lib writes are compressed by Node’s zlib, and read back whole', async () => {
  const pdf = Buffer.from(await finalizePdf(await render(), meta))
  // Each object stream and the cross-reference stream: its dictionary (never compressed), then its bytes.
  const text = pdf.toString('latin1')
  const written = [...text.matchAll(/<<((?:(?!>>)[^])*?\/Type\s*\/(?:ObjStm|XRef)(?:(?!>>)[^])*)>>\s*stream\r?\n/gu)].map((match) => {
    const length = Number(/\/Length (\d+)/u.exec(match[1]!)![1])
    const start = match.index! + match[0].length
    return pdf.subarray(start, start + length)
  })
  expect(written.length).toBeGreaterThan(1)
  for (const bytes of written) {
    const plain = inflateSync(bytes)
    expect(plain.length).toBeGreaterThan(0)
    // zlib's own output for these bytes (pako's differs).
    expect(Buffer.compare(deflateSync(plain), bytes)).toBe(0)
  }
  expect((await PDFDocument.load(pdf)).getPageCount()).toBeGreaterThan(0)
})

test('every link annotation gets a description: the one given for its target, else where it goes', async () => {
  const raw = await render()
  const contentsOf = async (pdf: Uint8Array) => {
    const document = await PDFDocument.load(pdf, {updateMetadata: false})
    return document.getPages().flatMap((page) =>
      (page.node.Annots()?.asArray() ?? [])
        .map((ref) => document.context.lookup(ref) as PDFDict)
        .filter((annotation) => annotation.get(PDFName.of('Subtype')) === PDFName.of('Link'))
        .map((annotation) => [linkTarget(annotation), (annotation.lookup(PDFName.of('Contents')) as PDFHexString | undefined)?.decodeText()])
    )
  }
  // Chromium writes none: the TOC's link and the note's call (a link may have an annotation a line).
  const before = await contentsOf(raw)
  expect([...new Set(before.map(([target]) => target))].sort()).toEqual(['#note-1', '#one'])
  expect(before.every(([, contents]) => contents === undefined)).toBe(true)
  const described = await contentsOf(await finalizePdf(raw.slice(), {...meta, links: new Map([['#one', 'Chapitre un'], ['#note-1', 'Note 1']])}))
  expect(Object.fromEntries(described)).toEqual({'#one': 'Chapitre un', '#note-1': 'Note 1'})
  const fallback = await contentsOf(await finalizePdf(raw.slice(), meta))
  expect(Object.fromEntries(fallback)).toEqual({'#one': 'one', '#note-1': 'note-1'})
})
