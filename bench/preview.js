#!/usr/bin/env node
/**
 * Benchmark: how long from saving a chapter to seeing the change in the browser, with
 * `rapporteur preview` on the sample report.
 *
 *   npm run bench:preview                  # builds dist/ first, then runs this file
 *   node bench/preview.js [--runs 9] [--chapter chapters/01-alerte.md] [--paged] [--no-tree-cache]
 *
 * Starts the preview (dist/api/preview.js) on a temporary copy of report/ (without dist/), opens
 * the web view of the full report (`--paged`: the paged view) in headless Chromium, then `runs`
 * times appends a sentence with a unique word to one chapter and measures, in this process, from
 * just before the write to the moment the word is in the reloaded page's <main>. One untimed
 * warm-up edit first. The server's own share (check + render of the open page, from the file
 * event after the 50 ms debounce) is reported too. The tree cache is on, as the CLI has it (in a
 * cache folder of the benchmark's own; `--no-tree-cache`: every file parsed at each rebuild).
 * The last line is one JSON object, for scripts.
 */
import {appendFile, cp, mkdtemp, rm} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {performance} from 'node:perf_hooks'
import {fileURLToPath} from 'node:url'
import {preview} from '../dist/api/preview.js'
import {launchBrowser, resolveBrowser} from '../dist/print/browser.js'

function parseArgs(argv) {
  const options = {runs: 9, chapter: 'chapters/01-alerte.md', paged: false, treeCache: true}
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--runs') options.runs = Number(argv[++i])
    else if (argv[i] === '--chapter') options.chapter = argv[++i]
    else if (argv[i] === '--paged') options.paged = true
    else if (argv[i] === '--no-tree-cache') options.treeCache = false
  }
  return options
}

const options = parseArgs(process.argv.slice(2))
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}
const round = (value) => Math.round(value)

const root = await mkdtemp(join(tmpdir(), 'rapporteur-bench-preview-'))
const dir = join(root, 'report')
const report = fileURLToPath(new URL('../report', import.meta.url))
await cp(report, dir, {recursive: true, filter: (source) => !source.includes('/dist')})

const serverTimes = []
let server
let browser
try {
  server = await preview(dir, {port: 0, onRebuild: (rebuild) => rebuild.changed && serverTimes.push(rebuild.ms), treeCache: options.treeCache, env: {...process.env, RAPPORTEUR_CACHE: join(root, 'cache')}})
  browser = await launchBrowser(await resolveBrowser({env: process.env}), {timeoutMs: 30_000, frames: true})
  const page = await browser.newPage()
  const url = options.paged ? server.pages[0].paged : server.pages[0].web
  await page.goto(url, {waitUntil: 'load'})
  const chapter = join(dir, options.chapter)

  /** Append a sentence with a fresh word and return the time until the page shows it, in ms. */
  const edit = async (index) => {
    const word = `Repère${index}x${Math.random().toString(36).slice(2, 8)}`
    const started = performance.now()
    await appendFile(chapter, `\nUne phrase ajoutée, ${word}, pour mesurer [@fondation-enfance-2024].\n`)
    await page.waitForFunction(
      (text, paged) => {
        // The paged view counts once Paged.js has laid the pages out; print text has soft hyphens.
        const root = paged ? document.documentElement.dataset.rapporteurPaged === 'done' && document.querySelector('.pagedjs_pages') : document.querySelector('main')
        return root?.textContent?.replace(/\u00AD/gu, '').includes(text)
      },
      {timeout: 30_000, polling: 5},
      word,
      options.paged
    )
    return performance.now() - started
  }

  await edit(0)
  serverTimes.length = 0
  const times = []
  for (let index = 1; index <= options.runs; index++) times.push(await edit(index))

  const result = {save_to_reload_ms_median: round(median(times)), min: round(Math.min(...times)), max: round(Math.max(...times)), runs: times.length}
  console.log(`save → new text in the ${options.paged ? 'paged' : 'web'} view (${url.replace(/^.*\//u, '')}), ${times.length} runs:`)
  console.log(`  each: ${times.map(round).join(', ')} ms`)
  console.log(`  median ${result.save_to_reload_ms_median} ms, min ${result.min} ms, max ${result.max} ms (goal: under 300 ms) ${result.save_to_reload_ms_median < 300 ? 'OK' : 'OVER'}`)
  console.log(`  of which the server (check + render of the open page, after the 50 ms debounce): median ${round(median(serverTimes))} ms`)
  console.log(`  node ${process.version}`)
  console.log(JSON.stringify(result))
} finally {
  await browser?.close()
  await server?.close()
  await rm(root, {recursive: true, force: true})
}
