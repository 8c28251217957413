/**
 * micromark extension for Pandoc's inline notes (`inline_notes`): `^[` … `]`, the note written
 * where it is called.
 *
 * As in Pandoc's `inlinesInBalancedBrackets`, the note ends at the `]` that balances its `[`:
 * brackets inside must balance, and an escaped `\]` or a `]` in a code span does not count. It
 * may go over lines. Its content is `chunkText` tokens with `contentType: 'text'`, one per line (as
 * `micromark-extension-directive` does for labels): micromark parses it as inline Markdown with
 * every extension of the parser (emphasis, code, links, citations, directives, sub- and
 * superscripts). Whitespace around the content is not part of it. An empty note (`^[]`, `^[ ]`)
 * is text.
 */
import {asciiPunctuation, markdownLineEnding, markdownLineEndingOrSpace, unicodeWhitespace} from 'micromark-util-character'
import {codes} from 'micromark-util-symbol'
import type {Code, Construct, Effects, Extension, State, Token, TokenizeContext} from 'micromark-util-types'
import {codeSpanAhead} from '../code-span-ahead.js'

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    /** An inline note, `^[` to `]`. */
    inlineNote: 'inlineNote'
    /** The `^[` and the `]`. */
    inlineNoteMarker: 'inlineNoteMarker'
    /** The note's content: `chunkText` tokens, one per line. */
    inlineNoteText: 'inlineNoteText'
    /** Codes read ahead inside checks; never in the final events. */
    inlineNoteScan: 'inlineNoteScan'
  }
}

/** Longest note read (codes between `^[` and `]`): a longer bracket is prose, not a note. */
const maxSize = 5000
/** Deepest bracket nesting inside a note (micromark's own limit for balanced brackets). */
const maxDepth = 32

const inlineNote: Construct = {name: 'inlineNote', tokenize: tokenizeInlineNote}

/** Create an extension for `micromark` to enable Pandoc inline notes. */
export function inlineNoteSyntax(): Extension {
  return {text: {[codes.caret]: inlineNote}}
}

function tokenizeInlineNote(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  let size = 0
  /** Brackets opened inside the note and not yet closed. */
  let depth = 0
  /** Codes of a code span still to take as they are. */
  let verbatim = 0
  let spanSize = 0
  let wrapped = false
  let chunk: Token | undefined
  let lastChunk: Token | undefined

  const codeSpan = codeSpanAhead({maxSize, lineEndings: true, found: (found) => (spanSize = found)})
  const trailing: Construct = {tokenize: tokenizeTrailing, partial: true}

  return start

  /** At `^`. */
  function start(code: Code): State | undefined {
    if (code !== codes.caret) return nok(code)
    effects.enter('inlineNote')
    effects.enter('inlineNoteMarker')
    effects.consume(code)
    return open
  }

  /** After `^`: only `[` opens a note (else it may be a superscript). */
  function open(code: Code): State | undefined {
    if (code !== codes.leftSquareBracket) return nok(code)
    effects.consume(code)
    effects.exit('inlineNoteMarker')
    return before
  }

  /** Whitespace before the content. */
  function before(code: Code): State | undefined {
    if (isSpaceOrLineEnding(code)) {
      if (++size > maxSize) return nok(code)
      const type = markdownLineEnding(code) ? 'lineEnding' : 'whitespace'
      effects.enter(type)
      effects.consume(code)
      effects.exit(type)
      return before
    }
    // An empty note is no note.
    if (code === codes.rightSquareBracket) return nok(code)
    return inside(code)
  }

  /** Anywhere in the content. */
  function inside(code: Code): State | undefined {
    if (code === codes.eof || ++size > maxSize) return nok(code)
    if (verbatim > 0) return verbatimCode(code)
    if (depth === 0 && code === codes.rightSquareBracket) return close(code)
    // Whitespace before the closing `]` stays out of the content.
    if (isSpaceOrLineEnding(code)) return effects.check(trailing, closeAfterWhitespace, text)(code)
    return text(code)
  }

  /** Text of the note; a line ending ends a chunk (the next line gets its own). */
  function text(code: Code): State | undefined {
    openChunk()
    if (markdownLineEnding(code)) {
      effects.consume(code)
      closeChunk()
      return inside
    }
    if (code === codes.backslash) {
      effects.consume(code)
      return escape
    }
    if (code === codes.graveAccent) return effects.check(codeSpan, inCodeSpan, backticks)(code)
    if (code === codes.leftSquareBracket && ++depth > maxDepth) return nok(code)
    if (code === codes.rightSquareBracket) depth--
    effects.consume(code)
    return inside
  }

  /** After `\`: an escaped bracket is text, not syntax. */
  function escape(code: Code): State | undefined {
    if (asciiPunctuation(code)) {
      size++
      effects.consume(code)
      return inside
    }
    return inside(code)
  }

  /** At a backtick run that opens a code span: take the span as it is. */
  function inCodeSpan(code: Code): State | undefined {
    verbatim = spanSize
    return verbatimCode(code)
  }

  /** At a backtick run without a closing one: the run is text. */
  function backticks(code: Code): State | undefined {
    if (code !== codes.graveAccent) return inside(code)
    size++
    effects.consume(code)
    return backticks
  }

  function verbatimCode(code: Code): State | undefined {
    openChunk()
    verbatim--
    effects.consume(code)
    if (markdownLineEnding(code)) closeChunk()
    return inside
  }

  /** At whitespace followed by the closing `]`. */
  function closeAfterWhitespace(code: Code): State | undefined {
    closeText()
    return whitespaceBeforeClose(code)
  }

  function whitespaceBeforeClose(code: Code): State | undefined {
    if (code === codes.rightSquareBracket) return close(code)
    const type = markdownLineEnding(code) ? 'lineEnding' : 'whitespace'
    effects.enter(type)
    effects.consume(code)
    effects.exit(type)
    return whitespaceBeforeClose
  }

  /** At the `]` that closes the note. */
  function close(code: Code): State | undefined {
    closeText()
    effects.enter('inlineNoteMarker')
    effects.consume(code)
    effects.exit('inlineNoteMarker')
    effects.exit('inlineNote')
    return ok
  }

  function openChunk(): void {
    if (!wrapped) {
      effects.enter('inlineNoteText')
      wrapped = true
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

  function closeText(): void {
    closeChunk()
    if (!wrapped) return
    effects.exit('inlineNoteText')
    wrapped = false
  }

  /** Whitespace up to the closing `]` (outside brackets and code spans). */
  function tokenizeTrailing(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
    let seen = 0
    return run

    function run(code: Code): State | undefined {
      if (isSpaceOrLineEnding(code) && ++seen < maxSize) {
        effects.enter('inlineNoteScan')
        effects.consume(code)
        effects.exit('inlineNoteScan')
        return run
      }
      return depth === 0 && verbatim === 0 && code === codes.rightSquareBracket ? ok(code) : nok(code)
    }
  }
}

function isSpaceOrLineEnding(code: Code): boolean {
  return markdownLineEndingOrSpace(code) || unicodeWhitespace(code)
}
