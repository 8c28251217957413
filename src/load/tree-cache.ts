import {createHash} from 'node:crypto'
import {deserialize, serialize} from 'node:v8'
import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import {cacheFolder, type CacheFolderOptions} from './cache-folder.js'

/**
 * Each Markdown file's tree kept in the user's cache folder, by the file's text and the rapporteur
 * that parsed it, and read back the next time that text comes: a writer who edits one chapter and
 * checks or builds again has only that chapter parsed. Why: parsing is most of `check` (micromark
 * in code V8 has not optimised yet, every run being a fresh process): the 288-page benchmark
 * project's 46 files take ~1.3 s to parse and 28 ms to read back, the sample's 13 files 232 ms
 * and 4 ms. V8's own serialisation keeps every field as it was (undefined ones too, which JSON
 * would drop); a test checks that every Markdown file of the repository comes back equal to its parse.
 *
 * Layout: `<cache>/trees/<rapporteur>/<project>/<key>.v8` (load/cache-folder.ts: another version,
 * or a checkout rebuilt, parses afresh). Saving removes the project's trees its files no longer have
 * (an edited chapter's old text) and the folders of other rapporteurs, so the cache holds one tree
 * per file of each project checked.
 *
 * Values made from one file's text alone are kept the same way (`derived`): check() keeps the
 * sources registry as read, with what reading it found (api/check.ts), for a large registry's
 * YAML is slow to parse with its places (~60 ms of the 100-page benchmark project's check).
 *
 * A cache file is rapporteur's own output, not a user's input: it is not validated with a schema
 * (that would cost what parsing does), but it must name the key it was written for and hold a
 * root, or it is parsed again. Any failure to read or write only costs the parse.
 */

/** Bump when the cached value's shape changes. */
const FORMAT = 1

export type TreeCacheOptions = CacheFolderOptions

export interface TreeCache {
  /** The file's tree: read back when this rapporteur parsed the same text before, else `parse(file)`, kept for save. */
  tree(file: VFile, parse: (file: VFile) => Root): Root
  /**
   * A value made from one file's text alone, such as a registry as read (`kind` names it, with
   * whatever else it depends on): read back when this rapporteur made it from the same text
   * before and `fits` takes it, else `make()`, kept for save.
   */
  derived<T>(kind: string, text: string, make: () => Promise<T>, fits: (value: unknown) => value is T): Promise<T>
  /** The value kept for `kind` and `text`, when this rapporteur made one and `fits` takes it (it is kept again at save). */
  peek<T>(kind: string, text: string, fits: (value: unknown) => value is T): Promise<T | undefined>
  /** Keep `value` for `kind` and `text` at save, in place of any value kept before. */
  keep(kind: string, text: string, value: unknown): void
  /** Write the trees parsed and the values made this run; remove the project's others and other rapporteurs' folders. Never throws. */
  save(): Promise<void>
  /** Files read back, and parsed, so far. */
  readonly counts: {read: number; parsed: number}
}

interface Stored {
  key: string
  tree: Root
}

interface StoredValue {
  key: string
  value: unknown
}

/** Open the cache for `files`: every tree it holds for their texts is read now, all at once. */
export async function openTreeCache(options: TreeCacheOptions, files: readonly VFile[]): Promise<TreeCache> {
  const folder = cacheFolder('trees', FORMAT, options)
  const keyOf = (file: VFile): string => createHash('sha256').update(`${FORMAT}\0${options.fingerprint}\0`).update(String(file.value)).digest('hex')
  const keys = new Map(files.map((file) => [file, keyOf(file)]))
  const found = new Map<string, Root>()
  await Promise.all([...new Set(keys.values())].map(async (key) => {
    const tree = readStored(await folder.read(`${key}.v8`), key)
    if (tree) found.set(key, tree)
  }))
  const valueKey = (kind: string, text: string): string => createHash('sha256').update(`${FORMAT}\0${options.fingerprint}\0${kind}\0`).update(text).digest('hex')
  const fresh = new Map<string, Buffer>()
  const counts = {read: 0, parsed: 0}
  // The values made or read back this run (derived), kept at save with the trees.
  const values = new Set<string>()

  const peek: TreeCache['peek'] = async (kind, text, fits) => {
    const key = valueKey(kind, text)
    values.add(`${key}.v8`)
    const stored = readStoredValue(await folder.read(`${key}.v8`), key)
    if (!stored || !fits(stored.value)) return undefined
    counts.read++
    return stored.value
  }
  const keep: TreeCache['keep'] = (kind, text, value) => {
    const key = valueKey(kind, text)
    values.add(`${key}.v8`)
    counts.parsed++
    // Serialised now, before the model adds to what it is given.
    fresh.set(`${key}.v8`, serialize({key, value} satisfies StoredValue))
  }

  return {
    counts,
    tree(file, parse) {
      const key = keys.get(file) ?? keyOf(file)
      const cached = found.get(key)
      // Handed out once: the model adds to the trees it is given, and two files with the same text get two trees.
      if (cached) {
        found.delete(key)
        counts.read++
        return cached
      }
      const tree = parse(file)
      counts.parsed++
      // Serialised now, before the model adds to the tree.
      if (!fresh.has(`${key}.v8`)) fresh.set(`${key}.v8`, serialize({key, tree} satisfies Stored))
      return tree
    },
    async derived(kind, text, make, fits) {
      const stored = await peek(kind, text, fits)
      if (stored !== undefined) return stored
      const value = await make()
      keep(kind, text, value)
      return value
    },
    peek,
    keep,
    save: () => folder.save(fresh, new Set([...[...keys.values()].map((key) => `${key}.v8`), ...values]))
  }
}

function readStored(bytes: Buffer | undefined, key: string): Root | undefined {
  if (!bytes) return undefined
  try {
    const stored = deserialize(bytes) as Partial<Stored> | null
    if (stored && stored.key === key && stored.tree?.type === 'root' && Array.isArray(stored.tree.children)) return stored.tree
  } catch {
    // Not a cache file this Node reads: parsed again.
  }
  return undefined
}

function readStoredValue(bytes: Buffer | undefined, key: string): StoredValue | undefined {
  if (!bytes) return undefined
  try {
    const stored = deserialize(bytes) as Partial<StoredValue> | null
    if (stored && stored.key === key) return stored as StoredValue
  } catch {
    // Not a cache file this Node reads: made again.
  }
  return undefined
}
