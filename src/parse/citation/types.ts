import type {Data, Node, PhrasingContent} from 'mdast'
import type {Position} from 'unist'

/**
 * Pandoc's citation modes: `[@doe]` is `normal`, `[-@doe]` (and `-@doe` in the text)
 * `suppress-author`, and `@doe` in the text (“Doe says”) `in-text`.
 */
export type CitationMode = 'normal' | 'suppress-author' | 'in-text'

/**
 * One cited work inside a citation: `see @doe-2020, p. 16, nous soulignons`.
 *
 * `prefix` and `suffix` are raw source text (escapes and character references as written), with
 * runs of whitespace, line endings included, collapsed to one space; `prefixChildren` and
 * `suffixChildren` are the same text parsed as inline Markdown. `locator` and `locatorValue` are
 * plain text (Markdown escapes resolved, whitespace collapsed), as written otherwise: `93--101`
 * keeps its two hyphens.
 */
export interface CitationItem {
  /** Citation key, without `@` or braces: `protect-children-2021`. */
  key: string
  mode: CitationMode
  /** Kept for compatibility: `mode === 'suppress-author'`. */
  suppressAuthor: boolean
  /** Text before the key in this item (`voir`, `see`), or `''`. Always `''` for the `@key` of an in-text citation. */
  prefix: string
  /** The prefix parsed as inline Markdown (`[]` if none). */
  prefixChildren: PhrasingContent[]
  /** Locator as written, without the braces of `{…}`: `pp. 93--101`, `p. 16`, `16`; `''` if none. */
  locator: string
  /** CSL locator label: `page`, `chapter`, `section`…; `undefined` if there is no locator. */
  label: string | undefined
  /** The locator without its term: `93--101`; `''` if none. */
  locatorValue: string
  /**
   * Text after the locator, or after the key when there is no locator. Without a locator, the
   * comma after the key is removed (`[@a, and passim]` → `and passim`); after a locator, the
   * suffix keeps its own punctuation (`[@a, p. 16, nous soulignons]` → `, nous soulignons`),
   * so that `locator` and `suffix` read back as written: see `locatorAndSuffix()`.
   */
  suffix: string
  /** The suffix parsed as inline Markdown (`[]` if none). */
  suffixChildren: PhrasingContent[]
  /** Place of `@key`, `-@key` or `@{key}` in the file. */
  position: Position
}

/** Info associated with citation nodes by the ecosystem. */
export interface CitationData extends Data {}

/**
 * Pandoc citation: bracketed `[see @doe-2020, p. 16; -@roe-2019]`, or in-text `@doe-2020`,
 * `@doe-2020 [p. 16]`, `@doe-2020 [p. 16; see also @roe-2019]`.
 */
export interface Citation extends Node {
  type: 'citation'
  /**
   * Raw source: between the brackets for a bracketed citation (`see @doe, p. 16`), the whole
   * citation for an in-text one (`@doe [p. 16]`).
   */
  value: string
  /** Cited works, in order; never empty in a parsed tree. In-text citations start with the `in-text` item. */
  items: CitationItem[]
  /** 'in-text' when written @key…, else 'bracketed' */
  syntax: 'bracketed' | 'in-text'
  data?: CitationData | undefined
}

// Register the node as phrasing content, so `Paragraph['children']`, `visit`, and the
// to-markdown handler map all know about it.
declare module 'mdast' {
  interface PhrasingContentMap {
    /** Pandoc citation in phrasing content (paragraphs, headings, link text, …). */
    citation: Citation
  }

  interface RootContentMap {
    /** Pandoc citation in phrasing content (paragraphs, headings, link text, …). */
    citation: Citation
  }
}
