import {createHash} from 'node:crypto'
import path from 'node:path'
import {z} from 'zod'
import {cacheRoot} from '../load/cache-root.js'
import {cacheFolder, type CacheFolderOptions} from '../load/cache-folder.js'
import type {PartStore, StoredPart, StoredPrint} from '../print/part-store.js'
import type {Side} from '../print/plan-merge.js'
import {readPartPreflight} from '../print/preflight-schema.js'
import type {JsonDiagnostic} from '../diagnostics/to-json.js'
import {diagnosticSchema, installFingerprint} from './build-state.js'

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
 *
 * Beside them, each part as printed (print/print-parts.ts), `<edition>.print-<text>-<key>.bin`: its
 * preflight report (read back through print/preflight-schema.ts) and Chromium's PDF of it (with
 * its SHA-256, checked when read), known by the salt and what the print of a laid-out
 * part depends on besides (its key, made by print-parts.ts), so that a rebuild prints only the
 * parts whose print changed (bench/README.md, point 63).
 *
 * And each edition's PDF as finalised, `<edition>.edition-<key>.bin`, with its page count and what
 * its print found, known by the edition's print key (everything its PDF is made from, as
 * print-key.ts has it) and the browser's version: an edition whose print HTML, styles, settings and
 * assets are those of the last build is not laid out at all, even where `.print/` no longer holds
 * its key (a removed output folder, a checkout of another branch and back), as the first part
 * of a print, which holds the others' page, is never taken from the parts above (point 67).
 */

/** Bump when the stored value's shape changes (2: each part's places and linked ids; 3: printed parts hashed; 4: only the ids whose page a part shows; 5: a print named by its part's text too). */
const FORMAT = 5

const storedSchema = z.object({
  part: z.object({
    pageCount: z.number().int().positive(),
    places: z.record(z.string(), z.tuple([z.number().int().nonnegative(), z.number(), z.number()])),
    pageRefs: z.array(z.string()),
    packed: z.string().min(1)
  }),
  wants: z.enum(['right', 'left', 'any'])
})

export interface LayoutStore {
  /** The store of one edition's print; `salt` is what its layout reads besides a part's text. */
  edition(name: string, salt: string): PartStore
  /** Write the parts laid out since it was opened, and remove the printed editions' entries this build did not use; never throws. */
  save(): Promise<void>
  /** Parts taken from the store so far. */
  readonly taken: number
  /** An edition's PDF finalised by an earlier build from the same print (`key`: its print key, where its print HTML is and the browser's version), or undefined. */
  getEdition(edition: string, key: string): Promise<StoredEdition | undefined>
  /** Keep an edition's PDF just finalised, with what its print found. */
  putEdition(edition: string, key: string, stored: StoredEdition): void
}

/** An edition's PDF as kept: finalised, with its page count and what its print found (print-findings.ts); only a print that reported no problem is kept. */
export interface StoredEdition {
  pdf: Uint8Array
  pageCount: number
  diagnostics: JsonDiagnostic[]
}

export function openLayoutStore(options: CacheFolderOptions): LayoutStore {
  const folder = cacheFolder('layouts', FORMAT, options)
  const fresh = new Map<string, Uint8Array>()
  const used = new Set<string>()
  const printed = new Set<string>()
  let taken = 0
  const editionNameOf = (edition: string, key: string) => `${edition}.edition-${createHash('sha256').update(key).digest('hex').slice(0, 40)}.bin`
  return {
    get taken() {
      return taken
    },
    // An edition taken whole is not printed: `save` then keeps its parts' entries too, for the next edit.
    async getEdition(edition, key) {
      const name = editionNameOf(edition, key)
      const found = readEdition(await folder.read(name))
      if (found) used.add(name)
      return found
    },
    putEdition(edition, key, stored) {
      const name = editionNameOf(edition, key)
      used.add(name)
      fresh.set(name, writeEdition(stored))
    },
    edition(edition, salt) {
      printed.add(edition)
      // A print's name begins with its part's text's own hash, which readPrintsAhead looks for.
      const printsOf = (html: string) => `${edition}.print-${createHash('sha256').update(`${salt}\0`).update(html).digest('hex').slice(0, 20)}-`
      const printNameOf = (html: string, key: string) => `${printsOf(html)}${createHash('sha256').update(`${salt}\0`).update(key).digest('hex').slice(0, 40)}.bin`
      const nameOf = (html: string, startOn: Side) => `${edition}.${createHash('sha256').update(`${salt}\0${startOn}\0`).update(html).digest('hex').slice(0, 40)}.json`
      // Prints read ahead (readPrintsAhead), by file name, each given once; and whether the print
      // has begun asking for them, from when nothing more is read ahead.
      const ahead = new Map<string, Promise<StoredPrint | undefined>>()
      let asked = false
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
        },
        async getPrint(html, key) {
          asked = true
          const name = printNameOf(html, key)
          const early = ahead.get(name)
          ahead.delete(name)
          const found = early ? await early : readPrint(await folder.read(name))
          if (found) used.add(name)
          return found
        },
        readPrintsAhead(htmls, read) {
          // The edition's prints in the folder are those the last build used (save removes the
          // others); of those, the prints of parts whose text is the same now: after an edit, most
          // of this build's. One at a time, the event loop turning between two (reading one holds
          // this thread ~30 ms: the browser's messages go first), and none once the print asks,
          // when it reads those it needs itself.
          const reading = async () => {
            const prefixes = new Set(htmls.map(printsOf))
            const names = (await folder.names()).filter((name) => prefixes.has(name.slice(0, name.lastIndexOf('-') + 1)))
            for (const name of names) {
              if (asked) return
              if (ahead.has(name)) continue
              const entry = folder.read(name).then((bytes) => {
                const found = readPrint(bytes)
                if (found) {
                  found.read = read(found.pdf)
                  found.read.catch(() => {})
                }
                return found
              })
              ahead.set(name, entry)
              await entry
              await new Promise((resolve) => setImmediate(resolve))
            }
          }
          reading().catch(() => {})
        },
        putPrint(html, key, printed) {
          const name = printNameOf(html, key)
          used.add(name)
          fresh.set(name, writePrint(printed))
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

/**
 * A printed part as one file: the length of its JSON (4 bytes, big-endian), the JSON (what the
 * preflight read, and the SHA-256 of the PDF), then the PDF's bytes as Chromium wrote them.
 */
function writePrint(printed: StoredPrint): Uint8Array {
  return withHeader({preflight: printed.preflight, sha256: sha256(printed.pdf)}, printed.pdf)
}

/**
 * A printed part read back, or undefined when it is missing, cut short, damaged (its PDF's bytes
 * not those hashed when it was kept) or not what writePrint wrote: it is then printed again.
 */
function readPrint(bytes: Buffer | undefined): StoredPrint | undefined {
  const read = splitHeader(bytes)
  const header = read && z.object({preflight: z.unknown(), sha256: z.string()}).safeParse(read.header)
  if (!read || !header?.success || header.data.sha256 !== sha256(read.pdf)) return undefined
  const preflight = readPartPreflight(header.data.preflight)
  return preflight && {pdf: new Uint8Array(read.pdf), preflight}
}

/** An edition's PDF as one file, as writePrint writes a part's: its JSON's length, the JSON (page count, findings, the PDF's SHA-256), the PDF. */
function writeEdition(stored: StoredEdition): Uint8Array {
  return withHeader({pageCount: stored.pageCount, diagnostics: stored.diagnostics, sha256: sha256(stored.pdf)}, stored.pdf)
}

const editionHeaderSchema = z.object({pageCount: z.number().int().nonnegative(), diagnostics: z.array(diagnosticSchema), sha256: z.string()})

/** An edition's PDF read back, or undefined when it is missing, cut short or damaged: it is then printed. */
function readEdition(bytes: Buffer | undefined): StoredEdition | undefined {
  const read = splitHeader(bytes)
  const header = read && editionHeaderSchema.safeParse(read.header)
  if (!read || !header?.success || header.data.sha256 !== sha256(read.pdf)) return undefined
  return {pdf: new Uint8Array(read.pdf), pageCount: header.data.pageCount, diagnostics: header.data.diagnostics}
}

function withHeader(header: unknown, pdf: Uint8Array): Uint8Array {
  const json = Buffer.from(JSON.stringify(header), 'utf8')
  const length = Buffer.alloc(4)
  length.writeUInt32BE(json.length)
  return Buffer.concat([length, json, pdf])
}

/** The JSON header and the PDF of a file withHeader wrote; undefined when it is not one (cut short, no PDF, not JSON). */
function splitHeader(bytes: Buffer | undefined): {header: unknown; pdf: Buffer} | undefined {
  if (!bytes || bytes.length < 4) return undefined
  const length = bytes.readUInt32BE(0)
  const pdf = bytes.subarray(4 + length)
  if (pdf.length === 0) return undefined
  try {
    return {header: JSON.parse(bytes.subarray(4, 4 + length).toString('utf8')), pdf}
  } catch {
    // Not JSON (a header cut short): printed again.
    return undefined
  }
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
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
