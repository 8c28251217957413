/**
 * micromark partial construct for one reference, `@key`, `-@key` or `@{key}`, following Pandoc's
 * rules for citation keys (`Text.Pandoc.Parsing.Citations.citeKey`). Used by `syntax.ts` both to
 * check whether a reference starts here and to tokenize it.
 */
import {asciiAlphanumeric, markdownLineEndingOrSpace, unicodePunctuation, unicodeWhitespace} from 'micromark-util-character'
import {codes} from 'micromark-util-symbol'
import type {Code, Construct, Effects, State, TokenizeContext} from 'micromark-util-types'

/** `-@key`, `@key`, `-@{key}` or `@{key}`. */
export const reference: Construct = {tokenize: tokenizeReference, partial: true}

/** Succeeds on key punctuation that is followed by a key character (and so is inside the key). */
const keyPunctuation: Construct = {tokenize: tokenizeKeyPunctuation, partial: true}

/** Longest braced key read; longer runs are prose, not keys. */
const maxBracedKey = 1000

/** Tokenize `-@key`, `@key` or `@{key}`. */
function tokenizeReference(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  let depth = 0
  let size = 0
  return start

  function start(code: Code): State | undefined {
    effects.enter('citationReference')
    return code === codes.dash ? suppressAuthor(code) : marker(code)
  }

  /** At `-`. */
  function suppressAuthor(code: Code): State | undefined {
    effects.enter('citationSuppressAuthorMarker')
    effects.consume(code)
    effects.exit('citationSuppressAuthorMarker')
    return marker
  }

  /** At `@`. */
  function marker(code: Code): State | undefined {
    if (code !== codes.atSign) return nok(code)
    effects.enter('citationReferenceMarker')
    effects.consume(code)
    effects.exit('citationReferenceMarker')
    return keyStart
  }

  /** After `@`: a key cannot start with punctuation, so `[@]` and `[@ a]` are not citations. */
  function keyStart(code: Code): State | undefined {
    if (code === codes.leftCurlyBrace) {
      effects.enter('citationKeyMarker')
      effects.consume(code)
      effects.exit('citationKeyMarker')
      return bracedStart
    }
    if (!isKeyCharacter(code)) return nok(code)
    effects.enter('citationKey')
    effects.consume(code)
    return keyInside
  }

  function keyInside(code: Code): State | undefined {
    if (isKeyCharacter(code)) {
      effects.consume(code)
      return keyInside
    }

    // `doe-2020`, `smith:2004` and `https://x.org/a` are keys, but the `.` ending `[see @doe.]`
    // is not part of one.
    if (isKeyPunctuation(code)) {
      return effects.check(keyPunctuation, keyPunctuationInside, keyEnd)(code)
    }

    return keyEnd(code)
  }

  function keyPunctuationInside(code: Code): State | undefined {
    effects.consume(code)
    return keyInside
  }

  function keyEnd(code: Code): State | undefined {
    effects.exit('citationKey')
    effects.exit('citationReference')
    return ok(code)
  }

  /** After `@{`: anything but whitespace, with braces balanced (Pandoc), up to the closing `}`. */
  function bracedStart(code: Code): State | undefined {
    if (code === codes.rightCurlyBrace) return nok(code)
    effects.enter('citationKey')
    return braced(code)
  }

  function braced(code: Code): State | undefined {
    if (code === codes.eof || markdownLineEndingOrSpace(code) || unicodeWhitespace(code) || ++size > maxBracedKey) return nok(code)
    if (code === codes.rightCurlyBrace && depth === 0) {
      effects.exit('citationKey')
      effects.enter('citationKeyMarker')
      effects.consume(code)
      effects.exit('citationKeyMarker')
      effects.exit('citationReference')
      return ok
    }
    if (code === codes.leftCurlyBrace) depth++
    if (code === codes.rightCurlyBrace) depth--
    effects.consume(code)
    return braced
  }
}

/** Tokenize key punctuation followed by a key character; only ever used as a check. */
function tokenizeKeyPunctuation(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  let first: Code = null
  return start

  function start(code: Code): State | undefined {
    first = code
    effects.enter('citationKey')
    effects.consume(code)
    return after
  }

  function after(code: Code): State | undefined {
    effects.exit('citationKey')
    if (isKeyCharacter(code)) return ok(code)
    // Pandoc keeps `:` and `/` before a `/`, for URLs used as keys (`@https://doi.org/…`).
    if ((first === codes.colon || first === codes.slash) && code === codes.slash) return ok(code)
    return nok(code)
  }
}

/** Pandoc's word characters: Unicode letters and digits, and `_`. */
export function isKeyCharacter(code: Code): boolean {
  if (code === codes.underscore || asciiAlphanumeric(code)) return true
  // Non-ASCII: anything that is not whitespace, punctuation or a symbol (letters, digits, marks).
  // micromark hands astral characters over as two halves, which cannot be told apart one at a
  // time: they are not key characters, so that `@😀` is not a citation (nor, rarely, an astral
  // letter in a key).
  return code !== null && code > 127 && !isSurrogate(code) && !unicodeWhitespace(code) && !unicodePunctuation(code)
}

function isSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdfff
}

/**
 * Whether a character glues an `@` or `-@` to the word before it, so that it is not a reference:
 * `contact@example.org`, `e.g.@a`. Pandoc's `notAfterString`: letters, digits and `.`.
 */
export function gluesReference(code: Code): boolean {
  if (code === null || code < 0) return false
  if (code === codes.dot || asciiAlphanumeric(code)) return true
  return code > 127 && /[\p{L}\p{N}]/u.test(String.fromCharCode(code))
}

/** Punctuation allowed inside a key, but only when a key character follows (Pandoc). */
function isKeyPunctuation(code: Code): boolean {
  return (
    code === codes.colon ||
    code === codes.dot ||
    code === codes.numberSign ||
    code === codes.dollarSign ||
    code === codes.percentSign ||
    code === codes.ampersand ||
    code === codes.dash ||
    code === codes.plusSign ||
    code === codes.questionMark ||
    code === codes.lessThan ||
    code === codes.greaterThan ||
    code === codes.tilde ||
    code === codes.slash
  )
}
