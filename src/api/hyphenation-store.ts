import path from 'node:path'
import {deserialize, serialize} from 'node:v8'
import {cacheRoot} from '../load/cache-root.js'
import {cacheFolder, type CacheFolderOptions} from '../load/cache-folder.js'
import {hyphenationMemos, isPatterns, seedHyphenation, type HyphenationMemo} from '../render/typography/index.js'
import {installFingerprint} from './build-state.js'

/**
 * Where the print's soft hyphens go in each word (render/typography/hyphenate.ts), kept in the
 * user's cache folder between builds and read back before the render, so that a writer's rebuild
 * after an edit looks up the words it hyphenated last time instead of loading TeX's patterns and
 * running them over every word again. Why: in a CLI build (a fresh process) this was 60–85 ms of
 * the sample's print HTML, on the build's longest path before the first page reaches the browser.
 *
 * Layout: `<cache>/hyphenation/<rapporteur>/<project>/<patterns>.v8` (load/cache-folder.ts), one
 * entry per set of patterns (`fr`, `en-gb`, `en-us`), written again only when the build worked out
 * results the entry did not hold. Another rapporteur (another version, a checkout rebuilt) has its
 * own folder: its patterns or rules may differ. A result is taken back only if it is its word with
 * soft hyphens added (hyphenate.ts, seedHyphenation): a damaged entry never changes the text.
 */

/** Bump when the stored value's shape changes. */
const FORMAT = 1

export interface HyphenationStore {
  /** Write what this run added; never throws. */
  save(): Promise<void>
  /** Results taken back from the folder. */
  readonly read: number
}

interface Stored {
  words: Array<[string, string]>
  chunks: Array<[string, string]>
}

/** Open the store of a project and take up what it holds (one small file per set of patterns). */
export async function openHyphenationStore(options: CacheFolderOptions): Promise<HyphenationStore> {
  const folder = cacheFolder('hyphenation', FORMAT, options)
  const stored = await folder.readAll()
  let read = 0
  for (const [name, bytes] of stored) {
    const patterns = name.replace(/\.v8$/u, '')
    const memo = isPatterns(patterns) ? readStored(bytes) : undefined
    if (memo && isPatterns(patterns)) read += seedHyphenation(patterns, memo)
  }
  // What the process held once the store was read: only results added after that are news.
  const seen = new Map(hyphenationMemos().map(({patterns, added}) => [patterns, added]))
  return {
    read,
    save() {
      const fresh = new Map<string, Uint8Array>()
      for (const {patterns, memo, added} of hyphenationMemos()) {
        if (added === (seen.get(patterns) ?? 0) && stored.has(`${patterns}.v8`)) continue
        fresh.set(`${patterns}.v8`, serialize({words: [...memo.words], chunks: [...memo.chunks]} satisfies Stored))
      }
      if (fresh.size === 0) return Promise.resolve()
      return folder.save(fresh, new Set([...stored.keys(), ...fresh.keys()]))
    }
  }
}

/**
 * The store of the report in `dir`, for this rapporteur, in the user's cache folder (`env`);
 * undefined when it cannot be opened, which only means hyphenating every word.
 */
export async function openReportHyphenationStore(dir: string, env?: NodeJS.ProcessEnv): Promise<HyphenationStore | undefined> {
  return installFingerprint()
    .then((fingerprint) => openHyphenationStore({root: cacheRoot(env), fingerprint, project: path.resolve(dir)}))
    .catch(() => undefined)
}

function readStored(bytes: Buffer): HyphenationMemo | undefined {
  try {
    const stored = deserialize(bytes) as Partial<Stored> | null
    if (!stored || !Array.isArray(stored.words) || !Array.isArray(stored.chunks)) return undefined
    if (![...stored.words, ...stored.chunks].every((pair) => Array.isArray(pair) && pair.length === 2)) return undefined
    return {words: new Map(stored.words), chunks: new Map(stored.chunks)}
  } catch {
    // Not an entry this Node reads: every word hyphenated again.
    return undefined
  }
}
