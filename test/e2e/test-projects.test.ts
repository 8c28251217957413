import {readdirSync} from 'node:fs'
import {cp, mkdtemp, readFile, rm} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type {Element, Root} from 'hast'
import {fromHtml} from 'hast-util-from-html'
import {toText} from 'hast-util-to-text'
import {PDFDocument, PDFName, PDFNumber, PDFRawStream} from 'pdf-lib'
import {getDocument, type PDFDocumentProxy} from 'pdfjs-dist/legacy/build/pdf.mjs'
import {SKIP, visitParents} from 'unist-util-visit-parents'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {build, type BuiltEdition} from '../../src/api/build.js'
import {check} from '../../src/api/check.js'
import {toJsonDiagnostics, type JsonDiagnostic} from '../../src/diagnostics/to-json.js'
import {initLanguages, initProject, type InitLanguage} from '../../src/init/init.js'
import {hasPdftotext, pdfPages} from '../helpers/pdf-text.js'

/**
 * Every project the repository holds, built for real (Paged.js in Chromium), every edition, HTML
 * and PDF: the sample report (`report/`), the starter projects `rapporteur init` writes (each
 * folder of `init/`), and each folder of `test/projects/`. None may print Pandoc or Quarto syntax
 * raw. `test/projects/quarto-habits` uses every Pandoc/Quarto habit rapporteur reads, and each is
 * checked in the HTML and in the PDF's text; `test/projects/quarto-unsupported` holds each
 * construct it does not read, reported by `check` and left out of the output.
 *
 * One build per project, shared by its tests, in a temporary copy.
 */
const repo = path.join(import.meta.dirname, '../..')
const testProjects = path.join(repo, 'test/projects')
/** The starter projects are dated: a fixed day keeps their outputs the same from one run to the next. */
const initDay = new Date(Date.UTC(2026, 2, 2))

interface TestProject {
  /** Its folder, relative to the repository. */
  name: string
  /** Write the project into an empty folder. */
  write: (dir: string) => Promise<unknown>
}

const folders = (dir: string) =>
  readdirSync(dir, {withFileTypes: true})
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()

/** A copy without the outputs of earlier builds. */
const copyOf = (source: string) => (dir: string) => cp(source, dir, {recursive: true, filter: (from) => path.relative(source, from).split(path.sep)[0] !== 'dist'})

const projects: TestProject[] = [
  {name: 'report', write: copyOf(path.join(repo, 'report'))},
  ...folders(path.join(repo, 'init')).map((lang) => {
    if (!(initLanguages as readonly string[]).includes(lang)) throw new Error(`init/${lang} is not among the languages of rapporteur init (${initLanguages.join(', ')})`)
    return {name: `init/${lang}`, write: (dir: string) => initProject(dir, {lang: lang as InitLanguage, now: initDay})}
  }),
  ...folders(testProjects).map((name) => ({name: `test/projects/${name}`, write: copyOf(path.join(testProjects, name))}))
]

interface Output {
  edition: string
  built: BuiltEdition
  htmlFile: string
  /** The web page, whole (MathML and all). */
  html: Root
  pdfFile: string
  pdf: PDFDocumentProxy
  /** Each page as pdftotext reads it; undefined without poppler-utils. */
  pages: string[] | undefined
  /** The titles of the PDF's bookmarks, at every level. */
  outline: string[]
}

interface Built {
  dir: string
  files: JsonDiagnostic[]
  outputs: Output[]
}

let work: string
const builds = new Map<string, Promise<Built>>()

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'rapporteur-test-projects-'))
})

afterAll(async () => {
  for (const promise of builds.values()) await promise.then((built) => Promise.all(built.outputs.map((output) => output.pdf.destroy()))).catch(() => {})
  await rm(work, {recursive: true, force: true})
})

/** A fresh copy of the project in its own folder. */
async function writeCopy(project: TestProject, purpose: string): Promise<string> {
  const dir = path.join(work, `${project.name.replaceAll('/', '-')}-${purpose}`)
  await project.write(dir)
  return dir
}

/** The project built once, every edition, HTML and PDF; later calls share the same build. */
function built(project: TestProject): Promise<Built> {
  let promise = builds.get(project.name)
  if (!promise) {
    promise = buildProject(project)
    builds.set(project.name, promise)
  }
  return promise
}

async function buildProject(project: TestProject): Promise<Built> {
  const dir = await writeCopy(project, 'build')
  const result = await build(dir)
  if (!result.ok) throw new Error(`${project.name}: the build stopped (${result.reason}):\n${describeFindings(toJsonDiagnostics(result.files).filter((item) => item.severity === 'error'))}`)
  const outputs = await Promise.all(
    result.editions.map(async (edition): Promise<Output> => {
      if (!edition.html || !edition.pdf) throw new Error(`${project.name}: the ${edition.edition} edition has no HTML or no PDF`)
      const pdf = await getDocument({data: new Uint8Array(await readFile(edition.pdf)), verbosity: 0}).promise
      return {
        edition: edition.edition,
        built: edition,
        htmlFile: edition.html,
        html: fromHtml(await readFile(edition.html, 'utf8')),
        pdfFile: edition.pdf,
        pdf,
        pages: hasPdftotext ? pdfPages(edition.pdf) : undefined,
        outline: await outlineTitles(pdf)
      }
    })
  )
  return {dir, files: toJsonDiagnostics(result.files), outputs}
}

/** A finding on one line, as a failure shows it. */
const finding = (item: JsonDiagnostic) => `${item.file}:${item.line}:${item.column} ${item.severity} ${item.rule}: ${item.message}`

function describeFindings(findings: readonly JsonDiagnostic[]): string {
  return findings.map((item) => `  ${finding(item)}`).join('\n')
}

async function outlineTitles(pdf: PDFDocumentProxy): Promise<string[]> {
  const titles: string[] = []
  const walk = (items: Awaited<ReturnType<PDFDocumentProxy['getOutline']>>) => {
    for (const item of items ?? []) {
      titles.push(item.title)
      walk(item.items)
    }
  }
  walk(await pdf.getOutline())
  return titles
}

// ---------------------------------------------------------------------------------------------
// Text, as a reader sees it
// ---------------------------------------------------------------------------------------------

/** Any run of white space (no-break and thin spaces included) as one space. */
const normalise = (text: string) => text.replace(/[\s\u00A0\u202F\u2009\u200B]+/gu, ' ').trim()

/** What `<script>`, `<style>` and MathML's `<annotation>` (the TeX source, legitimately) hold is not shown. */
const unseen = new Set(['script', 'style', 'template', 'annotation', 'annotation-xml'])

/** The text a reader sees in an element or a page, white space normalised. */
function seen(node: Root | Element): string {
  const copy = structuredClone(node)
  visitParents(copy, 'element', (element, ancestors) => {
    if (!unseen.has(element.tagName)) return
    const parent = ancestors.at(-1)!
    parent.children.splice(parent.children.indexOf(element), 1, {type: 'text', value: ' '})
    return SKIP
  })
  return normalise(toText(copy))
}

/** Text that shows without being in the flow of the page: alternative texts, tooltips, labels. */
function attributeTexts(tree: Root): string[] {
  const texts: string[] = []
  visitParents(tree, 'element', (element, ancestors) => {
    if (ancestors.some((ancestor) => ancestor.type === 'element' && unseen.has(ancestor.tagName))) return
    for (const name of ['alt', 'title', 'ariaLabel'] as const) {
      const value = element.properties[name]
      if (typeof value === 'string' && value) texts.push(`${element.tagName}[${name}]: ${value}`)
    }
  })
  return texts
}

/** A PDF's text as a reader searches it: soft hyphens and line-end hyphens of split words gone, white space normalised. */
function readable(text: string): string {
  return normalise(text.replace(/\u00AD\n?/gu, '').replace(/(?<=\p{L})-\n(?=\p{Ll})/gu, ''))
}

/** Each occurrence of a marker, with its surroundings, to say where it is. */
function occurrences(text: string, where: string, markers: readonly string[]): string[] {
  const hits: string[] = []
  for (const marker of markers) {
    for (let index = text.indexOf(marker); index !== -1; index = text.indexOf(marker, index + marker.length)) {
      const around = normalise(text.slice(Math.max(0, index - 60), index + marker.length + 60))
      hits.push(`${where}: \`${marker}\` in “…${around}…”`)
    }
  }
  return hits
}

/** Pandoc and Quarto syntax that must never reach a reader. */
const rawMarkers = ['{#', '{.', ':::', '^[', '{{<', '$$'] as const

function rawInHtml(output: Output, markers: readonly string[]): string[] {
  const file = path.basename(output.htmlFile)
  return [...occurrences(seen(output.html), file, markers), ...attributeTexts(output.html).flatMap((text) => occurrences(text, `${file} (attribute)`, markers))]
}

function rawInPdf(output: Output, markers: readonly string[]): string[] {
  const file = path.basename(output.pdfFile)
  return [
    ...output.pages!.flatMap((page, index) => occurrences(readable(page), `${file} page ${index + 1}`, markers)),
    ...output.outline.flatMap((title) => occurrences(title, `${file} bookmark`, markers))
  ]
}

// ---------------------------------------------------------------------------------------------
// Every project
// ---------------------------------------------------------------------------------------------

describe.each(projects.map((project) => [project.name, project] as const))('%s', (_name, project) => {
  beforeAll(async () => {
    // A failed build is reported by each test below, with the findings that stopped it.
    await built(project).catch(() => {})
  }, 180_000)

  test('builds every edition as HTML and PDF', async () => {
    const {outputs} = await built(project)
    expect(outputs.length).toBeGreaterThanOrEqual(1)
    for (const output of outputs) expect(output.pdf.numPages, `${output.edition} PDF`).toBeGreaterThanOrEqual(2)
  })

  test('the HTML prints no Pandoc or Quarto syntax raw', async () => {
    const {outputs} = await built(project)
    expect(outputs.flatMap((output) => rawInHtml(output, rawMarkers))).toEqual([])
  })

  test.skipIf(!hasPdftotext)('the PDF prints no Pandoc or Quarto syntax raw (pdftotext)', async () => {
    const {outputs} = await built(project)
    expect(outputs.flatMap((output) => rawInPdf(output, rawMarkers))).toEqual([])
  })
})

// ---------------------------------------------------------------------------------------------
// HTML queries
// ---------------------------------------------------------------------------------------------

const classesOf = (element: Element): string[] => {
  const value: unknown = element.properties.className
  return Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(/\s+/u) : []
}

function elements(tree: Root | Element, test: (element: Element, ancestors: Element[]) => boolean): Element[] {
  const found: Element[] = []
  visitParents(tree, 'element', (element, ancestors) => {
    if (test(element, ancestors.filter((ancestor): ancestor is Element => ancestor.type === 'element'))) found.push(element)
  })
  return found
}

const byId = (tree: Root | Element, id: string) => elements(tree, (element) => element.properties.id === id)[0]
const byTag = (tree: Root | Element, tag: string) => elements(tree, (element) => element.tagName === tag)
const main = (output: Output) => elements(output.html, (element) => element.tagName === 'main')[0] ?? output.html
const headingTags = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6'])

/** The element with this id, or what it wraps when the id is on a wrapper (a section around its heading, a div around a table). */
function target(tree: Root, id: string, tag: (tagName: string) => boolean): Element | undefined {
  const element = byId(tree, id)
  if (!element) return undefined
  return tag(element.tagName) ? element : elements(element, (inner) => tag(inner.tagName))[0]
}

/** Regular expression source for a text, loose on white space (PDF lines and pages break anywhere). */
const loose = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&').replace(/ /gu, '\\s*').replace(/(?<=[–—])/gu, '\\s*')

// ---------------------------------------------------------------------------------------------
// test/projects/quarto-habits: every Pandoc/Quarto habit rapporteur reads
// ---------------------------------------------------------------------------------------------

const habits = projects.find((project) => project.name === 'test/projects/quarto-habits')
const figureOf = (name: string) => path.join(testProjects, 'quarto-habits', name)

/** The figures, in reading order per edition: the number, the caption, the alternative text and the image. */
const figures = [
  {edition: 'full', id: 'fig-temperatures', number: 1, caption: 'Classrooms above the comfort threshold through the school day', alt: 'Bar chart: the share of classrooms above the comfort threshold rises through the morning and peaks after lunch.', image: 'figures/classroom-temperatures.png', size: '2100x900'},
  // In a chapter in a subfolder (chapters/part1/), its image next to it (img/…).
  {edition: 'full', id: 'fig-shade', number: 2, caption: 'Playgrounds with and without shade at midday', alt: 'Playgrounds with and without shade at midday', image: 'chapters/part1/img/playground-shade.png', size: '2400x1000'},
  // The synthesis numbers its own figures from 1.
  {edition: 'synthesis', id: 'fig-summary', number: 1, caption: 'A hot school day, hour by hour', alt: 'A hot school day, hour by hour', image: 'figures/classroom-temperatures.png', size: '2100x900'}
] as const

const tables = [
  {id: 'tbl-medians', number: 1, caption: 'Median temperatures on the hottest survey days'},
  {id: 'tbl-measures', number: 2, caption: 'Measures taken by the surveyed schools by the end of the summer term'}
] as const

const callouts = [
  {kind: 'note', title: 'Note', body: 'The town, the schools, the people'},
  {kind: 'warning', title: 'Readings are not a health assessment', body: 'The loggers measured air temperature only'},
  // Titled by its first heading (`## Windows closed by noon`).
  {kind: 'important', title: 'Windows closed by noon', body: 'Most rooms had their windows shut'},
  {kind: 'tip', title: 'Tip', body: 'Moving the most demanding lessons to the morning'},
  {kind: 'caution', title: 'Fans are not enough', body: 'Above body temperature, a fan'}
] as const

/** Headings of the full edition: `{#sec-…}`, `.unnumbered`, `{-}` and none (a slug). */
const headings = [
  {title: 'What we measured', id: 'sec-measures', unnumbered: false},
  {title: 'Who is most exposed', id: undefined, unnumbered: true},
  {title: 'Afternoons are the problem', id: 'sec-afternoons', unnumbered: false},
  {title: 'What schools already do', id: undefined, unnumbered: false},
  {title: 'A note on method', id: 'sec-method', unnumbered: true},
  {title: 'Limits', id: undefined, unnumbered: true}
] as const

/**
 * Every cross-reference, as the text around it reads: `label` is what `@id` becomes ("Figure 1"),
 * `-@id` the number alone; `brackets` for `[@id]`. In the PDF a reference with its label is
 * followed by its page (", p. N", the page of its target); after a number alone the page may be.
 */
interface Reference {
  edition: 'full' | 'synthesis'
  id: string
  before: string
  label: string | ((tree: Root) => string[])
  after: string
  numberOnly?: boolean
  brackets?: boolean
}

/**
 * What `@sec-x` reads: "Section 2.1" (or "Chapter 2") when the heading shows a number; else a
 * chapter's title, or "Section “title”" for a section (docs/pandoc-quarto.md).
 */
function sectionLabels(id: string) {
  return (tree: Root): string[] => {
    const heading = target(tree, id, (tag) => headingTags.has(tag))
    if (!heading) return [`(no heading with the id ${id})`]
    const text = seen(heading)
    const numbered = /^(\d+(?:\.\d+)*)\.?\s+(\S.*)$/u.exec(text)
    if (numbered) return [`Section ${numbered[1]}`, `Chapter ${numbered[1]}`]
    return heading.tagName === 'h1' ? [text] : [`Section “${text}”`]
  }
}

const references: Reference[] = [
  {edition: 'full', id: 'fig-shade', before: 'temperature had peaked (', label: 'Figure 2', after: ' shows what shade changes)'},
  {edition: 'full', id: 'tbl-measures', before: 'Table ', label: '2', after: ' lists what they had done', numberOnly: true},
  {edition: 'full', id: 'tbl-medians', before: 'The averages in ', label: 'Table 1', after: ' are therefore medians'},
  {edition: 'full', id: 'fig-temperatures', before: 'the same way: ', label: 'Figure 1', after: ' shows when classrooms overheat'},
  {edition: 'full', id: 'fig-temperatures', before: 'Figures ', label: '1', after: ' and', numberOnly: true},
  {edition: 'full', id: 'fig-shade', before: 'and ', label: '2', after: ' together show where shade', numberOnly: true},
  {edition: 'full', id: 'tbl-measures', before: 'The measures of ', label: 'Table 2', after: ' are cheap', brackets: true},
  {edition: 'full', id: 'sec-afternoons', before: 'work best together. ', label: sectionLabels('sec-afternoons'), after: ' explains why the afternoon'},
  {edition: 'full', id: 'sec-method', before: 'afternoon matters; ', label: sectionLabels('sec-method'), after: ' says how far'},
  {edition: 'full', id: 'sec-context', before: 'The context set out in ', label: sectionLabels('sec-context'), after: ' still holds'},
  {edition: 'full', id: 'fig-temperatures', before: 'the afternoon heat of ', label: 'Figure 1', after: ', the uneven shade'},
  {edition: 'full', id: 'fig-shade', before: 'shade of playgrounds ', label: 'Figure 2', after: ' and the measures', brackets: true},
  {edition: 'full', id: 'tbl-measures', before: 'already tried in ', label: 'Table 2', after: '.'},
  {edition: 'synthesis', id: 'fig-summary', before: '', label: 'Figure 1', after: ' gives the shape of a hot day'}
]

/** The pattern of a reference in text, its page reference required, optional or absent (the web page). */
function referencePattern(reference: Reference, label: string, page: 'none' | number): RegExp {
  const pageReference = page === 'none' ? '' : reference.numberOnly ? '(?:\\s*,\\s*p\\.\\s*\\d+)?' : `\\s*,\\s*p\\.\\s*${page}(?!\\d)`
  const open = reference.brackets ? '\\(?' : ''
  const close = reference.brackets ? '\\)?' : ''
  return new RegExp(`${loose(reference.before)}${open}${loose(label)}${pageReference}${close}${loose(reference.after)}`, 'u')
}

/** The text of the typographic conversions, and what must no longer be there. */
const typography = {
  converted: ['“hot day”', '“in a greenhouse with a whiteboard”', 'Teachers’ answers', 'rapporteur’s tests', '2023–2025', 'blunt — one spoke'],
  raw: ['"hot day"', 'Teachers\' answers', '2023--2025', '---']
}

describe.skipIf(!habits)('test/projects/quarto-habits: the Pandoc and Quarto habits rapporteur reads', () => {
  const project = habits!
  const output = async (edition: 'full' | 'synthesis') => {
    const found = (await built(project)).outputs.find((item) => item.edition === edition)
    if (!found) throw new Error(`no ${edition} edition was built`)
    return found
  }
  /** The whole readable text of an edition's PDF, pages joined. */
  const pdfText = async (edition: 'full' | 'synthesis') => (await output(edition)).pages!.map(readable).join(' ')
  /** The page (1-based) a link target is on, from the PDF's named destination. */
  const pageOf = async (edition: 'full' | 'synthesis', id: string): Promise<number> => {
    const {pdf} = await output(edition)
    const destination = await pdf.getDestination(id)
    if (!destination?.[0] || typeof destination[0] !== 'object') throw new Error(`the ${edition} PDF has no destination \`${id}\` (no link points to it)`)
    return (await pdf.getPageIndex(destination[0] as {num: number; gen: number})) + 1
  }
  /** The inline note's number, from the HTML: the note that holds its text. */
  const inlineNote = async () => elements((await output('full')).html, (element) => /^note-\d+$/u.test(String(element.properties.id)) && seen(element).includes('The survey asked about windows'))

  beforeAll(async () => {
    await built(project).catch(() => {})
  }, 180_000)

  test('check reports nothing at all: no unsupported syntax, no figure taken for a figure without source', async () => {
    const result = await check(await writeCopy(project, 'check'))
    expect(result.ok).toBe(true)
    expect(toJsonDiagnostics(result.files).map(finding)).toEqual([])
  })

  test('the build reports no warning either (image resolution, missing glyphs, unresolved references…)', async () => {
    const {files} = await built(project)
    expect(files.filter((item) => item.severity !== 'info').map(finding)).toEqual([])
  })

  // --- HTML -----------------------------------------------------------------------------------

  test.each(figures.map((figure) => [figure.id, figure] as const))('HTML: figure #%s is a `<figure>` with its image, its alternative text and a caption "Figure N: …"', async (_id, figure) => {
    const {html} = await output(figure.edition)
    const element = byId(html, figure.id)
    expect(element?.tagName, `#${figure.id} (${figure.edition})`).toBe('figure')
    const images = byTag(element!, 'img')
    expect(images.length, `#${figure.id}: its image`).toBe(1)
    expect(images[0]!.properties.alt, `#${figure.id}: alt`).toBe(figure.alt)
    const captions = byTag(element!, 'figcaption')
    expect(captions.length, `#${figure.id}: figcaption`).toBe(1)
    expect(seen(captions[0]!)).toBe(`Figure ${figure.number}: ${figure.caption}`)
  })

  test.each(figures.map((figure) => [figure.image, figure.edition, figure] as const))('HTML: the image %s (%s) is a file of the output folder, the same as the project\'s', async (_image, _edition, figure) => {
    const {html, htmlFile} = await output(figure.edition)
    // The image of the figure, or else any image of that file name.
    const image = byTag(byId(html, figure.id) ?? html, 'img').find((img) => String(img.properties.src).endsWith(path.basename(figure.image)))
    const source = image?.properties.src
    expect(typeof source, `#${figure.id}: an img of ${path.basename(figure.image)} in the ${figure.edition} HTML`).toBe('string')
    expect(String(source)).not.toMatch(/^(?:[a-z]+:|\/)/iu)
    const file = path.resolve(path.dirname(htmlFile), decodeURI(String(source)).split(/[?#]/u)[0]!)
    // In the output folder, which is what gets published: not back in the project (dist/ is inside it).
    expect(path.relative(path.dirname(htmlFile), file), `#${figure.id}: ${String(source)} leads out of the output folder`).not.toMatch(/^\.\.(?:[\\/]|$)/u)
    const written = await readFile(file).catch(() => undefined)
    expect(written, `#${figure.id}: ${String(source)} is not in the output (${file})`).toBeDefined()
    expect(written!.equals(await readFile(figureOf(figure.image))), `#${figure.id}: ${file} is not ${figure.image}`).toBe(true)
  })

  test.each(tables.map((table) => [table.id, table] as const))('HTML: table #%s has its id and a `<caption>` "Table N: …"', async (_id, table) => {
    const {html} = await output('full')
    const element = target(html, table.id, (tag) => tag === 'table')
    expect(element, `#${table.id}: a table with this id (or wrapped by it)`).toBeDefined()
    const captions = byTag(element!, 'caption')
    expect(captions.length, `#${table.id}: caption`).toBe(1)
    expect(seen(captions[0]!)).toBe(`Table ${table.number}: ${table.caption}`)
  })

  test.each(references.map((reference) => [reference.id, `${reference.before}…${reference.after}`, reference] as const))('HTML: the cross-reference to #%s in “%s” reads its label and links to it', async (_id, _where, reference) => {
    const {html} = await output(reference.edition)
    expect(byId(html, reference.id), `#${reference.id}: the target exists (${reference.edition})`).toBeDefined()
    const labels = typeof reference.label === 'string' ? [reference.label] : reference.label(html)
    const text = seen(main(await output(reference.edition)))
    const matched = labels.filter((label) => referencePattern(reference, label, 'none').test(text))
    expect(matched, `@${reference.id} reads ${labels.map((label) => `“${reference.before}${label}${reference.after}”`).join(' or ')}`).not.toEqual([])
    const links = elements(html, (element) => element.tagName === 'a' && element.properties.href === `#${reference.id}`).map(seen)
    expect(links.some((link) => link !== '' && matched.some((label) => label.includes(link))), `@${reference.id}: a link to #${reference.id} on “${matched[0]}” (links: ${JSON.stringify(links)})`).toBe(true)
  })

  test.each(callouts.map((callout) => [callout.kind, callout.kind, callout.title, callout] as const))('HTML: the %s callout is rapporteur\'s box `.rp-callout--%s`, titled “%s”', async (_kind, _class, _title, callout) => {
    const {html} = await output('full')
    const boxes = elements(html, (element) => classesOf(element).includes('rp-callout') && classesOf(element).includes(`rp-callout--${callout.kind}`))
    expect(boxes.length, `.rp-callout--${callout.kind}`).toBe(1)
    expect(seen(boxes[0]!)).toMatch(new RegExp(`^${loose(callout.title)}\\W*${loose(callout.body)}`, 'u'))
    if (callout.kind === 'important') {
      // The heading that titles a callout stays in it: it opens no section of the chapter.
      const outside = elements(html, (element, ancestors) => headingTags.has(element.tagName) && seen(element) === callout.title && !ancestors.some((ancestor) => classesOf(ancestor).includes('rp-callout')))
      expect(outside.map((element) => element.tagName)).toEqual([])
    }
  })

  test('HTML: a fenced div keeps its id and classes', async () => {
    const {html} = await output('full')
    const div = byId(html, 'box-method')
    expect(div?.tagName).toBe('div')
    expect(classesOf(div!)).toContain('method-note')
    expect(seen(div!)).toMatch(/^How the readings were taken\./u)
  })

  test('HTML: a bracketed span keeps its class; inline code shows without its attributes', async () => {
    const {html} = await output('full')
    const spans = elements(html, (element) => element.tagName === 'span' && classesOf(element).includes('smallcaps'))
    expect(spans.map(seen)).toEqual(['Northbrook Schools Heat Observatory'])
    expect(byTag(html, 'code').map(seen)).toContain('mean(temperature)')
    expect(seen(main(await output('full')))).toContain('The mean(temperature) of a classroom hides its hottest hour')
  })

  test.each(headings.map((heading) => [heading.title, heading] as const))('HTML: the heading “%s” has an id (its own or a slug), and no number if unnumbered', async (_title, heading) => {
    const {html} = await output('full')
    const found = elements(html, (element, ancestors) => headingTags.has(element.tagName) && seen(element).replace(/^\d+(?:\.\d+)*\.?\s+/u, '') === heading.title && !ancestors.some((ancestor) => ancestor.tagName === 'nav'))
    expect(found.length, `heading “${heading.title}”`).toBe(1)
    const element = found[0]!
    // The id is on the heading, or on the section it opens.
    const ids = [element.properties.id, ...elements(html, (section) => section.tagName === 'section' && section.children.find((child) => child.type === 'element') === element).map((section) => section.properties.id)].filter(Boolean)
    expect(ids.length, `heading “${heading.title}” has an id`).toBeGreaterThan(0)
    if (heading.id) expect(ids, `heading “${heading.title}”`).toContain(heading.id)
    if (heading.unnumbered) expect(seen(element), `heading “${heading.title}” is unnumbered`).toBe(heading.title)
  })

  test('HTML: the inline note is numbered with the other notes and keeps its citation', async () => {
    const {html} = await output('full')
    const calls = elements(html, (element) => element.tagName === 'a' && classesOf(element).includes('rp-note-call'))
    const numbers = calls.map((call) => Number(seen(call)))
    expect(numbers).toEqual(numbers.map((_, index) => index + 1))
    const notes = await inlineNote()
    expect(notes.length, 'the inline note among the notes').toBe(1)
    const number = Number(String(notes[0]!.properties.id).slice('note-'.length))
    expect(number, 'notes come before it: numbered with them, not apart').toBeGreaterThan(1)
    const paragraph = elements(html, (element) => element.tagName === 'p' && seen(element).includes('warmer than the air inside'))[0]
    expect(paragraph, 'the paragraph of the inline note').toBeDefined()
    expect(elements(paragraph!, (element) => element.tagName === 'a' && element.properties.href === `#note-${number}`).length, `its call, #note-${number}`).toBe(1)
    // The citation inside it is formatted, in the note.
    expect(seen(notes[0]!)).toContain('Ventilating classrooms in hot weather')
    expect(seen(notes[0]!)).not.toContain('[@')
  })

  test('HTML: sub- and superscripts', async () => {
    const {html} = await output('full')
    const after = (tag: string, content: string, before: string) =>
      elements(html, (element, ancestors) => {
        if (element.tagName !== tag || seen(element) !== content || ancestors.some((ancestor) => ancestor.tagName === 'a')) return false
        const siblings = ancestors.at(-1)!.children
        const previous = siblings[siblings.indexOf(element) - 1]
        return previous?.type === 'text' && previous.value.endsWith(before)
      }).length
    expect.soft(after('sub', '2', 'CO'), 'CO<sub>2</sub>').toBe(1)
    expect.soft(after('sup', '2', 'm'), 'm<sup>2</sup>').toBe(1)
  })

  test('HTML: a definition list', async () => {
    const {html} = await output('full')
    const lists = byTag(html, 'dl').filter((list) => byTag(list, 'dt').some((term) => seen(term) === 'Comfort threshold'))
    expect(lists.length, 'the definition list').toBe(1)
    expect(byTag(lists[0]!, 'dt').map(seen)).toEqual(['Comfort threshold', 'Overheating hour'])
    expect(seen(byTag(lists[0]!, 'dd')[0]!)).toMatch(/^The indoor temperature above which most pupils/u)
  })

  test('HTML: maths as KaTeX with MathML, inline and display, the TeX only in `<annotation>`', async () => {
    const {html} = await output('full')
    const maths = byTag(html, 'math')
    expect(maths.length, 'inline maths ($\\Delta T…$, $d$, $h$, $T_{c}$) and display maths ($$…$$)').toBeGreaterThanOrEqual(5)
    expect(maths.filter((math) => math.properties.display === 'block').length, 'display maths').toBe(1)
    const tex = byTag(html, 'annotation').map((annotation) => toText(annotation))
    expect.soft(tex.some((source) => source.includes('\\Delta T'))).toBe(true)
    expect.soft(tex.some((source) => source.includes('\\sum_{d=1}^{D}'))).toBe(true)
    const text = seen(main(await output('full')))
    expect.soft(text).toContain('Δ')
    expect.soft(text).not.toMatch(/\\(?:Delta|sum|text|mathbf)\b/u)
  })

  test('HTML: typographic quotes, apostrophes and dashes', async () => {
    const text = seen(main(await output('full')))
    for (const converted of typography.converted) expect.soft(text).toContain(converted)
    for (const raw of typography.raw) expect.soft(text).not.toContain(raw)
  })

  // --- PDF ------------------------------------------------------------------------------------

  test.skipIf(!hasPdftotext).each([...figures.map((figure) => [figure.id, figure.edition, `Figure ${figure.number}: ${figure.caption}`] as const), ...tables.map((table) => [table.id, 'full', `Table ${table.number}: ${table.caption}`] as const)])(
    'PDF: the caption of #%s (%s) is on the page of its target',
    async (id, edition, caption) => {
      const page = await pageOf(edition, id)
      const text = readable((await output(edition)).pages![page - 1]!)
      expect(text, `#${id} on page ${page} of the ${edition} PDF`).toMatch(new RegExp(loose(caption), 'u'))
    }
  )

  test.skipIf(!hasPdftotext).each(references.map((reference) => [reference.id, `${reference.before}…${reference.after}`, reference] as const))('PDF: the cross-reference to #%s in “%s” reads its label and ", p. N", N the page of its target', async (_id, _where, reference) => {
    const {html} = await output(reference.edition)
    const labels = typeof reference.label === 'string' ? [reference.label] : reference.label(html)
    const page = await pageOf(reference.edition, reference.id)
    const text = await pdfText(reference.edition)
    expect(
      labels.some((label) => referencePattern(reference, label, page).test(text)),
      `@${reference.id} reads ${labels.map((label) => `“${reference.before}${label}${reference.numberOnly ? '' : `, p. ${page}`}${reference.after}”`).join(' or ')} in the ${reference.edition} PDF`
    ).toBe(true)
  })

  test.skipIf(!hasPdftotext)('PDF: callout titles, given or by default', async () => {
    const text = await pdfText('full')
    // The title (any case: a theme may set it in capitals), then the text: `{.callout-note}` printed raw would not do.
    for (const callout of callouts) expect.soft(text, `callout ${callout.kind}`).toMatch(new RegExp(`(?<![\\p{L}-])${loose(callout.title)}[\\s:]*${loose(callout.body)}`, 'iu'))
  })

  test.skipIf(!hasPdftotext)('PDF: the inline note at the foot of its page, with its number and its citation', async () => {
    const {pages} = await output('full')
    const number = String((await inlineNote())[0]?.properties.id ?? 'note-?').slice('note-'.length)
    const notePages = pages!.map(readable).filter((page) => new RegExp(`(?:^|\\D)${number}\\.\\s*The survey asked about windows`, 'u').test(page))
    expect(notePages.length, `note ${number} in the PDF`).toBe(1)
    expect(notePages[0], `note ${number}: its citation`).toContain('Ventilating classrooms in hot weather')
  })

  test.skipIf(!hasPdftotext)('PDF: definition list, sub- and superscripts, maths without TeX', async () => {
    const text = await pdfText('full')
    expect.soft(text).toMatch(/Comfort threshold\s*The indoor temperature above which/u)
    expect.soft(text).toMatch(/Overheating hour\s*An hour of the school day/u)
    // A sub- or superscript may stand apart on its line in the text layer.
    expect.soft(text).toMatch(/CO\s*2\s*stayed above/u)
    expect.soft(text).toMatch(/60\s*m\s*2\s*holds/u)
    expect.soft(text).toContain('Δ')
    expect.soft(text).not.toMatch(/\\(?:Delta|sum|text|mathbf|left|right)\b|T_\{|~2~|\^2\^/u)
  })

  test.skipIf(!hasPdftotext)('PDF: a web link prints its address after its text, once; the web page does not', async () => {
    const text = await pdfText('full')
    expect(text).toMatch(/guide to ventilating classrooms\s*\(https:\/\/example\.org\/ventilation-guide\)/u)
    expect(text.match(/https:\/\/example\.org\/heat-alerts/gu)).toHaveLength(1)
    const html = (await output('full')).html
    expect(seen(html)).toContain('guide to ventilating classrooms')
    expect(seen(html)).not.toContain('(https://example.org/ventilation-guide)')
  })

  test.skipIf(!hasPdftotext)("Quarto's conditional content: the web page has what is for html, the PDF what is for pdf", async () => {
    const text = await pdfText('full')
    const html = seen((await output('full')).html)
    expect(text).toMatch(/printed annex the Trust sends to governors/u)
    expect(text).not.toMatch(/web version of this report/u)
    expect(html).toContain('web version of this report links each school')
    expect(html).not.toContain('printed annex')
  })

  test.skipIf(!hasPdftotext)('PDF: typographic quotes, apostrophes and dashes', async () => {
    const text = await pdfText('full')
    for (const converted of typography.converted) expect.soft(text).toMatch(new RegExp(loose(converted), 'u'))
    for (const raw of typography.raw) expect.soft(text).not.toContain(raw)
  })

  test.each(['full', 'synthesis'] as const)('PDF (%s): the images are loaded at 300 dpi or more, the one of the subfolder chapter included', async (edition) => {
    const {built: item, pdfFile} = await output(edition)
    expect(item.preflight, `${edition}: the PDF was laid out in this run`).toBeDefined()
    expect.soft(item.preflight!.brokenImages, `${edition}: images that did not load`).toEqual([])
    const sizes = await imageSizes(pdfFile)
    for (const figure of figures.filter((candidate) => candidate.edition === edition)) {
      const name = path.basename(figure.image)
      const placed = item.preflight!.images.filter((image) => image.src.endsWith(name))
      expect.soft(placed.length, `${edition}: ${name} placed`).toBeGreaterThanOrEqual(1)
      for (const image of placed) expect.soft(image.dpi, `${edition}: ${name} on page ${image.page}`).toBeGreaterThanOrEqual(300)
      // The image itself is in the PDF, at its own size in pixels.
      expect.soft(sizes, `${edition}: an image XObject of ${figure.size} (${name})`).toContain(figure.size)
    }
  })

  test.each(['full', 'synthesis'] as const)('PDF (%s): each figure is tagged `Figure` with its alternative text', async (edition) => {
    const {pdf} = await output(edition)
    const alts: string[] = []
    const walk = (node: unknown) => {
      const item = node as {role?: string; alt?: string; children?: unknown[]}
      if (item.role === 'Figure' && item.alt) alts.push(item.alt)
      for (const child of item.children ?? []) walk(child)
    }
    for (let number = 1; number <= pdf.numPages; number++) walk(await (await pdf.getPage(number)).getStructTree())
    for (const figure of figures.filter((candidate) => candidate.edition === edition)) expect.soft(alts, `#${figure.id}`).toContain(figure.alt)
  })
})

/** The pixel sizes (`2100x900`) of every image XObject of a PDF. */
async function imageSizes(file: string): Promise<string[]> {
  const pdf = await PDFDocument.load(await readFile(file), {updateMetadata: false})
  const sizes: string[] = []
  for (const [, object] of pdf.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFRawStream) || object.dict.get(PDFName.of('Subtype')) !== PDFName.of('Image')) continue
    const width = object.dict.lookup(PDFName.of('Width'), PDFNumber).asNumber()
    const height = object.dict.lookup(PDFName.of('Height'), PDFNumber).asNumber()
    sizes.push(`${width}x${height}`)
  }
  return sizes
}

// ---------------------------------------------------------------------------------------------
// test/projects/quarto-unsupported: what rapporteur does not read is reported, never printed
// ---------------------------------------------------------------------------------------------

const unsupported = projects.find((project) => project.name === 'test/projects/quarto-unsupported')

/** Each construct of chapters/01-pilot.md, at its line and column. */
const constructs = [
  {line: 6, column: 1, what: 'shortcode `{{< pagebreak >}}`'},
  {line: 8, column: 1, what: 'raw block ```{=latex}'},
  {line: 12, column: 1, what: 'LaTeX command `\\newpage`'},
  {line: 14, column: 1, what: 'example list `(@)`'},
  // The rule reports each line of a line block, at the line's start.
  {line: 16, column: 1, what: 'line block `| …`, first line'},
  {line: 17, column: 1, what: 'line block `| …`, second line'}
] as const

/**
 * What each construct left out of the output would print, were it printed raw. Example lists and
 * line blocks are printed as written, with their warning: they say nothing wrong, only plainly.
 */
const unsupportedMarkers = ['{{<', '{=latex}', '\\begin{', '\\textbf', '\\newpage'] as const

describe.skipIf(!unsupported)('test/projects/quarto-unsupported: what rapporteur does not read is reported, not printed', () => {
  const project = unsupported!

  beforeAll(async () => {
    await built(project).catch(() => {})
  }, 180_000)

  test('check reports each construct once, as unsupported-syntax, at its line and column, and nothing else', async () => {
    const result = await check(await writeCopy(project, 'check'))
    expect(result.ok).toBe(true)
    // Compared without the messages, which the failure shows in full.
    const findings = toJsonDiagnostics(result.files).map(finding)
    expect(findings.map((item) => item.replace(/:\s.*$/su, ''))).toEqual(constructs.map((construct) => `chapters/01-pilot.md:${construct.line}:${construct.column} warning unsupported-syntax`))
  })

  test('the build succeeds and prints none of them raw, in the HTML', async () => {
    const {outputs} = await built(project)
    expect(outputs.flatMap((output) => rawInHtml(output, [...new Set([...rawMarkers, ...unsupportedMarkers])]))).toEqual([])
  })

  test.skipIf(!hasPdftotext)('the build succeeds and prints none of them raw, in the PDF (pdftotext)', async () => {
    const {outputs} = await built(project)
    expect(outputs.flatMap((output) => rawInPdf(output, [...new Set([...rawMarkers, ...unsupportedMarkers])]))).toEqual([])
  })
})
