import {createHash} from 'node:crypto'
import {mkdir, readdir, readFile, rename, rm, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {deserialize, serialize} from 'node:v8'
import type {Root} from 'mdast'
import type {VFile} from 'vfile'

/**
 * Each Markdown file's tree kept in the user's cache folder, by the file's text and the rapporteur
 * that parsed it, and read back the next time that text comes: a writer who edits one chapter and
 * checks or builds again has only that chapter parsed. Why: parsing is most of `check` (micromark
 * in code V8 has not optimised yet, every run being a fresh process): the 288-page benchmark
 * project's 46 files take ~1.3 s to parse and 28 ms to read back, the sample's 13 files 232 ms
 * and 4 ms. V8's own serialisation keeps every field as it was (undefined ones too, which JSON
 * would drop); a test checks that every Markdown file of the repository comes back equal to its parse.
 *
 * Layout: `<cache>/trees/<rapporteur>/<project>/<key>.v8`, one folder per rapporteur (its install
 * fingerprint: another version, or a checkout rebuilt, parses afresh) and per project (its
 * absolute path). Saving removes the project's trees its files no longer have (an edited chapter's
 * old text) and the folders of other rapporteurs, so the cache holds one tree per file of each
 * project checked.
 *
 * A cache file is rapporteur's own output, not a user's input: it is not validated with a schema
 * (that would cost what parsing does), but it must name the key it was written for and hold a
 * root, or it is parsed again. Any failure to read or write only costs the parse.
 */

/** Bump when the cached value's shape changes. */
const FORMAT = 1

export interface TreeCacheOptions {
  /** The user's cache folder (cacheRoot). */
  root: string
  /** The rapporteur that parses (api/build-state.ts, installFingerprint). */
  fingerprint: string
  /** The report folder, absolute. */
  project: string
}

export interface TreeCache {
  /** The file's tree: read back when this rapporteur parsed the same text before, else `parse(file)`, kept for save. */
  tree(file: VFile, parse: (file: VFile) => Root): Root
  /** Write the trees parsed this run; remove the project's other trees and other rapporteurs' folders. Never throws. */
  save(): Promise<void>
  /** Files read back, and parsed, so far. */
  readonly counts: {read: number; parsed: number}
}

interface Stored {
  key: string
  tree: Root
}

/** Open the cache for `files`: every tree it holds for their texts is read now, all at once. */
export async function openTreeCache(options: TreeCacheOptions, files: readonly VFile[]): Promise<TreeCache> {
  const rapporteur = path.join(options.root, 'trees', digest(`${FORMAT}\0${options.fingerprint}`))
  const folder = path.join(rapporteur, digest(options.project))
  const keyOf = (file: VFile): string => createHash('sha256').update(`${FORMAT}\0${options.fingerprint}\0`).update(String(file.value)).digest('hex')
  const keys = new Map(files.map((file) => [file, keyOf(file)]))
  const found = new Map<string, Root>()
  await Promise.all([...new Set(keys.values())].map(async (key) => {
    const tree = await readStored(path.join(folder, `${key}.v8`), key)
    if (tree) found.set(key, tree)
  }))
  const fresh = new Map<string, Buffer>()
  const counts = {read: 0, parsed: 0}

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
      if (!fresh.has(key)) fresh.set(key, serialize({key, tree} satisfies Stored))
      return tree
    },
    async save() {
      try {
        await mkdir(folder, {recursive: true})
        await Promise.all([...fresh].map(async ([key, bytes]) => {
          const file = path.join(folder, `${key}.v8`)
          // Written then renamed, so that a check running beside this one never reads half a file.
          const staged = `${file}.${process.pid}.tmp`
          await writeFile(staged, bytes)
          await rename(staged, file)
        }))
        const wanted = new Set([...keys.values()].map((key) => `${key}.v8`))
        await Promise.all((await readdir(folder)).filter((name) => !wanted.has(name) && !name.endsWith('.tmp')).map((name) => rm(path.join(folder, name), {force: true})))
        const current = path.basename(rapporteur)
        const trees = path.dirname(rapporteur)
        await Promise.all((await readdir(trees)).filter((name) => name !== current).map((name) => rm(path.join(trees, name), {recursive: true, force: true})))
      } catch {
        // A cache folder that cannot be written (read-only home, full disk) only means parsing again.
      }
    }
  }
}

async function readStored(file: string, key: string): Promise<Root | undefined> {
  try {
    const stored = deserialize(await readFile(file)) as Partial<Stored> | null
    if (stored && stored.key === key && stored.tree?.type === 'root' && Array.isArray(stored.tree.children)) return stored.tree
  } catch {
    // Not there yet, or not a cache file this Node reads: parsed again.
  }
  return undefined
}

function digest(text: string): string {
  return createHash('sha1').update(text).digest('hex').slice(0, 16)
}
