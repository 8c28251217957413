import {abbreviations, irregularPlurals, timeUnits} from './lexicon.js'

/** Words around a number, normalised for lexicon look-ups: lower case, elision and quotes removed. */

export interface Word {
  /** As written, without surrounding punctuation. */
  raw: string
  /** Lower case, elided article removed (`l'article` → `article`), trailing punctuation and dot removed. */
  norm: string
  /** `norm` with its trailing dot kept, for abbreviations (`art.`, `p.`). */
  dotted: string
  /** Punctuation stood between this word and the number (`France, 12`). */
  detached: boolean
}

const separator = /[\s\u00A0\u202F]+/u

/** Up to `count` words before `index`, nearest first. */
export function wordsBefore(text: string, index: number, count: number): Word[] {
  const slice = text.slice(Math.max(0, index - 120), index)
  const tokens = slice.split(separator).filter(Boolean)
  // The first token may be cut in the middle by the slice; drop it unless the slice is the text start.
  if (index > 120) tokens.shift()
  const words: Word[] = []
  let detached = /[,;:()«»"“”]\s*$/u.test(slice)
  for (let i = tokens.length - 1; i >= 0 && words.length < count; i--) {
    const token = tokens[i]!
    // A sentence end between the word and the number detaches it too (`…l'ONU. 300 enfants`).
    const word = toWord(token, detached || endsSentence(token))
    detached = detached || /^[(«"“]|[,;:)»"”]$/u.test(token) || endsSentence(token)
    if (word.raw) words.push(word)
  }
  return words
}

/** Up to `count` words after `index`, nearest first. */
export function wordsAfter(text: string, index: number, count: number): Word[] {
  const slice = text.slice(index, index + 120)
  const tokens = slice.split(separator).filter(Boolean)
  const words: Word[] = []
  let detached = /^\s*[,;:()«»"“”.!?]/u.test(slice)
  for (const token of tokens) {
    if (words.length >= count) break
    const word = toWord(token, detached)
    detached = detached || /[,;:()!?»"”]$/u.test(token)
    // A lone punctuation token (`23 , place`) is no word, but it detaches what follows.
    if (word.raw) words.push(word)
  }
  return words
}

function endsSentence(token: string): boolean {
  if (!/[.!?…]["»”)]*$/u.test(token)) return false
  const lower = token.toLowerCase().replace(/["»”)]+$/u, '').replace(/^[(«"“‘]+/u, '')
  return /[!?…]$/u.test(lower) || !(abbreviations.has(lower) || /^(?:\p{L}\.)+$/u.test(lower) || /^\p{L}{1,2}\.$/u.test(lower))
}

function toWord(token: string, detached: boolean): Word {
  // `partie).`: the period after a bracket goes with it.
  const raw = token.replace(/([)»"”,;:!?])\.$/u, '$1').replace(/^[(«"“'’\-–—]+|[)»"”,;:!?]+$/gu, '')
  let dotted = raw.toLowerCase()
  // Elision: l'article, d'euros, qu'en → article, euros, en.
  const elided = /^(?:l|d|qu|j|n|s|c|m|t|jusqu|lorsqu|puisqu)['’](.+)$/u.exec(dotted)
  if (elided) dotted = elided[1]!
  const norm = dotted.replace(/\.+$/u, '')
  return {raw, norm, dotted, detached}
}

/** Whether a word is in a lexicon, written with or without its abbreviation dot. */
export function inLexicon(lexicon: ReadonlySet<string>, word: Word | undefined): boolean {
  return word !== undefined && (lexicon.has(word.norm) || lexicon.has(word.dotted))
}

/** The nearest word before, following back over a chain of numbers and joiners (`articles 12, 14 et 15`). */
export function leadWord(text: string, index: number): Word | undefined {
  const words = wordsBefore(text, index, 8)
  for (const word of words) {
    if (/^[\d\s.,\-–°]*$/u.test(word.norm) || joiners.has(word.norm)) continue
    return word
  }
  return undefined
}

const joiners = new Set(['et', 'à', 'a', 'ou', 'and', 'or', 'to', 'bis', 'ter', 'quater', 'l', 'r', 'd', 'du', 'des', 'al', '&', '-', '–'])

/** True when only white space, list punctuation or opaque marks precede `index` on its line. */
export function startsLine(text: string, index: number): boolean {
  const lineStart = text.lastIndexOf('\n', index - 1) + 1
  return /^[\s\uFFFC(]*$/u.test(text.slice(lineStart, index))
}

/**
 * True when the word ending right before `index` opens its sentence or its line (`Tonight 120
 * people`, `…evicted. Shelter 200 calls`): capitalised for the sentence, not as a name.
 */
export function opensSentence(text: string, index: number): boolean {
  const from = Math.max(0, index - 120)
  const slice = text.slice(from, index)
  const lead = /\S+\s*$/u.exec(slice)
  if (!lead) return false
  const head = slice.slice(0, lead.index)
  if ((from === 0 && /^[\s\uFFFC]*$/u.test(head)) || /\n[\s\uFFFC]*$/u.test(head)) return true
  const previous = /(\S+)\s+$/u.exec(head)?.[1]
  return previous !== undefined && endsSentence(previous)
}

/** A noun that counts people or things right after a number, no punctuation between: `120 families`, `210 children`. */
export function isCountedNoun(word: Word | undefined): boolean {
  return word !== undefined && !word.detached && (/^\p{Ll}{3,}[sx]$/u.test(word.raw) || irregularPlurals.has(word.raw)) && !timeUnits.has(word.norm)
}

/** A length of time right after a number, possessive too: `6 years' custody`, `3 months`. */
export function isLengthOfTime(word: Word | undefined): boolean {
  return word !== undefined && !word.detached && timeUnits.has(word.norm.replace(/['’]$/u, ''))
}
