import {lineEndOffset} from '../../diagnostics/location.js'
import {stringDefinitions, swallowingField, type BibtexPlace} from './bibtex-places.js'

/** An entry as citation-js's BibTeX grammar gives it, before mapping to CSL. */
export interface RawEntry {
  type: string
  label: string
  properties: Record<string, string>
}

/**
 * The file's entries as citation-js's grammar reads them. One entry that does not parse (a comma
 * left out, a brace not closed) would take the whole file with it: then each entry is parsed on its
 * own, with the file's @string macros, and one that does not parse is reported where the parser
 * stopped (a brace not closed, at the brace), its key kept for unknown-source; undefined when no
 * entry can be found at all.
 */
export function readEntries(text: string, places: readonly BibtexPlace[], parse: (source: string) => RawEntry[], fail: (offset: number, end: number, message: string, label?: string) => void): RawEntry[] | undefined {
  // A brace left open can make the whole file parse, the next entries read as its text: never trust that.
  if (!places.some((place) => place.unclosedUntil !== undefined)) {
    try {
      return parse(text).map(asText)
    } catch (error) {
      if (places.length === 0) {
        fail(errorOffset(error, text), errorOffset(error, text), `Cannot parse BibTeX: ${syntaxError(error)}, expected entries such as \`@article{key, title = {…}}\``)
        return undefined
      }
    }
  }
  const macros = stringDefinitions(text)
  const raw: RawEntry[] = []
  for (const place of places) {
    if (place.unclosedUntil !== undefined) {
      const open = swallowingField(text, place)
      const offset = open?.brace ?? place.start
      fail(offset, lineEndOffset(text, offset), unclosedMessage(text, place, open), place.label)
      continue
    }
    const source = `${macros}\n${text.slice(place.start, place.end)}`
    try {
      raw.push(...parse(source).map(asText))
    } catch (entryError) {
      const offset = place.start + Math.max(0, errorOffset(entryError, source) - macros.length - 1)
      fail(offset, lineEndOffset(text, offset), `Cannot parse BibTeX entry \`${place.label}\` here: ${syntaxError(entryError)}; the entry is left out`, place.label)
    }
  }
  return raw
}

/** `expected } closing the entry opened at line 1 before the next entry at line 7: the { of title here is not closed`. */
function unclosedMessage(text: string, place: BibtexPlace, open: {field: string; next: number} | undefined): string {
  const line = (offset: number) => text.slice(0, offset).split('\n').length
  const until = place.unclosedUntil ?? text.length
  const next = until >= text.length ? 'the end of the file' : `the next entry, at line ${line(until)}`
  const why = open ? `: the \`{\` of \`${open.field}\` here is not closed (its value runs into the field on line ${line(open.next)})` : ''
  return `Cannot parse BibTeX entry \`${place.label}\`: expected \`}\` closing the entry opened at line ${line(place.start)} before ${next}${why}; the entry is left out`
}

/** A bare number (`year = 2021`) reaches us as a number: every value as text, as the readers expect. */
function asText(entry: RawEntry): RawEntry {
  return {...entry, properties: Object.fromEntries(Object.entries(entry.properties).map(([field, value]) => [field, String(value)]))}
}

/** Where citation-js's parser stopped (`… at line 10 col 3`), as an offset in the text it read. */
function errorOffset(error: unknown, text: string): number {
  const place = /at line (\d+) col (\d+)/u.exec(firstLine(error))
  if (!place) return 0
  const lines = text.split('\n')
  return lines.slice(0, Number(place[1]) - 1).reduce((offset, line) => offset + line.length + 1, 0) + Number(place[2]) - 1
}

/** The parser's `expected "rbrace", got "identifier" at line 10 col 3:` said as a writer reads it. */
function syntaxError(error: unknown): string {
  const message = firstLine(error)
  const tokens: Record<string, string> = {rbrace: '`}`', lbrace: '`{`', comma: 'a comma', equals: '`=`', identifier: 'a name', quote: '`"`', number: 'a number', at: '`@`', whitespace: 'a space', EOF: 'the end of the file'}
  const parts = /expected "?(\w+)"?,? got "?(\w+)"?/u.exec(message)
  if (!parts) return message.replace(/\s*at line \d+ col \d+:?/u, '').replace(/:$/u, '')
  const [, expected, got] = parts
  const hint = (expected === 'rbrace' || expected === 'comma') && got === 'identifier' ? ' (is a comma missing at the end of the field before?)' : ''
  return `expected ${tokens[expected!] ?? expected}, found ${tokens[got!] ?? got}${hint}`
}

export function firstLine(error: unknown): string {
  return String(error instanceof Error ? error.message : error).split('\n')[0] ?? ''
}

/** The offset where braces first nest deeper than `limit`, if they do. */
export function deepBraces(text: string, limit: number): number | undefined {
  let depth = 0
  for (let index = 0; index < text.length; index++) {
    const char = text[index]
    if (char === '\\') index++
    else if (char === '{' && ++depth > limit) return index
    else if (char === '}' && depth > 0) depth--
  }
  return undefined
}
