import type {ReportModel} from './types.js'

/** An id the report's HTML gives, and the file it is printed from (undefined: every edition has it). */
export interface LinkTarget {
  id: string
  file: string | undefined
}

/**
 * Every id a link into the report (`[texte](#id)`, `:ref[#id]`) may name: chapters, sections,
 * figures, tables, recommendations and stats; the spans, divs, images, links and code given an
 * `{#id}`, and the elements of raw HTML given one where it is printed (`check.html: true`); a
 * glossary entry where `::glossary` prints it (`term-<id>`) and a source's entry in the
 * bibliography (`source-<id>`), and the bibliography the full edition ends with (`bibliography`,
 * `bibliographie`). Each with its file, so an edition knows which it holds. Pure.
 */
export function linkTargets(model: ReportModel): LinkTarget[] {
  const targets: LinkTarget[] = [
    ...model.documents.map((document) => ({id: document.id, file: document.path})),
    ...[...model.recommendations, ...model.stats, ...model.explicitIds].map((item) => ({id: item.id, file: item.file})),
    ...[...model.anchors].map(([id, anchor]) => ({id, file: anchor.file}))
  ]
  if (model.config.check.html) {
    for (const html of model.html) for (const fact of html.facts) if (fact.kind === 'element-id') targets.push({id: fact.name, file: html.file})
  }
  for (const use of model.directives) if (use.name === 'glossary') for (const entry of model.glossary) targets.push({id: `term-${entry.value.id}`, file: use.file})
  // A source's entry is in the full edition's bibliography (the build appends one) and in any
  // other `::bibliography`: not in a synthesis without one, where a link to it would lead nowhere.
  const full = model.documents.find((document) => document.editions.includes('full'))?.path
  const bibliographies = new Set([full, ...model.directives.filter((use) => use.name === 'bibliography').map((use) => use.file)])
  for (const entry of model.sources) for (const file of bibliographies) if (file) targets.push({id: `source-${entry.value.id}`, file})
  // The bibliography the full edition ends with when no `::bibliography` of it places one, and it
  // cites a source: by its id in either language, as a French report's link is kept in English.
  const fullFiles = new Set(model.documents.filter((document) => document.editions.includes('full')).map((document) => document.path))
  const placed = model.directives.some((use) => use.name === 'bibliography' && fullFiles.has(use.file))
  const known = new Set(model.sources.map((entry) => entry.value.id))
  if (full && !placed && model.citations.some((use) => fullFiles.has(use.file) && known.has(use.key))) for (const id of bibliographyIds) targets.push({id, file: full})
  return targets
}

/** The ids a link may give the bibliography the full edition ends with, in English and in French. */
export const bibliographyIds: readonly string[] = ['bibliography', 'bibliographie']

/** The id of the bibliography the full edition ends with, in the report's language: `bibliographie` in French, else `bibliography`. */
export function bibliographyId(lang: string): string {
  return /^fr(?:-|$)/iu.test(lang) ? 'bibliographie' : 'bibliography'
}

/** The id a link names, with the bibliography's other spelling taken to the one the report prints (`#bibliographie` → `bibliography` in English). */
export function printedId(id: string, lang: string): string {
  return bibliographyIds.includes(id) ? bibliographyId(lang) : id
}

/**
 * Fragments every page answers: `#` and `#top` (the top of the page, as HTML defines them) and
 * the notes the renderer numbers (`#note-3`, `#note-call-3`). A link to one is not checked.
 */
export function isPageFragment(id: string): boolean {
  return id === '' || id.toLowerCase() === 'top' || /^note(?:-call)?-\d+$/u.test(id)
}
