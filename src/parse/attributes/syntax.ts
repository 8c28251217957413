/**
 * micromark extension for Pandoc's attribute syntax, as Pandoc and Quarto writers use it:
 *
 * - `{#id .class key=value}` in the text: after a heading's text, an image, a link or a code
 *   span (`attach.ts` gives it to that node), or on its own;
 * - bracketed spans `[text]{.class}`: the text is inline Markdown;
 * - fenced divs (`fenced-div.ts`): a line `::: {.callout-note}` (or `::: warning`), the blocks,
 *   a line `:::`.
 *
 * The constructs only tokenize; the attribute list is read by `attribute-list.ts`, once here to
 * decide whether the braces are attributes at all, and again in `from-markdown.ts` for the node.
 */
import {markdownLineEnding} from 'micromark-util-character'
import {codes, types} from 'micromark-util-symbol'
import type {Code, Construct, Effects, Extension, State, Token, TokenizeContext} from 'micromark-util-types'
import {charOf, maxAttributesSize, parseAttributeList} from './attribute-list.js'
import {fencedDiv} from './fenced-div.js'

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    /** `{…}`, braces included. */
    attributes: 'attributes'
    attributesMarker: 'attributesMarker'
    /** Between the braces. */
    attributesValue: 'attributesValue'
    /** `[text]{…}`. */
    span: 'span'
    spanMarker: 'spanMarker'
    /** The text between the brackets: `chunkText` tokens, one per line. */
    spanText: 'spanText'
    fencedDiv: 'fencedDiv'
    fencedDivFence: 'fencedDivFence'
    fencedDivSequence: 'fencedDivSequence'
    /** `{.callout-note}` or `warning` on the opening line. */
    fencedDivInfo: 'fencedDivInfo'
    fencedDivContent: 'fencedDivContent'
    /** `{{< include x.qmd >}}`: a Quarto shortcode, kept only to be reported. */
    shortcode: 'shortcode'
  }
}

/** Longest span text: longer runs are prose. */
const maxSpanSize = 2000

const attributes: Construct = {name: 'attributes', tokenize: tokenizeAttributes}
const shortcode: Construct = {name: 'shortcode', tokenize: tokenizeShortcode}
const span: Construct = {name: 'span', tokenize: tokenizeSpan, add: 'before'}

export function attributesSyntax(): Extension {
  return {
    text: {[codes.leftCurlyBrace]: [shortcode, attributes], [codes.leftSquareBracket]: span},
    flow: {[codes.colon]: fencedDiv}
  }
}

/**
 * `{…}` whose inside `parseAttributeList` accepts. Quoted values may hold spaces and braces. The
 * list may go on to the next lines of its paragraph, as Pandoc's own output does when it wraps at
 * 72 columns (`![Atelier](photo.jpg){width="3in"` then `height="2in"}`): a line ending is a space.
 */
function tokenizeAttributes(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  let inside = ''
  let quote: string | undefined
  return start

  function start(code: Code): State | undefined {
    effects.enter('attributes')
    effects.enter('attributesMarker')
    effects.consume(code)
    effects.exit('attributesMarker')
    effects.enter('attributesValue')
    return value
  }

  function value(code: Code): State | undefined {
    if (code === codes.eof || inside.length > maxAttributesSize) return nok(code)
    if (markdownLineEnding(code)) {
      // A value a line, the line endings between (micromark consumes only into an open token).
      inside += ' '
      effects.exit('attributesValue')
      effects.enter(types.lineEnding)
      effects.consume(code)
      effects.exit(types.lineEnding)
      effects.enter('attributesValue')
      return value
    }
    if (code === codes.rightCurlyBrace && !quote) {
      if (!parseAttributeList(inside)) return nok(code)
      effects.exit('attributesValue')
      effects.enter('attributesMarker')
      effects.consume(code)
      effects.exit('attributesMarker')
      effects.exit('attributes')
      return ok
    }
    const char = charOf(code)
    if (quote && char === '\\') {
      inside += char
      effects.consume(code)
      return escaped
    }
    if (char === '"' || char === "'") quote = quote === char ? undefined : (quote ?? char)
    inside += char
    effects.consume(code)
    return value
  }

  function escaped(code: Code): State | undefined {
    if (code === codes.eof || markdownLineEnding(code)) return nok(code)
    inside += charOf(code)
    effects.consume(code)
    return value
  }
}

/** `{{< name … >}}` or `{{% name … %}}` on one line: Quarto and Hugo shortcodes. */
function tokenizeShortcode(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  let size = 0
  let marker: number | undefined
  return start

  function start(code: Code): State | undefined {
    effects.enter('shortcode')
    effects.consume(code)
    return second
  }

  function second(code: Code): State | undefined {
    if (code !== codes.leftCurlyBrace) return nok(code)
    effects.consume(code)
    return opening
  }

  function opening(code: Code): State | undefined {
    if (code !== codes.lessThan && code !== codes.percentSign) return nok(code)
    marker = code
    effects.consume(code)
    return inside
  }

  function inside(code: Code): State | undefined {
    if (code === codes.eof || markdownLineEnding(code) || ++size > maxAttributesSize) return nok(code)
    effects.consume(code)
    if (code === (marker === codes.lessThan ? codes.greaterThan : codes.percentSign)) return closing
    return inside
  }

  function closing(code: Code): State | undefined {
    if (code !== codes.rightCurlyBrace) return inside(code)
    effects.consume(code)
    return last
  }

  function last(code: Code): State | undefined {
    if (code !== codes.rightCurlyBrace) return inside(code)
    effects.consume(code)
    effects.exit('shortcode')
    return ok
  }
}

/**
 * `[text]{attributes}`: the brackets balance, escapes and code spans hide brackets. Anything
 * else after `]` (a link's `(`, a reference's `[`, nothing) fails, and micromark's own label
 * start takes the `[`.
 */
function tokenizeSpan(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  let size = 0
  let balance = 0
  /** Length of the backtick run that opened the code span we are in, or 0. */
  let codeRun = 0
  let run = 0
  let previous: Token | undefined
  return start

  function start(code: Code): State | undefined {
    effects.enter('span')
    effects.enter('spanMarker')
    effects.consume(code)
    effects.exit('spanMarker')
    return afterStart
  }

  function afterStart(code: Code): State | undefined {
    // `[^…]` is a footnote call, `[@…` may be a citation: theirs, not a span's.
    if (code === codes.caret) return nok(code)
    if (code === codes.rightSquareBracket) return closeMarker(code)
    effects.enter('spanText')
    return lineStart(code)
  }

  function lineStart(code: Code): State | undefined {
    if (code === codes.rightSquareBracket && balance === 0) return close(code)
    const token = effects.enter(types.chunkText, {contentType: 'text', previous})
    if (previous) previous.next = token
    previous = token
    return data(code)
  }

  function data(code: Code): State | undefined {
    if (code === codes.eof || ++size > maxSpanSize) return nok(code)
    if (code === codes.graveAccent) {
      run++
      effects.consume(code)
      return data
    }
    if (run > 0) {
      codeRun = codeRun === 0 ? run : codeRun === run ? 0 : codeRun
      run = 0
    }
    if (codeRun === 0) {
      if (code === codes.leftSquareBracket) balance++
      if (code === codes.rightSquareBracket && balance-- === 0) {
        effects.exit(types.chunkText)
        return close(code)
      }
    }
    if (markdownLineEnding(code)) {
      effects.consume(code)
      effects.exit(types.chunkText)
      return lineStart
    }
    effects.consume(code)
    return code === codes.backslash && codeRun === 0 ? escape : data
  }

  function escape(code: Code): State | undefined {
    if (code === codes.leftSquareBracket || code === codes.rightSquareBracket || code === codes.backslash) {
      effects.consume(code)
      return data
    }
    return data(code)
  }

  function close(code: Code): State | undefined {
    effects.exit('spanText')
    return closeMarker(code)
  }

  function closeMarker(code: Code): State | undefined {
    effects.enter('spanMarker')
    effects.consume(code)
    effects.exit('spanMarker')
    return afterClose
  }

  function afterClose(code: Code): State | undefined {
    if (code !== codes.leftCurlyBrace) return nok(code)
    return effects.attempt(attributes, after, nok)(code)
  }

  function after(code: Code): State | undefined {
    effects.exit('span')
    return ok(code)
  }
}
