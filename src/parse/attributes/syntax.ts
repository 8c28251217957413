/**
 * micromark extension for Pandoc's attribute syntax, as Pandoc and Quarto writers use it:
 *
 * - `{#id .class key=value}` in the text: after a heading's text, an image, a link or a code
 *   span (`attach.ts` gives it to that node), or on its own;
 * - bracketed spans `[text]{.class}`: the text is inline Markdown;
 * - fenced divs: a line `::: {.callout-note}` (or `::: warning`), the blocks, a line `:::`.
 *   Nested divs close in order, as in Pandoc: an opening line inside a div opens one more, so
 *   the next `:::` closes the inner one. `:::name` (no space) stays a rapporteur directive.
 *
 * The constructs only tokenize; the attribute list is read by `attribute-list.ts`, once here to
 * decide whether the braces are attributes at all, and again in `from-markdown.ts` for the node.
 */
import {factorySpace} from 'micromark-factory-space'
import {markdownLineEnding, markdownSpace} from 'micromark-util-character'
import {codes, types} from 'micromark-util-symbol'
import type {Code, Construct, Effects, Extension, State, Token, TokenizeContext} from 'micromark-util-types'
import {parseAttributeList} from './attribute-list.js'

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

/** Longest attribute list read, and longest span text: longer runs are prose. */
const maxAttributesSize = 500
const maxSpanSize = 2000

const attributes: Construct = {name: 'attributes', tokenize: tokenizeAttributes}
const shortcode: Construct = {name: 'shortcode', tokenize: tokenizeShortcode}
const span: Construct = {name: 'span', tokenize: tokenizeSpan, add: 'before'}
const fencedDiv: Construct = {name: 'fencedDiv', tokenize: tokenizeFencedDiv, concrete: true}
const nonLazyLine: Construct = {tokenize: tokenizeNonLazyLine, partial: true}
const closingFence: Construct = {tokenize: fenceLine('closing'), partial: true}
const openingFence: Construct = {tokenize: fenceLine('opening'), partial: true}

export function attributesSyntax(): Extension {
  return {
    text: {[codes.leftCurlyBrace]: [shortcode, attributes], [codes.leftSquareBracket]: span},
    flow: {[codes.colon]: fencedDiv}
  }
}

function charOf(code: Code): string {
  if (code === codes.horizontalTab || code === codes.virtualSpace) return code === codes.horizontalTab ? '\t' : ' '
  return String.fromCodePoint(code as number)
}

/**
 * `{…}` whose inside `parseAttributeList` accepts. Quoted values may hold spaces and braces; the
 * list holds no line ending.
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
    if (code === codes.eof || markdownLineEnding(code) || inside.length > maxAttributesSize) return nok(code)
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

/** The opening line's info: `{attribute list}` or one word (a class), then optional colons. */
function tokenizeInfo(effects: Effects, ok: State, nok: State): State {
  let inside = ''
  let braced = false
  return start

  function start(code: Code): State | undefined {
    if (code === codes.eof || markdownLineEnding(code)) return nok(code)
    effects.enter('fencedDivInfo')
    braced = code === codes.leftCurlyBrace
    return info(code)
  }

  function info(code: Code): State | undefined {
    const ends = code === codes.eof || markdownLineEnding(code) || (!braced && (markdownSpace(code) || code === codes.colon))
    if (ends || (braced && inside.length > 1 && inside.endsWith('}'))) {
      const valid = braced ? inside.endsWith('}') && parseAttributeList(inside.slice(1, -1)) !== undefined : /^[\p{L}_][\p{L}\p{N}_-]*$/u.test(inside)
      if (!valid || inside.length > maxAttributesSize) return nok(code)
      effects.exit('fencedDivInfo')
      return factorySpace(effects, trailingColons, types.whitespace)(code)
    }
    inside += charOf(code)
    effects.consume(code)
    return info
  }

  function trailingColons(code: Code): State | undefined {
    if (code === codes.colon) {
      effects.enter('fencedDivSequence')
      return colons(code)
    }
    return end(code)
  }

  function colons(code: Code): State | undefined {
    if (code === codes.colon) {
      effects.consume(code)
      return colons
    }
    effects.exit('fencedDivSequence')
    return factorySpace(effects, end, types.whitespace)(code)
  }

  function end(code: Code): State | undefined {
    return code === codes.eof || markdownLineEnding(code) ? ok(code) : nok(code)
  }
}

/**
 * A fenced div, built on micromark-extension-directive's container: the content is a document
 * of its own, line by line, up to the closing fence, with lazy lines refused.
 */
function tokenizeFencedDiv(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  const self = this
  const tail = self.events[self.events.length - 1]
  const initialSize = tail && tail[1].type === types.linePrefix ? tail[2].sliceSerialize(tail[1], true).length : 0
  let sizeOpen = 0
  /** Divs (and directive containers) opened inside this one and not yet closed. */
  let depth = 0
  let previous: Token | undefined
  return start

  function start(code: Code): State | undefined {
    effects.enter('fencedDiv')
    effects.enter('fencedDivFence')
    effects.enter('fencedDivSequence')
    return sequenceOpen(code)
  }

  function sequenceOpen(code: Code): State | undefined {
    if (code === codes.colon) {
      effects.consume(code)
      sizeOpen++
      return sequenceOpen
    }
    // `:::name` is a directive; a div has a space or a brace after its colons.
    if (sizeOpen < 3 || !(markdownSpace(code) || code === codes.leftCurlyBrace)) return nok(code)
    effects.exit('fencedDivSequence')
    return factorySpace(effects, tokenizeInfo(effects, openAfter, nok), types.whitespace)(code)
  }

  function openAfter(code: Code): State | undefined {
    effects.exit('fencedDivFence')
    if (code === codes.eof) return after(code)
    if (self.interrupt) return ok(code)
    return effects.attempt(nonLazyLine, contentStart, after)(code)
  }

  function contentStart(code: Code): State | undefined {
    if (code === codes.eof) return after(code)
    if (markdownLineEnding(code)) return effects.check(nonLazyLine, emptyContentNonLazyLineAfter, after)(code)
    effects.enter('fencedDivContent')
    return lineStart(code)
  }

  function emptyContentNonLazyLineAfter(code: Code): State | undefined {
    effects.enter('fencedDivContent')
    return lineStart(code)
  }

  function lineStart(code: Code): State | undefined {
    const body = initialSize ? factorySpace(effects, chunkStart, types.linePrefix, initialSize + 1) : chunkStart
    return effects.check(closingFence, atClosingLine, effects.check(openingFence, atOpeningLine, body))(code)

    function atClosingLine(code: Code): State | undefined {
      if (depth > 0) {
        depth--
        return body(code)
      }
      return effects.attempt(closingFence, afterContent, body)(code)
    }

    function atOpeningLine(code: Code): State | undefined {
      depth++
      return body(code)
    }
  }

  function chunkStart(code: Code): State | undefined {
    if (code === codes.eof) return afterContent(code)
    if (markdownLineEnding(code)) return effects.check(nonLazyLine, chunkNonLazyStart, afterContent)(code)
    return chunkNonLazyStart(code)
  }

  function chunkNonLazyStart(code: Code): State | undefined {
    const token = effects.enter(types.chunkDocument, {contentType: 'document', previous})
    if (previous) previous.next = token
    previous = token
    return contentContinue(code)
  }

  function contentContinue(code: Code): State | undefined {
    if (code === codes.eof) {
      const token = effects.exit(types.chunkDocument)
      self.parser.lazy[token.start.line] = false
      return afterContent(code)
    }
    if (markdownLineEnding(code)) return effects.check(nonLazyLine, nonLazyLineAfter, lineAfter)(code)
    effects.consume(code)
    return contentContinue
  }

  function nonLazyLineAfter(code: Code): State | undefined {
    effects.consume(code)
    const token = effects.exit(types.chunkDocument)
    self.parser.lazy[token.start.line] = false
    return lineStart
  }

  function lineAfter(code: Code): State | undefined {
    const token = effects.exit(types.chunkDocument)
    self.parser.lazy[token.start.line] = false
    return afterContent(code)
  }

  function afterContent(code: Code): State | undefined {
    effects.exit('fencedDivContent')
    return after(code)
  }

  function after(code: Code): State | undefined {
    effects.exit('fencedDiv')
    return ok(code)
  }
}

/**
 * A line that starts with three colons or more. `closing`: alone (Pandoc does not ask for as many
 * as the opening). `opening`: with something after, a div or a directive container, which inside a
 * div opens one more level, so the next bare `:::` closes that, not this one.
 */
function fenceLine(kind: 'closing' | 'opening') {
  return function tokenizeFenceLine(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
    let size = 0
    const indented = this.parser.constructs.disable.null?.includes('codeIndented')
    return factorySpace(effects, prefixAfter, types.linePrefix, indented ? undefined : 4)

    function prefixAfter(code: Code): State | undefined {
      if (code !== codes.colon) return nok(code)
      effects.enter('fencedDivFence')
      effects.enter('fencedDivSequence')
      return sequence(code)
    }

    function sequence(code: Code): State | undefined {
      if (code === codes.colon) {
        effects.consume(code)
        size++
        return sequence
      }
      if (size < 3) return nok(code)
      effects.exit('fencedDivSequence')
      return factorySpace(effects, end, types.whitespace)(code)
    }

    function end(code: Code): State | undefined {
      const lineEnds = code === codes.eof || markdownLineEnding(code)
      if (lineEnds !== (kind === 'closing')) return nok(code)
      effects.exit('fencedDivFence')
      return ok(code)
    }
  }
}

function tokenizeNonLazyLine(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  const self = this
  return start

  function start(code: Code): State | undefined {
    effects.enter(types.lineEnding)
    effects.consume(code)
    effects.exit(types.lineEnding)
    return lineStart
  }

  function lineStart(code: Code): State | undefined {
    return self.parser.lazy[self.now().line] ? nok(code) : ok(code)
  }
}
