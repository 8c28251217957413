import {OPAQUE, type FlatText} from '../text/flatten.js'
import {classify, isQuantity, type NotFigureReason} from './classify.js'
import {mergeExpressions} from './merge.js'
import type {Numerals} from './numerals.js'
import {scanNumbers} from './scan.js'
import {pageLocators} from './page-locators.js'
import {sentenceRanges} from './sentences.js'
import {ignoredSpans} from './ignore.js'
import {findNonFigureSpans, spanAt} from './spans.js'
import {proseValue, wordValue, type FigureValue} from './value.js'
import {findWordFigures} from './words.js'

export type FigureScope = 'sentence' | 'paragraph'

/** A number found in prose, with what it is and, if it is a figure, what covers it. */
export interface NumberFinding {
  start: number
  end: number
  text: string
  /** Why it is not a figure; undefined for figures. */
  notFigure?: NotFigureReason | 'url' | 'time' | 'date' | 'phone' | 'identifier' | 'ignored'
  /** Citation keys in the covering sentence (or paragraph), footnotes and inline notes resolved. */
  keys: string[]
  /** The pages each covering citation points at (`[@key, p. 16]`), by key. */
  pages?: Array<{key: string; pages: string}>
  /** What the figure says by value, for checking it against an archived copy of its source. */
  value?: FigureValue
  /** The waiver reason, when the figure stands inside `:waive[…]`. */
  waived?: string
  /** The covering sentence (or paragraph), as flattened text. */
  sentence: string
  /** The same without the stand-ins' text (Figure.sentenceKey), when it differs. */
  sentenceKey?: string
}

export interface DetectOptions {
  scope: FigureScope
  /** Citation keys held by each footnote definition, by identifier. */
  footnoteKeys: ReadonlyMap<string, readonly string[]>
  /** The block is a table's header or first-column cell: its bare numbers are labels (years, groups). */
  labelCell?: boolean
  /** The project's own non-figures (`check.figures.ignore`), compiled. */
  ignore?: readonly RegExp[]
  /** How the report's language writes numbers (numeralsOf): `17.500` in German is 17 500. */
  numerals?: Numerals
  /** The report's language, for its abbreviations, which end no sentence (`Mrd.`, `z. B.` in German). */
  lang?: string
}

/** Find every number in a block of prose and say whether it is a figure and what covers it. */
export function detectNumbers(flat: FlatText, options: DetectOptions): NumberFinding[] {
  const {text} = flat
  const inWords = options.labelCell ? [] : findWordFigures(text)
  if (inWords.length === 0 && !/\d/.test(text)) return []
  const spans = options.ignore?.length ? [...findNonFigureSpans(text), ...ignoredSpans(text, options.ignore)].sort((a, b) => a.start - b.start) : findNonFigureSpans(text)
  const free = scanNumbers(text, options.numerals).filter((expression) => !spanAt(spans, expression.start))
  const findings: NumberFinding[] = []
  for (const span of spans) {
    findings.push({start: span.start, end: span.end, text: text.slice(span.start, span.end), notFigure: span.why as NumberFinding['notFigure'], keys: [], sentence: ''})
  }
  const sentences = options.scope === 'sentence' ? sentenceRanges(text, options.lang) : [[0, text.length] as [number, number]]
  for (const expression of mergeExpressions(text, free)) {
    const [from, to] = sentences.find(([, end]) => expression.start < end) ?? [0, text.length]
    const reason = options.labelCell && !isQuantity(expression) ? 'table label' : classify(text, expression)
    const finding: NumberFinding = {
      start: expression.start,
      end: expression.end,
      text: text.slice(expression.start, expression.end),
      keys: reason ? [] : keysBetween(flat, from, to, options.footnoteKeys),
      pages: reason ? [] : pagesBetween(flat, from, to),
      // `10^6^`: the value is not 10, and 10⁶ is not how a source's text would show it.
      value: reason || flat.exponents.includes(expression.end) ? undefined : proseValue(text, expression, options.numerals),
      ...sentenceOf(flat, from, to)
    }
    if (reason) finding.notFigure = reason
    const waiver = flat.waived.find((range) => expression.start >= range.start && expression.end <= range.end)
    if (waiver) finding.waived = waiver.reason
    findings.push(finding)
  }
  for (const figure of inWords) {
    const overlaps = (other: {start: number; end: number}) => figure.start < other.end && figure.end > other.start
    if (spans.some(overlaps) || free.some(overlaps)) continue
    const [from, to] = sentences.find(([, end]) => figure.start < end) ?? [0, text.length]
    const finding: NumberFinding = {
      start: figure.start,
      end: figure.end,
      text: text.slice(figure.start, figure.end),
      keys: keysBetween(flat, from, to, options.footnoteKeys),
      pages: pagesBetween(flat, from, to),
      value: wordValue(figure),
      ...sentenceOf(flat, from, to)
    }
    const waiver = flat.waived.find((range) => figure.start >= range.start && figure.end <= range.end)
    if (waiver) finding.waived = waiver.reason
    findings.push(finding)
  }
  return findings.sort((a, b) => a.start - b.start)
}

/**
 * The sentence as a reader sees it: notes and bracketed citations left out, the other stand-ins as
 * shown (`CO₂`, a link's text, `@key` in the text); and, when that differs, the sentence without
 * them, for fingerprints.
 */
function sentenceOf(flat: FlatText, from: number, to: number): {sentence: string; sentenceKey?: string} {
  const shown = new Map(flat.shown.filter(({at}) => at >= from && at < to).map(({at, text}) => [at, text]))
  let sentence = ''
  for (let at = from; at < to; at++) {
    const char = flat.text[at]!
    sentence += char === OPAQUE ? (shown.get(at) ?? '') : char
  }
  // A stand-in left out leaves a space before the punctuation after it (`cité [@a].`); a decimal
  // point before its digits is no such punctuation (`r = .42`).
  const tidy = (text: string) => text.replace(/\s+/gu, ' ').replace(/ ([.,])(?!\d)/gu, '$1').trim()
  if (shown.size === 0) return {sentence: tidy(sentence)}
  return {sentence: tidy(sentence), sentenceKey: tidy(flat.text.slice(from, to).replaceAll(OPAQUE, ''))}
}

/** The page locators of the citations written in the sentence (`[@a, p. 16]`, `[@a, pp. 16-18]`). */
function pagesBetween(flat: FlatText, from: number, to: number): Array<{key: string; pages: string}> {
  const pages: Array<{key: string; pages: string}> = []
  for (const mark of flat.marks) {
    if (mark.at < from || mark.at >= to || mark.kind !== 'citation' || mark.node.type !== 'citation') continue
    pages.push(...pageLocators(mark.node))
  }
  return pages
}

function keysBetween(flat: FlatText, from: number, to: number, footnoteKeys: ReadonlyMap<string, readonly string[]>): string[] {
  const keys: string[] = []
  for (const mark of flat.marks) {
    if (mark.at < from || mark.at >= to) continue
    // A footnote call's keys are in its definition; an inline note's and a citation's, in the mark.
    if (mark.kind === 'footnote') keys.push(...(footnoteKeys.get(mark.keys[0] ?? '') ?? []))
    else keys.push(...mark.keys)
  }
  return keys
}
