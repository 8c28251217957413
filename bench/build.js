#!/usr/bin/env node
/**
 * Benchmark: making the PDF of a report, rapporteur against stock Paged.js and a raw Chromium print
 * of the same HTML, at about 30, 100 and 300 A4 pages.
 *
 *   npm run bench:build                  # builds dist/ first, then runs this file
 *   node --expose-gc bench/build.js [--rounds 3] [--rounds-300 1] [--warmup-300] [--sizes 30,100,300] [--keep]
 *
 * For each size, bench/generate-build.js writes a project (checked: no errors), then four methods
 * make its PDF:
 *
 * (a) rapporteur, whole build: `build(dir, {formats: ['pdf'], editions: ['full']})` from
 *     dist/api/build.js (check, render, browser launch, Paged.js with our handlers, preflight,
 *     page.pdf, finalizePdf, write), with `<out>/.print/*.sha256` deleted first so that it renders.
 * (b) rapporteur, pagination only: `renderPdf` + `finalizePdf` on the print HTML (a) wrote
 *     (`<out>/.print/rapport.html`), in one browser for all rounds.
 * (c) stock Paged.js: the same HTML in the same Chromium, `paged.polyfill.js` injected after load,
 *     done when the polyfill's `after` hook fires, then `page.pdf({preferCSSPageSize, printBackground})`.
 * (d) raw print: the same HTML, no script, `page.pdf({format: 'A4', printBackground})`.
 *
 * Each method runs in its own child Node process (fork), so that one method's heap does not count
 * in another's memory: (b), (c) and (d) keep one process and one browser for all their rounds, (a)
 * gets a fresh process per round, as the CLI would. One untimed warm-up, then N rounds (1 and no
 * warm-up at the largest size unless asked), interleaved across the four methods, a fresh page per
 * round. Medians are reported. While a round runs, this (parent) process samples every 50 ms the
 * VmRSS of the child and of all its descendants (the Chromium processes), their PSS at each new
 * peak, and the CPU time of every other process on the machine (to flag noisy rounds). The last
 * line of output is one JSON object, for scripts.
 */
import {fork} from 'node:child_process'
import {existsSync, mkdtempSync, readdirSync, readFileSync, rmSync} from 'node:fs'
import {createRequire} from 'node:module'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import {performance} from 'node:perf_hooks'
import {fileURLToPath, pathToFileURL} from 'node:url'

const TIMEOUT_MS = 900_000
const isChild = process.argv.includes('--child')

// =============================================================================================
// Child: one method, its warm-up and rounds, each when the parent says go; the child times each round.

if (isChild) {
  const {PDFDocument} = await import('pdf-lib')
  const {build} = await import('../dist/api/build.js')
  const {launchBrowser, resolveBrowser} = await import('../dist/print/browser.js')
  const {finalizePdf} = await import('../dist/print/finalize-pdf.js')
  const {renderPdf} = await import('../dist/print/paginate.js')
  const gc = globalThis.gc ?? (() => {})
  const polyfillFile = join(dirname(createRequire(import.meta.url).resolve('pagedjs')), '..', 'dist', 'paged.polyfill.js')
  const resolved = await resolveBrowser({env: process.env})
  const launch = () => launchBrowser(resolved, {timeoutMs: 60_000})

  /** Wraps the page renderPdf opens, to time its steps without touching src/. */
  const timedBrowser = (browser, marks) => {
    const proxy = Object.create(browser)
    proxy.newPage = async (...args) => {
      const start = performance.now()
      const page = await browser.newPage(...args)
      marks.push({label: 'newPage', start, end: performance.now()})
      for (const method of ['goto', 'addScriptTag', 'evaluate', 'pdf', 'close']) {
        const original = page[method].bind(page)
        page[method] = async (...callArgs) => {
          const begin = performance.now()
          try {
            return await original(...callArgs)
          } finally {
            const label = method === 'evaluate' ? (String(callArgs[0]).includes('Paged.Previewer') ? 'paged.js' : 'preflight') : method === 'addScriptTag' ? 'inject' : method
            marks.push({label, start: begin, end: performance.now()})
          }
        }
      }
      return page
    }
    return proxy
  }

  const methods = {
    /** (a) The real build, as the CLI runs it for `--format pdf --edition full`. */
    rapporteur: (project) => ({
      async run() {
        if (existsSync(project.printDir)) for (const file of readdirSync(project.printDir)) if (file.endsWith('.sha256')) rmSync(join(project.printDir, file))
        // build() reports its stages (check, render, browser, paginate, done): time between them.
        const stages = []
        const onProgress = (stage) => stages.push({stage, at: performance.now()})
        onProgress('start')
        const result = await build(project.dir, {formats: ['pdf'], editions: ['full'], timeoutMs: TIMEOUT_MS, onProgress})
        if (!result.ok) throw new Error(`build failed: ${result.reason}`)
        const edition = result.editions[0]
        if (edition.cached) throw new Error('build used its cache: the .sha256 files were not removed')
        const steps = {}
        for (let i = 1; i < stages.length; i++) steps[stages[i - 1].stage] = (steps[stages[i - 1].stage] ?? 0) + (stages[i].at - stages[i - 1].at) / 1000
        const labels = {start: 'setup', check: 'check', render: 'render (web + print HTML)', browser: 'browser launch', paginate: 'renderPdf + finalizePdf + write'}
        return {pdf: readFileSync(edition.pdf), extra: {steps: Object.fromEntries(Object.entries(steps).map(([k, v]) => [labels[k] ?? k, v]))}}
      }
    }),

    /** (b) renderPdf + finalizePdf on the print HTML the build wrote, one browser for all rounds. */
    rapporteur_paginate: (project) => {
      let browser
      const meta = {...project.meta, date: new Date(project.meta.date)}
      return {
        async setup() {
          browser = await launch()
        },
        async run() {
          const marks = []
          const start = performance.now()
          const result = await renderPdf(timedBrowser(browser, marks), {htmlFile: project.htmlFile, root: project.outDir, timeoutMs: TIMEOUT_MS})
          const rendered = performance.now()
          const pdf = await finalizePdf(result.pdf, meta)
          const end = performance.now()
          const steps = {}
          for (const mark of marks) steps[mark.label] = (steps[mark.label] ?? 0) + (mark.end - mark.start) / 1000
          // The rest of renderPdf after page.pdf, less page.close: its PDFDocument.load to count pages.
          const pdfEnd = Math.max(...marks.filter((mark) => mark.label === 'pdf').map((mark) => mark.end))
          steps['pdf-lib count'] = (rendered - pdfEnd) / 1000 - (steps.close ?? 0)
          steps.finalizePdf = (end - rendered) / 1000
          steps.other = (end - start) / 1000 - Object.values(steps).reduce((a, b) => a + b, 0)
          return {pdf, extra: {steps, problems: result.problems.length}}
        },
        async teardown() {
          await browser.close()
        }
      }
    },

    /** (c) Stock Paged.js: the polyfill, its own `after` hook as the "done" signal, a plain page.pdf. */
    pagedjs: (project) => {
      let browser
      return {
        async setup() {
          browser = await launch()
        },
        async run() {
          const page = await browser.newPage()
          try {
            page.setDefaultTimeout(TIMEOUT_MS)
            await page.goto(pathToFileURL(project.htmlFile).href, {waitUntil: 'load'})
            // The polyfill reads window.PagedConfig when it starts (at once: the document is loaded);
            // `after` receives the flow once every page is laid out.
            await page.evaluate(() => {
              window.__benchDone = new Promise((resolve) => {
                window.PagedConfig = {after: (flow) => resolve({total: flow.total, ms: flow.performance})}
              })
            })
            await page.addScriptTag({path: polyfillFile})
            const flow = await page.evaluate(() => window.__benchDone)
            const pdf = await page.pdf({preferCSSPageSize: true, printBackground: true, timeout: TIMEOUT_MS})
            return {pdf, extra: {laidOut: flow.total, pagedS: flow.ms / 1000}}
          } finally {
            await page.close()
          }
        },
        async teardown() {
          await browser.close()
        }
      }
    },

    /** (d) The floor: Chromium's own print of the same HTML, no pagination script. */
    raw: (project) => {
      let browser
      return {
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
  }

  const ask = (message) =>
    new Promise((resolve) => {
      process.once('message', resolve)
      process.send(message)
    })
  const job = await ask({type: 'ready'})
  const method = methods[job.method](job.project)
  if (method.setup) await method.setup()
  try {
    const rounds = []
    let last
    const first = job.first ?? (job.warmup ? -1 : 0)
    gc()
    for (let round = first; round < first + job.rounds + (job.warmup ? 1 : 0); round++) {
      // Waits for the parent's go: the parent interleaves the rounds of the four methods.
      await ask({type: 'start', round})
      const start = performance.now()
      last = await method.run()
      const seconds = (performance.now() - start) / 1000
      // Collect now, before the parent lets another method run.
      gc()
      await ask({type: 'end', round, seconds})
      if (round >= 0) rounds.push({seconds, ...last.extra})
    }
    const pages = (await PDFDocument.load(last.pdf, {updateMetadata: false})).getPageCount()
    if (method.teardown) await method.teardown()
    process.send({type: 'done', rounds, pages, bytes: last.pdf.length})
  } catch (error) {
    if (method.teardown) await method.teardown().catch(() => {})
    throw error
  }
  process.disconnect()
}

// =============================================================================================
// Parent: projects, the child runs, memory and CPU sampling, the report.

/** Everything a process tree uses, from /proc: VmRSS (kB) and CPU ticks of `root` and its descendants. */
function treeSample(root) {
  const children = new Map()
  const cpuOf = new Map()
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    let stat
    try {
      stat = readFileSync(`/proc/${name}/stat`, 'utf8')
    } catch {
      continue
    }
    // Fields after "(comm)": state ppid … utime (14th field of the line) stime (15th).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    const ppid = Number(fields[1])
    if (!children.has(ppid)) children.set(ppid, [])
    children.get(ppid).push(Number(name))
    cpuOf.set(Number(name), Number(fields[11]) + Number(fields[12]))
  }
  const rssKb = (pid) => {
    try {
      return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0)
    } catch {
      return 0
    }
  }
  const node = rssKb(root)
  let browser = 0
  const cpu = new Map([[root, cpuOf.get(root) ?? 0]])
  const stack = [...(children.get(root) ?? [])]
  while (stack.length) {
    const pid = stack.pop()
    browser += rssKb(pid)
    cpu.set(pid, cpuOf.get(pid) ?? 0)
    stack.push(...(children.get(pid) ?? []))
  }
  return {node, browser, total: node + browser, cpu, cpuOf}
}

/**
 * PSS (kB) of the same processes: each shared page counted once, split between its users. Summed
 * RSS counts Chromium's shared libraries and shared memory once per process (an idle headless
 * Chromium with one page: ~370 MB of summed RSS for ~140 MB of PSS). Slower to read than VmRSS,
 * so only read when the RSS reaches a new peak.
 */
function treePss(pids) {
  let pss = 0
  for (const pid of pids) {
    try {
      pss += Number(/^Pss:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1] ?? 0)
    } catch {
      // The process ended.
    }
  }
  return pss
}

/**
 * Samples a process tree every 50 ms: its peak RSS, and the CPU time that other processes (not
 * the tree, not this parent) used meanwhile, a sign of a noisy machine. The latter is counted
 * between consecutive samples of each process, so processes living under 50 ms are missed.
 */
function startSampler(root) {
  const ticksPerSecond = 100 // USER_HZ on Linux
  const started = performance.now()
  let previous = new Map()
  let otherTicks = 0
  const otherByPid = new Map()
  let peak = {node: 0, browser: 0, total: 0, pss: undefined}
  const sample = () => {
    const s = treeSample(root)
    for (const [pid, ticks] of s.cpuOf) {
      if (s.cpu.has(pid) || pid === process.pid || !previous.has(pid)) continue
      const delta = Math.max(0, ticks - previous.get(pid))
      otherTicks += delta
      if (delta) otherByPid.set(pid, (otherByPid.get(pid) ?? 0) + delta)
    }
    previous = s.cpuOf
    if (s.total > peak.total) {
      // PSS only when the RSS peak grows by 8 MB or more: smaps_rollup walks every mapping.
      const pss = s.total > peak.total + 8192 || peak.pss === undefined ? treePss(s.cpu.keys()) : peak.pss
      peak = {...s, pss}
    }
  }
  sample()
  const timer = setInterval(sample, 50)
  return () => {
    sample()
    clearInterval(timer)
    const seconds = (performance.now() - started) / 1000
    // The busiest other process, by name, to say where the noise came from.
    const [busiest] = [...otherByPid].sort((a, b) => b[1] - a[1])
    let otherTop
    if (busiest) {
      let name = '?'
      try {
        name = readFileSync(`/proc/${busiest[0]}/cmdline`, 'utf8').split('\0').join(' ').trim().slice(0, 60) || readFileSync(`/proc/${busiest[0]}/comm`, 'utf8').trim()
      } catch {
        // Gone.
      }
      otherTop = `pid ${busiest[0]} ${name} (${(busiest[1] / ticksPerSecond / seconds).toFixed(2)} cores)`
    }
    return {totalMb: peak.total / 1024, nodeMb: peak.node / 1024, browserMb: peak.browser / 1024, pssMb: peak.pss / 1024, otherCores: otherTicks / ticksPerSecond / seconds, otherTop}
  }
}

/**
 * One method in its own child process (fork). The child asks before each round; `round()` lets it
 * run one, sampling its process tree meanwhile, so that the parent decides the order of rounds
 * across methods. `finish()` waits for the page count and for the child to exit.
 */
class MethodProcess {
  constructor(job) {
    this.job = job
    this.waiting = [] // resolvers for the child's next message
    this.inbox = []
    this.child = fork(fileURLToPath(import.meta.url), ['--child'], {execArgv: ['--expose-gc'], stdio: ['ignore', 'inherit', 'inherit', 'ipc']})
    this.exited = new Promise((resolve) => this.child.on('exit', resolve))
    this.child.on('message', (message) => {
      if (message.type === 'ready') this.child.send(job)
      else if (this.waiting.length) this.waiting.shift()(message)
      else this.inbox.push(message)
    })
    this.child.on('exit', (code) => {
      for (const resolve of this.waiting.splice(0)) resolve({type: 'exit', code})
      this.inbox.push({type: 'exit', code})
    })
  }

  next() {
    return this.inbox.length ? Promise.resolve(this.inbox.shift()) : new Promise((resolve) => this.waiting.push(resolve))
  }

  async expect(type) {
    const message = await this.next()
    if (message.type !== type) throw new Error(`${this.job.method}: expected ${type} from the child, got ${message.type}${message.code != null ? ` (exit code ${message.code})` : ''}`)
    return message
  }

  /** Lets the child run its next round; returns {round, seconds, peak}. */
  async round() {
    const {round} = await this.expect('start')
    const stop = startSampler(this.child.pid)
    this.child.send('go')
    const {seconds} = await this.expect('end')
    const peak = stop()
    this.child.send('next')
    return {round, seconds, peak}
  }

  async finish() {
    const done = await this.expect('done')
    const code = await this.exited
    if (code !== 0) throw new Error(`${this.job.method} failed (exit code ${code})`)
    return done
  }
}

function parseArgs(argv) {
  const options = {rounds: 3, roundsLargest: 1, warmupLargest: false, sizes: [30, 100, 300], keep: false}
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === '--keep') options.keep = true
    else if (arg === '--rounds') options.rounds = Number(argv[++i])
    else if (arg === '--rounds-300') options.roundsLargest = Number(argv[++i])
    else if (arg === '--warmup-300') options.warmupLargest = true
    else if (arg === '--sizes') options.sizes = argv[++i].split(',').map(Number)
  }
  return options
}

/** What build() passes to finalizePdf (its pdfMetadata and headingTexts are not exported). */
async function metadataOf(model) {
  const {toString} = await import('mdast-util-to-string')
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
    date: new Date(Date.UTC(year, (month ?? 1) - 1, day ?? 1)).toISOString(),
    creator: 'rapporteur',
    headings
  }
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

const METHODS = [
  ['rapporteur', 'rapporteur build()'],
  ['rapporteur_paginate', 'rapporteur renderPdf+finalize'],
  ['pagedjs', 'stock Paged.js polyfill'],
  ['raw', 'raw Chromium print']
]

if (!isChild) {
  const options = parseArgs(process.argv.slice(2))
  const {check} = await import('../dist/index.js')
  const {resolveBrowser} = await import('../dist/print/browser.js')
  const {generateBuildProject} = await import('./generate-build.js')
  const resolved = await resolveBrowser({env: process.env})
  const largestSize = Math.max(...options.sizes)
  const results = []
  const started = performance.now()
  console.log(`browser: ${resolved.executablePath} (${resolved.source}); node ${process.version}; ${options.rounds} rounds after 1 warm-up (${options.roundsLargest} round${options.roundsLargest === 1 ? '' : 's'}${options.warmupLargest ? ' after 1 warm-up' : ', no warm-up'} at ${largestSize} pages)`)

  for (const size of options.sizes) {
    const dir = mkdtempSync(join(tmpdir(), `rapporteur-bench-build-${size}-`))
    const corpus = generateBuildProject({dir, pages: size})
    const checked = await check(dir)
    if (!checked.ok) throw new Error(`check could not run on the generated project in ${dir}`)
    const counts = {error: 0, warning: 0, info: 0}
    for (const file of checked.files) for (const message of file.messages) counts[message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info']++
    if (counts.error > 0) throw new Error(`check found ${counts.error} errors in the generated project ${dir}`)
    const outDir = join(dir, 'dist')
    const project = {dir, outDir, printDir: join(outDir, '.print'), htmlFile: join(outDir, '.print', 'rapport.html'), meta: await metadataOf(checked.model)}
    console.log(`\n~${size} pages: ${corpus.chapters} chapters + glossary, ${(corpus.markdownBytes / 1024).toFixed(0)} KB of Markdown, ${checked.model.citations.length} citations; check: ${counts.error} errors, ${counts.warning} warnings`)

    const largest = size === largestSize
    const rounds = largest ? options.roundsLargest : options.rounds
    const warmup = largest ? options.warmupLargest : true
    // Rounds are interleaved: warm-up of every method, then round 1 of every method, and so on,
    // so that a slow minute on the machine does not fall on one method only. The build goes first
    // in each pass: its first run writes the print HTML the other three read. The build gets a
    // fresh process for every round, as `rapporteur build` runs (lazy imports and caches, such as
    // citation-js formatting the sources once per process, are cold each time); the other three
    // keep one process and one browser for all their rounds.
    const state = Object.fromEntries(METHODS.map(([key, name]) => [key, {key, name, runs: [], extras: [], pages: 0}]))
    const first = warmup ? -1 : 0
    const processes = {}
    for (let round = first; round < rounds; round++) {
      const pass = []
      for (const [key, name] of METHODS) {
        const entry = state[key]
        let run
        if (key === 'rapporteur') {
          const proc = new MethodProcess({method: key, project, rounds: 1, warmup: false, first: round})
          run = await proc.round()
          const done = await proc.finish()
          entry.extras.push(...done.rounds)
          entry.pages = done.pages
        } else {
          processes[key] ??= new MethodProcess({method: key, project, rounds, warmup})
          run = await processes[key].round()
          if (round === rounds - 1) {
            const done = await processes[key].finish()
            entry.extras.push(...done.rounds)
            entry.pages = done.pages
          }
        }
        if (round >= 0) entry.runs.push(run)
        pass.push(`${name} ${run.seconds.toFixed(2)} s`)
      }
      console.log(`  ${round < 0 ? 'warm-up' : `round ${round + 1}/${rounds}`}: ${pass.join(', ')}`)
    }
    const measured = []
    for (const [key, name] of METHODS) {
      const entry = state[key]
      const times = entry.runs.map((run) => run.seconds)
      const peak = entry.runs.map((run) => run.peak).reduce((a, b) => (b.totalMb > a.totalMb ? b : a))
      const otherCores = Math.max(...entry.runs.map((run) => run.peak.otherCores))
      const noisiest = entry.runs.find((run) => run.peak.otherCores === otherCores)?.peak.otherTop
      measured.push({key, name, times, median: median(times), min: Math.min(...times), max: Math.max(...times), pages: entry.pages, peak, otherCores, noisiest, last: entry.extras.at(-1)})
    }
    const htmlKb = readFileSync(project.htmlFile).length / 1024
    results.push({size, corpus, measured, htmlKb, rounds, citations: checked.model.citations.length})
    if (!options.keep) rmSync(dir, {recursive: true, force: true})
    else console.log(`  project kept in ${dir}`)
  }

  // -------------------------------------------------------------------------------------------
  // Report.

  const get = (result, key) => result.measured.find((m) => m.key === key)
  const noisy = []
  console.log('')
  for (const result of results) {
    const build = get(result, 'rapporteur')
    const paginate = get(result, 'rapporteur_paginate')
    const stock = get(result, 'pagedjs')
    const raw = get(result, 'raw')
    console.log(`### ~${result.size} pages (${build.pages} pages, print HTML ${result.htmlKb.toFixed(0)} KB, ${result.rounds} round${result.rounds === 1 ? '' : 's'})`)
    console.log('')
    console.log(`| ${'method'.padEnd(30)} | median s |   min s |   max s | pages | peak MB | (node + chromium) | PSS MB | other load |`)
    console.log(`|${'-'.repeat(32)}|---------:|--------:|--------:|------:|--------:|------------------:|-------:|-----------:|`)
    for (const m of result.measured) {
      if (m.otherCores > 0.25) noisy.push(`${m.name} at ~${result.size} pages (busiest: ${m.noisiest})`)
      console.log(
        `| ${m.name.padEnd(30)} | ${m.median.toFixed(2).padStart(8)} | ${m.min.toFixed(2).padStart(7)} | ${m.max.toFixed(2).padStart(7)} | ${String(m.pages).padStart(5)} | ${m.peak.totalMb.toFixed(0).padStart(7)} | ${`${m.peak.nodeMb.toFixed(0)} + ${m.peak.browserMb.toFixed(0)}`.padStart(17)} | ${m.peak.pssMb.toFixed(0).padStart(6)} | ${`${m.otherCores.toFixed(2)} cores`.padStart(10)} |`
      )
    }
    console.log('')
    console.log(`build() stages (last round, s): ${Object.entries(build.last.steps).map(([k, v]) => `${k} ${v.toFixed(2)}`).join(', ')}`)
    console.log(`renderPdf+finalize steps (last round, s): ${Object.entries(paginate.last.steps).map(([k, v]) => `${k} ${v.toFixed(2)}`).join(', ')}`)
    console.log(`stock Paged.js: in-page layout (flow.performance) ${stock.last.pagedS.toFixed(2)} s for ${stock.last.laidOut} pages`)
    console.log(`ratios: rapporteur build / stock Paged.js ${(build.median / stock.median).toFixed(2)}x, / raw ${(build.median / raw.median).toFixed(2)}x; renderPdf+finalize / stock Paged.js ${(paginate.median / stock.median).toFixed(2)}x, / raw ${(paginate.median / raw.median).toFixed(2)}x`)
    console.log('')
  }

  const big = results.find((r) => r.size === 300) ?? results.at(-1)
  const mid = results.find((r) => r.size === 100) ?? results.at(-2)
  const comparable = big && mid && big !== mid
  const growth = (key) => (comparable ? get(big, key).median / get(mid, key).median : null)
  const pageGrowth = comparable ? get(big, 'rapporteur').pages / get(mid, 'rapporteur').pages : null
  if (comparable) {
    console.log(`growth ~${mid.size} → ~${big.size} pages: pages ×${pageGrowth.toFixed(2)}; time ${METHODS.map(([key, name]) => `${name} ×${growth(key).toFixed(2)}`).join(', ')}`)
  }
  const verdict = (ok) => (ok ? 'OK' : 'MISSED')
  const goals = (key) => {
    const m = get(big, key)
    const vsPaged = m.median / get(big, 'pagedjs').median
    const vsRaw = m.median / get(big, 'raw').median
    return {vsPaged, vsRaw, growth: growth(key), peak: m.peak.totalMb}
  }
  for (const [key, name] of METHODS.slice(0, 2)) {
    const g = goals(key)
    console.log(
      `goals at ~${big.size} pages, ${name}: / stock Paged.js ${g.vsPaged.toFixed(2)}x (<= 0.5) ${verdict(g.vsPaged <= 0.5)}; / raw ${g.vsRaw.toFixed(2)}x (<= 4) ${verdict(g.vsRaw <= 4)}; ` +
        `growth ×${g.growth?.toFixed(2) ?? '?'} for pages ×${pageGrowth?.toFixed(2) ?? '?'} ${g.growth == null ? '?' : verdict(g.growth <= pageGrowth)}; peak ${g.peak.toFixed(0)} MB (< 600) ${verdict(g.peak < 600)}`
    )
  }
  if (noisy.length) console.log(`warning: other processes used more than a quarter of a core during: ${noisy.join(', ')}; those times are inflated`)
  console.log(`total ${((performance.now() - started) / 1000).toFixed(0)} s; node ${process.version}; ${resolved.source} Chromium`)

  const round3 = (x) => (x == null ? null : Number(x.toFixed(3)))
  const g = goals('rapporteur')
  console.log(
    JSON.stringify({
      sizes: results.map((result) => ({
        pages: get(result, 'rapporteur').pages,
        rapporteur_s: round3(get(result, 'rapporteur').median),
        rapporteur_paginate_s: round3(get(result, 'rapporteur_paginate').median),
        pagedjs_s: round3(get(result, 'pagedjs').median),
        raw_s: round3(get(result, 'raw').median),
        rapporteur_peak_mb: Math.round(get(result, 'rapporteur').peak.totalMb),
        rapporteur_paginate_peak_mb: Math.round(get(result, 'rapporteur_paginate').peak.totalMb),
        pagedjs_peak_mb: Math.round(get(result, 'pagedjs').peak.totalMb),
        raw_peak_mb: Math.round(get(result, 'raw').peak.totalMb),
        rapporteur_peak_pss_mb: Math.round(get(result, 'rapporteur').peak.pssMb),
        pagedjs_pages: get(result, 'pagedjs').pages,
        raw_pages: get(result, 'raw').pages,
        rounds: result.rounds
      })),
      ratio_vs_pagedjs_300: round3(g.vsPaged),
      ratio_vs_raw_300: round3(g.vsRaw),
      growth_pages: round3(pageGrowth),
      growth_rapporteur: round3(growth('rapporteur')),
      growth_rapporteur_paginate: round3(growth('rapporteur_paginate')),
      growth_pagedjs: round3(growth('pagedjs')),
      growth_raw: round3(growth('raw'))
    })
  )
}
