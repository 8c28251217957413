/**
 * micromark partial construct for one reference, `@key` or `-@key`, following Pandoc’s rules
 * for citation keys. Used by `syntax.ts` both to check whether a reference starts here and to
 * tokenize it.
 */
import {asciiAlphanumeric, unicodePunctuation, unicodeWhitespace} from 'micromark-util-character'
import {codes} from 'micromark-util-symbol'
import type {Code, Construct, Effects, State, TokenizeContext} from 'micromark-util-types'

/** `-@key` or `@key`. */
export const reference: Construct = {tokenize: tokenizeReference, partial: true}

/** Succeeds on key punctuation that is followed by a key character (and so is inside the key). */
const keyPunctuation: Construct = {tokenize: tokenizeKeyPunctuation, partial: true}

/** Tokenize `-@key` or `@key`. */
function tokenizeReference(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
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

    // `doe-2020` and `smith:2004` are keys, but the `.` ending `[see @doe.]` is not.
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
}

/** Tokenize key punctuation followed by a key character; only ever used as a check. */
function tokenizeKeyPunctuation(
  this: TokenizeContext,
  effects: Effects,
  ok: State,
  nok: State
): State {
  return start

  function start(code: Code): State | undefined {
    effects.consume(code)
    return after
  }

  function after(code: Code): State | undefined {
    return isKeyCharacter(code) ? ok(code) : nok(code)
  }
}

/** Pandoc’s word characters: Unicode letters and digits, and `_`. */
function isKeyCharacter(code: Code): boolean {
  if (code === codes.underscore || asciiAlphanumeric(code)) return true
  // Non-ASCII: anything that is not whitespace or punctuation (letters, digits, marks; and
  // the halves of astral characters, which micromark hands over one at a time).
  return code !== null && code > 127 && !unicodeWhitespace(code) && !unicodePunctuation(code)
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
