import {OPAQUE, type FlatText} from '../text/flatten.js'
import {classify, isQuantity, type NotFigureReason} from './classify.js'
import {mergeExpressions} from './merge.js'
import {scanNumbers} from './scan.js'
import {sentenceRanges} from './sentences.js'
import {findNonFigureSpans, spanAt} from './spans.js'

export type FigureScope = 'sentence' | 'paragraph'

/** A number found in prose, with what it is and, if it is a figure, what covers it. */
export interface NumberFinding {
  start: number
  end: number
  text: string
  /** Why it is not a figure; undefined for figures. */
  notFigure?: NotFigureReason | 'url' | 'time' | 'date' | 'phone' | 'identifier'
  /** Citation keys in the covering sentence (or paragraph), footnotes resolved. */
  keys: string[]
  /** The waiver reason, when the figure stands inside `:waive[…]`. */
  waived?: string
  /** The covering sentence (or paragraph), as flattened text. */
  sentence: string
}

export interface DetectOptions {
  scope: FigureScope
  /** Citation keys held by each footnote definition, by identifier. */
  footnoteKeys: ReadonlyMap<string, readonly string[]>
  /** The block is a table's header or first-column cell: its bare numbers are labels (years, groups). */
  labelCell?: boolean
}

/** Find every number in a block of prose and say whether it is a figure and what covers it. */
export function detectNumbers(flat: FlatText, options: DetectOptions): NumberFinding[] {
  const {text} = flat
  if (!/\d/.test(text)) return []
  const spans = findNonFigureSpans(text)
  const free = scanNumbers(text).filter((expression) => !spanAt(spans, expression.start))
  const findings: NumberFinding[] = []
  for (const span of spans) {
    findings.push({start: span.start, end: span.end, text: text.slice(span.start, span.end), notFigure: span.why as NumberFinding['notFigure'], keys: [], sentence: ''})
  }
  const sentences = options.scope === 'sentence' ? sentenceRanges(text) : [[0, text.length] as [number, number]]
  for (const expression of mergeExpressions(text, free)) {
    const [from, to] = sentences.find(([, end]) => expression.start < end) ?? [0, text.length]
    const reason = options.labelCell && !isQuantity(expression) ? 'table label' : classify(text, expression)
    const finding: NumberFinding = {
      start: expression.start,
      end: expression.end,
      text: text.slice(expression.start, expression.end),
      keys: reason ? [] : keysBetween(flat, from, to, options.footnoteKeys),
      sentence: text.slice(from, to).replaceAll(OPAQUE, '').replace(/\s+/gu, ' ').replace(/ ([.,])/gu, '$1').trim()
    }
    if (reason) finding.notFigure = reason
    const waiver = flat.waived.find((range) => expression.start >= range.start && expression.end <= range.end)
    if (waiver) finding.waived = waiver.reason
    findings.push(finding)
  }
  return findings.sort((a, b) => a.start - b.start)
}

function keysBetween(flat: FlatText, from: number, to: number, footnoteKeys: ReadonlyMap<string, readonly string[]>): string[] {
  const keys: string[] = []
  for (const mark of flat.marks) {
    if (mark.at < from || mark.at >= to) continue
    if (mark.kind === 'citation') keys.push(...mark.keys)
    else keys.push(...(footnoteKeys.get(mark.keys[0] ?? '') ?? []))
  }
  return keys
}
