import {smartText} from './typography/index.js'
import {h} from 'hastscript'
import type {Element, Root} from 'hast'
import {toHtml} from 'hast-util-to-html'
import Mustache from 'mustache'
import type {Theme} from '../load/theme.js'
import type {ReportModel} from '../model/types.js'
import type {RenderMode} from './context.js'
import type {RenderedEdition} from './edition.js'
import {labelsFor} from './labels.js'

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
  // The cover and running heads get the same quotes and dashes as the text (typography/).
  const smart = (text: string) => smartText(text, config.lang)
  return {
    lang: config.lang,
    title: smart(config.title),
    subtitle: smart(config.subtitle ?? ''),
    organisation: smart(config.organisation),
    authors: (config.authors ?? []).map(smart),
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

/** The edition as a complete HTML document, from the theme's Mustache templates. */
export function renderDocument(model: ReportModel, edition: RenderedEdition, theme: Theme, options: DocumentOptions): string {
  const body: Root = {type: 'root', children: [edition.toc ?? h('template'), ...edition.main]}
  options.transform?.(body)
  const [toc, ...main] = body.children as Element[]
  const view = templateView(model, edition, options, edition.toc ? toHtml(toc!) : '', main.map((node) => toHtml(node)).join('\n'))
  return Mustache.render(theme.templates['document.html'], view, {cover: theme.templates['cover.html'], backCover: theme.templates['back-cover.html']})
}

/** `2026-02` → `février 2026`, `2026-02-10` → `10 février 2026`, in the report's language. */
export function formatDate(date: string, lang: string): string {
  const [year, month, day] = date.split('-').map(Number)
  if (!month) return String(year)
  const value = new Date(Date.UTC(year!, month - 1, day ?? 1))
  return new Intl.DateTimeFormat(lang, {year: 'numeric', month: 'long', ...(day ? {day: 'numeric'} : {}), timeZone: 'UTC'}).format(value)
}
