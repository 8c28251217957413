/**
 * Quotes in an attribute list (`{key="value"}`) that Markdown does not take as quotes: a word
 * processor's curly ones (`actors=“Etat, écoles”`), or a straight one escaped inside a value
 * (`locator="table \"Income\""`). The directive's parser then cannot read the list: a block's
 * fence prints as written with everything in it, an inline directive's attributes are misread.
 * Found in the source, outside code, by the rule `attribute-quotes`; `unsupported-syntax` and the
 * directives' schemas leave such a list to it.
 */
export interface MisquotedAttribute {
  /** Offset of the quote in the text given. */
  offset: number
  quote: string
  kind: 'curly' | 'escaped'
}

/** An attribute list as Pandoc and directives write it: `{` then `#id`, `.class` or `key=`, on one line. */
const attributeList = /\{(?=[ \t]*[#.\p{L}_-])[^{}\n]*\}/gu
/** `=` then a curly quote opening the value; or a curly quote closing one before a space or the `}`. */
const curly = /=[ \t]*([“”«»‘’„‚])|[^\s=]([”»’])(?=[ \t}])/gu
/** `\"` inside a double-quoted value, `\'` inside a single-quoted one. */
const escaped = /=[ \t]*(["'])(?:(?!\1)[^\\\n]|\\.)*?(\\\1)/gu

export function misquotedAttributes(text: string): MisquotedAttribute[] {
  const found: MisquotedAttribute[] = []
  for (const list of text.matchAll(attributeList)) {
    if (!list[0].includes('=')) continue
    const start = list.index
    const curlyQuote = curly.exec(list[0])
    curly.lastIndex = 0
    if (curlyQuote) {
      const quote = (curlyQuote[1] ?? curlyQuote[2])!
      found.push({offset: start + curlyQuote.index + curlyQuote[0].indexOf(quote), quote, kind: 'curly'})
      continue
    }
    const escapedQuote = escaped.exec(list[0])
    escaped.lastIndex = 0
    if (escapedQuote) found.push({offset: start + escapedQuote.index + escapedQuote[0].length - 2, quote: escapedQuote[1]!, kind: 'escaped'})
  }
  return found
}

/** Whether a line's attribute list holds quotes Markdown does not read (for the rules that leave it to `attribute-quotes`). */
export function hasMisquotedAttributes(text: string): boolean {
  return misquotedAttributes(text).length > 0
}
