import type {Root} from 'hast'
import {frenchSpacing} from './french-spacing.js'
import {hyphenate} from './hyphenate.js'
import {attachNoteCalls} from './note-calls.js'
import {numberAbbreviations} from './number-abbreviations.js'
import {smartPunctuation} from './smart-punctuation.js'

export {frenchSpacing, frenchSpacingText, isFrench, NARROW_NBSP, NBSP, rehypeFrenchSpacing, type FrenchSpacingOptions} from './french-spacing.js'
export {attachNoteCalls} from './note-calls.js'
export {numberAbbreviations, numberAbbreviationsText} from './number-abbreviations.js'
export {smartPunctuation, smartText} from './smart-punctuation.js'
export {hyphenate, hyphenateText, hyphenationMemos, hyphenationPatterns, hyphenatorFor, isPatterns, rehypeHyphenate, seedHyphenation, SOFT_HYPHEN, type HyphenateOptions, type HyphenationMemo, type Patterns} from './hyphenate.js'

export interface TypographyOptions {
  /** Soft hyphens for justified print; the web edition can leave them out (default true). */
  hyphenate?: boolean
  /** French spacing when the language is French (default true). */
  frenchSpacing?: boolean
  /** Typographic quotes and dashes from straight ones (default true). */
  smartPunctuation?: boolean
}

/**
 * The typography pass for an edition's hast, in the document's language: note calls attached to
 * their word, typographic quotes and dashes, a no-break space after `n°`, `p.`, `§` and the like
 * before their number, French spacing, then soft hyphens. Each step is idempotent and none touches the
 * characters another one adds, so the order only matters for the note calls (first, so that
 * French spacing sees `enfants¹ ;` and puts its space after the call).
 */
export function typography(lang: string, options: TypographyOptions = {}): (tree: Root) => void {
  return (tree) => {
    attachNoteCalls(tree)
    // Quotes first: French spacing then spaces the « » it made.
    if (options.smartPunctuation !== false) smartPunctuation(tree, {lang})
    numberAbbreviations(tree, {lang})
    if (options.frenchSpacing !== false) frenchSpacing(tree, {lang})
    if (options.hyphenate !== false) hyphenate(tree, {lang})
  }
}
