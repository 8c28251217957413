import {isMap, isNode, isPair, isScalar, isSeq, parseDocument, visit, type Document} from 'yaml'
import type {Position} from 'unist'
import type {VFile} from 'vfile'
import {positionFromOffsets} from '../diagnostics/location.js'
import {repairYamlWhitespace} from './yaml-whitespace.js'

/** A parsed YAML file: plain data plus the document that still knows where everything is. */
export interface YamlSource {
  file: VFile
  doc: Document.Parsed
  data: unknown
  /** Offset of this YAML text inside `file` (front matter starts after `---\n`). */
  offset: number
  /** An offset of `doc`'s ranges as an offset of the YAML text (they differ where a tab was read as spaces, yaml-whitespace.ts). */
  toOriginal: (offset: number) => number
  /** Syntax errors, placed; `data` is undefined when there are any but keys given twice. */
  errors: Array<{message: string; position: Position}>
}

/** Parse YAML text (a whole file or a front matter block); syntax errors come back placed. */
/** What to write, for the mistakes people make in YAML by hand (by the yaml library's error code). */
const yamlHints: Partial<Record<string, string>> = {
  MISSING_CHAR: ', expected the quotes closed on the value, or a `\\` before a quote inside it',
  TAB_AS_INDENT: ', expected spaces for indentation (YAML takes no tabs)'
}

/**
 * `title: Décision 2023 : M. X`: a second `: ` on the line starts a map, which YAML takes no
 * further. The hint names the field, with its value in quotes (`title: "Décision 2023 : M. X"`);
 * `at` is where the value starts.
 */
function colonInValueHint(text: string, at: number): string {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1
  const key = /^\s*(?:-\s+)?([^\s:#'"[{][^:#]*?)\s*:\s+$/u.exec(text.slice(lineStart, at))?.[1]
  const lineEnd = text.indexOf('\n', at)
  const value = text.slice(at, lineEnd === -1 ? undefined : lineEnd).replace(/\r$/u, '').trim()
  const quoted = value.length > 80 || !/:\s/u.test(value) ? '"…: …"' : value.includes('"') ? `'${value.replaceAll("'", "''")}'` : `"${value}"`
  return `, expected a value in quotes when it holds a colon and a space (\`${key ?? 'key'}: ${quoted}\`)`
}

/**
 * `title: [Brouillon] suite`, `author: "OMS" et al.`: a value that opens with a bracket, a brace or
 * a quote is a list, a map or a quoted string to YAML, which then finds text after its end.
 */
function openedValueHint(text: string, at: number): string {
  const line = text.slice(text.lastIndexOf('\n', at - 1) + 1, at)
  const opened = /^\s*(?:-\s+)?[^\s:#][^:#]*:\s+([[{"'])/u.exec(line)
  if (!opened) return ''
  return `, expected the whole value in quotes when it starts with \`${opened[1]}\` (\`key: "[Brouillon] suite"\`, \`key: '"OMS" et al.'\`)`
}

/**
 * `lang: [fr` then the next key: the yaml library says a flow list or map is not closed where it gave
 * up, at the next line it could not take, maybe several lines down. The bracket left open, on an
 * earlier line, is the place to show: the offset of the last one no later bracket closes.
 */
function unclosedBracket(text: string, message: string, at: number): number | undefined {
  const kind = /^Flow (sequence|map|mapping) in block collection/u.exec(message)?.[1]
  if (!kind) return undefined
  const [open, close] = kind === 'sequence' ? ['[', ']'] : ['{', '}']
  const open_: number[] = []
  // Brackets in quotes or comments are text; a flow collection closes in the same nesting order.
  let quote: string | undefined
  for (let index = 0; index < at; index++) {
    const char = text[index]!
    if (quote) {
      if (char === quote) quote = undefined
      else if (char === '\n') quote = undefined
      continue
    }
    if ((char === '"' || char === "'") && /[\s[{,:]/u.test(text[index - 1] ?? ' ')) quote = char
    else if (char === '#' && /\s/u.test(text[index - 1] ?? '\n')) index = Math.max(index, text.indexOf('\n', index) === -1 ? at : text.indexOf('\n', index) - 1)
    else if (char === open) open_.push(index)
    else if (char === close) open_.pop()
  }
  return open_.at(-1)
}

export function parseYaml(file: VFile, original = String(file.value), offset = 0): YamlSource {
  // Tabs and no-break spaces where YAML needs spaces, read as spaces and reported (yaml-whitespace.ts).
  const {text, toOriginal, found} = repairYamlWhitespace(original)
  const at = (start: number, end: number) => positionFromOffsets(file, offset + toOriginal(start), offset + toOriginal(end))
  // The core schema keeps `2024-04-23` a string; dates are validated as strings by our schemas.
  // logLevel 'error': the yaml library would print its warnings to stderr; rapporteur reports them placed.
  // Keys given twice are found below, each at its place, and the file is still read (the last
  // one kept, as YAML readers do): one mistake, one finding, not one for every use of the file.
  const doc = parseDocument(text, {prettyErrors: false, uniqueKeys: false, logLevel: 'error'})
  const errors = doc.errors.map((error) => {
    const opened = unclosedBracket(text, error.message, error.pos[0])
    if (opened !== undefined) {
      const bracket = text[opened]!
      return {
        message: `Cannot parse YAML: \`${bracket}\` opens a ${bracket === '[' ? 'list' : 'map'} that is not closed, expected \`${bracket === '[' ? ']' : '}'}\` at its end, or the whole value in quotes (\`key: "${bracket}…"\`)`,
        position: at(opened, opened + 1)
      }
    }
    return {
      message: `Cannot parse YAML: ${firstLine(error.message)}${error.code === 'BLOCK_AS_IMPLICIT_KEY' ? colonInValueHint(text, error.pos[0]) : yamlHints[error.code] ?? openedValueHint(text, error.pos[0])}`,
      position: at(error.pos[0], error.pos[1])
    }
  })
  const duplicates: typeof errors = []
  // `title: Enquête #2 : résultats`: ` #` starts a comment for YAML, which keeps `Enquête` without a
  // word. A comment written as one has a space after its `#`; a value cut before `#2` has none.
  visit(doc, {
    Scalar(_, scalar) {
      if (scalar.type !== 'PLAIN' || typeof scalar.comment !== 'string' || !/^\S/u.test(scalar.comment) || !scalar.range) return
      const valueEnd = scalar.range[1]
      const hash = text.indexOf('#', valueEnd)
      if (hash === -1 || text.slice(valueEnd, hash).includes('\n')) return
      const lineEnd = text.indexOf('\n', hash)
      const cut = text.slice(hash, lineEnd === -1 ? undefined : lineEnd).replace(/\r$/u, '')
      const whole = text.slice(scalar.range[0], lineEnd === -1 ? undefined : lineEnd).replace(/\r$/u, '')
      duplicates.push({
        message: `Unexpected \`${cut}\` after \`${String(scalar.value)}\`, read by YAML as a comment and left out, expected the whole value in quotes if it is part of it (\`"${whole.replaceAll('"', '\\"')}"\`), or a space after \`#\` for a comment`,
        position: at(hash, hash + cut.length)
      })
    }
  })
  // A list or a map as a key (`? [a]: b`, `{[]: x}`) parses, but means nothing here.
  visit(doc, {
    Map(_, map) {
      const seen = new Map<string, number>()
      for (const pair of map.items) {
        if (!isScalar(pair.key)) continue
        const key = String(pair.key.value)
        const range = pair.key.range ?? [0, 0]
        const first = seen.get(key)
        if (first === undefined) seen.set(key, range[0])
        else {
          const firstAt = at(first, first).start
          duplicates.push({message: `Unexpected duplicate key \`${key}\`, expected each key once (first at line ${firstAt.line}, column ${firstAt.column})`, position: at(range[0], range[1])})
        }
      }
    },
    Pair(_, pair) {
      if (!isMap(pair.key) && !isSeq(pair.key)) return
      const range = (pair.key as {range?: [number, number]}).range ?? [0, 0]
      errors.push({message: 'Cannot read YAML: a list or a map used as a key, expected a name', position: at(range[0], range[1])})
    }
  })
  let data: unknown
  if (errors.length === 0) {
    try {
      data = doc.toJS({maxAliasCount: 100})
    } catch (error) {
      // Alias bombs and the like: the text parses but cannot become data.
      errors.push({message: `Cannot read YAML: ${(error as Error).message}`, position: positionFromOffsets(file, offset, offset)})
    }
  }
  const whitespace = found.map(({offset: place, kind}) => ({
    message: kind === 'tab' ? 'Unexpected tab in the indentation, expected spaces (YAML takes no tabs): read as two spaces' : 'Unexpected no-break space where YAML needs a space (Word and some keyboards type one), expected a plain space: read as one',
    position: positionFromOffsets(file, offset + place, offset + place + 1)
  }))
  return {file, doc, data, offset, toOriginal, errors: [...whitespace, ...errors, ...duplicates]}
}

/** An entry of a list that a syntax error falls in: not read, and not validated. */
export const UNREADABLE = Symbol('unreadable entry')

/**
 * A registry's entries (a list at the top of the file) when a syntax error stopped `data`: each
 * entry no error falls in, as data, and UNREADABLE for the others, at their index (positions stay
 * true). One mistake in one source then loses that source, not the whole registry and every
 * citation of it. `ids`: the ids the unreadable entries still show. Undefined when the file is
 * not such a list, or an error falls outside every entry (nothing there can be trusted).
 */
export function readableEntries(source: YamlSource): {items: unknown[]; ids: string[]} | undefined {
  const list = source.doc.contents
  if (source.data !== undefined || !isSeq(list) || source.doc.errors.length === 0) return undefined
  const ranges = list.items.map((item) => (isNode(item) ? item.range : undefined))
  const inside = (offset: number, range: readonly number[] | undefined) => range !== undefined && offset >= range[0]! && offset <= range[1]!
  const broken = new Set<number>()
  for (const error of source.doc.errors) {
    const index = ranges.findIndex((range) => inside(error.pos[0], range))
    if (index === -1) return undefined
    broken.add(index)
  }
  const ids: string[] = []
  const items = list.items.map((item, index) => {
    if (broken.has(index)) {
      const id = isMap(item) ? item.items.find((pair) => isScalar(pair.key) && pair.key.value === 'id')?.value : undefined
      if (isScalar(id) && typeof id.value === 'string') ids.push(id.value)
      return UNREADABLE
    }
    try {
      return isNode(item) ? item.toJS(source.doc, {maxAliasCount: 100}) : item
    } catch {
      return UNREADABLE
    }
  })
  return {items, ids}
}

/**
 * Where a data path (as zod reports it) stands in the YAML source.
 * A missing key points at its parent map, so "required" issues land on the object that lacks it.
 */
export function positionOfPath(source: YamlSource, path: ReadonlyArray<PropertyKey>, keyOnly = false): Position {
  let node: unknown = source.doc.contents
  let range: readonly number[] | undefined = rangeOf(node)
  for (const segment of path) {
    const child = childOf(node, segment, keyOnly && segment === path[path.length - 1])
    if (child === undefined) break
    node = child
    range = rangeOf(child) ?? range
  }
  const [start, end] = range ?? [0, 0]
  return positionFromOffsets(source.file, source.offset + source.toOriginal(start ?? 0), source.offset + source.toOriginal(end ?? 0))
}

function childOf(node: unknown, segment: PropertyKey, wantKey: boolean): unknown {
  if (isMap(node)) {
    // The last pair of that key: the one read when a key is given twice.
    const pair = node.items.findLast((item) => isScalar(item.key) && String(item.key.value) === String(segment))
    if (!pair) return undefined
    return wantKey || pair.value === null ? pair.key : pair.value
  }
  if (isSeq(node) && typeof segment === 'number') return node.items[segment] ?? undefined
  return undefined
}

function rangeOf(node: unknown): readonly number[] | undefined {
  if (isPair(node)) return rangeOf(node.key)
  if (isNode(node) && node.range) {
    // A block collection's `range[1]` includes trailing newlines; the value end is tighter.
    return [node.range[0], node.range[1]]
  }
  return undefined
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text
}
