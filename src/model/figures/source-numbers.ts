import {mergeExpressions} from './merge.js'
import type {Numerals} from './numerals.js'
import {scanNumbers} from './scan.js'
import {expressionValue, wordValue, type ValuePart} from './value.js'
import {findWordFigures} from './words.js'

/** A month's name after a day: `6 février`, `15 March`, `1er mai` (the ordinal is read apart). */
const dayOfMonth = /^[ \u00A0](?:janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre|january|february|march|april|may|june|july|august|september|october|november|december)\b/iu

/** `1.` or `2)` opening a line (after its indent): a list's marker. */
function listMarker(text: string, start: number, end: number): boolean {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1
  return /^[ \t]*$/u.test(text.slice(lineStart, start)) && /^[.)][ \t]/u.test(text.slice(end, end + 2))
}

/** A number as a source states it. */
export interface SourceNumber {
  value: number
  percent: boolean
  /** Followed by a word (`5 chats`, `17 enquêteurs`): a count of something, never a bare percentage of a table. */
  counts?: boolean
}

/**
 * Every number of a source's page, by value: `52 %`, `52%` and `52 pour cent` are 52 percent;
 * `100 000`, `100,000` and `100.000` are 100000; `3,5 millions` is 3500000; `deux tiers` is 66.7
 * percent. A source is read with few of the report's exclusions: a list's markers, ordinals, the
 * day of a date and years are left out (they matched small figures cited from any page), the rest
 * is read, phone numbers and all.
 */
export function numbersOf(text: string, numerals: Numerals = 'mixed'): SourceNumber[] {
  const numbers: SourceNumber[] = []
  const add = (parts: ValuePart[], counts = false) => {
    for (const part of parts) numbers.push(counts && !part.percent ? {value: part.value, percent: false, counts} : {value: part.value, percent: part.percent})
  }
  for (const expression of mergeExpressions(text, scanNumbers(text, numerals))) {
    // What numbers a text but states no quantity: a list's `1.` at the start of a line, an ordinal
    // (`5e`, `3rd`), a day before its month (`6 février 2024`). Read as numbers, a page with a list
    // "held" every small figure cited from it.
    if (expression.ordinal || listMarker(text, expression.start, expression.end) || dayOfMonth.test(text.slice(expression.end, expression.end + 12))) continue
    // A year (`en 2021`): a count that size is written `2 021` or `2,021`.
    if (!expression.percent && /^(?:19|20)\d{2}$/u.test(text.slice(expression.start, expression.end))) continue
    const counts = /^\p{Zs}\p{L}/u.test(text.slice(expression.end, expression.end + 2))
    for (const alternative of expressionValue(text, expression, numerals)) add(alternative, counts)
    // `2.925` in a French report's source is 2 925, and `2,925` in a German report's source, an
    // English one, is 2 925 too: a group of three after the other mark is read both ways.
    const otherGroup = numerals === 'decimal-comma' ? /^\d{1,3}(?:,\d{3})+$/u : /^\d{1,3}(?:\.\d{3})+$/u
    for (const core of expression.cores) {
      if (otherGroup.test(core.digits)) numbers.push({value: Number(core.digits.replace(/[.,]/gu, '')), percent: false})
    }
  }
  for (const figure of findWordFigures(text)) for (const alternative of wordValue(figure)) add(alternative)
  // `un enfant sur 5`, `one in 4`: a ratio half in words.
  for (const match of text.matchAll(/\b(?:un|une|one)\s+(?:\p{L}+\s+){0,2}(?:sur|in|out of)\s+(\d+)(?!\d)/giu)) {
    const denominator = Number(match[1])
    if (denominator >= 2) numbers.push({value: 100 / denominator, percent: true})
  }
  return numbers
}

