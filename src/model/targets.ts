import {slug} from 'github-slugger'
import type {Heading, Nodes, Paragraph, Table} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {textWithoutNotes} from './text/plain.js'
import {attributesToProperties} from '../parse/attributes/attribute-list.js'
import type {Position} from 'unist'
import type {MarkdownDocument, ReportModel, TargetKind} from './types.js'

const nowhere: Position = {start: {line: 1, column: 1}, end: {line: 1, column: 1}}

/**
 * Give every heading of a document an id (its `{#id}`, else a slug of its text, made unique
 * across the report) and record what a reference may point at: chapters, sections, and the
 * figures and tables that have an id. Ids written by hand are kept for `duplicate-id` and for
 * links (`[texte](#id)`), with those of the other elements the HTML gives an id: a span, a div,
 * an image, a link or code with `{#id}`. Slugs are unique by construction, and none is an id
 * `reserved` says rapporteur gives an element of its own (model/reserved-ids.ts).
 *
 * The id is written on the heading's `data.hProperties`, where mdast-util-to-hast reads it.
 */
export function collectTargets(document: MarkdownDocument, model: ReportModel, used: Set<string>, reserved: (id: string) => boolean = () => false): void {
  const add = (id: string, kind: TargetKind, node: Nodes, label: string, explicit: boolean, unnumbered = false, slug?: string) => {
    const located = {file: document.path, position: node.position ?? nowhere}
    if (explicit) model.explicitIds.push({...located, id})
    if (!model.anchors.has(id)) model.anchors.set(id, {...located, label, kind, unnumbered, document: document.id, ...(slug === undefined ? {} : {slug})})
    used.add(id)
  }

  // The first `#` heading is the chapter's title, whose id is the chapter's; a second one
  // (`heading-level` reports it) is a section for links and references, with its own id.
  let title: Heading | undefined
  walk(document.tree)

  function walk(node: Nodes): void {
    if (node.type === 'heading' && node.depth === 1 && !title) title = node
    else if (node.type === 'heading') heading(node)
    else if (node.type === 'paragraph' && node.data?.figure) return figure(node)
    else if (node.type === 'table' && node.data?.attributes?.id) table(node, node.data.attributes.id)
    else if ((node.type === 'span' || node.type === 'fencedDiv') && node.attributes.id) element(node.attributes.id, node)
    // `::: {#refs}` read as `::bibliography` (parse/refs-div.ts): its id is the bibliography's.
    else if (node.type === 'leafDirective' && typeof node.data?.hProperties?.id === 'string') element(node.data.hProperties.id, node)
    else if ((node.type === 'image' || node.type === 'link' || node.type === 'inlineCode' || node.type === 'code') && node.data?.attributes?.id) element(node.data.attributes.id, node)
    if ('children' in node) for (const child of node.children) walk(child as Nodes)
  }

  /** An element that is no target of `:ref` but has an id in the HTML, for links and `duplicate-id`. */
  function element(id: string, node: Nodes): void {
    model.explicitIds.push({file: document.path, position: node.position ?? nowhere, id})
    used.add(id)
  }

  function heading(node: Heading): void {
    const attributes = node.data?.attributes
    // The id from the heading as written (stable from build to build); its label, read in a
    // reference elsewhere, without a citation's key or a note.
    // An automatic id keeps clear of the ids rapporteur gives its own elements (model/reserved-ids.ts):
    // `## Note 1` is `note-1-1`, not the id of note 1.
    const base = slug(toString(node).trim()) || 'section'
    const id = attributes?.id ?? unique(base, (candidate) => used.has(candidate) || reserved(candidate))
    const label = textWithoutNotes(node).replace(/\s+/gu, ' ').trim()
    const classes = attributes?.classes ?? []
    const data = (node.data ??= {})
    // Its other attributes too (`lang=en`, `data-*`), as for a div or a span.
    data.hProperties = {...data.hProperties, ...(attributes ? attributesToProperties(attributes) : {}), id}
    // The slug an automatic id was made from: the rule `fragile-link` warns a link to `what-has-worked-1`.
    add(id, 'section', node, label, Boolean(attributes?.id), classes.includes('unnumbered'), attributes?.id === undefined ? base : undefined)
  }

  /** A figure's id is its image's: the image itself has none in the HTML. */
  function figure(node: Paragraph): void {
    const image = node.children.find((child) => child.type === 'image')
    const id = image?.data?.attributes?.id
    if (image && id) add(id, 'figure', node, image.alt ?? '', true)
    for (const child of node.children) if (child !== image) walk(child)
  }

  function table(node: Table, id: string): void {
    add(id, 'table', node, textWithoutNotes(node.data?.caption ?? []).replace(/\s+/gu, ' ').trim(), true)
  }
}

/** `methode`, then `methode-1`, `methode-2`… for the next headings of that name, or of a reserved id. */
function unique(base: string, taken: (id: string) => boolean): string {
  let id = base
  for (let count = 1; taken(id); count++) id = `${base}-${count}`
  return id
}
