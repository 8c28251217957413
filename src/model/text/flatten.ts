import type {PhrasingContent} from 'mdast'
import type {Citation} from '../../parse/citation/types.js'

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
  kind: 'citation' | 'footnote'
  /** Citation keys, or the footnote identifier. */
  keys: readonly string[]
  node: Citation | {type: 'footnoteReference'; identifier: string}
}

export interface WaiveRange {
  start: number
  end: number
  reason: string
  node: PhrasingContent
}

/**
 * A block's inline content as one string of prose, with the places of citations and footnote
 * calls, and a way back from any index to the file offset it was written at.
 */
export interface FlatText {
  text: string
  marks: InlineMark[]
  waived: WaiveRange[]
  segments: Segment[]
}

/** Flatten phrasing content; `document` is the whole file text (for source slices). */
export function flatten(children: readonly PhrasingContent[], document: string): FlatText {
  const flat: FlatText = {text: '', marks: [], waived: [], segments: []}
  const parts: string[] = []
  let length = 0
  const push = (value: string) => {
    parts.push(value)
    length += value.length
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
          walk(node.children)
          break
        case 'break':
          push('\n')
          break
        case 'citation':
          flat.marks.push({at: length, kind: 'citation', keys: node.items.map((item) => item.key), node})
          push(OPAQUE)
          break
        case 'footnoteReference':
          flat.marks.push({at: length, kind: 'footnote', keys: [node.identifier], node})
          push(OPAQUE)
          break
        case 'textDirective':
          if (node.name === 'term') walk(node.children)
          else if (node.name === 'waive') {
            const start = length
            walk(node.children)
            flat.waived.push({start, end: length, reason: String(node.attributes?.reason ?? '').trim(), node})
          } else push(OPAQUE)
          break
        case 'inlineMath':
          // TeX maths (`$10^6$`, `$\alpha = 0.05$`): its numbers are notation, not figures.
          push(OPAQUE)
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
