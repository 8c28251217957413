/**
 * micromark extension for Pandoc citations, following Pandoc's Markdown reader:
 *
 * - bracketed: `[see @doe-2020, p. 16; -@roe]`, also right after `!` when no image results;
 * - in-text: `@doe-2020`, `-@doe-2020`, `@doe-2020 [p. 16]` (the bracket holds the locator and
 *   suffix of the in-text item, and more items after `;`), `@doe-2020 [see @roe]` (an in-text
 *   item and bracketed ones).
 *
 * The construct only tokenizes; `from-markdown.ts` turns the tokens into a node. Prefixes and
 * suffixes are `chunkText` tokens with `contentType: 'text'`, as
 * `micromark-extension-directive` does for labels: micromark parses them as inline Markdown
 * (emphasis, code, links, nested citations…) with every extension of the parser. The locator is
 * found with the grammar of `locator.ts`, on the codes that follow a key.
 */
import {
  asciiPunctuation,
  markdownLineEnding,
  markdownLineEndingOrSpace,
  markdownSpace,
  unicodeWhitespace
} from 'micromark-util-character'
import {codes} from 'micromark-util-symbol'
import type {
  Code,
  Construct,
  Effects,
  Extension,
  Point,
  State,
  Token,
  TokenizeContext,
  TokenType
} from 'micromark-util-types'
import {codeSpanAhead} from '../code-span-ahead.js'
import {matchLocator, type LocatorMatch} from './locator.js'
import {gluesReference, reference} from './reference.js'

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    /** Bracketed citation, `[` to `]`. */
    citation: 'citation'
    /** In-text citation, `@key` to the end of its bracket if it has one. */
    citationInText: 'citationInText'
    /** The `[` and `]`. */
    citationMarker: 'citationMarker'
    /** One item: its prefix and reference (the locator and suffix follow it). */
    citationItem: 'citationItem'
    /** Prefix of an item: `chunkText` tokens, one per line. */
    citationItemPrefix: 'citationItemPrefix'
    /** Suffix of an item: `chunkText` tokens, one per line. */
    citationItemSuffix: 'citationItemSuffix'
    /** `-@key`, `@key` or `@{key}`. */
    citationReference: 'citationReference'
    /** The `-` of `-@key`. */
    citationSuppressAuthorMarker: 'citationSuppressAuthorMarker'
    /** The `@`. */
    citationReferenceMarker: 'citationReferenceMarker'
    /** The key itself, without `@` or braces. */
    citationKey: 'citationKey'
    /** The braces of `@{key}`. */
    citationKeyMarker: 'citationKeyMarker'
    /** The `;` between items. */
    citationItemSeparator: 'citationItemSeparator'
    /** Comma and whitespace between a key and its locator or suffix. */
    citationItemGap: 'citationItemGap'
    /** A locator, with its braces if it has some. */
    citationLocator: 'citationLocator'
    /** The braces of `{p. 3}`. */
    citationLocatorMarker: 'citationLocatorMarker'
    /** The term of a locator: `p.`, `chap.`. */
    citationLocatorTerm: 'citationLocatorTerm'
    /** The locator without its term: `33-35`. */
    citationLocatorValue: 'citationLocatorValue'
    /** Text of a locator term or value, up to a line ending. */
    citationLocatorText: 'citationLocatorText'
    /** Codes read ahead inside checks; never in the final events. */
    citationScan: 'citationScan'
  }
}

/** Longest bracket read (codes between `[` and `]`): longer runs are prose, not citations. */
const maxSize = 3000
/** Codes read after a key to find a locator. */
const maxLocatorSize = 400

type Mode =
  /** `[…]` on its own. */
  | 'bracketed'
  /** `[see @b]` after an in-text `@a`: more items. */
  | 'continuation'
  /** `[p. 3; @b]` after an in-text `@a`: the locator and suffix of `@a`, then more items. */
  | 'bareloc'

const bracketed: Construct = {name: 'citation', tokenize: createBracket('bracketed'), add: 'before'}
const afterBang: Construct = {name: 'citationAfterBang', tokenize: tokenizeAfterBang, add: 'before'}
const inText: Construct = {name: 'citationInText', tokenize: tokenizeInText, add: 'before'}
const inTextBracket: Construct = {tokenize: tokenizeInTextBracket, partial: true}
const continuation: Construct = {tokenize: createBracket('continuation'), partial: true}
const bareloc: Construct = {tokenize: createBracket('bareloc'), partial: true}

/**
 * Create an extension for `micromark` to enable Pandoc citation syntax.
 *
 * `add: 'before'` makes the constructs win over label starts (links, images, GFM footnote calls):
 * when they fail, those get their turn at the same character.
 */
export function citationSyntax(): Extension {
  return {
    text: {
      [codes.leftSquareBracket]: bracketed,
      [codes.exclamationMark]: afterBang,
      [codes.atSign]: inText,
      [codes.dash]: inText
    }
  }
}

/**
 * `![@a]` where no image results: Pandoc reads the `!` as text and the bracket as a citation
 * (`Wow![@doe]`). Taken before micromark's image start, which would otherwise claim the `[`.
 */
function tokenizeAfterBang(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  const self = this
  return start

  function start(code: Code): State | undefined {
    effects.enter('data')
    effects.consume(code)
    effects.exit('data')
    return createBracket('bracketed').call(self, effects, ok, nok)
  }
}

/** `@key` or `-@key` in the text, with its bracket if one follows. */
function tokenizeInText(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  const self = this
  return start

  function start(code: Code): State | undefined {
    // Pandoc: not right after a word (`contact@example.org`), and `--@a` is a dash, not `-@a`.
    if (gluesReference(self.previous)) return nok(code)
    if (code === codes.dash && self.previous === codes.dash) return nok(code)
    effects.enter('citationInText')
    effects.enter('citationItem')
    return effects.attempt(reference, afterReference, nok)(code)
  }

  function afterReference(code: Code): State | undefined {
    effects.exit('citationItem')
    return effects.attempt(inTextBracket, end, end)(code)
  }

  function end(code: Code): State | undefined {
    effects.exit('citationInText')
    return ok(code)
  }
}

/** Whitespace, at most one line ending, then a bracket of more items or of a locator and suffix. */
function tokenizeInTextBracket(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  let lineEndings = 0
  return before

  function before(code: Code): State | undefined {
    if (markdownLineEnding(code)) {
      if (++lineEndings > 1) return nok(code)
      effects.enter('lineEnding')
      effects.consume(code)
      effects.exit('lineEnding')
      return before
    }
    if (isSpace(code)) {
      effects.enter('whitespace')
      effects.consume(code)
      effects.exit('whitespace')
      return before
    }
    if (code !== codes.leftSquareBracket) return nok(code)
    return effects.attempt([continuation, bareloc], ok, nok)(code)
  }
}

/** One step of consuming a locator found ahead: enter or exit a wrapper, or a leaf of `count` codes. */
type Step = {enter: TokenType} | {exit: TokenType} | {leaf: TokenType; count: number}

/**
 * Tokenizer of a bracket: `[` items separated by `;` `]`.
 *
 * An item is a prefix (text up to the first reference at bracket depth 0, which must not be glued
 * to a word), the reference, then an optional locator and the suffix (text up to `;` or `]` at
 * depth 0; a reference there is a nested in-text citation, as in Pandoc). Brackets inside
 * prefixes and suffixes must balance; code spans and escapes hide `;` and `]`. An item without
 * a reference, or a bracket that does not close, makes no citation; nor does a bracket followed
 * by `(`, `[` or `{` (a link, a reference, a span: Pandoc lets those win).
 */
function createBracket(mode: Mode) {
  return function tokenizeBracket(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
    const self = this
    /** Codes read since `[`. */
    let size = 0
    /** Depth of nested brackets inside a prefix or suffix. */
    let depth = 0
    /** Before the reference of the current item, or after it. */
    let phase: 'prefix' | 'suffix' = 'prefix'
    let itemOpen = false
    let wrapper: 'citationItemPrefix' | 'citationItemSuffix' | undefined
    let chunk: Token | undefined
    let lastChunk: Token | undefined
    /** Previous code of the item, for Pandoc's rule that a reference is not glued to a word. */
    let previous: Code = null
    /** Codes of a code span still to take as they are. */
    let verbatim = 0
    let codeSpanSize = 0
    /** Codes after a key, read ahead to find a locator. */
    let buffer: number[] = []
    let steps: Step[] = []
    let step = 0
    let remaining = 0
    /** Just after `[`, for the text of the bracket. */
    let open: Point | undefined
    /** Text between the brackets, for the defined-reference test of in-text brackets. */
    let label = ''
    /** Whether the bracket holds anything: `@a []` is a citation and text, not an empty bracket. */
    let filled = mode !== 'bareloc'

    const trailing: Construct = {tokenize: tokenizeTrailing, partial: true}
    // A backtick run with a closing run of the same size: a code span, whose size is recorded.
    const codeSpan = codeSpanAhead({maxSize, lineEndings: true, found: (size) => (codeSpanSize = size)})
    const scan: Construct = {tokenize: tokenizeScan, partial: true}

    return start

    /** At `[`. */
    function start(code: Code): State | undefined {
      if (code !== codes.leftSquareBracket) return nok(code)
      if (mode === 'bracketed') effects.enter('citation')
      effects.enter('citationMarker')
      effects.consume(code)
      effects.exit('citationMarker')
      open = self.now()
      return mode === 'bareloc' ? barelocStart : itemStart
    }

    /** After the `[` of an in-text bracket holding a locator and suffix. */
    function barelocStart(code: Code): State | undefined {
      // `@a[^1]` is a citation and a footnote call.
      if (code === codes.caret) return nok(code)
      phase = 'suffix'
      return afterKey(code)
    }

    /** After `[` or `;`. */
    function itemStart(code: Code): State | undefined {
      effects.enter('citationItem')
      itemOpen = true
      phase = 'prefix'
      previous = null
      return space(code)
    }

    /** Whitespace outside prefixes and suffixes: around them, and before a locator. */
    function space(code: Code): State | undefined {
      if (markdownLineEnding(code) || isSpace(code)) {
        effects.enter(markdownLineEnding(code) ? 'lineEnding' : 'whitespace')
        effects.consume(code)
        effects.exit(markdownLineEnding(code) ? 'lineEnding' : 'whitespace')
        previous = code
        return space
      }
      return inside(code)
    }

    /** Anywhere in an item. */
    function inside(code: Code): State | undefined {
      if (code === codes.eof || ++size > maxSize) return nok(code)
      if (verbatim > 0) return verbatimCode(code)
      if (depth === 0 && (code === codes.semicolon || code === codes.rightSquareBracket)) return endItem(code)
      if (phase === 'prefix' && depth === 0 && startsReference(code)) {
        return effects.check(reference, atReference, text)(code)
      }
      // Whitespace before the end of a prefix or suffix stays out of it.
      if (isSpaceOrLineEnding(code)) return effects.check(trailing, endRun, text)(code)
      return text(code)
    }

    /** Whether a reference may start here (Pandoc’s `notAfterString`, and `--@a` is a dash). */
    function startsReference(code: Code): boolean {
      if (code !== codes.atSign && code !== codes.dash) return false
      if (gluesReference(previous)) return false
      return !(code === codes.dash && previous === codes.dash)
    }

    /** Text of a prefix or suffix; line endings end a chunk (the next line gets its own). */
    function text(code: Code): State | undefined {
      openChunk()

      if (markdownLineEnding(code)) {
        effects.consume(code)
        closeChunk()
        previous = code
        return inside
      }

      if (code === codes.backslash) {
        effects.consume(code)
        previous = code
        return escape
      }

      if (code === codes.graveAccent) return effects.check(codeSpan, inCodeSpan, backticks)(code)

      if (code === codes.leftSquareBracket) depth++
      else if (code === codes.rightSquareBracket) depth--
      effects.consume(code)
      previous = code
      return inside
    }

    /** After `\`: an escaped `]`, `;` or `@` is text, not syntax. */
    function escape(code: Code): State | undefined {
      if (asciiPunctuation(code)) {
        effects.consume(code)
        previous = code
        return inside
      }
      return inside(code)
    }

    /** At a backtick run that opens a code span: take the span as it is. */
    function inCodeSpan(code: Code): State | undefined {
      verbatim = codeSpanSize
      return verbatimCode(code)
    }

    /** At a backtick run without a closing one: the run is text. */
    function backticks(code: Code): State | undefined {
      if (code !== codes.graveAccent) return inside(code)
      openChunk()
      effects.consume(code)
      previous = code
      return backticks
    }

    function verbatimCode(code: Code): State | undefined {
      openChunk()
      verbatim--
      effects.consume(code)
      previous = code
      if (markdownLineEnding(code)) closeChunk()
      return inside
    }

    /** At a reference that is known to be valid. */
    function atReference(code: Code): State | undefined {
      closeRun()
      return effects.attempt(reference, afterReference, nok)(code)
    }

    function afterReference(code: Code): State | undefined {
      phase = 'suffix'
      return afterKey(code)
    }

    /** After a key: read ahead, find the locator, then take the gap, the locator, and the suffix. */
    function afterKey(code: Code): State | undefined {
      buffer = []
      return effects.check(scan, afterScan, afterScan)(code)
    }

    function afterScan(code: Code): State | undefined {
      const match = matchLocator(buffer)
      if (match.locator) filled = true
      steps = plan(match, buffer)
      step = 0
      remaining = 0
      return runSteps(code)
    }

    function runSteps(code: Code): State | undefined {
      while (step < steps.length) {
        const current = steps[step]!
        if ('enter' in current) effects.enter(current.enter)
        else if ('exit' in current) effects.exit(current.exit)
        else if (current.count > 0) {
          if (remaining === 0) {
            effects.enter(current.leaf)
            remaining = current.count
          }
          effects.consume(code)
          size++
          previous = code
          if (--remaining === 0) {
            effects.exit(current.leaf)
            step++
          }
          return runSteps
        }
        step++
      }
      return space(code)
    }

    /** At whitespace that ends a prefix or suffix. */
    function endRun(code: Code): State | undefined {
      closeRun()
      return space(code)
    }

    /** At `;` or `]` (depth 0). */
    function endItem(code: Code): State | undefined {
      closeRun()
      // Every item has a reference.
      if (phase === 'prefix') return nok(code)
      if (itemOpen) {
        effects.exit('citationItem')
        itemOpen = false
      }

      if (code === codes.semicolon) {
        filled = true
        effects.enter('citationItemSeparator')
        effects.consume(code)
        effects.exit('citationItemSeparator')
        return itemStart
      }

      if (!filled) return nok(code)
      if (open) label = self.sliceSerialize({start: open, end: self.now()})
      effects.enter('citationMarker')
      effects.consume(code)
      effects.exit('citationMarker')
      if (mode === 'bracketed') effects.exit('citation')
      return after
    }

    /** After `]`: `[@a](url)`, `[@a][ref]` and `[@a]{.class}` are links or spans, let them win. */
    function after(code: Code): State | undefined {
      if (code === codes.leftParenthesis || code === codes.leftSquareBracket || code === codes.leftCurlyBrace) {
        return nok(code)
      }
      // Pandoc: `@cite [label]` where `[label]` is a defined link reference is a citation and a link.
      if (mode !== 'bracketed' && self.parser.defined.includes(normalizeIdentifier(label))) return nok(code)
      return ok(code)
    }

    function openChunk(): void {
      filled = true
      if (!wrapper) {
        wrapper = phase === 'prefix' ? 'citationItemPrefix' : 'citationItemSuffix'
        effects.enter(wrapper)
        lastChunk = undefined
      }
      if (!chunk) {
        chunk = effects.enter('chunkText', {contentType: 'text', previous: lastChunk})
        if (lastChunk) lastChunk.next = chunk
        lastChunk = chunk
      }
    }

    function closeChunk(): void {
      if (!chunk) return
      effects.exit('chunkText')
      chunk = undefined
    }

    function closeRun(): void {
      closeChunk()
      if (!wrapper) return
      effects.exit(wrapper)
      wrapper = undefined
    }

    /** Whitespace followed by the end of the item, or (in a prefix) by a reference. */
    function tokenizeTrailing(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
      let seen = 0
      return run

      function run(code: Code): State | undefined {
        if (isSpaceOrLineEnding(code) && ++seen < maxSize) {
          effects.enter('citationScan')
          effects.consume(code)
          effects.exit('citationScan')
          return run
        }
        if (depth === 0 && (code === codes.semicolon || code === codes.rightSquareBracket)) return ok(code)
        if (phase === 'prefix' && depth === 0 && (code === codes.atSign || code === codes.dash)) {
          return effects.check(reference, ok, nok)(code)
        }
        return nok(code)
      }
    }

    /** Read the codes after a key, up to the end of the item, into `buffer`. */
    function tokenizeScan(this: TokenizeContext, effects: Effects, ok: State): State {
      let nested = 0
      let escaped = false
      return next

      function next(code: Code): State | undefined {
        if (code === codes.eof || buffer.length >= maxLocatorSize) return ok(code)
        if (!escaped) {
          if (code === codes.graveAccent) return ok(code)
          if (nested === 0 && (code === codes.semicolon || code === codes.rightSquareBracket)) return ok(code)
          if (code === codes.leftSquareBracket) nested++
          else if (code === codes.rightSquareBracket) nested--
        }
        escaped = !escaped && code === codes.backslash
        effects.enter('citationScan')
        effects.consume(code)
        effects.exit('citationScan')
        buffer.push(code)
        return next
      }
    }
  }
}

/**
 * Steps that take the gap after a key (`, `), then the locator if there is one: its braces, term
 * and value each in a token, whitespace between them in `whitespace` tokens.
 *
 * Every line ending gets a `lineEnding` token of its own, as in the rest of the text: micromark
 * finds the lines of a paragraph by them.
 */
function plan(match: LocatorMatch, buffer: readonly number[]): Step[] {
  const steps: Step[] = []
  let at = 0
  /** Codes up to `to`, in leaves of `type` cut at line endings, inside `wrapper` if given. */
  const take = (type: TokenType, to: number, wrapper?: TokenType) => {
    if (to <= at) return
    if (wrapper) steps.push({enter: wrapper})
    while (at < to) {
      if (markdownLineEnding(buffer[at]!)) {
        steps.push({leaf: 'lineEnding', count: 1})
        at++
        continue
      }
      let end = at
      while (end < to && !markdownLineEnding(buffer[end]!)) end++
      steps.push({leaf: type, count: end - at})
      at = end
    }
    if (wrapper) steps.push({exit: wrapper})
  }

  take('citationItemGap', match.gapEnd)
  const found = match.locator
  if (!found) return steps
  steps.push({enter: 'citationLocator'})
  if (found.braced) take('citationLocatorMarker', at + 1)
  if (found.term) {
    take('whitespace', found.term.start)
    take('citationLocatorText', found.term.end, 'citationLocatorTerm')
  }
  take('whitespace', found.value.start)
  take('citationLocatorText', found.value.end, 'citationLocatorValue')
  if (found.braced) {
    take('whitespace', found.end - 1)
    take('citationLocatorMarker', found.end)
  }
  steps.push({exit: 'citationLocator'})
  take('citationItemGap', match.suffixStart)
  return steps
}

/** Spaces and tabs (micromark codes) and Unicode whitespace such as the no-break space. */
function isSpace(code: Code): boolean {
  return markdownSpace(code) || (unicodeWhitespace(code) && !markdownLineEnding(code))
}

function isSpaceOrLineEnding(code: Code): boolean {
  return markdownLineEndingOrSpace(code) || unicodeWhitespace(code)
}

/** micromark's normalization of link labels (`micromark-util-normalize-identifier`). */
function normalizeIdentifier(value: string): string {
  return value
    .replace(/[\t\n\r ]+/g, ' ')
    .replace(/^ | $/g, '')
    .toLowerCase()
    .toUpperCase()
}
