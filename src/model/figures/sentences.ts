import {OPAQUE} from '../text/flatten.js'
import {abbreviationsOf, figureEndsSentence, sentenceEndingAbbreviations} from './sentence-abbreviations.js'

/**
 * Sentence boundaries in a block's flattened prose, as [start, end) pairs covering the text.
 * A terminator ends a sentence when a capital, digit, quote or bracket follows after white space,
 * except after an abbreviation of the report's language (`p.`, `M.`, `cf.`; `Mrd.`, `z. B.` in
 * German) or an initial (`J. Dupont`). A citation or
 * footnote call glued after the terminator (`…40 %.[^1]`) stays with the sentence it closes.
 */
export function sentenceRanges(text: string, lang?: string): Array<[number, number]> {
  const abbreviations = abbreviationsOf(lang)
  const ranges: Array<[number, number]> = []
  let start = 0
  const terminator = /[.!?…]+["»”)’]*/gu
  for (let match = terminator.exec(text); match; match = terminator.exec(text)) {
    let end = match.index + match[0].length
    while (text[end] === OPAQUE) end++
    const next = /^[\s\u00A0\u202F]+(.)/u.exec(text.slice(end, end + 8))
    if (!next || !/[\p{Lu}\d«"“(\[¿¡]/u.test(next[1]!)) continue
    if (match[0][0] === '.' && !figureEndsSentence(text, match.index, lang) && isAbbreviation(text, match.index, next[1]!, abbreviations)) continue
    ranges.push([start, end])
    start = end
    terminator.lastIndex = end
  }
  ranges.push([start, text.length])
  return ranges
}

function isAbbreviation(text: string, dot: number, nextChar: string, abbreviations: ReadonlySet<string>): boolean {
  const word = /(?:^|[\s\u00A0\u202F(«"“])([^\s\u00A0\u202F(«"“]*)$/u.exec(text.slice(Math.max(0, dot - 20), dot))?.[1] ?? ''
  const lower = `${word.toLowerCase()}.`
  // `etc.`, `usw.` often end a sentence: split when a capitalised word follows.
  if (sentenceEndingAbbreviations.has(lower) && abbreviations.has(lower)) return !/\p{Lu}/u.test(nextChar)
  if (abbreviations.has(lower)) return true
  // One written in parts, `z. B.`, `u. a.`, `p. ej.`: the first part before the rest, the last after the first.
  const ahead = /^[\s\u00A0\u202F]?(\p{L}{1,4}\.)/u.exec(text.slice(dot + 1, dot + 8))
  if (ahead && abbreviations.has(`${lower}${ahead[1]!.toLowerCase()}`)) return true
  const behind = /(?:^|[\s\u00A0\u202F(])(\p{L}{1,4}\.)[\s\u00A0\u202F]?$/u.exec(text.slice(Math.max(0, dot - word.length - 8), dot - word.length))
  if (behind && abbreviations.has(`${behind[1]!.toLowerCase()}${lower}`)) return true
  // Initials and acronyms with dots: `J. Dupont`, `U.S.`, `O.N.U.`.
  return /^(?:\p{Lu}|(?:\p{L}\.)+\p{L})$/u.test(word)
}
