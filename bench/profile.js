#!/usr/bin/env node
/**
 * CPU profile of one `check(dir)` on the generated corpus, summarised by self time.
 *
 *   npm run build:ts && node bench/profile.js [--top 25] [--chapters 100] [--chapter-kb 40]
 *
 * Writes the raw profile to $TMPDIR/rapporteur-check.cpuprofile (open it in Chrome DevTools or
 * speedscope) and prints the functions with the most self time, with their share of the total,
 * and the share by package / by src/ folder. One warm-up check runs first, unprofiled.
 */
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {Session} from 'node:inspector/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {check} from '../dist/index.js'
import {generateCorpus} from './generate.js'

const argv = process.argv.slice(2)
const option = (name, fallback) => {
  const i = argv.indexOf(name)
  return i === -1 ? fallback : Number(argv[i + 1])
}
const top = option('--top', 25)

const dir = mkdtempSync(join(tmpdir(), 'rapporteur-profile-'))
const corpus = generateCorpus({dir, chapters: option('--chapters', 100), chapterKb: option('--chapter-kb', 40)})
console.log(`corpus: ${corpus.files.length} files, ${(corpus.markdownBytes / 1024 / 1024).toFixed(2)} MB`)

await check(dir) // warm-up

const session = new Session()
session.connect()
await session.post('Profiler.enable')
await session.post('Profiler.setSamplingInterval', {interval: 200})
await session.post('Profiler.start')
const start = performance.now()
await check(dir)
const wall = (performance.now() - start) / 1000
const {profile} = await session.post('Profiler.stop')
session.disconnect()
rmSync(dir, {recursive: true, force: true})

const out = join(tmpdir(), 'rapporteur-check.cpuprofile')
writeFileSync(out, JSON.stringify(profile))
console.log(`profile: ${out} (check took ${wall.toFixed(2)} s under the profiler)`)
console.log(summarise(profile, top))

/** Self time by function, package and src/ folder, from a .cpuprofile object. */
export function summarise(profile, topN = 25) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]))
  const self = new Map()
  let total = 0
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = profile.timeDeltas[i] ?? 0
    const id = profile.samples[i]
    self.set(id, (self.get(id) ?? 0) + dt)
    total += dt
  }
  const byFunction = new Map()
  const byArea = new Map()
  for (const [id, us] of self) {
    const {callFrame} = byId.get(id)
    const where = location(callFrame)
    const key = `${callFrame.functionName || '(anonymous)'}  ${where.file}:${callFrame.lineNumber + 1}`
    byFunction.set(key, (byFunction.get(key) ?? 0) + us)
    byArea.set(where.area, (byArea.get(where.area) ?? 0) + us)
  }
  const pct = (us) => `${((100 * us) / total).toFixed(1).padStart(5)} %`
  const ms = (us) => `${(us / 1000).toFixed(0).padStart(6)} ms`
  const lines = ['', `top ${topN} functions by self time (total ${(total / 1e6).toFixed(2)} s sampled):`]
  const sorted = [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, topN)
  sorted.forEach(([key, us], i) => lines.push(`${String(i + 1).padStart(3)}. ${pct(us)} ${ms(us)}  ${key}`))
  lines.push('', 'self time by package / src folder:')
  for (const [area, us] of [...byArea].sort((a, b) => b[1] - a[1]).slice(0, 20)) lines.push(`  ${pct(us)} ${ms(us)}  ${area}`)
  return lines.join('\n')
}

function location(callFrame) {
  const url = callFrame.url
  if (!url) return {file: callFrame.functionName.startsWith('(') ? '' : '(native)', area: callFrame.functionName.startsWith('(') ? callFrame.functionName : '(native / V8 builtins)'}
  let path = url
  try {
    path = url.startsWith('file:') ? fileURLToPath(url) : url
  } catch {}
  const nm = path.lastIndexOf('/node_modules/')
  if (nm !== -1) {
    const rest = path.slice(nm + '/node_modules/'.length)
    const parts = rest.split('/')
    const pkg = parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]
    return {file: rest, area: `node_modules/${pkg}`}
  }
  const dist = path.lastIndexOf('/dist/')
  if (dist !== -1) {
    const rest = path.slice(dist + 1)
    const folder = rest.split('/').slice(0, -1).join('/')
    return {file: rest.replace(/^dist\//, 'dist/'), area: `${folder.replace(/^dist/, 'src')} (rapporteur)`}
  }
  if (path.startsWith('node:')) return {file: path, area: 'node: internals'}
  return {file: path, area: path}
}
