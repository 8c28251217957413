import type {Element, Root} from 'hast'
import {hasClass} from './hast.js'

/** The note calls of the renderer: a web link to an endnote, or a print footnote (its call's place). */
const NOTE_CALLS = new Set(['rp-note-call', 'rp-footnote'])

const isNoteCall = (node: Root['children'][number] | undefined): boolean => node?.type === 'element' && hasClass(node, NOTE_CALLS)

/**
 * A note call sticks to the word before it, in every language: `enfants [@source].` is written
 * with a space in Markdown but prints `enfants¹.`. The whitespace just before a call is removed,
 * unless it separates two calls (`¹ ²` must not read as `¹²`).
 */
export function attachNoteCalls(tree: Root | Element): void {
  const children = tree.children
  for (let index = 0; index < children.length; index++) {
    const child = children[index]!
    if (child.type !== 'element') continue
    const previous = children[index - 1]
    const betweenCalls = previous?.type === 'text' && previous.value.trim() === '' && isNoteCall(children[index - 2])
    if (isNoteCall(child) && previous?.type === 'text' && !betweenCalls) previous.value = previous.value.replace(/\s+$/, '')
    attachNoteCalls(child)
  }
}
