import {cp, mkdtemp, readFile, rm, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type {Browser} from 'puppeteer-core'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {build} from '../../src/api/build.js'
import {finalizePdf} from '../../src/print/finalize-pdf.js'
import {renderPdf, type RenderPdfResult} from '../../src/print/paginate.js'
import type {PartStore, StoredPart, StoredPrint} from '../../src/print/part-store.js'
import type {Side} from '../../src/print/plan-merge.js'
import {pdfPages, startBrowser} from '../print/helpers.js'
import {pdfBytes} from '../../src/print/write-pdf.js'
import {getDocument} from 'pdfjs-dist/legacy/build/pdf.mjs'
import type {PDFDocument} from 'pdf-lib'

/**
 * A long document is laid out in parts cut at chapters, printed part by part and the PDFs joined
 * (src/print/split-parts.ts, print-parts.ts; `printInParts`, which a build does from 30 pages). The
 * proof that this changes nothing: the sample report printed in a
 * dozen parts, two at a time, has the same text on every page as printed in one Paged.js run,
 * with chapters starting on right-hand pages (blank pages between parts) and on any page
 * (parts laid out again on a left-hand page).
 */
const report = path.join(import.meta.dirname, '../../report')
let work: string
let browser: Browser

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'rapporteur-parts-'))
  browser = await startBrowser()
})
afterAll(async () => {
  await browser?.close()
  await rm(work, {recursive: true, force: true})
})

/** The sample report's print HTML, with `chapterStart` as given. */
async function printHtml(chapterStart: 'right' | 'any'): Promise<{htmlFile: string; root: string}> {
  const dir = path.join(work, chapterStart)
  await cp(report, dir, {recursive: true, filter: (source) => !source.includes(`${path.sep}dist`)})
  const config = path.join(dir, 'rapporteur.yaml')
  await writeFile(config, (await readFile(config, 'utf8')).replace('chapterStart: right', `chapterStart: ${chapterStart}`))
  const result = await build(dir, {editions: ['full'], formats: ['pdf']})
  if (!result.ok) throw new Error('the sample report does not build')
  return {htmlFile: path.join(dir, 'dist', '.print', 'rapport.html'), root: path.join(dir, 'dist')}
}

/**
 * A part store in memory (src/print/part-store.ts), counting the parts it hands back and those laid
 * out (kept), the printed parts it hands back, and those of them it hands back read ahead (every
 * print it holds of a part with the same text, as api/layout-store.ts reads the last build's).
 */
function memoryStore(): PartStore & {taken: number; laidOut: number; printsTaken: number; takenRead: number} {
  const kept = new Map<string, StoredPart>()
  const prints = new Map<string, StoredPrint>()
  const store = {
    taken: 0,
    laidOut: 0,
    printsTaken: 0,
    takenRead: 0,
    async getPrint(html: string, key: string) {
      const found = prints.get(`${html}\0${key}`)
      if (!found) return undefined
      store.printsTaken++
      // A document read ahead is joined (changed) once: given once.
      const {read, ...printed} = found
      delete found.read
      if (read) store.takenRead++
      return read ? {...printed, read} : printed
    },
    putPrint(html: string, key: string, printed: StoredPrint) {
      prints.set(`${html}\0${key}`, printed)
    },
    readPrintsAhead(htmls: readonly string[], read: (pdf: Uint8Array) => Promise<PDFDocument>) {
      for (const [at, printed] of prints) if (htmls.includes(at.slice(0, at.indexOf('\0')))) printed.read ??= read(printed.pdf)
    },
    async get(html: string, startOn: Side) {
      const found = kept.get(`${startOn}\0${html}`)
      if (found) store.taken++
      return found
    },
    put(html: string, startOn: Side, laidOut: StoredPart) {
      store.laidOut++
      kept.set(`${startOn}\0${html}`, laidOut)
    }
  }
  return store
}

/** A print finished as a build finishes it (fixed metadata and date), for comparing bytes. */
const finished = (result: RenderPdfResult) => finalizePdf(result.pdf, {title: 'Rapport', author: 'Fondation', lang: 'fr', date: new Date(Date.UTC(2026, 0, 1)), creator: 'rapporteur'})

/** The page texts, with the running heads and folios (they are part of what must not change). */
async function texts(result: RenderPdfResult): Promise<string[]> {
  return (await pdfPages(result.pdf)).map((page) => page.text)
}

/**
 * What a reader's PDF viewer shows besides the text: each link as `page: target` (`p<page>` or
 * the URL), each bookmark as `title → page` indented by its depth, each page's tags (roles, depth first).
 */
async function readerView(result: RenderPdfResult): Promise<{links: string[]; outline: string[]; roles: string[]}> {
  const pdf = await getDocument({data: (await pdfBytes(result.pdf)).slice(), verbosity: 0}).promise
  try {
    const pageOf = async (dest: unknown) => {
      const explicit = typeof dest === 'string' ? await pdf.getDestination(dest) : (dest as unknown[] | null)
      return explicit ? (await pdf.getPageIndex(explicit[0] as never)) + 1 : null
    }
    const outline: string[] = []
    const walk = async (items: Awaited<ReturnType<typeof pdf.getOutline>>, depth: number): Promise<void> => {
      for (const item of items ?? []) {
        outline.push(`${'  '.repeat(depth)}${item.title} → ${await pageOf(item.dest)}`)
        await walk(item.items, depth + 1)
      }
    }
    await walk(await pdf.getOutline(), 0)
    const links: string[] = []
    const roles: string[] = []
    for (let number = 1; number <= pdf.numPages; number++) {
      const page = await pdf.getPage(number)
      for (const annotation of (await page.getAnnotations()) as Array<{subtype: string; url?: string; dest?: unknown}>) {
        if (annotation.subtype === 'Link') links.push(`${number}: ${annotation.url ?? `p${await pageOf(annotation.dest)}`}`)
      }
      const found: string[] = []
      const visit = (node: {role?: string; children?: unknown[]} | null) => {
        if (node?.role) found.push(node.role)
        for (const child of node?.children ?? []) visit(child as typeof node)
      }
      visit((await page.getStructTree()) as never)
      roles.push(found.join(','))
    }
    return {links, outline, roles}
  } finally {
    await pdf.destroy()
  }
}

/** The pages of the document laid out in parts, by chapterStart, for the last test (each build once). */
const partedPages = new Map<'right' | 'any', number>()

describe.each(['right', 'any'] as const)('chapters starting on %s pages', (chapterStart) => {
  let whole: RenderPdfResult
  let parted: RenderPdfResult
  let printed: {htmlFile: string; root: string}
  const progress: string[] = []
  const store = memoryStore()

  beforeAll(async () => {
    printed = await printHtml(chapterStart)
    const {htmlFile, root} = printed
    whole = await renderPdf(browser, {htmlFile, root, timeoutMs: 60_000, partChars: Infinity, workers: 1, onPart: () => progress.push('whole')})
    parted = await renderPdf(browser, {htmlFile, root, timeoutMs: 60_000, partChars: 3_000, workers: 2, printInParts: true, partStore: store, onPart: (done, parts) => progress.push(`${done}/${parts}`)})
    partedPages.set(chapterStart, parted.pageCount)
  }, 120_000)

  test('the document is really laid out in parts, with progress for each', () => {
    expect(whole.parts).toBe(1)
    expect(parted.parts).toBeGreaterThanOrEqual(8)
    expect(progress).toEqual(Array.from({length: parted.parts}, (_, index) => `${index + 1}/${parted.parts}`))
  })

  test('every page has the same text as when the document is laid out in one run', async () => {
    const [one, many] = await Promise.all([texts(whole), texts(parted)])
    expect(many.length).toBe(one.length)
    expect(many).toEqual(one)
  })

  test('links, bookmarks and tags are those of one run: a link to another part goes to the page of its target', async () => {
    const [one, many] = await Promise.all([readerView(whole), readerView(parted)])
    // The table of contents links to every chapter, most of them in other parts than its own.
    expect(many.links.filter((link) => link.startsWith('2: p')).length).toBeGreaterThanOrEqual(10)
    expect(many.links).toEqual(one.links)
    expect(many.outline).toEqual(one.outline)
    expect(many.roles).toEqual(one.roles)
  })

  test('a cross-reference gives the page its target is on, in one run and in parts', async () => {
    for (const result of [whole, parted]) {
      const pages = (await texts(result)).map((page) => page.replace(/[\s\u00A0\u202F]+/gu, ' '))
      const references = pages.flatMap((page) => [...page.matchAll(/voir recommandation (\d+) ?, ?p\. ?(\d+)/gu)].map((match) => [Number(match[1]), Number(match[2])] as const))
      expect(references.length).toBeGreaterThanOrEqual(5)
      for (const [number, page] of references) expect(pages[page - 1], `recommandation ${number} on p. ${page}`).toMatch(new RegExp(`Recommandation ${number} ?·`, 'u'))
      const glossary = /voir Glossaire ?, ?p\. ?(\d+)/u.exec(pages.join(' '))
      expect(pages[Number(glossary?.[1]) - 1]).toMatch(/^\s*\d*\s*Glossaire/u)
    }
  })

  test('laid out again from the part store, or after an edit, the document gives the bytes of a fresh layout once finished', async () => {
    // The layout store (src/print/part-store.ts) hands back a part laid out earlier from the same
    // text on the same side. `parted` filled it; the same document then takes every part but the
    // first from it, and a chapter edited takes all but that chapter's part and the first.
    const {htmlFile, root} = printed
    store.laidOut = 0
    const again = await renderPdf(browser, {htmlFile, root, timeoutMs: 60_000, partChars: 3_000, workers: 2, printInParts: true, partStore: store})
    // Only the first part laid out (it is never kept); on any page, parts are also taken on the other side.
    expect(store.laidOut).toBe(0)
    expect(store.taken).toBeGreaterThanOrEqual(parted.parts - 1)
    // And every part printed as it was (print-parts.ts): nothing about any of them changed, and
    // each read while the browser laid out the first part (paginate.ts), not in the join after it.
    expect(store.printsTaken).toBe(parted.parts)
    expect(store.takenRead).toBe(parted.parts)
    expect(Buffer.compare(Buffer.from(await finished(parted)), Buffer.from(await finished(again)))).toBe(0)
    // A build still rendering pages in this process (`idle` not settled) reads nothing ahead: the join reads the parts.
    store.takenRead = 0
    const busy = await renderPdf(browser, {htmlFile, root, timeoutMs: 60_000, partChars: 3_000, workers: 2, printInParts: true, partStore: store, idle: new Promise(() => {})})
    expect(store.takenRead).toBe(0)
    expect(Buffer.compare(Buffer.from(await finished(parted)), Buffer.from(await finished(busy)))).toBe(0)
    // A paragraph added to the chapter on victims (the same print HTML otherwise).
    const edited = path.join(path.dirname(htmlFile), 'rapport-edited.html')
    const html = await readFile(htmlFile, 'utf8')
    await writeFile(edited, html.replace(/(id="victimes-title"[^>]*>[^<]*<\/h1>)/u, '$1<p>Un paragraphe ajouté à la relecture.</p>'))
    expect(await readFile(edited, 'utf8')).not.toBe(html)
    store.taken = 0
    const fromStore = await renderPdf(browser, {htmlFile: edited, root, timeoutMs: 60_000, partChars: 3_000, workers: 2, printInParts: true, partStore: store})
    // The edited chapter's part laid out (on any page, maybe again on the other side), the others taken.
    expect(store.laidOut).toBeGreaterThanOrEqual(1)
    expect(store.laidOut).toBeLessThanOrEqual(2)
    expect(store.taken).toBeGreaterThanOrEqual(parted.parts - 2)
    // The parts before the edited one printed as they were; the fresh build below prints every part.
    expect(store.printsTaken).toBeGreaterThanOrEqual(parted.parts + 1)
    const fresh = await renderPdf(browser, {htmlFile: edited, root, timeoutMs: 60_000, partChars: 3_000, workers: 2, printInParts: true})
    const [one, other] = await Promise.all([finished(fresh), finished(fromStore)])
    if (process.env.DUMP_PDF) await Promise.all([writeFile(`/tmp/parts-${chapterStart}-1.pdf`, one), writeFile(`/tmp/parts-${chapterStart}-2.pdf`, other)])
    expect(fromStore.pageCount).toBe(fresh.pageCount)
    expect(Buffer.compare(Buffer.from(one), Buffer.from(other))).toBe(0)
  }, 120_000)

  // Once (chapters on right-hand pages), for the time of the suite: the key does not depend on the side.
  test.runIf(chapterStart === 'right')('an edit to the first part, a chapter title in the table of contents, prints only that part again', async () => {
    // The other parts are shown in the first part's page to be printed: their stored prints count
    // that page by what stays of it (its rules, its blank page, all around the pages), not by its
    // text, which holds the table of contents and the first chapter.
    const {htmlFile, root} = printed
    const html = await readFile(htmlFile, 'utf8')
    const retitled = path.join(path.dirname(htmlFile), 'rapport-retitled.html')
    await writeFile(retitled, html.replaceAll('sert la pédocriminalité', 'sert la criminalité'))
    expect((await readFile(retitled, 'utf8')).match(/sert la criminalité/gu)?.length).toBeGreaterThanOrEqual(2)
    store.printsTaken = 0
    const fromStore = await renderPdf(browser, {htmlFile: retitled, root, timeoutMs: 60_000, partChars: 3_000, workers: 2, printInParts: true, partStore: store})
    expect(fromStore.pageCount).toBe(parted.pageCount)
    expect(store.printsTaken).toBe(parted.parts - 1)
    const fresh = await renderPdf(browser, {htmlFile: retitled, root, timeoutMs: 60_000, partChars: 3_000, workers: 2, printInParts: true})
    const [one, other] = await Promise.all([finished(fresh), finished(fromStore)])
    expect(Buffer.compare(Buffer.from(one), Buffer.from(other))).toBe(0)
    // The new title is in the table of contents the first part printed.
    expect((await texts(fromStore))[1]).toMatch(/sert la criminalité/u)
  }, 120_000)

  test.runIf(chapterStart === 'right')('an edit that adds pages prints again the parts it moves, not those before it that show no moved page', async () => {
    // The parts before the edited chapter keep their first page. The document is longer, but no
    // rule shows its page count, and a link to a moved target is pointed home by the join: only
    // the pages a part shows (its table of contents, its cross-references) count.
    const {htmlFile, root} = printed
    const html = await readFile(htmlFile, 'utf8')
    const longer = path.join(path.dirname(htmlFile), 'rapport-longer.html')
    const paragraph = '<p>Un paragraphe ajouté à la relecture, assez long pour pousser la suite du chapitre et les chapitres suivants vers de nouvelles pages, sans chiffre ni référence.</p>'
    // The chapter after the recommendations, which most cross-references point at.
    await writeFile(longer, html.replace(/(id="cooperation-internationale-title"[^>]*>[^<]*<\/h1>)/u, `$1${paragraph.repeat(30)}`))
    expect(await readFile(longer, 'utf8')).not.toBe(html)
    store.printsTaken = 0
    const fromStore = await renderPdf(browser, {htmlFile: longer, root, timeoutMs: 60_000, partChars: 3_000, workers: 2, printInParts: true, partStore: store})
    expect(fromStore.pageCount).toBeGreaterThan(parted.pageCount)
    expect(store.printsTaken).toBeGreaterThanOrEqual(1)
    const fresh = await renderPdf(browser, {htmlFile: longer, root, timeoutMs: 60_000, partChars: 3_000, workers: 2, printInParts: true})
    const [one, other] = await Promise.all([finished(fresh), finished(fromStore)])
    expect(Buffer.compare(Buffer.from(one), Buffer.from(other))).toBe(0)
  }, 120_000)

  test('the preflight sees the same document: table of contents, notes, no unresolved reference', () => {
    expect(parted.pageCount).toBe(whole.pageCount)
    expect(parted.preflight.tocEntries).toEqual(whole.preflight.tocEntries)
    expect(parted.preflight.tocEntries.every((entry) => entry.page !== null)).toBe(true)
    expect(parted.preflight.footnotes).toEqual(whole.preflight.footnotes)
    expect(parted.preflight.footnotes.every((note) => note.notePage === note.callPage)).toBe(true)
    expect(parted.preflight.unresolvedRefs).toEqual([])
    expect(parted.problems).toEqual([])
  })
})

test('chapters on any page make a shorter document than chapters on right-hand pages (no blank pages)', () => {
  // As laid out above, in parts, for each setting.
  expect(partedPages.get('any')).toBeLessThan(partedPages.get('right')!)
})
