/**
 * micromark extension for Pandoc bracketed citations: `[see @doe-2020, p. 16; -@roe]`.
 *
 * The construct only tokenizes; `from-markdown.ts` turns the tokens into a node. Prefix and
 * suffix text is kept as raw source: it is not parsed as Markdown, so emphasis, code or links
 * inside a citation are not supported (a backtick or a nested bracket makes it not a citation).
 */
import {
  asciiPunctuation,
  markdownLineEnding,
  markdownLineEndingOrSpace,
  unicodeWhitespace
} from 'micromark-util-character'
import {codes} from 'micromark-util-symbol'
import type {
  Code,
  Construct,
  Effects,
  Extension,
  State,
  TokenizeContext
} from 'micromark-util-types'
import {reference} from './reference.js'

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    /** Whole citation, `[` to `]`. */
    citation: 'citation'
    /** The `[` and `]`. */
    citationMarker: 'citationMarker'
    /** One item, between `[` or `;` and `;` or `]`. */
    citationItem: 'citationItem'
    /** Everything of an item before its reference; contains data and line endings. */
    citationItemPrefix: 'citationItemPrefix'
    /** Everything of an item after its reference; contains data and line endings. */
    citationItemSuffix: 'citationItemSuffix'
    /** Text of a prefix or suffix, up to a line ending. */
    citationItemData: 'citationItemData'
    /** `-@key` or `@key`. */
    citationReference: 'citationReference'
    /** The `-` of `-@key`. */
    citationSuppressAuthorMarker: 'citationSuppressAuthorMarker'
    /** The `@`. */
    citationReferenceMarker: 'citationReferenceMarker'
    /** The key itself, without `@`. */
    citationKey: 'citationKey'
    /** The `;` between items. */
    citationItemSeparator: 'citationItemSeparator'
  }
}

/** The citation itself. */
const citation: Construct = {name: 'citation', tokenize: tokenizeCitation, add: 'before'}

/**
 * Create an extension for `micromark` to enable Pandoc citation syntax.
 *
 * `add: 'before'` makes the construct win over label starts (links, GFM footnote calls):
 * when it fails, those get their turn at the same `[`.
 */
export function citationSyntax(): Extension {
  return {text: {[codes.leftSquareBracket]: citation}}
}

/**
 * Tokenize a whole citation.
 *
 * The item being scanned is in one of two phases: before its reference (prefix) and after it
 * (suffix). Each item must have exactly one reference, so the phase also tells what a `;`, `]`
 * or a second reference means.
 */
function tokenizeCitation(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  /** Whether the current item has its reference. */
  let seenReference = false
  /** Whether the previous character allows a reference to start (Pandoc’s rule). */
  let atBoundary = true
  /** Open wrapper (`citationItemPrefix` or `citationItemSuffix`), if any. */
  let run: 'citationItemPrefix' | 'citationItemSuffix' | undefined
  /** Whether a `citationItemData` token is open. */
  let inData = false

  return start

  /** At `[`. */
  function start(code: Code): State | undefined {
    effects.enter('citation')
    effects.enter('citationMarker')
    effects.consume(code)
    effects.exit('citationMarker')
    return itemStart
  }

  /** After `[` or `;`. */
  function itemStart(code: Code): State | undefined {
    effects.enter('citationItem')
    seenReference = false
    atBoundary = true
    return inside(code)
  }

  /** Anywhere in an item. */
  function inside(code: Code): State | undefined {
    // Nested brackets belong to links; a backtick may start a code span, which would bind
    // tighter than our brackets in CommonMark.
    if (code === codes.eof || code === codes.leftSquareBracket || code === codes.graveAccent) {
      return nok(code)
    }

    if (code === codes.semicolon || code === codes.rightSquareBracket) {
      if (!seenReference) return nok(code)
      closeRun()
      effects.exit('citationItem')
      return code === codes.semicolon ? separator(code) : end(code)
    }

    if (atBoundary && (code === codes.atSign || code === codes.dash)) {
      return effects.check(reference, atReference, text)(code)
    }

    return text(code)
  }

  /** At a reference that is known to be valid. */
  function atReference(code: Code): State | undefined {
    // A second key in one item: this is prose with handles, not a citation.
    if (seenReference) return nok(code)
    closeRun()
    return effects.attempt(reference, afterReference, nok)(code)
  }

  function afterReference(code: Code): State | undefined {
    seenReference = true
    atBoundary = false
    return inside(code)
  }

  /** Prefix or suffix text, including line endings (items may wrap). */
  function text(code: Code): State | undefined {
    openRun()

    if (markdownLineEnding(code)) {
      closeData()
      effects.enter('lineEnding')
      effects.consume(code)
      effects.exit('lineEnding')
      atBoundary = true
      return inside
    }

    if (!inData) {
      effects.enter('citationItemData')
      inData = true
    }

    effects.consume(code)
    atBoundary = isWhitespace(code)
    return code === codes.backslash ? escape : inside
  }

  /** After `\`: an escaped `]`, `;` or `@` is text, not syntax. */
  function escape(code: Code): State | undefined {
    if (asciiPunctuation(code)) {
      effects.consume(code)
      atBoundary = false
      return inside
    }

    return inside(code)
  }

  /** At `;`. */
  function separator(code: Code): State | undefined {
    effects.enter('citationItemSeparator')
    effects.consume(code)
    effects.exit('citationItemSeparator')
    return itemStart
  }

  /** At `]`. */
  function end(code: Code): State | undefined {
    effects.enter('citationMarker')
    effects.consume(code)
    effects.exit('citationMarker')
    effects.exit('citation')
    return after
  }

  /** After `]`: `[@a](url)` and `[@a][ref]` are links, let them win. */
  function after(code: Code): State | undefined {
    if (code === codes.leftParenthesis || code === codes.leftSquareBracket) return nok(code)
    return ok(code)
  }

  function openRun(): void {
    if (run) return
    run = seenReference ? 'citationItemSuffix' : 'citationItemPrefix'
    effects.enter(run)
  }

  function closeData(): void {
    if (!inData) return
    effects.exit('citationItemData')
    inData = false
  }

  function closeRun(): void {
    closeData()
    if (!run) return
    effects.exit(run)
    run = undefined
  }
}

/** Spaces, tabs, line endings, and Unicode spaces such as the no-break space of French `voir @a`. */
function isWhitespace(code: Code): boolean {
  return markdownLineEndingOrSpace(code) || unicodeWhitespace(code)
}
