import {leadWord, startsLine, wordsAfter, wordsBefore, type Word} from './context.js'
import {
  averageWords,
  documentDeterminers,
  documentPartLeads,
  documentPartNouns,
  legalLeads,
  months,
  ordinalLabels,
  quantityLeads,
  streetWords,
  timeUnits,
  yearLeads
} from './lexicon.js'
import {looksLikeYear} from './merge.js'
import type {NumberExpression} from './scan.js'

/** Why a number is not a figure; `undefined` means it is one. */
export type NotFigureReason =
  | 'enumerator'
  | 'date'
  | 'year'
  | 'legal reference'
  | 'document part'
  | 'self-count'
  | 'ordinal label'
  | 'age or duration'
  | 'name or version'
  | 'phone'
  | 'identifier'
  | 'address'

type Test = (text: string, expression: NumberExpression) => NotFigureReason | undefined

/** Decide whether a number expression states a fact about the world. */
export function classify(text: string, expression: NumberExpression & {identifier?: boolean}): NotFigureReason | undefined {
  if (expression.identifier) return 'identifier'
  for (const test of tests) {
    const reason = test(text, expression)
    if (reason) return reason
  }
  return undefined
}

/** Percentages, amounts, scale words, multipliers and ratios always state a quantity. */
const isQuantity = (expression: NumberExpression) =>
  expression.percent || expression.currency || expression.scale || expression.multiplier || expression.ratio

const enumerator: Test = (text, expression) => {
  if (expression.cores.length > 1 || isQuantity(expression)) return undefined
  const after = text.slice(expression.end, expression.end + 3)
  if (startsLine(text, expression.start) && /^(?:[.)]\s|\s?[–—-]\s|\)$|\.$)/u.test(after)) return 'enumerator'
  if (text[expression.start - 1] === '(' && text[expression.end] === ')' && (expression.cores[0]?.value ?? 99) < 30) return 'enumerator'
  return undefined
}

const date: Test = (text, expression) => {
  if (isQuantity(expression)) return undefined
  const next = wordsAfter(text, expression.end, 2)
  const previous = wordsBefore(text, expression.start, 1)[0]
  if (next[0] && !next[0].detached && isMonth(next[0])) return 'date'
  // `1er janvier`: the ordinal ending is part of the expression; `du 1er au 3 mars` too.
  if (next[0]?.norm === 'au' && next[2] === undefined && isMonth(next[1])) return 'date'
  if (previous && !previous.detached && isMonth(previous) && (expression.cores[0]?.value ?? 0) <= 31) return 'date'
  if (previous && /^(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/u.test(previous.norm)) return 'date'
  return undefined
}

function isMonth(word: Word | undefined): boolean {
  if (!word || !months.has(word.norm)) return false
  // English months are capitalised; `may` and `march` are also verbs.
  return /^[a-zàâçéèêëîïôûùüÿ]/u.test(word.raw) ? !/^(?:may|march|jan|mar|dec|sep|oct|nov|jun|jul|aug|apr|feb)\.?$/u.test(word.norm) : true
}

const legal: Test = (text, expression) => {
  if (isQuantity(expression)) return undefined
  const lead = leadWord(text, expression.start)
  if (lead && legalLeads.has(lead.norm)) return 'legal reference'
  // `L. 312-1`, `R. 226-3`: code article prefixes stand right before the number.
  if (/(?:^|\s)[LRD]\.?[ \u00A0]?$/u.test(text.slice(Math.max(0, expression.start - 4), expression.start))) return 'legal reference'
  return undefined
}

const documentPart: Test = (text, expression) => {
  if (isQuantity(expression)) return undefined
  const lead = leadWord(text, expression.start)
  if (lead && !lead.detached && documentPartLeads.has(lead.norm)) return 'document part'
  return undefined
}

const adjectives = new Set(['grands', 'grandes', 'principaux', 'principales', 'nouvelles', 'nouveaux', 'main', 'key', 'major', 'new', 'premiers', 'premières', 'first', 'grandes', 'axes'])

const selfCount: Test = (text, expression) => {
  if (isQuantity(expression) || expression.cores.length > 1) return undefined
  const next = wordsAfter(text, expression.end, 2)
  const noun = next[0] && adjectives.has(next[0].norm) && !next[0].detached ? next[1] : next[0]
  if (!noun || !documentPartNouns.has(noun.norm)) return undefined
  const previous = wordsBefore(text, expression.start, 1)[0]
  return previous && documentDeterminers.has(previous.norm) ? 'self-count' : undefined
}

const stopWords = new Set(['les', 'des', 'ses', 'ces', 'was', 'has', 'is', 'its', 'this', 'plus', 'sous', 'dans', 'vers', 'puis', 'mais', 'alors', 'ans', 'years', 'was', 'sees', 'saw', 'marks', 'as', 'has'])

const year: Test = (text, expression) => {
  if (isQuantity(expression) || expression.decimal || !looksLikeYear(expression)) return undefined
  const previous = wordsBefore(text, expression.start, 1)[0]
  if (previous && (yearLeads.has(previous.norm) || months.has(previous.norm))) return 'year'
  // A four-digit count is written `1850 victimes`: a plural noun right after, and no year lead.
  const next = wordsAfter(text, expression.end, 1)[0]
  const countNoun = next && !next.detached && /^\p{Ll}{3,}[sx]$/u.test(next.raw) && !stopWords.has(next.norm)
  if (countNoun || (previous && quantityLeads.has(previous.norm))) return undefined
  return 'year'
}

const ordinalLabel: Test = (text, expression) => {
  if (!expression.ordinal) return undefined
  const next = wordsAfter(text, expression.end, 1)[0]
  return next && ordinalLabels.has(next.norm) ? 'ordinal label' : undefined
}

const ageLeads = new Set(['âgé', 'âgée', 'âgés', 'âgées', 'aged', 'age', 'ages', 'âge', 'agé', 'agés'])
const rateWords = new Set(['par', 'per', 'a', 'an', 'chaque', 'each', 'every', 'sur'])

const ageOrDuration: Test = (text, expression) => {
  if (isQuantity(expression) || expression.decimal) return undefined
  const before = wordsBefore(text, expression.start, 6)
  if (before.slice(0, 5).some((word) => averageWords.has(word.norm))) return undefined
  const after = wordsAfter(text, expression.end, 5)
  if (after.slice(0, 5).some((word) => averageWords.has(word.norm) || word.norm === 'moyenne')) return undefined
  const lead = before[0]
  if (lead && (ageLeads.has(lead.norm) || (lead.norm === 'de' && before[1] && ageLeads.has(before[1].norm)))) return 'age or duration'
  const unit = after[0]
  if (!unit || unit.detached) return undefined
  const unitWord = unit.norm.replace(/^-/, '')
  if (!timeUnits.has(unitWord) && !/^(?:year|month|week|day)s?-olds?$/u.test(unitWord)) return undefined
  // `3 heures par jour`, `2 days a week`: a rate is a finding.
  if (after[1] && rateWords.has(after[1].norm) && after[2] && timeUnits.has(after[2].norm)) return undefined
  return 'age or duration'
}

const callWords = /^(?:appeler|appelez|appelle|composer|composez|compose|call|dial|numéro|number|ligne|hotline|helpline|joindre|contacter|contactez)$/u

const phone: Test = (text, expression) => {
  if (isQuantity(expression) || expression.cores.length > 1) return undefined
  return wordsBefore(text, expression.start, 3).some((word) => callWords.test(word.norm)) ? 'phone' : undefined
}

const nameOrVersion: Test = (text, expression) => {
  if (isQuantity(expression) || expression.decimal || expression.ordinal || expression.cores.length > 1) return undefined
  const previous = wordsBefore(text, expression.start, 2)
  const name = previous[0]
  if (!name || name.detached || !/^\p{Lu}/u.test(name.raw) || quantityLeads.has(name.norm) || months.has(name.norm)) return undefined
  // Sentence-initial capitals are not names: `Près de 300`, `Ainsi 12 pays`.
  if (!previous[1] || /[.!?:]$/u.test(previous[1].raw)) return undefined
  const following = text.slice(expression.end).match(/^[ \u00A0]*(\S)/u)?.[1]
  return following === undefined || !/\p{Ll}/u.test(following) ? 'name or version' : undefined
}

const address: Test = (text, expression) => {
  if (isQuantity(expression) || expression.decimal || expression.cores.length > 1) return undefined
  const next = wordsAfter(text, expression.end, 4)
  // `12 rue de la Paix`, `12 bis, avenue Foch`, `1600 Pennsylvania Avenue`.
  const street = next.findIndex((word) => streetWords.has(word.norm))
  if (street === 0 || (street === 1 && /^(?:bis|ter|quater)$/u.test(next[0]!.norm))) return 'address'
  if (street > 0 && next.slice(0, street).every((word) => /^\p{Lu}/u.test(word.raw) && !word.detached)) return 'address'
  // Postal codes: `75002 Paris`, `1000 Bruxelles` after a comma, `NY 10001`.
  const digits = expression.cores[0]!.digits.replace(/[ \u00A0\u202F]/gu, '')
  const city = next[0] && !next[0].detached && /^\p{Lu}/u.test(next[0].raw)
  if (/^\d{5}$/u.test(digits) && city) return 'address'
  if (/^\d{4}$/u.test(digits) && city && /,[ \u00A0]*$/u.test(text.slice(0, expression.start))) return 'address'
  if (/^\d{5}(?:-\d{4})?$/u.test(digits) && /\b[A-Z]{2}[ \u00A0]$/u.test(text.slice(Math.max(0, expression.start - 3), expression.start))) return 'address'
  return undefined
}

const tests: readonly Test[] = [address, enumerator, date, legal, documentPart, selfCount, year, ordinalLabel, ageOrDuration, phone, nameOrVersion]
