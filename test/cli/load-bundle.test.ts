import {cpSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync} from 'node:fs'
import {mkdtemp, rm} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {afterEach, beforeEach, describe, expect, test} from 'vitest'
import {codeCacheDir, codeCacheSetting, loadBundle} from '../../src/cli/load-bundle.js'

/**
 * The CLI's bundle runs through loadBundle, which compiles its CommonJS chunks with V8's cached
 * code from the last run. A small bundle of the same shape as scripts/bundle.js makes: an entry
 * requiring chunks by relative path, a cycle, a package and a Node module.
 */
let dir: string
let bundle: string
let cache: string

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'rapporteur-load-bundle-'))
  bundle = path.join(dir, 'bundle')
  cache = path.join(dir, 'cache')
  mkdirSync(bundle)
  // Packages are found as from dist/bundle/: in the project's node_modules.
  symlinkSync(path.join(import.meta.dirname, '../../node_modules'), path.join(dir, 'node_modules'))
  chunk('cli.cjs', `"use strict";
const shared = require("./shared-AAAA.cjs");
const {join} = require("node:path");
const {parse} = require("yaml");
exports.main = (name) => shared.greet(join("a", name)) + " " + parse("n: 2").n;
exports.lazily = () => Promise.resolve().then(() => require("./lazy-BBBB.cjs")).then((m) => m.value);
exports.where = () => __filename;`)
  chunk('shared-AAAA.cjs', `"use strict";
const cycle = require("./cycle-CCCC.cjs");
exports.greet = (what) => "hello " + what + cycle.mark();`)
  chunk('cycle-CCCC.cjs', `"use strict";
const shared = require("./shared-AAAA.cjs");
exports.mark = () => (typeof shared.greet === "function" ? "!" : "?");`)
  chunk('lazy-BBBB.cjs', `module.exports = {value: 42};`)
})
afterEach(async () => {
  await rm(dir, {recursive: true, force: true})
})

function chunk(name: string, source: string): void {
  writeFileSync(path.join(bundle, name), source)
}

/**
 * The bundle's entry, from a copy of it in a new folder: V8 keeps what this process compiled by
 * source and file name and would give it back without reading the cache, so each "next run" here
 * loads the same chunks from elsewhere, as a new process would see them.
 */
let copies = 0
function nextRun(): string {
  const copied = path.join(dir, `run-${++copies}`)
  cpSync(bundle, copied, {recursive: true})
  return path.join(copied, 'cli.cjs')
}

describe('loadBundle', () => {
  test('runs the chunks as Node would: relative requires, cycles, packages, lazy chunks, __filename', async () => {
    const {exports} = loadBundle(path.join(bundle, 'cli.cjs'))
    const main = exports.main as (name: string) => string
    expect(main('b')).toBe('hello a/b! 2')
    expect(await (exports.lazily as () => Promise<number>)()).toBe(42)
    expect((exports.where as () => string)()).toBe(path.join(bundle, 'cli.cjs'))
  })

  test('writes each chunk it ran to the cache, and the next run compiles them from it', async () => {
    const first = loadBundle(path.join(bundle, 'cli.cjs'), cache)
    await (first.exports.lazily as () => Promise<number>)()
    expect(first.fromCache).toEqual([])
    first.saveCodeCache()
    const written = readdirSync(cache).sort()
    expect(written.map((name) => name.replace(/\.[\da-f]{16}\.v8$/u, ''))).toEqual(['cli.cjs', 'cycle-CCCC.cjs', 'lazy-BBBB.cjs', 'shared-AAAA.cjs'])

    const second = loadBundle(nextRun(), cache)
    expect(second.fromCache.sort()).toEqual(['cli.cjs', 'cycle-CCCC.cjs', 'shared-AAAA.cjs'])
    expect((second.exports.main as (name: string) => string)('c')).toBe('hello a/c! 2')
  })

  test('a chunk whose contents changed is compiled afresh, and its old copy removed', () => {
    loadBundle(path.join(bundle, 'cli.cjs'), cache).saveCodeCache()
    const before = readdirSync(cache)
    // Same length, other code: V8 checks only the length, the file's name tells them apart.
    chunk('shared-AAAA.cjs', readFileSync(path.join(bundle, 'shared-AAAA.cjs'), 'utf8').replace('"hello "', '"HELLO "'))
    const again = loadBundle(nextRun(), cache)
    expect((again.exports.main as (name: string) => string)('d')).toBe('HELLO a/d! 2')
    expect(again.fromCache.sort()).toEqual(['cli.cjs', 'cycle-CCCC.cjs'])
    again.saveCodeCache()
    const after = readdirSync(cache)
    expect(after).toHaveLength(before.length)
    expect(after.filter((name) => name.startsWith('shared-AAAA.cjs.'))).toHaveLength(1)
    expect(after.find((name) => name.startsWith('shared-AAAA.cjs.'))).not.toBe(before.find((name) => name.startsWith('shared-AAAA.cjs.')))
  })

  test('a chunk the bundle no longer has loses its copy', () => {
    loadBundle(path.join(bundle, 'cli.cjs'), cache).saveCodeCache()
    writeFileSync(path.join(cache, 'gone-DDDD.cjs.0123456789abcdef.v8'), 'old')
    chunk('cli.cjs', `${readFileSync(path.join(bundle, 'cli.cjs'), 'utf8')}\n// rebuilt`)
    loadBundle(path.join(bundle, 'cli.cjs'), cache).saveCodeCache()
    expect(existsSync(path.join(cache, 'gone-DDDD.cjs.0123456789abcdef.v8'))).toBe(false)
  })

  test('a damaged copy is refused by V8: the chunk runs, and its copy is written again', () => {
    loadBundle(path.join(bundle, 'cli.cjs'), cache).saveCodeCache()
    const copy = readdirSync(cache).find((name) => name.startsWith('cli.cjs.'))!
    writeFileSync(path.join(cache, copy), Buffer.alloc(4096, 7))
    const damaged = loadBundle(nextRun(), cache)
    expect(damaged.fromCache.sort()).toEqual(['cycle-CCCC.cjs', 'shared-AAAA.cjs'])
    expect((damaged.exports.main as (name: string) => string)('e')).toBe('hello a/e! 2')
    damaged.saveCodeCache()
    expect(readFileSync(path.join(cache, copy)).equals(Buffer.alloc(4096, 7))).toBe(false)
    expect(loadBundle(nextRun(), cache).fromCache).toContain('cli.cjs')
  })

  test('a cache folder that cannot be written costs nothing but the cache', () => {
    writeFileSync(path.join(dir, 'a-file'), '')
    const blocked = path.join(dir, 'a-file', 'cache')
    const loaded = loadBundle(path.join(bundle, 'cli.cjs'), blocked)
    expect(() => loaded.saveCodeCache()).not.toThrow()
    expect((loaded.exports.main as (name: string) => string)('f')).toBe('hello a/f! 2')
  })

  test("an error in a chunk points at the chunk's own line", () => {
    chunk('lazy-BBBB.cjs', `"use strict";\n\nthrow new Error("broken");`)
    const {exports} = loadBundle(path.join(bundle, 'cli.cjs'))
    return expect((exports.lazily as () => Promise<number>)()).rejects.toSatisfy((error: Error) => error.stack!.includes(`${path.join(bundle, 'lazy-BBBB.cjs')}:3:`))
  })
})

describe('codeCacheDir', () => {
  test("one folder per command, installation and Node version, under rapporteur's cache; off when asked", () => {
    const env = {RAPPORTEUR_CACHE: '/cache'}
    const node = path.join('/cache', 'code', `node-${process.version}-${process.arch}`)
    const build = codeCacheDir('build', '/opt/rapporteur/dist/bundle', env)!
    expect(path.dirname(path.dirname(build))).toBe(node)
    expect(path.basename(build)).toBe('build')
    expect(codeCacheDir('check', '/opt/rapporteur/dist/bundle', env)).toBe(path.join(path.dirname(build), 'check'))
    // Another installation: another folder, so that neither removes the other's copies.
    expect(codeCacheDir('build', '/home/me/project/node_modules/rapporteur/dist/bundle', env)).not.toBe(build)
    expect(codeCacheDir('../../etc', '/opt/rapporteur/dist/bundle', env)).toBe(path.join(path.dirname(build), 'other'))
    expect(codeCacheDir(undefined, '/opt/rapporteur/dist/bundle', env)).toMatch(/other$/u)
    expect(codeCacheDir('check', '/opt/rapporteur/dist/bundle', {...env, RAPPORTEUR_CODE_CACHE: 'off'})).toBeUndefined()
  })
})

describe('codeCacheSetting', () => {
  test.each([
    [undefined, true],
    ['off', false],
    ['OFF', false],
    ['0', false],
    ['false', false],
    ['no', false],
    ['on', true],
    ['1', true],
    [' yes ', true]
  ])('RAPPORTEUR_CODE_CACHE=%j: on %s, no warning', (value, on) => {
    expect(codeCacheSetting(value === undefined ? {} : {RAPPORTEUR_CODE_CACHE: value})).toEqual({on})
  })

  test('a value it does not understand keeps the cache on and says so, naming the value', () => {
    const setting = codeCacheSetting({RAPPORTEUR_CODE_CACHE: 'of'})
    expect(setting.on).toBe(true)
    expect(setting.warning).toBe('rapporteur: RAPPORTEUR_CODE_CACHE="of" is not understood, so the code cache stays on; set it to `off` (or `on`).')
    expect(codeCacheDir('check', '/opt/rapporteur/dist/bundle', {RAPPORTEUR_CACHE: '/cache', RAPPORTEUR_CODE_CACHE: 'of'})).toBeDefined()
  })
})
