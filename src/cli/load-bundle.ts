import {isAscii} from 'node:buffer'
import {createHash} from 'node:crypto'
import {mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import {Script} from 'node:vm'
import {cacheRoot} from '../load/cache-root.js'
import {cacheSetting} from './cache-setting.js'

/**
 * Runs the CLI's bundle (dist/bundle/: CommonJS chunks made by scripts/bundle.js) with V8's
 * compiled code kept from one run to the next. Why: every command compiles the code it runs again
 * (the parser, the model, the rules, the renderer, the browser driver): importing what a build
 * loads took ~350 ms, 142 ms of it V8 parsing the scripts' top level alone. Node 22 keeps such a
 * cache itself (`module.enableCompileCache`); Node 20 does not, so the chunks are compiled here
 * with `vm.Script` and the cached data V8 gave last time, as the `v8-compile-cache` package did.
 *
 * The cache is only a speed-up. It lives in the user's cache folder (`RAPPORTEUR_CACHE`, else
 * `~/.cache/rapporteur`), one set per command (a `check` compiles less than a `build`), per
 * installation and per Node version, each file named by its chunk's contents (V8 itself checks
 * only the length). It is written at exit, for the chunks that had none or whose copy V8
 * refused; a folder that cannot be written leaves the command as fast as without it, never
 * failing. `RAPPORTEUR_CODE_CACHE=off` turns it off (codeCacheSetting).
 */

type Chunk = {exports: Record<string, unknown>}
type Fresh = {cacheFile: string; script: Script}

export type LoadedBundle = {
  /** What the entry chunk exports. */
  exports: Record<string, unknown>
  /** The chunks compiled from cached code this run (file names). */
  fromCache: string[]
  /** Write the cached code of the chunks that had none (done at exit; safe to call twice). */
  saveCodeCache: () => void
}

/**
 * The code cache's folder for a command of the bundle in `bundleDir`, or undefined when
 * `RAPPORTEUR_CODE_CACHE` turns it off. One folder per installation (by its path), so that two installed
 * versions used in turn (a global one, a project's own) do not remove each other's copies.
 */
export function codeCacheDir(command: string | undefined, bundleDir: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (codeCacheSetting(env).on === false) return undefined
  const profile = command !== undefined && /^[a-z][a-z-]{0,30}$/u.test(command) ? command : 'other'
  const installation = createHash('sha1').update(path.resolve(bundleDir)).digest('hex').slice(0, 12)
  return path.join(cacheRoot(env), 'code', `node-${process.version}-${process.arch}`, installation, profile)
}

/**
 * `RAPPORTEUR_CODE_CACHE` as understood (cache-setting.ts): off, on, or on with a warning naming
 * a value it does not take.
 */
export function codeCacheSetting(env: NodeJS.ProcessEnv = process.env): {on: boolean; warning?: string} {
  return cacheSetting('RAPPORTEUR_CODE_CACHE', 'code cache', env)
}

/** Load `entry` and the chunks it requires (relative paths), compiled with the code cache in `cacheDir` when given. */
export function loadBundle(entry: string, cacheDir?: string): LoadedBundle {
  const loaded = new Map<string, Chunk>()
  const fresh: Fresh[] = []
  const fromCache: string[] = []
  const packages = createRequire(entry)

  const load = (file: string): Record<string, unknown> => {
    const known = loaded.get(file)
    if (known) return known.exports
    const bytes = readFileSync(file)
    // A chunk the bundle wrote in ASCII (scripts/ascii-chunks.js) is read as Latin-1, a copy of its bytes, instead of decoding UTF-8.
    const source = bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8')
    const chunk: Chunk = {exports: {}}
    // Registered before it runs, as Node's require does: chunks requiring each other get the exports so far.
    loaded.set(file, chunk)
    const cacheFile = cacheDir === undefined ? undefined : path.join(cacheDir, `${path.basename(file)}.${digest(bytes)}.v8`)
    const cachedData = cacheFile === undefined ? undefined : readIfThere(cacheFile)
    // The wrapper opens on the chunk's first line, so that stack traces keep the file's line numbers.
    const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {filename: file, cachedData})
    if (cachedData && !script.cachedDataRejected) fromCache.push(path.basename(file))
    else if (cacheFile !== undefined) fresh.push({cacheFile, script})
    const require = (id: string): unknown => (id.startsWith('./') || id.startsWith('../') ? load(path.resolve(path.dirname(file), id)) : packages(id))
    const run = script.runInThisContext() as (...args: unknown[]) => void
    run.call(chunk.exports, chunk.exports, require, chunk, file, path.dirname(file))
    return chunk.exports
  }

  const exports = load(path.resolve(entry))
  let saved = false
  const saveCodeCache = (): void => {
    if (saved || cacheDir === undefined) return
    saved = true
    writeCodeCache(cacheDir, fresh, path.dirname(path.resolve(entry)))
  }
  if (cacheDir !== undefined) process.once('exit', saveCodeCache)
  return {exports, fromCache, saveCodeCache}
}

function digest(bytes: Buffer): string {
  return createHash('sha1').update(bytes).digest('hex').slice(0, 16)
}

/** `cli.cjs.0123456789abcdef.v8` (or a staged `….v8.1234`) → `cli.cjs`. */
function chunkOf(cacheName: string): string {
  return cacheName.slice(0, cacheName.indexOf('.cjs.') + '.cjs'.length)
}

function readIfThere(file: string): Buffer | undefined {
  try {
    return readFileSync(file)
  } catch {
    return undefined
  }
}

/**
 * Write each fresh script's cached code (what V8 compiled while the command ran, not only the top
 * level), staged and renamed so that two commands at once never read half a file; then remove the
 * copies of chunks the bundle no longer has or that had other contents (an upgrade, a rebuild).
 */
function writeCodeCache(cacheDir: string, fresh: readonly Fresh[], bundleDir: string): void {
  try {
    if (fresh.length === 0) return
    mkdirSync(cacheDir, {recursive: true})
    for (const {cacheFile, script} of fresh) {
      const staged = `${cacheFile}.${process.pid}`
      writeFileSync(staged, script.createCachedData())
      renameSync(staged, cacheFile)
    }
    const written = new Map(fresh.map(({cacheFile}) => [chunkOf(path.basename(cacheFile)), path.basename(cacheFile)]))
    const chunks = new Set(readdirSync(bundleDir))
    for (const name of readdirSync(cacheDir)) {
      const chunk = chunkOf(name)
      const replaced = written.has(chunk) && written.get(chunk) !== name
      if (!chunks.has(chunk) || replaced) rmSync(path.join(cacheDir, name), {force: true})
    }
  } catch {
    // A cache folder that cannot be written (read-only home, full disk) only means no cache.
  }
}
