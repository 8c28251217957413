import type {Point, Position} from 'unist'
import remarkDirective from 'remark-directive'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import remarkStringify from 'remark-stringify'
import {unified} from 'unified'
import {visit} from 'unist-util-visit'
import {describe, expect, test} from 'vitest'
import remarkCitation, {type Citation} from '../../src/parse/citation/index.js'
import {seededRandom as random} from '../helpers/random.js'

const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkDirective)
  .use(remarkFrontmatter, ['yaml'])
  .use(remarkCitation)
  .use(remarkStringify)
  .freeze()

function randomStrings(seed: number, alphabet: string[], count: number, maxLength: number): string[] {
  const next = random(seed)
  return Array.from({length: count}, () => {
    const length = Math.floor(next() * (maxLength + 1))
    return Array.from({length}, () => alphabet[Math.floor(next() * alphabet.length)]).join('')
  })
}

/** Expected line and column of an offset (UTF-16 code units, CR, LF and CRLF). */
function pointAt(source: string, offset: number): Point {
  const lines = source.slice(0, offset).split(/\r\n|\r|\n/)
  return {line: lines.length, column: lines.at(-1)!.length + 1, offset}
}

function slice(source: string, position: Position): string {
  return source.slice(position.start.offset, position.end.offset)
}

function check(source: string, node: Citation): void {
  const position = node.position!
  const context = JSON.stringify(source)
  expect(position.start, context).toEqual(pointAt(source, position.start.offset!))
  expect(position.end, context).toEqual(pointAt(source, position.end.offset!))
  const text = slice(source, position)
  if (node.syntax === 'bracketed') {
    expect(text.startsWith('['), context).toBe(true)
    expect(text.endsWith(']'), context).toBe(true)
  } else {
    expect(/^-?@/.test(text), context).toBe(true)
  }
  expect(node.items.length, context).toBeGreaterThan(0)

  for (const entry of node.items) {
    expect(entry.position.start, context).toEqual(pointAt(source, entry.position.start.offset!))
    expect(entry.position.end, context).toEqual(pointAt(source, entry.position.end.offset!))
    expect(entry.position.start.offset!, context).toBeGreaterThanOrEqual(position.start.offset!)
    expect(entry.position.end.offset!, context).toBeLessThanOrEqual(position.end.offset!)
    expect([`@${entry.key}`, `@{${entry.key}}`].map((reference) => (entry.suppressAuthor ? '-' : '') + reference), context).toContain(slice(source, entry.position))
    // Prefix and suffix nodes lie inside the citation, at their own place.
    for (const child of [...entry.prefixChildren, ...entry.suffixChildren]) {
      expect(child.position!.start.offset!, context).toBeGreaterThan(position.start.offset!)
      expect(child.position!.end.offset!, context).toBeLessThanOrEqual(position.end.offset!)
      expect(child.position!.start, context).toEqual(pointAt(source, child.position!.start.offset!))
    }
  }
}

function citations(source: string): Citation[] {
  const found: Citation[] = []
  visit(processor.parse(source), 'citation', (node) => {
    found.push(node)
  })
  return found
}

/** The brief’s alphabet. */
const characters = [...'[]@;,- ap.1\n']
/** The same characters, in runs that make citations (and near misses) likelier. */
const fragments = [...characters, '[@a', '[-@p1', '; @a', ', p. 1', '@a.p', ' a@p ', ']']
/** Containers, escapes, tabs, other line endings, code, and multibyte text. */
const extras = ['\r', '\r\n', '\t', '> ', '- ', '\\', '`', '*', '(', ':', 'é', '«', '😀', '\u00a0']

describe('random input', () => {
  test.each([
    ['single characters', 1, characters, 1],
    ['fragments', 2, fragments, 300],
    ['fragments with containers, escapes and multibyte text', 3, [...fragments, ...extras], 300]
  ])('%s: never throws, positions point at the source', (_, seed, alphabet, expectedAtLeast) => {
    let seen = 0
    for (const source of randomStrings(seed, alphabet, 2000, 30)) {
      const found = citations(source)
      for (const node of found) check(source, node)
      seen += found.length
      // Writing back must not throw either, and must keep a citation a citation.
      const output = processor.stringify(processor.parse(source))
      expect(citations(output).length, JSON.stringify(source)).toBe(found.length)
    }

    // Guard against a generator that (almost) never produces a citation.
    expect(seen).toBeGreaterThanOrEqual(expectedAtLeast)
  })
})
