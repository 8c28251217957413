import {distance} from 'fastest-levenshtein'
import type {ReviewMark} from '../../model/schemas/review.js'
import {normaliseText} from './fingerprint.js'

/** Where a figure stands in the review, in the order the page shows the states. */
export type ReviewState = 'verified' | 'queried' | 'changed' | 'unreviewed'
export const reviewStates: readonly ReviewState[] = ['verified', 'queried', 'changed', 'unreviewed']

/** A figure's review on this run. */
export interface RowReview {
  state: ReviewState
  /** The mark that still holds: same fingerprint, so same sentence, figure and sources. */
  mark?: ReviewMark
  /** For `changed`: the mark the figure had before its sentence, figure or sources changed. */
  previous?: ReviewMark
}

/** What matching needs to know of a figure of this run. */
export interface ReviewedFigure {
  fingerprint: string
  file: string
  line: number
  figure: string
  sentence: string
}

export interface ReviewMatch {
  /** One per figure, in the figures' order. */
  rows: RowReview[]
  /** Marks whose figure is no longer in the report (deleted, rewritten beyond recognition, moved to another file). */
  orphans: ReviewMark[]
}

/** A changed figure is found again when its old sentence is this close to the new one (1 is equal)… */
const sameFigureSimilarity = 0.5
/** …or this close when the figure itself changed too (`40 %` became `45 %`). */
const otherFigureSimilarity = 0.75

/**
 * Match a review's marks to this run's figures. A mark whose fingerprint a figure has keeps its
 * verdict. The others are paired, within their file, with the figures no mark matched, closest
 * first: the same figure text in a similar sentence, or a very similar sentence. Such a figure is
 * `changed since the review` and keeps the old mark to show; a mark paired with nothing is an orphan.
 * Pure; line numbers only break ties.
 */
export function matchReview(figures: readonly ReviewedFigure[], marks: readonly ReviewMark[]): ReviewMatch {
  const byFingerprint = new Map(marks.map((mark) => [mark.fingerprint, mark]))
  const rows: RowReview[] = figures.map((figure) => {
    const mark = byFingerprint.get(figure.fingerprint)
    return mark ? {state: mark.status, mark} : {state: 'unreviewed'}
  })
  const used = new Set(rows.flatMap((row) => (row.mark ? [row.mark] : [])))
  const left = marks.filter((mark) => !used.has(mark))
  const open = figures.flatMap((figure, index) => (rows[index]!.mark ? [] : [index]))
  const pairs: Array<{mark: ReviewMark; index: number; score: number}> = []
  for (const mark of left) {
    const sentence = normaliseText(mark.sentence)
    const figureText = normaliseText(mark.figure)
    for (const index of open) {
      const figure = figures[index]!
      if (figure.file !== mark.file) continue
      const same = normaliseText(figure.figure) === figureText
      const likeness = similarity(sentence, normaliseText(figure.sentence), same ? sameFigureSimilarity : otherFigureSimilarity)
      if (likeness === undefined) continue
      pairs.push({mark, index, score: likeness + (same ? 1 : 0) - Math.min(Math.abs(figure.line - mark.line), 1000) / 1e6})
    }
  }
  pairs.sort((a, b) => b.score - a.score)
  const paired = new Set<ReviewMark>()
  for (const pair of pairs) {
    if (paired.has(pair.mark) || rows[pair.index]!.previous) continue
    paired.add(pair.mark)
    rows[pair.index] = {state: 'changed', previous: pair.mark}
  }
  return {rows, orphans: left.filter((mark) => !paired.has(mark))}
}

/** 1 − edit distance / length, or undefined below `floor` (skipping the distance when lengths alone rule it out). */
function similarity(a: string, b: string, floor: number): number | undefined {
  const longest = Math.max(a.length, b.length)
  if (longest === 0) return 1
  if (1 - Math.abs(a.length - b.length) / longest < floor) return undefined
  const value = 1 - distance(a, b) / longest
  return value >= floor ? value : undefined
}

/** How many figures are in each state. */
export function countReview(rows: readonly RowReview[]): Record<ReviewState, number> {
  const counts = Object.fromEntries(reviewStates.map((state) => [state, 0])) as Record<ReviewState, number>
  for (const row of rows) counts[row.state]++
  return counts
}
