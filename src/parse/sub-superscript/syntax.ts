/**
 * micromark extension for Pandoc's `subscript` and `superscript` extensions: `H~2~O`, `10^6^`,
 * `1^er^`.
 *
 * As in Pandoc, the content runs from the opening marker to the next one, and holds no space, tab
 * or line ending, unless escaped (`P~a\ cat~`, a no-break space); an escaped marker (`\^`) or one
 * in a code span does not close. It is not empty: `^^` and `~~` are not a superscript or a
 * subscript. `^[` opens an inline note, never a superscript, and a tilde next to another tilde
 * belongs to GFM strikethrough (`~~struck~~`). The content is a `chunkText` token with
 * `contentType: 'text'`: micromark parses it as inline Markdown (emphasis, code, citations…).
 */
import {asciiPunctuation, markdownLineEnding, markdownSpace} from 'micromark-util-character'
import {codes} from 'micromark-util-symbol'
import type {Code, Construct, Effects, Extension, State, TokenizeContext} from 'micromark-util-types'
import {codeSpanAhead} from '../code-span-ahead.js'

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    /** A subscript, `~` to `~`. */
    subscript: 'subscript'
    /** A superscript, `^` to `^`. */
    superscript: 'superscript'
    /** The opening and closing `~` or `^`. */
    subscriptMarker: 'subscriptMarker'
    superscriptMarker: 'superscriptMarker'
    /** The content: one `chunkText` token. */
    subscriptText: 'subscriptText'
    superscriptText: 'superscriptText'
  }
}

/** Longest content read: a sub- or superscript is a few characters, not a sentence. */
const maxSize = 1000

type Kind = 'subscript' | 'superscript'

const subscript: Construct = {name: 'subscript', tokenize: createScript('subscript', codes.tilde), add: 'before'}
const superscript: Construct = {name: 'superscript', tokenize: createScript('superscript', codes.caret)}

/**
 * Create an extension for `micromark` to enable Pandoc sub- and superscripts.
 *
 * `add: 'before'` puts the subscript ahead of GFM strikethrough at `~`; it never takes a tilde
 * next to another one, so `~~struck~~` stays strikethrough. Use it with remark-gfm's
 * `singleTilde: false`, or GFM would read `~a~` as strikethrough first.
 */
export function subSuperscriptSyntax(): Extension {
  return {text: {[codes.tilde]: subscript, [codes.caret]: superscript}}
}

function createScript(kind: Kind, marker: NonNullable<Code>) {
  const markerType = kind === 'subscript' ? 'subscriptMarker' : 'superscriptMarker'
  const textType = kind === 'subscript' ? 'subscriptText' : 'superscriptText'

  return function tokenizeScript(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
    const self = this
    let size = 0
    /** Codes of a code span still to take as they are. */
    let verbatim = 0
    let spanSize = 0
    const codeSpan = codeSpanAhead({maxSize, lineEndings: false, found: (found) => (spanSize = found)})

    return start

    /** At the opening marker. */
    function start(code: Code): State | undefined {
      if (code !== marker) return nok(code)
      // A marker right after the same marker is part of a run (`~~` is strikethrough), unless
      // that one closed a sub- or superscript: `~a~~b~` is two subscripts, as in Pandoc.
      const last = self.events[self.events.length - 1]
      if (self.previous === marker && !(last?.[0] === 'exit' && last[1].type === kind)) return nok(code)
      effects.enter(kind)
      effects.enter(markerType)
      effects.consume(code)
      effects.exit(markerType)
      return open
    }

    /** After the opening marker: not empty, not a space, and `^[` is an inline note. */
    function open(code: Code): State | undefined {
      if (code === marker || code === codes.eof || markdownSpace(code) || markdownLineEnding(code)) return nok(code)
      if (kind === 'superscript' && code === codes.leftSquareBracket) return nok(code)
      effects.enter(textType)
      effects.enter('chunkText', {contentType: 'text'})
      return inside(code)
    }

    function inside(code: Code): State | undefined {
      if (code === codes.eof || ++size > maxSize) return nok(code)
      if (verbatim > 0) {
        verbatim--
        effects.consume(code)
        return inside
      }
      if (code === marker) return close(code)
      if (markdownSpace(code) || markdownLineEnding(code)) return nok(code)
      if (code === codes.backslash) {
        effects.consume(code)
        return escape
      }
      if (code === codes.graveAccent) return effects.check(codeSpan, inCodeSpan, backticks)(code)
      effects.consume(code)
      return inside
    }

    /** After `\`: an escaped marker is text, and an escaped space (Pandoc's no-break space) is allowed. */
    function escape(code: Code): State | undefined {
      if (asciiPunctuation(code) || code === codes.space) {
        size++
        effects.consume(code)
        return inside
      }
      return inside(code)
    }

    function inCodeSpan(code: Code): State | undefined {
      verbatim = spanSize
      return inside(code)
    }

    function backticks(code: Code): State | undefined {
      if (code !== codes.graveAccent) return inside(code)
      size++
      effects.consume(code)
      return backticks
    }

    /** At the closing marker. */
    function close(code: Code): State | undefined {
      effects.exit('chunkText')
      effects.exit(textType)
      effects.enter(markerType)
      effects.consume(code)
      effects.exit(markerType)
      effects.exit(kind)
      return ok
    }
  }
}
