#!/usr/bin/env node
/**
 * Benchmark: making the PDF of a report, rapporteur against stock Paged.js and a raw Chromium print
 * of the same HTML, at about 30, 100 and 300 A4 pages.
 *
 *   npm run bench:build                  # builds dist/ first, then runs this file
 *   node --expose-gc bench/build.js [--rounds 3] [--rounds-300 1] [--warmup-300] [--sizes 30,100,300] [--keep]
 *
 * For each size, bench/generate-build.js writes a project (checked: no errors), then seven methods
 * make its PDF (eight with WeasyPrint):
 *
 * (a) rapporteur, whole build: `build(dir, {formats: ['pdf'], editions: ['full']})` from
 *     `import('rapporteur')` (the package's entry, dist/package-entry.js, as a program using
 *     rapporteur loads it; the import is timed with the build: check, render, browser launch,
 *     Paged.js with our handlers, preflight, page.pdf, finalizePdf, write), with `<out>/.print/*.sha256` deleted first so that it renders,
 *     and one chapter in the middle edited (a sentence no build has seen), as a writer rebuilds:
 *     the tree cache, the citation store and the layout store on, as the CLI has them (the
 *     project's check and an HTML build before the rounds wrote them), so the other chapters are
 *     not parsed again, the citations, unchanged, not formatted again, and the parts of the other
 *     chapters not laid out again.
 * (a'') the same rebuild by the CLI, `rapporteur build --format pdf --edition full`, a process of its
 *     own timed from spawn to exit: what the user waits for (the bundle, its code cache).
 * (a') the same build cold: no caches, every file parsed, every citation formatted, every part
 *     laid out, as a first build, right after (a''), on the text its edit left. Its PDF must be
 *     (a'')'s, byte for byte, or the run says so.
 * (b) rapporteur, pagination only: `renderPdf` + `finalizePdf` on the print HTML (a) wrote
 *     (`<out>/.print/rapport.html`), in one browser for all rounds. Its steps are wall-clock phases
 *     (renderPdf lays parts out in several pages at once, so the calls on its pages overlap).
 * (b') the same in one part and one page (`partChars: Infinity, workers: 1`): what the parts bring.
 * (c) stock Paged.js: the same HTML (with the element numbering renderPdf adds, so the note calls
 *     read the same; `<out>/.print/rapport.numbered.html`) in the same Chromium, `paged.polyfill.js` injected after load,
 *     done when the polyfill's `after` hook fires, then `page.pdf({preferCSSPageSize, printBackground})`.
 *     Launched drawing frames (`frames: true`, Chromium's default): stock Paged.js's queue runs a
 *     page per animation frame and waits for ever without them (src/print/browser.ts).
 * (d) raw print: the same HTML, no script, `page.pdf({format: 'A4', printBackground})`, in a
 *     browser launched like (c)'s.
 *
 * Each method runs in its own child Node process (fork), so that one method's heap does not count
 * in another's memory: (b), (b'), (c) and (d) keep one process and one browser for all their rounds, (a)
 * and (a') get a fresh process per round, as the CLI would. One untimed warm-up, then N rounds (1 and no
 * warm-up at the largest size unless asked), interleaved across the methods, a fresh page per
 * round. Medians are reported. While a round runs, this (parent) process samples every 50 ms the
 * VmRSS of the child and of all its descendants (the Chromium processes), their PSS at each new
 * RSS peak and every half second, and the CPU time of every other process on the machine (to flag noisy rounds). The last
 * line of output is one JSON object, for scripts.
 */
import {createHash, randomBytes} from 'node:crypto'
import {execFile, execFileSync, fork} from 'node:child_process'
import {promisify} from 'node:util'
import {appendFileSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {tmpdir} from 'node:os'
import {basename, dirname, join} from 'node:path'
import {performance} from 'node:perf_hooks'
import {fileURLToPath, pathToFileURL} from 'node:url'

const TIMEOUT_MS = 900_000
const isChild = process.argv.includes('--child')
const execFileAsync = promisify(execFile)

/** WeasyPrint's command, where it is installed (Debian: apt-get install weasyprint); its row is left out otherwise. */
const WEASYPRINT = process.env.WEASYPRINT ?? 'weasyprint'
const hasWeasyPrint = (() => {
  try {
    execFileSync(WEASYPRINT, ['--version'], {stdio: 'ignore'})
    return true
  } catch {
    return false
  }
})()

// =============================================================================================
// Child: one method, its warm-up and rounds, each when the parent says go; the child times each round.

if (isChild) {
  const {PDFDocument} = await import('pdf-lib')
  // (a) and (a') import the package in their round, in a fresh process, timed: see `importRapporteur`.
  const importRapporteur = () => import('rapporteur')
  const {launchBrowser, resolveBrowser} = await import('../dist/print/browser.js')
  const {finalizePdf} = await import('../dist/print/finalize-pdf.js')
  const {renderPdf} = await import('../dist/print/paginate.js')
  const gc = globalThis.gc ?? (() => {})
  const polyfillFile = join(dirname(createRequire(import.meta.url).resolve('pagedjs')), '..', 'dist', 'paged.polyfill.js')
  const resolved = await resolveBrowser({env: process.env})
  const launch = (options = {}) => launchBrowser(resolved, {timeoutMs: 60_000, ...options})

  const {installMergeScript, partResultScript} = await import('../dist/print/browser-side/parts.js')
  const {partPlacesScript} = await import('../dist/print/browser-side/part-print.js')
  const {preflightScript} = await import('../dist/print/browser-side/preflight.js')

  /**
   * What one `page.evaluate` of renderPdf does, from its script: the merge is installMergeScript,
   * then a function calling `rapporteurMerge.append` per part, then one calling `rapporteurMerge.finish`;
   * the print part by part (src/print/print-parts.ts) starts with partPlacesScript, then shows,
   * numbers and resolves each part (`rapporteurPartPrint`) before its preflight and `page.pdf`.
   */
  const evaluateLabel = (script) => {
    if (typeof script === 'function') {
      const source = String(script)
      if (source.includes('rapporteurMerge.append')) return 'merge-append'
      if (source.includes('rapporteurMerge.finish')) return 'merge-finish'
      if (source.includes('rapporteurPartPrint')) return 'part-print'
      return 'evaluate'
    }
    if (typeof script !== 'string') return 'evaluate'
    if (script === installMergeScript) return 'merge-install'
    if (script === partPlacesScript) return 'part-places'
    if (script.includes('window.rapporteurPartPrint =')) return 'part-print'
    if (script === preflightScript) return 'preflight'
    if (script === partResultScript) return 'collect'
    if (script.includes('Paged.Previewer')) return 'paged.js'
    return 'evaluate'
  }

  /**
   * Wraps the browser renderPdf is given, to mark the calls it makes on its pages without touching
   * src/: every newPage, and on each page goto, addScriptTag, evaluate (labelled by script), pdf
   * and close, each as {label, page, start, end}. renderPdf lays parts out in several pages at once
   * and reuses them, so these marks overlap: they are turned into wall-clock phases, not summed.
   */
  const timedBrowser = (browser, marks) => {
    const proxy = Object.create(browser)
    let opened = 0
    proxy.newPage = async (...args) => {
      const start = performance.now()
      const id = opened++
      const page = await browser.newPage(...args)
      marks.push({label: 'newPage', page: id, start, end: performance.now()})
      for (const method of ['goto', 'addScriptTag', 'evaluate', 'pdf', 'close']) {
        const original = page[method].bind(page)
        page[method] = async (...callArgs) => {
          const begin = performance.now()
          try {
            return await original(...callArgs)
          } finally {
            const label = method === 'evaluate' ? evaluateLabel(callArgs[0]) : method === 'addScriptTag' ? 'inject' : method
            marks.push({label, page: id, start: begin, end: performance.now()})
          }
        }
      }
      return page
    }
    return proxy
  }

  /**
   * renderPdf's wall-clock phases, from its marks: start → first newPage (read, split, write the
   * part files), → start of the merge (open pages, lay out every part, collect, relayouts), the
   * merge, the preflight, page.pdf, → renderPdf's return (close pages, remove the part files),
   * then finalizePdf; `other` is what falls between them. A document printed part by part has,
   * after the layout, `print parts` (each part shown, numbered, resolved, read by the preflight and
   * printed, or taken as printed before; of it, the preflights' and the prints' sums in brackets)
   * and `join+close` (the PDFs joined, the pages closed) instead of the merge, preflight and pdf.
   */
  const phasesOf = (marks, start, rendered, end) => {
    const only = (label) => {
      const found = marks.filter((mark) => mark.label === label)
      if (found.length !== 1) throw new Error(`renderPdf made ${found.length} '${label}' calls, expected 1: bench/build.js no longer matches src/print/paginate.ts`)
      return found[0]
    }
    const opens = marks.filter((mark) => mark.label === 'newPage')
    if (!opens.length) throw new Error('renderPdf opened no page: bench/build.js no longer matches src/print/paginate.ts')
    const firstOpen = Math.min(...opens.map((mark) => mark.start))
    const inParts = marks.some((mark) => mark.label === 'part-places')
    const seconds = (from, to) => (to - from) / 1000
    const summed = (label) => marks.filter((mark) => mark.label === label).reduce((sum, mark) => sum + (mark.end - mark.start) / 1000, 0)
    let steps
    if (inParts) {
      const printStart = only('part-places').start
      const printEnd = Math.max(printStart, ...marks.filter((mark) => mark.label === 'pdf' || mark.label === 'part-print' || mark.label === 'preflight').map((mark) => mark.end))
      steps = {
        'split+write': seconds(start, firstOpen),
        'layout parts': seconds(firstOpen, printStart),
        'print parts': seconds(printStart, printEnd),
        'join+close': seconds(printEnd, rendered),
        finalizePdf: seconds(rendered, end)
      }
      steps.other = seconds(start, end) - Object.values(steps).reduce((a, b) => a + b, 0)
      steps['(preflights'] = summed('preflight')
      steps['pdfs)'] = summed('pdf')
    } else {
      const merge = {start: only('merge-install').start, end: only('merge-finish').end}
      const preflight = only('preflight')
      const pdf = only('pdf')
      steps = {
        'split+write': seconds(start, firstOpen),
        'layout parts': seconds(firstOpen, merge.start),
        merge: seconds(merge.start, merge.end),
        preflight: seconds(preflight.start, preflight.end),
        pdf: seconds(pdf.start, pdf.end),
        'close+cleanup': seconds(pdf.end, rendered),
        finalizePdf: seconds(rendered, end)
      }
      steps.other = seconds(start, end) - Object.values(steps).reduce((a, b) => a + b, 0)
    }
    // The Paged.js runs (one per part, plus relayouts): the longest bounds 'layout parts' from below;
    // their sum against 'layout parts' shows how much they overlapped.
    const runs = marks.filter((mark) => mark.label === 'paged.js').map((mark) => (mark.end - mark.start) / 1000)
    return {steps, pagesOpened: opens.length, pagedRuns: runs.length, pagedLongest: Math.max(0, ...runs), pagedSummed: runs.reduce((a, b) => a + b, 0)}
  }

  /** renderPdf (with `renderOptions`) + finalizePdf on the print HTML the build wrote, one browser for all rounds. */
  const paginateMethod = (project, renderOptions) => {
    let browser
    const meta = {...project.meta, date: new Date(project.meta.date)}
    return {
      async setup() {
        browser = await launch()
      },
      async run() {
        const marks = []
        const start = performance.now()
        const result = await renderPdf(timedBrowser(browser, marks), {htmlFile: project.htmlFile, root: project.outDir, timeoutMs: TIMEOUT_MS, ...renderOptions})
        const rendered = performance.now()
        // finalizePdf parses the PDF anyway: its page count spares the child a second pdf-lib load.
        let pages
        const pdf = await finalizePdf(result.pdf, {...meta, onPageCount: (count) => (pages = count)})
        const end = performance.now()
        return {pdf, pages, extra: {...phasesOf(marks, start, rendered, end), parts: result.parts, laidOut: result.pageCount, problems: result.problems.length}}
      },
      async teardown() {
        await browser.close()
      }
    }
  }

  /**
   * A baseline method: one browser for all rounds, and each round a fresh page that has loaded the
   * numbered print HTML, given to `print`, then closed.
   */
  const pageMethod = (project, print) => {
    let browser
    return {
      async setup() {
        // Chromium as it comes: stock Paged.js needs its animation frames (see (c) above).
        browser = await launch({frames: true})
      },
      async run() {
        const page = await browser.newPage()
        try {
          page.setDefaultTimeout(TIMEOUT_MS)
          await page.goto(pathToFileURL(project.numberedHtmlFile).href, {waitUntil: 'load'})
          return await print(page)
        } finally {
          await page.close()
        }
      },
      async teardown() {
        await browser.close()
      }
    }
  }

  const methods = {
    /** (a) The real build, as the CLI runs it for `--format pdf --edition full`. */
    rapporteur: (project) => ({
      async run() {
        if (existsSync(project.printDir)) for (const file of readdirSync(project.printDir)) if (file.endsWith('.sha256')) rmSync(join(project.printDir, file))
        // A writer's rebuild: one chapter in the middle edited (a sentence no build has seen added
        // at its end), so that it is parsed and its part laid out again, and the others are read
        // from the tree cache and the layout store; the citations are those of the last build,
        // read from the citation store.
        editChapter(project.editedFile)
        // build() reports its stages (check, render, browser, paginate, done): time between them.
        const stages = []
        const onProgress = (stage) => stages.push({stage, at: performance.now()})
        onProgress('import')
        const {build} = await importRapporteur()
        onProgress('start')
        const result = await build(project.dir, {formats: ['pdf'], editions: ['full'], timeoutMs: TIMEOUT_MS, onProgress, treeCache: true, citationCache: true, hyphenationCache: true, layoutCache: true, env: {...process.env, RAPPORTEUR_CACHE: project.cacheDir}})
        if (!result.ok) throw new Error(`build failed: ${result.reason}`)
        const edition = result.editions[0]
        if (edition.cached) throw new Error('build used its cache: the .sha256 files were not removed')
        const steps = {}
        for (let i = 1; i < stages.length; i++) steps[stages[i - 1].stage] = (steps[stages[i - 1].stage] ?? 0) + (stages[i].at - stages[i - 1].at) / 1000
        const labels = {import: 'import rapporteur', start: 'setup', check: 'check', render: 'render (print HTML)', paginate: 'renderPdf + finalizePdf + write'}
        return {pdf: readFileSync(edition.pdf), extra: {steps: Object.fromEntries(Object.entries(steps).map(([k, v]) => [labels[k] ?? k, v]))}}
      }
    }),

    /**
     * (a'') The same rebuild as the user runs it: `rapporteur build <dir> --format pdf --edition
     * full`, a process of its own (Node's start, the CLI's bundle with its code cache and V8
     * settings, src/cli/), timed from spawn to exit; the caches in the same folder as (a).
     */
    rapporteur_cli: (project) => ({
      async run() {
        if (existsSync(project.printDir)) for (const file of readdirSync(project.printDir)) if (file.endsWith('.sha256')) rmSync(join(project.printDir, file))
        editChapter(project.editedFile)
        const cli = join(import.meta.dirname, '..', 'bin', 'rapporteur.js')
        const output = await execFileAsync(process.execPath, [cli, 'build', project.dir, '--format', 'pdf', '--edition', 'full', '--no-progress'], {encoding: 'utf8', env: {...process.env, RAPPORTEUR_CACHE: project.cacheDir}})
        if (output.stdout.includes('up to date')) throw new Error('the CLI build used its cache: the .sha256 files were not removed')
        return {pdf: readFileSync(join(project.outDir, 'rapport.pdf')), extra: {}}
      }
    }),

    /**
     * (a') The same build with nothing kept from earlier runs: every file parsed and every citation
     * formatted (no tree cache, no citation store), as a first build or `RAPPORTEUR_TREE_CACHE=off
     * RAPPORTEUR_CITATION_CACHE=off rapporteur build` runs.
     */
    rapporteur_cold: (project) => ({
      async run() {
        if (existsSync(project.printDir)) for (const file of readdirSync(project.printDir)) if (file.endsWith('.sha256')) rmSync(join(project.printDir, file))
        const {build} = await importRapporteur()
        const result = await build(project.dir, {formats: ['pdf'], editions: ['full'], timeoutMs: TIMEOUT_MS, treeCache: false, citationCache: false, hyphenationCache: false, layoutCache: false})
        if (!result.ok) throw new Error(`build failed: ${result.reason}`)
        if (result.editions[0].cached) throw new Error('build used its cache: the .sha256 files were not removed')
        return {pdf: readFileSync(result.editions[0].pdf), extra: {}}
      }
    }),

    /** (b) renderPdf + finalizePdf on the print HTML the build wrote, one browser for all rounds. */
    rapporteur_paginate: (project) => paginateMethod(project, {}),

    /** (b') The same in one part, one page (`partChars: Infinity, workers: 1`): what the parts bring. */
    rapporteur_one_part: (project) => paginateMethod(project, {partChars: Infinity, workers: 1}),

    /** (c) Stock Paged.js: the polyfill, its own `after` hook as the "done" signal, a plain page.pdf. */
    pagedjs: (project) =>
      pageMethod(project, async (page) => {
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
      }),

    /** (d) The floor: Chromium's own print of the same HTML, no pagination script. */
    raw: (project) => pageMethod(project, async (page) => ({pdf: await page.pdf({format: 'A4', printBackground: true, timeout: TIMEOUT_MS})})),

    /**
     * (e) WeasyPrint, where it is installed: the same numbered print HTML and its stylesheets (our
     * print CSS places notes with `float: footnote`, which WeasyPrint reads too), in its own process.
     */
    weasyprint: (project) => ({
      async run() {
        const out = join(project.printDir, 'rapport.weasyprint.pdf')
        await execFileAsync(WEASYPRINT, ['--quiet', project.numberedHtmlFile, out], {maxBuffer: 64 * 1024 * 1024})
        return {pdf: readFileSync(out)}
      }
    })
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
      // Waits for the parent's go: the parent interleaves the rounds of the five methods.
      await ask({type: 'start', round})
      const start = performance.now()
      last = await method.run()
      const seconds = (performance.now() - start) / 1000
      // Collect now, before the parent lets another method run.
      gc()
      await ask({type: 'end', round, seconds})
      if (round >= 0) rounds.push({seconds, ...last.extra})
    }
    // The PDF's own page count: from finalizePdf's parse where the method has it, else pdf-lib here.
    const pages = last.pages ?? (await PDFDocument.load(last.pdf, {updateMetadata: false})).getPageCount()
    if (method.teardown) await method.teardown()
    process.send({type: 'done', rounds, pages, bytes: last.pdf.length, sha256: createHash('sha256').update(last.pdf).digest('hex')})
  } catch (error) {
    if (method.teardown) await method.teardown().catch(() => {})
    throw error
  }
  process.disconnect()
}

// =============================================================================================
// Parent: projects, the child runs, memory and CPU sampling, the report.


/**
 * The print HTML as renderPdf lays it out: every element numbered, each note's ref its note number
 * (src/print/split-parts.ts), which the theme shows as the note call. Stock Paged.js and the raw
 * print read this file, so that every method prints the same document.
 */
async function writeNumberedHtml(project) {
  const {splitParts} = await import('../dist/print/split-parts.js')
  writeFileSync(project.numberedHtmlFile, splitParts(readFileSync(project.htmlFile, 'utf8'), {partChars: Infinity}).parts[0])
}
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
 * so read when the RSS reaches a new peak and every half second besides: the moment of the most
 * summed RSS is not always that of the most PSS (three runs of the same build read 895, 901 and
 * 1,087 MB at the RSS peak alone).
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
  let peakPss = 0
  let samples = 0
  const sample = () => {
    const s = treeSample(root)
    if (samples++ % 10 === 0) peakPss = Math.max(peakPss, treePss(s.cpu.keys()))
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
      peakPss = Math.max(peakPss, pss)
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
    return {totalMb: peak.total / 1024, nodeMb: peak.node / 1024, browserMb: peak.browser / 1024, pssMb: peakPss / 1024, otherCores: otherTicks / ticksPerSecond / seconds, otherTop}
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
  const options = {rounds: 3, roundsLargest: 1, warmupLargest: false, sizes: [30, 100, 300], keep: false, sample: true}
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === '--keep') options.keep = true
    else if (arg === '--rounds') options.rounds = Number(argv[++i])
    else if (arg === '--rounds-300') options.roundsLargest = Number(argv[++i])
    else if (arg === '--warmup-300') options.warmupLargest = true
    else if (arg === '--sizes') options.sizes = argv[++i].split(',').map(Number)
    else if (arg === '--no-sample') options.sample = false
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

/**
 * The sample report as a writer builds it: `rapporteur build` (the CLI, a fresh Node process each
 * time, both editions, both formats) on a copy of report/, after deleting `dist/.print` and
 * editing the first chapter (clean: the full edition printed again, its edited part laid out, the
 * synthesis, unchanged, taken from the layout store), then again with nothing changed. One warm-up,
 * then `rounds` of each. The builds keep their caches (compiled code, Markdown trees, citations,
 * layouts) in a cache folder of their own: the warm-up writes them, as a writer's first build
 * does, and the rounds read them. And `rounds` builds with the layout store off
 * (`RAPPORTEUR_LAYOUT_CACHE=off`): every page of both editions laid out and printed again.
 */
function sampleBuilds(rounds) {
  const dir = mkdtempSync(join(tmpdir(), 'rapporteur-bench-sample-'))
  const report = join(dir, 'report')
  cpSync(join(import.meta.dirname, '..', 'report'), report, {recursive: true, filter: (source) => !source.includes('/dist')})
  const cli = join(import.meta.dirname, '..', 'bin', 'rapporteur.js')
  const run = (extra = {}) => {
    const start = performance.now()
    const env = {...process.env, RAPPORTEUR_CACHE: join(dir, 'cache'), ...extra}
    const output = execFileSync(process.execPath, [cli, 'build', report, '--no-progress'], {encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env})
    return {seconds: (performance.now() - start) / 1000, output}
  }
  const clean = []
  const unchanged = []
  const laidOut = []
  let pages = ''
  for (let round = -1; round < rounds; round++) {
    rmSync(join(report, 'dist', '.print'), {recursive: true, force: true})
    // One chapter edited (a sentence no build has seen added at its end), parsed again, the others
    // read from the tree cache the warm-up wrote, as in a writer's rebuild.
    editChapter(join(report, 'chapters', '01-alerte.md'))
    const built = run()
    pages = [...built.output.matchAll(/\((\d+) pages/gu)].map((match) => match[1]).join(' + ')
    const again = run()
    if (!again.output.includes('up to date')) throw new Error('the unchanged rebuild of the sample built again')
    if (round >= 0) {
      clean.push(built.seconds)
      unchanged.push(again.seconds)
    }
  }
  for (let round = 0; round < rounds; round++) {
    rmSync(join(report, 'dist', '.print'), {recursive: true, force: true})
    editChapter(join(report, 'chapters', '01-alerte.md'))
    const built = run({RAPPORTEUR_LAYOUT_CACHE: 'off'})
    if (built.output.includes('up to date')) throw new Error('the sample built with the layout store off took a PDF as it was')
    laidOut.push(built.seconds)
  }
  rmSync(dir, {recursive: true, force: true})
  return {clean, unchanged, laidOut, pages}
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

/**
 * Add a sentence no build has seen to the end of a chapter: the chapter is parsed, rendered and
 * laid out again, as after a writer's edit, and no cache can hold its result. Letters only: a
 * number would be a figure without a source.
 */
function editChapter(file) {
  const word = [...randomBytes(10)].map((byte) => String.fromCharCode(97 + (byte % 26))).join('')
  appendFileSync(file, `\nUne relecture ${word} du passage.\n`)
}

const METHODS = [
  ['rapporteur', 'rapporteur build()'],
  ['rapporteur_cli', 'rapporteur build (CLI)'],
  ['rapporteur_cold', 'rapporteur build(), cold'],
  ['rapporteur_paginate', 'rapporteur renderPdf+finalize'],
  ['rapporteur_one_part', 'rapporteur renderPdf, one part'],
  ['pagedjs', 'stock Paged.js polyfill'],
  ['raw', 'raw Chromium print'],
  ...(hasWeasyPrint ? [['weasyprint', 'WeasyPrint']] : [])
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

  const sample = options.sample ? sampleBuilds(options.rounds) : undefined
  if (sample) console.log(`\nsample report (${sample.pages} pages): clean build ${sample.clean.map((x) => x.toFixed(2)).join(', ')} s; unchanged ${sample.unchanged.map((x) => x.toFixed(2)).join(', ')} s; every page laid out again (layout store off) ${sample.laidOut.map((x) => x.toFixed(2)).join(', ')} s`)

  for (const size of options.sizes) {
    const dir = mkdtempSync(join(tmpdir(), `rapporteur-bench-build-${size}-`))
    const corpus = generateBuildProject({dir, pages: size})
    // The writer checked before building: the project's trees are in the cache the builds read (its own folder).
    const cacheDir = join(dir, '..', `${basename(dir)}-cache`)
    const checked = await check(dir, {treeCache: true, env: {...process.env, RAPPORTEUR_CACHE: cacheDir}})
    if (!checked.ok) throw new Error(`check could not run on the generated project in ${dir}`)
    const counts = {error: 0, warning: 0, info: 0}
    for (const file of checked.files) for (const message of file.messages) counts[message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info']++
    if (counts.error > 0) throw new Error(`check found ${counts.error} errors in the generated project ${dir}`)
    // The writer built before: the full edition's citations are in the citation store, its parts
    // in the layout store, and the CLI's compiled code in its code cache (a PDF build by the CLI).
    execFileSync(process.execPath, [join(import.meta.dirname, '..', 'bin', 'rapporteur.js'), 'build', dir, '--format', 'pdf', '--edition', 'full', '--no-progress'], {stdio: 'ignore', env: {...process.env, RAPPORTEUR_CACHE: cacheDir}})
    const outDir = join(dir, 'dist')
    const project = {dir, cacheDir, editedFile: join(dir, corpus.files[Math.floor(corpus.files.length / 2)]), outDir, printDir: join(outDir, '.print'), htmlFile: join(outDir, '.print', 'rapport.html'), numberedHtmlFile: join(outDir, '.print', 'rapport.numbered.html'), meta: await metadataOf(checked.model)}
    console.log(`\n~${size} pages: ${corpus.chapters} chapters + glossary, ${(corpus.markdownBytes / 1024).toFixed(0)} KB of Markdown, ${checked.model.citations.length} citations; check: ${counts.error} errors, ${counts.warning} warnings`)

    const largest = size === largestSize
    const rounds = largest ? options.roundsLargest : options.rounds
    const warmup = largest ? options.warmupLargest : true
    // Rounds are interleaved: warm-up of every method, then round 1 of every method, and so on,
    // so that a slow minute on the machine does not fall on one method only. The build goes first
    // in each pass: its first run writes the print HTML the others read. The two builds get a
    // fresh process for every round, as `rapporteur build` runs (lazy imports and caches, such as
    // citation-js formatting the sources once per process, are cold each time); the others keep
    // one process and one browser for all their rounds.
    const state = Object.fromEntries(METHODS.map(([key, name]) => [key, {key, name, runs: [], extras: [], pages: 0}]))
    const first = warmup ? -1 : 0
    const processes = {}
    for (let round = first; round < rounds; round++) {
      const pass = []
      for (const [key, name] of METHODS) {
        const entry = state[key]
        let run
        if (key === 'rapporteur' || key === 'rapporteur_cold') {
          const proc = new MethodProcess({method: key, project, rounds: 1, warmup: false, first: round})
          run = await proc.round()
          const done = await proc.finish()
          entry.extras.push(...done.rounds)
          entry.pages = done.pages
          entry.sha256 = done.sha256
          if (!existsSync(project.numberedHtmlFile)) await writeNumberedHtml(project)
        } else {
          processes[key] ??= new MethodProcess({method: key, project, rounds, warmup})
          run = await processes[key].round()
          if (round === rounds - 1) {
            const done = await processes[key].finish()
            entry.extras.push(...done.rounds)
            entry.pages = done.pages
            entry.sha256 = done.sha256
          }
        }
        if (round >= 0) entry.runs.push(run)
        pass.push(`${name} ${run.seconds.toFixed(2)} s`)
      }
      console.log(`  ${round < 0 ? 'warm-up' : `round ${round + 1}/${rounds}`}: ${pass.join(', ')}`)
    }
    // What the caches give back must be what parsing, formatting and laying out make: the same PDF,
    // byte for byte. The cold build runs right after the CLI's, on the text the CLI's edit left
    // (build()'s own edit, before, made another PDF).
    if (state.rapporteur_cli.sha256 !== state.rapporteur_cold.sha256) console.log('  warning: the CLI build with its caches and the cold build made different PDFs')
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
    rmSync(cacheDir, {recursive: true, force: true})
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
    const onePart = get(result, 'rapporteur_one_part')
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
    // Wall-clock phases of one renderPdf + finalizePdf (they add up to its time), and its layout.
    const phases = (m) =>
      `${Object.entries(m.last.steps).map(([k, v]) => `${k} ${v.toFixed(2)}`).join(', ')}; ` +
      `${m.last.parts} part${m.last.parts === 1 ? '' : 's'}, ${m.last.pagesOpened} page${m.last.pagesOpened === 1 ? '' : 's'} opened, ` +
      `${m.last.pagedRuns} Paged.js run${m.last.pagedRuns === 1 ? '' : 's'} (longest ${m.last.pagedLongest.toFixed(2)} s, summed ${m.last.pagedSummed.toFixed(2)} s)`
    console.log(`renderPdf+finalize phases (last round, wall s): ${phases(paginate)}`)
    console.log(`renderPdf, one part, phases (last round, wall s): ${phases(onePart)}`)
    for (const m of [paginate, onePart]) {
      if (m.last.laidOut !== m.pages) console.log(`warning: ${m.name}: the PDF has ${m.pages} pages but Paged.js laid out ${m.last.laidOut}`)
    }
    if (paginate.pages !== onePart.pages) console.log(`warning: ${paginate.pages} pages in parts against ${onePart.pages} in one part: the parts do not lay out the same document`)
    console.log(`stock Paged.js: in-page layout (flow.performance) ${stock.last.pagedS.toFixed(2)} s for ${stock.last.laidOut} pages`)
    const cold = get(result, 'rapporteur_cold')
    const cli = get(result, 'rapporteur_cli')
    console.log(`ratios: rapporteur build / stock Paged.js ${(build.median / stock.median).toFixed(2)}x, / raw ${(build.median / raw.median).toFixed(2)}x; CLI build / stock Paged.js ${(cli.median / stock.median).toFixed(2)}x, / raw ${(cli.median / raw.median).toFixed(2)}x; cold build / stock Paged.js ${(cold.median / stock.median).toFixed(2)}x, / raw ${(cold.median / raw.median).toFixed(2)}x; renderPdf+finalize / stock Paged.js ${(paginate.median / stock.median).toFixed(2)}x, / raw ${(paginate.median / raw.median).toFixed(2)}x, / one part ${(paginate.median / onePart.median).toFixed(2)}x; one part / stock Paged.js ${(onePart.median / stock.median).toFixed(2)}x, / raw ${(onePart.median / raw.median).toFixed(2)}x`)
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
    const vsPagedMid = mid ? get(mid, key).median / get(mid, 'pagedjs').median : null
    return {vsPaged, vsRaw, vsPagedMid, growth: growth(key), pss: m.peak.pssMb, stockPss: get(big, 'pagedjs').peak.pssMb}
  }
  for (const [key, name] of METHODS.slice(0, 4)) {
    const g = goals(key)
    console.log(
      `goals, ${name}: ` +
        // The ~100-page goal and the growth need both sizes (`--sizes 300` alone says so).
        (mid ? `at ~${mid.size} pages / stock Paged.js ${g.vsPagedMid?.toFixed(2) ?? '?'}x (<= 0.5) ${g.vsPagedMid == null ? '?' : verdict(g.vsPagedMid <= 0.5)}; ` : 'at ~100 pages not run; ') +
        `at ~${big.size} pages / stock Paged.js ${g.vsPaged.toFixed(2)}x (<= 0.5) ${verdict(g.vsPaged <= 0.5)}, / raw ${g.vsRaw.toFixed(2)}x (<= 4) ${verdict(g.vsRaw <= 4)}, ` +
        `growth ×${g.growth?.toFixed(2) ?? '?'} for pages ×${pageGrowth?.toFixed(2) ?? '?'} ${g.growth == null ? '?' : verdict(g.growth <= pageGrowth)}, peak PSS ${g.pss.toFixed(0)} MB (<= stock Paged.js's ${g.stockPss.toFixed(0)} MB) ${verdict(g.pss <= g.stockPss)}`
    )
  }
  if (hasWeasyPrint) for (const result of results) console.log(`WeasyPrint at ~${result.size} pages: rapporteur build() / WeasyPrint ${(get(result, 'rapporteur').median / get(result, 'weasyprint').median).toFixed(2)}x (${get(result, 'weasyprint').pages} pages)`)
  else console.log('WeasyPrint: not installed (apt-get install weasyprint, or WEASYPRINT=/path/to/weasyprint): its row is left out')
  if (sample) {
    const clean = median(sample.clean)
    const unchanged = median(sample.unchanged)
    console.log(`sample report (${sample.pages} pages, both editions, both formats, \`rapporteur build\`): clean ${clean.toFixed(2)} s (< 2.5) ${verdict(clean < 2.5)}; unchanged ${unchanged.toFixed(2)} s (< 1) ${verdict(unchanged < 1)}; every page laid out again (layout store off) ${median(sample.laidOut).toFixed(2)} s`)
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
        rapporteur_cli_s: round3(get(result, 'rapporteur_cli').median),
        rapporteur_cold_s: round3(get(result, 'rapporteur_cold').median),
        rapporteur_paginate_s: round3(get(result, 'rapporteur_paginate').median),
        rapporteur_one_part_s: round3(get(result, 'rapporteur_one_part').median),
        rapporteur_paginate_parts: get(result, 'rapporteur_paginate').last.parts,
        pagedjs_s: round3(get(result, 'pagedjs').median),
        raw_s: round3(get(result, 'raw').median),
        rapporteur_peak_mb: Math.round(get(result, 'rapporteur').peak.totalMb),
        rapporteur_paginate_peak_mb: Math.round(get(result, 'rapporteur_paginate').peak.totalMb),
        rapporteur_one_part_peak_mb: Math.round(get(result, 'rapporteur_one_part').peak.totalMb),
        pagedjs_peak_mb: Math.round(get(result, 'pagedjs').peak.totalMb),
        raw_peak_mb: Math.round(get(result, 'raw').peak.totalMb),
        rapporteur_peak_pss_mb: Math.round(get(result, 'rapporteur').peak.pssMb),
        pagedjs_peak_pss_mb: Math.round(get(result, 'pagedjs').peak.pssMb),
        weasyprint_s: hasWeasyPrint ? round3(get(result, 'weasyprint').median) : null,
        weasyprint_pages: hasWeasyPrint ? get(result, 'weasyprint').pages : null,
        pagedjs_pages: get(result, 'pagedjs').pages,
        raw_pages: get(result, 'raw').pages,
        rounds: result.rounds
      })),
      sample_clean_s: sample ? round3(median(sample.clean)) : null,
      sample_unchanged_s: sample ? round3(median(sample.unchanged)) : null,
      sample_laid_out_s: sample ? round3(median(sample.laidOut)) : null,
      ratio_vs_pagedjs_100: round3(g.vsPagedMid),
      ratio_vs_pagedjs_300: round3(g.vsPaged),
      ratio_vs_raw_300: round3(g.vsRaw),
      growth_pages: round3(pageGrowth),
      growth_rapporteur: round3(growth('rapporteur')),
      growth_rapporteur_cli: round3(growth('rapporteur_cli')),
      growth_rapporteur_cold: round3(growth('rapporteur_cold')),
      growth_rapporteur_paginate: round3(growth('rapporteur_paginate')),
      growth_rapporteur_one_part: round3(growth('rapporteur_one_part')),
      growth_pagedjs: round3(growth('pagedjs')),
      growth_raw: round3(growth('raw'))
    })
  )
}
