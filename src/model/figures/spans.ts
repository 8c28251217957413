import {circaWords, currencyCodes} from './lexicon.js'
import {reportCitation} from './oscola.js'
import {regionalReferencePatterns} from './regional-references.js'

/**
 * Stretches of prose that hold digits but no figure: phone numbers, clock times, numeric dates,
 * URLs and e-mail addresses, identifiers glued to letters (`COVID-19`, `GPT-4`, `H1N1`).
 * Found first, so that the number scanner never sees their digits as quantities.
 */
export interface Span {
  start: number
  end: number
  why: string
}

const patterns: ReadonlyArray<[string, RegExp]> = [
  ['url', /\b(?:https?:\/\/|www\.)\S+|[\w.+-]+@[\w-]+\.[\w.-]+/gu],
  // French phone numbers: 01 23 45 67 89, 01.23.45.67.89; international: +33 1 23 45 67 89.
  ['phone', /(?<![\d,.])0[1-9](?:[ .\u00A0-]?\d{2}){4}(?!\d)/gu],
  ['phone', /\+\d{1,3}(?:[ .\u00A0-]?(?:\(0\)|\(\d{1,4}\)|\d{1,4})){2,6}(?!\d)/gu],
  // French free numbers written apart: `0 800 13 00 00`, `0 806 001 620`.
  ['phone', /(?<![\d,.])0[ \u00A0]\d{3}(?:[ \u00A0]\d{2,3}){2,3}(?!\d)/gu],
  // Numbers that start with 0 and go on in groups: 03457 48 49 50, 0800 11 11, 01 23 45 67 89.
  ['phone', /(?<![\d,.])0\d{2,4}(?:[ \u00A0]\d{2,4}){2,4}(?![\d,.]\d|[ \u00A0]?%)/gu],
  // UK and similar: 020 7219 3000, 0808 1000 900.
  ['phone', /(?<![\d,.])0\d{2,4}[ \u00A0]\d{3,4}[ \u00A0]\d{3,4}(?!\d)/gu],
  ['phone', /\(\d{3}\)[ \u00A0]?\d{3}[-.]\d{4}|(?<![\d,.])\d{3}[-.]\d{3}[-.]\d{4}(?!\d)/gu],
  // A number called, texted or dialled, in groups: `composez le 3919`, `call 1800 66 66 66`, `text 50808`.
  ['phone', /(?<=\b(?:appelez|appeler|composez|composer|textez|call|dial|text|ring|phone)[ \u00A0]+(?:le[ \u00A0]+|the[ \u00A0]+)?)\d{2,5}(?:[ \u00A0.-]\d{2,4})*(?![\d,.]\d)/giu],
  // Short numbers read in pairs: `le 30 18`, `le 30 20`.
  ['phone', /(?<=\b(?:le|au|du)[ \u00A0]+)\d{2}[ \u00A0]\d{2}(?![\d\p{L}%]|,\d|[ \u00A0]?(?:%|\p{Ll}+s\b))/giu],
  // Opening periods: `24h/24`, `7j/7`, `24 h/24`.
  ['time', /(?<![\d,.])\d{1,3}[ \u00A0]?[hj][ \u00A0]?\/[ \u00A0]?\d{1,3}(?![\d/])/gu],
  // Clock times: 14 h 30, 14h30, 9:45, 9 am, 10 p.m.
  ['time', /(?<![\d,.])\d{1,2}\p{Zs}?h\p{Zs}?\d{2}(?!\d)/gu],
  ['time', /(?<![\d,.])\d{1,2}:\d{2}(?::\d{2})?(?:[ \u00A0]?[ap]\.?m\.?)?(?![\d%])/giu],
  // British clock times: 9.30am, 2.15 p.m., 8 o'clock.
  ['time', /(?<![\d,.])\d{1,2}\.[0-5]\d[ \u00A0]?(?:[ap]\.m\.|[ap]m(?!\p{L}))|(?<![\d,.])\d{1,2}[ \u00A0]o['’]clock/giu],
  // A 24-hour time after a word that says when (`at 18.45`, `after 9.30`, `from 7.30 to 19.30`), or
  // a service named by its time (`the 11.05 to Truro`); never with a unit after it or after the
  // end of its range (`at 2.50%`, `from 7.30 to 5.45 per cent`).
  ['time', twentyFourHour()],
  ['time', /(?<![\d,.])\d{1,2}[ \u00A0]?[ap]\.m\.|(?<![\d,.])\d{1,2}[ \u00A0]?[ap]m(?![\p{L}])/giu],
  ['time', /(?<![\d,.])\d{1,2}\p{Zs}?h(?![\p{L}\d])/gu],
  // A number that names a thing, after the word for the thing: `the number 5 bus`, `stand 4`,
  // `route 42`, `junction 12`, `ligne 4`, `quai 2`; never with a unit after it.
  ['identifier', /(?<=\b(?:number|route|bus|stand|platform|bay|gate|junction|stop|ward|room|ligne|quai|numéro)[ \u00A0])\d{1,4}(?![\d%]|[.,]\d|[ \u00A0]?(?:%|per\b|percent|pour\b|million|billion|bn\b|times|fois|[€$£]))/giu],
  // Pandoc attribute blocks (`{#fig-x width=70%}`): `unsupported-syntax` reports them; their numbers are no figures.
  ['identifier', /\{(?:[#.][\w-]+|[\w-]+=)[^{}\n]*\}/gu],
  // A wiki link's target (`[[Chapitre 3]]`, `[[Annexe 2|les mesures]]`): a note's name, which `unsupported-syntax` reports.
  ['identifier', /\[\[[^[\]|\n]+(?=\||\]\])/gu],
  // Decades: `the '80s`, `the 1990s`, `80s`.
  ['date', /(?<![\p{L}\p{N}])['’]?(?:1[0-9]|20)?\d0s(?!\p{L})/gu],
  // Numeric dates: 05/03/2024, 5.3.2024, 2024-03-05.
  ['date', /(?<![\d,.])\d{1,2}[/.]\d{1,2}[/.](?:\d{4}|\d{2})(?![\d%])/gu],
  ['date', /(?<![\d,.])\d{4}-\d{2}-\d{2}(?!\d)/gu],
  // Identifiers: letters glued to digits, optionally through a hyphen (COVID-19, GPT-4o, H1N1, R3, FY2023).
  ['identifier', /(?<![\p{L}\p{N}])(?![x×]\d)[\p{L}][\p{L}&]*(?:[-_+]|\.(?=\d))?\d+(?:[.\-_/]?[\p{L}\p{N}]+)*/gu],
  // Digits glued to letters that are no unit (5G, 3D, 4K), but not `5e`, `3rd`, `2bn`, `40%`.
  ['identifier', /(?<![\p{L}\p{N},.])\d+(?!M€|Mds?(?!\p{L})|Mrd|M(?!\p{L})|MM)[A-Z][\p{L}\p{N}]*/gu],
  // A year in brackets inside an identifier: the Council of Europe's `CM/Rec(2018)7`, `Rec(2001)16`.
  ['identifier', /(?<![\p{L}\p{N}])\p{L}[\p{L}/]*\(\d{4}\)\d+/gu],
  // Chains joined by slashes, a part hyphenated too: 2011/93/UE, 2024/1689, 24/7, a case's `2312345/4-1`.
  ['identifier', /(?<![\p{L}\p{N}])\d+(?:\/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*)+/gu],
  // A law report or journal by year, volume and page: `[2003] 1 Cr App R 28`, `(2019) 83 J Crim L 112, 115`.
  ['legal reference', reportCitation],
  // Switzerland's, Belgium's and Québec's: court decisions, parliamentary business, helplines.
  ...regionalReferencePatterns
]

/** `18.45` read as a time where the words around say so (see its use in `patterns`). */
function twentyFourHour(): RegExp {
  const time = String.raw`(?:[01]?\d|2[0-3])\.[0-5]\d`
  const unit = String.raw`[ \u00A0]?(?:%|per\b|percent|million|billion|bn\b|m\b|k\b|points?\b|pence\b|p\b)`
  const noUnit = String.raw`(?![\d%]|[.,]\d|${unit}|[ \u00A0]?(?:to|and|[-–])[ \u00A0]?\d{1,2}[.,]\d+${unit})`
  const when = String.raw`(?<=\b(?:at|after|before|until|till|from|between)[ \u00A0])`
  const rangeEnd = String.raw`(?<=\b(?:from|between)[ \u00A0]${time}[ \u00A0]?(?:to|and|until|till|[-–])[ \u00A0]?)`
  const service = String.raw`(?<=\bthe[ \u00A0])(?=${time}[ \u00A0](?:to|from|service|train|bus|departure)\b)`
  return new RegExp(String.raw`(?:${when}|${rangeEnd}|${service})${time}${noUnit}`, 'giu')
}

/** Every span of `text` whose digits are not quantities, in document order. */
export function findNonFigureSpans(text: string): Span[] {
  const spans: Span[] = []
  for (const [why, pattern] of patterns) {
    pattern.lastIndex = 0
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
      // A simple fraction (`1/3`, `2/3 des dépenses`) is a figure, not an identifier.
      if (why === 'identifier' && isFraction(match[0])) continue
      // `c.4,500`, `ca.300`, `approx.1,200`: "about" abbreviated and glued, then a number.
      if (why === 'identifier' && isCirca(match[0])) continue
      // `EUR1.2bn`, `CHF12,000`: a currency's code glued to the amount.
      if (why === 'identifier' && currencyCodes.has(/^\p{Lu}{3}(?=\d)/u.exec(match[0])?.[0].toLowerCase() ?? '')) continue
      // `+17 000` is a change, not an international number: those have eight digits or more.
      if (why === 'phone' && match[0].startsWith('+') && match[0].replace(/\D/gu, '').length < 8) continue
      if (/\d/.test(match[0])) spans.push({start: match.index, end: match.index + match[0].length, why})
    }
  }
  return spans.sort((a, b) => a.start - b.start)
}

/** The span that holds `index`, if any. */
export function spanAt(spans: readonly Span[], index: number): Span | undefined {
  for (const span of spans) {
    if (span.start > index) return undefined
    if (index < span.end) return span
  }
  return undefined
}

function isCirca(text: string): boolean {
  const word = /^(\p{L}+\.)\d/u.exec(text)?.[1]
  // `C.2` is a table's or an annex's number; circa's `c.` is written in lower case.
  return word !== undefined && word !== 'C.' && circaWords.has(word.toLowerCase())
}

function isFraction(text: string): boolean {
  const parts = /^(\d{1,2})\/(\d{1,2})$/u.exec(text)
  return parts !== null && Number(parts[1]) < Number(parts[2])
}
