import {frenchSpacingText, isFrench, numberAbbreviationsText, smartText} from './typography/index.js'
import {h} from 'hastscript'
import type {Element, ElementContent, Root} from 'hast'
import {fromHtml} from 'hast-util-from-html'
import {toHtml} from 'hast-util-to-html'
import Mustache from 'mustache'
import type {Theme} from '../load/theme.js'
import type {ReportModel} from '../model/types.js'
import type {RenderMode} from './context.js'
import type {RenderedEdition} from './edition.js'
import {labelsFor} from './labels.js'
import {outputImagePath} from './images.js'

export interface DocumentOptions {
  mode: RenderMode
  /** Stylesheet hrefs relative to the HTML file, in cascade order. */
  stylesheets: Array<{href: string; media?: string}>
  /** Applied to the edition's hast before it is written (typography). */
  transform?: (tree: Root) => void
}

/** The values templates can use; documented in docs/designers.md. */
export function templateView(model: ReportModel, edition: RenderedEdition, options: DocumentOptions, toc: string, main: string) {
  const {config} = model
  // The cover and running heads get the same quotes, dashes, no-break spaces and, in French, spaces as the text (typography/).
  const french = isFrench(config.lang)
  const smart = (text: string) => {
    const typeset = numberAbbreviationsText(smartText(text, config.lang), config.lang)
    return french ? frenchSpacingText(typeset, config.lang) : typeset
  }
  // Images as copied to the outputs (render/images.ts); the print HTML is one folder down, in `.print/`.
  const up = options.mode === 'print' ? '../' : ''
  return {
    lang: config.lang,
    title: smart(config.title),
    subtitle: smart(config.subtitle ?? ''),
    organisation: smart(config.organisation),
    // A list for `{{#authors}}…{{/authors}}`; `{{authors}}` alone prints it as "A, B" (Mustache joins an array with bare commas).
    authors: listText((config.authors ?? []).map(smart)),
    logo: config.logo ? `${up}${outputImagePath(model, model.configFile, config.logo)}` : '',
    cover: config.cover ? {image: `${up}${outputImagePath(model, model.configFile, config.cover.image)}`, alt: smart(config.cover.alt), credit: smart(config.cover.credit ?? '')} : '',
    contact: config.contact && {...config.contact, name: config.contact.name && smart(config.contact.name), address: config.contact.address && smart(config.contact.address)},
    date: config.date,
    dateText: formatDate(config.date, config.lang),
    edition: edition.edition,
    editionTitle: smart(edition.title),
    documentTitle: smart(`${config.title} — ${edition.title}`),
    bodyClass: ['rp-edition', `rp-edition--${edition.edition}`, `rp-mode--${options.mode}`, config.print.chapterStart === 'right' ? 'rp-chapter-start-right' : ''].filter(Boolean).join(' '),
    // Paged.js matches page-break rules inside the body only, so the chapter-start class is on main.
    mainClass: ['rp-main', config.print.chapterStart === 'right' ? 'rp-chapter-start-right' : ''].filter(Boolean).join(' '),
    stylesheets: options.stylesheets,
    labels: labelsFor(config.lang),
    toc,
    main
  }
}

/** A list whose text, where a template prints it whole, is its items separated by a comma and a space. */
function listText(items: string[]): string[] {
  return Object.defineProperty(items, 'toString', {value: () => items.join(', '), enumerable: false})
}

/** The edition as a complete HTML document, from the theme's Mustache templates. */
export function renderDocument(model: ReportModel, edition: RenderedEdition, theme: Theme, options: DocumentOptions): string {
  return renderDocumentWithTree(model, edition, theme, options).html
}

/** A document as written, and its tree for a reader that would otherwise parse that HTML again. */
export interface DocumentWithTree {
  html: string
  /**
   * The document as hast, the edition's own trees put where the template has `{{{main}}}`: what
   * parsing `html` gives, but only the template's part is parsed. Undefined when the template does
   * not place `main` once, in an element that can hold the chapters. The edition's trees are
   * handed over, not copied (a reader may number them): a second call returns undefined.
   */
  tree(): Root | undefined
}

/**
 * Stands in the template for the edition's content: the template is rendered once, with this,
 * and the content put in its place in the HTML (a custom element, which the parser leaves where it is).
 */
const MAIN_PLACEHOLDER = '<rapporteur-main-content></rapporteur-main-content>'

/** Where the parser keeps sections as children (a `p` would be closed before the first one). */
const CONTENT_PARENTS = new Set(['main', 'body', 'div', 'section', 'article'])

/**
 * renderDocument, with the document's tree: the print cuts a long document into parts from it
 * (print/split-parts.ts), where parsing the 1.2 MB print HTML of a 300-page report again took
 * ~0.6 s before the browser got its first part.
 */
export function renderDocumentWithTree(model: ReportModel, edition: RenderedEdition, theme: Theme, options: DocumentOptions): DocumentWithTree {
  const body: Root = {type: 'root', children: [edition.toc ?? h('template'), ...edition.main]}
  options.transform?.(body)
  const [toc, ...main] = body.children as Element[]
  const mainHtml = main.map((node) => toHtml(node)).join('\n')
  const render = (content: string) =>
    Mustache.render(theme.templates['document.html'], templateView(model, edition, options, edition.toc ? toHtml(toc!) : '', content), {cover: theme.templates['cover.html'], backCover: theme.templates['back-cover.html']})
  const skeleton = render(MAIN_PLACEHOLDER)
  const at = skeleton.indexOf(MAIN_PLACEHOLDER)
  // Placed twice, or not as it is (left out, or escaped by `{{main}}`): rendered with main itself.
  if (at === -1 || skeleton.indexOf(MAIN_PLACEHOLDER, at + 1) !== -1) return {html: render(mainHtml), tree: () => undefined}
  let blocks: Element[] | undefined = main
  return {
    html: skeleton.slice(0, at) + mainHtml + skeleton.slice(at + MAIN_PLACEHOLDER.length),
    tree: () => {
      const taken = blocks
      blocks = undefined
      return taken && treeWith(skeleton, taken)
    }
  }
}

/** The skeleton parsed, its placeholder replaced by the blocks, a line break between two as in the HTML. */
function treeWith(skeleton: string, blocks: Element[]): Root | undefined {
  const tree = fromHtml(skeleton)
  let done = false
  const visit = (parent: Root | Element): void => {
    const index = parent.children.findIndex((child) => child.type === 'element' && child.tagName === 'rapporteur-main-content')
    if (index !== -1) {
      if (parent.type === 'root' || !CONTENT_PARENTS.has(parent.tagName)) return
      const content = blocks.flatMap((block, at): ElementContent[] => (at === 0 ? [block] : [{type: 'text', value: '\n'}, block]))
      parent.children.splice(index, 1, ...content)
      done = true
      return
    }
    for (const child of parent.children) if (child.type === 'element' && !done) visit(child)
  }
  visit(tree)
  return done ? tree : undefined
}

/** `2026-02` → `février 2026`, `2026-02-10` → `10 février 2026`, in the report's language. */
export function formatDate(date: string, lang: string): string {
  const [year, month, day] = date.split('-').map(Number)
  if (!month) return String(year)
  const value = new Date(Date.UTC(year!, month - 1, day ?? 1))
  return new Intl.DateTimeFormat(lang, {year: 'numeric', month: 'long', ...(day ? {day: 'numeric'} : {}), timeZone: 'UTC'}).format(value)
}
