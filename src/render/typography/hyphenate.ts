import {createRequire} from 'node:module'
import type {Element, Root} from 'hast'
import {hasClass, ownLang, primaryLanguage} from './hast.js'

/**
 * Soft hyphens (U+00AD) in the words of prose, so the browser (with `hyphens: manual`) can break
 * long words at line ends the same way on every machine, with TeX's patterns through `hyphen`.
 *
 * Languages: French (`fr`, `fr-CA`…) with the French patterns; English with the British patterns,
 * except `en-US` (and `en-CA`, `en-PH`, which follow American usage) with the American ones. Any
 * other language is left alone: no patterns are loaded and the text is not touched. Elements with
 * their own `lang` attribute are hyphenated in that language.
 *
 * Hyphenated: words of at least 6 letters. Left alone: headings (`h1`–`h6`: display type reads
 * better unbroken), code, glossary terms (`dt`), the cover, the table of contents, box labels and
 * titles, stat values; URLs, e-mail addresses and domain names; words with a digit (`COVID19`);
 * words in capitals (`OFMIN`) or with a capital inside (`OnlyFans`, `TikTok`: names whose
 * spelling is the point); and words that already hold a soft hyphen, so the writer's own break
 * points win and running it twice changes nothing. A break never leaves fewer than 2 letters on
 * the first line or 3 on the next (`pé-do-cri-mi-na-lité`, not `…-li-té`), as TeX does for both
 * languages. Words with combining accents are hyphenated in their composed (NFC) form.
 */
export interface HyphenateOptions {
  /** The document's language (BCP 47); elements with their own `lang` attribute follow theirs. */
  lang: string
}

export const SOFT_HYPHEN = '\u00AD'

/** Minimum letters before the first and after the last break, and the shortest word hyphenated. */
const LEFT_MIN = 2
const RIGHT_MIN = 3
const MIN_WORD_LETTERS = 6
/** A long-running process (a watch mode) should not keep every word it ever saw. */
const MEMO_LIMIT = 50_000

export type Patterns = 'fr' | 'en-gb' | 'en-us'

interface HyphenModule {
  hyphenateSync(text: string, options?: {minWordLength?: number}): string
}

/** `hyphen` is CommonJS and has no types; each pattern file is loaded the first time it is needed. */
const requireCjs = createRequire(import.meta.url)
const loaders: Record<Patterns, () => HyphenModule> = {
  fr: () => requireCjs('hyphen/fr') as HyphenModule,
  'en-gb': () => requireCjs('hyphen/en-gb') as HyphenModule,
  'en-us': () => requireCjs('hyphen/en-us') as HyphenModule
}

const AMERICAN_REGIONS = new Set(['us', 'ca', 'ph', 'pr', 'um', 'vi', 'as', 'gu', 'mp'])

/** Which patterns a language tag uses, or undefined when it is not hyphenated. */
export function hyphenationPatterns(lang: string): Patterns | undefined {
  const primary = primaryLanguage(lang)
  if (primary === 'fr') return 'fr'
  if (primary !== 'en') return undefined
  const region = lang.split('-').slice(1).find((subtag) => /^[a-z]{2}$/i.test(subtag))
  return region && AMERICAN_REGIONS.has(region.toLowerCase()) ? 'en-us' : 'en-gb'
}

/**
 * A language's hyphenation: the patterns' hyphenator for one word (memoised in `words`), and what
 * each stretch of text between two spaces became (`chunks`). Prose repeats its words, with their
 * punctuation: a stretch met before is one lookup, not the address test, the word scan and the
 * checks of each word again (most of this pass's time in a 300-page report, ~0.1 s). `added`
 * counts the results worked out in this process, for the build's store (api/hyphenation-store.ts).
 */
interface Hyphenation extends HyphenationMemo {
  word: (word: string) => string
  added: number
}

/** What a language's hyphenation worked out: each word, and each stretch between two spaces. */
export interface HyphenationMemo {
  words: Map<string, string>
  chunks: Map<string, string>
}

const hyphenations = new Map<Patterns, Hyphenation>()

/** A memoised word hyphenator for a language, or undefined when the language is not hyphenated. */
export function hyphenatorFor(lang: string): ((word: string) => string) | undefined {
  return hyphenationFor(lang)?.word
}

function hyphenationFor(lang: string): Hyphenation | undefined {
  const patterns = hyphenationPatterns(lang)
  return patterns ? hyphenationOf(patterns) : undefined
}

function hyphenationOf(patterns: Patterns): Hyphenation {
  let hyphenation = hyphenations.get(patterns)
  if (!hyphenation) {
    // The patterns are loaded (15–35 ms for French) only for a word no earlier result holds.
    let module: HyphenModule | undefined
    const words = new Map<string, string>()
    const word = (letters: string) => {
      let result = words.get(letters)
      if (result === undefined) {
        module ??= loaders[patterns]()
        result = keepMinimums(module.hyphenateSync(letters, {minWordLength: MIN_WORD_LETTERS}))
        remember(words, letters, result)
        created.added++
      }
      return result
    }
    const created: Hyphenation = {word, words, chunks: new Map(), added: 0}
    hyphenation = created
    hyphenations.set(patterns, hyphenation)
  }
  return hyphenation
}

/**
 * The results worked out so far in this process, by patterns, with how many were added since
 * the process started (seeded ones not counted): what a build keeps for the next one.
 */
export function hyphenationMemos(): Array<{patterns: Patterns; memo: HyphenationMemo; added: number}> {
  return [...hyphenations].map(([patterns, {words, chunks, added}]) => ({patterns, memo: {words, chunks}, added}))
}

/**
 * Take up results an earlier run worked out with the same patterns and rules (the build's store
 * checks that it was the same rapporteur). A result that is not its key with soft hyphens added is
 * refused, so a damaged store cannot change the text. Returns how many were taken.
 */
export function seedHyphenation(patterns: Patterns, memo: HyphenationMemo): number {
  const hyphenation = hyphenationOf(patterns)
  let taken = 0
  for (const [from, into] of [[memo.words, hyphenation.words], [memo.chunks, hyphenation.chunks]] as const) {
    for (const [key, value] of from) {
      if (into.has(key) || !sameText(key, value)) continue
      remember(into, key, value)
      taken++
    }
  }
  return taken
}

export function isPatterns(name: string): name is Patterns {
  return Object.hasOwn(loaders, name)
}

function sameText(key: string, value: string): boolean {
  return typeof key === 'string' && typeof value === 'string' && value.replaceAll(SOFT_HYPHEN, '') === key.replaceAll(SOFT_HYPHEN, '')
}

/** Keep a result, forgetting them all once there are MEMO_LIMIT. */
function remember(memo: Map<string, string>, key: string, value: string): void {
  if (memo.size >= MEMO_LIMIT) memo.clear()
  memo.set(key, value)
}

/** Add soft hyphens to the prose of `tree`, in place. */
export function hyphenate(tree: Root | Element, options: HyphenateOptions): void {
  walk(tree, options.lang)
}

/** The same as a rehype plugin: `unified().use(rehypeHyphenate, {lang: 'fr'})`. */
export function rehypeHyphenate(options: HyphenateOptions): (tree: Root) => void {
  return (tree) => hyphenate(tree, options)
}

/** Soft hyphens in a plain string of prose; the string unchanged in a language without patterns. */
export function hyphenateText(text: string, lang: string): string {
  const hyphenation = hyphenationFor(lang)
  return hyphenation ? hyphenateString(text, hyphenation) : text
}

/** Elements whose text is not hyphenated (a sub- or superscript is never broken). */
const SKIPPED = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'code', 'pre', 'kbd', 'samp', 'var', 'script', 'style', 'textarea', 'svg', 'math', 'template', 'dt', 'sub', 'sup'])
const SKIPPED_CLASSES = new Set([
  'rp-math',
  'katex',
  'rp-cover',
  'rp-toc',
  'rp-toc-inline',
  'rp-stat__value',
  'rp-recommendation__label',
  'rp-recommendation__title',
  'rp-callout__title',
  'rp-back-cover'
])

function walk(parent: Root | Element, lang: string): void {
  let hyphenation: Hyphenation | undefined | null = null
  for (const child of parent.children) {
    if (child.type === 'text') {
      if (hyphenation === null) hyphenation = hyphenationFor(lang)
      if (hyphenation) child.value = hyphenateString(child.value, hyphenation)
    } else if (child.type === 'element' && !SKIPPED.has(child.tagName) && !hasClass(child, SKIPPED_CLASSES)) {
      walk(child, ownLang(child) ?? lang)
    }
  }
}

/** A URL, an e-mail address or a domain name: hyphens there would be copied into the address. */
const ADDRESS = /:\/\/|^(?:www\.|mailto:)|@|[\p{L}\p{N}]\.\p{L}{2,}/iu
const WORD = /[\p{L}\p{M}\p{N}\u00AD]+/gu

function hyphenateString(text: string, hyphenation: Hyphenation): string {
  return text.replace(/\S+/g, (chunk) => {
    // Too short to hold a word of MIN_WORD_LETTERS letters.
    if (chunk.length < MIN_WORD_LETTERS) return chunk
    let result = hyphenation.chunks.get(chunk)
    if (result === undefined) {
      result = ADDRESS.test(chunk) ? chunk : chunk.replace(WORD, (word) => hyphenateWord(word, hyphenation.word))
      remember(hyphenation.chunks, chunk, result)
      hyphenation.added++
    }
    return result
  })
}

function hyphenateWord(word: string, hyphenator: (word: string) => string): string {
  if (word.includes(SOFT_HYPHEN) || /\p{N}/u.test(word)) return word
  if ((word.match(/\p{L}/gu)?.length ?? 0) < MIN_WORD_LETTERS) return word
  // Capitals only (an acronym) or a capital after the first letter (a brand, a camel-cased name).
  if (!/\p{Ll}/u.test(word) || /\p{Lu}/u.test(word.slice(word.codePointAt(0)! > 0xffff ? 2 : 1))) return word
  return hyphenator(word.normalize('NFC'))
}

/** Drop the break points that leave fewer than LEFT_MIN letters before or RIGHT_MIN after. */
function keepMinimums(hyphenated: string): string {
  const parts = hyphenated.split(SOFT_HYPHEN)
  if (parts.length === 1) return hyphenated
  const letters = parts.map((part) => part.match(/\p{L}/gu)?.length ?? 0)
  const total = letters.reduce((sum, count) => sum + count, 0)
  let out = parts[0]!
  let before = letters[0]!
  for (let index = 1; index < parts.length; index++) {
    const after = total - before
    out += (before >= LEFT_MIN && after >= RIGHT_MIN ? SOFT_HYPHEN : '') + parts[index]!
    before += letters[index]!
  }
  return out
}
