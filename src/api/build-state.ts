import {createHash} from 'node:crypto'
import {readdirSync, statSync, type Dirent} from 'node:fs'
import {mkdir, readFile, readdir, realpath, stat} from 'node:fs/promises'
import path from 'node:path'
import {VFile} from 'vfile'
import {decodeText} from '../load/text-encoding.js'
import {resolveMergeConflicts} from '../load/merge-conflicts.js'
import {z} from 'zod'
import {isInside} from '../load/sandbox.js'
import {packageRoot} from '../load/theme.js'
import type {JsonDiagnostic} from '../diagnostics/to-json.js'
import {fatalOf, severitySchema} from '../diagnostics/severity.js'
import {writeFileAtomic} from '../print/write-atomic.js'

/**
 * What the last successful build was made from and what it wrote, so that `rapporteur build` on an
 * unchanged report says so at once instead of checking, rendering and printing it again (as `make`
 * or ESLint's `--cache` do): every file of the report folder (its path, size, time and content
 * hash), the rapporteur install that built it, the options, the findings to show again, and each
 * output with its size and time. Anything different, added or missing, and the build runs.
 */
const fileSchema = z.object({path: z.string(), size: z.number(), mtimeMs: z.number(), sha1: z.string()})
/** A finding as the contract writes it in JSON (diagnostics/to-json.ts). */
export const diagnosticSchema = z.object({
  file: z.string(),
  line: z.number(),
  column: z.number(),
  endLine: z.number(),
  endColumn: z.number(),
  rule: z.string(),
  severity: severitySchema,
  message: z.string(),
  figure: z.string().optional()
})
const stateSchema = z.object({
  format: z.literal(1),
  install: z.string(),
  options: z.string(),
  inputs: z.array(fileSchema),
  outputs: z.array(fileSchema),
  diagnostics: z.array(diagnosticSchema),
  editions: z.array(z.object({edition: z.enum(['full', 'synthesis']), html: z.string().optional(), pdf: z.string().optional(), pageCount: z.number().optional()}))
})
export type BuildState = z.infer<typeof stateSchema>
type FileStamp = z.infer<typeof fileSchema>

/** Where the state is kept: beside the print HTML, so that deleting `.print` rebuilds everything. */
export function buildStateFile(out: string): string {
  return path.join(out, '.print', 'build-state.json')
}

/** The state of the last build into `out`, or undefined when there is none (or it is not ours). */
export async function readBuildState(out: string): Promise<BuildState | undefined> {
  return readRecord(buildStateFile(out), stateSchema)
}

/**
 * A record rapporteur keeps for itself in the output folder (`.print/`), checked against its
 * schema; undefined when it is missing, not JSON or not ours: the caller then builds as if there
 * were none (these are caches, never the user's input).
 */
export async function readRecord<T>(file: string, schema: z.ZodType<T>): Promise<T | undefined> {
  const text = await readFile(file, 'utf8').catch(() => undefined)
  if (text === undefined) return undefined
  try {
    const parsed = schema.safeParse(JSON.parse(text))
    return parsed.success ? parsed.data : undefined
  } catch {
    return undefined
  }
}

export async function writeBuildState(out: string, state: BuildState): Promise<void> {
  await mkdir(path.dirname(buildStateFile(out)), {recursive: true})
  await writeFileAtomic(buildStateFile(out), new TextEncoder().encode(`${JSON.stringify(state)}\n`))
}

/**
 * Whether the outputs in `state` are those `inputs` and `options` would give: same install, same
 * options, the same files in the report folder with the same contents, and every output as written.
 */
export async function isUpToDate(state: BuildState, now: {install: string; options: string; dir: string; inputs: string[]}): Promise<boolean> {
  if (state.install !== now.install || state.options !== now.options) return false
  if (state.inputs.length !== now.inputs.length || state.inputs.some((input, index) => input.path !== now.inputs[index])) return false
  for (const input of state.inputs) if (!(await sameFile(path.join(now.dir, input.path), input, true))) return false
  for (const output of state.outputs) if (!(await sameFile(output.path, output, false))) return false
  return true
}

/** Same size and time, or (for an input touched but not changed) the same content. */
async function sameFile(file: string, stamp: FileStamp, compareContent: boolean): Promise<boolean> {
  const info = await stat(file).catch(() => undefined)
  if (!info?.isFile() || info.size !== stamp.size) return false
  if (info.mtimeMs === stamp.mtimeMs) return true
  return compareContent && (await sha1Of(file)) === stamp.sha1
}

/**
 * A file's size, time and content hash. The hash of the last build is kept when size and time are
 * the same (as git's index does), so that a report with large archived sources or images is not
 * read whole at every build.
 */
export async function stampOf(file: string, relative = file, previous?: FileStamp): Promise<FileStamp> {
  // A file gone since it was listed: a stamp no later build matches.
  const info = await stat(file).catch(() => ({size: -1, mtimeMs: -1}))
  const same = previous && previous.path === relative && previous.size === info.size && previous.mtimeMs === info.mtimeMs && previous.sha1 !== ''
  return {path: relative, size: info.size, mtimeMs: info.mtimeMs, sha1: same ? previous.sha1 : await sha1Of(file)}
}

/**
 * '' for a file that cannot be read (another user's, a folder behind a link): rapporteur cannot
 * read it either, so it cannot change a build, and it must not stop one.
 */
async function sha1Of(file: string): Promise<string> {
  const bytes = await readFile(file).catch(() => undefined)
  return bytes ? createHash('sha1').update(bytes).digest('hex') : ''
}

/**
 * Every file of the report folder, relative and sorted, but the output folder, `.git` and
 * `node_modules`: what a report can read is inside it (load/sandbox.ts), and a file nothing reads
 * costs a rebuild at worst. A link is followed when it stays inside the folder, as the sandbox
 * does (one to `/` is not walked), and a folder reached twice is listed once.
 */
export async function projectFiles(dir: string, out: string): Promise<string[]> {
  const files: string[] = []
  const seen = new Set<string>()
  const skip = new Set([path.resolve(out)])
  const root = await realpath(dir).catch(() => path.resolve(dir))
  const walk = async (folder: string): Promise<void> => {
    const real = await realpath(folder).catch(() => undefined)
    if (!real || seen.has(real) || !isInside(root, real)) return
    seen.add(real)
    // In name order, so that of two ways to one folder the same one is listed every time.
    const entries = (await readdir(folder, {withFileTypes: true}).catch(() => [])).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    for (const entry of entries) {
      const full = path.join(folder, entry.name)
      if (entry.name === '.git' || entry.name === 'node_modules' || skip.has(full)) continue
      if (entry.isDirectory()) await walk(full)
      else if (entry.isFile()) files.push(path.relative(dir, full))
      else if (entry.isSymbolicLink()) {
        const target = await realpath(full).catch(() => undefined)
        if (!target || !isInside(root, target)) continue
        if ((await stat(target).catch(() => undefined))?.isDirectory()) await walk(full)
        else files.push(path.relative(dir, full))
      }
    }
  }
  await walk(path.resolve(dir))
  return files.sort()
}

let install: Promise<string> | undefined

/**
 * The rapporteur that builds: its version and lock file, and the size and time of every file of its
 * code, themes, styles and templates (a checkout rebuilt with changes is another rapporteur). A
 * checkout's `src/` counts too (the package has none), but for its READMEs: its tests run that
 * code, not `dist/`, and the trees kept in the cache (load/tree-cache.ts) must come from the parser
 * that runs.
 */
export function installFingerprint(): Promise<string> {
  install ??= fingerprintOf(packageRoot)
  return install
}

/** The fingerprint of the rapporteur installed at `root` (installFingerprint). */
export async function fingerprintOf(root: string): Promise<string> {
  const hash = createHash('sha1')
  for (const name of ['package.json', 'package-lock.json']) hash.update(await readFile(path.join(root, name)).catch(() => ''))
  for (const folder of ['dist', 'src', 'themes', 'styles', 'templates']) {
    for (const file of installedFiles(path.join(root, folder))) {
      // A checkout's READMEs are read by developers, never run: editing one is not another rapporteur.
      if (folder === 'src' && file.endsWith('.md')) continue
      const info = statOrNothing(path.join(root, folder, file))
      hash.update(`${folder}/${file}\0${info?.size}\0${info?.mtimeMs}\n`)
    }
  }
  return hash.digest('hex')
}

/** A file that cannot be stated (gone, unreadable) is hashed as such, as the async walk did: it does not stop a build. */
function statOrNothing(file: string): {size: number; mtimeMs: number} | undefined {
  try {
    return statSync(file)
  } catch {
    return undefined
  }
}

/**
 * The files of one of rapporteur's own folders, relative and sorted. Read synchronously: the
 * ~600 files of dist/ took 0.1 s of every build as promises, 10 ms so (each promise waits its turn
 * in libuv's thread pool), and nothing else is running yet when a build starts.
 */
function installedFiles(folder: string): string[] {
  let entries: Dirent[]
  try {
    entries = readdirSync(folder, {recursive: true, withFileTypes: true})
  } catch {
    return []
  }
  return entries
    .filter((entry) => !entry.isDirectory())
    .map((entry) => path.relative(folder, path.join(entry.parentPath ?? entry.path, entry.name)))
    .sort()
}

/** The findings of the last build, as files with their messages again (read afresh, for the excerpts). */
export async function filesWithDiagnostics(dir: string, diagnostics: readonly JsonDiagnostic[]): Promise<VFile[]> {
  const files = new Map<string, VFile>()
  await addDiagnostics(files, dir, diagnostics)
  return [...files.values()]
}

/**
 * Findings read back (the last build's, a cached print's) as messages of their files, at their
 * place; a file `files` does not hold yet is read from the report folder and added.
 */
export async function addDiagnostics(files: Map<string, VFile>, dir: string, diagnostics: readonly JsonDiagnostic[]): Promise<void> {
  for (const diagnostic of diagnostics) {
    let file = files.get(diagnostic.file)
    if (!file) {
      // Decoded as the check decoded it, so that a finding's excerpt is the text it was placed in.
      const bytes = await readFile(path.join(dir, diagnostic.file)).catch(() => new Uint8Array())
      file = new VFile({path: diagnostic.file, value: resolveMergeConflicts(decodeText(bytes).text).text})
      files.set(diagnostic.file, file)
    }
    addDiagnostic(file, diagnostic)
  }
}

function addDiagnostic(file: VFile, diagnostic: JsonDiagnostic): void {
  const message = file.message(diagnostic.message, {
    place: {start: {line: diagnostic.line, column: diagnostic.column}, end: {line: diagnostic.endLine, column: diagnostic.endColumn}},
    ruleId: diagnostic.rule,
    source: 'rapporteur'
  })
  message.fatal = fatalOf(diagnostic.severity)
  if (diagnostic.figure !== undefined) Object.assign(message, {figure: diagnostic.figure})
}
