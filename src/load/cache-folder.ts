import {createHash} from 'node:crypto'
import {mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile} from 'node:fs/promises'
import path from 'node:path'

/**
 * A project's folder in one of rapporteur's caches of its own results (load/tree-cache.ts,
 * api/citation-store.ts): `<cache>/<kind>/<rapporteur>/<project>/`, one folder per rapporteur (its
 * install fingerprint and the cache's format: another version, or a checkout rebuilt, starts
 * afresh) and per project (its absolute path). Saving keeps only the entries the run used, and of
 * the other rapporteurs' folders only the one used last (OTHERS_KEPT), so that the cache never
 * grows past two runs' worth per project. Any failure to read or write only costs the work the
 * cache would have saved.
 */
export interface CacheFolderOptions {
  /** The user's cache folder (cacheRoot). */
  root: string
  /** The rapporteur that made the entries (api/build-state.ts, installFingerprint). */
  fingerprint: string
  /** The report folder, absolute. */
  project: string
}

export interface CacheFolder {
  /** An entry's bytes, or undefined when it is not there (or cannot be read). */
  read(name: string): Promise<Buffer | undefined>
  /** Every entry of the folder, by name (none when there is no folder yet). */
  readAll(): Promise<Map<string, Buffer>>
  /** The names of the folder's entries, without reading them (none when there is no folder yet). */
  names(): Promise<string[]>
  /** Write `fresh`, remove the project's entries not in `wanted` and other rapporteurs' folders but the last used. Never throws. */
  save(fresh: ReadonlyMap<string, Uint8Array>, wanted: ReadonlySet<string>): Promise<void>
}

/**
 * Other rapporteurs' folders kept beside the one saving: the one used last. Two rapporteurs used in
 * turn on one machine (a global install and a project's own, `npx`) would otherwise each remove
 * the other's entries, and every run would parse and format everything again. Older ones, left by
 * upgrades or rebuilt checkouts, are removed.
 */
const OTHERS_KEPT = 1

export function cacheFolder(kind: string, format: number, options: CacheFolderOptions): CacheFolder {
  const rapporteur = path.join(options.root, kind, digest(`${format}\0${options.fingerprint}`))
  const folder = path.join(rapporteur, digest(options.project))
  const read = async (name: string) => readFile(path.join(folder, name)).catch(() => undefined)
  return {
    read,
    async names() {
      return (await readdir(folder).catch(() => [] as string[])).filter((name) => !name.endsWith('.tmp'))
    },
    async readAll() {
      const names = await readdir(folder).catch(() => [] as string[])
      const entries = new Map<string, Buffer>()
      await Promise.all(names.filter((name) => !name.endsWith('.tmp')).map(async (name) => {
        const bytes = await read(name)
        if (bytes) entries.set(name, bytes)
      }))
      return entries
    },
    async save(fresh, wanted) {
      try {
        await mkdir(folder, {recursive: true})
        await Promise.all([...fresh].map(async ([name, bytes]) => {
          const file = path.join(folder, name)
          // Written then renamed, so that a run beside this one never reads half a file.
          const staged = `${file}.${process.pid}.tmp`
          await writeFile(staged, bytes)
          await rename(staged, file)
        }))
        await Promise.all((await readdir(folder)).filter((name) => !wanted.has(name) && !name.endsWith('.tmp')).map((name) => rm(path.join(folder, name), {force: true})))
        // This rapporteur's folder marked as used now, the others ranked by their last use.
        const now = new Date()
        await utimes(rapporteur, now, now)
        const current = path.basename(rapporteur)
        const kindFolder = path.dirname(rapporteur)
        const others = await Promise.all((await readdir(kindFolder)).filter((name) => name !== current).map(async (name) => ({name, used: (await stat(path.join(kindFolder, name)).catch(() => undefined))?.mtimeMs ?? 0})))
        others.sort((a, b) => b.used - a.used)
        await Promise.all(others.slice(OTHERS_KEPT).map(({name}) => rm(path.join(kindFolder, name), {recursive: true, force: true})))
      } catch {
        // A cache folder that cannot be written (read-only home, full disk) only means doing the work again.
      }
    }
  }
}

function digest(text: string): string {
  return createHash('sha1').update(text).digest('hex').slice(0, 16)
}
