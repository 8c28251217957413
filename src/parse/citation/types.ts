import type {Data, Node} from 'mdast'
import type {Position} from 'unist'

/**
 * One cited work inside a citation: `see @doe-2020, p. 16 and passim`.
 *
 * Strings are raw source text (escapes and character references are kept as written), with
 * runs of whitespace, line endings included, collapsed to one space.
 */
export interface CitationItem {
  /** Citation key, without `@`: `protect-children-2021`. */
  key: string
  /** Text before the key in this item (`voir`, `see`), or `''`. */
  prefix: string
  /** Locator: `p. 16`, `pp. 33-35`, `chap. 3`, `§ 4`, `16`; `''` if none. */
  locator: string
  /** Text after the locator (or after the key, without locator), leading comma removed. */
  suffix: string
  /** Whether the key was written `-@key` (“Doe says [-@doe-2020]”). */
  suppressAuthor: boolean
  /** Place of `@key` (or `-@key`) in the file. */
  position: Position
}

/** Info associated with citation nodes by the ecosystem. */
export interface CitationData extends Data {}

/** Pandoc bracketed citation: `[see @doe-2020, p. 16; -@roe-2019]`. */
export interface Citation extends Node {
  type: 'citation'
  /** Raw source between the brackets. */
  value: string
  /** Cited works, in order; never empty in a parsed tree. */
  items: CitationItem[]
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
