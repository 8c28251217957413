import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {VFile} from 'vfile'
import {rules as allRules} from '../check/rules/index.js'
import {runRules} from '../check/run-rules.js'
import {addMessage} from '../diagnostics/message.js'
import type {SeveritySetting} from '../diagnostics/severity.js'
import {attachSourceChecks, sourcesToLookUp} from '../check/in-source/locate.js'
import {readArchives} from '../load/archives.js'
import {readImages} from '../load/images.js'
import {CannotRunError} from '../load/cannot-run.js'
import {loadProject} from '../load/load-project.js'
import {resolveInside} from '../load/sandbox.js'
import {loadTheme, type Theme} from '../load/theme.js'
import {projectTemplates, stylesheetResources, templateResources} from '../load/template-resources.js'
import {templateValueProblems} from '../model/template-values.js'
import {partialFiles} from '../load/templates.js'
import {templateShape} from '../render/template-shape.js'
import {axisColours} from '../load/theme-colours.js'
import {themeCoverage} from '../load/theme-glyphs.js'
import {buildModel, type ModelReaders} from '../model/build.js'
import {figureMemo, isDetectedBlocks, type DetectedBlock} from '../model/figures/memo.js'
import {numeralsOf} from '../model/figures/numerals.js'
import {parseMarkdown} from '../parse/markdown.js'
import {cacheRoot} from '../load/cache-root.js'
import {openTreeCache, type TreeCache} from '../load/tree-cache.js'
import {readSources, type RegistryFindings} from '../model/registry/sources.js'
import type {Source} from '../model/schemas/sources.js'
import {installFingerprint} from './build-state.js'
import type {Entry, ReportModel} from '../model/types.js'
import {positionOfPath} from '../parse/yaml.js'
import {didYouMean} from '../diagnostics/suggest.js'
import {parseReview} from '../audit/review/read.js'
import {readReviewFile, type ReviewSource} from '../load/review-file.js'
import type {ReviewFile} from '../model/schemas/review.js'

export interface CheckOptions {
  /** Severity overrides from the command line; they win over `check.rules` in rapporteur.yaml. */
  rules?: Readonly<Record<string, SeveritySetting>>
  /** A reviewer's `review.json` to read for the audit page; its problems are `schema` findings. */
  review?: ReviewSource | undefined
  /**
   * Keep each Markdown file's tree in the user's cache folder and read it back while its text is
   * the same (load/tree-cache.ts): the CLI's default (`RAPPORTEUR_TREE_CACHE=off` turns it off). Off by default here.
   */
  treeCache?: boolean
  /** Where the cache folder is found (`RAPPORTEUR_CACHE`, `XDG_CACHE_HOME`, the home folder); default process.env. */
  env?: NodeJS.ProcessEnv
}

/** A review file as read: its path relative to the report folder, and its marks when it is valid. */
export interface LoadedReview {
  file: string
  review: ReviewFile | undefined
}

export type CheckResult =
  | {ok: true; model: ReportModel; files: VFile[]; review?: LoadedReview; theme?: Theme}
  /** The config is broken: nothing else could be read (exit 2). */
  | {ok: false; files: VFile[]}

/** Load, parse, model and check a report folder. Never starts a browser; never prints. */
export async function check(dir: string, options: CheckOptions = {}): Promise<CheckResult> {
  const loaded = await loadProject(dir)
  if (!loaded.ok) return {ok: false, files: [loaded.configFile]}
  const trees = options.treeCache
    ? await openTreeCache({root: cacheRoot(options.env), fingerprint: await installFingerprint(), project: path.resolve(dir)}, loaded.input.markdown.map(({file}) => file))
    : undefined
  const model = await buildModel(loaded.input, loaded.problems, trees ? readersThrough(trees, loaded.input.markdown.map(({file}) => file)) : {})
  // Written while the rest of the check runs.
  const saved = trees?.save()
  // Archived copies of sources (`file:`): read (and cached) here, at the edge, then matched purely.
  model.archives = await readArchives(dir, model.sources, model.problems, sourcesToLookUp(model.figures), process.env, numeralsOf(model.config.lang))
  attachSourceChecks(model.figures, model.archives)
  model.imageFiles = await readImages(dir, model.images)
  const theme = await readThemeFonts(dir, model)
  if (theme) {
    model.axisColours = axisColours(theme, model.config.axes, (index) => ({file: loaded.input.configFile.path, position: positionOfPath(loaded.configSource, ['axes', index, 'color'])}))
    model.glyphCoverage = themeCoverage(theme)
    // A colour set in `theme/custom.css` is reported there: the file joins the report's.
    const placed = new Set(model.axisColours.flatMap((colours) => [colours.axis, colours.page, colours.surface, colours.accentText]).map((colour) => colour.at?.file))
    for (const file of theme.files) if (placed.has(file.path)) model.files.set(file.path, file)
  }
  let review = options.review ? await readReviewFile(dir, options.review) : undefined
  if (review && model.files.has(review.path)) {
    // A project whose registry is called review.json has no review file of that name.
    if (options.review?.optional) review = undefined
    else throw new CannotRunError(`Cannot read \`${review.path}\` as a review file: it is a file of the report`, 'Name the `review.json` the audit page saved.')
  }
  // The review file joins the project's files, so that its problems are reported like any other's.
  if (review) model.files.set(review.path, review)
  const loadedReview = review ? {file: review.path, review: parseReview(review, model.problems)} : undefined
  const overrides = {...model.config.check.rules, ...options.rules}
  const known = new Set(allRules.map((rule) => rule.id))
  for (const id of Object.keys(model.config.check.rules)) {
    if (!known.has(id)) {
      addMessage(loaded.input.configFile, `Unexpected rule \`${id}\` in \`check.rules\`, expected a rule id${didYouMean(id, known)}`, {
        ruleId: 'schema',
        severity: 'error',
        place: positionOfPath(loaded.configSource, ['check', 'rules', id], true)
      })
    }
  }
  runRules(model, allRules, overrides)
  await saved
  return {ok: true, model, files: [...model.files.values()], ...(loadedReview ? {review: loadedReview} : {}), ...(theme ? {theme} : {})}
}

/**
 * What the model reads through the tree cache: each Markdown file's tree, the sources registry
 * (sourcesThrough), and what figure detection found in each file (model/figures/memo.ts), kept
 * by the file's text and the settings detection reads, all read at once.
 */
function readersThrough(trees: TreeCache, files: readonly VFile[]): ModelReaders {
  const kind = (settings: string) => `figures\0${settings}`
  const known = new Map<string, Promise<DetectedBlock[] | undefined>>()
  const peek = (file: VFile, settings: string) => trees.peek(kind(settings), String(file.value), isDetectedBlocks)
  return {
    parse: (file) => trees.tree(file, parseMarkdown),
    sources: (file, lang, findings) => sourcesThrough(trees, file, lang, findings),
    async figures(file, settings) {
      // The first file asks for every file's, read side by side; the rest are waiting.
      if (known.size === 0) for (const each of files) known.set(`${each.path}\0${settings}`, peek(each, settings))
      const memo = figureMemo(await (known.get(`${file.path}\0${settings}`) ?? peek(file, settings)))
      return {detect: memo.detect, done: () => memo.replayed() || trees.keep(kind(settings), String(file.value), memo.blocks)}
    }
  }
}

/**
 * The sources registry as readSources reads it, kept in the tree cache by its text, path and the
 * report's language: a large registry's YAML is slow to parse with its places (the 100-page
 * benchmark project's 168 sources: `rapporteur check` 0.80–0.84 → 0.71–0.77 s, 8 of 8 interleaved
 * runs faster), and BibTeX and CSL-JSON go through citation-js. What reading found (schema
 * problems, unread fields, rejected ids) is kept with the entries and reported as it was.
 */
async function sourcesThrough(trees: TreeCache, file: VFile, lang: string, findings: RegistryFindings): Promise<Array<Entry<Source>>> {
  const read = await trees.derived(`sources\0${file.path}\0${lang}`, String(file.value), async () => {
    const found: RegistryFindings = {problems: [], unread: [], rejected: []}
    return {entries: await readSources(file, lang, found), found}
  }, isReadRegistry)
  findings.problems.push(...read.found.problems)
  findings.unread.push(...read.found.unread)
  findings.rejected.push(...read.found.rejected)
  return read.entries
}

/** What sourcesThrough keeps, as read back: entries and the three lists of findings. */
function isReadRegistry(value: unknown): value is {entries: Array<Entry<Source>>; found: RegistryFindings} {
  const read = value as {entries?: unknown; found?: Partial<RegistryFindings>} | null
  return Boolean(read && Array.isArray(read.entries) && read.found && Array.isArray(read.found.problems) && Array.isArray(read.found.unread) && Array.isArray(read.found.rejected))
}

/**
 * The fonts of the project's theme: a font its own stylesheets name that no folder holds is a
 * finding at the url (missing-font), with the stylesheet among the files. A theme that cannot be
 * read at all is `build`'s and `doctor`'s to explain (exit 2): `check` goes on without it.
 */
async function readThemeFonts(dir: string, model: ReportModel): Promise<Theme | undefined> {
  // Only the package's themes say what they extend: a project's own theme.yaml would be ignored.
  const projectThemeFile = await resolveInside(dir, 'theme/theme.yaml')
  if (projectThemeFile.ok) {
    const file = new VFile({path: 'theme/theme.yaml', value: await readFile(projectThemeFile.path, 'utf8')})
    model.files.set(file.path, file)
    model.problems.push({file: file.path, position: {start: {line: 1, column: 1}, end: {line: 1, column: 1}}, message: 'Unexpected `theme/theme.yaml` in the project, expected `theme:` in rapporteur.yaml to name the theme the project builds on, and what differs in `theme/custom.css` (docs/designers.md)'})
  }
  try {
    const theme = await loadTheme(dir, model.config.theme)
    const problems = theme.problems.filter((problem) => problem.inProject)
    for (const file of theme.files) if (problems.some((problem) => problem.file === file.path)) model.files.set(file.path, file)
    model.fontProblems = problems.map(({file, position, message}) => ({file, position, message}))
    for (const resource of templateResources(theme, dir)) {
      if (!model.files.has(resource.file)) model.files.set(resource.file, new VFile({path: resource.file, value: resource.text}))
      model.templateAddresses.push({file: resource.file, position: resource.position, address: resource.address, web: resource.web, stylesheet: resource.stylesheet})
    }
    // The names the project's own templates write, against what templates receive.
    const templates = projectTemplates(theme, dir)
    model.templateValues = templateValueProblems(templates, templateShape(model.config.lang), Object.keys(partialFiles))
    for (const problem of model.templateValues) {
      const template = templates.find((item) => item.file === problem.file)
      if (template && !model.files.has(problem.file)) model.files.set(problem.file, new VFile({path: problem.file, value: template.text}))
    }
    model.stylesheetResources = stylesheetResources(theme)
    // css-tree and its grammar are loaded only for a project with stylesheets of its own.
    if (theme.files.some((file) => file.path.endsWith('.css'))) {
      const {stylesheetDeclarations} = await import('../load/stylesheet-syntax.js')
      model.stylesheetDeclarations = stylesheetDeclarations(theme.files)
    }
    // A finding in the project's own stylesheet: the file joins the report's.
    for (const resource of [...model.stylesheetResources, ...model.stylesheetDeclarations]) {
      const file = theme.files.find((item) => item.path === resource.file)
      if (file) model.files.set(file.path, file)
    }
    return theme
  } catch (error) {
    if (!(error instanceof CannotRunError)) throw error
    return undefined
  }
}
