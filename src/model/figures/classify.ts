import {inLexicon, isCountedNoun, isLengthOfTime, leadWord, opensSentence, startsLine, wordsAfter, wordsBefore, type Word} from './context.js'
import {isDatingYear} from './dated-years.js'
import {
  ageCopulas,
  ageGroups,
  averageWords,
  circaWords,
  documentPartLeads,
  documentPartNouns,
  documentSubjects,
  documentVerbs,
  functionWords,
  irregularPlurals,
  legalCodes,
  legalDivisions,
  legalLeads,
  months,
  ordinalLabels,
  placePrepositions,
  quantityLeads,
  strongYearLeads,
  streetWords,
  timeUnits,
  yearLeads
} from './lexicon.js'
import {looksLikeYear} from './merge.js'
import {methodNote} from './method-notes.js'
import {isAbbreviatedDivision, isParagraphPinpoint} from './oscola.js'
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
  | 'table label'
  | 'method note'

type Test = (text: string, expression: NumberExpression) => NotFigureReason | undefined

/** Decide whether a number expression states a fact about the world. */
export function classify(text: string, expression: NumberExpression & {identifier?: boolean; period?: boolean}): NotFigureReason | undefined {
  if (expression.identifier) return 'identifier'
  if (expression.period) return 'age or duration'
  for (const test of tests) {
    const reason = test(text, expression)
    if (reason) return reason
  }
  return undefined
}

/** Percentages, amounts, scale words, multipliers, ratios and vulgar fractions always state a quantity. */
export const isQuantity = (expression: NumberExpression) =>
  expression.percent || expression.currency || expression.scale || expression.multiplier || expression.ratio || expression.fraction

const address: Test = (text, expression) => {
  if (isQuantity(expression) || expression.decimal) return undefined
  const next = wordsAfter(text, expression.end, 4)
  // `12 rue de la Paix`, `12 bis, avenue Foch`, `61-65 rue Dutot`, `1600 Pennsylvania Avenue`.
  const street = next.findIndex((word) => inLexicon(streetWords, word))
  if (street === 0 || (street === 1 && /^(?:bis|ter|quater)$/u.test(next[0]!.norm))) return 'address'
  if (street > 0 && next.slice(0, street).every((word) => /^\p{Lu}/u.test(word.raw) && !word.detached)) return 'address'
  if (expression.cores.length > 1) return undefined
  // Postal codes: `75002 Paris`, `94 270 Kremlin-Bicêtre`, `1000 Bruxelles` after a comma, `NY 10001`.
  const digits = expression.cores[0]!.digits.replace(/\p{Zs}/gu, '')
  const city = next[0] && !next[0].detached && /^\p{Lu}/u.test(next[0].raw)
  if (/^\d{5}$/u.test(digits) && city) return 'address'
  if (/^\d{4}$/u.test(digits) && city && /,[ \u00A0]*$/u.test(text.slice(0, expression.start))) return 'address'
  if (/^\d{5}(?:-\d{4})?$/u.test(digits) && /\b[A-Z]{2}[ \u00A0]$/u.test(text.slice(Math.max(0, expression.start - 3), expression.start))) return 'address'
  return undefined
}

const enumerator: Test = (text, expression) => {
  if (expression.cores.length > 1 || isQuantity(expression)) return undefined
  const after = text.slice(expression.end, expression.end + 3)
  if (startsLine(text, expression.start) && /^(?:[.)]\s|\s?[–—-]\s|\)$|\.$)/u.test(after)) return 'enumerator'
  // `1.1 Un sous-paragraphe`, `2.3.1 Scope`: a paragraph numbered by hand, its levels dotted, a capital after.
  if (startsLine(text, expression.start) && /^\d+(?:\.\d+)+$/u.test(expression.cores[0]!.digits) && /^\p{Zs}+\p{Lu}/u.test(text.slice(expression.end, expression.end + 3))) return 'enumerator'
  if (text[expression.start - 1] === '(' && text[expression.end] === ')' && (expression.cores[0]?.value ?? 99) < 30) return 'enumerator'
  return undefined
}

const date: Test = (text, expression) => {
  if (isQuantity(expression)) return undefined
  const next = wordsAfter(text, expression.end, 4)
  const previous = wordsBefore(text, expression.start, 1)[0]
  if (next[0] && !next[0].detached && isMonth(next[0])) return 'date'
  // Spanish and Portuguese put `de` between a day and its month, `el 15 de marzo`, `em 15 de março`,
  // wherever the date stands in the sentence (only a capital before it made it a name before).
  if ((expression.cores[0]?.value ?? 99) <= 31 && monthAfterDe(next, 0)) return 'date'
  // German writes a day as an ordinal with a point: `1. November`, `am Mittwoch, 14. Februar`.
  if (next[0]?.raw === '.' && /^\.\p{Zs}/u.test(text.slice(expression.end, expression.end + 2)) && (expression.cores[0]?.value ?? 0) <= 31 && isMonth(next[1])) return 'date'
  // A time of day in German: `um 10 Uhr`, `von 9 bis 17 Uhr`.
  if (next[0]?.norm === 'uhr' || (next[0] && /^(?:bis|und)$/u.test(next[0].norm) && /^\d{1,2}$/u.test(next[1]?.norm ?? '') && next[2]?.norm === 'uhr')) return 'date'
  // `the 18th of October`.
  if (expression.ordinal && next[0]?.norm === 'of' && isMonth(next[1])) return 'date'
  // `du 1er au 3 mars`, `les 6 et 7 décembre`, `on 3 and 4 May`.
  if (next[0]?.norm === 'au' && isMonth(next[1])) return 'date'
  // `del 1 al 3 de marzo`, `1 y 2 de marzo`, `1 e 2 de março`, `1 e 2 marzo`.
  if (next[0] && /^(?:et|au|à|and|to|ou|or|y|e|al|a)$/u.test(next[0].norm) && /^\d{1,2}(?:er|e|st|nd|rd|th)?$/u.test(next[1]?.norm ?? '') && (isMonth(next[2]) || monthAfterDe(next, 2))) return 'date'
  if (previous && !previous.detached && isMonth(previous) && (expression.cores[0]?.value ?? 0) <= 31) return 'date'
  // `les années 90`, `the 80s`: a decade.
  if (previous?.norm === 'années' && /^\d0$/u.test(expression.cores[0]?.digits ?? '')) return 'date'
  if (previous && /^(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/u.test(previous.norm)) return 'date'
  return undefined
}

/** `de marzo`, `de março` at `index` of the words after a day: `de` and its month in the same clause. */
function monthAfterDe(next: readonly Word[], index: number): boolean {
  const de = next[index]
  return de?.norm === 'de' && !de.detached && !next[index + 1]?.detached && isMonth(next[index + 1])
}

function isMonth(word: Word | undefined): boolean {
  if (!word || !inLexicon(months, word)) return false
  // `may`, `march` and `mar` are also English verbs: in lower case and without a dot, no month.
  // French writes its months in lower case, abbreviated too (`11 oct. 2023`, `9 nov 2021`).
  return !(/^\p{Ll}/u.test(word.raw) && /^(?:may|march|mar)$/u.test(word.dotted))
}

const legal: Test = (text, expression) => {
  if (isQuantity(expression)) return undefined
  const lead = leadWord(text, expression.start)
  // The word right before counts first: the lead skips joiners, `al.` among them (`(al. 2)`, `al. 1er`).
  const nearest = wordsBefore(text, expression.start, 1)[0]
  if (inLexicon(legalLeads, lead) || (nearest && !nearest.detached && inLexicon(legalLeads, nearest))) return 'legal reference'
  // `point 45`, `considérants 5 à 8`, `pôle 4`, `Civ. 1re`, `Abs. 2`: unless a count or a length of
  // time follows (`at that point 300 people`, `starting point 6 years' custody`).
  const after = wordsAfter(text, expression.end, 1)[0]
  if ((inLexicon(legalDivisions, lead) || (nearest && !nearest.detached && inLexicon(legalDivisions, nearest))) && !isCountedNoun(after) && !isLengthOfTime(after)) return 'legal reference'
  // `le 2° de l'article 222-24`, `au 3° du I`: French law numbers an article's items 1°, 2°…, named
  // by what they belong to; `20°C`, `a 2° rise`, `1,5° de plus` are temperatures and angles.
  if (text[expression.end] === '°' && /^°\p{Zs}+(?:de\p{Zs}+l['’]|du\p{Zs}|des\p{Zs}+articles?\b)/u.test(text.slice(expression.end, expression.end + 16))) return 'legal reference'
  // `L. 312-1`, `R. 226-3`: code article prefixes stand right before the number.
  if (/(?:^|\s)[LRD]\.?[ \u00A0]?$/u.test(text.slice(Math.max(0, expression.start - 4), expression.start))) return 'legal reference'
  // `loi de finances rectificative 2`, `projet de loi 3`, `Finance Bill 2`: a bill's number.
  if (billName.test(text.slice(Math.max(0, expression.start - 60), expression.start))) return 'legal reference'
  // `18 U.S.C. § 2252`: the code's abbreviation follows the title number.
  if (inLexicon(legalCodes, wordsAfter(text, expression.end, 1)[0])) return 'legal reference'
  return undefined
}

const billName = /(?:\bloi|\bbill)(?:\s+(?:de|of)\s+(?:finances?|programmation|financement de la sécurité sociale))?(?:\s+(?:rectificative|organique|spéciale))?[ \u00A0]+(?:n[°º]|no\.?)?[ \u00A0]*$/iu

const documentPart: Test = (text, expression) => {
  if (isQuantity(expression)) return undefined
  const lead = leadWord(text, expression.start)
  if (lead && !lead.detached && inLexicon(documentPartLeads, lead)) return 'document part'
  return undefined
}

const adjectives = new Set(['grands', 'grandes', 'principaux', 'principales', 'nouvelles', 'nouveaux', 'main', 'key', 'major', 'new', 'premiers', 'premières', 'first', 'grandes', 'successive', 'successifs'])

const selfCount: Test = (text, expression) => {
  if (isQuantity(expression) || expression.cores.length > 1 || (expression.cores[0]?.value ?? 0) >= 100) return undefined
  const next = wordsAfter(text, expression.end, 2)
  const noun = next[0] && adjectives.has(next[0].norm) && !next[0].detached ? next[1] : next[0]
  if (noun && !noun.detached && inLexicon(documentPartNouns, noun)) return 'self-count'
  // `s'organise en 3 temps`, `This note sets out the 3 main changes`.
  const before = wordsBefore(text, expression.start, 5)
  const verb = before.findIndex((word) => inLexicon(documentVerbs, word))
  if (verb === -1 || verb > 2) return undefined
  const subject = before.slice(verb + 1).some((word) => inLexicon(documentSubjects, word))
  return subject || /^(?:organise|organisé|organisée|structuré|structurée|regroupées|regroupés|divisé|divisée)$/u.test(before[verb]!.norm) ? 'self-count' : undefined
}

// `down 46% on 1990 levels`, `in 2015 prices`, `in 2019 terms`: a baseline year, not a count.
const stopWords = new Set(['les', 'des', 'ses', 'ces', 'was', 'has', 'is', 'its', 'this', 'plus', 'sous', 'dans', 'vers', 'puis', 'mais', 'alors', 'ans', 'years', 'sees', 'saw', 'marks', 'as', 'levels', 'prices', 'terms'])

const year: Test = (text, expression) => {
  if (isQuantity(expression) || expression.decimal || !looksLikeYear(expression)) return undefined
  if (expression.cores.length > 1) return 'year'
  const previous = wordsBefore(text, expression.start, 1)[0]
  // A four-digit count is written `1850 victimes`: a plural noun right after, and no strong year lead.
  const next = wordsAfter(text, expression.end, 1)[0]
  // At a sentence's end too (`to 1800 firms.`: the word keeps its dot), and `1500 children`.
  const countNoun = next && !next.detached && (/^\p{Ll}{3,}[sx]\.?$/u.test(next.raw) || irregularPlurals.has(next.norm)) && !stopWords.has(next.norm)
  if (countNoun && !inLexicon(strongYearLeads, previous)) return undefined
  // `delivered 1783 food hampers`: a noun phrase after, and no lead a year takes.
  const [, second] = wordsAfter(text, expression.end, 2)
  if (next && second && !next.detached && !second.detached && /^\p{Ll}+$/u.test(next.raw) && /^\p{Ll}{3,}[sx]$/u.test(second.raw) && !stopWords.has(next.norm) && !inLexicon(yearLeads, previous) && !inLexicon(functionWords, next)) return undefined
  if (inLexicon(yearLeads, previous) || inLexicon(months, previous)) return 'year'
  if (countNoun || inLexicon(quantityLeads, previous)) return undefined
  return 'year'
}

const ordinalLabel: Test = (text, expression) => {
  if (!expression.ordinal) return undefined
  // `10e et 9e ch. réunies`, `3rd and 4th sections`: ordinals joined before the noun they label.
  const after = wordsAfter(text, expression.end, 7)
  let index = 0
  while (after[index + 1] && /^(?:et|ou|and|or)$/u.test(after[index]!.norm) && ordinalWritten.test(after[index + 1]!.norm)) index += 2
  const next = after[index]
  if (inLexicon(ordinalLabels, next) || inLexicon(documentPartNouns, next)) return 'ordinal label'
  // `les élèves de 3e`, `les classes de 6e`: a school grade.
  const [lead, owner] = wordsBefore(text, expression.start, 2)
  if ((lead?.norm === 'de' || lead?.norm === 'en') && owner && gradeOwners.has(owner.norm)) return 'ordinal label'
  return undefined
}

/** An ordinal as written: `9e`, `1re`, `2nd`. */
const ordinalWritten = /^\d+(?:e|er|re|ère|ème|st|nd|rd|th)$/u

const gradeOwners = new Set(['élève', 'élèves', 'classe', 'classes', 'effectifs', 'niveau', 'collégiens', 'lycéens', 'redoublement', 'entrée', 'entrés', 'entrées', 'entré', 'fin'])

const ageLeads = new Set(['âgé', 'âgée', 'âgés', 'âgées', 'aged', 'age', 'ages', 'âge', 'agé', 'agés'])
const rateWords = new Set(['par', 'per', 'a', 'an', 'chaque', 'each', 'every', 'sur'])
const thresholdWords = new Set(['under', 'over', 'moins', 'plus', 'below', 'above', 'from', 'dès'])

const ageOrDuration: Test = (text, expression) => {
  if (isQuantity(expression) || expression.decimal) return undefined
  const before = wordsBefore(text, expression.start, 6)
  const after = wordsAfter(text, expression.end, 5)
  if ([...wordsBefore(text, expression.start, 10), ...after.slice(0, 5)].some((word) => averageWords.has(word.norm))) return undefined
  const lead = before[0]
  if (lead && (ageLeads.has(lead.norm) || (lead.norm === 'de' && before[1] && ageLeads.has(before[1].norm)))) return 'age or duration'
  // `children under 5`, `adults over 30`, `enfants de moins de 2 ans`.
  const threshold = before.findIndex((word) => thresholdWords.has(word.norm))
  const value = expression.cores[0]?.value ?? 0
  if (threshold !== -1 && threshold <= 1 && value <= oldestAge && inLexicon(ageGroups, before[threshold + 1] ?? before[threshold + 2]) && !isCountedNoun(after[0])) return 'age or duration'
  // `a quarter were under 18.`, `when they turn 18`: the ages the law counts from (majority, consent,
  // school leaving), bare after a threshold or a verb of age, nothing counted after them.
  const bare = !after[0] || after[0].detached
  if (bare && legalAges.has(value) && before[0] && (thresholdWords.has(before[0].norm) || ageVerbs.has(before[0].norm))) return 'age or duration'
  // `Most volunteers are under 30.`, `residents are mostly above 80`: any age, bare after a
  // threshold, when people are said to be it.
  if (bare && value <= oldestAge && before[0] && ageThresholds.has(before[0].norm) && saysPeopleAre(before.slice(1))) return 'age or duration'
  const unit = after[0]
  if (!unit || unit.detached) return undefined
  // `the 15–44 age group`, `11-14 year-olds`.
  if (/^(?:age|âge|ans|years?|year-olds?|ans\))$/u.test(unit.norm) && after[1] && /^(?:group|groups|groupe|bracket|band|tranche|range)$/u.test(after[1].norm)) return 'age or duration'
  // `contre 11 200 l'année précédente`: an elided article starts another phrase, not a unit.
  if (/['’]/u.test(unit.raw)) return undefined
  const unitWord = unit.norm.replace(/^-/, '')
  if (/^(?:year|month|week|day)s?-olds?$/u.test(unitWord)) return 'age or duration'
  if (!timeUnits.has(unitWord)) return undefined
  // `a 24-hour line`, `a 12-month study`: a period describing a noun.
  if (text[expression.end] === '-') return 'age or duration'
  // `24 heures sur 24`, `7 days a week`, `365 jours par an`: when a service is open, not a finding.
  const per = after[1] && (rateWords.has(after[1].norm) || after[1].norm === 'sur') ? after[2] : undefined
  if (per && isWholePeriod(value, unitWord, per.norm)) return 'age or duration'
  // `3 heures par jour`, `2 days a week`: a rate is a finding.
  if (after[1] && rateWords.has(after[1].norm) && after[2] && timeUnits.has(after[2].norm)) return undefined
  // `encore 180 ans`, `another 135 years`, `pendant près de 3 ans`: how long something takes is a finding.
  if (before.slice(0, 3).some((word) => durationLeads.has(word.norm)) || (value >= 130 && /^(?:ans|années|years)$/u.test(unitWord))) return undefined
  if (before[0]?.norm === 'de' && before[1] && /^(?:près|environ)$/u.test(before[1].norm) && !ageGroups.has(before[2]?.norm ?? '')) return undefined
  if (before[0] && /^(?:environ|presque|nearly|almost|roughly)$/u.test(before[0].norm)) return undefined
  // Ages and spans in years (`15 ans`, `for 20 years`) are not findings; a measured wait or
  // response time (`is 9 months`, `6 minutes`) is, unless a preposition makes it a span.
  if (/^(?:an|ans|année|années|year|years|yr|yrs)$/u.test(unitWord)) return 'age or duration'
  return lead && spanLeads.has(lead.norm) ? 'age or duration' : undefined
}

/** No one is older: a count past it is no age (`users over 1,000`). */
const oldestAge = 120
const ageThresholds = new Set(['under', 'over', 'above', 'below'])

/** `volunteers are`, `residents were mostly`, `respondents`: people, then what says they are an age. */
function saysPeopleAre(before: readonly Word[]): boolean {
  let index = 0
  while (index < 3 && before[index] && !before[index]!.detached && inLexicon(ageCopulas, before[index])) index++
  const people = before[index]
  return people !== undefined && !people.detached && inLexicon(ageGroups, people)
}

/** Ages the law counts from: criminal responsibility, consent, school leaving, majority. */
const legalAges = new Set([13, 15, 16, 18, 21])
const ageVerbs = new Set(['turn', 'turns', 'turned', 'turning', 'reach', 'reaches', 'reached', 'reaching'])

const durationLeads = new Set(['encore', 'another', 'faudrait', 'faudra', 'take', 'took', 'takes', 'need', 'needs', 'needed', 'prendra', 'prendrait', 'mettra', 'mettrait'])

const wholePeriods: Record<string, number> = {'hour:day': 24, 'day:week': 7, 'day:year': 365, 'week:year': 52, 'month:year': 12, 'heure:jour': 24, 'jour:semaine': 7, 'jour:an': 365, 'semaine:an': 52, 'mois:an': 12}

/** `24 heures sur 24`, `7 jours sur 7`, `365 days a year`. */
function isWholePeriod(value: number, unit: string, per: string): boolean {
  if (/^\d+$/u.test(per)) return Number(per) === value
  const single = (word: string) => word.replace(/s$/u, '').replace(/^année$/u, 'an')
  return wholePeriods[`${single(unit)}:${single(per)}`] === value
}

const spanLeads = new Set(['depuis', 'pendant', 'durant', 'dans', 'sous', 'en', 'après', 'avant', 'for', 'over', 'within', 'after', 'in', 'past', 'last', 'next', 'during', 'under', 'de', 'of'])

const callWords = /^(?:appeler|appelez|appelle|appels|composer|composez|compose|call|dial|text|textez|sms|numéro|number|ligne|line|hotline|helpline|joindre|contacter|contactez|telephone|téléphone|tél|tel)$/u

const phone: Test = (text, expression) => {
  if (isQuantity(expression) || expression.cores.length > 1) return undefined
  const next = wordsAfter(text, expression.end, 1)[0]
  const previous = wordsBefore(text, expression.start, 1)[0]
  // `the 988 line`, `the 116 123 line`, `the 111 service`: a number between the and a service's
  // noun names it, however its digits are grouped.
  const named = previous?.norm === 'the' && next && !next.detached && serviceNouns.test(next.norm)
  if (named && /^\d{2,4}(?:\p{Zs}\d{2,4})*$/u.test(expression.cores[0]!.digits)) return 'phone'
  // Short service numbers only (`le 119`, `calls to 911`): a long count after `calls` is a figure.
  if (!/^\d{2,4}$/u.test(expression.cores[0]!.digits)) return undefined
  if (next && !next.detached && /^\p{Ll}{3,}[sx]$/u.test(next.norm) && !timeUnits.has(next.norm) && !serviceNouns.test(next.norm)) return undefined
  if (wordsBefore(text, expression.start, 3).some((word) => callWords.test(word.norm))) return 'phone'
  // `le 3114 est le numéro…`, `Le 119 répond`, `au 3919`: a singular article before a bare number names a line.
  if (previous && !previous.detached && /^(?:le|au|du)$/u.test(previous.norm) && (!next || next.detached || !/^\p{Ll}+[sx]$/u.test(next.raw))) return 'phone'
  return undefined
}

const serviceNouns = /^(?:line|lines|helpline|hotline|lifeline|service|number|numéro|ligne|plateforme)$/u

/**
 * A capitalised name right before a bare number labels it: `Windows 11`, `Python 3.11`,
 * `Scope 1 and 2`, `CAC 40`, `ISRCTN 12345678`, `Isère (38)`.
 */
const nameOrVersion: Test = (text, expression) => {
  if (isQuantity(expression) || expression.ordinal || expression.cores.length > 1) return undefined
  const parenthesised = text[expression.start - 1] === '(' && text[expression.end] === ')'
  // `Isère (38)`, `Guadeloupe (971)` are codes; `Italie (6 717)` is a count.
  if (parenthesised && !/^(?:\d{1,2}|97\d)$/u.test(expression.cores[0]!.digits)) return undefined
  // `3,500`, `12 345`, `250'000`, `3,5`: digits grouped or with a decimal comma are written as a
  // quantity; a product's or a version's number never is (`Windows 11`, `Python 3.11`).
  if (/[,\s'’]/u.test(expression.cores[0]!.digits)) return undefined
  // In a language whose decimal mark is a comma, points group thousands: `Rund 40.000 Haushalte`,
  // `Bundesnetzagentur 205.000 Stromsperren` are counts after a noun German capitalises (numerals.ts).
  if (expression.cores[0]!.digits.includes('.') && !expression.decimal) return undefined
  const lead = parenthesised ? wordsBefore(text, expression.start - 1, 1)[0] : leadWord(text, expression.start)
  if (!lead || (lead.detached && !parenthesised) || !/^\p{Lu}/u.test(lead.raw)) return undefined
  if (inLexicon(functionWords, lead) || inLexicon(quantityLeads, lead) || inLexicon(circaWords, lead) || inLexicon(months, lead)) return undefined
  if (!parenthesised && countsAfterCapital(text, expression)) return undefined
  return 'name or version'
}

/**
 * `Tonight 120 people`, `In Manchester 210 children`, `Barnardo's 60 volunteers`: a capitalised
 * word right before a count of people or things, that is capitalised only because it opens the
 * sentence, names a place (after `in`, `across`…) or owns what is counted, does not label it.
 */
function countsAfterCapital(text: string, expression: NumberExpression): boolean {
  const [lead, before] = wordsBefore(text, expression.start, 2)
  if (!lead || lead.detached || !isCountedNoun(wordsAfter(text, expression.end, 1)[0])) return false
  if (/['’]s?$/u.test(lead.raw)) return true
  const start = text.lastIndexOf(lead.raw, expression.start)
  if (start !== -1 && opensSentence(text, start + lead.raw.length)) return true
  return before !== undefined && !before.detached && inLexicon(placePrepositions, before)
}

/** British legal references (oscola.ts): `s 66(2)`, `reg 4(1)`, `vol 763, col 712`, `at [45]`. */
const oscola: Test = (text, expression) =>
  !isQuantity(expression) && (isAbbreviatedDivision(text, expression) || isParagraphPinpoint(text, expression)) ? 'legal reference' : undefined

/** Before `year`, which reads `2022 requires` as a count: `the law of 2022 requires` (dated-years.ts). */
const datingYear: Test = (text, expression) => (!isQuantity(expression) && isDatingYear(text, expression) ? 'year' : undefined)

const tests: readonly Test[] = [address, enumerator, methodNote, date, legal, oscola, documentPart, selfCount, datingYear, year, ordinalLabel, ageOrDuration, phone, nameOrVersion]
