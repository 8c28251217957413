import {rm, readFile, writeFile} from 'node:fs/promises'
import {createRequire} from 'node:module'
import {availableParallelism} from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import type {Browser, Page} from 'puppeteer-core'
import {pagedHandlersScript} from './browser-side/handlers.js'
import {installMergeScript, partResultScript, partSideScript, type LaidOutPart} from './browser-side/parts.js'
import {Deadline, PrintError} from './deadline.js'
import {collectPreflight, type PreflightReport, type PrintProblem} from './preflight.js'
import {planMerge, type PartLayout, type Side} from './plan-merge.js'
import {splitParts} from './split-parts.js'
import {isAllowedUrl, watchPage} from './watch-page.js'

/** What to print: an HTML file inside `root` (the output folder, the only files the page may read). */
export interface RenderPdfOptions {
  htmlFile: string
  root: string
  /** For the whole job: opening the page, loading, Paged.js, preflight and the PDF. */
  timeoutMs: number
  signal?: AbortSignal
  /** Text characters per part (see split-parts.ts); `Infinity` lays the document out in one run. */
  partChars?: number
  /** Parts laid out at the same time, each in its own page; default: the CPU cores, at most MAX_WORKERS. */
  workers?: number
}

/** The PDF as Chromium wrote it (finalizePdf sets its metadata), with what was seen on the way. */
export interface RenderPdfResult {
  pdf: Uint8Array
  /** Pages laid out (the PDF should have as many: finalizePdf counts them). */
  pageCount: number
  /** Parts the document was laid out in. */
  parts: number
  preflight: PreflightReport
  problems: PrintProblem[]
}

/**
 * Each worker is a browser page with its own renderer process (a few hundred MB for a part of a
 * long report): on a machine with many cores, more would cost memory for little time, since the
 * merge and the print of the whole document come after them anyway.
 */
export const MAX_WORKERS = 4

/** The Paged.js browser build (window.Paged); the package's exports do not name it, so go through its folder. */
function pagedJsFile(): string {
  const entry = createRequire(import.meta.url).resolve('pagedjs')
  return path.join(path.dirname(entry), '..', 'dist', 'paged.js')
}

/**
 * Paginate the loaded document and resolve when Paged.js says it is done (its own promise, not a
 * delay). The content is the body, the output replaces it. Stylesheets outside the root were
 * blocked (and reported) when the document loaded: asking Paged.js to fetch them again would make
 * its whole preview fail, so they are left out.
 */
function runPagedJs(rootUrl: string): string {
  return `(async (rootUrl) => {
    const previewer = new Paged.Previewer()
    const sheets = previewer.removeStyles().filter((sheet) => typeof sheet !== 'string' || sheet.startsWith(rootUrl) || sheet.startsWith('data:'))
    const flow = await previewer.preview(undefined, sheets, document.body)
    return flow.total
  })(${JSON.stringify(rootUrl)})`
}

/**
 * Paginate one HTML file with Paged.js and print it to PDF. The document is cut into parts at
 * chapters (split-parts.ts), each laid out in its own page of `browser`, several at a time; the
 * first part's page then takes in the others' pages (browser-side/parts.ts) and is printed. Problems
 * (blocked requests, script errors, failed files) are collected, not thrown; a timeout, a
 * cancellation or a Paged.js failure throws. Every page is closed and the part files removed.
 */
export async function renderPdf(browser: Browser, options: RenderPdfOptions): Promise<RenderPdfResult> {
  // The part files are named after the HTML file (names that could end up in the PDF stay the
  // same from build to build): two prints of one file take turns.
  const htmlFile = path.resolve(options.htmlFile)
  const before = printing.get(htmlFile) ?? Promise.resolve()
  const turn = before.then(() => printInParts(browser, options, htmlFile))
  const done = turn.then(
    () => {},
    () => {}
  )
  printing.set(htmlFile, done)
  try {
    return await turn
  } finally {
    if (printing.get(htmlFile) === done) printing.delete(htmlFile)
  }
}

/** Prints under way, by HTML file. */
const printing = new Map<string, Promise<void>>()

async function printInParts(browser: Browser, options: RenderPdfOptions, htmlFile: string): Promise<RenderPdfResult> {
  const root = path.resolve(options.root)
  const name = `\`${path.basename(htmlFile)}\``
  if (!isAllowedUrl(pathToFileURL(htmlFile).href, root)) {
    throw new PrintError(`Cannot print ${name}: it is not inside \`${root}\``, 'Write the HTML into the output folder it is printed from.')
  }
  const deadline = new Deadline(options.timeoutMs, name, options.signal)
  const step = async <T>(what: string, work: Promise<T>): Promise<T> => {
    try {
      return await deadline.run(what, work)
    } catch (error) {
      if (error instanceof PrintError || error === options.signal?.reason) throw error
      // Puppeteer's own timeouts are set to the same deadline: report them the same way.
      if ((error as Error).name === 'TimeoutError') throw deadline.timeoutError(what)
      throw new PrintError(`Cannot print ${name} while ${what}: ${(error as Error).message}`)
    }
  }

  const workers = options.workers ?? Math.min(availableParallelism(), MAX_WORKERS)
  const {parts} = splitParts(await step('reading the document', readFile(htmlFile, 'utf8')), {partChars: options.partChars, workers})
  const files = parts.map((_, index) => htmlFile.replace(/\.html$/u, '') + `.part-${index + 1}.html`)
  const pages: Page[] = []
  const spare: Page[] = []
  const problemLists: PrintProblem[][] = []
  try {
    await step('writing the parts', Promise.all(parts.map((part, index) => writeFile(files[index]!, part))))

    const openPage = async (): Promise<Page> => {
      deadline.check('opening a page')
      const opening = browser.newPage()
      let page: Page
      try {
        page = await step('opening a page', opening)
      } catch (error) {
        // Too late: close the page when it finally opens.
        opening.then((late) => late.close()).catch(() => {})
        throw error
      }
      pages.push(page)
      page.setDefaultTimeout(deadline.remaining())
      problemLists.push(await step('setting up the page', watchPage(page, root)))
      // Lay out with the print stylesheets' media, as Chromium will print them.
      await step('setting up the page', page.emulateMediaType('print'))
      return page
    }

    /**
     * Lay out one part with Paged.js, its first page on `startOn`. The first part's page is kept
     * (the others' pages join it); another part's pages are read out and its browser page is
     * reused for the next part (the same renderer then reuses its compiled Paged.js).
     */
    const layOut = async (index: number, startOn: Side): Promise<PartLayout & {page?: Page; part?: LaidOutPart}> => {
      const page = spare.pop() ?? (await openPage())
      await step('loading the document', page.goto(pathToFileURL(files[index]!).href, {waitUntil: 'load', timeout: deadline.remaining()}))
      const side = (await step('loading the document', page.evaluate(partSideScript))) as Side | 'any' | 'none'
      if (side === 'none' && index > 0) throw new NoBreakBetweenParts()
      const wants = side === 'none' ? 'any' : side
      await step('loading the document', page.evaluate(markPart, index > 0, startOn))
      await step('loading Paged.js', page.addScriptTag({path: pagedJsFile()}))
      await step('loading Paged.js', page.addScriptTag({content: pagedHandlersScript}))
      const laidOut = (await step('paginating with Paged.js', page.evaluate(runPagedJs(pathToFileURL(root).href + '/')))) as number
      if (index === 0) return {page, wants, pageCount: laidOut, laidOutOn: startOn}
      const part = (await step('collecting the pages', page.evaluate(partResultScript))) as LaidOutPart
      spare.push(page)
      return {part, wants, pageCount: part.pageCount, laidOutOn: startOn}
    }

    // The first part last: its page is kept for the merge, and laid out last it does not hold a
    // renderer (and its memory) while the other parts are laid out beside it.
    const order = [...parts.keys()].slice(1).concat(0)
    const layouts: Array<Awaited<ReturnType<typeof layOut>>> = new Array(parts.length)
    try {
      await mapLimit(order.length, workers, async (at) => {
        const index = order[at]!
        layouts[index] = await layOut(index, 'right')
      })
    } catch (error) {
      if (!(error instanceof NoBreakBetweenParts)) throw error
      // The theme runs chapters on without a page break: the document is laid out whole.
      for (const page of pages.splice(0)) await page.close().catch(() => {})
      return await printInParts(browser, {...options, partChars: Infinity, timeoutMs: deadline.remaining()}, htmlFile)
    }
    // Where a part lands on the other side of the spread than it was laid out on (chapters that
    // start on any page), its margin boxes are wrong: lay it out again on that side. Page counts
    // do not depend on the side unless left and right pages differ in width, hence a few rounds.
    let plan = planMerge(layouts)
    for (let round = 0; round < 3 && plan.relayout.length > 0; round++) {
      const relayout = plan.relayout
      await mapLimit(relayout.length, workers, async (at) => {
        const {index, startOn} = relayout[at]!
        layouts[index] = await layOut(index, startOn)
      })
      plan = planMerge(layouts)
    }

    // The parts' own pages are done with: their renderers' memory goes before the merged document grows.
    await Promise.all(spare.splice(0).map((page) => page.close().catch(() => {})))
    const [host, ...others] = layouts
    const page = host!.page!
    await step('merging the parts', page.evaluate(installMergeScript))
    for (const [at, other] of others.entries()) {
      await step('merging the parts', page.evaluate(appendPart, other.part!, plan.blanksBefore[at + 1]!))
      // Let the markup go as soon as it is in the page.
      other.part = undefined
    }
    const pageCount = await step('merging the parts', page.evaluate(finishMerge))
    const preflight = await step('checking the pages', collectPreflight(page))
    const pdf = await step(
      'printing the PDF',
      page.pdf({preferCSSPageSize: true, printBackground: true, tagged: true, outline: true, timeout: deadline.remaining()})
    )
    return {pdf, pageCount, parts: parts.length, preflight, problems: mergeProblems(problemLists)}
  } finally {
    await Promise.all(pages.map((page) => page.close().catch(() => {})))
    await Promise.all(files.map((file) => rm(file, {force: true})))
  }
}

/** The merge that installMergeScript put in the page (browser-side/parts.ts). */
interface MergeInPage {
  rapporteurMerge: {append(part: LaidOutPart, blankBefore: boolean): void; finish(): number}
}

/** Run in the page (serialised by puppeteer): another part's pages after those there. */
function appendPart(part: LaidOutPart, blankBefore: boolean): void {
  ;(window as unknown as MergeInPage).rapporteurMerge.append(part, blankBefore)
}

/** Run in the page: number the merged pages and resolve page references; the page count. */
function finishMerge(): number {
  return (window as unknown as MergeInPage).rapporteurMerge.finish()
}

/** Tell the handlers (browser-side/handlers.ts) which part this is and which side it starts on. */
function markPart(continues: boolean, startOn: Side): void {
  const root = document.documentElement
  if (continues) root.dataset.rpContinues = ''
  if (startOn === 'left') root.dataset.rpStart = 'left'
}

/** The same problem seen in several parts' pages is reported once. */
function mergeProblems(lists: PrintProblem[][]): PrintProblem[] {
  const seen = new Map<string, PrintProblem>()
  for (const problem of lists.flat()) seen.set(`${problem.kind}\0${problem.message}\0${problem.url ?? ''}`, problem)
  return [...seen.values()]
}

/** A part after the first does not start at a page break: the document cannot be laid out in parts. */
class NoBreakBetweenParts extends Error {}

/**
 * `work(0)` … `work(count - 1)`, at most `limit` at a time, results in order. After a failure no
 * new work starts, and the first failure is thrown once the work under way has settled (so no
 * page is still being opened when the caller cleans up).
 */
async function mapLimit<T>(count: number, limit: number, work: (index: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array(count)
  let next = 0
  let failed = false
  const worker = async () => {
    while (next < count && !failed) {
      const index = next++
      try {
        results[index] = await work(index)
      } catch (error) {
        failed = true
        throw error
      }
    }
  }
  const settled = await Promise.allSettled(Array.from({length: Math.max(1, Math.min(limit, count))}, worker))
  const failure = settled.find((outcome) => outcome.status === 'rejected')
  if (failure) throw failure.reason
  return results
}
