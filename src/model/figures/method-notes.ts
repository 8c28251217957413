import {inLexicon, isCountedNoun, wordsAfter, wordsBefore, type Word} from './context.js'
import {answerScales, roundingWords, sumVerbs} from './lexicon.js'
import type {NumberExpression} from './scan.js'

/**
 * Methodology boilerplate: what a report says of its own numbers, not of the world. A careful
 * reviewer asks no source for `Percentages may not sum to 100 due to rounding`, `rounded to the
 * nearest 1,000` or `on a scale of 1 to 10`: they state how the figures are written or asked.
 */
export function methodNote(text: string, expression: NumberExpression): 'method note' | undefined {
  if (expression.currency || expression.scale || expression.multiplier || expression.ratio) return undefined
  const before = wordsBefore(text, expression.start, 12)
  const after = wordsAfter(text, expression.end, 1)
  if (sumsToHundred(expression, before, after[0]) || roundingUnit(text, expression, before, after[0]) || answerScale(text, expression, before) || indexBase(text, expression, before)) return 'method note'
  return undefined
}

/** Words between a sum's verb and its hundred: `add up to`, `may not sum to`, `ne totalisent pas`. */
const sumJoiners = new Set(['to', 'up', 'à', 'pas', 'not', 'exactly', 'exactement', 'quite', 'tout'])

/** `may not sum to 100`, `add up to 100%`, `ne totalisent pas 100 %`: shares add up to a hundred by definition. */
function sumsToHundred(expression: NumberExpression, before: readonly Word[], next: Word | undefined): boolean {
  if (expression.cores.length !== 1 || expression.cores[0]!.value !== 100 || isCountedNoun(next)) return false
  const verb = before.find((word) => !sumJoiners.has(word.norm))
  return inLexicon(sumVerbs, verb) && !verb!.detached
}

/** `rounded to the nearest 1,000`, `arrondis à 1 000 près`: the step figures are rounded to. */
function roundingUnit(text: string, expression: NumberExpression, before: readonly Word[], next: Word | undefined): boolean {
  if (expression.percent) return false
  if (before[0]?.norm === 'nearest' && before[1]?.norm === 'the' && before[2]?.norm === 'to') return !isCountedNoun(next)
  return before[0]?.norm === 'à' && next?.norm === 'près' && before.some((word) => inLexicon(roundingWords, word)) && text[expression.end] !== '-'
}

/** The words that name an index's base: `base 100`, `indice 100`, `index = 100`, `Basis 100`. */
const indexWords = new Set(['base', 'indice', 'index', 'basis'])

/**
 * An index's base, the value its base year is set to: `(2015=100)`, `2010 = 100`, `base 100 en
 * 2015`, `indice 100`. It says how the series is written, as a unit does, not a fact to source.
 */
function indexBase(text: string, expression: NumberExpression, before: readonly Word[]): boolean {
  if (expression.cores.length !== 1 || expression.percent || ![1, 100, 1000].includes(expression.cores[0]!.value)) return false
  if (/(?:^|[^\d])(?:1[89]|2\d)\d\d\p{Zs}*=\p{Zs}*$/u.test(text.slice(Math.max(0, expression.start - 10), expression.start))) return true
  const [lead] = before
  return lead !== undefined && !lead.detached && inLexicon(indexWords, lead) && !isCountedNoun(wordsAfter(text, expression.end, 1)[0])
}

/** `on a scale of 1 to 10`, `a scale from 0 to 10`, `a 5-point scale`, `une échelle en 5 points`. */
function answerScale(text: string, expression: NumberExpression, before: readonly Word[]): boolean {
  const [lead, owner] = before
  if (lead && owner && !lead.detached && /^(?:of|from|de|en|à)$/u.test(lead.norm) && inLexicon(answerScales, owner)) return true
  // `échelle allant de 0 à 10`.
  if (lead?.norm === 'de' && owner?.norm === 'allant' && inLexicon(answerScales, before[2])) return true
  // `a 5-point scale`, `a 7-point Likert scale`, `a 5-point rating scale`.
  const rest = /^-points?((?:\p{Zs}+[\p{L}-]+){1,2})/u.exec(text.slice(expression.end, expression.end + 40))
  return rest !== null && rest[1]!.trim().split(/\p{Zs}+/u).some((word) => answerScales.has(word.toLowerCase()))
}
