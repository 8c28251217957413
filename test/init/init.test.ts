import {mkdtemp, readFile, rm, writeFile, mkdir} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {parseDocument, isMap, isScalar} from 'yaml'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {check} from '../../src/api/check.js'
import {runInit} from '../../src/cli/commands/init.js'
import {toJsonDiagnostics} from '../../src/diagnostics/to-json.js'
import {initProject} from '../../src/init/init.js'
import {captureIo} from '../helpers/io.js'

/** `rapporteur init`: what it writes, and that what it writes is a clean, complete example. */
let work: string

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'rapporteur-init-'))
})

afterAll(async () => {
  await rm(work, {recursive: true, force: true})
})

describe.each(['fr', 'en'] as const)('rapporteur init --lang %s', (lang) => {
  let dir: string

  beforeAll(async () => {
    const io = captureIo(work)
    expect(await runInit(`project-${lang}`, {lang}, io)).toBe(0)
    dir = path.join(work, `project-${lang}`)
    expect(io.err()).toBe('')
    expect(io.out()).toContain('rapporteur.yaml')
  })

  test('the project passes check with no diagnostic at all', async () => {
    const result = await check(dir)
    expect(result.ok).toBe(true)
    expect(toJsonDiagnostics(result.files)).toEqual([])
  })

  test('it holds one of each block, in the language asked for', async () => {
    const result = await check(dir)
    if (!result.ok) throw new Error('config')
    const {model} = result
    expect(model.config.lang).toBe(lang)
    expect(model.documents.length).toBe(3)
    expect(model.config.editions.full.files).toHaveLength(2)
    expect(model.recommendations.length).toBeGreaterThanOrEqual(1)
    expect(model.stats.some((stat) => stat.key)).toBe(true)
    expect(model.blocks.map((block) => block.kind).sort()).toEqual(['callout', 'viewpoint'])
    expect(model.terms.length).toBeGreaterThan(0)
    expect(model.refs.length).toBeGreaterThan(0)
    const leaves = model.directives.filter((use) => use.kind === 'leafDirective').map((use) => use.name)
    expect(leaves).toEqual(expect.arrayContaining(['keyfigures', 'recommendations']))
    const markdown = [...model.files.values()].filter((file) => file.path.endsWith('.md')).map(String).join('\n')
    expect(markdown).toMatch(/^\[\^\w+\]: .*\[@[\w-]+/mu)
    expect(markdown).toMatch(/^\| --- \|/mu)
  })

  test('its figures are examples: waived, or cited to a source that says it is fictional', async () => {
    const result = await check(dir)
    if (!result.ok) throw new Error('config')
    const {model} = result
    expect(model.waivers.map((waiver) => waiver.reason)).toEqual([lang === 'fr' ? 'exemple' : 'example'])
    expect(model.figures.length).toBeGreaterThan(0)
    for (const source of model.sources) expect(`${source.value.title} ${source.value.note}`).toMatch(/fictive|fictional/u)
  })

  test('every field of rapporteur.yaml has a comment above it', async () => {
    const text = await readFile(path.join(dir, 'rapporteur.yaml'), 'utf8')
    const document = parseDocument(text)
    expect(isMap(document.contents)).toBe(true)
    const lines = text.split('\n')
    for (const pair of (document.contents as import('yaml').YAMLMap).items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : ''
      const index = lines.findIndex((line) => line.startsWith(`${key}:`))
      expect(lines[index - 1], `a comment above \`${key}\``).toMatch(/^#/u)
    }
  })

  test('it writes a .gitignore for the output folder', async () => {
    expect(await readFile(path.join(dir, '.gitignore'), 'utf8')).toBe('dist/\n')
  })
})

describe('rapporteur init in a folder that is not empty', () => {
  test('refuses with exit 2 and a message, and writes nothing', async () => {
    const dir = path.join(work, 'taken')
    await mkdir(dir)
    await writeFile(path.join(dir, 'notes.txt'), 'mine')
    const io = captureIo(work)
    expect(await runInit('taken', {lang: 'fr'}, io)).toBe(2)
    expect(io.err()).toMatch(/^rapporteur: Cannot create a report in `.*taken`: the folder is not empty \(1 entry\)\n {2}.*--force/u)
    expect(io.out()).toBe('')
    await expect(readFile(path.join(dir, 'rapporteur.yaml'))).rejects.toThrow()
  })

  test('writes over it with --force, keeping the other files', async () => {
    const dir = path.join(work, 'forced')
    await mkdir(dir)
    await writeFile(path.join(dir, 'notes.txt'), 'mine')
    await writeFile(path.join(dir, 'rapporteur.yaml'), 'old')
    expect(await runInit('forced', {lang: 'en', force: true}, captureIo(work))).toBe(0)
    expect(await readFile(path.join(dir, 'notes.txt'), 'utf8')).toBe('mine')
    expect(await readFile(path.join(dir, 'rapporteur.yaml'), 'utf8')).toContain('lang: en')
  })

  test('refuses a path that is a file', async () => {
    await writeFile(path.join(work, 'a-file'), '')
    const io = captureIo(work)
    expect(await runInit('a-file', {lang: 'fr'}, io)).toBe(2)
    expect(io.err()).toContain('it is a file')
  })
})

test('the report is dated the month it is created, and its example sources that year', async () => {
  const dir = path.join(work, 'dated')
  await initProject(dir, {lang: 'fr', now: new Date(2031, 2, 15)})
  expect(await readFile(path.join(dir, 'rapporteur.yaml'), 'utf8')).toMatch(/^date: 2031-03$/mu)
  const sources = await readFile(path.join(dir, 'sources.yaml'), 'utf8')
  expect(sources).toMatch(/^ {2}date: 2031$/mu)
  expect(sources).not.toContain('{{')
})
