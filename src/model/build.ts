import type {Heading, Root} from 'mdast'
import {VFile} from 'vfile'
import type {CslStyle} from './schemas/csl.js'
import {parseMarkdown} from '../parse/markdown.js'
import {parseYaml, positionOfPath} from '../parse/yaml.js'
import {maxNesting, tooDeep} from '../parse/nesting.js'
import {collectDocument} from './collect.js'
import type {detectNumbers} from './figures/detect.js'
import {collectTargets} from './targets.js'
import {boxIds, reservedIds} from './reserved-ids.js'
import {ignorePattern} from './figures/ignore.js'
import {readFrontMatter} from './front-matter.js'
import {readGlossary} from './registry/glossary.js'
import {readSources} from './registry/sources.js'
import type {Config, EditionName} from './schemas/config.js'
import {textWithoutNotes} from './text/plain.js'
import type {Located, MarkdownDocument, ReportModel, SchemaProblem} from './types.js'

/** What the load stage hands over: the validated config and the files it names, read. */
export interface ProjectInput {
  dir: string
  config: Config
  configFile: VFile
  /** Markdown files in reading order (full edition first), with the editions that include them. */
  markdown: Array<{file: VFile; editions: EditionName[]}>
  /** The sources registries, in the order `sources:` lists them (entries are read in that order). */
  sourcesFiles: VFile[]
  /** The registries `sources:` names that could not be read (missing, refused, of no registry format), at their place in rapporteur.yaml. */
  unreadRegistries?: Array<Located & {name: string}>
  glossaryFile: VFile | undefined
  /** The project's own CSL style (`citations.csl`), when it names one. */
  cslFile?: VFile | undefined
  /** The printer's ICC output profile (`print.pdfx.profile`), read and checked. */
  outputProfile?: Uint8Array | undefined
  /** The style citations are formatted with: the project's `citations.csl` or a default. */
  citationStyle: CslStyle
  /** Files beside the ones read that look like input but that nothing reads (load/unread-files.ts). */
  unreadFiles?: Array<SchemaProblem & {firstLine: string}>
}

/**
 * How the model reads what can be read back from the user's cache instead (api/check.ts,
 * load/tree-cache.ts); each defaults to doing the work.
 */
export interface ModelReaders {
  /** Each Markdown file's tree (default: parseMarkdown); the model adds to the trees it gets. */
  parse?: (file: VFile) => Root
  /** The sources registry (default: readSources). */
  sources?: typeof readSources
  /**
   * A figure detector for one Markdown file, given the settings detection reads, written out
   * (default: detectNumbers itself); `done` is called with it once the file's figures are collected.
   */
  figures?: (file: VFile, settings: string) => Promise<{detect: typeof detectNumbers; done(): void}>
}

/** Build the typed report from the project's files: parse, validate, collect, number. */
export async function buildModel(input: ProjectInput, problems: SchemaProblem[] = [], readers: ModelReaders = {}): Promise<ReportModel> {
  const {parse = parseMarkdown, sources = readSources} = readers
  const model = emptyModel(input)
  model.problems.push(...problems)
  // A registry or glossary whose text does not parse gives nothing: the rules that miss its
  // entries then point at the finding that says why, rather than at the keys.
  const unparsed = (file: VFile, before: number) => model.problems.slice(before).some((problem) => problem.file === file.path && /^Cannot parse/u.test(problem.message))
  for (const file of input.sourcesFiles) {
    const rejected: string[] = []
    const before = model.problems.length
    const entries = await sources(file, input.config.lang, {problems: model.problems, unread: model.unreadFields, rejected})
    model.sources.push(...entries)
    model.rejectedSources.push(...rejected.map((id) => ({id, file: file.path})))
    if (entries.length === 0 && unparsed(file, before)) model.unparsedFiles.push(file.path)
  }
  if (input.glossaryFile) {
    const before = model.problems.length
    model.glossary = readGlossary(input.glossaryFile, model.problems)
    if (model.glossary.length === 0 && unparsed(input.glossaryFile, before)) model.unparsedFiles.push(input.glossaryFile.path)
  }
  const ignore = input.config.check.figures.ignore.map(ignorePattern)
  const figureSettings = JSON.stringify({scope: input.config.check.figures.scope, ignore: input.config.check.figures.ignore, lang: input.config.lang})
  /** Ids taken so far, so that a heading's slug never repeats one. */
  const usedIds = new Set<string>()

  for (const {file, editions} of input.markdown) {
    model.files.set(file.path, file)
    // Input the parser would recurse through until the stack runs out is refused first (parse/nesting.ts).
    const deep = tooDeep(String(file.value))
    if (deep) {
      const point = {line: deep.line, column: deep.column}
      model.problems.push({file: file.path, position: {start: point, end: point}, message: `Cannot read blocks nested ${deep.depth} deep, expected at most ${maxNesting} levels of quotes and lists`})
      continue
    }
    const tree = parse(file)
    const frontMatter = readFrontMatter(file, tree, model.problems)
    const heading = tree.children.find((node): node is Heading => node.type === 'heading' && node.depth === 1)
    const document: MarkdownDocument = {
      path: file.path,
      file,
      tree,
      role: editions.includes('full') ? 'chapter' : 'synthesis',
      editions,
      frontMatter,
      title: frontMatter.title ?? (heading ? textWithoutNotes(heading) : undefined),
      id: frontMatter.id ?? heading?.data?.attributes?.id ?? idFromPath(file.path)
    }
    model.documents.push(document)
    model.files.set(file.path, file)
    model.anchors.set(document.id, {file: file.path, position: heading?.position ?? {start: {line: 1, column: 1}, end: {line: 1, column: 1}}, label: document.title ?? document.id, kind: 'chapter', unnumbered: Boolean(heading?.data?.attributes?.classes.includes('unnumbered')), document: document.id})
    usedIds.add(document.id)
  }
  // Once every document is parsed: a heading's automatic id keeps clear of the ids rapporteur
  // gives its own elements and of every recommendation's and stat's, in any chapter.
  const reserved = reservedIds(model)
  const boxes = boxIds(model)
  for (const document of model.documents) {
    collectTargets(document, model, usedIds, (id) => boxes.has(id) || reserved.owner(id) !== undefined)
    const {file} = document
    const detector = readers.figures ? await readers.figures(file, figureSettings) : undefined
    collectDocument(document, model, input.config.check.figures.scope, ignore, detector?.detect)
    detector?.done()
  }
  numberRecommendations(model)
  addLogo(model, input)
  addCoverImage(model, input)
  return model
}

/** How wide the cover prints the logo at most (styles/base.css, `.rp-cover__logo`): what its resolution is checked at. */
export const LOGO_WIDTH = '40mm'

/**
 * The cover's logo (`logo:` in rapporteur.yaml) is an image as the Markdown's are: found from the
 * report folder, copied with them, and checked by the same rules (missing-image, image-resolution…),
 * at its line in rapporteur.yaml. Its alternative text is the organisation's name.
 */
function addLogo(model: ReportModel, input: ProjectInput): void {
  if (!input.config.logo) return
  const position = positionOfPath(parseYaml(input.configFile), ['logo'])
  model.images.push({file: input.configFile.path, position, alt: input.config.organisation, url: input.config.logo, width: LOGO_WIDTH})
}

/** How wide the cover prints its picture (styles/print.css, `.rp-cover__image`): the text's width. */
export const COVER_IMAGE_WIDTH = '100%'

/** The cover's picture (`cover.image:`), like the logo: an image of the report, checked at its line with its own description. */
function addCoverImage(model: ReportModel, input: ProjectInput): void {
  if (!input.config.cover) return
  const position = positionOfPath(parseYaml(input.configFile), ['cover', 'image'])
  model.images.push({file: input.configFile.path, position, alt: input.config.cover.alt, url: input.config.cover.image, width: COVER_IMAGE_WIDTH})
}

/** R1…Rn in reading order across the full edition; the number is never typed by hand. */
function numberRecommendations(model: ReportModel): void {
  const full = new Set(model.documents.filter((document) => document.editions.includes('full')).map((document) => document.path))
  let number = 0
  for (const recommendation of model.recommendations) {
    if (full.has(recommendation.file)) recommendation.number = ++number
  }
}

/** `chapters/03-business.md` → `business`. */
export function idFromPath(path: string): string {
  const base = path.split('/').pop() ?? path
  return base.replace(/\.md$/i, '').replace(/^\d+[-_.\s]*/, '') || base
}

function emptyModel(input: ProjectInput): ReportModel {
  const files = new Map<string, VFile>([[input.configFile.path, input.configFile]])
  for (const file of input.sourcesFiles) files.set(file.path, file)
  if (input.glossaryFile) files.set(input.glossaryFile.path, input.glossaryFile)
  if (input.cslFile) files.set(input.cslFile.path, input.cslFile)
  // An unread file's finding is at its first line: that line is all of its text that is shown.
  for (const unread of input.unreadFiles ?? []) files.set(unread.file, new VFile({cwd: input.dir, path: unread.file, value: unread.firstLine}))
  return {
    dir: input.dir,
    config: input.config,
    files,
    documents: [],
    sources: [],
    rejectedSources: [],
    unreadFields: [],
    unreadFiles: (input.unreadFiles ?? []).map(({file, position, message}) => ({file, position, message})),
    citationStyle: input.citationStyle,
    outputProfile: input.outputProfile,
    configFile: input.configFile.path,
    sourcesFiles: input.sourcesFiles.map((file) => file.path),
    unreadRegistries: input.unreadRegistries ?? [],
    glossary: [],
    glossaryFile: input.glossaryFile?.path,
    recommendations: [],
    stats: [],
    blocks: [],
    terms: [],
    refs: [],
    otherCrossReferences: [],
    citations: [],
    figures: [],
    nonFigures: [],
    waivers: [],
    directives: [],
    html: [],
    images: [],
    links: [],
    imageFiles: new Map(),
    anchors: new Map(),
    explicitIds: [],
    problems: [],
    fontProblems: [],
    axisColours: [],
    glyphCoverage: {},
    templateAddresses: [],
    templateValues: [],
    unparsedFiles: [],
    stylesheetDeclarations: [],
    stylesheetResources: [],
    archives: new Map()
  }
}
