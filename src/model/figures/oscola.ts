import {isCountedNoun, isLengthOfTime, leadWord, opensSentence, wordsAfter, wordsBefore, type Word} from './context.js'
import {words} from './lexicon.js'
import type {NumberExpression} from './scan.js'

/**
 * Legal references as British lawyers write them (OSCOLA): abbreviations without full stops
 * (`s 66(2)`, `reg 4(1)`, `cl 36`, `art 14`, `n 45`, `vol 763, col 712`), paragraph pinpoints in
 * square brackets (`at [45]`) and law reports and journals cited by year, volume and page
 * (`[2003] 1 Cr App R 28`, `(2019) 83 J Crim L 112, 115`). Their numbers point into a text.
 */

/**
 * OSCOLA's abbreviations of a text's divisions, as written: in lower case and without a full
 * stop, since OSCOLA writes them out in full where a sentence starts (`Section 66`); the few it
 * capitalises (`Art 8`, `Sch 2`, `Pt 3`) with their capital. Matched case-sensitively, so that `S`
 * or `N` as a name or a variable is not one. Not `No`, `Nos`: `No 1` is already read as a name's
 * number, and `Nos` is French's `our` (`Nos 46 associations`). The dotted forms other styles use
 * (`cl.`, `n.`, `col.`) are here too where no other list reads them.
 */
const divisionAbbreviations = words(`
  s ss reg regs cl cls cl. art arts Art Arts para paras sch schs Sch Schs pt pts Pt Pts ch chs Ch r rr
  n nn n. nn. subs sub-s vol vols col cols col. cols. fn fns
`)

/**
 * Whether an abbreviation of a division stands before the number: the word right before it, or
 * the lead of a chain (`ss 66 and 67`, `arts 8 and 14`). Only a whole number, or a range of two,
 * as a division's number is written (`66`, `4(1)`, `ss 12–14`). Not before a count or a length of
 * time (`s 12 cases were reported`, `in reg 12 months`): a division's number is followed by what
 * it says (`s 66 applies`, `reg 4 requires`), a verb in -s that the count test would take for a
 * plural, hence `statuteVerbs`; `s 66 applies to 2,400 providers` keeps `2,400` a figure.
 */
export function isAbbreviatedDivision(text: string, expression: NumberExpression): boolean {
  if (expression.cores.length > 2 || !expression.cores.every((core) => /^\d{1,4}$/u.test(core.digits))) return false
  const after = wordsAfter(text, expression.end, 1)[0]
  if (after && !after.detached && !statuteVerbs.has(after.norm) && (isCountedNoun(after) || isLengthOfTime(after))) return false
  const nearest = wordsBefore(text, expression.start, 1)[0]
  if (nearest && !nearest.detached && (isDivisionAbbreviation(nearest) || opensWithDivision(nearest, text, expression))) return true
  const lead = leadWord(text, expression.start)
  return lead !== undefined && isDivisionAbbreviation(lead) && !isCountedNoun(after)
}

/** What a provision does, after its number: verbs in -s, not counts (`s 66 applies`, `reg 4 requires`). */
const statuteVerbs = words(`
  applies provides requires states says sets makes gives allows prohibits creates defines deals extends
  includes permits imposes contains amends repeals confers enables empowers specifies lists means
  establishes introduces covers governs replaces inserts substitutes reads refers concerns obliges
`)

function isDivisionAbbreviation(word: Word): boolean {
  // `Footnote 12` may open a sentence, as `see footnote 12` goes on one.
  return divisionAbbreviations.has(word.raw) || /^(?:foot|end)notes?$/iu.test(word.raw)
}

/**
 * An abbreviation capitalised where it opens a sentence (`Reg 4 covers…`, `S 12 applies…`), as
 * writers do where OSCOLA would write the word in full.
 */
function opensWithDivision(word: Word, text: string, expression: NumberExpression): boolean {
  return /^\p{Lu}\p{Ll}*\.?$/u.test(word.raw) && divisionAbbreviations.has(word.raw.toLowerCase()) && opensSentence(text, expression.start)
}

/**
 * A paragraph pinpoint: a bare number alone in square brackets after `at` or `paras`, or after
 * another pinpoint (`at [45]`, `at [45]–[47]`, `paras [12] and [14]`). An editor's insertion in a
 * quotation (`there were [45] such cases`) has no such word before it, and stays a figure.
 */
export function isParagraphPinpoint(text: string, expression: NumberExpression): boolean {
  if (expression.cores.length > 1 || text[expression.start - 1] !== '[' || text[expression.end] !== ']') return false
  const before = text.slice(Math.max(0, expression.start - 12), expression.start - 1)
  return /(?:\b(?:at|paras?|and|to)|\][ \u00A0]*(?:[-–,]|and|to))[ \u00A0]*$/u.test(before)
}

/**
 * A law report or journal cited by year, volume and page: `[2003] 1 Cr App R 28`, `[2024] UKSC 5`,
 * `(2019) 83 J Crim L 112, 115`. The year in brackets, an optional volume, the report's or
 * journal's abbreviation in capitalised words, the first page and any pinpoints after commas.
 */
export const reportCitation =
  /[[(](?:1[5-9]|20)\d{2}[\])][ \u00A0]+(?:\d{1,4}[ \u00A0]+)?(?:\(?\p{Lu}[\p{L}&.]*\)?[ \u00A0]+){1,6}\d{1,5}(?:,[ \u00A0]*\d{1,5}(?:[-–]\d{1,5})?)*(?![\d,.]\d|[ \u00A0]?%)/gu
