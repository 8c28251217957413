import {open, readdir} from 'node:fs/promises'
import path from 'node:path'
import {normalProjectPath as normal} from '../model/project-path.js'
import type {SchemaProblem} from '../model/types.js'
import {configName} from './read-project.js'
import {registryFormat} from '../model/registry/formats.js'

/** A file nothing reads, its finding at line 1, with that line's text for the excerpt. */
export interface UnreadFile extends SchemaProblem {
  firstLine: string
}

/** The files a project reads, relative to its folder, as the load stage found them. */
export interface ReadFiles {
  markdown: readonly string[]
  /** The sources registries read (`sources:`, one file or several). */
  registries: readonly string[]
  glossary: string | undefined
  csl: string | undefined
}

const markdownExtensions = new Set(['.md', '.markdown', '.qmd', '.rmd'])
/** A repository's own files, which a report folder that is also a repository holds. */
const repositoryFiles = new Set(['readme', 'license', 'licence', 'changelog', 'contributing', 'code_of_conduct', 'security', 'authors'])
const registryNames = new Set(['sources.yaml', 'sources.yml', 'sources.json', 'sources.bib', 'sources.ris'])
const glossaryNames = new Set(['glossary.yaml', 'glossary.yml'])

/**
 * The files that look like a project's input but that nothing reads: a chapter no edition lists,
 * in any folder of the project (`chapters/case-studies/x.md` too), and in the folders it reads from
 * (its root and the folders of the files it reads), a second registry or glossary, a CSL style or
 * a BibTeX file no setting names. Each is reported (unread-file) instead of being left out of the
 * report without a word. A name starting with `_` or `.` is left out on purpose, as Quarto leaves
 * out its `_` files, and so is a folder named so, `node_modules`, the build's `dist` and a folder
 * that holds a report of its own (its `rapporteur.yaml`).
 */
export async function findUnreadFiles(dir: string, read: ReadFiles): Promise<UnreadFile[]> {
  const listing = await markdownListing(dir)
  for (const folder of foldersOf(read)) {
    const entries = await readdir(path.join(dir, folder), {withFileTypes: true}).catch(() => [])
    listing.set(folder, entries.filter((entry) => entry.isFile()).map((entry) => entry.name))
  }
  return Promise.all(unreadFiles(listing, read).map(async (problem) => ({...problem, firstLine: await firstLineOf(path.join(dir, problem.file))})))
}

/** Folders no chapter is looked for in: the build's output, installed packages (and `_`, `.` folders). */
const skippedFolders = new Set(['dist', 'node_modules'])
/** How deep and how many folders the walk goes, so that a report inside a large tree stays fast. */
const maxDepth = 8
const maxFolders = 2000

/** The Markdown files of every folder of the project, by folder (`''` is the root), breadth first. */
async function markdownListing(dir: string): Promise<Map<string, string[]>> {
  const listing = new Map<string, string[]>()
  let level = ['']
  for (let depth = 0; depth <= maxDepth && level.length > 0 && listing.size < maxFolders; depth++) {
    const next: string[] = []
    const entries = await Promise.all(level.map((folder) => readdir(path.join(dir, folder), {withFileTypes: true}).catch(() => [])))
    level.forEach((folder, index) => {
      if (listing.size >= maxFolders) return
      const found = entries[index]!
      // A folder with a rapporteur.yaml of its own is another report (last year's, kept beside).
      if (folder && found.some((entry) => entry.name === configName && entry.isFile())) return
      listing.set(folder, found.filter((entry) => entry.isFile() && markdownExtensions.has(path.posix.extname(entry.name.toLowerCase()))).map((entry) => entry.name))
      // Links to folders are not followed: they may lead out of the project, or round in a loop.
      for (const entry of found) if (entry.isDirectory() && !/^[_.]/u.test(entry.name) && !skippedFolders.has(entry.name)) next.push(folder ? `${folder}/${entry.name}` : entry.name)
    })
    level = next
  }
  return listing
}

/** The first line of a file, from its first kilobyte only (a Zotero library can be megabytes). */
async function firstLineOf(file: string): Promise<string> {
  const handle = await open(file).catch(() => undefined)
  if (!handle) return ''
  try {
    const {buffer, bytesRead} = await handle.read(Buffer.alloc(1024), 0, 1024, 0)
    return buffer.subarray(0, bytesRead).toString('utf8').split(/\r?\n/u)[0]!.replace(/\uFFFD$/u, '')
  } finally {
    await handle.close()
  }
}

/** The pure half of findUnreadFiles: file names by folder (`''` is the root) → findings at line 1. */
export function unreadFiles(listing: ReadonlyMap<string, readonly string[]>, read: ReadFiles): SchemaProblem[] {
  const markdown = new Set(read.markdown.map(normal))
  const problems: SchemaProblem[] = []
  for (const [folder, names] of listing) {
    for (const name of [...names].sort()) {
      const file = folder ? `${folder}/${name}` : name
      const message = unreadMessage(file, name, read, markdown)
      if (message) problems.push({file, position: {start: {line: 1, column: 1}, end: {line: 1, column: 1}}, message})
    }
  }
  return problems
}

function unreadMessage(file: string, name: string, read: ReadFiles, markdown: ReadonlySet<string>): string | undefined {
  if (name.startsWith('_') || name.startsWith('.')) return undefined
  const lower = name.toLowerCase()
  const extension = path.posix.extname(lower)
  const isRead = (named: string | undefined) => named !== undefined && normal(named) === file
  if (markdownExtensions.has(extension)) {
    if (markdown.has(file) || repositoryFiles.has(lower.split('.')[0]!)) return undefined
    return `Unexpected Markdown file \`${file}\` that no edition reads, expected it in an edition's \`files\` in ${configName} (or a name starting with \`_\` to keep it out)`
  }
  if (registryNames.has(lower) || (registryFormat(lower) !== undefined && registryFormat(lower) !== 'yaml' && registryFormat(lower) !== 'csl-json')) {
    if (read.registries.some(isRead)) return undefined
    if (read.registries.length === 0) return `Unexpected sources file \`${file}\` that is not read, expected \`sources: ${file}\` in ${configName} to read it`
    const listed = read.registries.map(normal).join(', ')
    return `Unexpected sources file \`${file}\` beside ${read.registries.map((name) => `\`${normal(name)}\``).join(', ')}, the ${read.registries.length > 1 ? 'registries' : 'registry'} read: expected \`sources: [${listed}, ${file}]\` in ${configName} to read it too, or \`sources: ${file}\` to read it instead`
  }
  if (glossaryNames.has(lower)) {
    if (isRead(read.glossary)) return undefined
    return read.glossary
      ? `Unexpected glossary \`${file}\` beside \`${read.glossary}\`, the glossary read: expected one glossary, or \`glossary: ${file}\` in ${configName}`
      : `Unexpected glossary \`${file}\` that is not read, expected \`glossary: ${file}\` in ${configName} to read it`
  }
  if (extension === '.csl') {
    if (isRead(read.csl)) return undefined
    return `Unexpected CSL style \`${file}\` that is not read, expected \`citations: {csl: ${file}}\` in ${configName} to format citations with it`
  }
  if (file === 'rapporteur.yml') return `Unexpected \`${file}\`, which is not read: expected the settings in \`${configName}\``
  return undefined
}

/** The root and the folders of the files read, inside the project only. */
function foldersOf(read: ReadFiles): string[] {
  const folders = new Set([''])
  for (const file of [...read.markdown, ...read.registries, read.glossary, read.csl]) {
    if (file === undefined) continue
    const folder = path.posix.dirname(normal(file))
    if (folder !== '.' && !folder.startsWith('..') && !path.posix.isAbsolute(folder)) folders.add(folder)
  }
  return [...folders]
}
