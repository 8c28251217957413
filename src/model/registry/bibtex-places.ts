/**
 * Where each entry and field of a BibTeX file is written. citation-js parses BibTeX but keeps no
 * offsets, so this walks the text the way its grammar does (entries at brace depth 0, fields at
 * depth 1, quoted and braced values skipped) and records only where things start.
 */
export interface BibtexPlace {
  /** The citation key, as written. */
  label: string
  /** The entry type, as written (`book`, `Report`). */
  type: string
  /** Offset of the `@`. */
  start: number
  /** Offset just after the entry's last brace (or where the next entry starts, or the end of the text). */
  end: number
  /** Offset of each field name, lower-cased (the last, for a field given twice, as citation-js reads the last). */
  fields: Map<string, number>
  /**
   * Set when the entry's braces do not close before the next line that starts an entry: the offset
   * of that next entry, where the walk took up again, as biber does.
   */
  unclosedUntil?: number
  /** Each `@string` macro a field's value names (`publisher = oup`), at its offset. */
  macros: Array<{name: string; field: string; offset: number}>
  /** A field given again in the entry (`title = …` twice): the earlier offset, and this one's. */
  repeated: Array<{field: string; first: number; offset: number}>
}

const identifier = /[A-Za-z_][A-Za-z0-9_:+.-]*/y
/** A line that starts an entry (`@book{`, `  @Report (`): where a walk lost in an unclosed brace takes up again. */
const entryLine = /^[ \t]*@[A-Za-z]+[ \t]*[{(]/u

/** The places of every data entry, in the order of the file (a key given twice is there twice). */
export function bibtexPlaces(text: string): BibtexPlace[] {
  const places: BibtexPlace[] = []
  let index = 0
  while ((index = text.indexOf('@', index)) !== -1) {
    const start = index
    identifier.lastIndex = index + 1
    const type = identifier.exec(text)
    if (!type) {
      index += 1
      continue
    }
    const at = skipSpace(text, identifier.lastIndex)
    if (text[at] !== '{' && text[at] !== '(') {
      index = at
      continue
    }
    const labelStart = skipSpace(text, at + 1)
    const comma = text.indexOf(',', labelStart)
    const {end, resynced} = entryEnd(text, at)
    const isData = !/^(comment|string|preamble)$/i.test(type[0])
    if (isData && comma !== -1 && comma < end) {
      const label = text.slice(labelStart, comma).trim()
      const macros: BibtexPlace['macros'] = []
      const repeated: BibtexPlace['repeated'] = []
      places.push({label, type: type[0], start, end, fields: fieldsOf(text, comma + 1, end, macros, repeated), macros, repeated, ...(resynced ? {unclosedUntil: end} : {})})
    }
    index = Math.max(end, at + 1)
  }
  return places
}

/** Each parsed entry's place: the n-th entry of a key at the n-th place written with it. */
export function pairPlaces<T extends {label: string}>(entries: readonly T[], places: readonly BibtexPlace[]): BibtexPlace[] {
  const byLabel = new Map<string, BibtexPlace[]>()
  for (const place of places) byLabel.set(place.label, [...(byLabel.get(place.label) ?? []), place])
  const taken = new Map<string, number>()
  return entries.map((entry) => {
    const n = taken.get(entry.label) ?? 0
    taken.set(entry.label, n + 1)
    const written = byLabel.get(entry.label) ?? []
    return written[n] ?? written.at(-1) ?? {label: entry.label, type: '', start: 0, end: 0, fields: new Map(), macros: [], repeated: []}
  })
}

/**
 * A field whose braced value runs over the lines of other fields (`title = {A {title},` then
 * `author = …`): the brace a writer left open, as its offset and the field's name.
 */
export function swallowingField(text: string, place: BibtexPlace): {field: string; brace: number; next: number} | undefined {
  for (const [field, offset] of place.fields) {
    const brace = text.indexOf('{', offset)
    const equals = text.indexOf('=', offset)
    if (brace === -1 || brace >= place.end || text.slice(equals + 1, brace).trim() !== '') continue
    const close = Math.min(matching(text, brace), place.end)
    const inside = /\n([ \t]*)[A-Za-z_][A-Za-z0-9_:+.-]*[ \t]*=/u.exec(text.slice(brace, close))
    if (inside) return {field, brace, next: brace + inside.index + 1 + (inside[1]?.length ?? 0)}
  }
  return undefined
}

/** The file's `@string{…}` definitions, as written: what an entry parsed on its own needs of the rest. */
export function stringDefinitions(text: string): string {
  const found: string[] = []
  for (const match of text.matchAll(/@string\s*(?=[{(])/giu)) {
    const open = match.index + match[0].length
    found.push(text.slice(match.index, entryEnd(text, open).end))
  }
  return found.join('\n')
}

function fieldsOf(text: string, from: number, to: number, macros: BibtexPlace['macros'], repeated: BibtexPlace['repeated']): Map<string, number> {
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
    const field = name[0].toLowerCase()
    const first = fields.get(field)
    if (first !== undefined) repeated.push({field: name[0], first, offset: at})
    fields.set(field, at)
    at = endOfValue(text, equals + 1, to, (macro, offset) => macros.push({name: macro, field, offset}))
  }
  return fields
}

/**
 * The offset after a field value (`{…}`, `"…"`, numbers and macros joined by `#`), at its comma;
 * each macro named, where a part of the value may start (first, or after `#`), handed to `macro`.
 * A name after a part is no macro but a comma left out (`{Dupont} year = …`), the parser's to report.
 */
function endOfValue(text: string, from: number, to: number, macro: (name: string, offset: number) => void): number {
  let at = from
  let partMayStart = true
  while (at < to && text[at] !== ',') {
    const char = text[at] ?? ''
    if (char === '{') at = matching(text, at)
    else if (char === '"') at = closingQuote(text, at)
    else if (char === '#' || /\s/u.test(char)) {
      partMayStart ||= char === '#'
      at += 1
      continue
    } else {
      identifier.lastIndex = at
      const name = /[A-Za-z_]/u.test(char) ? identifier.exec(text) : null
      if (name && partMayStart) macro(name[0], at)
      at = name ? identifier.lastIndex : at + 1
    }
    partMayStart = false
  }
  return at + 1
}

/**
 * Where the entry whose brace (or parenthesis) is at `open` ends: after its closing one, or, when
 * a brace inside is left open, at the next line that starts an entry (`resynced`), so that one
 * brace not closed loses its own entry only, not every entry after it.
 */
function entryEnd(text: string, open: number): {end: number; resynced: boolean} {
  const closer = text[open] === '(' ? ')' : '}'
  let depth = 0
  for (let at = open; at < text.length; at++) {
    const char = text[at]
    if (char === '\\') at += 1
    else if (char === '\n' && depth > 0 && entryLine.test(text.slice(at + 1, at + 80))) return {end: at + 1, resynced: true}
    else if (char === '{' || (closer === ')' && char === '(')) depth += 1
    else if (char === '}' || (closer === ')' && char === ')')) {
      depth -= 1
      if (depth === 0) return {end: at + 1, resynced: false}
    }
  }
  return {end: text.length, resynced: depth > 0}
}

/** The offset after the brace that closes the one at `open` (or the text's end). */
function matching(text: string, open: number): number {
  let depth = 0
  for (let at = open; at < text.length; at++) {
    const char = text[at]
    if (char === '\\') at += 1
    else if (char === '{') depth += 1
    else if (char === '}') {
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
