#!/usr/bin/env node
/**
 * Benchmark: `rapporteur check` against a bare unified parse of the same Markdown, in one process.
 *
 *   npm run bench:check                      # builds dist/ first, then runs this file
 *   node --expose-gc bench/check.js [--rounds 5] [--chapters 100] [--chapter-kb 40] [--keep]
 *
 * (a) parse: read every Markdown file of the project and `createParser().parse()` it (remark-parse,
 *     GFM, front matter, directives, citations: the checker's own processor), nothing else.
 * (b) check: `check(dir)` from dist/index.js (load, parse, model, rules), every file parsed.
 * (c) check, trees cached: the same with the tree cache on, as the CLI runs it a second time
 *     (src/load/tree-cache.ts; its own cache folder, written by the warm-up): no file parsed.
 *
 * One warm-up of each, then N rounds alternating (a) and (b) (order flipped every other round),
 * with a full GC before every timed run. Reports medians. The last line of output is one JSON
 * object, for scripts: {"check_s","check_cached_s","parse_s","ratio","ratio_cached","markdown_mb","files","rounds"}.
 */
import {mkdtempSync, readFileSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {performance} from 'node:perf_hooks'
import {VFile} from 'vfile'
import {check} from '../dist/index.js'
import {createParser} from '../dist/parse/markdown.js'
import {generateCorpus} from './generate.js'

function parseArgs(argv) {
  const options = {rounds: 5, chapters: 100, chapterKb: 40, keep: false}
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === '--keep') options.keep = true
    else if (arg === '--rounds') options.rounds = Number(argv[++i])
    else if (arg === '--chapters') options.chapters = Number(argv[++i])
    else if (arg === '--chapter-kb') options.chapterKb = Number(argv[++i])
  }
  return options
}

const options = parseArgs(process.argv.slice(2))
const gc = globalThis.gc ?? (() => {})
if (!globalThis.gc) console.warn('warning: run with node --expose-gc for a GC between runs (npm run bench:check does)')

const dir = mkdtempSync(join(tmpdir(), 'rapporteur-bench-'))
const t0 = performance.now()
const corpus = generateCorpus({dir, chapters: options.chapters, chapterKb: options.chapterKb})
const markdownMb = corpus.markdownBytes / 1024 / 1024
console.log(`corpus: ${corpus.dir}`)
console.log(`  ${corpus.files.length} Markdown files (${corpus.chapters} chapters + synthesis), ${markdownMb.toFixed(2)} MB, ${corpus.sources} sources, ${corpus.terms} terms; generated in ${((performance.now() - t0) / 1000).toFixed(1)} s`)

/** (a) The baseline: read and parse every Markdown file, the way check reads them, and nothing else. */
function bareParse() {
  const processor = createParser().freeze()
  let nodes = 0
  for (const path of corpus.files) {
    const file = new VFile({path, cwd: dir, value: readFileSync(join(dir, path), 'utf8')})
    const tree = processor.parse(file)
    nodes += tree.children.length
  }
  return nodes
}

/** (b) The full check, as the CLI runs it. */
async function fullCheck() {
  const result = await check(dir)
  if (!result.ok) throw new Error(`check could not run on the corpus: ${result.files.flatMap((f) => f.messages.map(String)).join('\n')}`)
  return result
}

/** (c) The check as the CLI runs it once the trees are in its cache (the warm-up put them there). */
const cacheDir = mkdtempSync(join(tmpdir(), 'rapporteur-bench-cache-'))
async function cachedCheck() {
  const result = await check(dir, {treeCache: true, env: {...process.env, RAPPORTEUR_CACHE: cacheDir}})
  if (!result.ok) throw new Error('check could not run on the corpus')
  return result
}

async function time(fn) {
  gc()
  const start = performance.now()
  const value = await fn()
  return {seconds: (performance.now() - start) / 1000, value}
}

// Warm-up: one of each (JIT, module loading, lazy imports).
const warmParse = await time(bareParse)
const warmCheck = await time(fullCheck)
const warmCached = await time(cachedCheck)
const diagnostics = {}
for (const file of warmCheck.value.files) for (const message of file.messages) diagnostics[message.ruleId ?? '?'] = (diagnostics[message.ruleId ?? '?'] ?? 0) + 1
const model = warmCheck.value.model
console.log(`warm-up: parse ${warmParse.seconds.toFixed(3)} s, check ${warmCheck.seconds.toFixed(3)} s, check writing the tree cache ${warmCached.seconds.toFixed(3)} s`)
console.log(`  check found ${model.figures.length} figures, ${model.citations.length} citations, ${model.stats.length} stats, ${model.recommendations.length} recommendations; diagnostics: ${JSON.stringify(diagnostics)}`)

const parseTimes = []
const checkTimes = []
const cachedTimes = []
for (let round = 0; round < options.rounds; round++) {
  const order = round % 2 === 0 ? ['parse', 'check', 'cached'] : ['cached', 'check', 'parse']
  for (const which of order) {
    if (which === 'parse') parseTimes.push((await time(bareParse)).seconds)
    else if (which === 'check') checkTimes.push((await time(fullCheck)).seconds)
    else cachedTimes.push((await time(cachedCheck)).seconds)
  }
  process.stdout.write(`  round ${round + 1}/${options.rounds}: parse ${parseTimes.at(-1).toFixed(3)} s, check ${checkTimes.at(-1).toFixed(3)} s, check with cached trees ${cachedTimes.at(-1).toFixed(3)} s\n`)
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}
const parseS = median(parseTimes)
const checkS = median(checkTimes)
const cachedS = median(cachedTimes)
const ratio = checkS / parseS
const ratioCached = cachedS / parseS
const peakRssMb = process.resourceUsage().maxRSS / 1024

const row = (name, times, med) => `| ${name.padEnd(28)} | ${med.toFixed(3).padStart(8)} | ${Math.min(...times).toFixed(3).padStart(7)} | ${Math.max(...times).toFixed(3).padStart(7)} | ${(markdownMb / med).toFixed(2).padStart(6)} |`
console.log('')
console.log(`| ${'run'.padEnd(28)} | median s |   min s |   max s |   MB/s |`)
console.log(`|${'-'.repeat(30)}|---------:|--------:|--------:|-------:|`)
console.log(row('bare parse (createParser)', parseTimes, parseS))
console.log(row('check(dir)', checkTimes, checkS))
console.log(row('check(dir), trees cached', cachedTimes, cachedS))
console.log('')
console.log(`ratio check / parse: ${ratio.toFixed(2)}x (goal: <= 1.5x) ${ratio <= 1.5 ? 'OK' : 'OVER'}; with the trees cached: ${ratioCached.toFixed(2)}x`)
console.log(`peak RSS: ${peakRssMb.toFixed(0)} MB; node ${process.version}, ${options.rounds} rounds`)

rmSync(cacheDir, {recursive: true, force: true})
if (!options.keep) rmSync(dir, {recursive: true, force: true})
else console.log(`corpus kept in ${dir}`)

console.log(JSON.stringify({
  check_s: Number(checkS.toFixed(3)),
  check_cached_s: Number(cachedS.toFixed(3)),
  parse_s: Number(parseS.toFixed(3)),
  ratio: Number(ratio.toFixed(2)),
  ratio_cached: Number(ratioCached.toFixed(2)),
  markdown_mb: Number(markdownMb.toFixed(2)),
  files: corpus.files.length,
  rounds: options.rounds
}))
