import {mkdir, readdir, readFile, stat, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {CannotRunError} from '../load/cannot-run.js'
import {packageRoot} from '../load/theme.js'

export const initLanguages = ['fr', 'en'] as const
export type InitLanguage = (typeof initLanguages)[number]

export interface InitOptions {
  lang: InitLanguage
  /** Write into a folder that already holds files (same-named files are replaced, others kept). */
  force?: boolean
  /** The day the report is dated from; tests pass a fixed one. */
  now?: Date
}

/**
 * The example projects are real files in the package's top-level `init/<lang>/` folder, read at run
 * time, not TS string modules: they are what a writer edits first (YAML comments, Markdown prose),
 * so they stay readable, highlighted and diffable as the very files `init` produces, and they ship
 * the way `templates/`, `styles/` and `themes/` already do (tsc copies no non-TS file into dist/).
 */
export const initRoot = path.join(packageRoot, 'init')

/**
 * Template files whose name npm would drop or rename on publish (it never packs a `.gitignore`),
 * stored without their dot and renamed on the way out.
 */
const renamed: Record<string, string> = {gitignore: '.gitignore'}

/**
 * Write the example project into `dir` and return the files written, relative to it. Refuses a
 * folder that holds anything (a CannotRunError: exit 2) unless `force`.
 */
export async function initProject(dir: string, options: InitOptions): Promise<string[]> {
  const info = await stat(dir).catch(() => undefined)
  if (info && !info.isDirectory()) throw new CannotRunError(`Cannot create a report in \`${dir}\`: it is a file`, 'Name a new or empty folder.')
  const existing = info ? await readdir(dir) : []
  if (existing.length > 0 && !options.force) {
    throw new CannotRunError(
      `Cannot create a report in \`${dir}\`: the folder is not empty (${existing.length} entr${existing.length > 1 ? 'ies' : 'y'})`,
      'Name a new or empty folder, or pass --force to write the example files over it (files of the same name are replaced).'
    )
  }
  const source = path.join(initRoot, options.lang)
  const files = await listFiles(source)
  if (files.length === 0) throw new CannotRunError(`Cannot find the example project \`${source}\``, 'Reinstall rapporteur.')
  const values = placeholders(options.now ?? new Date())
  const written: string[] = []
  for (const relative of files) {
    const target = path.join(...relative.split('/').map((part) => renamed[part] ?? part))
    const text = await readFile(path.join(source, relative), 'utf8')
    await mkdir(path.dirname(path.join(dir, target)), {recursive: true})
    await writeFile(path.join(dir, target), fill(text, values))
    written.push(target.split(path.sep).join('/'))
  }
  return written
}

/**
 * The report is dated the month it is created, and the example sources the same year, so the
 * fresh project passes `source-too-old` whatever the year.
 */
function placeholders(now: Date): Record<string, string> {
  const year = String(now.getFullYear())
  return {year, date: `${year}-${String(now.getMonth() + 1).padStart(2, '0')}`}
}

function fill(text: string, values: Record<string, string>): string {
  return text.replace(/\{\{(\w+)\}\}/gu, (whole, name: string) => values[name] ?? whole)
}

/** Every file under `root`, as sorted `/`-separated relative paths. */
async function listFiles(root: string, prefix = ''): Promise<string[]> {
  const entries = await readdir(path.join(root, prefix), {withFileTypes: true}).catch(() => [])
  const files: string[] = []
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name
    if (entry.isDirectory()) files.push(...(await listFiles(root, relative)))
    else if (entry.isFile()) files.push(relative)
  }
  return files
}
