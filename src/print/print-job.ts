import type {Browser, Page} from 'puppeteer-core'
import {Deadline, PrintError} from './deadline.js'
import type {PrintProblem} from './preflight.js'
import {watchPage, type PageWatch} from './watch-page.js'

/**
 * One file being printed: its deadline, the browser pages it opened (all closed by `close`) and
 * the problems they reported. Every browser call goes through `step`, which names what was being
 * done when time ran out or the call failed.
 */
export class PrintJob {
  readonly deadline: Deadline
  private readonly pages: Page[] = []
  private readonly watches = new Map<Page, PageWatch>()
  private readonly problemLists: PrintProblem[][] = []

  constructor(
    readonly browser: Browser,
    /** The output folder: the only files the pages may read. */
    readonly root: string,
    /** The file's name as messages show it. */
    private readonly name: string,
    timeoutMs: number,
    private readonly signal?: AbortSignal,
    /** Where pages come from: the browser's `newPage`, or pages a build opened ahead (build.ts). */
    private readonly newPage: () => Promise<Page> = () => browser.newPage()
  ) {
    this.deadline = new Deadline(timeoutMs, name, signal)
  }

  async step<T>(what: string, work: Promise<T>): Promise<T> {
    try {
      return await this.deadline.run(what, work)
    } catch (error) {
      if (error instanceof PrintError || error === this.signal?.reason) throw error
      // Puppeteer's own timeouts are set to the same deadline: report them the same way.
      if ((error as Error).name === 'TimeoutError') throw this.deadline.timeoutError(what)
      throw new PrintError(`Cannot print ${this.name} while ${what}: ${this.explain(error)}`)
    }
  }

  /**
   * What went wrong, in words. Paged.js fails on a stylesheet it cannot fetch (an `@import` on the
   * web, blocked) with an XHR's ProgressEvent and nothing more: name the requests refused instead.
   */
  private explain(error: unknown): string {
    const message = error instanceof Error ? error.message : String(error)
    if (!/ProgressEvent/u.test(message)) return message
    const refused = this.problems().filter((problem) => (problem.kind === 'blocked-request' || problem.kind === 'request-failed') && problem.url)
    if (refused.length === 0) return `a file the page loads could not be read (${message})`
    return `a file the page loads could not be read: ${refused.map((problem) => `\`${problem.url}\``).join(', ')} (${refused.some((problem) => problem.kind === 'blocked-request') ? 'the print reads no address on the web, nor outside the output folder' : 'not in the output folder'})`
  }

  /** A new page that reports its problems, may read only the root, and lays out for print media. */
  async openPage(): Promise<Page> {
    this.deadline.check('opening a page')
    const opening = this.newPage()
    let page: Page
    try {
      page = await this.step('opening a page', opening)
    } catch (error) {
      // Too late: close the page when it finally opens.
      opening.then((late) => late.close()).catch(() => {})
      throw error
    }
    this.pages.push(page)
    page.setDefaultTimeout(this.deadline.remaining())
    const watch = await this.step('setting up the page', watchPage(page, this.root))
    this.watches.set(page, watch)
    this.problemLists.push(watch.problems)
    // Lay out with the print stylesheets' media, as Chromium will print them.
    await this.step('setting up the page', page.emulateMediaType('print'))
    return page
  }

  /** What the pages reported; the same problem seen in several pages once. */
  problems(): PrintProblem[] {
    const seen = new Map<string, PrintProblem>()
    for (const problem of this.problemLists.flat()) seen.set(`${problem.kind}\0${problem.message}\0${problem.url ?? ''}`, problem)
    return [...seen.values()]
  }

  /**
   * Let go of a page without closing it, for another print to take (RenderPdfOptions.handOver):
   * what it reported so far stays this job's, what it reports next is no longer heard here.
   */
  release(page: Page): void {
    this.watches.get(page)?.stop()
    this.watches.delete(page)
    const at = this.pages.indexOf(page)
    if (at >= 0) this.pages.splice(at, 1)
  }

  /** Close every page the job opened (or the given ones). */
  async close(pages: readonly Page[] = this.pages): Promise<void> {
    await Promise.all(pages.map((page) => page.close().catch(() => {})))
  }
}
