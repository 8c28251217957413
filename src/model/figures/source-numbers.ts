import {mergeExpressions} from './merge.js'
import {scanNumbers} from './scan.js'
import {expressionValue, wordValue, type ValuePart} from './value.js'
import {findWordFigures} from './words.js'

/** A number as a source states it. */
export interface SourceNumber {
  value: number
  percent: boolean
}

/**
 * Every number of a source's page, by value: `52 %`, `52%` and `52 pour cent` are 52 percent;
 * `100 000`, `100,000` and `100.000` are 100000; `3,5 millions` is 3500000; `deux tiers` is 66.7
 * percent. A source is read without the report's exclusions: its dates are numbers too.
 */
export function numbersOf(text: string): SourceNumber[] {
  const numbers: SourceNumber[] = []
  const add = (parts: ValuePart[]) => {
    for (const part of parts) numbers.push({value: part.value, percent: part.percent})
  }
  for (const expression of mergeExpressions(text, scanNumbers(text))) {
    for (const alternative of expressionValue(text, expression)) add(alternative)
    // `2.925` in French is 2 925: read a dot before three digits both ways.
    for (const core of expression.cores) {
      if (/^\d{1,3}(?:\.\d{3})+$/u.test(core.digits)) numbers.push({value: Number(core.digits.replace(/\./gu, '')), percent: false})
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

