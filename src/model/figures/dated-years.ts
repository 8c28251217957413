import {inLexicon, wordsBefore} from './context.js'
import {months, words} from './lexicon.js'
import {looksLikeYear} from './merge.js'
import type {NumberExpression} from './scan.js'

/**
 * Nouns whose `of` + year dates them (`the law of 2022`, `its report of 2024`, `the Act of 2003`):
 * texts, laws and decisions, in the singular. Not those that count what they cover (`a survey of
 * 2024 parents`, `a total of 1850 cases`), which the year test reads as counts when a plural follows.
 */
const datedNouns = words(`
  law act acts order regulation regulations directive decree statute code convention treaty charter
  declaration protocol resolution decision judgment judgement ruling report strategy plan paper guidance budget constitution reform agreement
  loi décret ordonnance arrêté directive règlement rapport décision arrêt stratégie plan réforme
`)

/**
 * A year that dates what stands before it, even when a word in -s follows that could be a counted
 * noun: after a month (`of 19 October 2022 requires`), or after `of` and a dated noun (`the law of
 * 2022 requires`, `its report of 2024 calls for action`).
 */
export function isDatingYear(text: string, expression: NumberExpression): boolean {
  if (expression.cores.length > 1 || expression.decimal || !looksLikeYear(expression)) return false
  const [previous, noun] = wordsBefore(text, expression.start, 2)
  if (!previous || previous.detached) return false
  if (inLexicon(months, previous) && /^\p{Lu}/u.test(previous.raw)) return true
  return /^(?:of|de)$/u.test(previous.norm) && noun !== undefined && !noun.detached && inLexicon(datedNouns, noun)
}
