import type {Element, Root, Text} from 'hast'
import {hasClass, ISOLATED, NOT_PROSE, NOT_PROSE_CLASSES, ownLang, PHRASING, primaryLanguage} from './hast.js'

/**
 * French spacing, applied to the text of a hast tree when the language is French (`fr`, `fr-CA`…):
 *
 * - U+202F NARROW NO-BREAK SPACE before `;` `!` `?` `»` and after `«`;
 * - U+00A0 NO-BREAK SPACE before `:`. French usage (Imprimerie nationale) puts a full word space
 *   before the colon and a thin one before the other high punctuation; keeping the two apart
 *   also makes the colon read as the stronger break it is;
 * - U+202F between the groups of a number written with spaces (`100 000`, `100 000`);
 * - U+202F between a number and `%` or `€` (`40 %`, `5 000 €`).
 *
 * In Québec (`fr-CA`), as the Office québécois de la langue française has it, `;` `!` `?` take no
 * space: none is added, and one typed before them is taken out; the colon, the guillemets, the digit
 * groups and the units are spaced as above.
 *
 * A space already there (ordinary, no-break, thin, a line break, or several) becomes the right one;
 * a missing one is added (`«Bonjour»` → `« Bonjour »`, `Attention!` → `Attention !`), except:
 * never inside URLs or e-mail addresses, `code`/`pre`/`kbd`/`samp`/`var`/`script`/`style`,
 * typeset maths (`.rp-math`), or attribute values; a colon gets a space added only when a space
 * or the end follows it, so clock times (`14:30`), ratios (`3:1`) and `scheme:` strings keep
 * theirs; doubled marks (`?!`) and a mark right after an opening bracket or quote (`(!)`) get none.
 *
 * Digit runs without spaces are left as typed: a five-digit run is as often a postal code or an
 * identifier (`75000 Paris`) as a quantity, and the writer knows which.
 *
 * The text of each block (paragraph, list item, cell…) is read as one string across its inline
 * elements, so `<em>Attention</em>!` and `«<a>texte</a>»` are spaced too. Elements with a `lang`
 * attribute follow it: an English quotation in a French report is left alone, and a French one in
 * an English report is spaced. Running it twice changes nothing.
 */
export interface FrenchSpacingOptions {
  /** The document's language (BCP 47); elements with their own `lang` attribute follow theirs. */
  lang: string
}

export const NARROW_NBSP = '\u202F'
export const NBSP = '\u00A0'

/** True for French in any region: `fr`, `fr-FR`, `fr-CA`. */
export function isFrench(lang: string): boolean {
  return primaryLanguage(lang) === 'fr'
}

/** The spacing a French text follows: Québec's (`fr-CA`, no space before `; ! ?`) or France's (every other region); false for another language. */
type Style = 'france' | 'quebec' | false

function styleOf(lang: string): Style {
  if (!isFrench(lang)) return false
  return /^fr(?:-[a-z]{4})?-ca(?:-|$)/iu.test(lang) ? 'quebec' : 'france'
}

/** Apply French spacing to the text of `tree`, in place. */
export function frenchSpacing(tree: Root | Element, options: FrenchSpacingOptions): void {
  const pieces: Piece[] = []
  const style = styleOf(options.lang)
  walk(tree, style, pieces)
  flush(pieces, style)
}

/** The same as a rehype plugin: `unified().use(rehypeFrenchSpacing, {lang: 'fr'})`. */
export function rehypeFrenchSpacing(options: FrenchSpacingOptions): (tree: Root) => void {
  return (tree) => frenchSpacing(tree, options)
}

/** French spacing on a plain string (a title, a label), as if it were one paragraph; `lang` for its region (`fr-CA`). */
export function frenchSpacingText(text: string, lang = 'fr'): string {
  const node: Text = {type: 'text', value: text}
  applyRules([{node, text}], styleOf(lang) || 'france')
  return node.value
}

/** A stretch of a block's text: a text node's value, or a stand-in for what must not change. */
interface Piece {
  node?: Text
  text: string
  /** Which sub- or superscript the text is in (0: none), so that digits are not grouped across its edges. */
  script?: number
}

/** Stands for code, images, notes and foreign-language spans: a non-space that is never edited. */
const OPAQUE = '\uFFFC'
const OPAQUE_PIECE: Piece = {text: OPAQUE}
const LINE_BREAK: Piece = {text: '\n'}

/** Elements whose text is not prose. */
const SKIPPED = new Set([...NOT_PROSE, 'img', 'input'])

/** Sub- and superscripts: read with the sentence (`1<sup>er</sup>`, `10<sup>6</sup> €`), but their digits are their own. */
const SCRIPTS = new Set(['sub', 'sup'])
let scripts = 0

function walk(parent: Root | Element, french: Style, pieces: Piece[], script = 0): void {
  for (const child of parent.children) {
    if (child.type === 'text') {
      if (french) pieces.push({node: child, text: child.value, script})
    } else if (child.type === 'element') {
      visitElement(child, french, pieces, script)
    }
  }
}

function visitElement(element: Element, french: Style, pieces: Piece[], script: number): void {
  const tag = element.tagName
  if (SKIPPED.has(tag) || hasClass(element, NOT_PROSE_CLASSES)) {
    if (french) pieces.push(OPAQUE_PIECE)
    return
  }
  if (tag === 'br') {
    if (french) pieces.push(LINE_BREAK)
    return
  }
  const lang = ownLang(element)
  const inner = lang === undefined ? french : styleOf(lang)
  const inline = PHRASING.has(tag)
  if (inline && inner === french && !hasClass(element, ISOLATED)) {
    walk(element, french, pieces, SCRIPTS.has(tag) ? ++scripts : script)
    return
  }
  if (inline) {
    // Another language or a note inside a sentence: the sentence sees one opaque character.
    if (french) pieces.push(OPAQUE_PIECE)
    const own: Piece[] = []
    walk(element, inner, own)
    flush(own, inner)
    return
  }
  // A block ends the text before it and starts its own.
  flush(pieces, french)
  walk(element, inner, pieces)
  flush(pieces, inner)
}

function flush(pieces: Piece[], style: Style): void {
  if (style && pieces.some((piece) => piece.node)) applyRules(pieces, style)
  pieces.length = 0
}

const isSpace = (char: string | undefined): boolean => char !== undefined && /\s/.test(char)
const isDigit = (char: string | undefined): boolean => char !== undefined && char >= '0' && char <= '9'

/** After these, `; ! ? :` take no space: doubled marks (`?!`) and opening brackets or quotes (`(!)`). */
const NO_SPACE_AFTER = new Set(['!', '?', ';', ':', '«', '‹', '(', '[', '{', '‘', '“'])
/** A space is added before `; ! ? :` only when one of these (or a space, or the end) follows the mark. */
const FOLLOWS_MARK = new Set(['!', '?', ';', '»', ')', ']', '}', '"', '”', '’', "'", '.', ',', '…', OPAQUE])

/** URLs (with a scheme or `www.`) and e-mail addresses, whose characters are never edited. */
const ADDRESS = /(?:\b[a-z][a-z\d+.-]*:\/\/|\bwww\.|\bmailto:)[^\s\uFFFC]+|[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/giu
/** Punctuation that ends a sentence after a URL rather than belonging to it. */
const URL_TRAILER = /[.,;:!?»"'’)\]]/

/** Digits grouped by spaces: `100 000`, `1 234 567`; not after another digit or a decimal mark. */
const DIGIT_GROUPS = /(?<![\d.,])\d{1,3}(?:[ \u00A0\u202F]\d{3})+(?!\d)/g
const HAS_DIGIT_GROUP = new RegExp(DIGIT_GROUPS.source)

/** What any ADDRESS match holds: `@`, `://`, `www.` or `mailto:` (not a lone `:`, common in French prose). */
const MAY_HOLD_ADDRESS = /@|:\/\/|www\.|mailto:/iu

function addresses(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = []
  // Most blocks hold none; ADDRESS tries its e-mail branch at every letter (~0.1 s over a 300-page
  // report), so it runs only where one can be.
  if (!MAY_HOLD_ADDRESS.test(text)) return spans
  for (const match of text.matchAll(ADDRESS)) {
    const start = match.index
    let end = start + match[0].length
    // A closing bracket stays when the URL opened one (`…/Foo_(bar)`).
    while (end > start && URL_TRAILER.test(text[end - 1]!) && !(text[end - 1] === ')' && text.slice(start, end).includes('('))) end--
    spans.push([start, end])
  }
  return spans
}

/** The edits on one block's text, by character index; text nodes are rebuilt from them. */
class Edits {
  readonly before = new Map<number, string>()
  readonly replace = new Map<number, string>()
  readonly after = new Map<number, string>()

  constructor(
    readonly text: string,
    readonly editable: Uint8Array,
    /** The sub- or superscript each character is in (0: none). */
    readonly script: Uint32Array
  ) {}

  /** The editable whitespace run that ends just before `index`: its start (`index` when there is none). */
  runBefore(index: number): number {
    let start = index
    while (start > 0 && this.editable[start - 1] && isSpace(this.text[start - 1])) start--
    return start
  }

  /** The editable whitespace run that starts just after `index`: its end (`index + 1` when there is none). */
  runAfter(index: number): number {
    let end = index + 1
    while (end < this.text.length && this.editable[end] && isSpace(this.text[end])) end++
    return end
  }

  /** Replace a whitespace run with one space character. */
  setRun(start: number, end: number, space: string): void {
    this.replace.set(start, space)
    for (let index = start + 1; index < end; index++) this.replace.set(index, '')
  }

  /** Whether any rule changed the text. */
  get empty(): boolean {
    return this.before.size === 0 && this.replace.size === 0 && this.after.size === 0
  }

  /**
   * The text from `start` to `end` with its edits: the stretches between two edited characters
   * copied as they are. (Built a character at a time, with three lookups each, this was most of
   * the pass: ~0.1 s of a 300-page report's render, where few characters change.)
   */
  render(start: number, end: number): string {
    const positions = (this.positions ??= [...new Set([...this.before.keys(), ...this.replace.keys(), ...this.after.keys()])].sort((a, b) => a - b))
    let out = ''
    let from = start
    for (let at = firstAtOrAfter(positions, start); at < positions.length && positions[at]! < end; at++) {
      const index = positions[at]!
      out += this.text.slice(from, index) + (this.before.get(index) ?? '') + (this.replace.get(index) ?? this.text[index]) + (this.after.get(index) ?? '')
      from = index + 1
    }
    return out + this.text.slice(from, end)
  }

  /** The edited characters' indexes in order, once the rules are applied. */
  private positions: number[] | undefined
}

/** The index of the first value at or after `value` in a sorted array (its length when there is none). */
function firstAtOrAfter(sorted: readonly number[], value: number): number {
  let low = 0
  let high = sorted.length
  while (low < high) {
    const middle = (low + high) >> 1
    if (sorted[middle]! < value) low = middle + 1
    else high = middle
  }
  return low
}

/** The characters a rule starts from: the high punctuation, the guillemets and the units. */
const MARKS = /[;!?:»«%€]/g
const HAS_MARK = new RegExp(MARKS.source, 'u')

function applyRules(pieces: Piece[], style: 'france' | 'quebec'): void {
  const text = pieces.map((piece) => piece.text).join('')
  // A block with no mark and no grouped digits has nothing to space (most list items, titles, cells).
  if (!HAS_MARK.test(text) && !HAS_DIGIT_GROUP.test(text)) return
  const editable = new Uint8Array(text.length)
  const script = new Uint32Array(text.length)
  let offset = 0
  for (const piece of pieces) {
    if (piece.node) editable.fill(1, offset, offset + piece.text.length)
    if (piece.script) script.fill(piece.script, offset, offset + piece.text.length)
    offset += piece.text.length
  }
  for (const [start, end] of addresses(text)) editable.fill(0, start, end)

  const edits = new Edits(text, editable, script)
  // From one mark to the next, not character by character: most of a block's characters start no rule.
  for (const match of text.matchAll(MARKS)) {
    const index = match.index
    if (!editable[index]) continue
    const char = match[0]
    if (char === ';' || char === '!' || char === '?') {
      if (style === 'quebec') noSpaceBeforeMark(edits, index)
      else spaceBeforeMark(edits, index, NARROW_NBSP)
    }
    else if (char === ':') spaceBeforeMark(edits, index, NBSP)
    else if (char === '»') spaceBeforeClosingQuote(edits, index)
    else if (char === '«') spaceAfterOpeningQuote(edits, index)
    else spaceBeforeUnit(edits, index)
  }
  groupDigits(edits)
  if (edits.empty) return

  offset = 0
  for (const piece of pieces) {
    const end = offset + piece.text.length
    if (piece.node) {
      const value = edits.render(offset, end)
      if (value !== piece.node.value) piece.node.value = value
    }
    offset = end
  }
}

function spaceBeforeMark(edits: Edits, index: number, space: string): void {
  const {text} = edits
  const start = edits.runBefore(index)
  if (start < index) {
    // A space at the very start of a block is layout whitespace, not a typed space.
    if (start > 0) edits.setRun(start, index, space)
    return
  }
  const previous = text[index - 1]
  if (previous === undefined || isSpace(previous) || NO_SPACE_AFTER.has(previous)) return
  const next = text[index + 1]
  if (next === undefined || isSpace(next) || FOLLOWS_MARK.has(next)) edits.before.set(index, space)
}

/** Québec: no space before `; ! ?`, a typed one taken out (not at a block's start, which is layout). */
function noSpaceBeforeMark(edits: Edits, index: number): void {
  const start = edits.runBefore(index)
  if (start > 0 && start < index && !isSpace(edits.text[start - 1]) && edits.text[start - 1] !== OPAQUE) edits.setRun(start, index, '')
}

function spaceBeforeClosingQuote(edits: Edits, index: number): void {
  const start = edits.runBefore(index)
  if (start < index) {
    if (start > 0) edits.setRun(start, index, NARROW_NBSP)
    return
  }
  const previous = edits.text[index - 1]
  if (previous !== undefined && !isSpace(previous) && previous !== '«') edits.before.set(index, NARROW_NBSP)
}

function spaceAfterOpeningQuote(edits: Edits, index: number): void {
  const {text} = edits
  const end = edits.runAfter(index)
  if (end > index + 1) {
    if (end < text.length) edits.setRun(index + 1, end, NARROW_NBSP)
    return
  }
  const next = text[index + 1]
  if (next !== undefined && !isSpace(next) && next !== '»') edits.after.set(index, NARROW_NBSP)
}

function spaceBeforeUnit(edits: Edits, index: number): void {
  if (isDigit(edits.text[index - 1])) {
    edits.before.set(index, NARROW_NBSP)
    return
  }
  const start = edits.runBefore(index)
  if (start < index && isDigit(edits.text[start - 1])) edits.setRun(start, index, NARROW_NBSP)
}

function groupDigits(edits: Edits): void {
  for (const match of edits.text.matchAll(DIGIT_GROUPS)) {
    const start = match.index
    const end = start + match[0].length
    if (!edits.editable.subarray(start, end).every(Boolean)) continue
    // `30 m<sup>2</sup> 150 fois`: an exponent and the number after it are not one number.
    if (edits.script.subarray(start, end).some((value) => value !== edits.script[start])) continue
    for (let index = start; index < end; index++) if (!isDigit(edits.text[index])) edits.replace.set(index, NARROW_NBSP)
  }
}
