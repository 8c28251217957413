import type {Element, Root, Text} from 'hast'
import {hasClass, ISOLATED, NOT_PROSE, NOT_PROSE_CLASSES, ownLang, PHRASING, primaryLanguage} from './hast.js'

/**
 * A no-break space between an abbreviation that numbers something and its number: `n° 12345/20`,
 * `art. 227-23`, `§ 1`, `p. 16` in French; `No. 5`, `pp. 93`, `s. 12` in English; `Nr. 3`,
 * `S. 16`, `Abs. 2` in German; so that a line never ends on `n°` with its number on the next.
 * U+00A0, the no-break word space, which French, English and German typesetting use there (the
 * narrow one is for digit groups and high punctuation, french-spacing.ts).
 *
 * The space replaced is an ordinary one (or several, or a line break of the Markdown), typed
 * between the abbreviation and a number: digits, a Roman numeral of the chapters and volumes
 * (`chap. IV`), or a French code's article (`art. L. 227-23`). Each block's text is read as one
 * string across its inline elements (`n° <a>12345/20</a>`); never inside code, pre, kbd, samp,
 * var, maths, a link's printed address or an attribute value. An element with its own `lang`
 * follows its language's abbreviations. Running it twice changes nothing.
 */
export function numberAbbreviations(tree: Root | Element, options: {lang: string}): void {
  const pieces: Piece[] = []
  walk(tree, options.lang, pieces)
  flush(pieces, options.lang)
}

/** The same on a plain string (a title on the cover), as if it were one paragraph. */
export function numberAbbreviationsText(text: string, lang: string): string {
  const node: Text = {type: 'text', value: text}
  apply([{node, text}], lang)
  return node.value
}

const NBSP = '\u00A0'

/**
 * By primary language: the abbreviations a number follows. French and English ones are also
 * read with a capital (a sentence's first word, `Art. 3`); German ones only as written (`S.` is
 * the page, `s.` "siehe").
 */
const byLanguage: ReadonlyMap<string, {words: readonly string[]; capitalised: boolean}> = new Map([
  ['fr', {words: ['n°', 'nº', 'art.', 'al.', 'ch.', 'chap.', 'p.', 'pp.', 'vol.', 't.', 'fig.', 'L.', 'R.', 'D.'], capitalised: true}],
  ['en', {words: ['No.', 'no.', 'Nos.', 'nos.', 'p.', 'pp.', 's.', 'ss.', 'art.', 'arts.', 'ch.', 'chap.', 'para.', 'paras.', 'vol.', 'fig.'], capitalised: true}],
  ['de', {words: ['Nr.', 'S.', 'Abs.', 'Art.', 'Bd.', 'Kap.', 'Rn.', 'Rz.', 'Ziff.', 'Abb.', 'Tab.', 'lit.'], capitalised: false}]
])

/** In every language: the section and paragraph signs, the numero sign. */
const everywhere = ['§§', '§', '¶', '№']

const escape = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')

const patterns = new Map<string, RegExp>()

/** The abbreviations of a language, then a run of ordinary spaces, then a number. */
function patternFor(lang: string): RegExp {
  const language = primaryLanguage(lang)
  const known = patterns.get(language)
  if (known) return known
  const own = byLanguage.get(language)
  const words = new Set(everywhere)
  for (const word of own?.words ?? []) {
    words.add(word)
    if (own?.capitalised) words.add(word[0]!.toUpperCase() + word.slice(1))
  }
  const alternatives = [...words].sort((a, b) => b.length - a.length).map(escape).join('|')
  // Not inside a word or an abbreviation (`cap. 3`, `U.S. 5`); before digits, a Roman numeral
  // (not a lone `I`, the English pronoun: "No. I think"), or a code's article (`L. 227-23`).
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}.])(?:${alternatives})([ \\t\\r\\n]+)(?=\\p{Nd}|(?:[IVXLC]{2,}|[VX])(?![\\p{L}\\p{N}'’])|[LRD]\\.[ \\u00A0]?\\p{Nd})`, 'gu')
  patterns.set(language, pattern)
  return pattern
}

/** A stretch of a block's text: a text node's value, or a stand-in for what must not change. */
interface Piece {
  node?: Text
  text: string
}

/** Stands for code, maths, notes, line breaks and other languages' spans: a non-space never edited. */
const OPAQUE: Piece = {text: '\uFFFC'}
const SKIPPED: ReadonlySet<string> = new Set([...NOT_PROSE, 'img', 'input', 'br'])

function walk(parent: Root | Element, lang: string, pieces: Piece[]): void {
  for (const child of parent.children) {
    if (child.type === 'text') pieces.push({node: child, text: child.value})
    else if (child.type === 'element') {
      if (SKIPPED.has(child.tagName) || hasClass(child, NOT_PROSE_CLASSES)) {
        pieces.push(OPAQUE)
        continue
      }
      const inner = ownLang(child) ?? lang
      const inline = PHRASING.has(child.tagName)
      if (inline && inner === lang && !hasClass(child, ISOLATED)) walk(child, lang, pieces)
      else if (inline) {
        // A note or another language inside a sentence: read on its own.
        pieces.push(OPAQUE)
        const own: Piece[] = []
        walk(child, inner, own)
        flush(own, inner)
      } else {
        // A block ends the text before it and starts its own.
        flush(pieces, lang)
        walk(child, inner, pieces)
        flush(pieces, inner)
      }
    }
  }
}

function flush(pieces: Piece[], lang: string): void {
  if (pieces.some((piece) => piece.node)) apply(pieces, lang)
  pieces.length = 0
}

/** What every match holds, an abbreviation's last character, spaces, then a number's first: most blocks have none, and are passed over at once. */
const MAY_HOLD = /[.°º§¶№][ \t\r\n]+[\p{Nd}IVXLCRD]/u

function apply(pieces: Piece[], lang: string): void {
  const text = pieces.map((piece) => piece.text).join('')
  if (!MAY_HOLD.test(text)) return
  // The new value of each character a match edits: its space becomes one no-break space.
  const edits = new Map<number, string>()
  for (const match of text.matchAll(patternFor(lang))) {
    const start = match.index + match[0].length - match[1]!.length
    const end = match.index + match[0].length
    edits.set(start, NBSP)
    for (let index = start + 1; index < end; index++) edits.set(index, '')
  }
  if (edits.size === 0) return
  let offset = 0
  for (const piece of pieces) {
    const end = offset + piece.text.length
    if (piece.node) {
      let value = ''
      for (let index = offset; index < end; index++) value += edits.get(index) ?? text[index]
      if (value !== piece.node.value) piece.node.value = value
    }
    offset = end
  }
}
