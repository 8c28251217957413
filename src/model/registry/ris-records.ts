/**
 * RIS, the tagged format EndNote, Zotero, Mendeley and most library catalogues export: one
 * `XX  - value` line per field, a record from `TY  - ` to `ER  - `. citation-js reads records
 * but keeps no offsets, so this splits the text the way its parser does, a little more leniently
 * (as Pandoc: any spaces before the `-`), and records where each record and tag starts.
 */
export interface RisRecord {
  /** Offset of the record's `TY` line, and just after its `ER` line (or its last line). */
  start: number
  end: number
  /** Each tag's value, or values when it is repeated (`AU`, `KW`), continuation lines joined with a space. */
  tags: Record<string, string | string[]>
  /** Offset of each tag's first line. */
  places: Map<string, number>
}

/** What splitting found besides the records: a tag line outside any record. */
export interface RisStray {
  tag: string
  offset: number
}

const tagLine = /^([A-Z][A-Z0-9]) +-(?: (.*))?$/u

/** Split RIS text into records; lines that belong to none are returned apart, to be reported. */
export function risRecords(text: string): {records: RisRecord[]; strays: RisStray[]} {
  const records: RisRecord[] = []
  const strays: RisStray[] = []
  let record: RisRecord | undefined
  let lastTag: string | undefined
  let offset = 0
  for (const raw of text.split('\n')) {
    const lineStart = offset
    offset += raw.length + 1
    // A byte order mark and Windows line ends, as EndNote writes them.
    const line = raw.replace(/^\uFEFF/u, '').replace(/\r$/u, '')
    const match = tagLine.exec(line.trimStart())
    if (!match) {
      if (line.trim() === '') continue
      // A line that continues the tag above; with none to continue (outside a record, or after a
      // tag left empty), it is said, not dropped.
      if (record && lastTag) append(record, lastTag, line.trim())
      else strays.push({tag: '', offset: lineStart})
      continue
    }
    const tag = match[1]!
    const value = (match[2] ?? '').trim()
    if (tag === 'TY') {
      if (record) records.push(record)
      record = {start: lineStart, end: offset, tags: {TY: value.toUpperCase()}, places: new Map([['TY', lineStart]])}
      lastTag = 'TY'
      continue
    }
    if (!record) {
      if (tag !== 'ER') strays.push({tag, offset: lineStart})
      continue
    }
    record.end = Math.min(offset, text.length)
    if (tag === 'ER') {
      records.push(record)
      record = undefined
      lastTag = undefined
      continue
    }
    // An empty value adds nothing, and the next line does not continue it (citation-js's rule).
    if (value === '') {
      lastTag = undefined
      continue
    }
    if (!record.places.has(tag)) record.places.set(tag, lineStart)
    const known = record.tags[tag]
    record.tags[tag] = known === undefined ? value : [...(Array.isArray(known) ? known : [known]), value]
    lastTag = tag
  }
  if (record) records.push(record)
  return {records, strays}
}

function append(record: RisRecord, tag: string, text: string): void {
  const known = record.tags[tag]
  if (Array.isArray(known)) known[known.length - 1] += ` ${text}`
  else if (known !== undefined) record.tags[tag] = `${known} ${text}`
}

/** The tag's values, whether it was written once or more. */
export function valuesOf(record: RisRecord, tag: string): string[] {
  const value = record.tags[tag]
  return value === undefined ? [] : Array.isArray(value) ? value : [value]
}

/**
 * The citation key of a record without an `ID`, made as Pandoc makes it (so that a project moved
 * from Pandoc keeps its keys): the first word of each author's name, joined by `_`, then `_` and
 * the year: `Doe_Roe_2020`. Undefined when the record has neither.
 */
export function pandocRisKey(record: RisRecord): string | undefined {
  const authors = [...valuesOf(record, 'AU'), ...valuesOf(record, 'A1')].map((name) => /^[^,\s]*/u.exec(name)![0]).filter(Boolean)
  const years = [...valuesOf(record, 'PY'), ...valuesOf(record, 'Y1')].map((date) => /^\d+/u.exec(date)?.[0] ?? date)
  const key = [...authors, ...years].join('_')
  return key === '' ? undefined : key
}

/** Pandoc's suffixes for keys made twice: the second `a`, the third `b`… */
export function disambiguate(keys: ReadonlyArray<string | undefined>, given: ReadonlySet<number>): Array<string | undefined> {
  const seen = new Map<string, number>()
  return keys.map((key, index) => {
    if (key === undefined || given.has(index)) return key
    const count = seen.get(key) ?? 0
    seen.set(key, count + 1)
    return count === 0 ? key : `${key}${String.fromCharCode(96 + count)}`
  })
}
