#!/usr/bin/env node
/**
 * Where the time of a rapporteur PDF goes, on a generated project (bench/generate-build.js), for
 * when `npm run bench:build` misses its goals. Builds the project once if `DIR/dist/.print/rapport.html`
 * is missing, then works on that print HTML.
 *
 *   npm run build:ts && node --expose-gc bench/profile-build.js [--pages 300] [--dir DIR] [what…]
 *
 * what (default: variants node):
 *   variants  the in-page pagination of renderPdf, replayed step by step (same paged.js, same
 *             handlers, same stylesheet filter, print media) against stock Paged.js and against
 *             variants of our handlers (one change each, see VARIANTS), with the time per page
 *             along the document (a handler records performance.now() at every afterPageLayout)
 *             and whether each page holds the same text as in the first variant run.
 *             --only 'name|name' picks variants, --repeat N runs them N times interleaved,
 *             --show-diff prints the first difference of text;
 *   cpu       a V8 CPU profile of the page during rapporteur's and stock Paged.js's pagination
 *             (CDP Profiler), summarised by self time per function (forced style and layout show
 *             up as self time of the JS function that forced them; the .cpuprofile's
 *             positionTicks give the line);
 *   trace     a Chrome trace (page.tracing) of the same, summarised by event (Layout,
 *             UpdateLayoutTree, forced style and layout…), and the mean cost of each forced update
 *             in the first and last tenth of the run (--only picks the variants);
 *   pdf       page.pdf with and without `tagged`/`outline` on the same laid-out page, and the
 *             pdf-lib load of each;
 *   node      renderPdf + finalizePdf with the Node side profiled (inspector): pdf-lib's share;
 *   parts-print  renderPdf as the build runs it, with each part but the first also printed on its
 *             own right after its layout (page.pdf, tagged, with its outline): the time of each,
 *             against page.pdf of the merged document, and pdf-lib joining the parts' PDFs
 *             (pages only: no tag trees, outlines or links joined). A measurement for a print in
 *             parts that does not exist (bench/README.md, "Measured, not built").
 *
 * Writes raw profiles to $TMPDIR/rapporteur-build-*.{cpuprofile,trace.json} (the traces are large).
 */
import {existsSync, writeFileSync} from 'node:fs'
import {Session} from 'node:inspector/promises'
import {createRequire} from 'node:module'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import {performance} from 'node:perf_hooks'
import {pathToFileURL} from 'node:url'
import {PDFDocument} from 'pdf-lib'
import {build} from '../dist/api/build.js'
import {launchBrowser, resolveBrowser} from '../dist/print/browser.js'
import {pagedHandlersScript} from '../dist/print/browser-side/handlers.js'
import {partResultScript} from '../dist/print/browser-side/parts.js'
import {pagedSource} from '../dist/print/paged-source.js'
import {finalizePdf} from '../dist/print/finalize-pdf.js'
import {renderPdf} from '../dist/print/paginate.js'
import {generateBuildProject} from './generate-build.js'

const argv = process.argv.slice(2)
const option = (name, fallback) => {
  const i = argv.indexOf(name)
  return i === -1 ? fallback : argv[i + 1]
}
const pages = Number(option('--pages', 300))
const what = argv.filter((arg, i) => !arg.startsWith('--') && !(argv[i - 1] ?? '').startsWith('--'))
const wanted = what.length ? what : ['variants', 'node']
const gc = globalThis.gc ?? (() => {})

const pagedDist = join(dirname(createRequire(import.meta.url).resolve('pagedjs')), '..', 'dist')
const dir = option('--dir', join(tmpdir(), `rapporteur-profile-build-${pages}`))
const outDir = join(dir, 'dist')
const htmlFile = join(outDir, '.print', 'rapport.html')
if (!existsSync(htmlFile)) {
  // A folder that already holds a project (`--dir report`) is built as it is, never overwritten.
  if (!existsSync(join(dir, 'rapporteur.yaml'))) generateBuildProject({dir, pages})
  const result = await build(dir, {formats: ['pdf'], editions: ['full'], timeoutMs: 900_000})
  if (!result.ok) throw new Error(`build failed: ${result.reason}`)
}
console.log(`project: ${dir} (print HTML ${htmlFile})`)

// Drawing frames: the stock polyfill variant needs them (src/print/browser.ts); the build's browser draws none.
const browser = await launchBrowser(await resolveBrowser({env: process.env}), {timeoutMs: 60_000, frames: true})
const rootUrl = pathToFileURL(outDir).href + '/'

/** Records the time at each page's afterPageLayout, and when the whole flow starts and ends. */
const timingHandler = `(() => {
  window.__marks = []
  class BenchTiming extends window.Paged.Handler {
    beforeParsed() { window.__start = performance.now() }
    afterPageLayout() { window.__marks.push(performance.now()) }
    afterRendered() { window.__end = performance.now() }
  }
  window.Paged.registerHandlers(BenchTiming)
})()`

// Our handlers with one thing taken out, to see what each costs.
const strip = (from, to) => {
  if (!pagedHandlersScript.includes(from)) throw new Error(`handlers.js changed: cannot find ${from}`)
  return pagedHandlersScript.replace(from, to)
}
const onlyTick = `(() => {
  const {Handler, registerHandlers} = window.Paged
  class TickOnly extends Handler {
    constructor(chunker, polisher, caller) {
      super(chunker, polisher, caller)
      const channel = new MessageChannel()
      const waiting = []
      channel.port1.onmessage = () => { const next = waiting.shift(); if (next) next() }
      chunker.q.tick = (callback) => { waiting.push(callback); channel.port2.postMessage(null) }
    }
  }
  registerHandlers(TickOnly)
})()`
/**
 * Handler: once page N is laid out, page N-2 gets `content-visibility: hidden` (its content is
 * skipped by style and layout, its box keeps its fixed size); every page is shown again in
 * afterRendered, before our page-number handler and the preflight read them.
 */
const freezeHandler = `(() => {
  class FreezeFinishedPages extends window.Paged.Handler {
    afterPageLayout(pageElement, page, breakToken, chunker) {
      const done = chunker.pages[chunker.pages.length - 3]
      if (done) done.element.style.contentVisibility = 'hidden'
    }
    afterRendered(pages) {
      for (const page of pages) page.element.style.removeProperty('content-visibility')
    }
  }
  window.Paged.registerHandlers(FreezeFinishedPages)
})()`

/** After our handlers' beforeParsed: each note's data-ref becomes its number (unique in the document). */
const noteNumbers = `(() => {
  class NoteNumbers extends window.Paged.Handler {
    beforeParsed(content) {
      for (const note of content.querySelectorAll('span.rp-footnote[data-note]')) note.dataset.ref = note.dataset.note
    }
  }
  window.Paged.registerHandlers(NoteNumbers)
})()`
const noteNumbersCss = '[data-footnote-call]::after { content: attr(data-footnote-call) !important } [data-footnote-marker]::marker { content: attr(data-footnote-marker) ".\\00A0" !important }'

/** A stylesheet Paged.js leaves alone (data-pagedjs-ignore): it applies to the paginated pages as is. */
const ignoredStyle = (css) => `const style = document.createElement('style'); style.dataset.pagedjsIgnore = ''; style.textContent = ${JSON.stringify(css)}; document.head.append(style)`
const VARIANTS = {
  'stock polyfill (rAF tick)': {stock: true},
  'paged.js, no handlers': {handlers: null},
  'rapporteur (renderPdf in-page)': {handlers: pagedHandlersScript},
  'rapporteur without tick swap': {handlers: strip('chunker.q.tick = (callback)', 'chunker.q.__tick = (callback)')},
  'rapporteur without renderNode': {handlers: strip('renderNode(clone) {', '__renderNode(clone) {')},
  'rapporteur without beforeParsed': {handlers: strip('beforeParsed(content) {', '__beforeParsed(content) {')},
  'rapporteur without afterRendered': {handlers: strip('afterRendered(pages) {', '__afterRendered(pages) {')},
  'tick swap only': {handlers: onlyTick},
  'rapporteur, screen media': {handlers: pagedHandlersScript, screen: true},
  // Diagnostics (they change the output): what makes pages slower as the document grows.
  'rapporteur, footnotes removed': {handlers: pagedHandlersScript, before: `for (const note of document.querySelectorAll('span.rp-footnote')) note.remove()`},
  'rapporteur, CSS counters off': {
    handlers: pagedHandlersScript,
    before: `const style = document.createElement('style'); style.dataset.pagedjsIgnore = ''; style.textContent = '*, *::before, *::after, *::marker { counter-increment: none !important; counter-reset: none !important; counter-set: none !important }'; document.head.append(style)`
  },
  'rapporteur, footnote markers display: block': {
    handlers: pagedHandlersScript,
    before: `const style = document.createElement('style'); style.dataset.pagedjsIgnore = ''; style.textContent = '[data-footnote-marker] { display: block !important }'; document.head.append(style)`
  },
  'rapporteur, pages contain: layout size': {handlers: pagedHandlersScript, before: ignoredStyle('.pagedjs_page { contain: layout size }')},
  'rapporteur, pages content-visibility: auto': {handlers: pagedHandlersScript, before: ignoredStyle('.pagedjs_page { content-visibility: auto; contain-intrinsic-size: auto 297mm }')},
  // A possible fix: finished pages leave the live layout (content-visibility: hidden) while the
  // next ones are laid out, and come back before anything reads or prints them.
  'rapporteur + freeze finished pages': {handlers: pagedHandlersScript, extra: freezeHandler},
  // The freeze resets CSS counters on frozen pages (content-visibility implies style containment),
  // so footnote numbers change while pages are laid out. Numbering notes without counters
  // (data-ref = the renderer's note number, shown with attr()) takes the counters out of the way.
  'rapporteur, notes numbered by attr()': {handlers: pagedHandlersScript, after: noteNumbers, before: ignoredStyle(noteNumbersCss)},
  'rapporteur, notes by attr() + freeze': {handlers: pagedHandlersScript, extra: freezeHandler, after: noteNumbers, before: ignoredStyle(noteNumbersCss)},
  'rapporteur, TOC target-counter off': {handlers: pagedHandlersScript, before: `for (const link of document.querySelectorAll('.rp-toc__link')) link.classList.replace('rp-toc__link', 'rp-toc__link-x')`}
}

/** renderPdf's in-page work, replayed: print media, load, paged.js + handlers, preview. */
async function paginate(page, variant) {
  if (!variant.screen && !variant.stock) await page.emulateMediaType('print')
  await page.goto(pathToFileURL(htmlFile).href, {waitUntil: 'load'})
  const start = performance.now()
  if (variant.stock) {
    await page.evaluate(() => {
      window.__done = new Promise((resolve) => {
        window.PagedConfig = {before: () => window.__registerTiming(), after: (flow) => resolve(flow.total)}
      })
    })
    await page.evaluate(`window.__registerTiming = () => ${timingHandler}`)
    await page.addScriptTag({path: join(pagedDist, 'paged.polyfill.js')})
    await page.evaluate(() => window.__done)
  } else {
    if (variant.before) await page.evaluate(variant.before)
    // Paged.js as the build loads it: with rapporteur's hooks (src/print/paged-source.ts), without
    // which the handlers' note placement and letter boxes never run.
    await page.addScriptTag({content: pagedSource('paged.js')})
    // The freeze handler goes first, so that its afterRendered shows the pages before ours reads them.
    if (variant.extra) await page.addScriptTag({content: variant.extra})
    if (variant.handlers) await page.addScriptTag({content: variant.handlers})
    if (variant.after) await page.addScriptTag({content: variant.after})
    await page.addScriptTag({content: timingHandler})
    await page.evaluate(`(async (rootUrl) => {
      const previewer = new Paged.Previewer()
      const sheets = previewer.removeStyles().filter((sheet) => typeof sheet !== 'string' || sheet.startsWith(rootUrl) || sheet.startsWith('data:'))
      const flow = await previewer.preview(undefined, sheets, document.body)
      return flow.total
    })(${JSON.stringify(rootUrl)})`)
  }
  const wall = (performance.now() - start) / 1000
  const {marks, begin, end, texts} = await page.evaluate(() => ({
    marks: window.__marks,
    begin: window.__start,
    end: window.__end,
    // What each page holds, to check that a variant paginates the same way.
    texts: [...document.querySelectorAll('.pagedjs_page')].map((p) => p.textContent.replace(/\s+/g, ' '))
  }))
  return {wall, marks, begin, end, texts}
}

/** Time per page along the document: mean ms per page in ten slices. */
function slices(marks, begin) {
  const per = marks.map((t, i) => t - (i ? marks[i - 1] : begin))
  const n = per.length
  const out = []
  for (let s = 0; s < 10; s++) {
    const part = per.slice(Math.floor((s * n) / 10), Math.floor(((s + 1) * n) / 10))
    out.push(part.length ? part.reduce((a, b) => a + b, 0) / part.length : 0)
  }
  return out
}

async function variants() {
  console.log(`\n## in-page pagination, ${pages}-page project (wall: from injecting paged.js to the preview's end)`)
  console.log('\nms per page, by tenth of the document:\n')
  console.log(`| ${'variant'.padEnd(34)} | wall s | pages | ${Array.from({length: 10}, (_, i) => `${i + 1}/10`.padStart(5)).join(' | ')} | pages' text vs the first row |`)
  console.log(`|${'-'.repeat(36)}|-------:|------:|${Array.from({length: 10}, () => '------:').join('|')}|---|`)
  const names = option('--only', '') ? option('--only', '').split('|') : Object.keys(VARIANTS)
  const repeat = Number(option('--repeat', 1))
  const order = []
  // With --repeat, interleave: A B C A B C…, so that a noisy minute does not hit one variant only.
  for (let r = 0; r < repeat; r++) order.push(...names)
  let reference
  for (const name of order) {
    if (!VARIANTS[name]) throw new Error(`unknown variant ${name}; known: ${Object.keys(VARIANTS).join(' | ')}`)
    gc()
    const page = await browser.newPage()
    page.setDefaultTimeout(900_000)
    try {
      const result = await paginate(page, VARIANTS[name])
      reference ??= result.texts
      const firstDiff = result.texts.findIndex((text, i) => text !== reference[i])
      const same = firstDiff === -1 && result.texts.length === reference.length ? 'same' : `differs from page ${firstDiff === -1 ? reference.length + 1 : firstDiff + 1}`
      if (firstDiff !== -1 && argv.includes('--show-diff')) {
        const [a, b] = [reference[firstDiff] ?? '', result.texts[firstDiff] ?? '']
        let at = 0
        while (at < a.length && a[at] === b[at]) at++
        console.log(`  page ${firstDiff + 1}, first row: …${a.slice(Math.max(0, at - 60), at + 80)}…\n  page ${firstDiff + 1}, this row:  …${b.slice(Math.max(0, at - 60), at + 80)}…`)
      }
      console.log(`| ${name.padEnd(34)} | ${result.wall.toFixed(2).padStart(6)} | ${String(result.marks.length).padStart(5)} | ${slices(result.marks, result.begin).map((ms) => ms.toFixed(0).padStart(5)).join(' | ')} | ${same} |`)
    } finally {
      await page.close()
    }
  }
}

/** Self time per function of a .cpuprofile, top N, with the share of the total. */
function summarise(profile, top = 25) {
  const self = new Map()
  let total = 0
  const byId = new Map(profile.nodes.map((node) => [node.id, node]))
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = profile.timeDeltas[i] ?? 0
    self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + dt)
    total += dt
  }
  const byFunction = new Map()
  for (const [id, us] of self) {
    const {functionName, url, lineNumber} = byId.get(id).callFrame
    const key = `${functionName || '(anonymous)'} ${url ? `${url.split('/').slice(-1)[0]}:${lineNumber + 1}` : ''}`.trim()
    byFunction.set(key, (byFunction.get(key) ?? 0) + us)
  }
  const rows = [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, top)
  return [`total sampled ${(total / 1e6).toFixed(2)} s`, ...rows.map(([key, us]) => `  ${(us / 1e6).toFixed(2).padStart(7)} s ${((100 * us) / total).toFixed(1).padStart(5)} %  ${key}`)].join('\n')
}

/** Self-time callers: for the top native functions, which JS functions called them. */
function callersOf(profile, names, top = 6) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]))
  const parent = new Map()
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id)
  const self = new Map()
  for (let i = 0; i < profile.samples.length; i++) self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + (profile.timeDeltas[i] ?? 0))
  const lines = []
  for (const name of names) {
    const callers = new Map()
    for (const [id, us] of self) {
      if (byId.get(id).callFrame.functionName !== name) continue
      const p = byId.get(parent.get(id))
      const key = p ? `${p.callFrame.functionName || '(anonymous)'} ${p.callFrame.url.split('/').slice(-1)[0]}:${p.callFrame.lineNumber + 1}` : '?'
      callers.set(key, (callers.get(key) ?? 0) + us)
    }
    if (!callers.size) continue
    lines.push(`  ${name} called from: ${[...callers].sort((a, b) => b[1] - a[1]).slice(0, top).map(([k, us]) => `${k} ${(us / 1e6).toFixed(2)} s`).join('; ')}`)
  }
  return lines.join('\n')
}

async function cpu() {
  for (const name of ['rapporteur (renderPdf in-page)', 'stock polyfill (rAF tick)']) {
    gc()
    const page = await browser.newPage()
    page.setDefaultTimeout(900_000)
    try {
      const session = await page.createCDPSession()
      await session.send('Profiler.enable')
      await session.send('Profiler.setSamplingInterval', {interval: 500})
      await session.send('Profiler.start')
      const result = await paginate(page, VARIANTS[name])
      const {profile} = await session.send('Profiler.stop')
      const file = join(tmpdir(), `rapporteur-build-${VARIANTS[name].stock ? 'stock' : 'rapporteur'}.cpuprofile`)
      writeFileSync(file, JSON.stringify(profile))
      console.log(`\n## CPU profile of the page, ${name}: ${result.wall.toFixed(2)} s under the profiler, ${result.marks.length} pages (${file})`)
      console.log(summarise(profile, 25))
      console.log(callersOf(profile, ['getBoundingClientRect', 'getClientRects', 'querySelectorAll', 'querySelector', 'get offsetHeight', 'getComputedStyle', '(garbage collector)', 'scrollHeight', 'get scrollHeight', 'get offsetWidth']))
    } finally {
      await page.close()
    }
  }
}

async function trace() {
  const names = option('--only', '') ? option('--only', '').split('|') : ['rapporteur (renderPdf in-page)', 'stock polyfill (rAF tick)']
  for (const name of names) {
    gc()
    const page = await browser.newPage()
    page.setDefaultTimeout(900_000)
    const file = join(tmpdir(), `rapporteur-build-${VARIANTS[name].stock ? 'stock' : 'rapporteur'}.trace.json`)
    try {
      await page.tracing.start({path: file, categories: ['devtools.timeline', 'blink', 'v8', 'disabled-by-default-devtools.timeline']})
      const result = await paginate(page, VARIANTS[name])
      const buffer = await page.tracing.stop()
      const events = JSON.parse(Buffer.from(buffer).toString("utf8")).traceEvents
      const totals = new Map()
      const counts = new Map()
      for (const event of events) {
        if (event.ph !== 'X' || !event.dur) continue
        totals.set(event.name, (totals.get(event.name) ?? 0) + event.dur)
        counts.set(event.name, (counts.get(event.name) ?? 0) + 1)
      }
      console.log(`\n## trace, ${name}: ${result.wall.toFixed(2)} s, ${result.marks.length} pages (${file}); complete events by total duration (nested events overlap):`)
      for (const [event, us] of [...totals].sort((a, b) => b[1] - a[1]).slice(0, 18)) {
        console.log(`  ${(us / 1e6).toFixed(2).padStart(7)} s  ${String(counts.get(event)).padStart(7)} ×  ${(us / 1000 / counts.get(event)).toFixed(2).padStart(8)} ms each  ${event}`)
      }
      // Style recalc and layout along the document: per tenth of the run.
      const inPage = events.filter((e) => e.ph === 'X' && (e.name === 'UpdateLayoutTree' || e.name === 'Layout'))
      if (inPage.length) {
        const t0 = Math.min(...inPage.map((e) => e.ts))
        const t1 = Math.max(...inPage.map((e) => e.ts + e.dur))
        const tenths = Array.from({length: 10}, () => ({style: 0, layout: 0, n: 0}))
        for (const e of inPage) {
          const slot = tenths[Math.min(9, Math.floor(((e.ts - t0) / (t1 - t0)) * 10))]
          if (e.name === 'Layout') slot.layout += e.dur
          else slot.style += e.dur
          slot.n++
        }
        console.log(`  style recalc / layout per tenth of the run (s): ${tenths.map((s) => `${(s.style / 1e6).toFixed(1)}/${(s.layout / 1e6).toFixed(1)}`).join('  ')}`)
        // Mean duration of the main style and layout events, first tenth of the run against the last.
        const spans = ['Document::updateStyle', 'Document::recalcStyle', 'Layout', 'LocalFrameView::performLayout', 'Blink.ForcedStyleAndLayout.UpdateTime']
        const row = (list) => (list.length ? `${(list.reduce((a, e) => a + e.dur, 0) / list.length / 1000).toFixed(2)} ms × ${list.length}` : '-')
        for (const span of spans) {
          const list = events.filter((e) => e.ph === 'X' && e.name === span && e.ts >= t0)
          const early = list.filter((e) => e.ts < t0 + (t1 - t0) / 10)
          const late = list.filter((e) => e.ts >= t0 + ((t1 - t0) * 9) / 10)
          console.log(`  ${span.padEnd(40)} first tenth ${row(early).padEnd(20)} last tenth ${row(late)}`)
        }
        const layouts = events.filter((e) => e.name === 'Layout' && e.args?.beginData)
        const objects = (list) => (list.length ? `${(list.reduce((a, e) => a + e.args.beginData.dirtyObjects, 0) / list.length).toFixed(0)} dirty of ${(list.reduce((a, e) => a + e.args.beginData.totalObjects, 0) / list.length).toFixed(0)}` : '-')
        console.log(`  layout objects: first tenth ${objects(layouts.slice(0, Math.ceil(layouts.length / 10)))}, last tenth ${objects(layouts.slice(-Math.ceil(layouts.length / 10)))}`)
        const elements = events.filter((e) => e.name === 'UpdateLayoutTree' && e.args?.elementCount)
        if (elements.length) {
          const first = elements.slice(0, Math.ceil(elements.length / 10))
          const last = elements.slice(-Math.ceil(elements.length / 10))
          const avg = (list) => list.reduce((a, e) => a + e.args.elementCount, 0) / list.length
          console.log(`  elements restyled per style recalc: ${avg(first).toFixed(0)} in the first tenth, ${avg(last).toFixed(0)} in the last`)
        }
      }
    } finally {
      await page.close()
    }
  }
}

async function pdf() {
  const page = await browser.newPage()
  page.setDefaultTimeout(900_000)
  try {
    await paginate(page, VARIANTS['rapporteur (renderPdf in-page)'])
    console.log(`\n## page.pdf on the same laid-out page (${pages}-page project)`)
    for (const [label, extra] of [['preferCSSPageSize, printBackground', {}], ['+ tagged', {tagged: true}], ['+ outline', {outline: true}], ['+ tagged + outline (renderPdf)', {tagged: true, outline: true}], ['preferCSSPageSize, printBackground (again)', {}]]) {
      gc()
      const start = performance.now()
      const bytes = await page.pdf({preferCSSPageSize: true, printBackground: true, timeout: 900_000, ...extra})
      const seconds = (performance.now() - start) / 1000
      const loadStart = performance.now()
      const count = (await PDFDocument.load(bytes, {updateMetadata: false})).getPageCount()
      console.log(`  ${label.padEnd(44)} ${seconds.toFixed(2)} s, ${(bytes.length / 1024 / 1024).toFixed(1)} MB, ${count} pages; PDFDocument.load ${((performance.now() - loadStart) / 1000).toFixed(2)} s`)
    }
  } finally {
    await page.close()
  }
}

async function nodeSide() {
  gc()
  const session = new Session()
  session.connect()
  await session.post('Profiler.enable')
  await session.post('Profiler.setSamplingInterval', {interval: 200})
  await session.post('Profiler.start')
  const start = performance.now()
  const result = await renderPdf(browser, {htmlFile, root: outDir, timeoutMs: 900_000})
  const rendered = performance.now()
  const bytes = await finalizePdf(result.pdf, {title: 'x', author: 'x', lang: 'fr', date: new Date(0), creator: 'rapporteur', headings: []})
  const end = performance.now()
  const {profile} = await session.post('Profiler.stop')
  session.disconnect()
  const file = join(tmpdir(), 'rapporteur-build-node.cpuprofile')
  writeFileSync(file, JSON.stringify(profile))
  // Node CPU by package over the whole renderPdf + finalizePdf.
  const byId = new Map(profile.nodes.map((node) => [node.id, node]))
  const byPackage = new Map()
  let total = 0
  for (let i = 0; i < profile.samples.length; i++) {
    const {url, functionName} = byId.get(profile.samples[i]).callFrame
    const dt = profile.timeDeltas[i] ?? 0
    total += dt
    const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)
    const key = match ? match[1] : url.includes('/dist/') ? 'rapporteur dist/' : functionName === '(idle)' ? '(idle)' : functionName.startsWith('(') ? functionName : url ? 'node internals' : '(native)'
    byPackage.set(key, (byPackage.get(key) ?? 0) + dt)
  }
  console.log(`\n## Node side: renderPdf ${((rendered - start) / 1000).toFixed(2)} s + finalizePdf ${((end - rendered) / 1000).toFixed(2)} s (${result.pageCount} pages, ${(result.pdf.length / 1024 / 1024).toFixed(1)} MB in, ${(bytes.length / 1024 / 1024).toFixed(1)} MB out; ${file})`)
  for (const [key, us] of [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, 8)) console.log(`  ${(us / 1e6).toFixed(2).padStart(7)} s ${((100 * us) / total).toFixed(1).padStart(5)} %  ${key}`)
  // The pdf-lib steps on their own, unprofiled.
  const t = []
  const mark = () => t.push(performance.now())
  mark()
  const document = await PDFDocument.load(result.pdf, {updateMetadata: false, parseSpeed: Infinity})
  mark()
  await document.save({useObjectStreams: true, objectsPerTick: Infinity})
  mark()
  console.log(`  pdf-lib alone: PDFDocument.load ${((t[1] - t[0]) / 1000).toFixed(2)} s, save ${((t[2] - t[1]) / 1000).toFixed(2)} s, read and written in one go as finalizePdf does (it loads once and saves once)`)
}

async function partsPrint() {
  // The build's own pages, wrapped: a part's page is printed just before the part is read out.
  const partPdfs = []
  const partSeconds = []
  let mergedSeconds = 0
  const wrapped = new Proxy(browser, {
    get(target, name) {
      if (name !== 'newPage') {
        const value = Reflect.get(target, name)
        return typeof value === 'function' ? value.bind(target) : value
      }
      return async () => {
        const page = await target.newPage()
        const evaluate = page.evaluate.bind(page)
        const print = page.pdf.bind(page)
        page.evaluate = async (script, ...args) => {
          if (script === partResultScript) {
            const start = performance.now()
            partPdfs.push(await print({preferCSSPageSize: true, printBackground: true, tagged: true, outline: true, timeout: 900_000}))
            partSeconds.push((performance.now() - start) / 1000)
          }
          return evaluate(script, ...args)
        }
        page.pdf = async (options) => {
          const start = performance.now()
          const bytes = await print(options)
          mergedSeconds = (performance.now() - start) / 1000
          return bytes
        }
        return page
      }
    }
  })
  const result = await renderPdf(wrapped, {htmlFile, root: outDir, timeoutMs: 900_000})
  const start = performance.now()
  const joined = await PDFDocument.create()
  for (const bytes of partPdfs) {
    const part = await PDFDocument.load(bytes, {parseSpeed: Infinity})
    for (const page of await joined.copyPages(part, part.getPageIndices())) joined.addPage(page)
  }
  await joined.save({objectsPerTick: Infinity})
  const joinSeconds = (performance.now() - start) / 1000
  const partPages = joined.getPageCount()
  const sum = partSeconds.reduce((a, b) => a + b, 0)
  console.log(`\n## Printing the parts on their own (${result.pageCount} pages in ${result.parts} parts)`)
  console.log(`  parts 2–${result.parts} printed one by one: ${partSeconds.map((seconds) => seconds.toFixed(2)).join(', ')} s; ${sum.toFixed(2)} s for ${partPages} pages, ${((1000 * sum) / partPages).toFixed(1)} ms a page`)
  console.log(`  the merged document's page.pdf: ${mergedSeconds.toFixed(2)} s for ${result.pageCount} pages, ${((1000 * mergedSeconds) / result.pageCount).toFixed(1)} ms a page`)
  console.log(`  pdf-lib joining the parts' PDFs (pages only): ${joinSeconds.toFixed(2)} s`)
}

try {
  for (const step of wanted) {
    if (step === 'variants') await variants()
    else if (step === 'cpu') await cpu()
    else if (step === 'trace') await trace()
    else if (step === 'pdf') await pdf()
    else if (step === 'node') await nodeSide()
    else if (step === 'parts-print') await partsPrint()
    else console.warn(`unknown step ${step}`)
  }
} finally {
  await browser.close()
}
