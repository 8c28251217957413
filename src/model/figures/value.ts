import {vulgarFractions} from './lexicon.js'
import {mergeExpressions} from './merge.js'
import {compactDigits} from './digit-groups.js'
import {readDigits, type Numerals} from './numerals.js'
import {scanNumbers, type NumberExpression} from './scan.js'
import {findWordFigures, type WordFigure} from './words.js'

/** One number a figure states, with how far a source's number may be from it and still be it. */
export interface ValuePart {
  value: number
  /** Half the figure's rounding step: `3,5 millions` matches 3 450 000 to 3 550 000. */
  tolerance: number
  percent: boolean
}

/**
 * What a figure says, by value: each alternative is a set of numbers that must all be in the
 * source (a range's ends, a ratio's two terms, or the ratio as a percentage).
 */
export type FigureValue = ValuePart[][]

const scaleOf: ReadonlyArray<[RegExp, number]> = [
  // `mia` and `mio` are Switzerland's; `G$` and `k$`, Québec's (`1,2 G$`, `750 k$`).
  [/^(?:milliards?|billions?|bn|mds?|mrds?|mia|md€|md\$|g\$|g€)$/iu, 1e9],
  [/^(?:millions?|m|mn|mio|m€|m\$)$/iu, 1e6],
  [/^(?:mille|thousands?|k|k€|k\$)$/iu, 1e3],
  [/^(?:trillions?)$/iu, 1e12]
]

/** The value of a number expression of the prose or of a source, with its rounding, its digits read in `numerals`. */
export function expressionValue(text: string, expression: NumberExpression, numerals: Numerals = 'mixed'): FigureValue {
  const parts = expression.cores.map((core, index): ValuePart => {
    const until = expression.cores[index + 1]?.start ?? expression.end
    const tail = text.slice(core.end, until)
    const word = /^\p{Zs}*([\p{L}€$]+)/u.exec(tail)?.[1] ?? ''
    const scale = scaleOf.find(([pattern]) => pattern.test(word))?.[1] ?? 1
    return {value: core.value * scale, tolerance: roundingOf(core.digits, numerals) * scale / 2, percent: expression.percent}
  })
  // `12 à 15 000`: the first end is in thousands too.
  const [first, second] = parts
  const firstCore = expression.cores[0]
  const secondCore = expression.cores[1]
  const grouped = numerals === 'decimal-comma' ? /\d[\p{Zs}.'’]\d{3}$/u : /\d[\p{Zs},'’]\d{3}$/u
  if (expression.range && first && second && firstCore && secondCore && grouped.test(secondCore.digits) && first.value < 1000 && first.value * 1000 <= second.value) {
    parts[0] = {...first, value: first.value * 1000, tolerance: first.tolerance * 1000}
  }
  if (expression.ratio && first && second && second.value !== 0) return [parts, [{value: (100 * first.value) / second.value, tolerance: 1, percent: true}]]
  // `½ of families`: a share, which a source may write `50%` as well.
  if (expression.fraction && first && !second && first.value < 1 && !expression.percent) return [parts, [{value: first.value * 100, tolerance: 1, percent: true}]]
  return [parts]
}

/**
 * What a figure of the prose says by value, to look it up in a source: as expressionValue, but a
 * ratio only as its share (`1 enfant sur 5` is 20 %, which a source may write `1 sur 5`, `20 %` or
 * `un sur cinq`): its two terms alone were on any page that held a 1 and a 5 anywhere, a list's
 * `1.` and a `5e` (a reviewer saw it "found"). A multiplier in digits is not looked up, as one in
 * words is not.
 */
export function proseValue(text: string, expression: NumberExpression, numerals: Numerals = 'mixed'): FigureValue {
  // `x3`, `3x`: as a multiplier in words, a bare 3 on the page proves nothing.
  if (expression.multiplier) return []
  const alternatives = expressionValue(text, expression, numerals)
  return expression.ratio && alternatives.length > 1 ? alternatives.slice(1) : alternatives
}

/** The value of a figure in words: fractions also as percentages, multipliers not at all (a bare 2 proves nothing). */
export function wordValue(figure: WordFigure): FigureValue {
  if (figure.kind === 'multiplier') return []
  if (figure.kind === 'fraction') return [[{value: figure.value * 100, tolerance: 1, percent: true}]]
  if (figure.kind === 'percent') return [[{value: figure.value, tolerance: 0.5, percent: true}]]
  // `douze millions` is a round number: 5 % either way.
  return [[{value: figure.value, tolerance: figure.value * 0.05, percent: false}]]
}

/**
 * The rounding step a written number implies, read as its value is: `3,5` → 0.1; `2 100` → 100;
 * `100 000` → at most 5 % of the value (a round number is an approximation, not a licence for any
 * number near it); `17.500` → 100 with a decimal comma, 0.001 otherwise (17.5 to the hundred
 * matched a source's 17).
 */
function roundingOf(digits: string, numerals: Numerals): number {
  // `2½`: to the half; `1¾`: to the quarter.
  const fraction = vulgarFractions.get(digits.at(-1)!)
  if (fraction !== undefined) return 1 / denominatorOf(fraction)
  const {decimals, integer} = readDigits(compactDigits(digits, numerals), numerals)
  if (decimals !== undefined) return 10 ** -decimals
  const zeros = /0*$/u.exec(integer)?.[0].length ?? 0
  if (zeros === 0 || zeros === integer.length) return 1
  return Math.max(1, Math.min(10 ** zeros, Number(integer) * 0.05 * 2))
}

/** What a figure written on its own says by value (a `stat` block's `value`): its first number expression, or a figure in words. */
export function valueOfText(text: string, numerals: Numerals = 'mixed'): FigureValue | undefined {
  const [expression] = mergeExpressions(text, scanNumbers(text, numerals))
  if (expression) return proseValue(text, expression, numerals)
  const [inWords] = findWordFigures(text)
  return inWords ? wordValue(inWords) : undefined
}

/** The smallest denominator of a vulgar fraction's value: 2 for ½, 4 for ¾, 8 for ⅜. */
function denominatorOf(fraction: number): number {
  for (let denominator = 2; denominator < 10; denominator++) if (Math.abs(fraction * denominator - Math.round(fraction * denominator)) < 1e-9) return denominator
  return 10
}
