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
 * bibliography (`source-<id>`). Each with its file, so an edition knows which it holds. Pure.
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
  return targets
}

/**
 * Fragments every page answers: `#` and `#top` (the top of the page, as HTML defines them) and
 * the notes the renderer numbers (`#note-3`, `#note-call-3`). A link to one is not checked.
 */
export function isPageFragment(id: string): boolean {
  return id === '' || id.toLowerCase() === 'top' || /^note(?:-call)?-\d+$/u.test(id)
}
