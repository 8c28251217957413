import {chmodSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {isDeepStrictEqual} from 'node:util'
import {deserialize, serialize} from 'node:v8'
import type {Root} from 'mdast'
import {VFile} from 'vfile'
import {afterEach, describe, expect, it, vi} from 'vitest'
import {check} from '../../src/api/check.js'
import {openTreeCache, type TreeCacheOptions} from '../../src/load/tree-cache.js'
import {parseMarkdown} from '../../src/parse/markdown.js'

const repository = path.resolve(import.meta.dirname, '../..')
const shared = path.resolve(repository, '..', 'shared')
const folders: string[] = []

function temporary(): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'rapporteur-tree-cache-'))
  folders.push(folder)
  return folder
}

afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, {recursive: true, force: true})
})

const file = (name: string, value: string) => new VFile({path: name, value})

/** Every cache file under `root`, relative. */
function cacheFiles(root: string): string[] {
  if (!existsSync(root)) return []
  return readdirSync(root, {recursive: true, withFileTypes: true}).filter((entry) => entry.isFile()).map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
}

/** Prefix every finding's text in the figure entries under `root` with MARKED; how many entries were changed. */
function markStoredFindings(root: string): number {
  let changed = 0
  for (const name of cacheFiles(root)) {
    const file = path.join(root, name)
    const stored = deserialize(readFileSync(file)) as {key: string; value?: unknown}
    if (!Array.isArray(stored.value) || !stored.value.every((block) => typeof block?.read === 'string')) continue
    for (const block of stored.value as Array<{findings: Array<{text: string}>}>) for (const finding of block.findings) finding.text = `MARKED${finding.text}`
    writeFileSync(file, serialize(stored))
    changed++
  }
  return changed
}

/** Open the cache for `files`, take every tree through it (counting parses), save. */
async function pass(options: TreeCacheOptions, files: VFile[]): Promise<{trees: Root[]; parsed: number}> {
  const cache = await openTreeCache(options, files)
  const parse = vi.fn(parseMarkdown)
  const trees = files.map((one) => cache.tree(one, parse))
  await cache.save()
  expect(cache.counts.parsed).toBe(parse.mock.calls.length)
  return {trees, parsed: parse.mock.calls.length}
}

describe('tree cache', () => {
  it('parses a text once, then reads the same tree back', async () => {
    const options = {root: temporary(), fingerprint: 'one', project: '/reports/a'}
    const files = () => [file('chapters/01.md', '# Un\n\nTexte [@source, p. 3].\n'), file('chapters/02.md', ':::stat\n12 %\n:::\n')]
    const first = await pass(options, files())
    expect(first.parsed).toBe(2)
    const second = await pass(options, files())
    expect(second.parsed).toBe(0)
    expect(second.trees).toStrictEqual(files().map((one) => parseMarkdown(one)))
  })

  it('parses again for another rapporteur; the one used before it keeps its trees, older ones are removed', async () => {
    const root = temporary()
    const files = () => [file('a.md', 'Un texte.\n')]
    // Each save marks its rapporteur's folder as used: a few milliseconds apart, so that their order shows.
    const later = () => new Promise((resolve) => setTimeout(resolve, 20))
    await pass({root, fingerprint: 'global', project: '/r'}, files())
    const [global] = cacheFiles(root)
    await later()
    expect((await pass({root, fingerprint: 'local', project: '/r'}, files())).parsed).toBe(1)
    expect(cacheFiles(root)).toHaveLength(2)
    await later()
    // Two installs used in turn keep each other's trees.
    expect((await pass({root, fingerprint: 'global', project: '/r'}, files())).parsed).toBe(0)
    await later()
    // A third (an upgrade): the one used last before it stays, the other goes.
    expect((await pass({root, fingerprint: 'upgraded', project: '/r'}, files())).parsed).toBe(1)
    const after = cacheFiles(root)
    expect(after).toHaveLength(2)
    expect(after).toContain(global)
    expect((await pass({root, fingerprint: 'local', project: '/r'}, files())).parsed).toBe(1)
  })

  it('parses an edited file only, and keeps one tree per file of the project', async () => {
    const options = {root: temporary(), fingerprint: 'one', project: '/r'}
    await pass(options, [file('a.md', 'Premier état.\n'), file('b.md', 'Autre.\n')])
    const edited = await pass(options, [file('a.md', 'Second état.\n'), file('b.md', 'Autre.\n')])
    expect(edited.parsed).toBe(1)
    expect(cacheFiles(options.root)).toHaveLength(2)
    // Another project's trees are its own.
    await pass({...options, project: '/other'}, [file('a.md', 'Ailleurs.\n')])
    expect(cacheFiles(options.root)).toHaveLength(3)
  })

  it('gives each file a tree of its own when two have the same text', async () => {
    const options = {root: temporary(), fingerprint: 'one', project: '/r'}
    await pass(options, [file('a.md', 'Pareil.\n'), file('b.md', 'Pareil.\n')])
    const {trees, parsed} = await pass(options, [file('a.md', 'Pareil.\n'), file('b.md', 'Pareil.\n')])
    expect(parsed).toBe(1)
    expect(trees[0]).not.toBe(trees[1])
    expect(trees[0]).toStrictEqual(trees[1])
  })

  it('parses again when a cache file is damaged or written for another key', async () => {
    const options = {root: temporary(), fingerprint: 'one', project: '/r'}
    const files = () => [file('a.md', 'Un.\n'), file('b.md', 'Deux.\n')]
    await pass(options, files())
    const [first, second] = cacheFiles(options.root).map((name) => path.join(options.root, name))
    const valid = readFileSync(first!)
    // A valid cache file under another key's name: its key says it is not this text's tree.
    writeFileSync(second!, valid)
    writeFileSync(first!, valid.subarray(0, 20))
    const again = await pass(options, files())
    expect(again.parsed).toBe(2)
    expect(again.trees).toStrictEqual(files().map((one) => parseMarkdown(one)))
  })

  it.skipIf(process.getuid?.() === 0)('only parses when the cache folder cannot be written', async () => {
    const root = temporary()
    chmodSync(root, 0o500)
    try {
      const options = {root, fingerprint: 'one', project: '/r'}
      expect((await pass(options, [file('a.md', 'Un.\n')])).parsed).toBe(1)
      expect((await pass(options, [file('a.md', 'Un.\n')])).parsed).toBe(1)
    } finally {
      chmodSync(root, 0o700)
    }
  })

  it('only parses when the cache folder is a file', async () => {
    const root = path.join(temporary(), 'cache')
    writeFileSync(root, 'not a folder')
    const options = {root, fingerprint: 'one', project: '/r'}
    expect((await pass(options, [file('a.md', 'Un.\n')])).parsed).toBe(1)
    expect((await pass(options, [file('a.md', 'Un.\n')])).parsed).toBe(1)
  })

  it('reads back what parsing gives, for every Markdown file of the repository (and ../shared when present)', async () => {
    const roots = [repository, ...(existsSync(shared) ? [shared] : [])]
    const paths = roots.flatMap((root) =>
      readdirSync(root, {recursive: true, withFileTypes: true})
        .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
        .map((entry) => path.join(entry.parentPath, entry.name))
        .filter((name) => !/[/\\](node_modules|dist|\.git)[/\\]/u.test(path.relative(root, name)))
    )
    expect(paths.length).toBeGreaterThan(100)
    const files = () => paths.map((name) => new VFile({path: name, value: readFileSync(name, 'utf8')}))
    const options = {root: temporary(), fingerprint: 'one', project: repository}
    const first = await pass(options, files())
    const {trees, parsed} = await pass(options, files())
    // A text met again (a file copied) gets a tree of its own, parsed: one is read back per text.
    const texts = files().map((one) => String(one.value))
    expect(parsed).toBe(texts.length - new Set(texts).size)
    // The first pass's trees are what parseMarkdown gave (nothing touched them since).
    const differ = paths.filter((name, index) => !isDeepStrictEqual(trees[index], first.trees[index]))
    expect(differ).toEqual([])
  }, 60_000)
})

describe('values made from a file\'s text (derived)', () => {
  const isText = (value: unknown): value is string => typeof value === 'string'

  it('makes a value once, reads it back, keeps it at save and drops it once a run no longer asks for it', async () => {
    const options = {root: temporary(), fingerprint: 'one', project: '/r'}
    const run = async (text: string, fits: (value: unknown) => value is string = isText) => {
      const cache = await openTreeCache(options, [])
      const make = vi.fn(async () => text.toUpperCase())
      const value = await cache.derived('sources\0sources.yaml\0fr', text, make, fits)
      await cache.save()
      return {value, made: make.mock.calls.length, counts: cache.counts}
    }
    expect(await run('- id: a\n')).toEqual({value: '- ID: A\n', made: 1, counts: {read: 0, parsed: 1}})
    expect(await run('- id: a\n')).toEqual({value: '- ID: A\n', made: 0, counts: {read: 1, parsed: 0}})
    expect(cacheFiles(options.root)).toHaveLength(1)
    // What is read back must fit, or it is made again.
    expect((await run('- id: a\n', (value): value is string => false)).made).toBe(1)
    // Another text: made, and the first one's entry removed.
    expect((await run('- id: b\n')).made).toBe(1)
    expect(cacheFiles(options.root)).toHaveLength(1)
  })
})

describe('check() with the tree cache', () => {
  const fixtures = ['figure-needs-citation', 'broken-ref', 'malformed-citation'].map((name) => path.join(repository, 'test/fixtures', name))

  it('finds the same, where trees are parsed and where they are read back, and writes them in the cache folder', async () => {
    const env = {...process.env, RAPPORTEUR_CACHE: temporary()}
    for (const dir of fixtures) {
      const messages = async (options: Parameters<typeof check>[1]) => (await check(dir, options)).files.flatMap((one) => one.messages.map((message) => `${one.path}:${message.line}:${message.column} ${message.ruleId} ${message.reason}`))
      const parsed = await messages({})
      expect(parsed.length).toBeGreaterThan(0)
      expect(await messages({treeCache: true, env})).toEqual(parsed)
      expect(await messages({treeCache: true, env})).toEqual(parsed)
    }
    expect(cacheFiles(path.join(env.RAPPORTEUR_CACHE, 'trees')).length).toBeGreaterThanOrEqual(fixtures.length)
  })

  it('reads the sources registry back with what reading it found, in YAML, BibTeX and CSL-JSON', async () => {
    // Fixtures whose registries have schema problems, unread fields and rejected entries (unread-field is BibTeX), and the sample.
    const registries = ['schema', 'source-incomplete', 'unread-field', 'unused-source'].map((name) => path.join(repository, 'test/fixtures', name)).concat(path.join(repository, 'report'))
    const json = path.join(temporary(), 'csl-json')
    cpSync(path.join(repository, 'test/fixtures/unused-source'), json, {recursive: true})
    rmSync(path.join(json, 'sources.yaml'))
    writeFileSync(path.join(json, 'sources.json'), JSON.stringify([{id: 'enquete-2024', type: 'report', title: 'Enquête', author: [{literal: 'Observatoire'}], issued: {'date-parts': [[2024]]}, 'call-number': 'X1'}, {id: 'autre', type: 'book', title: 'Autre'}]))
    for (const dir of [...registries, json]) {
      const env = {...process.env, RAPPORTEUR_CACHE: temporary()}
      const seen = async (options: Parameters<typeof check>[1]) => {
        const result = await check(dir, options)
        if (!result.ok) throw new Error(`check could not run on ${dir}`)
        const {sources, rejectedSources, unreadFields, problems} = result.model
        const messages = result.files.flatMap((one) => one.messages.map((message) => `${one.path}:${message.line}:${message.column} ${message.ruleId} ${message.reason}`))
        return {sources, rejectedSources, unreadFields, problems, messages}
      }
      const read = await seen({})
      expect(read.sources.length + read.rejectedSources.length).toBeGreaterThan(0)
      expect(await seen({treeCache: true, env})).toStrictEqual(read)
      expect(await seen({treeCache: true, env})).toStrictEqual(read)
      // Two entries per Markdown file (its tree, its figures), and one for the registry.
      const markdown = readdirSync(dir, {recursive: true}).filter((name) => String(name).endsWith('.md') && !String(name).includes('dist')).length
      expect(cacheFiles(path.join(env.RAPPORTEUR_CACHE, 'trees'))).toHaveLength(2 * markdown + 1)
    }
  })

  it('reads each file\'s figures back as detection found them, and detects again under other settings', async () => {
    const dirs = [path.join(repository, 'test/fixtures/figure-needs-citation'), path.join(repository, 'report')]
    for (const source of dirs) {
      const dir = path.join(temporary(), 'project')
      cpSync(source, dir, {recursive: true, filter: (name) => !name.includes(`${path.sep}dist`)})
      const env = {...process.env, RAPPORTEUR_CACHE: temporary()}
      const seen = async (options: Parameters<typeof check>[1]) => {
        const result = await check(dir, options)
        if (!result.ok) throw new Error(`check could not run on ${dir}`)
        return {figures: result.model.figures, nonFigures: result.model.nonFigures}
      }
      const found = await seen({})
      expect(found.figures.length + found.nonFigures.length).toBeGreaterThan(0)
      expect(await seen({treeCache: true, env})).toStrictEqual(found)
      expect(await seen({treeCache: true, env})).toStrictEqual(found)
      // A mark put into every stored finding shows: they were read back, not found again.
      const marked = markStoredFindings(path.join(env.RAPPORTEUR_CACHE, 'trees'))
      expect(marked).toBeGreaterThan(0)
      const read = await seen({treeCache: true, env})
      const detected = read.figures.filter((figure) => figure.status !== 'stat')
      expect(detected.length).toBeGreaterThan(0)
      expect(detected.every((figure) => figure.text.startsWith('MARKED'))).toBe(true)
      // Other settings for detection: found again, unmarked.
      const config = path.join(dir, 'rapporteur.yaml')
      const text = readFileSync(config, 'utf8')
      const ignore = '    ignore: ["zzz never there"]'
      writeFileSync(config, text.includes('    scope: sentence\n') ? text.replace('    scope: sentence\n', `    scope: sentence\n${ignore}\n`) : `${text.trimEnd()}\ncheck:\n  figures:\n${ignore}\n`)
      const other = await seen({treeCache: true, env})
      expect(other.figures.some((figure) => figure.text.startsWith('MARKED'))).toBe(false)
      expect(other.figures.map((figure) => figure.text)).toEqual(found.figures.map((figure) => figure.text))
    }
  })

  it('writes nothing without it', async () => {
    const env = {...process.env, RAPPORTEUR_CACHE: temporary()}
    await check(fixtures[0]!, {env})
    expect(cacheFiles(env.RAPPORTEUR_CACHE)).toEqual([])
  })
})
