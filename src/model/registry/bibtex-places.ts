/**
 * Where each entry and field of a BibTeX file is written. citation-js parses BibTeX but keeps no
 * offsets, so this walks the text the way its grammar does (entries at brace depth 0, fields at
 * depth 1, quoted and braced values skipped) and records only where things start.
 */
export interface BibtexPlace {
  /** Offset of the `@`. */
  start: number
  /** Offset just after the entry's last brace (or the end of the text). */
  end: number
  /** Offset of each field name, lower-cased. */
  fields: Map<string, number>
}

const identifier = /[A-Za-z_][A-Za-z0-9_:+.-]*/y

/** The places of every data entry, by citation key. */
export function bibtexPlaces(text: string): Map<string, BibtexPlace> {
  const places = new Map<string, BibtexPlace>()
  let index = 0
  while ((index = text.indexOf('@', index)) !== -1) {
    const start = index
    identifier.lastIndex = index + 1
    const type = identifier.exec(text)
    if (!type) {
      index += 1
      continue
    }
    let at = skipSpace(text, identifier.lastIndex)
    if (text[at] !== '{' && text[at] !== '(') {
      index = at
      continue
    }
    const labelStart = skipSpace(text, at + 1)
    const comma = text.indexOf(',', labelStart)
    const close = matching(text, at)
    const isData = !/^(comment|string|preamble)$/i.test(type[0])
    if (isData && comma !== -1 && comma < close) {
      const label = text.slice(labelStart, comma).trim()
      places.set(label, {start, end: close, fields: fieldsOf(text, comma + 1, close)})
    }
    index = Math.max(close, at + 1)
  }
  return places
}

/** The file's `@string{…}` definitions, as written: what an entry parsed on its own needs of the rest. */
export function stringDefinitions(text: string): string {
  const found: string[] = []
  for (const match of text.matchAll(/@string\s*(?=[{(])/giu)) {
    const open = match.index + match[0].length
    found.push(text.slice(match.index, matching(text, open)))
  }
  return found.join('\n')
}

function fieldsOf(text: string, from: number, to: number): Map<string, number> {
  const fields = new Map<string, number>()
  let at = from
  while (at < to) {
    at = skipSpace(text, at)
    identifier.lastIndex = at
    const name = identifier.exec(text)
    if (!name || name.index !== at) {
      at += 1
      continue
    }
    const equals = skipSpace(text, identifier.lastIndex)
    if (text[equals] !== '=') {
      at = identifier.lastIndex
      continue
    }
    fields.set(name[0].toLowerCase(), at)
    at = endOfValue(text, equals + 1, to)
  }
  return fields
}

/** The offset after a field value (`{…}`, `"…"`, numbers and macros joined by `#`), at its comma. */
function endOfValue(text: string, from: number, to: number): number {
  let at = from
  while (at < to && text[at] !== ',') {
    if (text[at] === '{') at = matching(text, at)
    else if (text[at] === '"') at = closingQuote(text, at)
    else at += 1
  }
  return at + 1
}

/** The offset after the brace or parenthesis that closes the one at `open` (or the text's end). */
function matching(text: string, open: number): number {
  const closer = text[open] === '(' ? ')' : '}'
  let depth = 0
  for (let at = open; at < text.length; at++) {
    const char = text[at]
    if (char === '\\') at += 1
    else if (char === '{' || (closer === ')' && char === '(')) depth += 1
    else if (char === '}' || (closer === ')' && char === ')')) {
      depth -= 1
      if (depth === 0) return at + 1
    }
  }
  return text.length
}

function closingQuote(text: string, open: number): number {
  let depth = 0
  for (let at = open + 1; at < text.length; at++) {
    const char = text[at]
    if (char === '\\') at += 1
    else if (char === '{') depth += 1
    else if (char === '}') depth -= 1
    else if (char === '"' && depth <= 0) return at + 1
  }
  return text.length
}

function skipSpace(text: string, from: number): number {
  let at = from
  while (at < text.length && /\s/.test(text[at] ?? '')) at += 1
  return at
}
