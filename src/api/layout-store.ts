import {createHash} from 'node:crypto'
import path from 'node:path'
import {z} from 'zod'
import {cacheRoot} from '../load/cache-root.js'
import {cacheFolder, type CacheFolderOptions} from '../load/cache-folder.js'
import type {PartStore, StoredPart} from '../print/part-store.js'
import type {Side} from '../print/plan-merge.js'
import {installFingerprint} from './build-state.js'

/**
 * The parts of each edition's print as laid out by earlier builds (print/part-store.ts), kept in
 * the user's cache folder, so that a writer's rebuild after editing one chapter lays out only the
 * part that chapter is in (and the first, which holds the table of contents), not the whole
 * report. Why: at 100 pages the layout is most of a build (2.9 of 6.8 s, four parts on two
 * cores), and a rebuild changes one chapter (bench/README.md, point 61).
 *
 * An entry is known by a SHA-256 of the part's HTML, the side it starts on, and everything else its
 * layout reads (`salt`: the edition's stylesheets, settings, assets and rapporteur, as its print
 * key has them, and the browser's version): the same inputs give the same pages. Layout:
 * `<cache>/layouts/<rapporteur>/<project>/<edition>.<key>.json` (load/cache-folder.ts), each
 * validated when read (a damaged entry is laid out again). Saving keeps the entries the build used
 * and those of editions it did not print.
 */

/** Bump when the stored value's shape changes. */
const FORMAT = 1

const storedSchema = z.object({
  part: z.object({pageCount: z.number().int().positive(), packed: z.string().min(1)}),
  wants: z.enum(['right', 'left', 'any'])
})

export interface LayoutStore {
  /** The store of one edition's print; `salt` is what its layout reads besides a part's text. */
  edition(name: string, salt: string): PartStore
  /** Write the parts laid out since it was opened, and remove the printed editions' entries this build did not use; never throws. */
  save(): Promise<void>
  /** Parts taken from the store so far. */
  readonly taken: number
}

export function openLayoutStore(options: CacheFolderOptions): LayoutStore {
  const folder = cacheFolder('layouts', FORMAT, options)
  const fresh = new Map<string, Uint8Array>()
  const used = new Set<string>()
  const printed = new Set<string>()
  let taken = 0
  return {
    get taken() {
      return taken
    },
    edition(edition, salt) {
      printed.add(edition)
      const nameOf = (html: string, startOn: Side) => `${edition}.${createHash('sha256').update(`${salt}\0${startOn}\0`).update(html).digest('hex').slice(0, 40)}.json`
      return {
        async get(html, startOn) {
          const name = nameOf(html, startOn)
          const found = readStored(await folder.read(name))
          if (found) {
            used.add(name)
            taken++
          }
          return found
        },
        put(html, startOn, laidOut) {
          const name = nameOf(html, startOn)
          used.add(name)
          fresh.set(name, new TextEncoder().encode(JSON.stringify(laidOut)))
        }
      }
    },
    async save() {
      if (printed.size === 0) return
      const names = await folder.names()
      const otherEditions = names.filter((name) => !printed.has(name.slice(0, name.indexOf('.'))))
      await folder.save(fresh, new Set([...used, ...otherEditions]))
    }
  }
}

/**
 * The store of the report in `dir`, for this rapporteur, in the user's cache folder (`env`);
 * undefined when it cannot be opened, which only means laying every part out.
 */
export async function openReportLayoutStore(dir: string, env?: NodeJS.ProcessEnv): Promise<LayoutStore | undefined> {
  return installFingerprint()
    .then((fingerprint) => openLayoutStore({root: cacheRoot(env), fingerprint, project: path.resolve(dir)}))
    .catch(() => undefined)
}

function readStored(bytes: Buffer | undefined): StoredPart | undefined {
  if (!bytes) return undefined
  try {
    const parsed = storedSchema.safeParse(JSON.parse(bytes.toString('utf8')))
    return parsed.success ? parsed.data : undefined
  } catch {
    // Not JSON (a file cut short): laid out again.
    return undefined
  }
}
