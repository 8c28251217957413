/**
 * The build once `check` found no error: each edition rendered to HTML, the PDFs that changed
 * printed, every output staged and put in place together. build.ts loads this module only when
 * something is to be built.
 */
import {mkdir, readFile, stat, writeFile} from 'node:fs/promises'
import {availableParallelism} from 'node:os'
import path from 'node:path'
import type {Root} from 'hast'
import {VFile} from 'vfile'
import {CannotRunError} from '../load/cannot-run.js'
import {loadTheme, type Theme} from '../load/theme.js'
import type {EditionName} from '../model/schemas/config.js'
import type {ReportModel} from '../model/types.js'
import {StagedWrites} from '../print/write-atomic.js'
import {Slots} from '../print/slots.js'
import {MAX_WORKERS} from '../print/workers.js'
import {renderDocument, renderDocumentWithTree} from '../render/document.js'
import {renderEdition, type RenderedEdition} from '../render/edition.js'
import {relocateImages} from '../render/relocate.js'
import {linkDescriptions} from '../render/link-descriptions.js'
import {labelsFor} from '../render/labels.js'
import {keepLanguageInTags} from '../render/tagged-language.js'
import {themeFontNames} from '../load/font-names.js'
import {axesCss} from '../render/axes-css.js'
import {pageCss} from '../render/page-css.js'
import {typography} from '../render/typography/index.js'
import {withLock} from '../print/lock.js'
import {reportPreflight} from './preflight-diagnostics.js'
import {locateInTemplates} from './locate-request.js'
import type {BuildOptions, BuiltEdition, BuiltOrFailed, StartedBrowser} from './build.js'
import {stylesheetsFor} from '../render/stylesheets.js'
import {headingTexts, pdfMetadata, printBoxes, themeFamilies} from './print-settings.js'
import {writeAssets, writeMathAssets} from './write-assets.js'
import {collectGarbage, worthCollecting} from './collect-garbage.js'
import {addDiagnostics, installFingerprint} from './build-state.js'
import {openReportCitationStore} from './citation-store.js'
import {openReportHyphenationStore} from './hyphenation-store.js'
import {openReportLayoutStore} from './layout-store.js'
import {assetsDigest, printKey} from './print-key.js'
import {findingsOf, readPrintFindings, writePrintFindings, type PrintFindings} from './print-findings.js'
import type {JsonDiagnostic} from '../diagnostics/to-json.js'

/** Render and print a report `check` found no error in, with the theme it read (`options.theme`) or the one read here. */
export async function buildChecked(dir: string, model: ReportModel, options: BuildOptions & {out: string; formats: Array<'pdf' | 'html'>; theme?: Theme | undefined}, browser: StartedBrowser | undefined): Promise<BuiltOrFailed> {
  const progress = options.onProgress ?? (() => {})
  const {out, formats} = options
  const editions = (options.editions ?? ['full', 'synthesis']).filter((name) => model.config.editions[name])
  const pageOf = {full: `${model.config.editions.full.output}.html`, synthesis: `${model.config.editions.synthesis?.output ?? 'synthese'}.html`}
  // As check read it, when it could (a theme it could not read is explained here, exit 2).
  const theme = options.theme ?? (await loadTheme(dir, model.config.theme))
  // The project's own missing fonts are `check`'s findings (missing-font); a built-in theme's is a broken install.
  const broken = theme.problems.find((problem) => !problem.inProject)
  if (broken) throw new CannotRunError(`${broken.message} (${broken.file}:${broken.position.start.line}:${broken.position.start.column})`, broken.hint)
  // Two builds into one output folder take turns (a lock folder beside the outputs).
  await mkdir(out, {recursive: true})
  const outputs = new StagedWrites()
  // Each edition's citations as formatted by an earlier build, when they are the same (citation-store.ts): read while the
  // assets are written. A store that cannot be opened only means formatting them.
  const citations = options.citationCache ? openReportCitationStore(dir, options.env) : undefined
  // The words' soft hyphens as an earlier build placed them (hyphenation-store.ts), taken up before the first render.
  const hyphenation = options.hyphenationCache && formats.includes('pdf') ? openReportHyphenationStore(dir, options.env) : undefined
  // The parts earlier builds laid out (layout-store.ts): only those whose text changed are laid out
  // again (the same bytes as laying them all out: docs/building.md). Not in a build from scratch
  // (`reprint`, the CLI's --force), which lays every part out again.
  const layouts = options.layoutCache && !options.reprint && formats.includes('pdf') ? openReportLayoutStore(dir, options.env) : undefined
  let mathAssets: Promise<void> | undefined
  // Read only once a print is checked for fallback fonts (a few font files' name tables).
  let names: Promise<string[]> | undefined
  const fontNames = () => (names ??= themeFontNames(theme.fonts))
  return withLock(path.join(out, '.rapporteur-build.lock'), async () => {
    await writeAssets(dir, out, theme, model)
    // Every HTML and PDF is staged and put in place together at the end (StagedWrites).
    try {
      return await buildEditions()
    } finally {
      await outputs.discard()
    }
  }, {
    what: 'another build into this output folder',
    signal: options.signal,
    onWait: (holder) => progress(`waiting for another build into this output folder${holder ? ` (process ${holder.pid})` : ''} to finish`)
  })

  /** Render every edition, paginate the PDFs that changed, stage every output, then put them in place. */
  async function buildEditions(): Promise<BuiltOrFailed> {
    const built: BuiltEdition[] = []
    // One set of slots for every edition's parts: two editions printed side by side share the cores.
    const slots = new Slots(options.jobs ?? Math.min(availableParallelism(), MAX_WORKERS))
    const printing: Array<Promise<PrintJob | undefined>> = []
    // The print HTML of each edition first, each sent to the browser as soon as it is written: the
    // browser lays one out while the next is rendered here, and the web pages after them. The
    // citations, formatted for the print HTML, are not formatted again for the web page.
    const items = new Map<EditionName, BuiltEdition>()
    // Until the last print sent has its first parts laying out, this process is on its critical
    // path (cutting the document, loading the parts): what is rendered next waits for that.
    let handedOver = Promise.resolve()
    // Once every page is rendered, this process only waits for the prints, which read ahead then
    // (paginate.ts); never, when the rendering fails (the build stops).
    let renderingOver = () => {}
    const rendered = new Promise<void>((resolve) => (renderingOver = resolve))
    for (const edition of formats.includes('pdf') ? editions : []) {
      await handedOver
      const job = await writePrintHtml(edition)
      items.set(edition, job.built)
      // The edition started first (the full one, the longest) gets freed slots first.
      const rank = printing.length
      let layingOut = () => {}
      handedOver = new Promise((resolve) => (layingOut = resolve))
      const started = (options.reprint ? Promise.resolve(undefined) : keptFindings(job)).then(async (kept) => {
        if (kept) {
          // Not printed again: what its print found is shown again, as if it had been.
          job.built.cached = true
          job.built.pageCount = kept.pageCount
          job.tree = noTree
          await addDiagnostics(model.files, dir, kept.diagnostics)
          return undefined
        }
        // Taken from the layout store, it gets its key in `.print/` as if it had been printed.
        if (!(await takeStoredEdition(job))) await printEdition(job, slots, rank, layingOut, rendered)
        return job
      })
      started.finally(layingOut).catch(() => {})
      // A print that fails is reported once the web pages are rendered, not as an unhandled rejection.
      started.catch(() => {})
      printing.push(started)
    }
    await handedOver
    for (const edition of editions) {
      const item = items.get(edition)
      if (formats.includes('html')) built.push(await stageWebPage(edition, item))
      else built.push(item!)
    }
    // Written while the prints run.
    const saved = Promise.all([(await citations)?.save(), (await hyphenation)?.save()])
    // Rendering is over: its garbage goes before the browser's largest pages, when the heap is large
    // enough for that to matter (collect-garbage.ts).
    if (printing.length > 0 && worthCollecting(process.memoryUsage().heapTotal)) collectGarbage()
    renderingOver()
    const printed = (await Promise.all(printing)).filter((job): job is PrintJob => job !== undefined)
    await Promise.all([saved, (await layouts)?.save()])
    // The browser closes (40–65 ms) while the outputs are written; build() waits for it, and
    // reports a failure to close, before it returns.
    browser?.close().catch(() => {})
    options.signal?.throwIfAborted()
    await outputs.commit()
    // The cache keys last, after what each print found: a PDF is known up to date only once it
    // is in place, and only with its findings (a key without them prints again).
    for (const job of printed) {
      await writePrintFindings(job.htmlFile, {hash: job.hash, pageCount: job.built.pageCount ?? 0, diagnostics: job.findings ?? []})
      await writeFile(`${job.htmlFile}.sha256`, job.hash)
    }
    progress('done')
    return {ok: true, model, files: [...model.files.values()], editions: built}
  }

  /** An edition rendered for print, written to `.print/` for the browser, with the hash its PDF is cached by. */
  async function writePrintHtml(edition: EditionName): Promise<PrintJob> {
    progress('render', edition)
    await hyphenation
    const print = await renderEdition(model, edition, {mode: 'print', pageOf, formatted: (await citations)?.edition(edition)})
    if (print.usesMath) await writeMathAssetsOnce()
    const {html, tree} = renderDocumentWithTree(model, print, theme, {mode: 'print', stylesheets: stylesheetsFor('print', print, theme), transform: (tree) => {
      typography(model.config.lang, {hyphenate: true})(tree)
      relocateImages(tree, '../')
      keepLanguageInTags(tree)
    }})
    // What each link says, for its PDF annotation, as typography left the text (its soft hyphens
    // taken out); a template's own links, not read here, say their URL.
    const links = linkDescriptions({type: 'root', children: [...(print.toc ? [print.toc] : []), ...print.main]}, labelsFor(model.config.lang))
    const output = model.config.editions[edition]!.output
    const htmlFile = path.join(out, '.print', `${output}.html`)
    await mkdir(path.dirname(htmlFile), {recursive: true})
    await writeFile(htmlFile, html)
    const inputs = {
      html,
      styles: [...theme.styles.map((style) => style.text), pageCss(model.config.print, model.config.lang), axesCss(model.config.axes)],
      settings: {boxes: printBoxes(model.config.print), pdfx: model.config.print.pdfx ?? null, metadata: pdfMetadata(model, print.title)},
      ...(model.outputProfile ? {outputProfile: model.outputProfile} : {}),
      install: await installFingerprint(),
      assets: await assetsDigest(path.join(out, 'assets'))
    }
    const hash = printKey(inputs)
    // What a part's layout reads besides its own text (layout-store.ts): the print's other inputs
    // and where it is printed (Paged.js writes the stylesheets' addresses out in full).
    const layoutSalt = `${printKey({...inputs, html: ''})}\0${htmlFile}`
    const pdfFile = path.join(out, `${output}.pdf`)
    return {edition, htmlFile, pdfFile, hash, layoutSalt, tree, built: {edition, rendered: print, pdf: pdfFile}, print: {title: print.title, notes: print.notes, usesMath: print.usesMath}, links}
  }

  /** An edition's web page, rendered and staged; `item` is the edition as its print left it, if any. */
  async function stageWebPage(edition: EditionName, item: BuiltEdition | undefined): Promise<BuiltEdition> {
    progress('render', edition)
    const web = await renderEdition(model, edition, {mode: 'web', pageOf, formatted: (await citations)?.edition(edition)})
    if (web.usesMath) await writeMathAssetsOnce()
    const built = item ?? {edition, rendered: web}
    built.rendered = web
    built.html = path.join(out, `${model.config.editions[edition]!.output}.html`)
    const html = renderDocument(model, web, theme, {mode: 'web', stylesheets: stylesheetsFor('web', web, theme), transform: typography(model.config.lang, {hyphenate: false})})
    await outputs.stage(built.html, new TextEncoder().encode(html))
    return built
  }

  /** KaTeX's stylesheet and fonts, once, when an edition has maths. */
  function writeMathAssetsOnce(): Promise<void> {
    mathAssets ??= writeMathAssets(out)
    return mathAssets
  }

  /**
   * The key an edition's PDF is kept by in the layout store: its print key, where it is printed
   * from and the browser's version, as its parts' layouts are (another browser may lay it out otherwise).
   */
  async function storedEditionKey(job: PrintJob): Promise<string> {
    return `${job.hash}\0${job.htmlFile}\0${await (await browser!.get()).version()}`
  }

  /**
   * An edition an earlier build printed from the same print HTML, styles, settings and assets, taken
   * from the layout store (layout-store.ts) instead of laid out: its PDF staged, what its print found
   * shown again. False when the store has none.
   */
  async function takeStoredEdition(job: PrintJob): Promise<boolean> {
    const store = await layouts
    if (!store || !browser) return false
    const stored = await store.getEdition(job.edition, await storedEditionKey(job))
    if (!stored) return false
    job.tree = noTree
    job.built.cached = true
    job.built.pageCount = stored.pageCount
    job.findings = stored.diagnostics
    await addDiagnostics(model.files, dir, stored.diagnostics)
    await outputs.stage(job.pdfFile, stored.pdf)
    return true
  }

  /** Paginate an edition's print HTML in the browser, finalise the PDF, stage it, report what the pages show. */
  async function printEdition(job: PrintJob, slots: Slots, rank: number, onLayoutStarted: () => void, idle: Promise<void>): Promise<void> {
    if (!browser) return
    const {renderPdf} = await import('../print/paginate.js')
    // pdf-lib is loaded while the browser lays out, not before: this process is then idle.
    let finalizing: Promise<typeof import('../print/finalize-pdf.js')> | undefined
    const finalizer = () => (finalizing ??= import('../print/finalize-pdf.js'))
    const running = await browser.get()
    // Parts laid out by another browser are laid out again: its layout may differ.
    const partStore = (await layouts)?.edition(job.edition, `${job.layoutSalt}\0${await running.version()}`)
    progress('paginate', job.edition)
    const result = await renderPdf(running, {
      htmlFile: job.htmlFile,
      tree: job.tree,
      root: out,
      timeoutMs: options.timeoutMs ?? 120_000,
      signal: options.signal,
      slots,
      rank,
      newPage: browser.newPage,
      handOver: browser.handOver,
      partStore,
      idle,
      onLayoutStarted: () => {
        void finalizer().catch(() => {})
        onLayoutStarted()
      },
      onPart: (laidOut, parts) => progress('paginate', job.edition, `part ${laidOut}/${parts}`)
    })
    // The trees, if the print did not take them (a document not cut into parts), are let go of.
    job.tree = noTree
    let fonts: string[] = []
    let printed = result.pageCount
    const {finalizePdf} = await finalizer()
    const pdf = await finalizePdf(result.pdf, {
      ...pdfMetadata(model, job.print.title),
      headings: headingTexts(model),
      boxes: printBoxes(model.config.print),
      pdfx: model.config.print.pdfx && model.outputProfile ? {profile: model.outputProfile, condition: model.config.print.pdfx.condition, info: model.config.print.pdfx.info} : undefined,
      links: job.links,
      onFonts: (names) => (fonts = names),
      onPageCount: (count) => (printed = count)
    })
    if (printed !== result.pageCount) {
      result.problems.push({
        kind: 'layout',
        message: `The PDF has ${printed} pages but Paged.js laid out ${result.pageCount}: a page box is larger than the @page size, or content overflows the page`
      })
    }
    await outputs.stage(job.pdfFile, pdf)
    job.built.pageCount = printed
    job.built.preflight = result.preflight
    // KaTeX's fonts (`KaTeX_Main-Regular`…) are expected where there is maths.
    // And the names the theme's font files give themselves, which the PDF embeds them under
    // (`DejaVuSerif` for a file an @font-face calls "Maison Serif").
    const families = [...themeFamilies(theme), ...(await fontNames()), ...(job.print.usesMath ? ['KaTeX_'] : [])]
    // The notes as numbered in print, where the preflight found them.
    // A file the print could not load, named by a template of the project: the finding points there.
    const locate = (url: string) => {
      const place = locateInTemplates(url, job.htmlFile, dir, theme)
      if (!place) return undefined
      if (!model.files.has(place.path)) model.files.set(place.path, new VFile({path: place.path, value: place.text}))
      return {file: place.path, position: place.position}
    }
    job.findings = findingsOf(model, () => reportPreflight(model, {edition: job.edition, notes: job.print.notes}, {...result, embeddedFonts: fonts, themeFamilies: families}, locate))
    // Kept whole only when the print reported no problem (a file it could not load, a script
    // error): those can come from outside the key, and `.print/` gone, it is printed again and
    // says so again, as a part with a problem is not kept (lay-out-parts.ts).
    if (result.problems.length === 0) (await layouts)?.putEdition(job.edition, await storedEditionKey(job), {pdf, pageCount: printed, diagnostics: job.findings})
  }
}

/** An edition's PDF to make: its print HTML, where the PDF goes, and the hash of what it is made from. */
interface PrintJob {
  edition: EditionName
  htmlFile: string
  pdfFile: string
  hash: string
  /** What the layout of a part reads besides its text, for the layout store's key (layout-store.ts). */
  layoutSalt: string
  /**
   * The print HTML's tree, for the print to cut it into parts without parsing it again (once);
   * `noTree` once the print is over or not needed, so that the edition's trees are not held here.
   */
  tree: () => Root | undefined
  built: BuiltEdition
  /**
   * What the print needs of the edition rendered for it: its title, its notes, whether it has
   * maths. Not its trees, which are garbage once its HTML is written (10 MB at 300 pages).
   */
  print: Pick<RenderedEdition, 'title' | 'notes' | 'usesMath'>
  /** What its print found, once printed: kept beside its key (print-findings.ts). */
  findings?: JsonDiagnostic[]
  /** What each link of its print HTML says, by target (render/link-descriptions.ts). */
  links: ReadonlyMap<string, string>
}

const noTree = (): undefined => undefined

/**
 * What the print of an edition's PDF found, when that PDF is there and was made from the same HTML,
 * styles and settings; undefined when it is to be printed (missing, made from something else, or
 * its findings not kept).
 */
async function keptFindings(job: PrintJob): Promise<PrintFindings | undefined> {
  const previous = await readFile(`${job.htmlFile}.sha256`, 'utf8').catch(() => undefined)
  const pdfExists = await stat(job.pdfFile).then((info) => info.isFile(), () => false)
  if (previous !== job.hash || !pdfExists) return undefined
  return readPrintFindings(job.htmlFile, job.hash)
}
