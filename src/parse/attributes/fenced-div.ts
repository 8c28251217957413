/**
 * Pandoc's fenced divs, built on micromark-extension-directive's container: a line
 * `::: {.callout-note}` (or `::: warning`), the blocks, a line `:::`. Nested divs close in order,
 * as in Pandoc: an opening line inside a div opens one more, so the next `:::` closes the inner
 * one. `:::name` (no space) stays a rapporteur directive. Token types are declared in `syntax.ts`.
 */
import {factorySpace} from 'micromark-factory-space'
import {markdownLineEnding, markdownSpace} from 'micromark-util-character'
import {codes, types} from 'micromark-util-symbol'
import type {Code, Construct, Effects, State, Token, TokenizeContext} from 'micromark-util-types'
import {charOf, maxAttributesSize, parseAttributeList} from './attribute-list.js'

export const fencedDiv: Construct = {name: 'fencedDiv', tokenize: tokenizeFencedDiv, concrete: true}
const nonLazyLine: Construct = {tokenize: tokenizeNonLazyLine, partial: true}
const closingFence: Construct = {tokenize: fenceLine('closing'), partial: true}
const openingFence: Construct = {tokenize: fenceLine('opening'), partial: true}

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
