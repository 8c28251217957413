/**
 * Locators, as Pandoc's citeproc reads them at the start of a citation suffix
 * (`Text.Pandoc.Citeproc.Locator`): an optional comma, then either a locator in braces
 * (`{pp. iv, vi-xi}`) or a term followed by locator words (`pp. 33, 35-37`), or locator words with
 * a digit alone (`33-35`, an implicit page).
 *
 * The grammar runs on an array of character codes, so that the micromark tokenizer (which buffers
 * the codes after a key, see `syntax.ts`) and plain strings (`splitLocator`, `to-markdown.ts`)
 * share one implementation. It never sees a document, only the text after one key.
 */

/**
 * Locator terms and their CSL 1.0.2 locator labels: the long and short forms, singular and plural,
 * of the en-US and fr-FR CSL locales, and a few more that French writers use (`ch.`, `t.`, `n°`,
 * `al.`, `annexe`). A space in a term matches any run of whitespace. Terms are matched without
 * regard to case.
 *
 * Pandoc reads the seventeen locator terms of the document's locale; this table also has the CSL
 * 1.0.2 labels Pandoc does not map (`article-locator`, `appendix`, `equation`, `table`…).
 */
const terms: ReadonlyArray<readonly [label: string, forms: readonly string[]]> = [
  ['page', ['p.', 'pp.', 'page', 'pages']],
  ['chapter', ['ch.', 'chap.', 'chaps.', 'chapter', 'chapters', 'chapitre', 'chapitres']],
  ['section', ['§', '§§', 'sec.', 'secs.', 'sect.', 'section', 'sections']],
  ['paragraph', ['¶', '¶¶', 'para.', 'paras.', 'paragr.', 'paragraph', 'paragraphs', 'paragraphe', 'paragraphes', 'al.', 'alinéa', 'alinéas']],
  ['article-locator', ['art.', 'arts.', 'article', 'articles']],
  ['figure', ['fig.', 'figs.', 'figure', 'figures']],
  ['volume', ['vol.', 'vols.', 'volume', 'volumes', 't.', 'tome', 'tomes']],
  ['issue', ['no.', 'nos.', 'n°', 'n°s', 'nᵒ', 'nᵒˢ', 'numéro', 'numéros', 'issue', 'issues']],
  ['line', ['l.', 'll.', 'line', 'lines', 'ligne', 'lignes']],
  ['appendix', ['app.', 'apps.', 'append.', 'appendix', 'appendices', 'appendice', 'annexe', 'annexes']],
  ['note', ['n.', 'nn.', 'note', 'notes']],
  ['book', ['bk.', 'bks.', 'book', 'books', 'livre', 'livres']],
  ['part', ['pt.', 'pts.', 'part.', 'part', 'parts', 'partie', 'parties']],
  ['verse', ['v.', 'vv.', 'verse', 'verses', 'verset', 'versets']],
  ['column', ['col.', 'cols.', 'column', 'columns', 'colonne', 'colonnes']],
  ['opus', ['op.', 'opp.', 'opus', 'opera']],
  ['folio', ['fol.', 'fols.', 'fᵒ', 'fᵒˢ', 'folio', 'folios']],
  ['sub-verbo', ['s.v.', 's. v.', 's.vv.', 'sub verbo', 'sub verbis']],
  ['equation', ['eq.', 'eqq.', 'eqt.', 'equation', 'equations', 'équation', 'équations']],
  ['table', ['tab.', 'tbl.', 'tbls.', 'table', 'tables', 'tableau', 'tableaux']],
  ['scene', ['sc.', 'scs.', 'scene', 'scenes', 'scène', 'scènes']],
  ['canon', ['can.', 'cann.', 'canon', 'canons']],
  ['rule', ['rule', 'rules', 'règle', 'règles']],
  ['supplement', ['supp.', 'supps.', 'suppl.', 'supplement', 'supplements', 'supplément', 'suppléments']],
  ['title-locator', ['tit.', 'titt.', 'title', 'titles', 'titre', 'titres']],
  ['act', ['act', 'acts', 'acte', 'actes']],
  ['elocation', ['loc.', 'locs.', 'location', 'locations']],
  ['version', ['version', 'versions']]
]

/** Every form, longest first, so that `pp.` wins over `p.` and `pages` over `page`. */
const forms: ReadonlyArray<{form: string; label: string}> = terms
  .flatMap(([label, list]) => list.map((form) => ({form: form.toLowerCase(), label})))
  .sort((a, b) => b.form.length - a.form.length)

/** CSL label of a term as written (`PP.`, `s.\u00a0v.`), or `undefined`. */
export function locatorLabel(term: string): string | undefined {
  const folded = collapseWhitespace(term).toLowerCase()
  return forms.find((entry) => entry.form === folded)?.label
}

/** Half-open range of code indices. */
export interface Span {
  start: number
  end: number
}

/** What `matchLocator` finds at the start of the text after a key. */
export interface LocatorMatch {
  /** End of the comma and whitespace before the locator, or before the suffix when there is none. */
  gapEnd: number
  /** The locator, with its braces when it has some; `undefined` if there is none. */
  locator?: (Span & {braced: boolean; term: Span | undefined; value: Span}) | undefined
  /**
   * Start of the suffix: the end of the gap or of the locator; after empty braces (`{}`, no
   * locator, the rest is all suffix), after the comma and whitespace that follow them.
   */
  suffixStart: number
}

/** One character of the text, with a backslash escape (`\[`) taken as the character it escapes. */
interface Unit {
  char: string
  start: number
  end: number
}

/**
 * Find the locator at the start of `codes`, the text after a key (`, pp. 33-35 and passim`).
 *
 * Codes are UTF-16 code units, or micromark's negative codes for line endings, tabs and virtual
 * spaces (all whitespace here). Backslash escapes count as the character they escape.
 */
export function matchLocator(codes: readonly number[]): LocatorMatch {
  const units = toUnits(codes)
  const at = (index: number) => units[index]?.start ?? codes.length

  // Pandoc: an optional comma and an optional space. Whitespace before the comma is allowed too.
  let index = skipSpace(units, 0)
  if (units[index]?.char === ',') index = skipSpace(units, index + 1)
  const gapEnd = at(index)

  const braced = matchBraced(units, index)
  if (braced) {
    let suffixStart = braced.end
    // `[@smith{}, 99 years later]`: no locator, and the comma after the braces is not suffix.
    if (braced.value.start === braced.value.end) {
      let next = units.findIndex((unit) => unit.start >= braced.end)
      if (next < 0) next = units.length
      next = skipSpace(units, next)
      if (units[next]?.char === ',') next = skipSpace(units, next + 1)
      suffixStart = at(next)
    }
    return {gapEnd, locator: {...braced, start: gapEnd}, suffixStart}
  }
  const integrated = matchIntegrated(units, index)
  if (integrated) return {gapEnd, locator: {...integrated, start: gapEnd}, suffixStart: integrated.end}
  return {gapEnd, suffixStart: gapEnd}

  /** `{term value}`: braces and brackets balanced inside; the term is optional. */
  function matchBraced(list: Unit[], from: number) {
    if (list[from]?.char !== '{') return undefined
    const close = closingBrace(list, from)
    if (close === undefined) return undefined
    const inner = skipSpace(list, from + 1)
    const term = matchTerm(list, inner, close)
    const valueStart = term ? skipSpace(list, term.end) : inner
    let valueEnd = close
    while (valueEnd > valueStart && isSpace(list[valueEnd - 1]!.char)) valueEnd--
    return {
      end: at(close + 1),
      braced: true,
      term: term ? {start: at(inner), end: at(term.end)} : undefined,
      value: {start: at(valueStart), end: valueStart < valueEnd ? list[valueEnd - 1]!.end : at(valueStart)}
    }
  }

  /** `term word, word …` or `word, word …` (the latter with a digit in every word). */
  function matchIntegrated(list: Unit[], from: number) {
    for (const entry of termsAt(list, from, list.length)) {
      const valueStart = skipSpace(list, entry.end)
      const end = matchWords(list, valueStart, false)
      if (end !== undefined) return {end: list[end - 1]!.end, braced: false, term: {start: at(from), end: at(entry.end)}, value: {start: at(valueStart), end: list[end - 1]!.end}}
    }
    const end = matchWords(list, from, true)
    if (end === undefined) return undefined
    return {end: list[end - 1]!.end, braced: false, term: undefined, value: {start: at(from), end: list[end - 1]!.end}}
  }
}

/**
 * Split the text after a key (`, pp. 33-35 and passim`) into locator and suffix, as the parser
 * does: `{locator: 'pp. 33-35', label: 'page', locatorValue: '33-35', suffix: 'and passim'}`.
 * The suffix is raw (escapes kept) and whitespace-collapsed.
 */
export function splitLocator(raw: string): {locator: string; label: string | undefined; locatorValue: string; suffix: string} {
  const codes = Array.from({length: raw.length}, (_, index) => raw.charCodeAt(index))
  const match = matchLocator(codes)
  const found = match.locator
  const suffix = collapseWhitespace(raw.slice(match.suffixStart))
  if (!found) return {locator: '', label: undefined, locatorValue: '', suffix}
  const parts = locatorParts(raw.slice(found.start, found.end), found.term ? raw.slice(found.term.start, found.term.end) : undefined, raw.slice(found.value.start, found.value.end))
  return {...parts, suffix}
}

/** Locator, label and value from the source slices of a locator, its term and its value. */
export function locatorParts(locator: string, term: string | undefined, value: string): {locator: string; label: string | undefined; locatorValue: string} {
  const braced = locator.startsWith('{') && locator.endsWith('}')
  const text = plainText(braced ? locator.slice(1, -1) : locator)
  const locatorValue = plainText(value)
  if (term === undefined && bracketedParagraphs.test(locatorValue)) return {locator: text, label: 'paragraph', locatorValue: locatorValue.replace(/[[\]]/gu, '')}
  const label = term === undefined ? (text ? 'page' : undefined) : locatorLabel(plainText(term))
  return {locator: text, label, locatorValue}
}

/**
 * A locator of numbers in square brackets alone (`[45]`, `[39]-[52]`, `[39-52]`, `[12], [15]`):
 * paragraphs, as OSCOLA and the courts that number them write a pinpoint. Pandoc reads it as a
 * page (`p. [45]`); here it is the label `paragraph`, its numbers without brackets, which the style
 * prints in its own form (OSCOLA's `[45]`, `para. 45` in rapporteur's English style).
 */
const bracketedParagraphs = /^\[\d+[a-z]?(?:[-–]+\d+[a-z]?)?\](?:\s*(?:[-–]+|,|;|,?\s*and|&)\s*\[\d+[a-z]?(?:[-–]+\d+[a-z]?)?\])*$/u

/**
 * Locator and suffix as one reading: `p. 16, nous soulignons`, `pp. 33-35 and passim`. A suffix
 * that starts with punctuation is glued to the locator; any other gets a space.
 */
export function locatorAndSuffix(item: {locator: string; suffix: string}, suffix: string = item.suffix): string {
  if (!item.locator) return suffix
  if (!suffix) return item.locator
  return item.locator + (gluesToLocator(suffix) ? '' : ' ') + suffix
}

/** Whether a suffix is written right after its locator, without a space (`p. 16, passim`, `p. 16.`). */
export function gluesToLocator(suffix: string): boolean {
  return /^(?:\\?[,.;:!?)\]}»”’…]|\\?-)/u.test(suffix)
}

/** Collapse whitespace runs (line endings of wrapped prose included) and trim. */
export function collapseWhitespace(value: string): string {
  return value.replace(/\s+/gu, ' ').trim()
}

/** Text of a locator slice: Markdown escapes resolved, whitespace collapsed. */
export function plainText(value: string): string {
  return collapseWhitespace(value.replace(/\\([!-/:-@[-`{-~])/g, '$1'))
}

/** Terms that start at `from`, longest first, each followed by a term boundary. */
function termsAt(units: Unit[], from: number, limit: number): Array<{label: string; end: number}> {
  const found: Array<{label: string; end: number}> = []
  for (const {form, label} of forms) {
    const end = matchForm(units, from, limit, form)
    if (end !== undefined) found.push({label, end})
  }
  return found
}

/** The longest term at `from` (before `limit`). */
function matchTerm(units: Unit[], from: number, limit: number): {label: string; end: number} | undefined {
  return termsAt(units, from, limit)[0]
}

/** End of `form` matched at `from`, or `undefined`. A form ending in a letter must not run into a word. */
function matchForm(units: Unit[], from: number, limit: number, form: string): number | undefined {
  let index = from
  for (const char of form) {
    if (char === ' ') {
      if (index >= limit || !isSpace(units[index]!.char)) return undefined
      index = skipSpace(units, index)
      continue
    }
    if (index >= limit || units[index]!.char.toLowerCase() !== char) return undefined
    index++
  }
  if (/\p{L}$/u.test(form) && index < limit && /[\p{L}\p{N}]/u.test(units[index]!.char)) return undefined
  return index
}

/**
 * Locator words from `from`: `33`, `, 35-37`, ` xii`… Each must hold a digit (`needDigit`, for a
 * locator without a term) or a digit or a Roman numeral. Returns the end of the last word.
 */
function matchWords(units: Unit[], from: number, needDigit: boolean): number | undefined {
  const first = matchWord(units, from)
  if (!first || !accepts(first)) return undefined
  let end = first.end
  for (;;) {
    let index = end
    if (units[index]?.char === ',' || units[index]?.char === ';') index++
    index = skipSpace(units, index)
    const next = matchWord(units, index)
    if (!next || !accepts(next)) return end
    end = next.end
  }

  function accepts(word: Word): boolean {
    return needDigit ? word.digit : word.digit || word.roman
  }
}

interface Word {
  end: number
  digit: boolean
  roman: boolean
}

/**
 * One locator word: runs of characters that are neither whitespace nor punctuation (except `-`,
 * `–` and `:`), with inner dots (`4.4.8`), and balanced `()`, `[]` or `{}` groups (`123(4)[5]`).
 */
function matchWord(units: Unit[], from: number): Word | undefined {
  const word: Word = {end: from, digit: false, roman: false}
  let index = from
  for (;;) {
    const char = units[index]?.char
    if (char === undefined) break
    if (char in closers) {
      const group = matchGroup(units, index)
      if (!group) break
      merge(group)
      index = group.end
      continue
    }
    if (!isRunChar(char)) break
    let end = index
    while (end < units.length && (isRunChar(units[end]!.char) || (units[end]!.char === '.' && end + 1 < units.length && isRunChar(units[end + 1]!.char)))) end++
    const text = units.slice(index, end).map((unit) => unit.char).join('')
    if (/[0-9]/.test(text)) word.digit = true
    if (text.split(/[-–:.]/).some(isRoman)) word.roman = true
    index = end
  }
  if (index === from) return undefined
  word.end = index
  return word

  function merge(inner: Word): void {
    word.digit ||= inner.digit
    word.roman ||= inner.roman
  }
}

const closers: Record<string, string> = {'(': ')', '[': ']', '{': '}'}

/** `(…)`, `[…]` or `{…}` around at most one word. */
function matchGroup(units: Unit[], from: number): Word | undefined {
  const close = closers[units[from]!.char]!
  const inner = matchWord(units, from + 1)
  const end = inner ? inner.end : from + 1
  if (units[end]?.char !== close) return undefined
  return {end: end + 1, digit: inner?.digit ?? false, roman: inner?.roman ?? false}
}

/** Index of the `}` closing the `{` at `from`, with `{}` and `[]` balanced inside. */
function closingBrace(units: Unit[], from: number): number | undefined {
  const stack: string[] = []
  for (let index = from; index < units.length; index++) {
    const char = units[index]!.char
    if (char === '{' || char === '[') stack.push(char === '{' ? '}' : ']')
    else if (char === '}' || char === ']') {
      if (stack.pop() !== char) return undefined
      if (stack.length === 0) return index
    }
  }
  return undefined
}

/**
 * A character of a locator word: not whitespace, not punctuation other than `-`, `–`, `:`, and
 * not `$`, which starts TeX maths (`[@a, $x^2$]` has a suffix, no locator, as in Pandoc).
 */
function isRunChar(char: string): boolean {
  if (isSpace(char) || char === '$') return false
  if (char === '-' || char === '–' || char === ':') return true
  return !/[\p{P}]/u.test(char)
}

function isRoman(text: string): boolean {
  return text.length > 0 && /^m{0,4}(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})$/i.test(text)
}

function isSpace(char: string): boolean {
  return char === '' || /\s/u.test(char)
}

function skipSpace(units: Unit[], from: number): number {
  let index = from
  while (index < units.length && isSpace(units[index]!.char)) index++
  return index
}

/**
 * Characters of the text, an escape (`\[`) as the character it escapes. micromark's negative
 * codes (line endings, tabs, virtual spaces) become `''`, which counts as whitespace; the halves
 * of an astral character stay apart, which is enough here (they are never terms or digits).
 */
function toUnits(codes: readonly number[]): Unit[] {
  const units: Unit[] = []
  for (let index = 0; index < codes.length; index++) {
    const code = codes[index]!
    const next = codes[index + 1]
    if (code === 92 && next !== undefined && isAsciiPunctuation(next)) {
      units.push({char: String.fromCharCode(next), start: index, end: index + 2})
      index++
    } else units.push({char: code < 0 ? '' : String.fromCharCode(code), start: index, end: index + 1})
  }
  return units
}

function isAsciiPunctuation(code: number): boolean {
  return (code >= 33 && code <= 47) || (code >= 58 && code <= 64) || (code >= 91 && code <= 96) || (code >= 123 && code <= 126)
}
