import {readFile} from 'node:fs/promises'
import path from 'node:path'
import type {ElementContent} from 'hast'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {check} from '../../src/api/check.js'
import {exportRows} from '../../src/export/tables.js'
import type {ReportModel} from '../../src/model/types.js'
import {renderEdition} from '../../src/render/edition.js'
import {removeProject, writeProject} from '../helpers/project.js'

/**
 * A real-looking library as users bring it, in Zotero's CSL-JSON and in BibTeX/BibLaTeX, with the
 * expected CSL values written by hand (test/data/bibliography/README.md): every field must come
 * through to the model, to `export sources`, and into the formatted bibliography.
 */
const fixtures = path.join(import.meta.dirname, '../data/bibliography')
type Expected = Record<string, Record<string, unknown>>
const made: string[] = []
afterAll(async () => Promise.all(made.map((dir) => removeProject(dir))))

const config = `title: Library
organisation: Test
lang: en
date: 2026-01
axes:
  - {id: prevention, label: Prevention}
editions:
  full: {title: Report, files: [chapters/intro.md], output: report}
`

interface Loaded {
  model: ReportModel
  findings: string[]
  bibliography: string[]
}

async function load(file: 'zotero.json' | 'library.bib', ids: string[]): Promise<Loaded> {
  const registry = file.endsWith('.bib') ? 'sources.bib' : 'sources.json'
  const chapter = `# Intro\n\n${ids.map((id) => `Item [@${id}].`).join('\n')}\n`
  const dir = await writeProject({'rapporteur.yaml': config, [registry]: await readFile(path.join(fixtures, file), 'utf8'), 'chapters/intro.md': chapter})
  made.push(dir)
  const result = await check(dir)
  if (!result.ok) throw new Error('project did not load')
  const findings = result.files.flatMap((vfile) => vfile.messages.map((message) => `${vfile.path}:${message.line}:${message.column} ${message.ruleId}: ${message.reason}`))
  const rendered = await renderEdition(result.model, 'full', {mode: 'web', pageOf: {full: 'report.html', synthesis: 'synthese.html'}})
  return {model: result.model, findings, bibliography: entriesOf(rendered.main)}
}

function entriesOf(nodes: readonly ElementContent[]): string[] {
  const flat = (list: readonly ElementContent[]): string => list.map((node) => (node.type === 'text' ? node.value : node.type === 'element' ? flat(node.children) : '')).join('')
  const found: string[] = []
  const visit = (list: readonly ElementContent[]) => {
    for (const node of list) {
      if (node.type !== 'element') continue
      if (node.tagName === 'li' && String(node.properties.id ?? '').startsWith('source-')) found.push(`${String(node.properties.id)} ${flat(node.children)}`)
      else visit(node.children)
    }
  }
  visit(nodes)
  return found
}

/** A CSL value as the fixture writes it: dates as `[y, m, d]`, names without empty parts. */
function comparable(name: string, value: unknown): unknown {
  // CSL-JSON passes through unchanged: a `raw` ISO date stays raw, and means the same date.
  if (value && typeof value === 'object' && 'raw' in value && /^\d{4}(-\d\d){0,2}$/.test(String((value as {raw: string}).raw))) return String((value as {raw: string}).raw).split('-').map(Number)
  if (value && typeof value === 'object' && 'date-parts' in value) return ((value as {'date-parts': unknown[][]})['date-parts'][0] ?? []).map(Number)
  if (value && typeof value === 'object' && 'literal' in value && !Array.isArray(value)) return {literal: (value as {literal: string}).literal}
  if (typeof value === 'number') return String(value)
  if (name === 'page' && typeof value === 'string') return value.replace(/[–—]/g, '-')
  return value
}

function differences(expected: Expected, model: ReportModel): string[] {
  const byId = new Map(model.sources.map((entry) => [entry.value.id, entry.value.csl]))
  const out: string[] = []
  for (const [id, fields] of Object.entries(expected)) {
    const item = byId.get(id)
    if (!item) {
      out.push(`${id}: missing`)
      continue
    }
    for (const [name, value] of Object.entries(fields)) {
      const actual = comparable(name, item[name])
      const wanted = name === 'page' && typeof value === 'string' ? value.replace(/[–—]/g, '-') : value
      if (JSON.stringify(actual) !== JSON.stringify(wanted)) out.push(`${id}.${name}: ${JSON.stringify(actual)} ≠ ${JSON.stringify(wanted)}`)
    }
  }
  return out
}

describe.each([['zotero.json'], ['library.bib']] as const)('%s', (file) => {
  let expected: Expected
  let loaded: Loaded
  beforeAll(async () => {
    expected = (JSON.parse(await readFile(path.join(fixtures, 'expected.json'), 'utf8')) as Record<string, Expected>)[file]!
    loaded = await load(file, Object.keys(expected))
  })

  test('has at least 30 entries of the common types', () => {
    expect(Object.keys(expected).length).toBeGreaterThanOrEqual(30)
    const types = new Set(Object.values(expected).map((entry) => entry.type))
    for (const type of ['article-journal', 'book', 'chapter', 'report', 'thesis', 'webpage', 'paper-conference', 'legislation']) expect(types).toContain(type)
  })

  test('every entry loads, and every field comes through as CSL', () => {
    expect(differences(expected, loaded.model)).toEqual([])
  })

  test('no schema finding', () => {
    expect(loaded.findings.filter((finding) => / schema: /.test(finding))).toEqual([])
  })

  test('export sources gives every field', () => {
    const rows = exportRows(loaded.model, 'sources')
    for (const [id, fields] of Object.entries(expected)) {
      const row = rows.find((candidate) => candidate.id === id)
      expect(row, id).toBeDefined()
      const csl = row!.csl as Record<string, unknown>
      for (const name of Object.keys(fields)) expect(csl[name], `${id}.${name}`).toBeDefined()
    }
  })

  test('the bibliography prints each entry with its title, container, DOI and names', () => {
    const entries = loaded.bibliography
    expect(entries).toHaveLength(Object.keys(expected).length)
    for (const [id, fields] of Object.entries(expected)) {
      const entry = entries.find((candidate) => candidate.startsWith(`source-${id} `))
      expect(entry, id).toBeDefined()
      // Compared word by word: styles change punctuation, apostrophes and spaces around colons, not words.
      const words = (value: unknown, count = Infinity) => String(value).replace(/’/g, "'").split(/[\s\u00A0\u202F:,.“”«»"]+/u).filter(Boolean).slice(0, count).join(' ')
      const printed = words(entry)
      if (typeof fields.title === 'string') expect(printed, `${id} title`).toContain(words(fields.title, 4))
      if (typeof fields.DOI === 'string') expect(entry, `${id} DOI`).toContain(String(fields.DOI))
      if (typeof fields['container-title'] === 'string' && !['legislation', 'legal_case'].includes(String(fields.type))) expect(printed, `${id} container`).toContain(words(fields['container-title'], 4))
      const first = (fields.author as Array<{family?: string; literal?: string}> | undefined)?.[0]
      if (first) expect(printed, `${id} author`).toContain(first.family ?? first.literal ?? '')
    }
  })
})
