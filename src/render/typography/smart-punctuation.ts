import type {Element, Root, Text} from 'hast'
import {hasClass, ISOLATED, NOT_PROSE, NOT_PROSE_CLASSES, ownLang, PHRASING, primaryLanguage} from './hast.js'
import {quotationMarks} from './quotation-marks.js'

/**
 * Typographic quotes and dashes, as Pandoc's `smart` extension makes them, in the language of
 * each element: `"…"` becomes the language's quotation marks (quotation-marks.ts): « … » in French
 * (French spacing then puts its narrow spaces inside), “…” in English, „…“ in German, «…» in
 * Spanish (Word's “…”, pasted into French, become « … » too, but inside « … »); a straight
 * apostrophe `'` becomes ’ (`l'enfant`, `it's`), and `'…'` opened at a word's start (after a space,
 * an opening bracket or quotation mark) becomes the language's secondary marks: “…” in French and
 * Spanish, ‘…’ in English, ‚…‘ in German; `---` becomes an em dash, `--` an en dash and `...` an ellipsis. Never inside
 * code, pre, kbd, samp, var, script, style, math or typeset maths (`.rp-math`), nor in attribute
 * values. Quotes are
 * paired across the inline elements of a block (`"<em>texte</em>"`); each block starts afresh.
 * Running it twice changes nothing, but in French, where the “…” made of `'…'` are Word's quotes
 * to a second pass, which makes « … » of them.
 */
export function smartPunctuation(tree: Root | Element, options: {lang: string}): void {
  walk(tree, options.lang.toLowerCase(), fresh())
}

const fresh = (): State => ({previous: ' ', open: false, inner: 0, single: false})

const SKIPPED: ReadonlySet<string> = new Set(NOT_PROSE)

interface State {
  previous: string
  open: boolean
  /** English curly quotes open inside French « »: quotes within a quotation, kept as they are. */
  inner: number
  /** The guillemet that opened a quotation typed with guillemets (`«…»`, `»…«`, `»…»`), until one closes it. */
  typed?: string
  /** A secondary quotation opened by a straight `'` (`'…'`): the next `'` before no letter closes it. */
  single: boolean
}

function walk(parent: Root | Element, lang: string, state: State): void {
  for (const child of parent.children) {
    if (child.type === 'text') child.value = convert(child, lang, state)
    else if (child.type === 'element') {
      if (SKIPPED.has(child.tagName) || hasClass(child, NOT_PROSE_CLASSES)) {
        state.previous = 'x'
        continue
      }
      const own = ownLang(child)
      const inner = own === undefined ? lang : own.toLowerCase()
      // A block, a note or another language: its own quotes; the text around it goes on after.
      if (!PHRASING.has(child.tagName) || hasClass(child, ISOLATED) || inner !== lang) {
        const saved = {...state}
        walk(child, inner, fresh())
        Object.assign(state, PHRASING.has(child.tagName) ? {...saved, previous: 'x'} : fresh())
      } else {
        walk(child, inner, state)
      }
    }
  }
}

/** Where a single quote opens a quotation: after a space, an opening bracket, a dash or an opening quotation mark (`"'Tis'…"`, `« 'mot' »`, `„'gut'“`). */
const singleOpensAfter = /[\s([{\u2014\u2013/"«“„‹‚-]/u
/** Where a double quote opens one: after a space, a bracket or a dash, an elided article (`d'"experts"`) and after `;` or `:` without a space (`"Eau";"Santé"`). */
const doubleOpensAfter = /[\s([{\u2014\u2013/;:'\u2019-]/u

function convert(node: Text, lang: string, state: State): string {
  const french = primaryLanguage(lang) === 'fr'
  const {primary, secondary} = quotationMarks(lang)
  let out = ''
  const text = node.value.replace(/---/gu, '\u2014').replace(/(?<!-)--(?!-)/gu, '\u2013').replace(/\.\.\.|\. \. \./gu, '\u2026')
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!
    const before = index > 0 ? text[index - 1]! : state.previous
    if (char === '"') {
      const opening = !state.open && (doubleOpensAfter.test(before) || index === 0 && state.previous === ' ')
      out += opening ? primary[0] : primary[1]
      state.open = opening
    } else if (char === '«' || char === '»') {
      // Typed guillemets open and close a quotation too, whichever way they point (`«…»` in French,
      // `»…«` in German, `»…»` in Swedish): a “…” inside one is a quotation within it.
      out += char
      if (state.typed === undefined) {
        state.typed = char
        state.open = true
      } else {
        state.typed = undefined
        state.open = false
        state.inner = 0
      }
    } else if (french && (char === '\u201C' || char === '\u201D')) {
      // Word's curly quotes, pasted into French: « » as for straight ones, but “ ” inside « » (a
      // quotation within a quotation) stay as they are.
      if (char === '\u201C') {
        if (state.open) state.inner++
        out += state.open ? char : '«'
        state.open = true
      } else if (state.inner > 0) {
        state.inner--
        out += char
      } else {
        out += state.open ? '»' : char
        state.open = false
      }
    } else if (char === "'") {
      // A quotation within a quotation that opens at a word's start (after a space or an opening
      // bracket, dash or quote), and closes before no letter; everywhere else, an apostrophe
      // (`l'enfant`, `aujourd'hui`, `it's`).
      const next = text[index + 1] ?? ''
      // At a text node's end, what follows is an element's text (`'<em>texte</em>'`).
      if (singleOpensAfter.test(before) && (next === '' || /\p{L}/u.test(next))) {
        out += secondary[0]
        state.single = true
      } else if (state.single && !/[\p{L}\p{N}]/u.test(next)) {
        out += secondary[1]
        state.single = false
      } else out += '\u2019'
    } else {
      out += char
    }
  }
  if (text.length > 0) state.previous = text[text.length - 1]!
  return out
}

/** One string as the typography pass prints it (quotes and dashes), e.g. a heading for the PDF's bookmarks. */
export function smartText(text: string, lang: string): string {
  const node: Text = {type: 'text', value: text}
  smartPunctuation({type: 'root', children: [{type: 'element', tagName: 'p', properties: {}, children: [node]}]}, {lang})
  return node.value
}
