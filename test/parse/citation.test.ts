import type {Root} from 'mdast'
import {fromMarkdown} from 'mdast-util-from-markdown'
import remarkDirective from 'remark-directive'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {visit} from 'unist-util-visit'
import {describe, expect, test} from 'vitest'
import remarkCitation, {
  type Citation,
  type CitationItem,
  citationFromMarkdown,
  citationSyntax
} from '../../src/parse/citation/index.js'

const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkDirective)
  .use(remarkFrontmatter, ['yaml'])
  .use(remarkCitation)
  .freeze()

function parse(markdown: string): Root {
  return processor.parse(markdown)
}

function citations(markdown: string): Citation[] {
  const found: Citation[] = []
  visit(parse(markdown), 'citation', (node) => {
    found.push(node)
  })
  return found
}

function only(markdown: string): Citation {
  const found = citations(markdown)
  expect(found, markdown).toHaveLength(1)
  return found[0]!
}

/** Items without positions, for comparing shapes. */
function shapes(markdown: string): Array<Omit<CitationItem, 'position'>> {
  return only(markdown).items.map(({position: _, ...rest}) => rest)
}

function item(fields: Partial<Omit<CitationItem, 'position'>> & {key: string}) {
  return {prefix: '', locator: '', suffix: '', suppressAuthor: false, ...fields}
}

describe('citation shapes', () => {
  test.each<[string, Array<ReturnType<typeof item>>]>([
    ['[@a]', [item({key: 'a'})]],
    ['[@a, p. 16]', [item({key: 'a', locator: 'p. 16'})]],
    ['[@a; @b, chap. 3]', [item({key: 'a'}), item({key: 'b', locator: 'chap. 3'})]],
    ['[see @a, p. 2]', [item({key: 'a', prefix: 'see', locator: 'p. 2'})]],
    ['[-@a]', [item({key: 'a', suppressAuthor: true})]],
    ['[see -@a, p. 4]', [item({key: 'a', prefix: 'see', locator: 'p. 4', suppressAuthor: true})]],
    ['[@a, pp. 33-35 and passim]', [item({key: 'a', locator: 'pp. 33-35', suffix: 'and passim'})]],
    ['[voir @a, p. 2 ; @b]', [item({key: 'a', prefix: 'voir', locator: 'p. 2'}), item({key: 'b'})]],
    ['[@a p. 3]', [item({key: 'a', locator: 'p. 3'})]],
    ['[@a, 16]', [item({key: 'a', locator: '16'})]],
    ['[@a, p. 16-17, emphasis added]', [item({key: 'a', locator: 'p. 16-17', suffix: 'emphasis added'})]],
    ['[@a, § 4]', [item({key: 'a', locator: '§ 4'})]],
    ['[@a, chap. III]', [item({key: 'a', locator: 'chap. III'})]],
    ['[@a, and passim]', [item({key: 'a', suffix: 'and passim'})]],
    ['[@doe-2020.]', [item({key: 'doe-2020', suffix: '.'})]],
    ['[@smith:2004]', [item({key: 'smith:2004'})]],
    ['[@_x.y#z$1%2&3-4+5?6<7>8~9/0]', [item({key: '_x.y#z$1%2&3-4+5?6<7>8~9/0'})]],
    ['[@protect-children-2021]', [item({key: 'protect-children-2021'})]],
    ['[@élève-2019]', [item({key: 'élève-2019'})]],
    ['[ @a ]', [item({key: 'a'})]],
    ['[voir\u00a0@a]', [item({key: 'a', prefix: 'voir'})]],
    ['[see\n@a,\np. 3]', [item({key: 'a', prefix: 'see', locator: 'p. 3'})]],
    ['[cf. *also* @a, p. 1]', [item({key: 'a', prefix: 'cf. *also*', locator: 'p. 1'})]],
    ['[see @a, p. 3\\; note]', [item({key: 'a', prefix: 'see', locator: 'p. 3', suffix: '\\; note'})]]
  ])('%j', (markdown, expected) => {
    expect(shapes(markdown)).toEqual(expected)
  })

  test('node value is the raw text between the brackets', () => {
    expect(only('x [voir @a, p. 2 ;\n@b] y').value).toBe('voir @a, p. 2 ;\n@b')
  })

  test('the node is phrasing content among text', () => {
    const paragraph = parse('As shown [@a], it works.').children[0]
    expect(paragraph?.type).toBe('paragraph')
    if (paragraph?.type !== 'paragraph') return
    expect(paragraph.children.map((child) => child.type)).toEqual(['text', 'citation', 'text'])
  })
})

describe('citation positions', () => {
  test('node spans the brackets, item spans the reference', () => {
    const node = only('Hi [see @a, p. 2].')
    expect(node.position).toEqual({
      start: {line: 1, column: 4, offset: 3},
      end: {line: 1, column: 18, offset: 17}
    })
    expect(node.items[0]!.position).toEqual({
      start: {line: 1, column: 9, offset: 8},
      end: {line: 1, column: 11, offset: 10}
    })
  })

  test('suppress-author marker is part of the item', () => {
    expect(only('[see -@a]').items[0]!.position).toEqual({
      start: {line: 1, column: 6, offset: 5},
      end: {line: 1, column: 9, offset: 8}
    })
  })

  test('multi-line citation', () => {
    const markdown = 'Intro text\n[voir @a, p. 2 ;\n@b, chap. 3]'
    const node = only(markdown)
    expect(node.position).toEqual({
      start: {line: 2, column: 1, offset: 11},
      end: {line: 3, column: 13, offset: 40}
    })
    expect(node.items.map((entry) => entry.position)).toEqual([
      {start: {line: 2, column: 7, offset: 17}, end: {line: 2, column: 9, offset: 19}},
      {start: {line: 3, column: 1, offset: 28}, end: {line: 3, column: 3, offset: 30}}
    ])
  })

  test('multi-line citation in a block quote and a list', () => {
    const markdown = '> [voir\n>   @a; @b]\n\n- [x\n  @c]'
    const found = citations(markdown)
    expect(found.map((node) => node.value)).toEqual(['voir\n  @a; @b', 'x\n@c'])
    const keys = found.flatMap((node) => node.items)
    expect(keys.map((entry) => markdown.slice(entry.position.start.offset, entry.position.end.offset))).toEqual(['@a', '@b', '@c'])
    expect(keys[0]!.position.start).toEqual({line: 2, column: 5, offset: 12})
    expect(keys[2]!.position.start).toEqual({line: 5, column: 3, offset: 28})
  })

  test('CRLF line endings', () => {
    const node = only('a\r\n[see\r\n@a]')
    expect(node.value).toBe('see\r\n@a')
    expect(node.items[0]!.position).toEqual({
      start: {line: 3, column: 1, offset: 9},
      end: {line: 3, column: 3, offset: 11}
    })
  })

  test('after multibyte text', () => {
    const markdown = '« é » [voir @a] 😀 [-@b]'
    const [first, second] = citations(markdown)
    expect(first!.position!.start).toEqual({line: 1, column: 7, offset: 6})
    expect(first!.items[0]!.position.start).toEqual({line: 1, column: 13, offset: 12})
    // The emoji is two UTF-16 code units, like everywhere else in unist.
    expect(second!.position!.start).toEqual({line: 1, column: 20, offset: 19})
    expect(markdown.slice(second!.items[0]!.position.start.offset, second!.items[0]!.position.end.offset)).toBe('-@b')
  })
})

describe('not a citation', () => {
  test.each([
    ['bare in-text key', 'As @a says.'],
    ['email', '[contact@example.org]'],
    ['handle glued to a word', '[see@a]'],
    ['footnote call', '[^1]\n\n[^1]: Note.'],
    ['nested brackets', '[see [x] @a]'],
    ['escaped opening bracket', '\\[@a]'],
    ['escaped at sign', '[see \\@a]'],
    ['inline link', '[@a](http://x)'],
    ['full reference', '[@a][ref]\n\n[ref]: http://x'],
    ['collapsed reference', '[@a][]'],
    ['empty key', '[@]'],
    ['space after at sign', '[ @ a]'],
    ['empty brackets', '[]'],
    ['no key', '[see p. 3]'],
    ['item without key', '[@a; see p. 3]'],
    ['empty item', '[@a;]'],
    ['two keys in one item', '[@a and @b]'],
    ['inside a code span', '`[@a]`'],
    ['code span inside', '[see `x` @a]'],
    ['unclosed', '[see @a'],
    ['key starting with punctuation', '[@-a]'],
    ['image', '![@a]'],
    ['in a fenced code block', '```\n[@a]\n```'],
    ['definition', '[@a]: http://x']
  ])('%s: %j', (_, markdown) => {
    expect(citations(markdown)).toEqual([])
  })

  test('a link still wins and can contain a citation', () => {
    const tree = parse('[see [@a]](http://x)')
    const paragraph = tree.children[0]
    if (paragraph?.type !== 'paragraph') throw new Error('Expected a paragraph')
    const link = paragraph.children[0]
    expect(link?.type).toBe('link')
    if (link?.type !== 'link') return
    expect(link.children.map((child) => child.type)).toEqual(['text', 'citation'])
  })

  test('a footnote call next to a citation', () => {
    const tree = parse('Text[^1] [@a].\n\n[^1]: Note [-@b].')
    const types: string[] = []
    visit(tree, (node) => {
      types.push(node.type)
    })
    expect(types.filter((type) => type === 'footnoteReference' || type === 'citation')).toEqual([
      'footnoteReference',
      'citation',
      'citation'
    ])
  })
})

describe('with other extensions', () => {
  test('the extensions work without unified', () => {
    const tree = fromMarkdown('See [@a, p. 3].', {
      extensions: [citationSyntax()],
      mdastExtensions: [citationFromMarkdown()]
    })
    const paragraph = tree.children[0]
    if (paragraph?.type !== 'paragraph') throw new Error('Expected a paragraph')
    expect(paragraph.children[1]).toMatchObject({type: 'citation', value: '@a, p. 3', items: [{key: 'a', locator: 'p. 3'}]})
  })

  test('GFM autolink literals do not break citations', () => {
    expect(shapes('[see @a]')).toEqual([item({key: 'a', prefix: 'see'})])
    expect(shapes('Write to x@example.org [see @a.b, p. 2] or www.example.org')).toEqual([
      item({key: 'a.b', prefix: 'see', locator: 'p. 2'})
    ])
  })

  test('text directives and citations side by side', () => {
    const tree = parse('A :term[risk]{#r} [@a].')
    const types: string[] = []
    visit(tree, (node) => {
      types.push(node.type)
    })
    expect(types).toContain('textDirective')
    expect(types).toContain('citation')
  })

  test('citation inside a directive label', () => {
    const tree = parse(':note[see [@a, p. 3]]')
    let parent: string | undefined
    visit(tree, 'citation', (_, __, ancestor) => {
      parent = ancestor?.type
    })
    expect(parent).toBe('textDirective')
  })

  test('citation inside a container directive', () => {
    const node = only(':::box\nAs shown [@a; @b].\n:::')
    expect(node.items.map((entry) => entry.key)).toEqual(['a', 'b'])
    expect(node.position!.start).toEqual({line: 2, column: 10, offset: 16})
  })

  test('citation in a table cell and a heading', () => {
    expect(citations('# Title [@a]\n\n| x |\n| - |\n| [@b] |').map((node) => node.items[0]!.key)).toEqual(['a', 'b'])
  })

  test('front matter is not mistaken for anything', () => {
    const markdown = '---\ntitle: "[@a]"\n---\n\nBody [@b].'
    const found = citations(markdown)
    expect(found.map((node) => node.items[0]!.key)).toEqual(['b'])
    expect(found[0]!.position!.start).toEqual({line: 5, column: 6, offset: 28})
  })
})
