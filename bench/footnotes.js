/**
 * npm run bench:footnotes — a paragraph's notes placed at once (src/print/browser-side/place-notes.ts)
 * against Paged.js placing them one by one, on the same print HTML laid out in one part, in one
 * browser, interleaved; and a check that both give the same text on every page.
 *
 *   node bench/footnotes.js [--pages 100] [--rounds 4] [--keep]
 *
 * Writes a project with bench/generate-build.js (notes style: every citation a footnote), builds its
 * print HTML with `build()`, then lays that HTML out N times each way. The last line is one JSON
 * object, for scripts.
 */
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import {generateBuildProject} from './generate-build.js'

const args = process.argv.slice(2)
const option = (name, fallback) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback)
const pages = option('--pages', 100)
const rounds = option('--rounds', 4)

const {build} = await import('../dist/api/build.js')
const {launchBrowser, resolveBrowser} = await import('../dist/print/browser.js')
const {pagedHandlersScript} = await import('../dist/print/browser-side/handlers.js')
const {pagedSource} = await import('../dist/print/paged-source.js')
const {splitParts} = await import('../dist/print/split-parts.js')

const dir = mkdtempSync(join(tmpdir(), 'rapporteur-bench-footnotes-'))
generateBuildProject({dir, pages})
const built = await build(dir, {formats: ['pdf'], editions: ['full']})
if (!built.ok) throw new Error('the generated project does not build')
const html = join(dir, 'dist', '.print', 'rapport.html')
const whole = join(dir, 'dist', '.print', 'rapport.whole.html')
writeFileSync(whole, splitParts(readFileSync(html, 'utf8'), {partChars: Infinity}).parts[0])

const browser = await launchBrowser(await resolveBrowser({env: process.env}), {timeoutMs: 600_000})

/** One layout of the whole document; `atOnce` false takes rapporteur's placement out (Paged.js's own code runs). */
async function layOut(atOnce) {
  const page = await browser.newPage()
  try {
    await page.goto(pathToFileURL(whole).href, {waitUntil: 'load'})
    await page.evaluate(pagedSource('paged.js'))
    await page.addScriptTag({content: pagedHandlersScript})
    const started = performance.now()
    const result = await page.evaluate(async (atOnce) => {
      const place = window.rapporteurPlaceNotes
      const counts = {atOnce: 0, oneByOne: 0}
      window.rapporteurPlaceNotes = (footnotes, notes, node) => {
        const placed = atOnce && place(footnotes, notes, node)
        if (notes.length > 1) counts[placed ? 'atOnce' : 'oneByOne']++
        return placed
      }
      const previewer = new window.Paged.Previewer()
      await previewer.preview(undefined, previewer.removeStyles(), document.body)
      return {...counts, pages: [...document.querySelectorAll('.pagedjs_page')].map((element) => element.innerText)}
    }, atOnce)
    return {...result, seconds: (performance.now() - started) / 1000}
  } finally {
    await page.close()
  }
}

const times = {oneByOne: [], atOnce: []}
let reference
let same = true
let counts
for (let round = 0; round < rounds; round++) {
  for (const atOnce of round % 2 ? [true, false] : [false, true]) {
    const result = await layOut(atOnce)
    times[atOnce ? 'atOnce' : 'oneByOne'].push(result.seconds)
    if (atOnce) counts = {atOnce: result.atOnce, oneByOne: result.oneByOne}
    reference ??= result.pages
    if (JSON.stringify(result.pages) !== JSON.stringify(reference)) same = false
  }
  console.log(`round ${round + 1}/${rounds}: one by one ${times.oneByOne.at(-1).toFixed(2)} s, at once ${times.atOnce.at(-1).toFixed(2)} s`)
}
await browser.close()
if (!args.includes('--keep')) rmSync(dir, {recursive: true, force: true})

const sum = (list) => list.reduce((total, value) => total + value, 0)
const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]
console.log(`${reference.length} pages; paragraphs with several notes: ${counts.atOnce} placed at once, ${counts.oneByOne} left to Paged.js; same text on every page: ${same ? 'yes' : 'NO'}`)
console.log(`one by one: ${sum(times.oneByOne).toFixed(2)} s in all, median ${median(times.oneByOne).toFixed(2)} s; at once: ${sum(times.atOnce).toFixed(2)} s, median ${median(times.atOnce).toFixed(2)} s; ratio ${(sum(times.atOnce) / sum(times.oneByOne)).toFixed(2)}`)
console.log(JSON.stringify({pages: reference.length, rounds, one_by_one_s: +sum(times.oneByOne).toFixed(3), at_once_s: +sum(times.atOnce).toFixed(3), ratio: +(sum(times.atOnce) / sum(times.oneByOne)).toFixed(3), same_pages: same, ...counts}))
if (!same) process.exitCode = 1
