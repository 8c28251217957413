import {pathToFileURL} from 'node:url'
import type {Page} from 'puppeteer-core'
import {releaseLayout} from './hold-layout.js'
import {isEmptySheet, leaveFontSheets, preloadScript, SHEET_TEXTS} from './browser-side/sheets.js'
import {partResultScript, partSideScript, type LaidOutPart} from './browser-side/parts.js'
import {mapLimit} from './map-limit.js'
import {collectPageGarbage} from './page-garbage.js'
import {shellScript, writePartScript} from './part-shell.js'
import {planMerge, type MergePlan, type PartLayout, type Side} from './plan-merge.js'
import type {PartStore} from './part-store.js'
import type {PrintJob} from './print-job.js'
import type {Slots} from './slots.js'

/** The parts laid out, ready to merge: the first part's page, the others' pages read out, in order. */
export interface LaidOutParts {
  host: Page
  others: LaidOutPart[]
  plan: MergePlan
}

/** A part after the first does not start at a page break: the document cannot be laid out in parts. */
export class NoBreakBetweenParts extends Error {}

/**
 * Paginate the loaded document and resolve when Paged.js says it is done (its own promise, not a
 * delay). The content is the body, the output replaces it. Stylesheets outside the root were
 * blocked (and reported) when the document loaded, and those that could not be read (a template
 * linking a file the output folder does not have) were reported then too (watch-page.ts): asking
 * Paged.js to fetch them again would make its whole preview fail, with nothing but "ProgressEvent"
 * to say why, so they are left out, as the browser itself leaves them. The body, hidden until then
 * (hold-layout.ts), is shown in the same task, before Paged.js takes it.
 */
function runPagedJs(rootUrl: string): string {
  return `(async (rootUrl) => {
    ${isEmptySheet}
    ${leaveFontSheets}
    const unread = new Set([...document.querySelectorAll("link[rel~='stylesheet']")].filter(isEmptySheet).map((link) => link.href))
    const previewer = new Paged.Previewer()
    const read = window.${SHEET_TEXTS} || {}
    const sheets = previewer
      .removeStyles()
      .filter((sheet) => typeof sheet !== 'string' || ((sheet.startsWith(rootUrl) || sheet.startsWith('data:')) && !unread.has(sheet)))
      .map((sheet) => (typeof sheet === 'string' && Object.hasOwn(read, sheet) ? {[sheet]: read[sheet]} : sheet))
    ${releaseLayout}
    const flow = await previewer.preview(undefined, sheets, document.body)
    return flow.total
  })(${JSON.stringify(rootUrl)})`
}

/** Run in the page: tell the handlers (browser-side/handlers.ts) which part this is and which side it starts on. */
function markPart(continues: boolean, startOn: Side): void {
  const root = document.documentElement
  if (continues) root.dataset.rpContinues = ''
  if (startOn === 'left') root.dataset.rpStart = 'left'
}

export interface LayOutOptions {
  /** Where the page loads Paged.js (with our hook) from: a file inside the output folder. */
  pagedUrl: string
  /** Told each time a part is laid out. */
  onPart?: (laidOut: number, parts: number) => void
  /** Told when the first layouts, as many as run at once, are handed to Paged.js (RenderPdfOptions). */
  onLayoutStarted?: () => void
  /** Shared with the build's other prints (Slots). */
  slots?: Slots
  /** Among prints sharing `slots`, the lower goes first (Slots). */
  rank?: number
  /**
   * Collect a reused page's garbage before its next part (default true): the peak memory of a
   * long document's print, for the time of a full collection a part (paginate.ts).
   */
  collectBetweenParts?: boolean
  /** Takes a lane's page once its parts are done, while another print waits for a slot (RenderPdfOptions). */
  handOver?: (page: Page) => void
  /** The parts an earlier print laid out, taken instead of laying them out again (part-store.ts). */
  store?: PartStore
  /** Each part's HTML as cut (before hold-layout.ts wraps it), which the store knows a part by. */
  texts?: readonly string[]
}

/**
 * Lay out every part file with Paged.js, `workers` at a time, then again on the other side those
 * that land there (plan-merge.ts). The first part is laid out last and its page kept for the print;
 * the other parts' pages are read out and their browser pages closed.
 */
export async function layOutParts(job: PrintJob, files: readonly string[], workers: number, options: LayOutOptions): Promise<LaidOutParts> {
  const {pagedUrl, onPart, onLayoutStarted, slots, rank = 0, collectBetweenParts = true, handOver, store, texts} = options
  // A part after the first that an earlier print laid out from the same text, on that side (part-store.ts).
  const stored = async (index: number, startOn: Side): Promise<PartLayout & {part: LaidOutPart} | undefined> => {
    const found = store && texts && index > 0 ? await store.get(texts[index]!, startOn) : undefined
    return found && {part: found.part, wants: found.wants, pageCount: found.part.pageCount, laidOutOn: startOn}
  }
  const step = job.step.bind(job)
  const {deadline} = job
  const rootUrl = pathToFileURL(job.root).href + '/'
  // A lane's next part is written into the page its last part was laid out in, with
  // document.open() as into the shell (part-shell.ts), which keeps the window and so Paged.js and
  // the handlers: no page to open, no renderer to start, no Paged.js to compile again. The last
  // part's document is dropped and the renderer's garbage collected first, or the peak memory at
  // 300 pages rose from ~690 to 840–915 MB of PSS, that of stock Paged.js. At 100 pages (4 parts,
  // 2 lanes) the build is ~0.6 s faster, the same peak; at 300 pages, where each collection takes
  // 0.5–0.7 s, about as fast (bench/README.md, point 43). (Emptying a reused page by loading
  // about:blank, then loading Paged.js again, cost more than a new page, point 28; opening the
  // next page while a part lays out took a core from it.)
  const idle: Page[] = []
  // Layouts begun (a page taken), and handed to Paged.js, so far.
  let begun = 0
  let started = 0

  // Each lane of parts holds one of the build's slots from its first part to its last: a freed
  // slot between two parts would go to another edition's print waiting for one, and this
  // edition's later parts (the build's longest chain when it is the full edition) would wait.
  const lane = (run: () => Promise<void>) => (slots ? slots.use(run, rank) : run())
  const layOut = async (index: number, startOn: Side): Promise<PartLayout & {page?: Page; part?: LaidOutPart}> => {
    begun++
    const page = idle.pop() ?? (await job.openPage())
    const url = pathToFileURL(files[index]!).href
    // A page opened ahead holds Paged.js already (part-shell.ts): the part is written into it.
    const written = (await step('loading the document', page.evaluate(writePartScript(url)))) === true
    if (!written) await step('loading the document', page.goto(url, {waitUntil: 'load', timeout: deadline.remaining()}))
    const side = (await step('loading the document', page.evaluate(partSideScript))) as Side | 'any' | 'none'
    if (side === 'none' && index > 0) throw new NoBreakBetweenParts()
    const wants = side === 'none' ? 'any' : side
    await step('loading the document', page.evaluate(markPart, index > 0, startOn))
    if (!written) {
      // By its URL, a file beside the parts (paginate.ts): the browser reads it from disk.
      await step('loading Paged.js', page.addScriptTag({url: pagedUrl}))
      // With what packs a part's pages for the print, and unpacks them in the first part's page.
      await step('loading Paged.js', page.addScriptTag({content: shellScript}))
    }
    await step('loading the document', page.evaluate(preloadScript(rootUrl)))
    const running = page.evaluate(runPagedJs(rootUrl))
    if (++started === Math.min(workers, order.length)) onLayoutStarted?.()
    const laidOut = (await step('paginating with Paged.js', running)) as number
    if (index === 0) return {page, wants, pageCount: laidOut, laidOutOn: startOn}
    const part = (await step('collecting the pages', page.evaluate(partResultScript))) as LaidOutPart
    // Kept only when no page of the print has reported a problem so far: a part taken from the store
    // loads nothing, so what its page would have reported must be reported by laying it out again.
    if (store && texts && job.problems().length === 0) store.put(texts[index]!, startOn, {part, wants})
    // Kept for a part still to come, its document dropped and, in a long document, its
    // renderer's garbage collected first, not beside the next part's layout (without it, the peak
    // memory at 300 pages rose from ~690 to 840–915 MB of PSS, that of stock Paged.js). With no
    // part left, handed to the print waiting for this lane's slot (the synthesis, at 100 pages),
    // which then opens no page and loads no Paged.js; else closed. (A lane whose last part ends
    // while another lane is between two parts keeps its page for that lane, and one page is then
    // closed at the end instead of handed over: rarer, and only the time of a new page lost.)
    const next = begun < order.length ? 'this print' : handOver && slots && slots.queued > 0 ? 'another print' : undefined
    if (next) {
      await step('collecting the pages', page.evaluate('document.open(); document.close()'))
      if (collectBetweenParts) await step('collecting the pages', collectPageGarbage(page))
      if (next === 'this print') idle.push(page)
      else {
        job.release(page)
        handOver!(page)
      }
    } else await job.close([page])
    return {part, wants, pageCount: part.pageCount, laidOutOn: startOn}
  }

  // The parts the store has are not laid out (their pages merge as they were kept).
  const layouts: Array<Awaited<ReturnType<typeof layOut>>> = new Array(files.length)
  const kept = await Promise.all(files.map((_, index) => stored(index, 'right')))
  kept.forEach((found, index) => {
    if (found) layouts[index] = found
  })
  // The first part last: laid out last, its page does not hold a renderer (and its memory)
  // while the other parts are laid out beside it.
  const order = [...files.keys()].slice(1).filter((index) => !kept[index]).concat(0)
  let done = kept.filter(Boolean).length
  await mapLimit(order.length, workers, async (at) => {
    layouts[order[at]!] = await layOut(order[at]!, 'right')
    onPart?.(++done, files.length)
  }, lane)
  // Where a part lands on the other side of the spread than it was laid out on (chapters that
  // start on any page), its margin boxes are wrong: lay it out again on that side. Page counts
  // do not depend on the side unless left and right pages differ in width, hence a few rounds.
  let plan = planMerge(layouts)
  for (let round = 0; round < 3 && plan.relayout.length > 0; round++) {
    const relayout = plan.relayout
    await mapLimit(relayout.length, workers, async (at) => {
      const {index, startOn} = relayout[at]!
      layouts[index] = (await stored(index, startOn)) ?? (await layOut(index, startOn))
    }, lane)
    plan = planMerge(layouts)
  }
  // The pages no part is left for: their renderers' memory back before the merge.
  await job.close(idle.splice(0))
  const [host, ...others] = layouts
  return {host: host!.page!, others: others.map((layout) => layout.part!), plan}
}
