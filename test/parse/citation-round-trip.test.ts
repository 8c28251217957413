import fc from 'fast-check'
import type {Paragraph, Root} from 'mdast'
import {toMarkdown} from 'mdast-util-to-markdown'
import remarkDirective from 'remark-directive'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import remarkStringify from 'remark-stringify'
import {unified} from 'unified'
import {visit} from 'unist-util-visit'
import {describe, expect, test} from 'vitest'
import remarkCitation, {
  type Citation,
  type CitationItem,
  citationToMarkdown
} from '../../src/parse/citation/index.js'

const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkDirective)
  .use(remarkCitation)
  .use(remarkStringify)
  .freeze()

function roundTrip(markdown: string): string {
  return processor.stringify(processor.parse(markdown))
}

/** The fields a writer sets; the others follow from them. */
type Shape = Pick<CitationItem, 'key' | 'prefix' | 'locator' | 'suffix' | 'suppressAuthor'> & {mode?: CitationItem['mode']}

function itemShapes(markdown: string): Shape[][] {
  const found: Shape[][] = []
  visit(processor.parse(markdown), 'citation', (node) => {
    found.push(node.items.map(({key, prefix, locator, suffix, suppressAuthor}) => ({key, prefix, locator, suffix, suppressAuthor})))
  })
  return found
}

/** A hand-made citation node, as a plugin would create one. */
function node(items: Shape[], syntax: Citation['syntax'] = 'bracketed'): Citation {
  const here = {line: 1, column: 1}
  return {
    type: 'citation',
    value: '',
    syntax,
    items: items.map((fields) => ({
      mode: fields.suppressAuthor ? 'suppress-author' : 'normal',
      prefixChildren: [],
      suffixChildren: [],
      label: fields.locator ? 'page' : undefined,
      locatorValue: '',
      ...fields,
      position: {start: here, end: here}
    }))
  }
}

function paragraph(...children: Paragraph['children']): Root {
  return {type: 'root', children: [{type: 'paragraph', children}]}
}

describe('remark-stringify', () => {
  test.each([
    ['[@a]', '[@a]\n'],
    ['[see @a, p. 2]', '[see @a, p. 2]\n'],
    ['[@a p. 3]', '[@a, p. 3]\n'],
    ['[voir @a, p. 2 ; @b]', '[voir @a, p. 2; @b]\n'],
    ['[@a, pp. 33-35 and passim]', '[@a, pp. 33-35 and passim]\n'],
    ['[@a, p. 16, emphasis added]', '[@a, p. 16, emphasis added]\n'],
    ['[@a, {pp. iv, vi-xi} with suffix]', '[@a, pp. iv, vi-xi with suffix]\n'],
    ['[@a, {} 12 angry men]', '[@a, {} 12 angry men]\n'],
    ['[@{https://x.org/a?b=c}, p. 3]', '[@{https://x.org/a?b=c}, p. 3]\n'],
    ['@a', '@a\n'],
    ['-@a says', '-@a says\n'],
    ['@a [p. 33]', '@a [p. 33]\n'],
    ['@a [, among others]', '@a [among others]\n'],
    ['@a\n[p. 33; see @b]', '@a [p. 33; see @b]\n'],
    ['@a [@b; @c]', '@a [@b; @c]\n'],
    ['[*see* @a, p. **32**]', '[*see* @a, p. **32**]\n'],
    ['[-@doe-2020]', '[-@doe-2020]\n'],
    ['[see\n@a,\np. 3]', '[see @a, p. 3]\n'],
    ['> As shown [@a; -@b, chap. 3].', '> As shown [@a; -@b, chap. 3].\n'],
    [':note[see [@a]]', ':note[see [@a]]\n'],
    ['[see [@a]](http://x)', '[see [@a]](http://x)\n']
  ])('%j', (markdown, expected) => {
    const output = roundTrip(markdown)
    expect(output).toBe(expected)
    expect(itemShapes(output)).toEqual(itemShapes(markdown))
  })

  test('text that only looks like a citation stays text', () => {
    expect(roundTrip('\\[see \\@a]')).toBe('\\[see \\@a]\n')
    expect(roundTrip('Follow \\@ong on X.')).toBe('Follow \\@ong on X.\n')
    expect(itemShapes(roundTrip('[contact@example.org]'))).toEqual([])
    expect(itemShapes(roundTrip('(@good) An example, as (@good) shows.'))).toEqual([])
  })
})

describe('citationToMarkdown', () => {
  const extensions = [citationToMarkdown()]

  test('writes items, not `value`', () => {
    const citation = node([
      {key: 'a', prefix: 'voir', locator: 'p. 2', suffix: '', suppressAuthor: false},
      {key: 'b', prefix: '', locator: '', suffix: 'and passim', suppressAuthor: true}
    ])
    expect(toMarkdown(paragraph(citation), {extensions})).toBe('[voir @a, p. 2; -@b, and passim]\n')
  })

  test('keeps a suffix that would read as part of the locator apart from it, with braces', () => {
    const citation = node([{key: 'a', prefix: '', locator: 'p. 16', suffix: '-17', suppressAuthor: false}])
    const output = toMarkdown(paragraph(citation), {extensions})
    expect(output).toBe('[@a, {p. 16}-17]\n')
    expect(itemShapes(output)).toEqual([[{key: 'a', prefix: '', locator: 'p. 16', suffix: '-17', suppressAuthor: false}]])
  })

  test('keeps a suffix that looks like a locator a suffix, with empty braces', () => {
    const citation = node([{key: 'a', prefix: '', locator: '', suffix: '12 angry men', suppressAuthor: false}])
    const output = toMarkdown(paragraph(citation), {extensions})
    expect(output).toBe('[@a, {} 12 angry men]\n')
    expect(itemShapes(output)).toEqual([[{key: 'a', prefix: '', locator: '', suffix: '12 angry men', suppressAuthor: false}]])
  })

  test('writes in-text citations in-text', () => {
    const citation = node(
      [
        {key: 'a', prefix: '', locator: 'p. 3', suffix: '', suppressAuthor: false, mode: 'in-text'},
        {key: 'b', prefix: 'see', locator: '', suffix: '', suppressAuthor: false}
      ],
      'in-text'
    )
    expect(toMarkdown(paragraph({type: 'text', value: 'As '}, citation), {extensions})).toBe('As @a [p. 3; see @b]\n')
  })

  test('a node without items falls back to its value', () => {
    expect(toMarkdown(paragraph({...node([]), value: 'x'}), {extensions})).toBe('[x]\n')
  })

  test('escapes neighbours that would change the meaning', () => {
    const citation = node([{key: 'a', prefix: '', locator: '', suffix: '', suppressAuthor: false}])
    // `!` before would make an image, `(` or `[` after would make a link.
    const output = toMarkdown(paragraph({type: 'text', value: 'Wow!'}, citation, {type: 'text', value: '(x) [y]'}), {
      extensions
    })
    expect(output).toBe('Wow\\![@a]\\(x) \\[y]\n')
    expect(itemShapes(output)).toHaveLength(1)
  })
})

describe('round trip property', () => {
  const segment = fc.stringMatching(/^[a-z0-9_é]{1,5}$/)
  const key = fc
    .tuple(segment, fc.array(fc.tuple(fc.constantFrom(...':.#$%&-+?<>~/'), segment), {maxLength: 3}))
    .map(([head, rest]) => head + rest.map(([punctuation, tail]) => punctuation + tail).join(''))
  const words = (vocabulary: string[]) =>
    fc.array(fc.constantFrom(...vocabulary), {maxLength: 3}).map((list) => list.join(' '))
  const shape: fc.Arbitrary<Shape> = fc.record({
    key,
    prefix: words(['see', 'voir', 'cf.', 'e.g.', 'notamment', '*also*']),
    locator: fc.constantFrom('', 'p. 16', 'pp. 33-35', 'chap. III', '§ 4', '16', 'n° 3', 'vol. 2', 'p. 16–17'),
    suffix: words(['and passim', 'emphasis added', 'sq.', 'trad. fr.', '(dir.)']),
    suppressAuthor: fc.boolean()
  })

  test('serialized items parse back to the same items', () => {
    fc.assert(
      fc.property(fc.array(shape, {minLength: 1, maxLength: 4}), (items) => {
        const output = toMarkdown(paragraph({type: 'text', value: 'As shown '}, node(items)), {
          extensions: [citationToMarkdown()]
        })
        expect(itemShapes(output)).toEqual([items])
      })
    )
  })
})
