/**
 * micromark extension for TeX maths as Pandoc's `tex_math_dollars` reads it:
 *
 * - in the text, `$…$`: the opening `$` followed by a non-space, the closing one preceded by a
 *   non-space and not followed by a digit, so that `$5 and $10` stays text; `\$` is a dollar;
 *   inside, `\` escapes the next character and `\text{…}` may hold dollars;
 * - in the text, `$$…$$`: display maths, which may span lines of its paragraph;
 * - as a block, `$$` alone on a line, the formula, and `$$` alone on a line, with no blank line in
 *   between: micromark-extension-math's flow construct, taken only when its closing fence comes
 *   before a blank line and the opening fence has nothing after it (Pandoc reads `$$ x` … `x $$`
 *   as display maths in a paragraph, and a `$$` that never closes as text).
 *
 * micromark-extension-math's own text construct is not used: it reads any `$…$` as maths, money
 * included. The constructs only tokenize; `from-markdown.ts` makes the nodes.
 */
import {math} from 'micromark-extension-math'
import {asciiDigit, markdownLineEnding, markdownSpace, unicodeWhitespace} from 'micromark-util-character'
import {codes} from 'micromark-util-symbol'
import type {Code, Construct, Effects, Extension, State, TokenizeContext} from 'micromark-util-types'

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    /** Inline maths, `$` to `$`. */
    texMathText: 'texMathText'
    /** Display maths in the text, `$$` to `$$`. */
    texMathTextDisplay: 'texMathTextDisplay'
    /** The `$` or `$$` around the formula. */
    texMathTextSequence: 'texMathTextSequence'
    /** The formula, one token per line. */
    texMathTextData: 'texMathTextData'
    /** Codes read ahead while looking for a closing fence; never in the final events. */
    texMathScan: 'texMathScan'
  }
}

/** micromark-extension-math's flow construct (`$$` fences), wrapped below. */
const fenced = flowConstruct()

const mathFlow: Construct = {name: 'mathFlow', tokenize: tokenizeMathFlow, concrete: true}
const closedFence: Construct = {tokenize: tokenizeClosedFence, partial: true}
const displayInText: Construct = {name: 'texMathTextDisplay', tokenize: tokenizeDisplay}
const inlineInText: Construct = {name: 'texMathText', tokenize: tokenizeInline}
const closingDisplay: Construct = {tokenize: tokenizeClosingDisplay, partial: true}
const textGroup: Construct = {tokenize: tokenizeTextGroup, partial: true}

/**
 * Longest `\text{…}` group read, in codes: an unclosed one is not scanned to the end of its
 * paragraph from every `$` before it.
 */
const maxTextGroup = 256

/** Create an extension for `micromark` to enable TeX maths with dollars, as Pandoc reads them. */
export function mathSyntax(): Extension {
  return {
    flow: {[codes.dollarSign]: mathFlow},
    // Display first: `$$a$$` is display maths; when it fails, `$` gets its turn.
    text: {[codes.dollarSign]: [displayInText, inlineInText]}
  }
}

function flowConstruct(): Construct {
  const found = math().flow?.[codes.dollarSign]
  const construct = Array.isArray(found) ? found[0] : found
  if (!construct) throw new Error('micromark-extension-math has no flow construct on `$`')
  return construct as Construct
}

/** `$$` fenced maths, only when a closing fence comes before a blank line. */
function tokenizeMathFlow(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  // Made now: the inner tokenizer reads the events so far for the indentation of the fence.
  const inner = fenced.tokenize.call(this, effects, ok, nok)
  return (code) => effects.check(closedFence, inner, nok)(code)
}

/**
 * Read ahead from an opening fence: `$$` (or more) with nothing after it, then lines up to a
 * closing fence at least as long, with no blank line, lazy line or end of the container first.
 */
function tokenizeClosedFence(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  const self = this
  let sizeOpen = 0
  let size = 0
  return open

  function open(code: Code): State | undefined {
    if (code === codes.dollarSign) {
      sizeOpen++
      return take(open)(code)
    }
    if (sizeOpen < 2) return nok(code)
    return afterOpen(code)
  }

  function afterOpen(code: Code): State | undefined {
    if (markdownSpace(code)) return take(afterOpen)(code)
    if (!markdownLineEnding(code)) return nok(code)
    return take(lineStart)(code)
  }

  function lineStart(code: Code): State | undefined {
    if (self.parser.lazy[self.now().line]) return nok(code)
    size = 0
    return indent(code)
  }

  function indent(code: Code): State | undefined {
    if (markdownSpace(code)) return take(indent)(code)
    // A blank line, or the end of the document or container, before any closing fence.
    if (code === codes.eof || markdownLineEnding(code)) return nok(code)
    return fence(code)
  }

  function fence(code: Code): State | undefined {
    if (code === codes.dollarSign) {
      size++
      return take(fence)(code)
    }
    return size >= sizeOpen ? afterFence(code) : rest(code)
  }

  function afterFence(code: Code): State | undefined {
    if (code === codes.eof || markdownLineEnding(code)) return ok(code)
    if (markdownSpace(code)) return take(afterFence)(code)
    return rest(code)
  }

  function rest(code: Code): State | undefined {
    if (code === codes.eof) return nok(code)
    if (markdownLineEnding(code)) return take(lineStart)(code)
    return take(rest)(code)
  }

  function take(next: State): State {
    return (code) => {
      effects.enter('texMathScan')
      effects.consume(code)
      effects.exit('texMathScan')
      return next
    }
  }
}

/**
 * `$$…$$` in the text: at least one character, up to the first `$$` (Pandoc's `mathDisplay`).
 * Line endings are allowed (a paragraph holds no blank line); a formula of whitespace alone is not
 * taken.
 */
function tokenizeDisplay(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  let sizeOpen = 0
  let filled = false
  let dataOpen = false
  return start

  function start(code: Code): State | undefined {
    if (code !== codes.dollarSign) return nok(code)
    effects.enter('texMathTextDisplay')
    effects.enter('texMathTextSequence')
    return sequenceOpen(code)
  }

  function sequenceOpen(code: Code): State | undefined {
    if (code === codes.dollarSign && sizeOpen < 2) {
      sizeOpen++
      effects.consume(code)
      return sequenceOpen
    }
    if (sizeOpen < 2) return nok(code)
    effects.exit('texMathTextSequence')
    // The first character is the formula's, even a `$`.
    return character(code)
  }

  function content(code: Code): State | undefined {
    if (code === codes.dollarSign) {
      // The closing sequence is not data: end the data token first (a failed attempt reopens one).
      closeData()
      return effects.attempt(closingDisplay, closed, character)(code)
    }
    return character(code)
  }

  function character(code: Code): State | undefined {
    if (code === codes.eof) return nok(code)
    if (markdownLineEnding(code)) {
      closeData()
      effects.enter('lineEnding')
      effects.consume(code)
      effects.exit('lineEnding')
      return content
    }
    if (!dataOpen) {
      effects.enter('texMathTextData')
      dataOpen = true
    }
    if (!markdownSpace(code) && !unicodeWhitespace(code)) filled = true
    effects.consume(code)
    return content
  }

  function closed(code: Code): State | undefined {
    if (!filled) return nok(code)
    effects.exit('texMathTextDisplay')
    return ok(code)
  }

  function closeData(): void {
    if (!dataOpen) return
    effects.exit('texMathTextData')
    dataOpen = false
  }

}

/** The closing `$$` of display maths in the text. */
function tokenizeClosingDisplay(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  let size = 0
  return sequence

  function sequence(code: Code): State | undefined {
    if (code === codes.dollarSign && size < 2) {
      if (size === 0) effects.enter('texMathTextSequence')
      size++
      effects.consume(code)
      return sequence
    }
    if (size < 2) return nok(code)
    effects.exit('texMathTextSequence')
    return ok(code)
  }
}

/**
 * `$…$` in the text, as Pandoc's `mathInline`: not followed by whitespace; then characters, `\`
 * and the character it escapes, `\text{…}` with balanced braces, and whitespace runs not followed
 * by `$`; up to a `$` not followed by a digit.
 */
function tokenizeInline(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  let dataOpen = false
  return start

  function start(code: Code): State | undefined {
    if (code !== codes.dollarSign) return nok(code)
    effects.enter('texMathText')
    effects.enter('texMathTextSequence')
    effects.consume(code)
    effects.exit('texMathTextSequence')
    return first
  }

  /** Right after the opening `$`: a non-space, taken as it is (even a `$`). */
  function first(code: Code): State | undefined {
    if (code === codes.eof || markdownLineEnding(code) || markdownSpace(code) || unicodeWhitespace(code)) return nok(code)
    if (code === codes.backslash) return backslash(code)
    return data(code)
  }

  function content(code: Code): State | undefined {
    if (code === codes.eof) return nok(code)
    if (code === codes.dollarSign) {
      closeData()
      effects.enter('texMathTextSequence')
      effects.consume(code)
      effects.exit('texMathTextSequence')
      return afterClose
    }
    if (markdownSpace(code) || markdownLineEnding(code)) return whitespace(code)
    if (code === codes.backslash) return backslash(code)
    return data(code)
  }

  function data(code: Code): State | undefined {
    openData()
    effects.consume(code)
    return content
  }

  /** A run of spaces, tabs and line endings, which must not end at `$`. */
  function whitespace(code: Code): State | undefined {
    if (markdownLineEnding(code)) {
      closeData()
      effects.enter('lineEnding')
      effects.consume(code)
      effects.exit('lineEnding')
      return whitespace
    }
    if (markdownSpace(code)) {
      openData()
      effects.consume(code)
      return whitespace
    }
    if (code === codes.dollarSign || code === codes.eof) return nok(code)
    return content(code)
  }

  /** `\` and the next character, or `\text{…}`. */
  function backslash(code: Code): State | undefined {
    openData()
    effects.consume(code)
    return escaped
  }

  function escaped(code: Code): State | undefined {
    if (code === codes.eof) return nok(code)
    if (code === codes.lowercaseT) return effects.attempt(textGroup, content, escapedCharacter)(code)
    return escapedCharacter(code)
  }

  function escapedCharacter(code: Code): State | undefined {
    if (markdownLineEnding(code)) return whitespace(code)
    effects.consume(code)
    return content
  }

  function afterClose(code: Code): State | undefined {
    // `$5 and 6$7`: Pandoc takes no maths that closes right before a digit.
    if (asciiDigit(code)) return nok(code)
    effects.exit('texMathText')
    return ok(code)
  }

  function openData(): void {
    if (dataOpen) return
    effects.enter('texMathTextData')
    dataOpen = true
  }

  function closeData(): void {
    if (!dataOpen) return
    effects.exit('texMathTextData')
    dataOpen = false
  }
}

/**
 * `text{…}` after `\`, braces balanced, `\` escaping the next character: its content may hold
 * `$` and whitespace before `$` (`$\text{costs $5}$`). Runs inside an open data token. At most
 * `maxTextGroup` codes (Pandoc has no limit).
 */
function tokenizeTextGroup(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  const word = [codes.lowercaseT, codes.lowercaseE, codes.lowercaseX, codes.lowercaseT]
  let index = 0
  let depth = 0
  let size = 0
  return name

  function name(code: Code): State | undefined {
    if (index < word.length) {
      if (code !== word[index]) return nok(code)
      index++
      effects.consume(code)
      return name
    }
    if (code !== codes.leftCurlyBrace) return nok(code)
    return inside(code)
  }

  function inside(code: Code): State | undefined {
    if (code === codes.eof || ++size > maxTextGroup) return nok(code)
    if (markdownLineEnding(code)) {
      // The group is inside the formula's data token: a line ending gets a token of its own.
      effects.exit('texMathTextData')
      effects.enter('lineEnding')
      effects.consume(code)
      effects.exit('lineEnding')
      effects.enter('texMathTextData')
      return inside
    }
    if (code === codes.backslash) {
      effects.consume(code)
      return escape
    }
    if (code === codes.leftCurlyBrace) depth++
    else if (code === codes.rightCurlyBrace) depth--
    effects.consume(code)
    return depth === 0 ? ok : inside
  }

  function escape(code: Code): State | undefined {
    if (code === codes.eof || markdownLineEnding(code)) return inside(code)
    effects.consume(code)
    return inside
  }
}
