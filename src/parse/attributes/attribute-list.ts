/**
 * Pandoc's attribute list, the text between `{` and `}`: `#id .class key=value key="a value"`,
 * `-` (short for `.unnumbered`), or `=format` alone (a raw block or span: `{=html}`).
 *
 * Stricter than Pandoc on one point, on purpose: an id, a class and a key start with a letter or
 * `_`, so prose in braces (`{1, 2}`, `{.5}`, `{#1}`) is never taken for attributes.
 */
import {codes} from 'micromark-util-symbol'

export interface Attributes {
  id: string | undefined
  classes: string[]
  /** `key=value` pairs in the order written; a repeated key keeps its last value. */
  pairs: Record<string, string>
  /** `html` for `{=html}`: a raw block in that format. */
  raw: string | undefined
}

/** Longest attribute list read: a longer run in braces is prose. */
export const maxAttributesSize = 500

const name = /^[\p{L}_][\p{L}\p{N}_:.-]*/u
const key = /^[\p{L}_][\p{L}\p{N}_:.-]*/u
const bareValue = /^[^\s"'{}]+/u

/** Parse the inside of `{…}`; `undefined` when it is not an attribute list. */
export function parseAttributeList(source: string): Attributes | undefined {
  const attributes: Attributes = {id: undefined, classes: [], pairs: {}, raw: undefined}
  let rest = source.trim()
  if (rest === '') return undefined
  const raw = /^=([\p{L}\p{N}_-]+)$/u.exec(rest)
  if (raw) return {...attributes, raw: raw[1]}
  while (rest !== '') {
    const head = rest[0]
    if (head === '#' || head === '.') {
      const match = name.exec(rest.slice(1))
      if (!match) return undefined
      if (head === '#') attributes.id = match[0]
      else attributes.classes.push(match[0])
      rest = rest.slice(1 + match[0].length)
    } else if (head === '-' && (rest.length === 1 || /\s/u.test(rest[1]!))) {
      attributes.classes.push('unnumbered')
      rest = rest.slice(1)
    } else {
      const pair = readPair(rest)
      if (!pair) return undefined
      attributes.pairs[pair.key] = pair.value
      rest = pair.rest
    }
    if (rest !== '' && !/^\s/u.test(rest)) return undefined
    rest = rest.trimStart()
  }
  return attributes
}

function readPair(source: string): {key: string; value: string; rest: string} | undefined {
  const match = key.exec(source)
  if (!match || source[match[0].length] !== '=') return undefined
  const after = source.slice(match[0].length + 1)
  const quote = after[0]
  if (quote === '"' || quote === "'") {
    let value = ''
    for (let index = 1; index < after.length; index++) {
      const char = after[index]!
      if (char === '\\' && index + 1 < after.length) value += after[++index]
      else if (char === quote) return {key: match[0], value, rest: after.slice(index + 1)}
      else value += char
    }
    return undefined
  }
  const value = bareValue.exec(after)
  if (!value) return undefined
  return {key: match[0], value: value[0], rest: after.slice(value[0].length)}
}

/** The attributes as hast properties: `id`, `className`, then the pairs as `data-*` unless HTML knows them. */
export function attributesToProperties(attributes: Attributes): Record<string, string | string[]> {
  const properties: Record<string, string | string[]> = {}
  if (attributes.id) properties.id = attributes.id
  if (attributes.classes.length > 0) properties.className = [...attributes.classes]
  for (const [name, value] of Object.entries(attributes.pairs)) {
    properties[htmlAttributes.has(name) ? name : `data-${name}`] = value
  }
  return properties
}

/** Pairs that mean the same in HTML; anything else (`fig-alt`, `width` on a div) is kept as `data-*`. */
const htmlAttributes = new Set(['lang', 'dir', 'title'])

/** `width` or `height` as Pandoc takes it (`70%`, `8cm`, `300` for pixels), as CSS; `undefined` for anything else. */
export function cssLength(value: string): string | undefined {
  const match = /^(\d+(?:\.\d+)?)(%|px|cm|mm|in|pt|pc|em|rem)?$/u.exec(value.trim())
  return match ? `${match[1]}${match[2] ?? 'px'}` : undefined
}

/** A micromark code as the character it stands for (tabs and their virtual spaces included). */
export function charOf(code: number | null): string {
  if (code === codes.horizontalTab) return '\t'
  if (code === codes.virtualSpace) return ' '
  return String.fromCodePoint(code ?? 0)
}
