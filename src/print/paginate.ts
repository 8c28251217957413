import {createRequire} from 'node:module'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {PDFDocument} from 'pdf-lib'
import type {Browser, Page} from 'puppeteer-core'
import {pagedHandlersScript} from './browser-side/handlers.js'
import {Deadline, PrintError} from './deadline.js'
import {collectPreflight, type PreflightReport, type PrintProblem} from './preflight.js'
import {isAllowedUrl, watchPage} from './watch-page.js'

/** What to print: an HTML file inside `root` (the output folder, the only files the page may read). */
export interface RenderPdfOptions {
  htmlFile: string
  root: string
  /** For the whole job: opening the page, loading, Paged.js, preflight and the PDF. */
  timeoutMs: number
  signal?: AbortSignal
}

/** The PDF as Chromium wrote it (finalizePdf sets its metadata), with what was seen on the way. */
export interface RenderPdfResult {
  pdf: Uint8Array
  pageCount: number
  preflight: PreflightReport
  problems: PrintProblem[]
}

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
 * Paginate one HTML file with Paged.js in a new page of `browser` and print it to PDF. Problems
 * (blocked requests, script errors, failed files) are collected, not thrown; a timeout, a
 * cancellation or a Paged.js failure throws. The page is always closed.
 */
export async function renderPdf(browser: Browser, options: RenderPdfOptions): Promise<RenderPdfResult> {
  const htmlFile = path.resolve(options.htmlFile)
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
  try {
    page.setDefaultTimeout(deadline.remaining())
    const problems = await step('setting up the page', watchPage(page, root))
    // Lay out with the print stylesheets' media, as Chromium will print them.
    await step('setting up the page', page.emulateMediaType('print'))
    await step('loading the document', page.goto(pathToFileURL(htmlFile).href, {waitUntil: 'load', timeout: deadline.remaining()}))
    await step('loading Paged.js', page.addScriptTag({path: pagedJsFile()}))
    await step('loading Paged.js', page.addScriptTag({content: pagedHandlersScript}))
    const laidOut = (await step('paginating with Paged.js', page.evaluate(runPagedJs(pathToFileURL(root).href + '/')))) as number
    const preflight = await step('checking the pages', collectPreflight(page))
    const pdf = await step(
      'printing the PDF',
      page.pdf({preferCSSPageSize: true, printBackground: true, tagged: true, outline: true, timeout: deadline.remaining()})
    )
    const pageCount = (await step('counting the PDF pages', PDFDocument.load(pdf, {updateMetadata: false}))).getPageCount()
    if (pageCount !== laidOut) {
      problems.push({
        kind: 'layout',
        message: `The PDF has ${pageCount} pages but Paged.js laid out ${laidOut}: a page box is larger than the @page size, or content overflows the page`
      })
    }
    return {pdf, pageCount, preflight, problems: [...problems]}
  } finally {
    await page.close().catch(() => {})
  }
}
