import {existsSync, readFileSync, readdirSync} from 'node:fs'
import {writeFile} from 'node:fs/promises'
import path from 'node:path'
import {describe, expect, test, vi} from 'vitest'
import {openLayoutStore} from '../../src/api/layout-store.js'
import type {StoredPart} from '../../src/print/part-store.js'
import {temporaryFolders} from '../helpers/temporary.js'

/**
 * The parts of each edition's print as laid out by earlier builds (api/layout-store.ts): a part is
 * handed back only for the same text, side and salt, a damaged entry is laid out again, and a
 * save keeps what the build used and the entries of editions it did not print. That a part taken
 * from the store gives the PDF of a fresh layout is test/e2e/parts.test.ts's.
 */
const {temporary} = temporaryFolders()

const laidOut = (pages: number): StoredPart => ({part: {pageCount: pages, places: {intro: [0, 56.69, 785.2]}, pageRefs: ['intro'], packed: `packed-${pages}`}, wants: 'right'})

/** A cache folder holding one part, `<p>A</p>` on the right (3 pages) of the full edition, saved; and the options that open it. */
async function storeWithOnePart(): Promise<{cache: string; options: {root: string; fingerprint: string; project: string}}> {
  const cache = await temporary('layout-store-')
  const options = {root: cache, fingerprint: 'f1', project: '/reports/one'}
  const store = openLayoutStore(options)
  store.edition('full', 'salt').put('<p>A</p>', 'right', laidOut(3))
  await store.save()
  return {cache, options}
}

/** Every entry file under a cache folder's `layouts/`. */
function entries(cache: string): string[] {
  const root = path.join(cache, 'layouts')
  if (!existsSync(root)) return []
  return readdirSync(root, {recursive: true, withFileTypes: true}).filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name))
}

describe('the layout store', () => {
  test('a part comes back for the same text, side and salt only, after a save', async () => {
    const {options} = await storeWithOnePart()
    const second = openLayoutStore(options)
    const full = second.edition('full', 'salt')
    expect(await full.get('<p>A</p>', 'right')).toEqual(laidOut(3))
    expect(second.taken).toBe(1)
    expect(await full.get('<p>A</p>', 'left')).toBeUndefined()
    expect(await full.get('<p>B</p>', 'right')).toBeUndefined()
    expect(await second.edition('full', 'other salt').get('<p>A</p>', 'right')).toBeUndefined()
    expect(await second.edition('synthesis', 'salt').get('<p>A</p>', 'right')).toBeUndefined()
    // Another rapporteur, another project: their own folders.
    expect(await openLayoutStore({...options, fingerprint: 'f2'}).edition('full', 'salt').get('<p>A</p>', 'right')).toBeUndefined()
    expect(await openLayoutStore({...options, project: '/reports/two'}).edition('full', 'salt').get('<p>A</p>', 'right')).toBeUndefined()
  })

  test('a damaged entry is laid out again, not used', async () => {
    const {cache, options} = await storeWithOnePart()
    const [file] = entries(cache)
    for (const damage of ['{"part": {"pageCount": 3', JSON.stringify({part: {pageCount: -1, packed: 'x'}, wants: 'right'}), JSON.stringify({part: {pageCount: 3, packed: ''}, wants: 'up'})]) {
      await writeFile(file!, damage)
      expect(await openLayoutStore(options).edition('full', 'salt').get('<p>A</p>', 'right')).toBeUndefined()
    }
  })

  test('a save keeps the parts the build used and the editions it did not print, and removes the rest', async () => {
    const cache = await temporary('layout-store-')
    const options = {root: cache, fingerprint: 'f1', project: '/reports/one'}
    const first = openLayoutStore(options)
    first.edition('full', 'salt').put('<p>A</p>', 'right', laidOut(3))
    first.edition('full', 'salt').put('<p>B</p>', 'right', laidOut(4))
    first.edition('synthesis', 'salt').put('<p>S</p>', 'right', laidOut(2))
    await first.save()
    expect(entries(cache)).toHaveLength(3)
    // A build of the full edition alone that used A and laid out C: B goes, the synthesis stays.
    const second = openLayoutStore(options)
    const full = second.edition('full', 'salt')
    expect(await full.get('<p>A</p>', 'right')).toBeDefined()
    full.put('<p>C</p>', 'right', laidOut(5))
    await second.save()
    const third = openLayoutStore(options)
    expect(await third.edition('full', 'salt').get('<p>A</p>', 'right')).toEqual(laidOut(3))
    expect(await third.edition('full', 'salt').get('<p>B</p>', 'right')).toBeUndefined()
    expect(await third.edition('full', 'salt').get('<p>C</p>', 'right')).toEqual(laidOut(5))
    expect(await third.edition('synthesis', 'salt').get('<p>S</p>', 'right')).toEqual(laidOut(2))
    expect(entries(cache)).toHaveLength(3)
  })

  test('the PDF of an edition comes back with its page count and findings for the same key only; one taken whole keeps its parts, one printed again replaces it', async () => {
    const cache = await temporary('layout-store-')
    const options = {root: cache, fingerprint: 'f1', project: '/reports/one'}
    const pdf = new TextEncoder().encode('%PDF-1.7\n% an edition as finalised\n%%EOF\n')
    const diagnostics = [{file: 'templates/print.html', line: 3, column: 5, endLine: 3, endColumn: 20, rule: 'print-missing-file', severity: 'warning' as const, message: 'Unexpected missing file `logo.png`'}]
    const first = openLayoutStore(options)
    first.edition('synthesis', 'salt').put('<p>S</p>', 'right', laidOut(2))
    first.putEdition('synthesis', 'key-1', {pdf, pageCount: 6, diagnostics})
    await first.save()
    // A build that takes the synthesis whole: it opens no print of it, and its part stays.
    const second = openLayoutStore(options)
    const found = await second.getEdition('synthesis', 'key-1')
    expect(found && Buffer.from(found.pdf).equals(Buffer.from(pdf))).toBe(true)
    expect(found?.pageCount).toBe(6)
    expect(found?.diagnostics).toEqual(diagnostics)
    expect(await second.getEdition('synthesis', 'key-2')).toBeUndefined()
    expect(await second.getEdition('full', 'key-1')).toBeUndefined()
    await second.save()
    expect(entries(cache)).toHaveLength(2)
    // Printed again from other inputs: the new PDF replaces the old.
    const third = openLayoutStore(options)
    third.edition('synthesis', 'salt').put('<p>S</p>', 'right', laidOut(2))
    third.putEdition('synthesis', 'key-2', {pdf, pageCount: 7, diagnostics: []})
    await third.save()
    const fourth = openLayoutStore(options)
    expect(await fourth.getEdition('synthesis', 'key-1')).toBeUndefined()
    expect((await fourth.getEdition('synthesis', 'key-2'))?.pageCount).toBe(7)
    expect(entries(cache)).toHaveLength(2)
    // Damaged (cut short, its PDF changed, findings of another shape): printed again.
    const file = entries(cache).find((name) => name.endsWith('.bin'))!
    const bytes = readFileSync(file)
    const flipped = Buffer.from(bytes)
    flipped[flipped.length - 3] = flipped[flipped.length - 3]! ^ 0xff
    const length = bytes.readUInt32BE(0)
    const header = JSON.parse(bytes.subarray(4, 4 + length).toString('utf8')) as {diagnostics: unknown[]}
    header.diagnostics = [{line: 'three'}]
    const json = Buffer.from(JSON.stringify(header))
    const size = Buffer.alloc(4)
    size.writeUInt32BE(json.length)
    for (const damage of [bytes.subarray(0, 10), bytes.subarray(0, 4 + length), flipped, Buffer.concat([size, json, bytes.subarray(4 + length)])]) {
      await writeFile(file, damage)
      expect(await openLayoutStore(options).getEdition('synthesis', 'key-2')).toBeUndefined()
    }
  })

  test('a printed part comes back with its PDF and preflight for the same key and salt only; a damaged one is printed again', async () => {
    const cache = await temporary('layout-store-')
    const options = {root: cache, fingerprint: 'f1', project: '/reports/one'}
    const pdf = new TextEncoder().encode('%PDF-1.7\n% a part as Chromium printed it\n%%EOF\n')
    const preflight = {report: {pageCount: 2, tocEntries: [], unresolvedRefs: ['#nowhere'], overflows: [], footnotes: [{id: '1', callPage: 3, notePage: 3}], strandedHeadings: [], fonts: [], images: [], brokenImages: [], splitBoxes: [], crampedTables: []}, images: {'figure.png': 2}}
    const first = openLayoutStore(options)
    first.edition('full', 'salt').putPrint('<p>A</p>', 'key-1', {pdf, preflight})
    await first.save()
    const second = openLayoutStore(options)
    const found = await second.edition('full', 'salt').getPrint('<p>A</p>', 'key-1')
    expect(found && Buffer.from(found.pdf).equals(Buffer.from(pdf))).toBe(true)
    expect(found?.preflight).toEqual(preflight)
    expect(await second.edition('full', 'salt').getPrint('<p>A</p>', 'key-2')).toBeUndefined()
    expect(await second.edition('full', 'other salt').getPrint('<p>A</p>', 'key-1')).toBeUndefined()
    // Cut short, or without a PDF after its header: printed again.
    const [file] = entries(cache)
    const bytes = readFileSync(file!)
    for (const damage of [bytes.subarray(0, 10), bytes.subarray(0, bytes.length - pdf.length), Buffer.concat([bytes.subarray(0, 4), Buffer.from('{"preflight": 1}')])]) {
      await writeFile(file!, damage)
      expect(await openLayoutStore(options).edition('full', 'salt').getPrint('<p>A</p>', 'key-1')).toBeUndefined()
    }
    // One byte of its PDF changed: not the bytes it was kept with.
    const flipped = Buffer.from(bytes)
    flipped[flipped.length - 3] = flipped[flipped.length - 3]! ^ 0xff
    await writeFile(file!, flipped)
    expect(await openLayoutStore(options).edition('full', 'salt').getPrint('<p>A</p>', 'key-1')).toBeUndefined()
    // A preflight report of another shape (an overflow that is a number), with its PDF whole: printed again.
    const length = bytes.readUInt32BE(0)
    const header = JSON.parse(bytes.subarray(4, 4 + length).toString('utf8')) as {preflight: {report: {overflows: unknown[]}}}
    header.preflight.report.overflows = [1]
    const json = Buffer.from(JSON.stringify(header))
    const size = Buffer.alloc(4)
    size.writeUInt32BE(json.length)
    await writeFile(file!, Buffer.concat([size, json, bytes.subarray(4 + length)]))
    expect(await openLayoutStore(options).edition('full', 'salt').getPrint('<p>A</p>', 'key-1')).toBeUndefined()
  })

  test('the prints of the parts whose text is the same are read ahead, each given once, and none read once the print asks', async () => {
    const cache = await temporary('layout-store-')
    const options = {root: cache, fingerprint: 'f1', project: '/reports/one'}
    const preflight = {report: {pageCount: 1, tocEntries: [], unresolvedRefs: [], overflows: [], footnotes: [], strandedHeadings: [], fonts: [], images: [], brokenImages: [], splitBoxes: [], crampedTables: []}, images: {}}
    const pdfOf = (text: string) => new TextEncoder().encode(`%PDF-1.7\n% ${text}\n%%EOF\n`)
    const first = openLayoutStore(options)
    const full = first.edition('full', 'salt')
    for (const part of ['A', 'B', 'C']) full.putPrint(`<p>${part}</p>`, `key-${part}`, {pdf: pdfOf(part), preflight})
    await first.save()
    // The text of part C changed: its print is not read ahead. What `read` makes stands for a parsed PDF.
    const reads: string[] = []
    const read = async (pdf: Uint8Array) => {
      const text = Buffer.from(pdf).toString('latin1').split('\n')[1]!
      reads.push(text)
      return text as never
    }
    const again = openLayoutStore(options).edition('full', 'salt')
    again.readPrintsAhead(['<p>A</p>', '<p>B</p>', '<p>C, edited</p>'], read)
    await vi.waitFor(() => expect(reads).toHaveLength(2))
    // And not C's, had there been time for it.
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(reads.sort()).toEqual(['% A', '% B'])
    const a = await again.getPrint('<p>A</p>', 'key-A')
    expect(await a?.read).toBe('% A')
    expect(a && Buffer.from(a.pdf).toString('latin1')).toContain('% A')
    // Given once: asked again, read from the file, without the document (which the join changed).
    const twice = await again.getPrint('<p>A</p>', 'key-A')
    expect(twice?.read).toBeUndefined()
    expect(twice && Buffer.from(twice.pdf).toString('latin1')).toContain('% A')
    // Once the print has asked, nothing more is read ahead.
    again.readPrintsAhead(['<p>C</p>'], read)
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(reads).toHaveLength(2)
    expect((await again.getPrint('<p>C</p>', 'key-C'))?.read).toBeUndefined()
  })
})
