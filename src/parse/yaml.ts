import {isMap, isNode, isPair, isScalar, isSeq, parseDocument, visit, type Document} from 'yaml'
import type {Position} from 'unist'
import type {VFile} from 'vfile'
import {positionFromOffsets} from '../diagnostics/location.js'

/** A parsed YAML file: plain data plus the document that still knows where everything is. */
export interface YamlSource {
  file: VFile
  doc: Document.Parsed
  data: unknown
  /** Offset of this YAML text inside `file` (front matter starts after `---\n`). */
  offset: number
  /** Syntax errors, placed; `data` is undefined when there are any but keys given twice. */
  errors: Array<{message: string; position: Position}>
}

/** Parse YAML text (a whole file or a front matter block); syntax errors come back placed. */
/** What to write, for the mistakes people make in YAML by hand (by the yaml library's error code). */
const yamlHints: Partial<Record<string, string>> = {
  // `definition: Dormir dehors : dans la rue`: a second `: ` on the line starts a map.
  BLOCK_AS_IMPLICIT_KEY: ', expected a value in quotes when it holds a colon and a space (`definition: "Dormir dehors : dans la rue"`)',
  MISSING_CHAR: ', expected the quotes closed on the value, or a `\\` before a quote inside it',
  TAB_AS_INDENT: ', expected spaces for indentation (YAML takes no tabs)'
}

export function parseYaml(file: VFile, text = String(file.value), offset = 0): YamlSource {
  // The core schema keeps `2024-04-23` a string; dates are validated as strings by our schemas.
  // logLevel 'error': the yaml library would print its warnings to stderr; rapporteur reports them placed.
  // Keys given twice are found below, each at its place, and the file is still read (the last
  // one kept, as YAML readers do): one mistake, one finding, not one for every use of the file.
  const doc = parseDocument(text, {prettyErrors: false, uniqueKeys: false, logLevel: 'error'})
  const errors = doc.errors.map((error) => ({
    message: `Cannot parse YAML: ${firstLine(error.message)}${yamlHints[error.code] ?? ''}`,
    position: positionFromOffsets(file, offset + error.pos[0], offset + error.pos[1])
  }))
  const duplicates: typeof errors = []
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
          const at = positionFromOffsets(file, offset + first, offset + first).start
          duplicates.push({message: `Unexpected duplicate key \`${key}\`, expected each key once (first at line ${at.line}, column ${at.column})`, position: positionFromOffsets(file, offset + range[0], offset + range[1])})
        }
      }
    },
    Pair(_, pair) {
      if (!isMap(pair.key) && !isSeq(pair.key)) return
      const range = (pair.key as {range?: [number, number]}).range ?? [0, 0]
      errors.push({message: 'Cannot read YAML: a list or a map used as a key, expected a name', position: positionFromOffsets(file, offset + range[0], offset + range[1])})
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
  return {file, doc, data, offset, errors: [...errors, ...duplicates]}
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
  return positionFromOffsets(source.file, source.offset + (start ?? 0), source.offset + (end ?? 0))
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
