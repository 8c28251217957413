import {execFileSync} from 'node:child_process'
import {writeFile} from 'node:fs/promises'
import path from 'node:path'
import {PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFString} from 'pdf-lib'
import {getDocument} from 'pdfjs-dist/legacy/build/pdf.mjs'
import type {Browser} from 'puppeteer-core'
import {afterAll, beforeAll, expect, test} from 'vitest'
import {finalizeDocument} from '../../src/print/finalize-pdf.js'
import {CROSS_PART_LINK, joinPdfs, readPart} from '../../src/print/join-pdfs.js'
import {isMarked, markArtifacts} from '../../src/print/artifacts.js'
import {serializePdf} from '../../src/print/write-pdf.js'
import {lorem, makeRoot, paragraphs, startBrowser} from './helpers.js'

// Two parts of one document, printed by Chromium as a build prints them: tagged, with an outline.
// The first links to the second's heading (a cross-part link) and to its own section; the second
// links to its own heading (so Chromium names it) and back to the first's, which the first does
// not link to: Chromium names only the targets of its own document's links, so no part names it.
const first = `<section class="rp-chapter" id="un"><h1 id="titre-un">Chapitre un</h1>
  <p>Voir <a href="${CROSS_PART_LINK}titre-deux">le chapitre deux</a> et <a href="#section-un">la section</a>.</p>
  ${paragraphs(6)}<h2 id="section-un">Une section</h2>
  <table><tr><th>Année</th><th>Cas</th></tr><tr><td>2023</td><td>12</td></tr></table></section>`
const second = `<section class="rp-chapter" id="deux"><h1 id="titre-deux">Chapitre deux</h1>
  <p>Retour <a href="${CROSS_PART_LINK}titre-un">au chapitre un</a>, ou <a href="#titre-deux">en haut</a>. ${lorem}</p>
  <table><tr><th>Région</th><th>Part</th></tr><tr><td>Nord</td><td>40 %</td></tr></table></section>`

let browser: Browser
let fixture: Awaited<ReturnType<typeof makeRoot>>
let parts: Uint8Array[]
beforeAll(async () => {
  ;[browser, fixture] = await Promise.all([startBrowser(), makeRoot()])
  parts = []
  for (const [index, body] of [first, second].entries()) {
    const page = await browser.newPage()
    await page.goto(`file://${await fixture.page(`part-${index + 1}.html`, body)}`, {waitUntil: 'load'})
    parts.push(await page.pdf({preferCSSPageSize: true, printBackground: true, tagged: true, outline: true}))
    await page.close()
  }
})
afterAll(async () => {
  await browser?.close()
  await fixture?.remove()
})

const pageCounts = async () => Promise.all(parts.map(async (bytes) => (await PDFDocument.load(bytes)).getPageCount()))

/** Join, then open with pdf.js as a reader would. */
async function openJoined(destinations?: Map<string, {page: number; x: number; y: number}>) {
  const {document, unresolved} = await joinPdfs(parts, {destinations})
  const bytes = await serializePdf(document)
  return {bytes, unresolved, pdf: await getDocument({data: bytes.slice(), verbosity: 0}).promise}
}

test('the pages of every part, in order, with their text', async () => {
  const [one, two] = await pageCounts()
  const {pdf} = await openJoined()
  try {
    expect(pdf.numPages).toBe(one! + two!)
    const text = async (number: number) => ((await (await pdf.getPage(number)).getTextContent()).items as Array<{str: string}>).map((item) => item.str).join('')
    expect(await text(1)).toContain('Chapitre un')
    expect(await text(one! + 1)).toContain('Chapitre deux')
  } finally {
    await pdf.destroy()
  }
})

test("each page's tags are found through the joined parent tree, under one Document", async () => {
  const [one] = await pageCounts()
  const {pdf, bytes} = await openJoined()
  /** The roles of a page's tag tree, depth first. */
  const roles = async (document: typeof pdf, number: number) => {
    const found: string[] = []
    const walk = (node: {role?: string; children?: unknown[]} | null) => {
      if (!node) return
      if (node.role) found.push(node.role)
      for (const child of node.children ?? []) walk(child as typeof node)
    }
    walk((await (await document.getPage(number)).getStructTree()) as never)
    return found
  }
  const alone = await Promise.all(parts.map((part) => getDocument({data: part.slice(), verbosity: 0}).promise))
  try {
    // Each joined page has the tags it had in its own part (the first pages of the two differ).
    const [firstAlone, secondAlone] = [await roles(alone[0]!, 1), await roles(alone[1]!, 1)]
    expect(firstAlone).not.toEqual(secondAlone)
    expect(await roles(pdf, 1)).toEqual(firstAlone)
    expect(await roles(pdf, one! + 1)).toEqual(secondAlone)
    expect(secondAlone).toContain('Table')
  } finally {
    await pdf.destroy()
    await Promise.all(alone.map((document) => document.destroy()))
  }
  // One catalog, page tree, tag tree root and outline root: the parts' own were dropped.
  const joined = await PDFDocument.load(bytes)
  const types = joined.context.enumerateIndirectObjects().map(([, object]) => (object instanceof PDFDict ? object.get(PDFName.of('Type'))?.toString() : undefined))
  for (const type of ['/Catalog', '/Pages', '/StructTreeRoot', '/Outlines']) expect(types.filter((found) => found === type)).toHaveLength(1)
  const root = joined.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict)
  const documents = root.lookup(PDFName.of('K'))
  expect(documents).toBeInstanceOf(PDFDict)
  expect((documents as PDFDict).get(PDFName.of('S'))).toBe(PDFName.of('Document'))
})

test('element ids stay unique across parts, and the ID tree names each element by its own id', async () => {
  const {document} = await joinPdfs(parts)
  const {context} = document
  const root = document.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict)
  const names = root.lookup(PDFName.of('IDTree'), PDFDict).lookup(PDFName.of('Names'), PDFArray)
  const text = (value: unknown) => (value as PDFString | PDFHexString).decodeText()
  const keys: string[] = []
  for (let at = 0; at < names.size(); at += 2) {
    keys.push(text(names.get(at)))
    expect(text(context.lookup(names.get(at + 1), PDFDict).get(PDFName.of('ID')))).toBe(keys.at(-1))
  }
  // Both parts' tables have header cells with ids (Chromium's, unique in one document only).
  expect(keys.length).toBeGreaterThanOrEqual(4)
  expect(new Set(keys).size).toBe(keys.length)
  expect(keys).toEqual([...keys].sort())
  expect(keys.some((key) => key.startsWith('p2-'))).toBe(true)
  // Every data cell's headers are ids the tree names.
  let headers = 0
  for (const [, object] of context.enumerateIndirectObjects()) {
    const attributes = object instanceof PDFDict && object.has(PDFName.of('S')) ? context.lookup(object.get(PDFName.of('A'))) : undefined
    for (const attribute of attributes instanceof PDFArray ? attributes.asArray().map((item) => context.lookup(item)) : [attributes]) {
      const named = attribute instanceof PDFDict ? context.lookup(attribute.get(PDFName.of('Headers'))) : undefined
      if (named instanceof PDFArray) for (const header of named.asArray()) headers += keys.includes(text(header)) ? 1 : Number.NaN
    }
  }
  expect(headers).toBeGreaterThanOrEqual(2)
})

test('each font subset keeps a name of its own: both parts embed the same fonts, each its own subset', async () => {
  // Chromium tags each PDF's subsets from AAAAAA: both parts hold `AAAAAA+<font>`, with other glyphs.
  const subsetNames = (document: PDFDocument) => {
    const found: string[] = []
    for (const [, object] of document.context.enumerateIndirectObjects()) {
      if (object instanceof PDFDict && object.get(PDFName.of('Type')) === PDFName.of('FontDescriptor')) found.push((object.get(PDFName.of('FontName')) as PDFName).decodeText())
    }
    return found
  }
  const each = await Promise.all(parts.map(async (bytes) => subsetNames(await PDFDocument.load(bytes))))
  expect(each[0]!.filter((name) => each[1]!.includes(name)).length).toBeGreaterThanOrEqual(1)
  const {document} = await joinPdfs(parts)
  const joined = subsetNames(document)
  expect(joined.length).toBe(each[0]!.length + each[1]!.length)
  expect(new Set(joined).size).toBe(joined.length)
  // The same fonts, named with a subset tag (six capitals and +); the first part's as Chromium named them.
  expect(joined.map((name) => name.replace(/^[A-Z]{6}\+/u, '')).sort()).toEqual([...each[0]!, ...each[1]!].map((name) => name.replace(/^[A-Z]{6}\+/u, '')).sort())
  expect(joined.every((name) => /^[A-Z]{6}\+/u.test(name))).toBe(true)
  for (const name of each[0]!) expect(joined).toContain(name)
  // Each renamed subset's font dictionaries carry its new name too, as its descriptor does.
  const baseFonts: string[] = []
  for (const [, object] of document.context.enumerateIndirectObjects()) {
    if (object instanceof PDFDict && object.get(PDFName.of('Type')) === PDFName.of('Font') && object.get(PDFName.of('BaseFont')) instanceof PDFName) baseFonts.push((object.get(PDFName.of('BaseFont')) as PDFName).decodeText())
  }
  for (const name of baseFonts.filter((font) => /^[A-Z]{6}\+/u.test(font))) expect(joined).toContain(name)
})

test('the outline holds every part, nested as in each', async () => {
  const {pdf} = await openJoined()
  try {
    const outline = await pdf.getOutline()
    expect(outline.map((item) => item.title)).toEqual(['Chapitre un', 'Chapitre deux'])
    expect(outline[0]!.items.map((item) => item.title)).toEqual(['Une section'])
    const [one] = await pageCounts()
    const pageOf = async (dest: unknown) => pdf.getPageIndex((typeof dest === 'string' ? await pdf.getDestination(dest) : (dest as unknown[]))![0] as never)
    expect(await pageOf(outline[1]!.dest)).toBe(one)
  } finally {
    await pdf.destroy()
  }
})

test('links between parts point at their targets, named by a part or given', async () => {
  const [one] = await pageCounts()
  const {pdf, unresolved} = await openJoined(new Map([['titre-un', {page: 0, x: 56, y: 780}]]))
  try {
    expect(unresolved).toEqual([])
    const links = async (number: number) => ((await (await pdf.getPage(number)).getAnnotations()) as Array<{subtype: string; dest?: unknown; url?: string}>).filter((item) => item.subtype === 'Link')
    const target = async (dest: unknown) => pdf.getPageIndex((typeof dest === 'string' ? await pdf.getDestination(dest) : (dest as unknown[]))![0] as never)
    const onFirst = await links(1)
    expect(onFirst.map((link) => link.dest)).toEqual(['titre-deux', 'section-un'])
    expect(await target(onFirst[0]!.dest)).toBe(one)
    const back = (await links(one! + 1)).find((link) => link.dest === 'titre-un')
    expect(back).toBeDefined()
    expect(await target(back!.dest)).toBe(0)
    expect([...(await links(1)), ...(await links(one! + 1))].some((link) => link.url?.startsWith(CROSS_PART_LINK))).toBe(false)
  } finally {
    await pdf.destroy()
  }
})

test('a cross-part link whose target nothing names is told, not guessed, and left pointing nowhere', async () => {
  const [one] = await pageCounts()
  const {unresolved, pdf} = await openJoined()
  try {
    expect(unresolved).toEqual(['titre-un'])
    // Its annotation stays (its tag points at it) but holds no address a reader would try to open.
    const links = ((await (await pdf.getPage(one! + 1)).getAnnotations()) as Array<{subtype: string; url?: string; unsafeUrl?: string; dest?: unknown}>).filter((item) => item.subtype === 'Link')
    expect(links.some((link) => link.dest === 'titre-deux')).toBe(true)
    expect(links.filter((link) => (link.url ?? link.unsafeUrl ?? '').startsWith(CROSS_PART_LINK))).toEqual([])
    expect(links.filter((link) => link.dest === undefined && link.url === undefined && link.unsafeUrl === undefined)).toHaveLength(1)
  } finally {
    await pdf.destroy()
  }
})

test('finalizePdf finishes a joined document: artifacts, ids in order, a valid file', async () => {
  const {document} = await joinPdfs(parts, {destinations: new Map([['titre-un', {page: 0, x: 56, y: 780}]])})
  const bytes = await finalizeDocument(document, {title: 'Deux parties', author: 'Équipe', lang: 'fr', date: new Date(Date.UTC(2024, 0, 1)), creator: 'rapporteur'})
  const file = path.join(fixture.root, 'joined.pdf')
  await writeFile(file, bytes)
  // qpdf (poppler-utils' companion in the README's set-up) checks the file's structure.
  let qpdf = true
  try {
    execFileSync('qpdf', ['--version'], {stdio: 'ignore'})
  } catch {
    qpdf = false
  }
  if (qpdf) expect(() => execFileSync('qpdf', ['--check', file], {stdio: 'pipe'})).not.toThrow()
  const finished = await PDFDocument.load(bytes)
  const root = finished.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict)
  const names = root.lookup(PDFName.of('IDTree'), PDFDict).lookup(PDFName.of('Names'), PDFArray)
  expect((names.get(0) as PDFString).decodeText()).toBe('id1')
})

test("each part's loose page furniture is marked as an artifact as the part is read, and the join is not read through again", async () => {
  // The same parts with a folio outside the tags on every page, as Paged.js's margin boxes print.
  const furnished: Uint8Array[] = []
  for (const [index, body] of [first, second].entries()) {
    const page = await browser.newPage()
    await page.goto(`file://${await fixture.page(`furnished-${index + 1}.html`, `${body}<div aria-hidden="true" style="position: fixed; bottom: 0">Folio</div>`)}`, {waitUntil: 'load'})
    furnished.push(await page.pdf({preferCSSPageSize: true, printBackground: true, tagged: true, outline: true}))
    await page.close()
  }
  const loose = await Promise.all(furnished.map(async (bytes) => markArtifacts(await PDFDocument.load(bytes))))
  expect(loose.every((count) => count > 0)).toBe(true)
  // Read as the join reads it (readPart): marked, and marked once.
  const read = await readPart(furnished[0]!)
  expect(isMarked(read)).toBe(true)
  expect(markArtifacts(read)).toBe(0)
  // The joined document has nothing loose left, and is known as marked (finalizePdf skips the pass).
  const {document} = await joinPdfs([furnished[0]!, readPart(furnished[1]!)])
  expect(isMarked(document)).toBe(true)
  expect(markArtifacts(document)).toBe(0)
  // The bytes do not depend on whether a part was read ahead or by the join.
  const finish = async (joined: PDFDocument) => finalizeDocument(joined, {title: 'Rapport', author: 'Fondation', lang: 'fr', date: new Date(Date.UTC(2026, 0, 1)), creator: 'rapporteur'})
  const [ahead, inJoin] = await Promise.all([joinPdfs([readPart(furnished[0]!), readPart(furnished[1]!)]), joinPdfs(furnished)])
  expect(Buffer.compare(Buffer.from(await finish(ahead.document)), Buffer.from(await finish(inJoin.document)))).toBe(0)
})
