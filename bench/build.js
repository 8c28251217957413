#!/usr/bin/env node
/**
 * Benchmark: making the PDF of a report, rapporteur against stock Paged.js and a raw Chromium print
 * of the same HTML, at about 30, 100 and 300 A4 pages.
 *
 *   npm run bench:build                       # builds dist/ first, then runs this file
 *   node --expose-gc bench/build.js [--rounds 3] [--rounds-300 2] [--sizes 30,100,300] [--keep]
 *
 * For each size, bench/generate-build.js writes a project (checked: no errors), then:
 *
 * (a) rapporteur, whole build: `build(dir, {formats: ['pdf'], editions: ['full']})` from
 *     dist/api/build.js (check, render, browser launch, Paged.js with our handlers, preflight,
 *     page.pdf, finalizePdf, write), with `<out>/.print/*.sha256` deleted first so it renders.
 * (b) rapporteur, pagination only: `renderPdf` + `finalizePdf` on the print HTML (a) wrote
 *     (`<out>/.print/rapport.html`), in one browser launched once.
 * (c) stock Paged.js: the same HTML in the same Chromium, `paged.polyfill.js` injected after load,
 *     done when the polyfill's `after` hook fires, then `page.pdf({preferCSSPageSize, printBackground})`.
 * (d) raw print: the same HTML, no script, `page.pdf({format: 'A4', printBackground})`.
 *
 * One untimed warm-up per method and size, then N rounds (fewer at the largest size), a fresh page
 * each round, a full GC before each. Medians are reported. Peak memory: a worker thread sums VmRSS
 * of this Node process and all its descendants (the Chromium processes) every 50 ms. The last line
 * of output is one JSON object, for scripts.
 */
import {existsSync, mkdtempSync, readdirSync, readFileSync, rmSync} from 'node:fs'
import {createRequire} from 'node:module'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import {performance} from 'node:perf_hooks'
import {pathToFileURL} from 'node:url'
import {Worker} from 'node:worker_threads'
import {toString} from 'mdast-util-to-string'
import {PDFDocument} from 'pdf-lib'
import {check} from '../dist/index.js'
import {build} from '../dist/api/build.js'
import {launchBrowser, resolveBrowser} from '../dist/print/browser.js'
import {finalizePdf} from '../dist/print/finalize-pdf.js'
import {renderPdf} from '../dist/print/paginate.js'
import {generateBuildProject} from './generate-build.js'

function parseArgs(argv) {
  const options = {rounds: 3, roundsLargest: 2, sizes: [30, 100, 300], keep: false}
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === '--keep') options.keep = true
    else if (arg === '--rounds') options.rounds = Number(argv[++i])
    else if (arg === '--rounds-300') options.roundsLargest = Number(argv[++i])
    else if (arg === '--sizes') options.sizes = argv[++i].split(',').map(Number)
  }
  return options
}

const options = parseArgs(process.argv.slice(2))
const gc = globalThis.gc ?? (() => {})
if (!globalThis.gc) console.warn('warning: run with node --expose-gc for a GC between runs (npm run bench:build does)')
const polyfillFile = join(dirname(createRequire(import.meta.url).resolve('pagedjs')), '..', 'dist', 'paged.polyfill.js')
const TIMEOUT_MS = 600_000

// ---------------------------------------------------------------------------------------------
// Peak memory: a worker thread (its own event loop, so sampling goes on while the main thread is
// busy in pdf-lib) sums VmRSS of this process and of every descendant found through /proc/*/stat.

const samplerSource = `
const {parentPort, workerData} = require('node:worker_threads')
const {readdirSync, readFileSync} = require('node:fs')
const root = workerData.pid
const rssKb = (pid) => {
  try { const m = /VmRSS:\\s+(\\d+)/.exec(readFileSync('/proc/' + pid + '/status', 'utf8')); return m ? Number(m[1]) : 0 } catch { return 0 }
}
function sample() {
  const children = new Map()
  for (const name of readdirSync('/proc')) {
    if (!/^\\d+$/.test(name)) continue
    let stat
    try { stat = readFileSync('/proc/' + name + '/stat', 'utf8') } catch { continue }
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
    if (!children.has(ppid)) children.set(ppid, [])
    children.get(ppid).push(Number(name))
  }
  const node = rssKb(root)
  let browser = 0
  const stack = [...(children.get(root) ?? [])]
  while (stack.length) { const pid = stack.pop(); browser += rssKb(pid); stack.push(...(children.get(pid) ?? [])) }
  return {node, browser, total: node + browser}
}
let timer, peak
parentPort.on('message', (cmd) => {
  if (cmd === 'start') { peak = sample(); timer = setInterval(() => { const s = sample(); if (s.total > peak.total) peak = s }, 50) }
  else if (cmd === 'stop') { clearInterval(timer); const s = sample(); if (s.total > peak.total) peak = s; parentPort.postMessage(peak) }
})
`
const sampler = new Worker(samplerSource, {eval: true, workerData: {pid: process.pid}})
sampler.unref()
const startSampling = () => sampler.postMessage('start')
const stopSampling = () =>
  new Promise((resolve) => {
    sampler.once('message', (peak) => resolve({totalMb: peak.total / 1024, nodeMb: peak.node / 1024, browserMb: peak.browser / 1024}))
    sampler.postMessage('stop')
  })

// ---------------------------------------------------------------------------------------------
// The methods. Each has `setup()` (launch what it keeps across rounds), `run()` → {pdf, ...},
// `teardown()`. `run` is what is timed.

const resolved = await resolveBrowser({env: process.env})
const launch = () => launchBrowser(resolved, {timeoutMs: 60_000})

/** (a) The real build, as the CLI runs it for `--format pdf --edition full`. */
function wholeBuild(project) {
  return {
    name: 'rapporteur build()',
    key: 'rapporteur',
    async run() {
      if (existsSync(project.printDir)) for (const file of readdirSync(project.printDir)) if (file.endsWith('.sha256')) rmSync(join(project.printDir, file))
      const result = await build(project.dir, {formats: ['pdf'], editions: ['full'], timeoutMs: TIMEOUT_MS})
      if (!result.ok) throw new Error(`build failed: ${result.reason}`)
      const edition = result.editions[0]
      if (edition.cached) throw new Error('build used its cache: the .sha256 files were not removed')
      return {pdf: readFileSync(edition.pdf), pageCount: edition.pageCount}
    }
  }
}

/** Wraps the page renderPdf opens, to time its steps without touching src/. */
function timedBrowser(browser, marks) {
  const wrap = (page) => {
    for (const method of ['goto', 'addScriptTag', 'evaluate', 'pdf', 'close']) {
      const original = page[method].bind(page)
      page[method] = async (...args) => {
        const start = performance.now()
        try {
          return await original(...args)
        } finally {
          const label = method === 'evaluate' ? (String(args[0]).includes('Paged.Previewer') ? 'paged.js' : 'preflight') : method === 'addScriptTag' ? 'inject' : method
          marks.push({label, start, end: performance.now()})
        }
      }
    }
    return page
  }
  const proxy = Object.create(browser)
  proxy.newPage = async (...args) => {
    const start = performance.now()
    const page = wrap(await browser.newPage(...args))
    marks.push({label: 'newPage', start, end: performance.now()})
    return page
  }
  return proxy
}

/** (b) renderPdf + finalizePdf on the print HTML the build wrote, one browser for all rounds. */
function paginateOnly(project) {
  let browser
  return {
    name: 'rapporteur renderPdf+finalize',
    key: 'rapporteur_paginate',
    async setup() {
      browser = await launch()
    },
    async run() {
      const marks = []
      const start = performance.now()
      const result = await renderPdf(timedBrowser(browser, marks), {htmlFile: project.htmlFile, root: project.outDir, timeoutMs: TIMEOUT_MS})
      const rendered = performance.now()
      const pdf = await finalizePdf(result.pdf, project.meta)
      const end = performance.now()
      // Steps inside renderPdf, as measured around the page calls; "pdf-lib count" is the rest of
      // renderPdf after page.pdf (its PDFDocument.load to count pages) minus page.close.
      const steps = {}
      for (const mark of marks) steps[mark.label] = (steps[mark.label] ?? 0) + (mark.end - mark.start) / 1000
      const pdfEnd = Math.max(...marks.filter((mark) => mark.label === 'pdf').map((mark) => mark.end))
      steps['pdf-lib count'] = (rendered - pdfEnd) / 1000 - (steps.close ?? 0)
      steps.finalizePdf = (end - rendered) / 1000
      steps.other = (end - start) / 1000 - Object.values(steps).reduce((a, b) => a + b, 0)
      return {pdf, pageCount: result.pageCount, steps}
    },
    async teardown() {
      await browser.close()
    }
  }
}

/** (c) Stock Paged.js: the polyfill, its own `after` hook as the "done" signal, a plain page.pdf. */
function stockPagedJs(project) {
  let browser
  return {
    name: 'stock Paged.js polyfill',
    key: 'pagedjs',
    async setup() {
      browser = await launch()
    },
    async run() {
      const page = await browser.newPage()
      try {
        page.setDefaultTimeout(TIMEOUT_MS)
        await page.goto(pathToFileURL(project.htmlFile).href, {waitUntil: 'load'})
        // The polyfill reads window.PagedConfig when it starts; `after` gets the flow once every page is laid out.
        await page.evaluate(() => {
          window.__benchDone = new Promise((resolve) => {
            window.PagedConfig = {after: (flow) => resolve({total: flow.total, ms: flow.performance})}
          })
        })
        await page.addScriptTag({path: polyfillFile})
        const flow = await page.evaluate(() => window.__benchDone)
        const pdf = await page.pdf({preferCSSPageSize: true, printBackground: true, timeout: TIMEOUT_MS})
        return {pdf, laidOut: flow.total, pagedMs: flow.ms}
      } finally {
        await page.close()
      }
    },
    async teardown() {
      await browser.close()
    }
  }
}

/** (d) The floor: Chromium's own print of the same HTML, no pagination script. */
function rawPrint(project) {
  let browser
  return {
    name: 'raw Chromium print',
    key: 'raw',
    async setup() {
      browser = await launch()
    },
    async run() {
      const page = await browser.newPage()
      try {
        page.setDefaultTimeout(TIMEOUT_MS)
        await page.goto(pathToFileURL(project.htmlFile).href, {waitUntil: 'load'})
        return {pdf: await page.pdf({format: 'A4', printBackground: true, timeout: TIMEOUT_MS})}
      } finally {
        await page.close()
      }
    },
    async teardown() {
      await browser.close()
    }
  }
}

// ---------------------------------------------------------------------------------------------

/** What build() passes to finalizePdf (its pdfMetadata and headingTexts are not exported). */
function metadataOf(model) {
  const {config} = model
  const [year, month, day] = config.date.split('-').map(Number)
  const headings = [config.title]
  const visit = (nodes) => {
    for (const node of nodes) {
      if (node.type === 'heading') headings.push(toString(node))
      else if ('children' in node) visit(node.children)
    }
  }
  for (const document of model.documents) visit(document.tree.children)
  return {
    title: `${config.title} — ${config.editions.full.title}`,
    author: (config.authors ?? [config.organisation]).join(', '),
    subject: config.subtitle ?? config.title,
    keywords: config.axes.map((axis) => axis.label),
    lang: config.lang,
    date: new Date(Date.UTC(year, (month ?? 1) - 1, day ?? 1)),
    creator: 'rapporteur',
    headings
  }
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

async function pagesOf(pdf) {
  return (await PDFDocument.load(pdf, {updateMetadata: false})).getPageCount()
}

async function measure(method, rounds) {
  if (method.setup) await method.setup()
  try {
    gc()
    const warm = performance.now()
    await method.run()
    process.stdout.write(`  ${method.name}: warm-up ${((performance.now() - warm) / 1000).toFixed(2)} s`)
    const times = []
    const peaks = []
    let last
    for (let round = 0; round < rounds; round++) {
      gc()
      startSampling()
      const start = performance.now()
      last = await method.run()
      times.push((performance.now() - start) / 1000)
      peaks.push(await stopSampling())
      process.stdout.write(`, ${times.at(-1).toFixed(2)}`)
    }
    const peak = peaks.reduce((a, b) => (b.totalMb > a.totalMb ? b : a))
    const pages = await pagesOf(last.pdf)
    process.stdout.write(` s; ${pages} pages, peak ${peak.totalMb.toFixed(0)} MB\n`)
    return {name: method.name, key: method.key, times, median: median(times), min: Math.min(...times), max: Math.max(...times), pages, peak, last}
  } finally {
    if (method.teardown) await method.teardown()
  }
}

const results = []
const started = performance.now()
console.log(`browser: ${resolved.executablePath} (${resolved.source}); node ${process.version}; ${options.rounds} rounds (${options.roundsLargest} at ${Math.max(...options.sizes)} pages) after 1 warm-up`)
for (const size of options.sizes) {
  const dir = mkdtempSync(join(tmpdir(), `rapporteur-bench-build-${size}-`))
  const corpus = generateBuildProject({dir, pages: size})
  const checked = await check(dir)
  if (!checked.ok) throw new Error(`check could not run on the generated project in ${dir}`)
  const counts = {error: 0, warning: 0, info: 0}
  for (const file of checked.files) for (const message of file.messages) counts[message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info']++
  if (counts.error > 0) throw new Error(`check found ${counts.error} errors in the generated project ${dir}`)
  const outDir = join(dir, 'dist')
  const project = {dir, outDir, printDir: join(outDir, '.print'), htmlFile: join(outDir, '.print', 'rapport.html'), meta: metadataOf(checked.model)}
  console.log(`\n~${size} pages: ${corpus.chapters} chapters + glossary, ${(corpus.markdownBytes / 1024).toFixed(0)} KB of Markdown; check: ${counts.error} errors, ${counts.warning} warnings`)

  const rounds = size === Math.max(...options.sizes) ? options.roundsLargest : options.rounds
  // The build goes first: its warm-up writes the print HTML the other three read.
  const methods = [wholeBuild(project), paginateOnly(project), stockPagedJs(project), rawPrint(project)]
  const measured = []
  for (const method of methods) measured.push(await measure(method, rounds))
  const html = readFileSync(project.htmlFile)
  results.push({size, corpus, measured, htmlKb: html.length / 1024, rounds})
  if (!options.keep) rmSync(dir, {recursive: true, force: true})
  else console.log(`  project kept in ${dir}`)
}

// ---------------------------------------------------------------------------------------------
// Report.

const get = (result, key) => result.measured.find((m) => m.key === key)
console.log('')
for (const result of results) {
  const build = get(result, 'rapporteur')
  console.log(`### ~${result.size} pages (${build.pages} pages, print HTML ${result.htmlKb.toFixed(0)} KB, ${result.rounds} rounds)`)
  console.log('')
  console.log(`| ${'method'.padEnd(30)} | median s |   min s |   max s | pages | peak MB (node + chromium) |`)
  console.log(`|${'-'.repeat(32)}|---------:|--------:|--------:|------:|--------------------------:|`)
  for (const m of result.measured) {
    const peak = `${m.peak.totalMb.toFixed(0)} (${m.peak.nodeMb.toFixed(0)} + ${m.peak.browserMb.toFixed(0)})`
    console.log(`| ${m.name.padEnd(30)} | ${m.median.toFixed(2).padStart(8)} | ${m.min.toFixed(2).padStart(7)} | ${m.max.toFixed(2).padStart(7)} | ${String(m.pages).padStart(5)} | ${peak.padStart(25)} |`)
  }
  const steps = get(result, 'rapporteur_paginate').last.steps
  console.log('')
  console.log(`renderPdf+finalize steps (last round, s): ${Object.entries(steps).map(([k, v]) => `${k} ${v.toFixed(2)}`).join(', ')}`)
  const stock = get(result, 'pagedjs')
  console.log(`stock Paged.js in-page layout (flow.performance, last round): ${(stock.last.pagedMs / 1000).toFixed(2)} s for ${stock.last.laidOut} pages`)
  console.log(`ratios: build / stock Paged.js ${(build.median / stock.median).toFixed(2)}x, renderPdf+finalize / stock Paged.js ${(get(result, 'rapporteur_paginate').median / stock.median).toFixed(2)}x; build / raw ${(build.median / get(result, 'raw').median).toFixed(2)}x, renderPdf+finalize / raw ${(get(result, 'rapporteur_paginate').median / get(result, 'raw').median).toFixed(2)}x`)
  console.log('')
}

const bySize = (size) => results.find((r) => r.size === size)
const largest = results.at(-1)
const [big, mid] = [bySize(300) ?? largest, bySize(100) ?? results.at(-2)]
const growth = (key) => (big && mid && big !== mid ? (get(big, key).median / get(mid, key).median) : null)
const pageGrowth = big && mid && big !== mid ? get(big, 'rapporteur').pages / get(mid, 'rapporteur').pages : null
if (pageGrowth) {
  console.log(`growth ${mid.size} → ${big.size} pages: pages ×${pageGrowth.toFixed(2)}; time: ${results[0].measured.map((m) => `${m.name} ×${growth(m.key).toFixed(2)}`).join(', ')}`)
}
const ratioPaged = get(big, 'rapporteur').median / get(big, 'pagedjs').median
const ratioRaw = get(big, 'rapporteur').median / get(big, 'raw').median
const verdict = (ok) => (ok ? 'OK' : 'MISSED')
console.log(`goals at ${big.size} pages: rapporteur / stock Paged.js ${ratioPaged.toFixed(2)}x (<= 0.5) ${verdict(ratioPaged <= 0.5)}; rapporteur / raw ${ratioRaw.toFixed(2)}x (<= 4) ${verdict(ratioRaw <= 4)}; growth ${growth('rapporteur')?.toFixed(2)} vs pages ${pageGrowth?.toFixed(2)} ${verdict(growth('rapporteur') <= pageGrowth)}; peak ${get(big, 'rapporteur').peak.totalMb.toFixed(0)} MB (< 600) ${verdict(get(big, 'rapporteur').peak.totalMb < 600)}`)
console.log(`(rapporteur = the whole build(); the same goals for renderPdf+finalize alone: ${(get(big, 'rapporteur_paginate').median / get(big, 'pagedjs').median).toFixed(2)}x, ${(get(big, 'rapporteur_paginate').median / get(big, 'raw').median).toFixed(2)}x, growth ${growth('rapporteur_paginate')?.toFixed(2)}, peak ${get(big, 'rapporteur_paginate').peak.totalMb.toFixed(0)} MB)`)
console.log(`total ${((performance.now() - started) / 1000).toFixed(0)} s; node ${process.version}; ${resolved.source} Chromium`)

const round3 = (x) => (x == null ? null : Number(x.toFixed(3)))
console.log(JSON.stringify({
  sizes: results.map((result) => ({
    pages: get(result, 'rapporteur').pages,
    rapporteur_s: round3(get(result, 'rapporteur').median),
    rapporteur_paginate_s: round3(get(result, 'rapporteur_paginate').median),
    pagedjs_s: round3(get(result, 'pagedjs').median),
    raw_s: round3(get(result, 'raw').median),
    pagedjs_pages: get(result, 'pagedjs').pages,
    raw_pages: get(result, 'raw').pages,
    rapporteur_peak_mb: Math.round(get(result, 'rapporteur').peak.totalMb),
    rapporteur_paginate_peak_mb: Math.round(get(result, 'rapporteur_paginate').peak.totalMb),
    pagedjs_peak_mb: Math.round(get(result, 'pagedjs').peak.totalMb),
    raw_peak_mb: Math.round(get(result, 'raw').peak.totalMb),
    rounds: result.rounds
  })),
  ratio_vs_pagedjs_300: round3(ratioPaged),
  ratio_vs_raw_300: round3(ratioRaw),
  growth_pages: round3(pageGrowth),
  growth_rapporteur: round3(growth('rapporteur')),
  growth_rapporteur_paginate: round3(growth('rapporteur_paginate')),
  growth_pagedjs: round3(growth('pagedjs')),
  growth_raw: round3(growth('raw'))
}))
