import type {Nodes} from 'mdast'
import {toString} from 'mdast-util-to-string'

/**
 * A node's text as a title or a label reads it (a chapter's title in the table of contents and
 * running heads, a recommendation's title, a stat's text): `mdast-util-to-string` without the
 * text of inline notes, which print apart, as a footnote call's note does.
 */
export function textWithoutNotes(node: Nodes | readonly Nodes[]): string {
  if (isList(node)) return node.map((child) => textWithoutNotes(child)).join('')
  // A note, a citation or a footnote call is no part of a title or a caption read elsewhere (`@tbl-x` in the synthesis, the PDF's bookmarks).
  if (node.type === 'inlineNote' || node.type === 'citation' || node.type === 'footnoteReference') return ''
  if ('children' in node) return textWithoutNotes(node.children as Nodes[])
  return toString(node)
}

function isList(node: Nodes | readonly Nodes[]): node is readonly Nodes[] {
  return Array.isArray(node)
}
