import {currencyCodes, currencyWords, ordinalSuffixes, percentWords, scaleWords, vulgarFractions} from './lexicon.js'
import {apostropheGrouped, compactDigits, pointGrouped} from './digit-groups.js'
import {readDigits, type Numerals} from './numerals.js'

/**
 * A number expression as written: its core digits plus what makes it a quantity
 * (sign, currency, unit, scale word, ordinal ending), and, once merged, a whole range or ratio.
 */
export interface NumberExpression {
  start: number
  end: number
  /** The numeric cores, in order: one, or two for a range or ratio. */
  cores: Array<{start: number; end: number; digits: string; value: number}>
  percent: boolean
  currency: boolean
  scale: boolean
  ordinal: boolean
  multiplier: boolean
  ratio: boolean
  range: boolean
  /** A decimal part was written (`3,5`, `3.5`). */
  decimal: boolean
  /** A vulgar fraction was written (`½`, `2½`): a share or a quantity, never a label. */
  fraction: boolean
}

// French groups by spaces, any of them (`\p{Zs}`: ordinary, no-break, narrow no-break, thin, figure,
// hair…), English by commas; a decimal part may follow. English statistics drop the zero before
// the point (`r = .42`, `p < .05`, `£.75bn`), never after a letter or a digit (`JN.1`, `p.5`).
// A vulgar fraction stands alone or after whole digits (`½`, `2½`). Swiss apostrophes and Belgian
// points group thousands too (`digit-groups.ts`), tried first so that their digits stay one number.
const fractions = `[${[...vulgarFractions.keys()].join('')}]`
const mixedCore = new RegExp(String.raw`${apostropheGrouped}|${pointGrouped}|\d{1,3}(?:\p{Zs}\d{3})+(?:,\d+)?(?!\d)|\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)|\d*${fractions}|\d+(?:[.,]\d+)?|(?<![\p{L}\p{N}.,])\.\d+`, 'gu')
// With a decimal comma (de, es, it, nl, pt…), points group thousands instead of commas: `1.234.567,5`.
const decimalCommaCore = new RegExp(String.raw`${apostropheGrouped}|\d{1,3}(?:\p{Zs}\d{3})+(?:,\d+)?(?!\d)|\d{1,3}(?:\.\d{3})+(?:,\d+)?(?!\d)|\d*${fractions}|\d+(?:[.,]\d+)?|(?<![\p{L}\p{N}.,])\.\d+`, 'gu')

const letter = /\p{L}/u

/** Every numeric core in `text`, read in the report's numerals, expanded with its prefix and suffix, not yet merged. */
export function scanNumbers(text: string, numerals: Numerals = 'mixed'): NumberExpression[] {
  const found: NumberExpression[] = []
  const core = numerals === 'decimal-comma' ? decimalCommaCore : mixedCore
  core.lastIndex = 0
  for (let match = core.exec(text); match; match = core.exec(text)) {
    const start = match.index
    // A core right after another digit is the tail of something we already passed; one inside the
    // expression before it is its unit's (`12 p. 100`).
    if (start > 0 && /\d/.test(text[start - 1]!)) continue
    if (start < (found.at(-1)?.end ?? 0)) continue
    const digits = match[0]
    const expression: NumberExpression = {
      start,
      end: start + digits.length,
      cores: [{start, end: start + digits.length, digits, value: valueOf(digits, numerals)}],
      percent: false,
      currency: false,
      scale: false,
      ordinal: false,
      multiplier: false,
      ratio: false,
      range: false,
      fraction: vulgarFractions.has(digits.at(-1)!),
      decimal: isDecimal(digits, numerals)
    }
    takePrefix(text, expression)
    takeSuffix(text, expression)
    found.push(expression)
  }
  return found
}

/** The numeric value of a core as the report's numerals read it (`100 000`, `100,000`, `3,5`; `17.500` with a decimal comma). */
export function valueOf(digits: string, numerals: Numerals = 'mixed'): number {
  const fraction = vulgarFractions.get(digits.at(-1)!)
  if (fraction !== undefined) return Number(digits.slice(0, -1) || 0) + fraction
  return readDigits(compactDigits(digits, numerals), numerals).value
}

/** Whether a core has a decimal part: `3,5`, `3.25`; not `3,500` in English nor `17.500` with a decimal comma. */
function isDecimal(digits: string, numerals: Numerals): boolean {
  if (numerals === 'decimal-comma') return readDigits(compactDigits(digits, numerals), numerals).decimals !== undefined
  return /[.,]\d{1,2}$/.test(digits) || /^\d*[.,]\d+$/.test(digits) && !/^\d{1,3},\d{3}$/.test(digits)
}

/**
 * What stands before the digits and belongs to the figure: a sign, a currency symbol or code, both
 * in either order (`-£350k`, `£-350k`, `−$3bn`, `EUR 1.2bn`, `A$3m`), or a multiplier's x (`x3`).
 * The sign is kept as written: a deficit reported without its minus says the opposite.
 */
function takePrefix(text: string, expression: NumberExpression): void {
  let at = expression.start
  // `£-350k`, `$−3bn`: a sign between the symbol and the digits, an ASCII hyphen too.
  const inner = /(?:(?<!\p{L})\p{Lu}{1,2}\$|[$€£¥])\p{Zs}?[-+±−]$/u.exec(text.slice(Math.max(0, at - 7), at))
  if (inner) {
    expression.currency = true
    expression.start = at - inner[0].length
    return
  }
  // Five characters: `US$ ` and the one before it, which must be no letter.
  const symbol = currencyCode(text, at) ?? francAbbreviation(text, at) ?? /(?:(?<!\p{L})\p{Lu}{1,2}\$|[$€£¥]|[+±−]|[x×])\p{Zs}?$/u.exec(text.slice(Math.max(0, at - 5), at))
  if (!symbol) {
    if (hyphenSign(text, at)) expression.start = at - 1
    return
  }
  const first = symbol[0].trim()
  const head = at - symbol[0].length
  // `x3` or `×2` is a multiplier only when the x stands alone, not at the end of a word.
  if (/^[x×]$/.test(first) && head > 0 && letter.test(text[head - 1]!)) return
  if (/^[x×]$/.test(first)) expression.multiplier = true
  else if (/[$€£¥]|^\p{Lu}{3}$|^(?:[Ff]r|SFr|sFr)\.$/u.test(first)) expression.currency = true
  at = head
  // `-£350k`, `−$3bn`: a sign before the symbol.
  if (expression.currency && (/[+±−]/u.test(text[at - 1] ?? '') || hyphenSign(text, at))) at -= 1
  expression.start = at
}

/** `EUR 1.2bn`, `CHF12,000`: an ISO code before the amount, standing alone as a word. */
function currencyCode(text: string, at: number): RegExpExecArray | null {
  const code = /(?<![\p{L}\p{N}])(\p{Lu}{3})\p{Zs}?$/u.exec(text.slice(Math.max(0, at - 5), at))
  return code && currencyCodes.has(code[1]!.toLowerCase()) ? code : null
}

/**
 * `Fr. 250'000.–`, `fr. 12.50`: Switzerland's franc abbreviated before the amount. Without it, a
 * capitalised `Fr.` before a bare number read as a name's label (`Windows 11`).
 */
function francAbbreviation(text: string, at: number): RegExpExecArray | null {
  return /(?<!\p{L})(?:[Ff]r|SFr|sFr)\.\p{Zs}?$/u.exec(text.slice(Math.max(0, at - 6), at))
}

/**
 * `-3 %`, `-£350k`: an ASCII hyphen typed for a minus, glued to what follows at the start of a
 * word (not `2020-2024` or `Covid-19`, where a letter or a digit comes before it).
 */
function hyphenSign(text: string, at: number): boolean {
  return text[at - 1] === '-' && (at === 1 || /[\s([:;«"“]/u.test(text[at - 2]!))
}

function knownUnit(word: string): boolean {
  return percentWords.has(word) || scaleWords.has(word) || currencyWords.has(word)
}

function takeSuffix(text: string, expression: NumberExpression): void {
  const rest = text.slice(expression.end, expression.end + 40)
  // `250'000.–`, `12.-`: a Swiss amount's dash for no centimes belongs to it, and says it is money.
  const noCentimes = /^\.[–—-](?!\p{N})/u.exec(rest)
  if (noCentimes) {
    expression.currency = true
    expression.end += noCentimes[0].length
    takeSuffix(text, expression)
    return
  }
  // Glued endings first: `5e`, `1er`, `3rd`, `2.3bn`, `450m`, `40%`, `3x`.
  const glued = /^(\p{L}+|%|‰|[x×](?!\p{L}))/u.exec(rest)
  if (glued) {
    const word = glued[0].toLowerCase()
    if (ordinalSuffixes.has(word)) expression.ordinal = true
    else if (scaleWords.has(word)) expression.scale = true
    else if (word === '%' || word === '‰') expression.percent = true
    else if (word === 'x' || word === '×') expression.multiplier = true
    else if (currencyWords.has(word)) expression.currency = true
    else return
    expression.end += glued[0].length
    takeSuffix(text, expression)
    return
  }
  // Spaced units: `40 %`, `3,5 millions`, `2 millions d'euros`, `12 €`, `10 pour cent`.
  // `p. cent`, `p. 100`, Belgium's `p.c.`: "pour cent" abbreviated, read whole before any other word.
  const spaced = /^\p{Zs}+(%|‰|€|\$|£|pour[ -]cent|per[ -]cent|percent|points? de pourcentage|percentage points?|points?|pts?|p\.\p{Zs}?(?:cent|100)|p\.c\.|(?:Mds?|Mrd|Md|M|G|k|bn|mn|Mio)[€$£]|\p{L}+\.?)(?![\p{L}\p{N}])/u.exec(rest)
  if (!spaced) return
  let word = spaced[1]!.toLowerCase()
  let length = spaced[0].length
  // `12.5 million.` ends its sentence: the full stop is not the word's (`pts.` is).
  if (word.endsWith('.') && !knownUnit(word) && knownUnit(word.slice(0, -1))) {
    word = word.slice(0, -1)
    length -= 1
  }
  if (percentWords.has(word) || /^(pour|per)[ -]cent$|pourcentage|percentage|^p\.\p{Zs}?(?:cent|100)$|^p\.c\.$/u.test(word)) expression.percent = true
  else if (scaleWords.has(word)) expression.scale = true
  else if (currencyWords.has(word)) expression.currency = true
  else return
  expression.end += length
  // `2 millions d'euros`, `3 milliards de dollars`: the currency completes the amount.
  const currencyTail = /^\p{Zs}+(?:d['’]|de |of )(euros?|dollars?|livres?|francs?|pounds?)(?!\p{L})/u.exec(text.slice(expression.end, expression.end + 20))
  if (expression.scale && currencyTail) {
    expression.currency = true
    expression.end += currencyTail[0].length
  }
  takeSuffix(text, expression)
}
