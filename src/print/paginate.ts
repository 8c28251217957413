import {rm, readFile, writeFile} from 'node:fs/promises'
import {availableParallelism} from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import type {Root} from 'hast'
import type {Browser, Page} from 'puppeteer-core'
import type {PDFDocument} from 'pdf-lib'
import {installMergeScript, type LaidOutPart} from './browser-side/parts.js'
import {PrintError} from './deadline.js'
import {layOutParts, NoBreakBetweenParts, type LaidOutParts} from './lay-out-parts.js'
import {collectPreflight, type PreflightReport, type PrintProblem} from './preflight.js'
import {PrintJob} from './print-job.js'
import type {PartStore} from './part-store.js'
import type {Slots} from './slots.js'
import {splitParts} from './split-parts.js'
import {printPartByPart, readPartLazily} from './print-parts.js'
import {holdLayout} from './hold-layout.js'
import {MAX_WORKERS} from './workers.js'
import {isAllowedUrl} from './watch-page.js'
import {pagedSource} from './paged-source.js'

/** What to print: an HTML file inside `root` (the output folder, the only files the page may read). */
export interface RenderPdfOptions {
  htmlFile: string
  root: string
  /** For the whole job: opening the page, loading, Paged.js, preflight and the PDF. */
  timeoutMs: number
  signal?: AbortSignal
  /**
   * The HTML file's document as hast, for a caller that has it (SplitOptions.tree): a long
   * document is then cut into parts without parsing the file again.
   */
  tree?: () => Root | undefined
  /** Text characters per part (see split-parts.ts); `Infinity` lays the document out in one run. */
  partChars?: number
  /** Parts laid out at the same time, each in its own page; default: the CPU cores, at most MAX_WORKERS. */
  workers?: number
  /** Shared with the other prints of a build: at most its size of parts laid out at once, all prints together. */
  slots?: Slots
  /** Among the prints sharing `slots`, the lower rank gets a freed slot first (default 0). */
  rank?: number
  /** Told each time a part is laid out, when there are several (for a progress line). */
  onPart?: (laidOut: number, parts: number) => void
  /** Opens a blank page; default `browser.newPage()` (a build hands out pages it opened ahead). */
  newPage?: () => Promise<Page>
  /**
   * Takes a page a lane is done with while another print sharing `slots` waits for one, its
   * document emptied, Paged.js still loaded, for that print's `newPage` to hand out; without it,
   * or with no print waiting, the page is closed.
   */
  handOver?: (page: Page) => void
  /**
   * Told once, when the parts that can be laid out at once are in the browser and laying out (or
   * the print ended before): from then on the print waits on the browser, not on this process,
   * which can render the next thing without holding up the longest part.
   */
  onLayoutStarted?: () => void
  /**
   * Print a document laid out in parts part by part and join the PDFs (print-parts.ts), rather than
   * merge the parts into one page and print that; default: from PRINT_IN_PARTS_FROM pages.
   */
  printInParts?: boolean
  /**
   * The parts an earlier print laid out (part-store.ts): those whose text and side are the same
   * are taken as they were kept instead of being laid out again, and those printed before the same
   * way are not printed again (print-parts.ts).
   */
  partStore?: PartStore
  /**
   * Settles once this process has nothing to do but wait for its prints (a build: every page
   * rendered); default: at once. The parts of `partStore` printed earlier are read from then on.
   */
  idle?: Promise<unknown>
}

/** The PDF as Chromium wrote it (finalizePdf sets its metadata), with what was seen on the way. */
export interface RenderPdfResult {
  /**
   * Chromium's PDF; for a document printed part by part, the parts' PDFs joined, not yet written
   * (finalizePdf takes either; pdfBytes writes it).
   */
  pdf: Uint8Array | PDFDocument
  /** Pages laid out (the PDF should have as many: finalizePdf counts them). */
  pageCount: number
  /** Parts the document was laid out in. */
  parts: number
  preflight: PreflightReport
  problems: PrintProblem[]
}

/**
 * Paginate one HTML file with Paged.js and print it to PDF. The document is cut into parts at
 * chapters (split-parts.ts), each laid out in its own page of `browser`, several at a time; the
 * parts are then printed one by one in the first part's page and their PDFs joined (print-parts.ts),
 * or a document in one part printed as it is. Problems
 * (blocked requests, script errors, failed files) are collected, not thrown; a timeout, a
 * cancellation or a Paged.js failure throws. Every page is closed and the part files removed.
 */
export async function renderPdf(browser: Browser, options: RenderPdfOptions): Promise<RenderPdfResult> {
  // The part files are named after the HTML file (names that could end up in the PDF stay the
  // same from build to build): two prints of one file take turns.
  const htmlFile = path.resolve(options.htmlFile)
  const before = printing.get(htmlFile) ?? Promise.resolve()
  let told = false
  const layoutStarted = () => {
    if (told) return
    told = true
    options.onLayoutStarted?.()
  }
  const turn = before.then(() => printInParts(browser, {...options, onLayoutStarted: layoutStarted}, htmlFile))
  const done = turn.then(
    () => {},
    () => {}
  )
  printing.set(htmlFile, done)
  try {
    return await turn
  } finally {
    layoutStarted()
    if (printing.get(htmlFile) === done) printing.delete(htmlFile)
  }
}

/**
 * Pages from which a document laid out in parts is printed part by part and the PDFs joined
 * (print-parts.ts) instead of merged into one page and printed whole. Printing part by part costs
 * a join that reads every part's PDF, and pays where a rebuild can take most parts' PDFs from the
 * layout store: at 100 pages (12 parts) a rebuild after an edit took 3.6–4.0 s instead of 4.9–6.1 s
 * (bench/README.md, point 63). At the sample's 36 pages (3 parts) it paid once a part's stored
 * print no longer depended on the first part's text (point 64): a rebuild after its first chapter
 * was edited took 2.59 s instead of 2.69 s (means of 10 interleaved), a build from scratch as long
 * (3.51 against 3.50 s, 8 interleaved); its PDF is 20% larger (each part embeds its own subsets
 * of the fonts). The choice depends on the document alone, as the bytes of its PDF must.
 */
export const PRINT_IN_PARTS_FROM = 30

/**
 * Characters of print HTML from which a page reused for a lane's next part has its garbage
 * collected first (lay-out-parts.ts). At 300 pages a collection takes 0.5–0.7 s and keeps the
 * peak under stock Paged.js's (~690 against 840–915 MB of PSS without it). At 100 pages (395,000
 * characters, 4 parts on 2 lanes) each took ~0.27 s on the lane that ends last, and the builds
 * without them were ~0.6 s faster, their peak ~90 MB higher: 461–467 MB of PSS, about stock
 * Paged.js's 443–483 MB (bench/README.md, point 51 and the seventeenth day's runs).
 */
const COLLECT_BETWEEN_PARTS_FROM = 600_000

/** Prints under way, by HTML file. */
const printing = new Map<string, Promise<void>>()

async function printInParts(browser: Browser, options: RenderPdfOptions, htmlFile: string): Promise<RenderPdfResult> {
  const root = path.resolve(options.root)
  const name = `\`${path.basename(htmlFile)}\``
  if (!isAllowedUrl(pathToFileURL(htmlFile).href, root)) {
    throw new PrintError(`Cannot print ${name}: it is not inside \`${root}\``, 'Write the HTML into the output folder it is printed from.')
  }
  const job = new PrintJob(browser, root, name, options.timeoutMs, options.signal, options.newPage)
  const workers = Math.min(options.workers ?? Math.min(availableParallelism(), MAX_WORKERS), options.slots?.size ?? Infinity)
  const html = await job.step('reading the document', readFile(htmlFile, 'utf8'))
  const {parts} = splitParts(html, {partChars: options.partChars, workers, tree: options.tree})
  const files = parts.map((_, index) => htmlFile.replace(/\.html$/u, '') + `.part-${index + 1}.html`)
  // Paged.js (with our hook) beside them, for each page to load by its URL: sent through the
  // DevTools protocol instead (page.evaluate), its 900 KB cost the browser process ~0.09 s of
  // CPU a page and the page ~0.1 s more to load it (bench/README.md, point 33).
  const paged = htmlFile.replace(/\.html$/u, '') + '.paged.js'
  try {
    await job.step('writing the parts', Promise.all([...parts.map((part, index) => writeFile(files[index]!, holdLayout(part))), writeFile(paged, pagedSource('paged.js'))]))
    let laidOut: LaidOutParts
    try {
      laidOut = await layOutParts(job, files, workers, {pagedUrl: pathToFileURL(paged).href, onPart: files.length > 1 ? options.onPart : undefined, onLayoutStarted: () => layoutStarted(options, parts), slots: options.slots, rank: options.rank, collectBetweenParts: html.length >= COLLECT_BETWEEN_PARTS_FROM, handOver: options.handOver, store: options.partStore, texts: parts})
    } catch (error) {
      if (!(error instanceof NoBreakBetweenParts)) throw error
      // The theme runs chapters on without a page break: the document is laid out whole.
      await job.close()
      return await printInParts(browser, {...options, partChars: Infinity, timeoutMs: job.deadline.remaining()}, htmlFile)
    }
    const {host, others, plan} = laidOut
    if (parts.length > 1 && (options.printInParts ?? plan.pageCount >= PRINT_IN_PARTS_FROM)) {
      const printed = await printPartByPart(job, host, others, plan, options.partStore && {store: options.partStore, texts: parts})
      return {pdf: printed.document, pageCount: printed.pageCount, parts: parts.length, preflight: printed.preflight, problems: [...job.problems(), ...printed.problems]}
    }
    await job.step('merging the parts', host.evaluate(installMergeScript))
    // One part at a time, each let go of once it is in the page.
    for (let at = 1; others.length > 0; at++) await job.step('merging the parts', host.evaluate(appendPart, others.shift()!, plan.blanksBefore[at]!))
    const pageCount = await job.step('merging the parts', host.evaluate(finishMerge))
    const preflight = await job.step('checking the pages', collectPreflight(host))
    const pdf = await job.step(
      'printing the PDF',
      host.pdf({preferCSSPageSize: true, printBackground: true, tagged: true, outline: true, timeout: job.deadline.remaining()})
    )
    return {pdf, pageCount, parts: parts.length, preflight, problems: job.problems()}
  } finally {
    await job.close()
    await Promise.all([...files, paged].map((file) => rm(file, {force: true})))
  }
}

/**
 * The browser lays out: once this process has nothing else to do (`idle`), it reads the parts an
 * earlier build printed, which a rebuild's print mostly takes again (part-store.ts), instead of
 * reading them all in the join after the last print. After a 100-page rebuild the join then took
 * ~0.2 s instead of ~0.45 s, and the rebuild ~0.1–0.17 s less: the layout beside the reading is a
 * little slower. Beside the rendering of other pages, the reading delayed them more than it saved
 * (bench/README.md, point 65).
 */
function layoutStarted(options: RenderPdfOptions, parts: readonly string[]): void {
  options.onLayoutStarted?.()
  const store = options.partStore
  if (!store) return
  void (options.idle ?? Promise.resolve()).then(() => store.readPrintsAhead(parts, readPartLazily), () => {})
}

/** The merge that installMergeScript put in the page (browser-side/parts.ts). */
interface MergeInPage {
  rapporteurMerge: {append(part: LaidOutPart, blankBefore: boolean): Promise<void>; finish(): number}
}

/** Run in the page (serialised by puppeteer): another part's pages after those there. */
function appendPart(part: LaidOutPart, blankBefore: boolean): Promise<void> {
  return (window as unknown as MergeInPage).rapporteurMerge.append(part, blankBefore)
}

/** Run in the page: number the merged pages and resolve page references; the page count. */
function finishMerge(): number {
  return (window as unknown as MergeInPage).rapporteurMerge.finish()
}
