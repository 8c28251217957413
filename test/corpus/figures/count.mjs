#!/usr/bin/env node
// Counts and checks the labelled figure corpus (see README.md).
//
//   node count.mjs            per-file and total counts
//   node count.mjs --list     every numeric token with its label and context
//   node count.mjs --json     labels for an evaluator: for each file, the text with the
//                             markers removed and, per numeric token, its offset in that text,
//                             its line (1-based), the token and whether it must be flagged
//
// A numeric token is a maximal run of ASCII digits [0-9]. A token is positive (must be flagged)
// when it lies between ⟦ and ⟧, negative otherwise. A marker that holds no digit marks a figure
// in words (`⟦deux tiers⟧`) and counts as one positive unit of its own. The script also rejects
// markers that are unbalanced, nested, empty, or sit in a heading, citation, link or code span.
import {readdirSync, readFileSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'

const OPEN = '\u27E6'
const CLOSE = '\u27E7'
// The folder to count: `--dir ../figures-fresh`, else this one.
const dirAt = process.argv.indexOf('--dir')
const dir = dirAt === -1 ? dirname(fileURLToPath(import.meta.url)) : process.argv[dirAt + 1]
const mode = process.argv.slice(2).find((arg, index, all) => arg.startsWith('--') && arg !== '--dir' && all[index - 1] !== '--dir') ?? ''
const files = readdirSync(dir).filter((f) => f.endsWith('.md') && f !== 'README.md').sort()

function analyse(name) {
  const src = readFileSync(join(dir, name), 'utf8')
  const problems = []
  let text = ''
  const tokens = []
  const words = []
  let inside = false
  let markerStart = -1
  let markerCount = 0
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]
    if (ch === OPEN) {
      if (inside) problems.push(`nested marker at offset ${i}`)
      inside = true
      markerStart = text.length
      continue
    }
    if (ch === CLOSE) {
      if (!inside) problems.push(`unopened marker at offset ${i}`)
      const marked = text.slice(markerStart)
      if (marked.trim() === '') problems.push(`empty marker at offset ${i}`)
      else if (!/[0-9]/.test(marked)) words.push({offset: markerStart, words: marked})
      inside = false
      markerCount++
      continue
    }
    if (/[0-9]/.test(ch) && !/[0-9]/.test(text[text.length - 1] ?? '')) {
      tokens.push({offset: text.length, positive: inside})
    } else if (/[0-9]/.test(ch) && tokens.length > 0) {
      const last = tokens[tokens.length - 1]
      if (last.positive !== inside) problems.push(`marker splits a digit run at offset ${i}`)
    }
    text += ch
  }
  if (inside) problems.push('unclosed marker at end of file')
  for (const t of tokens) {
    let end = t.offset
    while (end < text.length && /[0-9]/.test(text[end])) end++
    t.token = text.slice(t.offset, end)
    t.line = text.slice(0, t.offset).split('\n').length
  }
  // Markers must not sit in headings, citations, links or code spans.
  const lines = src.split('\n')
  let fence = false
  lines.forEach((line, n) => {
    if (/^\s*(```|~~~)/.test(line)) fence = !fence
    const has = line.includes(OPEN) || line.includes(CLOSE)
    if (!has) return
    if (fence) problems.push(`line ${n + 1}: marker in a code block`)
    if (/^\s{0,3}#{1,6}\s/.test(line)) problems.push(`line ${n + 1}: marker in a heading`)
    for (const m of line.matchAll(/\[[^\]]*@[^\]]*\]|\[[^\]]*\]\([^)]*\)|`[^`]*`|<https?:[^>]*>/g)) {
      if (m[0].includes(OPEN) || m[0].includes(CLOSE)) problems.push(`line ${n + 1}: marker in ${m[0]}`)
    }
  })
  for (const w of words) w.line = text.slice(0, w.offset).split('\n').length
  return {name, text, tokens, words, markerCount, problems}
}

const results = files.map(analyse)
if (mode === '--json') {
  const out = results.map((r) => ({
    file: r.name,
    text: r.text,
    tokens: r.tokens.map(({offset, line, token, positive}) => ({offset, line, token, flag: positive})),
    words: r.words.map(({offset, line, words}) => ({offset, line, words, flag: true}))
  }))
  process.stdout.write(JSON.stringify(out, null, 1) + '\n')
} else {
  let total = 0
  let positive = 0
  let markers = 0
  let wordFigures = 0
  let bad = 0
  for (const r of results) {
    const p = r.tokens.filter((t) => t.positive).length
    total += r.tokens.length
    positive += p
    markers += r.markerCount
    wordFigures += r.words.length
    const lines = r.text.split('\n').length
    console.log(
      `${r.name.padEnd(34)} lines ${String(lines).padStart(4)}  tokens ${String(r.tokens.length).padStart(4)}` +
        `  flag ${String(p).padStart(4)} (${((100 * p) / Math.max(1, r.tokens.length)).toFixed(1)} %)  markers ${r.markerCount}  in words ${r.words.length}`
    )
    for (const problem of r.problems) {
      bad++
      console.log(`  PROBLEM ${problem}`)
    }
    if (mode === '--list') {
      for (const t of r.tokens) {
        const lineText = r.text.split('\n')[t.line - 1]
        console.log(`    ${t.positive ? 'FLAG' : '  - '} ${String(t.line).padStart(4)} ${t.token.padEnd(6)} | ${lineText.trim()}`)
      }
      for (const w of r.words) console.log(`    WORD ${String(w.line).padStart(4)} ${w.words}`)
    }
  }
  console.log(
    `TOTAL files ${results.length}  tokens ${total}  flag ${positive} (${((100 * positive) / total).toFixed(1)} %)` +
      `  markers ${markers}  figures in words ${wordFigures}  problems ${bad}`
  )
  if (bad > 0) process.exitCode = 1
}
