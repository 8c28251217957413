#!/usr/bin/env node
/**
 * Benchmark: `check` of the sample report with every source archived as a PDF, against `check`
 * of the same report without archived copies, in one process.
 *
 *   npm run bench:sources                  # builds dist/ first, then runs this file
 *   node --expose-gc bench/sources.js [--rounds 5] [--pages 12] [--shipped]
 *
 * With --shipped, (b) and (c) use the sample as it is: the archived copies the material holds
 * (four text files), not generated PDFs.
 *
 * (a) without: the sample with no `file:` in sources.yaml.
 * (b) cold: every source names a PDF of `--pages` pages (made with pdf-lib from the sample's
 *     archived texts), and the text cache starts empty: pdf.js reads every page.
 * (c) warm: the same, the cache filled by the run before: no PDF is read.
 *
 * Goals (issue 10): (b) within 2× of (a), (c) within 1.2× of (a). The last line is one JSON object.
 */
import {cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {performance} from 'node:perf_hooks'
import {PDFDocument, StandardFonts} from 'pdf-lib'
import {check} from '../dist/index.js'

const args = process.argv.slice(2)
const option = (name, fallback) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback)
const rounds = option('--rounds', 5)
const pages = option('--pages', 12)
const gc = globalThis.gc ?? (() => {})

const root = join(import.meta.dirname, '..', 'report')
const work = mkdtempSync(join(tmpdir(), 'rapporteur-bench-sources-'))
const without = join(work, 'without')
const archived = join(work, 'archived')
const copy = (to) => cpSync(root, to, {recursive: true, filter: (source) => !source.includes('/dist')})
copy(without)
copy(archived)

// (a) no archived copies.
const registry = readFileSync(join(root, 'sources.yaml'), 'utf8')
writeFileSync(join(without, 'sources.yaml'), registry.replace(/^ {2}file: .*\n/gmu, ''))

// (b, c) every source archived as a PDF of the sample's texts, `pages` pages each.
const texts = readdirSync(join(root, 'sources')).map((name) => readFileSync(join(root, 'sources', name), 'utf8')).join('\n')
const winAnsi = (line) => line.replace(/[’‘]/gu, "'").replace(/[“”«»]/gu, '"').replace(/[–—]/gu, '-').replace(/[^\x20-\x7E\u00A0-\u00FF]/gu, ' ')
const lines = texts.split('\n').map(winAnsi).filter((line) => line.trim())
async function makePdf(offset) {
  const pdf = await PDFDocument.create()
  const font = await pdf.embedFont(StandardFonts.Helvetica)
  for (let page = 0; page < pages; page++) {
    const sheet = pdf.addPage([595, 842])
    for (let row = 0; row < 45; row++) sheet.drawText(lines[(offset + page * 45 + row) % lines.length].slice(0, 110), {x: 40, y: 800 - row * 17, size: 9, font})
  }
  return pdf.save()
}
const ids = [...registry.matchAll(/^- id: (\S+)$/gmu)].map((match) => match[1])
const shipped = args.includes('--shipped')
if (!shipped) {
  for (const [index, id] of ids.entries()) writeFileSync(join(archived, 'sources', `${id}.pdf`), await makePdf(index * 97))
  writeFileSync(join(archived, 'sources.yaml'), registry.replace(/^ {2}file: .*\n/gmu, '').replace(/^- id: (\S+)\n/gmu, '- id: $1\n  file: sources/$1.pdf\n'))
}

async function timed(dir, cache) {
  process.env.RAPPORTEUR_CACHE = cache
  gc()
  const started = performance.now()
  const result = await check(dir)
  const seconds = (performance.now() - started) / 1000
  if (!result.ok) throw new Error(`check failed on ${dir}`)
  return seconds
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
const times = {without: [], cold: [], warm: []}
await timed(without, join(work, 'cache-warmup'))
for (let round = 0; round < rounds; round++) {
  const cache = join(work, `cache-${round}`)
  times.without.push(await timed(without, cache))
  times.cold.push(await timed(archived, cache))
  times.warm.push(await timed(archived, cache))
  console.log(`  round ${round + 1}/${rounds}: without ${times.without.at(-1).toFixed(3)} s, cold ${times.cold.at(-1).toFixed(3)} s, warm ${times.warm.at(-1).toFixed(3)} s`)
}
const base = median(times.without)
const result = {sources: ids.length, archived: shipped ? 'as shipped' : `every source, ${pages}-page PDFs`, without_s: +base.toFixed(3), cold_s: +median(times.cold).toFixed(3), warm_s: +median(times.warm).toFixed(3)}
result.cold_ratio = +(result.cold_s / base).toFixed(2)
result.warm_ratio = +(result.warm_s / base).toFixed(2)
console.log(`\ncold / without: ${result.cold_ratio}x (goal <= 2x) ${result.cold_ratio <= 2 ? 'OK' : 'OVER'}`)
console.log(`warm / without: ${result.warm_ratio}x (goal <= 1.2x) ${result.warm_ratio <= 1.2 ? 'OK' : 'OVER'}`)
console.log(JSON.stringify(result))
rmSync(work, {recursive: true, force: true})
