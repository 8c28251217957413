import {documentPartLeads} from './lexicon.js'
import type {NumberExpression} from './scan.js'

const space = '\\p{Zs}'
const rangeGap = new RegExp(`^${space}*(?:à|au|-|–|—|to)${space}*$`, 'u')
const betweenGap = new RegExp(`^${space}+(?:et|and)${space}+$`, 'u')
const ratioGap = new RegExp(`^${space}+(?:\\p{L}+${space}+){0,2}(?:sur|in|out of)${space}+$`, 'u')
const periodGap = new RegExp(`^${space}+(?:heures?|h|jours?|j|hours?|days?)${space}+(?:sur|in|out of)${space}+$`, 'u')
const betweenLead = /(?:entre|between|from|de|d['’])\p{Zs}*$/iu
/** `3 pour 1 000`, `5 per 100,000`: a rate, when what follows is a power of ten. */
const rateGap = new RegExp(`^${space}+(?:pour|per|for every)${space}+$`, 'u')

/**
 * Join neighbours that are one figure: ranges (`12 à 15 000`, `10–15 %`, `between 20 and 30`)
 * and ratios (`1 sur 5`, `1 child in 3`, `1:4`, `3/4`, `3 pour 1 000`). A descending pair joined by a bare hyphen
 * (`227-23`, `2024-449`) is an identifier, not a range: both parts are marked as such.
 */
export function mergeExpressions(text: string, list: readonly NumberExpression[]): Array<NumberExpression & {identifier?: boolean; period?: boolean}> {
  const out: Array<NumberExpression & {identifier?: boolean; period?: boolean}> = []
  for (let index = 0; index < list.length; index++) {
    const left = list[index]!
    const right = list[index + 1]
    if (!right) {
      out.push(left)
      continue
    }
    const gap = text.slice(left.end, right.start)
    const ascending = (right.cores[0]?.value ?? 0) > (left.cores.at(-1)?.value ?? 0)
    if ((gap === '-' || gap === '–') && !ascending) {
      out.push({...left, identifier: true}, {...right, identifier: true})
      index++
      continue
    }
    // `de 412 en semaine 49 à 158`: a labelled number (`semaine 49`) does not open a range.
    const labelled = documentPartLeads.has(lastWord(text, left.start))
    // `fell by 4.2 percentage points to 17.8%`, `rose 3% to £1,200`: a change and the level it
    // reached, two figures; a range's first end has its second's unit, or none (`10 to 15%`).
    const sameUnit = unitKind(text, left) === '' || unitKind(text, left) === unitKind(text, right)
    const isRange = ascending && !labelled && sameUnit && (rangeGap.test(gap) || (betweenGap.test(gap) && betweenLead.test(text.slice(Math.max(0, left.start - 12), left.start))))
    // `1:4` and `3/4` glued (a clock time or a date is a span already), `3 pour 1 000`: one figure too.
    const glued = (gap === ':' || (gap === '/' && ascending && right.cores[0]!.digits.length <= 2)) && left.cores.length === 1 && right.cores.length === 1
    const rate = rateGap.test(gap) && /^10+$/u.test(String(right.cores[0]?.value ?? '')) && (right.cores[0]?.value ?? 0) >= 100
    const isRatio = !isRange && (ratioGap.test(gap) || glued || rate) && !looksLikeYear(right) && left.cores.length === 1
    // `24 heures sur 24`, `7 jours sur 7`: always open, not a ratio.
    if (isRatio && left.cores[0]?.value === right.cores[0]?.value && periodGap.test(gap)) {
      out.push({...join(left, right, true), period: true})
      index++
      continue
    }
    if (isRange || isRatio) {
      out.push(join(left, right, isRatio))
      index++
      continue
    }
    out.push(left)
  }
  return out
}

function join(left: NumberExpression, right: NumberExpression, ratio: boolean): NumberExpression {
  return {
    start: left.start,
    end: right.end,
    cores: [...left.cores, ...right.cores],
    percent: left.percent || right.percent,
    currency: left.currency || right.currency,
    scale: left.scale || right.scale,
    ordinal: left.ordinal || right.ordinal,
    multiplier: left.multiplier || right.multiplier,
    decimal: left.decimal || right.decimal,
    fraction: left.fraction || right.fraction,
    ratio,
    range: !ratio
  }
}

/** A bare four-digit number in the span of years people write about. */
export function looksLikeYear(expression: NumberExpression): boolean {
  return expression.cores.every((core) => /^\d{4}$/.test(core.digits) && core.value >= 1500 && core.value <= 2100)
}

function lastWord(text: string, index: number): string {
  return (/(\p{L}+)\p{Zs}*$/u.exec(text.slice(Math.max(0, index - 24), index))?.[1] ?? '').toLowerCase()
}

/** The kind of unit written after a number: a percentage, percentage points, a scale word, a currency; '' for none or another. */
function unitKind(text: string, expression: NumberExpression): string {
  const unit = text.slice(expression.cores.at(-1)!.end, expression.end).trim().toLowerCase()
  if (unit === '' || expression.ordinal) return ''
  if (/\b(?:points?|pts?|pp)\b|pourcentage/u.test(unit)) return 'point'
  if (expression.percent) return 'percent'
  if (expression.scale) return 'scale'
  return expression.currency ? 'currency' : ''
}
