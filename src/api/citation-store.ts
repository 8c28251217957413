import path from 'node:path'
import {deserialize, serialize} from 'node:v8'
import {cacheRoot} from '../load/cache-root.js'
import {installFingerprint} from './build-state.js'
import {cacheFolder, type CacheFolderOptions} from '../load/cache-folder.js'
import type {FormattedEdition, FormattedStore} from '../render/citations/collector.js'

/**
 * Each edition's formatted citations and bibliography kept in the user's cache folder between
 * builds, by everything citeproc-js reads (the style, the language, every citation in order with
 * its locators and affixes, the works: the collector's key), and read back the next time they are
 * the same: a writer who edits prose and builds again does not have citeproc-js format the report's
 * citations again. Why: in every CLI build (a fresh process), citeproc-js formatting the full
 * edition is most of its render and lies on the build's longest path, before the first print HTML
 * reaches the browser: 0.65 s of the 100-page benchmark project's render, ~1.7 s at 300 pages
 * (bench/README.md, point 47). An edit that adds, moves or changes a citation, or a source, formats
 * that edition again, as before.
 *
 * Layout: `<cache>/citations/<rapporteur>/<project>/<edition>.<key>.v8` (load/cache-folder.ts):
 * one entry per edition, the edition's older ones removed when it is built again. An edition a
 * build leaves out keeps its entry (`--edition synthesis`, then a build of both, formats only what
 * changed). V8's serialisation, as for the trees: the author-only forms keep their `undefined`. An
 * entry must name its key, and the collector checks that it has one formatted cluster per
 * citation, or the edition is formatted again.
 */

/** Bump when the stored value's shape or the entries' names change. */
const FORMAT = 3

export interface CitationStore {
  /** The store of one edition (its name as in rapporteur.yaml's `editions`), for renderEdition. */
  edition(name: string): FormattedStore
  /** Write the entries formatted this run; of the editions this run used, remove the older ones. Never throws. */
  save(): Promise<void>
  /** Editions read back, and formatted, so far. */
  readonly counts: {read: number; formatted: number}
}

interface Stored {
  key: string
  formatted: FormattedEdition
}

/** Open the store of a project: what it holds is read now (one small file per edition). */
export async function openCitationStore(options: CacheFolderOptions): Promise<CitationStore> {
  const folder = cacheFolder('citations', FORMAT, options)
  const stored = await folder.readAll()
  const fresh = new Map<string, Uint8Array>()
  const used = new Set<string>()
  // The editions this run rendered: only their older entries are removed at the save.
  const editions = new Set<string>()
  // This build's editions, as read or formatted: the store lives as long as one build.
  const memory = new Map<string, FormattedEdition>()
  const counts = {read: 0, formatted: 0}
  return {
    counts,
    edition(name) {
      editions.add(name)
      const nameOf = (key: string) => entryName(name, key)
      return {
        get(key) {
          // Read from the folder once, then from memory (the web page after the print HTML).
          const kept = memory.get(nameOf(key)) ?? readStored(stored.get(nameOf(key)), key)
          if (!kept) return undefined
          if (!memory.has(nameOf(key))) counts.read++
          memory.set(nameOf(key), kept)
          used.add(nameOf(key))
          return kept
        },
        set(key, formatted) {
          // One handed out that the collector found damaged, formatted again: not read back after all.
          if (memory.has(nameOf(key)) && !fresh.has(nameOf(key))) counts.read--
          memory.set(nameOf(key), formatted)
          counts.formatted++
          used.add(nameOf(key))
          fresh.set(nameOf(key), serialize({key, formatted} satisfies Stored))
        }
      }
    },
    save: () => folder.save(fresh, new Set([...used, ...[...stored.keys()].filter((name) => !editions.has(editionOf(name)))]))
  }
}

/**
 * The store of the report in `dir`, for this rapporteur, in the user's cache folder (`env`), as
 * `build` and `preview` open it; undefined when it cannot be opened, which only means formatting
 * the citations.
 */
export async function openReportCitationStore(dir: string, env?: NodeJS.ProcessEnv): Promise<CitationStore | undefined> {
  return installFingerprint()
    .then((fingerprint) => openCitationStore({root: cacheRoot(env), fingerprint, project: path.resolve(dir)}))
    .catch(() => undefined)
}

/** `full.<key>.v8`: the edition first, so that a build of the other one knows it is not its own. */
function entryName(edition: string, key: string): string {
  return `${edition}.${key}.v8`
}

function editionOf(name: string): string {
  return name.slice(0, name.indexOf('.'))
}

function readStored(bytes: Buffer | undefined, key: string): FormattedEdition | undefined {
  if (!bytes) return undefined
  try {
    const stored = deserialize(bytes) as Partial<Stored> | null
    if (stored && stored.key === key && stored.formatted && typeof stored.formatted === 'object') return stored.formatted
  } catch {
    // Not an entry this Node reads: formatted again.
  }
  return undefined
}
