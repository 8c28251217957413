import type {PDFDocument} from 'pdf-lib'
import type {Page} from 'puppeteer-core'
import type {LaidOutPart} from './browser-side/parts.js'
import {installPartPrintScript, partPlacesScript} from './browser-side/part-print.js'
import {preflightScript} from './browser-side/preflight.js'
import {combinePreflights, type PartPreflight} from './combine-preflight.js'
import {CROSS_PART_LINK} from './cross-part-link.js'
import type {Destination} from './join-pdfs.js'
import type {MergePlan} from './plan-merge.js'
import type {PreflightReport, PrintProblem} from './preflight.js'
import type {PrintJob} from './print-job.js'
import type {PartStore} from './part-store.js'
import {createHash} from 'node:crypto'

/** A document printed part by part: the joined PDF (for finalizePdf), its pages, what the preflight found. */
export interface PrintedParts {
  document: PDFDocument
  pageCount: number
  preflight: PreflightReport
  problems: PrintProblem[]
}

type Places = Pick<LaidOutPart, 'places' | 'pageRefs'>

/**
 * Print a document laid out in parts one part at a time, in the first part's page (`host`), and
 * join the PDFs (join-pdfs.ts), instead of merging every part's pages into that page and printing
 * the whole. Why: Chromium's print of the merged document was the build's longest serial step (a
 * 100-page rebuild spent 2.5–3.1 s after its last layout, merging, laying out the merged pages
 * again and printing them on one core: bench/README.md, point 63). Each part is shown alone,
 * numbered from its first page in the whole document, its table of contents and cross-references
 * resolved with the pages of the other parts' targets (read where each part was laid out), its
 * links to other parts written for the join, read by the preflight and printed.
 */
export async function printPartByPart(job: PrintJob, host: Page, others: LaidOutPart[], plan: MergePlan, kept?: {store: PartStore; texts: readonly string[]}): Promise<PrintedParts> {
  const first = (await job.step('printing the parts', host.evaluate(partPlacesScript))) as Places
  const counts = others.map((part) => part.pageCount)
  const blanks = plan.blanksBefore.filter(Boolean).length
  counts.unshift(plan.pageCount - blanks - counts.reduce((sum, count) => sum + count, 0))
  // Where each part starts in the whole document (its blank page, if any, first), and so the page of each id.
  const starts: number[] = []
  // Without a prototype: an id is the report's (`{#__proto__}` included).
  const pages: Record<string, number> = Object.create(null) as Record<string, number>
  const destinations = new Map<string, Destination>()
  let next = 1
  for (const [index, part] of [first, ...others].entries()) {
    starts.push(next)
    const opening = next + (plan.blanksBefore[index] ? 1 : 0)
    for (const [id, [page, x, y]] of Object.entries(part.places)) {
      pages[id] = opening + page
      destinations.set(id, {page: opening + page - 1, x, y})
    }
    next = opening + counts[index]!
  }
  // What of the first part's page stays as each part is shown in it (part-print.ts), for the print keys.
  const shownIn = (await job.step('printing the parts', host.evaluate(installPartPrintScript(CROSS_PART_LINK)))) as {state: string; showsPageCount: boolean}
  // Each part's PDF, or the document an earlier build's print of it was read into while the browser laid out (part-store.ts).
  const pdfs: Array<Uint8Array | Promise<PDFDocument>> = []
  const preflights: PartPreflight[] = []
  // What the loop reads of each part (where its ids land, what it links to), and its pages, let go
  // of once shown (or printed before), as the merge let go of each part once it was in the page.
  const layouts: Places[] = [first, ...others.map(({places, pageRefs}) => ({places, pageRefs}))]
  const packed: Array<LaidOutPart | undefined> = [undefined, ...others]
  others.length = 0
  const parts = layouts.length
  const page = kept ? digest(shownIn.state) : ''
  for (let index = 0; index < parts; index++) {
    const part = layouts[index]!
    const shown = packed[index]
    packed[index] = undefined
    // What the part's print depends on besides the store's salt: its text, the first part's page
    // it is shown in (not that part's text: an edit there, a new heading in the table of contents,
    // reprints only the parts it moves), where it starts, whether parts follow, the pages it shows
    // of the targets other parts hold (not those it only links to: a link to another part is
    // pointed home by the join), and the document's length where a rule shows it. So an edit that
    // adds a page reprints the parts after it, the first (its table of contents) and those whose
    // cross-references it moves, not every part (bench/README.md, point 64).
    const elsewhere = Object.fromEntries(part.pageRefs.filter((id) => !Object.hasOwn(part.places, id)).map((id) => [id, pages[id] ?? null]))
    const key = kept && JSON.stringify([digest(kept.texts[index]!), page, starts[index], plan.blanksBefore[index], shownIn.showsPageCount ? plan.pageCount : null, index < parts - 1, elsewhere])
    const stored = key === undefined ? undefined : await kept!.store.getPrint(kept!.texts[index]!, key)
    if (stored) {
      pdfs.push(stored.read ?? stored.pdf)
      preflights.push(stored.preflight)
      continue
    }
    if (shown) await job.step('printing the parts', host.evaluate(showPart, shown, plan.blanksBefore[index]!))
    await job.step('printing the parts', host.evaluate(numberPart, starts[index]!, plan.pageCount, index < parts - 1))
    await job.step('printing the parts', host.evaluate(resolvePart, pages))
    const report = (await job.step('checking the pages', host.evaluate(preflightScript))) as PreflightReport
    const images = (await job.step('checking the pages', host.evaluate(partImages))) as Record<string, number>
    const problemsBefore = job.problems().length
    const pdf = await job.step('printing the PDF', host.pdf({preferCSSPageSize: true, printBackground: true, tagged: true, outline: true, timeout: job.deadline.remaining()}))
    pdfs.push(readSoon(pdf))
    preflights.push({report, images})
    // Kept only while the print has reported nothing, as a laid-out part (lay-out-parts.ts).
    if (key !== undefined && job.problems().length === problemsBefore && problemsBefore === 0) kept!.store.putPrint(kept!.texts[index]!, key, {pdf, preflight: {report, images}})
  }
  // With pdf-lib, in the module finalizePdf loads lazily (build-editions.ts), once the layout began.
  const {joinPdfs} = await import('./finalize-pdf.js')
  const {document, unresolved} = await joinPdfs(pdfs, {destinations})
  // Not a writer's mistake (check stops a link to no id: broken-ref), so said as the print's fault, not placed in the Markdown.
  const problems: PrintProblem[] = unresolved.map((id) => ({kind: 'layout', message: `Unexpected link to \`#${id}\` left pointing nowhere in the PDF, expected its target's page: the part holding it said nothing of where it landed (a fault of rapporteur's print; please report it)`}))
  return {document, pageCount: plan.pageCount, preflight: combinePreflights(preflights, plan.pageCount), problems}
}

/** The print that installPartPrintScript put in the page (browser-side/part-print.ts). */
interface PartPrintInPage {
  rapporteurPartPrint: {
    show(part: LaidOutPart, blankBefore: boolean): Promise<void>
    number(first: number, total: number, more: boolean): number
    resolve(elsewhere: Record<string, number>): void
    imageCounts(): Record<string, number>
  }
}

/** Run in the page (serialised by puppeteer): another part's pages in place of those there. */
function showPart(part: LaidOutPart, blankBefore: boolean): Promise<void> {
  return (window as unknown as PartPrintInPage).rapporteurPartPrint.show(part, blankBefore)
}

/** Run in the page: the part's pages numbered from `first`. */
function numberPart(first: number, total: number, more: boolean): number {
  return (window as unknown as PartPrintInPage).rapporteurPartPrint.number(first, total, more)
}

/** Run in the page: page references resolved, links to other parts written for the join. */
function resolvePart(elsewhere: Record<string, number>): void {
  ;(window as unknown as PartPrintInPage).rapporteurPartPrint.resolve(elsewhere)
}

/** Run in the page: how often the part shows each image file. */
function partImages(): Record<string, number> {
  return (window as unknown as PartPrintInPage).rapporteurPartPrint.imageCounts()
}

/**
 * A part's PDF read for the join (join-pdfs.ts) once the event loop turns: while the browser shows
 * and prints the next part, rather than all in the join after the last.
 */
function readSoon(pdf: Uint8Array): Promise<PDFDocument> {
  const reading = new Promise((resolve) => setImmediate(resolve)).then(() => readPartLazily(pdf))
  // The join awaits it; a print that fails before the join leaves it unread, not unhandled.
  reading.catch(() => {})
  return reading
}

/** A part's PDF read as the join takes it (join-pdfs.ts), pdf-lib loaded with finalizePdf's module, lazily (build-editions.ts). */
export async function readPartLazily(pdf: Uint8Array): Promise<PDFDocument> {
  return (await import('./finalize-pdf.js')).readPart(pdf)
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}
