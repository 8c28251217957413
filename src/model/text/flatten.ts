import type {PhrasingContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {Citation} from '../../parse/citation/types.js'
import type {InlineNote} from '../../parse/inline-note/types.js'

/** A stand-in character for inline content whose text is not prose (code, maths, links, citations…). */
export const OPAQUE = '\uFFFC'

/** One run of prose text that came from one text node. */
interface Segment {
  /** Where the run starts in the flattened text. */
  at: number
  value: string
  /** The source slice the run was parsed from, and where it starts in the file. */
  source: string
  sourceStart: number
}

export interface InlineMark {
  at: number
  /** A citation, a footnote call `[^1]`, or an inline note `^[…]` (its call and its text at once). */
  kind: 'citation' | 'footnote' | 'note'
  /** Citation keys (of the citation, or those in the inline note), or the footnote identifier. */
  keys: readonly string[]
  node: Citation | {type: 'footnoteReference'; identifier: string} | InlineNote
}

export interface WaiveRange {
  start: number
  end: number
  reason: string
  node: PhrasingContent
}

/**
 * A block's inline content as one string of prose, with the places of citations and note calls,
 * and a way back from any index to the file offset it was written at.
 */
export interface FlatText {
  text: string
  marks: InlineMark[]
  waived: WaiveRange[]
  segments: Segment[]
  /** Where a superscript holding digits stands (`10^6^`): an exponent, see `flatten`. */
  exponents: number[]
  /**
   * What a reader sees of each stand-in that is not a note or a bracketed citation (`CO~2~`, a
   * link's text, code, maths, an in-text citation as written), by its place: the sentence a figure is shown in (the audit, `export figures`)
   * holds it, where detection reads only the stand-in.
   */
  shown: Array<{at: number; text: string}>
}

/**
 * Flatten phrasing content; `document` is the whole file text (for source slices).
 *
 * An inline note `^[…]` is a note call here, like `[^1]`: one stand-in, its citations covering
 * the sentence it stands in; its own text is prose of its own, read apart (`collect.ts`), as a
 * footnote's is. Sub- and superscripts are stand-ins too, never numbers of their own: `H~2~O` and
 * `CO~2~` hold no figure, and in `10^6^` the exponent is not a second number. The base `10` is
 * read as written (a figure when the words around make it one, so the sentence still needs its
 * source), but its value is not 10⁶: `exponents` keeps it from being looked up by value in the
 * source's archived copy. A superscript of letters only (`1^er^`, `XIX^e^`, `M^me^`) reads as
 * its letters glued to the word, as French writes them without the markup, so that `1^er^` is
 * the ordinal `1er`.
 */
export function flatten(children: readonly PhrasingContent[], document: string): FlatText {
  const flat: FlatText = {text: '', marks: [], waived: [], segments: [], exponents: [], shown: []}
  const parts: string[] = []
  let length = 0
  const push = (value: string) => {
    parts.push(value)
    length += value.length
  }
  /** A stand-in, shown as `text` in the sentence a figure is quoted in. */
  const standIn = (text: string) => {
    if (text !== '') flat.shown.push({at: length, text})
    push(OPAQUE)
  }
  /** A node as the Markdown writes it (`:ref[#rec-x]`, `@tbl-x`). */
  const written = (node: PhrasingContent): string | undefined => {
    const [start, end] = [node.position?.start.offset, node.position?.end.offset]
    return start === undefined || end === undefined ? undefined : document.slice(start, end)
  }
  const walk = (nodes: readonly PhrasingContent[]) => {
    for (const node of nodes) {
      switch (node.type) {
        case 'text': {
          const start = node.position?.start.offset
          const end = node.position?.end.offset
          if (start !== undefined && end !== undefined) {
            flat.segments.push({at: length, value: node.value, source: document.slice(start, end), sourceStart: start})
          }
          push(node.value)
          break
        }
        case 'emphasis':
        case 'strong':
        case 'delete':
        // `[communes rurales]{.rural}`, `[reading is a right]{lang=en}`: a span is prose, its figures too.
        case 'span':
          walk(node.children as PhrasingContent[])
          break
        case 'break':
          push('\n')
          break
        case 'citation':
          flat.marks.push({at: length, kind: 'citation', keys: node.items.map((item) => item.key), node})
          // `According to @ons-2024, 12 %…`: an in-text citation is a word of the sentence, shown as
          // written in the sentence a figure is quoted in; a bracketed one is left out, as a note is.
          if (node.items.some((item) => item.mode === 'in-text')) standIn(written(node) ?? `@${node.items[0]?.key ?? ''}`)
          else push(OPAQUE)
          break
        case 'footnoteReference':
          flat.marks.push({at: length, kind: 'footnote', keys: [node.identifier], node})
          push(OPAQUE)
          break
        case 'inlineNote':
          flat.marks.push({at: length, kind: 'note', keys: citationKeysIn(node.children), node})
          push(OPAQUE)
          break
        case 'superscript':
          if (node.children.every((child) => child.type === 'text') && /^\p{L}+$/u.test(toString(node))) walk(node.children)
          else {
            if (/\d/u.test(toString(node))) flat.exponents.push(length)
            standIn(toString(node).replace(/\d/gu, (digit) => SUPERSCRIPT_DIGITS[Number(digit)]!))
          }
          break
        case 'textDirective':
          if (node.name === 'term') walk(node.children)
          else if (node.name === 'waive') {
            const start = length
            walk(node.children)
            flat.waived.push({start, end: length, reason: String(node.attributes?.reason ?? '').trim(), node})
          } else standIn(written(node) ?? toString(node))
          break
        case 'crossReference':
          // `voir le @tbl-x`: shown as written in the figure's quoted sentence, never a figure.
          standIn(written(node) ?? `@${node.identifier}`)
          break
        case 'inlineMath':
          // TeX maths (`$10^6$`, `$\alpha = 0.05$`): its numbers are notation, not figures.
          standIn(node.value)
          break
        case 'subscript':
          standIn(toString(node).replace(/\d/gu, (digit) => SUBSCRIPT_DIGITS[Number(digit)]!))
          break
        case 'inlineCode':
          standIn(node.value)
          break
        case 'link':
        case 'linkReference':
          standIn(toString(node))
          break
        default:
          // Links, code, images, raw HTML, :ref and unknown directives: not prose a figure can live in.
          push(OPAQUE)
      }
    }
  }
  walk(children)
  flat.text = parts.join('')
  return flat
}

const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹'
const SUBSCRIPT_DIGITS = '₀₁₂₃₄₅₆₇₈₉'

/** The keys of the citations in phrasing content, nested ones included. */
function citationKeysIn(nodes: readonly PhrasingContent[]): string[] {
  return nodes.flatMap((node) => {
    if (node.type === 'citation') return node.items.map((item) => item.key)
    return 'children' in node ? citationKeysIn(node.children as PhrasingContent[]) : []
  })
}

/**
 * The file offset of flattened index `index`. Text values drop escapes, entity syntax and
 * container prefixes (`> `, list indentation), so the value is aligned to its source slice.
 */
export function sourceOffset(flat: FlatText, index: number): number | undefined {
  const segment = findSegment(flat.segments, index)
  if (!segment) return undefined
  const wanted = Math.min(index - segment.at, segment.value.length)
  if (segment.value.length === segment.source.length) return segment.sourceStart + wanted
  let cursor = 0
  for (let i = 0; i < wanted; i++) {
    const found = segment.source.indexOf(segment.value[i] ?? '', cursor)
    if (found === -1) break
    cursor = found + 1
  }
  return segment.sourceStart + Math.min(cursor, segment.source.length)
}

function findSegment(segments: readonly Segment[], index: number): Segment | undefined {
  let low = 0
  let high = segments.length - 1
  let best: Segment | undefined
  while (low <= high) {
    const middle = (low + high) >> 1
    const segment = segments[middle]!
    if (segment.at <= index) {
      best = segment
      low = middle + 1
    } else high = middle - 1
  }
  return best
}
