import type {Nodes} from 'mdast'
import type {ReportModel} from './types.js'

/** The ids rapporteur writes on elements of its own, and what each is (for a finding). */
export interface ReservedIds {
  /** What rapporteur gives this id to, or undefined when it gives it to nothing. */
  owner(id: string): string | undefined
}

/** Ids the page shell and the renderer always write (templates/document.html, render/edition.ts, render/bibliography.ts). */
const FIXED: ReadonlyMap<string, string> = new Map([
  ['main', 'the main content, the skip link’s target'],
  ['notes-title', 'the notes’ heading'],
  ['bibliographie', 'the bibliography'],
  ['bibliography', 'the bibliography'],
  ['bibliography-title', 'the bibliography’s heading'],
  ['toc-title-full', 'the table of contents’ heading'],
  ['toc-title-synthesis', 'the table of contents’ heading']
])

/**
 * Every id rapporteur gives an element itself, with no `{#id}` written: the page's `main`, the
 * notes (`note-3`, `note-call-3`) and their heading, the bibliography and its entries
 * (`source-<id>`), the glossary's entries (`term-<id>`), the table of contents' heading, a
 * chapter's and a recommendation's title (`<id>-title`), the key figures (`key-<stat>`), the
 * axes (`axis-<id>-<edition>`) and the tables' captions on the web (`rp-caption-<chapter>-<n>`). A heading's automatic id keeps clear of them (model/targets.ts),
 * and `duplicate-id` reports an `{#id}` written as one. Read once the documents are parsed: the
 * recommendations and stats are found in their trees. Pure.
 */
export function reservedIds(model: ReportModel): ReservedIds {
  const owners = new Map(FIXED)
  for (const entry of model.glossary) owners.set(`term-${entry.value.id}`, `the glossary entry \`${entry.value.id}\``)
  for (const entry of model.sources) owners.set(`source-${entry.value.id}`, `the bibliography’s entry for \`${entry.value.id}\``)
  for (const document of model.documents) owners.set(`${document.id}-title`, `the title of the chapter \`${document.id}\``)
  for (const axis of model.config.axes) for (const edition of ['full', 'synthesis']) owners.set(`axis-${axis.id}-${edition}`, `the axis \`${axis.id}\`’s heading`)
  for (const document of model.documents) {
    for (const {name, id} of boxes(document.tree)) {
      if (name === 'recommendation') owners.set(`${id}-title`, `the title of the recommendation \`${id}\``)
      else owners.set(`key-${id}`, `the key figure \`${id}\``)
    }
  }
  return {
    owner(id) {
      const note = /^note(-call)?-\d+$/u.exec(id)
      if (note) return note[1] ? 'a note’s call' : 'a note'
      if (/^rp-caption-/u.test(id)) return 'a table’s caption on the web page'
      return owners.get(id)
    }
  }
}

/**
 * The ids of every recommendation and stat of the report, as written (`:::recommendation{#rec-a}`),
 * which a heading's automatic id must not take either. Pure.
 */
export function boxIds(model: ReportModel): Set<string> {
  return new Set(model.documents.flatMap((document) => boxes(document.tree).map((box) => box.id)))
}

function boxes(tree: Nodes): Array<{name: string; id: string}> {
  const found: Array<{name: string; id: string}> = []
  const visit = (node: Nodes) => {
    if (node.type === 'containerDirective' && (node.name === 'recommendation' || node.name === 'stat') && node.attributes?.id) found.push({name: node.name, id: node.attributes.id})
    if ('children' in node) for (const child of node.children) visit(child as Nodes)
  }
  visit(tree)
  return found
}
