/**
 * A partial micromark construct for tokenizers that look ahead for their closing marker (inline
 * notes, sub- and superscripts, citations): at a run of backticks, whether a closing run of the same length
 * follows, as CommonMark finds code spans. Inside a code span, a marker does not count.
 */
import {markdownLineEnding} from 'micromark-util-character'
import {codes} from 'micromark-util-symbol'
import type {Code, Construct, Effects, State, TokenizeContext} from 'micromark-util-types'

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    /** Codes read ahead inside a check for a code span; never in the final events. */
    codeSpanAhead: 'codeSpanAhead'
  }
}

export interface CodeSpanAheadOptions {
  /** Longest span read, in codes: a longer one is not looked for. */
  maxSize: number
  /** Whether the span may go over lines (an inline note) or not (a superscript). */
  lineEndings: boolean
  /** Receives the span's length in codes, both backtick runs included, when there is one. */
  found: (size: number) => void
}

/** Create the construct; use it with `effects.check` at a backtick. */
export function codeSpanAhead(options: CodeSpanAheadOptions): Construct {
  return {tokenize: tokenizeCodeSpanAhead, partial: true}

  function tokenizeCodeSpanAhead(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
    let opening = 0
    let closing = 0
    let total = 0
    return openingRun

    function openingRun(code: Code): State | undefined {
      if (code === codes.graveAccent) {
        take(code)
        opening++
        return openingRun
      }
      return content(code)
    }

    function content(code: Code): State | undefined {
      if (code === codes.eof || total > options.maxSize) return nok(code)
      if (!options.lineEndings && markdownLineEnding(code)) return nok(code)
      if (code === codes.graveAccent) {
        closing = 0
        return closingRun(code)
      }
      take(code)
      return content
    }

    function closingRun(code: Code): State | undefined {
      if (code === codes.graveAccent) {
        take(code)
        closing++
        return closingRun
      }
      if (closing === opening) {
        options.found(total)
        return ok(code)
      }
      return content(code)
    }

    function take(code: Code): void {
      effects.enter('codeSpanAhead')
      effects.consume(code)
      effects.exit('codeSpanAhead')
      total++
    }
  }
}
