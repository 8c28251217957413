import {availableParallelism} from 'node:os'
import path from 'node:path'
import type {VFile} from 'vfile'
import type {Browser, Page} from 'puppeteer-core'
import type {EditionName} from '../model/schemas/config.js'
import type {ReportModel} from '../model/types.js'
import type {RenderedEdition} from '../render/edition.js'
import {toJsonDiagnostics} from '../diagnostics/to-json.js'
import {CannotRunError} from '../load/cannot-run.js'
import {filesWithDiagnostics, installFingerprint, isUpToDate, projectFiles, readBuildState, stampOf, writeBuildState, type BuildState} from './build-state.js'

export interface BuildOptions {
  /** Output folder; default `dist` inside the report folder. */
  out?: string
  editions?: EditionName[]
  formats?: Array<'pdf' | 'html'>
  /** An explicit browser executable (`--browser`). */
  browser?: string
  env?: NodeJS.ProcessEnv
  /** Called at each stage, for a progress line on a terminal; `detail` says how far (`part 3/7`). */
  onProgress?: (stage: string, edition?: EditionName, detail?: string) => void
  timeoutMs?: number
  signal?: AbortSignal
  /**
   * Parts laid out at once, all editions together (`--jobs`): each is a browser page with its own
   * renderer process. A whole number, 1 or more (else build() throws); default: the cores, at most
   * 4. 1 uses the least memory.
   */
  jobs?: number
  /**
   * When nothing changed since the last build into the same folder (every file of the report, the
   * options, rapporteur itself) and its outputs are as it left them, say so and stop (build-state.ts).
   * The CLI does, unless `--force`; off by default in the API, which then returns the model.
   */
  skipUnchanged?: boolean
  /**
   * Print every PDF again, even one whose print HTML, styles, fonts, images and settings are those
   * of the PDF already there (which is otherwise kept, with what its print found): the CLI's
   * `--force`, a build from scratch.
   */
  reprint?: boolean
  /** Markdown trees kept in the user's cache folder between runs (check()'s `treeCache`): the CLI's default, off here. */
  treeCache?: boolean
  /** Each edition's formatted citations kept in the user's cache folder between runs (api/citation-store.ts): the CLI's default, off here. */
  citationCache?: boolean
  /** Where the print's soft hyphens go in each word, kept in the user's cache folder between runs (api/hyphenation-store.ts): the CLI's default, off here. */
  hyphenationCache?: boolean
  /**
   * Each edition's parts as laid out, kept in the user's cache folder between runs, so that a
   * rebuild lays out again only the parts whose text changed (api/layout-store.ts): the CLI's
   * default, off here; not used with `reprint`.
   */
  layoutCache?: boolean
}

export interface BuiltEdition {
  edition: EditionName
  html?: string
  pdf?: string
  pageCount?: number
  /** True when the PDF was up to date and not rendered again. */
  cached?: boolean
  /** What the browser saw after pagination (absent when cached). */
  preflight?: import('../print/preflight.js').PreflightReport
  /**
   * The edition as rendered for its web page; in a build without HTML, as rendered for its PDF (with
   * its soft hyphens and, when the print cut it into parts, each element's `dataRef`).
   */
  rendered: RenderedEdition
}

export type BuildResult = BuiltOrFailed | {ok: true; upToDate: true; files: VFile[]; editions: UpToDateEdition[]}

/** A build that ran: what it made, or why it made nothing. */
export type BuiltOrFailed = {ok: true; upToDate?: false; model: ReportModel; files: VFile[]; editions: BuiltEdition[]} | {ok: false; files: VFile[]; reason: 'config' | 'findings'}

/** An edition the last build made, unchanged since. */
export type UpToDateEdition = Pick<BuiltEdition, 'edition' | 'html' | 'pdf' | 'pageCount'> & {cached: true}

/**
 * Check, then build each edition as accessible HTML and print-ready PDF. Nothing is written when
 * `check` finds errors; each output is replaced atomically, so a failed build keeps the last one.
 */
export async function build(dir: string, options?: BuildOptions & {skipUnchanged?: false}): Promise<BuiltOrFailed>
export async function build(dir: string, options: BuildOptions): Promise<BuildResult>
export async function build(dir: string, options: BuildOptions = {}): Promise<BuildResult> {
  // The CLI checks --jobs; from the API, 0 would leave every part waiting for a slot for ever.
  if (options.jobs !== undefined && !(Number.isInteger(options.jobs) && options.jobs >= 1)) {
    throw new CannotRunError(`Cannot build with \`jobs: ${options.jobs}\``, 'Give `jobs` a whole number of parts laid out at once, 1 or more, or leave it out for the cores.')
  }
  const progress = options.onProgress ?? (() => {})
  const out = path.resolve(dir, options.out ?? 'dist')
  const formats = options.formats ?? ['pdf', 'html']
  // What the build is made from, stamped before anything reads it (a file saved during the build
  // then counts as changed next time).
  const optionsKey = JSON.stringify({editions: options.editions ?? null, formats, epoch: (options.env ?? process.env).SOURCE_DATE_EPOCH ?? null})
  const [install, inputs, state] = await Promise.all([installFingerprint(), projectFiles(dir, out), readBuildState(out)])
  if (options.skipUnchanged) {
    if (state && (await isUpToDate(state, {install, options: optionsKey, dir, inputs}))) {
      progress('done')
      return {ok: true, upToDate: true, files: await filesWithDiagnostics(dir, state.diagnostics), editions: state.editions.map((edition) => ({...edition, cached: true}))}
    }
  }
  // The browser starts now, in its own processes, while check and render run here.
  const browser = formats.includes('pdf') ? startBrowser(options, path.join(out, '.print')) : undefined
  try {
    const before = new Map(state?.inputs.map((input) => [input.path, input]))
    const stamps = await Promise.all(inputs.map((file) => stampOf(path.join(dir, file), file, before.get(file))))
    progress('check')
    // `check` waits for the browser process to be spawned: loading check's code and its long
    // stretches of work on this thread would otherwise hold up the few steps before the spawn
    // (the browser started as check ended, 0.77 s into the sample's build, against 0.36 s now).
    await browser?.spawned
    // Loaded here, not above: an unchanged build stops before it needs them.
    const [{check}, {buildChecked}] = await Promise.all([import('./check.js'), import('./build-editions.js')])
    const checked = await check(dir, {treeCache: options.treeCache, env: options.env})
    if (!checked.ok) return {ok: false, files: checked.files, reason: 'config'}
    if (checked.files.some((file) => file.messages.some((message) => message.fatal === true))) return {ok: false, files: checked.files, reason: 'findings'}
    // The theme check read (for its fonts) is the one the editions are built with: read once.
    const result = await buildChecked(dir, checked.model, {...options, out, formats, theme: checked.theme}, browser)
    if (result.ok && !result.upToDate) await writeBuildState(out, await stateOf(result, {install, options: optionsKey, inputs: stamps, out}))
    return result
  } finally {
    await browser?.close()
  }
}

/** The browser of a build, launched at once; a launch that fails is reported when it is needed. */
export interface StartedBrowser {
  /** Settles once the launch is under way, the process spawned before the event loop turns (browser.ts), or once it failed before that. */
  spawned: Promise<void>
  get(): Promise<Browser>
  /** A page handed over by a print (its document empty, Paged.js loaded), else one opened ahead while there are any, else a new one. */
  newPage(): Promise<Page>
  /** Keep a page a print is done with for the next `newPage` (RenderPdfOptions.handOver). */
  handOver(page: Page): void
  /** Close the browser (once: later calls wait for the same close). */
  close(): Promise<void>
}

function startBrowser(options: BuildOptions, printFolder: string): StartedBrowser {
  // The print module loads with it, so that the first print HTML goes to the browser at once; the
  // PDF's finalisation (pdf-lib, ~75 ms to load) is loaded once the browser has parts to lay out.
  const modules = import('../print/paginate.js')
  modules.catch(() => {})
  const resolving = (async () => {
    const {launchBrowser, resolveBrowser} = await import('../print/browser.js')
    return {launchBrowser, resolved: await resolveBrowser({explicit: options.browser, env: options.env ?? process.env})}
  })()
  // launchBrowser spawns the process before it returns (browser.ts), and this runs before `spawned` settles.
  const timeoutMs = options.timeoutMs ?? 60_000
  const launching = resolving.then(({launchBrowser, resolved}) => launchBrowser(resolved, {timeoutMs}))
  // Not an unhandled rejection when the build stops before it needs the browser.
  launching.catch(() => {})
  // What the first page opened ahead loads while check runs: Paged.js, ready for the first part
  // (print/part-shell.ts). The first part only: the sample from scratch, 20 rounds, mean 2,763 ms
  // with no page prepared, 2,702 ms with the first, 2,752 ms with both (the second shell's load
  // takes CPU from check and render, for a part that is not on the build's longest path).
  const shell = launching.then(async () => {
    const shells = await import('../print/part-shell.js')
    return {...shells, shell: await shells.writePartShell(printFolder)}
  })
  shell.catch(() => {})
  const spawned = resolving.then(
    () => {},
    () => {}
  )
  // Blank pages opened as soon as the browser is up, while check and render run: the first parts
  // go into them instead of waiting for a page (0.1–0.2 s on the sample's critical path). As many
  // as parts are laid out at once (--jobs, else the cores), at most two. The first is the blank
  // page the browser opens as it starts: its renderer process is already running, where a new
  // page starts one (a launch and two printed pages: Chromium's processes used 1.14–1.15 s of CPU against 1.23–1.27 s).
  const ahead = launching.then(async (browser) => {
    const [initial] = await browser.pages()
    return Array.from({length: Math.min(options.jobs ?? availableParallelism(), 2)}, (_, index) => {
      const page = (async () => {
        const opened = index === 0 && initial ? initial : await browser.newPage()
        // A shell that did not load leaves a page that loads its part the usual way.
        if (index === 0) await shell.then(({loadPartShell, shell}) => loadPartShell(opened, shell, timeoutMs)).catch(() => {})
        return opened
      })()
      page.catch(() => {})
      return page
    })
  })
  ahead.catch(() => {})
  let closing: Promise<void> | undefined
  const handedOver: Page[] = []
  return {
    spawned,
    get: () => launching,
    newPage: async () => handedOver.pop() ?? (await ahead).shift() ?? (await launching).newPage(),
    handOver: (page) => handedOver.push(page),
    close: () =>
      (closing ??= (async () => {
        const browser = await launching.catch(() => undefined)
        await browser?.close()
        const written = await shell.catch(() => undefined)
        await written?.removePartShell(written.shell)
      })())
  }
}

/** What the next build compares with: inputs as stamped, outputs as written, findings to show again. */
async function stateOf(result: Extract<BuiltOrFailed, {ok: true}>, now: {install: string; options: string; inputs: BuildState['inputs']; out: string}): Promise<BuildState> {
  const written = result.editions.flatMap((edition) => [edition.html, edition.pdf]).filter((file): file is string => file !== undefined)
  const assets = (await projectFiles(path.join(now.out, 'assets'), path.join(now.out, 'assets', '.none'))).map((file) => path.join(now.out, 'assets', file))
  const outputs = await Promise.all([...written, ...assets].map(async (file) => ({...(await stampOf(file)), sha1: ''})))
  return {
    format: 1,
    install: now.install,
    options: now.options,
    inputs: now.inputs,
    outputs,
    diagnostics: toJsonDiagnostics(result.files),
    editions: result.editions.map(({edition, html, pdf, pageCount}) => ({edition, html, pdf, pageCount}))
  }
}
