#!/usr/bin/env node
/**
 * How much a second core gives the work a build does on this machine: the Markdown parser on two
 * threads at once against one, in the same run, next to plain arithmetic as a control.
 *
 * Why: the builds' pipeline keeps the parse on one thread. A helper thread parsing half the files
 * (a worker, the trees back by structured clone) was built and measured on the 2-core machine the
 * benchmarks run on: each half took as long as the whole on one thread, so the build got slower
 * (bench/README.md, the eleventh day). This script is the measurement, for any machine: if it
 * shows a speed-up near 2× for the parser, the helper is worth trying again there.
 *
 *   npm run bench:threads                      # = npm run build:ts && node bench/threads.js
 *   node bench/threads.js --chapters 14 --chapter-kb 14 --rounds 5
 *
 * Each measurement runs in a fresh Node process, so the parser's code starts cold as in a build,
 * and the rounds alternate the kinds. Reported: medians, and each kind's speed-up over one thread
 * (work done per second of wall-clock time: 2.0 would be two full cores).
 */
import {spawnSync} from 'node:child_process'
import {mkdtempSync, readdirSync, rmSync, statSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'
import {generateCorpus} from './generate.js'

const {values} = parseArgs({options: {chapters: {type: 'string', default: '14'}, 'chapter-kb': {type: 'string', default: '14'}, rounds: {type: 'string', default: '5'}}})
const rounds = Number(values.rounds)
const dir = mkdtempSync(join(tmpdir(), 'rapporteur-bench-threads-'))
generateCorpus({dir, chapters: Number(values.chapters), chapterKb: Number(values['chapter-kb']), sources: 40})
const files = readdirSync(join(dir, 'chapters')).sort().map((name) => join(dir, 'chapters', name))
const kb = Math.round(files.reduce((sum, file) => sum + statSync(file).size, 0) / 1024)
const markdown = fileURLToPath(new URL('../dist/parse/markdown.js', import.meta.url))
const vfile = import.meta.resolve('vfile')

/** The child's program: parse `list` (or count, for the control) and print the milliseconds it took. */
const task = (kind) =>
  kind === 'count'
    ? `let x = 0; const t = performance.now(); for (let i = 0; i < 2e8; i++) x = (x + i * 7) % 1000003; process.stdout.write(String(performance.now() - t) + (x < 0 ? '' : ''))`
    : `const {readFileSync} = await import('node:fs'); const {parseMarkdown} = await import(${JSON.stringify(markdown)}); const {VFile} = await import(${JSON.stringify(vfile)});
       const t = performance.now(); for (const path of LIST) parseMarkdown(new VFile({path, value: readFileSync(path, 'utf8')})); process.stdout.write(String(performance.now() - t))`

/**
 * One measurement in a fresh process: `threads` 1 runs the whole task on the main thread; 2 runs
 * half on the main thread and half on a worker started first (ready before the clock starts), both
 * at once. Returns the wall-clock milliseconds from the start of the work to the end of both halves.
 */
function measure(kind, threads) {
  const halves = threads === 1 ? [files] : [files.filter((_, index) => index % 2 === 0), files.filter((_, index) => index % 2 === 1)]
  const body = (list) => task(kind).replaceAll('LIST', JSON.stringify(list))
  const program =
    threads === 1
      ? `(async () => { ${body(halves[0])} })()`
      : `const {Worker} = await import('node:worker_threads')
         const worker = new Worker(${JSON.stringify(`const {parentPort} = require('node:worker_threads'); parentPort.once('message', async () => { const out = []; const w = {write: (s) => out.push(s)}; const process = {stdout: w}; await (async () => { ${body(halves[1])} })(); parentPort.postMessage(out.join('')) }); parentPort.postMessage('ready')`)}, {eval: true, execArgv: []})
         await new Promise((resolve) => worker.once('message', resolve))
         const start = performance.now()
         const done = new Promise((resolve) => worker.once('message', resolve))
         worker.postMessage('go')
         await (async () => { const process = {stdout: {write() {}}}; ${body(halves[0])} })()
         await done
         process.stdout.write(String(performance.now() - start)); worker.terminate()`
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', program], {encoding: 'utf8'})
  if (result.status !== 0) throw new Error(result.stderr)
  return Number(result.stdout)
}

const kinds = [['parse', 1], ['parse', 2], ['count', 1], ['count', 2]]
const times = new Map(kinds.map((kind) => [kind.join(' '), []]))
for (let round = 0; round < rounds; round++) {
  for (const [kind, threads] of round % 2 ? [...kinds].reverse() : kinds) times.get(`${kind} ${threads}`).push(measure(kind, threads))
}
rmSync(dir, {recursive: true, force: true})

const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]
// Two threads do twice the work of one for `count` (each its own loop), the same work for `parse` (each half the files).
const speedup = (kind) => (kind === 'count' ? 2 : 1) * (median(times.get(`${kind} 1`)) / median(times.get(`${kind} 2`)))
console.log(`| work | one thread ms | two threads ms | speed-up |\n|---|---:|---:|---:|`)
const label = {parse: `parse ${files.length} files (${kb} KB), cold`, count: 'arithmetic loop (control)'}
for (const kind of ['parse', 'count']) console.log(`| ${label[kind]} | ${median(times.get(`${kind} 1`)).toFixed(0)} | ${median(times.get(`${kind} 2`)).toFixed(0)} | ${speedup(kind).toFixed(2)}× |`)
console.log(JSON.stringify({parse_speedup: Number(speedup('parse').toFixed(2)), count_speedup: Number(speedup('count').toFixed(2)), files: files.length, markdown_kb: kb, rounds}))
