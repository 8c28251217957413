import type {VFile} from 'vfile'
import {addMessage} from '../diagnostics/message.js'
import type {ProjectInput} from '../model/build.js'
import {refinedConfigSchema, registryFiles, type Config, type EditionName} from '../model/schemas/config.js'
import type {SchemaProblem} from '../model/types.js'
import {reportZodIssues} from '../model/zod-issues.js'
import {configHints} from '../model/schemas/config-hints.js'
import {validationOptions} from '../model/validation-options.js'
import {parseYaml, positionOfPath, type YamlSource} from '../parse/yaml.js'
import {existsSync} from 'node:fs'
import {setAside} from './config-set-aside.js'
import {readdir, readFile} from 'node:fs/promises'
import {closestKnown, didYouMean} from '../diagnostics/suggest.js'
import {distance} from 'fastest-levenshtein'
import path from 'node:path'
import {outputProfileProblem} from './output-profile.js'
import {citationStyleOf} from './citation-style.js'
import {cslStyleProblems} from './csl-style-file.js'
import {readConfigFile, readProjectFile, readProjectFiles, RefusedFileError} from './read-project.js'
import {resolveInside} from './sandbox.js'
import {findUnreadFiles} from './unread-files.js'
import {mergeConflictMessage} from './merge-conflicts.js'
import {positionFromOffsets} from '../diagnostics/location.js'
import {registryExtensions, registryFormat} from '../model/registry/formats.js'

/** The load stage's result: either the project's files, or a config that stops everything (exit 2). */
export type LoadResult = {ok: true; input: ProjectInput; problems: SchemaProblem[]; configSource: YamlSource} | {ok: false; configFile: VFile}

const sourceCandidates = ['sources.yaml', 'sources.yml', 'sources.json', 'sources.bib', 'sources.ris']

/** Read `rapporteur.yaml`, validate it, then read every file it names. */
export async function loadProject(dir: string): Promise<LoadResult> {
  const configFile = await readConfigFile(dir)
  const configSource = parseYaml(configFile)
  for (const error of configSource.errors) addMessage(configFile, error.message, {ruleId: 'schema', severity: 'error', place: error.position})
  // A syntax error leaves no data: nothing can be read. A key given twice, a value cut by a `#`, a
  // tab read as spaces are errors too, but the file was read: the rest of the report is checked.
  if (configSource.data === undefined) return stopped(configFile)
  const result = refinedConfigSchema.safeParse(configSource.data ?? {}, validationOptions())
  let config: Config
  if (result.success) config = result.data
  else {
    reportZodIssues(configFile, result.error.issues, (path, keyOnly) => positionOfPath(configSource, path, keyOnly), 'rapporteur.yaml', refinedConfigSchema, configHints)
    // A key misspelt or a setting of the wrong shape is an error, but the rest of the report can
    // still be read without it: set those aside and check everything else, so that one typo in
    // rapporteur.yaml does not hide every other finding. What cannot be set aside (a required
    // key, an edition's files) stops here, as a config nothing can be read without.
    const lenient = setAside(configSource.data, result.error.issues, (relative) => existsSync(path.join(dir, relative)))
    const retried = lenient === undefined ? undefined : refinedConfigSchema.safeParse(lenient, validationOptions())
    if (!retried?.success) return stopped(configFile)
    config = retried.data
  }
  const problems: SchemaProblem[] = []
  const missing = (path: PropertyKey[], what: string, closest = '', relative?: string) =>
    problems.push({file: configFile.path, position: positionOfPath(configSource, path), message: `Cannot find ${what}, expected a file in the report folder${(relative && savedWithTxt(dir, relative)) || closest}`})
  // "`x` is a folder, expected a file" (sandbox.ts) reads "Cannot read `x`: it is a folder…";
  // "`x` as text: it is a Word document…" (text-encoding.ts) follows "Cannot read" as it is.
  const refused = (path: PropertyKey[], error: RefusedFileError) => {
    const named = `\`${error.relative}\` `
    const message = error.reason.startsWith(`${named}is `) ? `Cannot read \`${error.relative}\`: it ${error.reason.slice(named.length)}` : `Cannot read ${error.reason}`
    problems.push({file: configFile.path, position: positionOfPath(configSource, path), message})
  }
  // A refused file is a finding at its place in rapporteur.yaml, and the project goes on without it.
  const readOne = async (relative: string, path: PropertyKey[]) => {
    try {
      return await readProjectFile(dir, relative)
    } catch (error) {
      if (!(error instanceof RefusedFileError)) throw error
      refused(path, error)
      return null
    }
  }

  const order = markdownOrder(config)
  const files = await readProjectFiles(dir, order.map((entry) => entry.path))
  const markdown: ProjectInput['markdown'] = []
  // Said once the files nothing reads are known, at their place in the findings: a chapter renamed
  // (`git mv`) is one of them, the file to suggest before any listed one.
  const missingChapters: Array<{relative: string; problem: SchemaProblem}> = []
  order.forEach((entry, index) => {
    const file = files[index]
    if (file instanceof RefusedFileError) refused(entry.configPath, file)
    else if (file) markdown.push({file, editions: entry.editions})
    // `- a.md, b.md`: YAML reads one name with a comma in it, where the writer meant two.
    else if (/,\s/u.test(entry.path)) problems.push({file: configFile.path, position: positionOfPath(configSource, entry.configPath), message: `Cannot find \`${entry.path}\`, expected one file a line (\`- ${entry.path.split(/,\s*/u).join('` then `- ')}\`) or a list in brackets (\`[${entry.path}]\`): YAML reads this line as one name`})
    else {
      missing(entry.configPath, `\`${entry.path}\``, '', entry.path)
      missingChapters.push({relative: entry.path, problem: problems.at(-1)!})
    }
  })

  const unreadable = (at: PropertyKey[], name: string) =>
    problems.push({file: configFile.path, position: positionOfPath(configSource, at), message: `Cannot read \`${name}\` as a sources registry, expected a file ending in ${registryExtensions.map((extension) => `\`${extension}\``).join(', ')} (from a reference manager, export CSL JSON, BibTeX or RIS)`})
  // A registry named and not read: its citations are reported with the finding that says why.
  const unreadRegistries: NonNullable<ProjectInput['unreadRegistries']> = []
  const unreadRegistry = (at: PropertyKey[], name: string) => unreadRegistries.push({name, file: configFile.path, position: positionOfPath(configSource, at)})
  const sourcesFiles = await readRegistries(config, (relative, at) => readOne(relative, at), missing, unreadable, unreadRegistry)
  const glossaryFile = await readOne(config.glossary, ['glossary'])
  if (glossaryFile === undefined && configSource.doc.has('glossary')) missing(['glossary'], `the glossary \`${config.glossary}\``, '', config.glossary)

  // A project's own CSL style is read here with the other files, so a wrong path is a finding.
  const cslFile = config.citations.csl ? await readOne(config.citations.csl, ['citations', 'csl']) : undefined
  if (config.citations.csl && cslFile === undefined) missing(['citations', 'csl'], `the CSL style \`${config.citations.csl}\``, '', config.citations.csl)
  const styleProblems = cslFile ? cslStyleProblems(cslFile) : []
  problems.push(...styleProblems)
  // A style that would stop citeproc is reported; the rest of the project is still checked with the default.
  const usableCsl = styleProblems.length === 0 ? cslFile : undefined

  // The printer's output profile for PDF/X: binary, checked for what PDF/X needs.
  let outputProfile: Uint8Array | undefined
  if (config.print.pdfx) {
    const where = {file: configFile.path, position: positionOfPath(configSource, ['print', 'pdfx', 'profile'])}
    try {
      const resolved = await resolveInside(dir, config.print.pdfx.profile)
      if (!resolved.ok && !resolved.missing) throw new RefusedFileError(config.print.pdfx.profile, resolved.reason)
      outputProfile = new Uint8Array(await readFile(resolved.ok ? resolved.path : path.resolve(dir, config.print.pdfx.profile)))
      const problem = outputProfileProblem(outputProfile)
      if (problem) {
        problems.push({...where, message: `Unexpected \`${config.print.pdfx.profile}\` for PDF/X: ${problem}`})
        outputProfile = undefined
      }
    } catch (error) {
      if (error instanceof RefusedFileError) refused(['print', 'pdfx', 'profile'], error)
      else missing(['print', 'pdfx', 'profile'], `the ICC output profile \`${config.print.pdfx.profile}\``)
    }
  }

  // Files beside these that look like input but that nothing reads (a chapter no edition lists…).
  const unreadFiles = await findUnreadFiles(dir, {markdown: order.map((entry) => entry.path), registries: sourcesFiles.map((file) => file.path), glossary: glossaryFile?.path, csl: cslFile?.path})
  // A chapter listed and not found: the Markdown file no edition lists that it was likely renamed
  // to, else the closest Markdown file of its folder (a name misspelt, `03-service.md` for `03-services.md`).
  const unlisted = unreadFiles.map((file) => file.file).filter((file) => markdownFile.test(file))
  for (const {relative, problem} of missingChapters) {
    if (savedWithTxt(dir, relative)) continue
    const renamed = renamedTo(relative, unlisted)
    problem.message += renamed ? `, did you mean \`${renamed}\`, which no edition lists?` : await closestMarkdown(dir, relative)
  }

  return {
    ok: true,
    configSource,
    problems,
    input: {dir, config, configFile, markdown, sourcesFiles, unreadRegistries, glossaryFile: glossaryFile ?? undefined, cslFile: cslFile ?? undefined, outputProfile, citationStyle: citationStyleOf(config, usableCsl ?? undefined), unreadFiles}
  }
}

/**
 * A config nothing can be read without: its merge conflicts are said with the rest (no rule runs
 * then), for a conflict is the likely cause, even read as its first side.
 */
function stopped(configFile: VFile): LoadResult {
  for (const conflict of configFile.data.mergeConflicts ?? []) {
    addMessage(configFile, mergeConflictMessage(conflict), {ruleId: 'merge-conflict', severity: 'error', place: positionFromOffsets(configFile, conflict.offset, conflict.offset)})
  }
  return {ok: false, configFile}
}

/** Every Markdown file once, in reading order: the full edition's, then the synthesis's own. */
function markdownOrder(config: Config): Array<{path: string; editions: EditionName[]; configPath: PropertyKey[]}> {
  const byPath = new Map<string, {path: string; editions: EditionName[]; configPath: PropertyKey[]}>()
  for (const name of ['full', 'synthesis'] as const) {
    config.editions[name]?.files.forEach((path, index) => {
      const known = byPath.get(path)
      if (known) known.editions.push(name)
      else byPath.set(path, {path, editions: [name], configPath: ['editions', name, 'files', index]})
    })
  }
  return [...byPath.values()]
}

/**
 * `, saved as \`sources.yaml.txt\`…` when Notepad added `.txt` to the name: Windows hides the
 * extension, so the file looks named as it should be.
 */
export function savedWithTxt(dir: string, relative: string): string {
  return existsSync(path.join(dir, `${relative}.txt`)) ? `: it was saved as \`${relative}.txt\` (Notepad adds \`.txt\`, and Windows hides it): rename it \`${path.posix.basename(relative)}\`` : ''
}

const markdownFile = /\.(?:md|markdown|qmd|rmd)$/iu

/** `, did you mean …?` with the closest Markdown file of the folder of a file listed and not found, when one is close. */
async function closestMarkdown(dir: string, relative: string): Promise<string> {
  const folder = path.posix.dirname(path.posix.normalize(relative))
  // Only folders of the project are listed.
  if (folder.startsWith('..') || path.posix.isAbsolute(folder)) return ''
  const names = await readdir(path.join(dir, folder)).catch(() => [] as string[])
  const markdown = names.filter((name) => markdownFile.test(name)).map((name) => (folder === '.' ? name : `${folder}/${name}`))
  return didYouMean(relative, markdown)
}

/**
 * The Markdown file no edition lists that a chapter listed and not found was likely renamed to
 * (`06-fares.md` → `06-fares-and-ticketing.md`, or moved to another folder): the one whose name
 * shares the longest start with it (three letters at least, `06-`), or is close to it; in its
 * folder first, then the closest in letters.
 */
export function renamedTo(relative: string, unlisted: readonly string[]): string | undefined {
  const stem = (file: string) => path.posix.basename(file).toLowerCase().replace(markdownFile, '')
  const written = stem(relative)
  const folder = path.posix.dirname(path.posix.normalize(relative))
  const close = closestKnown(path.posix.normalize(relative), unlisted)
  const scored = unlisted.map((file) => {
    const other = stem(file)
    let shared = 0
    while (shared < written.length && written[shared] === other[shared]) shared++
    return {file, shared, sameFolder: path.posix.dirname(file) === folder, distance: distance(written, other)}
  })
  const likely = scored.filter((candidate) => candidate.shared >= Math.min(3, written.length) || candidate.file === close)
  likely.sort((a, b) => b.shared - a.shared || Number(b.sameFolder) - Number(a.sameFolder) || a.distance - b.distance || a.file.localeCompare(b.file))
  return likely[0]?.file
}

/**
 * The registry files `sources:` names, each read in turn (a missing or refused one is reported at
 * its place in the list), or else the first of the default names found.
 */
async function readRegistries(config: Config, read: (relative: string, at: PropertyKey[]) => Promise<VFile | null | undefined>, missing: (at: PropertyKey[], what: string, closest?: string, relative?: string) => void, unreadable: (at: PropertyKey[], name: string) => void, unread: (at: PropertyKey[], name: string) => void): Promise<VFile[]> {
  const named = registryFiles(config)
  if (named.length === 0) {
    for (const candidate of sourceCandidates) {
      const file = await read(candidate, ['sources'])
      if (file === null) unread(['sources'], candidate)
      if (file !== undefined) return file ? [file] : []
    }
    return []
  }
  const placeOf = (index: number) => (typeof config.sources === 'string' ? ['sources'] : ['sources', index])
  const files = await Promise.all(
    named.map((relative, index) => {
      // Read as YAML, an EndNote XML or a `.txt` would give a stream of findings about its lines.
      if (registryFormat(relative) !== undefined) return read(relative, placeOf(index))
      unreadable(placeOf(index), relative)
      return null
    })
  )
  return files.flatMap((file, index) => {
    if (file === undefined) missing(placeOf(index), `the sources registry \`${named[index]}\``, '', named[index])
    if (!file) unread(placeOf(index), named[index]!)
    return file ? [file] : []
  })
}
