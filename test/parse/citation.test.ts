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

/** The string fields of items, for comparing shapes. */
type Shape = Pick<CitationItem, 'key' | 'mode' | 'prefix' | 'locator' | 'label' | 'locatorValue' | 'suffix'>

function shapes(markdown: string): Shape[] {
  return only(markdown).items.map(({key, mode, prefix, locator, label, locatorValue, suffix}) => ({key, mode, prefix, locator, label, locatorValue, suffix}))
}

function item(fields: Partial<Shape> & {key: string}): Shape {
  const shape: Shape = {mode: 'normal', prefix: '', locator: '', label: undefined, locatorValue: '', suffix: '', ...fields}
  if (shape.locator && !fields.label) shape.label = 'page'
  if (shape.locator && fields.locatorValue === undefined) shape.locatorValue = shape.locator.replace(/^\D*?(?=[\dIVXivx])/u, '')
  return {key: shape.key, mode: shape.mode, prefix: shape.prefix, locator: shape.locator, label: shape.label, locatorValue: shape.locatorValue, suffix: shape.suffix}
}

describe('citation shapes', () => {
  test.each<[string, Shape[]]>([
    ['[@a]', [item({key: 'a'})]],
    ['[@a, p. 16]', [item({key: 'a', locator: 'p. 16'})]],
    ['[@a; @b, chap. 3]', [item({key: 'a'}), item({key: 'b', locator: 'chap. 3', label: 'chapter'})]],
    ['[see @a, p. 2]', [item({key: 'a', prefix: 'see', locator: 'p. 2'})]],
    ['[-@a]', [item({key: 'a', mode: 'suppress-author'})]],
    ['[see -@a, p. 4]', [item({key: 'a', prefix: 'see', locator: 'p. 4', mode: 'suppress-author'})]],
    ['[@a, pp. 33-35 and passim]', [item({key: 'a', locator: 'pp. 33-35', suffix: 'and passim'})]],
    ['[@a, pp. 93--101]', [item({key: 'a', locator: 'pp. 93--101', locatorValue: '93--101'})]],
    ['[voir @a, p. 2 ; @b]', [item({key: 'a', prefix: 'voir', locator: 'p. 2'}), item({key: 'b'})]],
    ['[@a p. 3]', [item({key: 'a', locator: 'p. 3'})]],
    ['[@a, 16]', [item({key: 'a', locator: '16'})]],
    ['[@a, p. 16-17, emphasis added]', [item({key: 'a', locator: 'p. 16-17', suffix: ', emphasis added'})]],
    ['[@a, p. 16, nous soulignons]', [item({key: 'a', locator: 'p. 16', suffix: ', nous soulignons'})]],
    ['[@a, pp. 3, 5-7]', [item({key: 'a', locator: 'pp. 3, 5-7', locatorValue: '3, 5-7'})]],
    ['[@a, § 4]', [item({key: 'a', locator: '§ 4', label: 'section'})]],
    ['[@a, chap. III]', [item({key: 'a', locator: 'chap. III', label: 'chapter'})]],
    ['[@a, art. 12]', [item({key: 'a', locator: 'art. 12', label: 'article-locator'})]],
    ['[@a, {pp. iv, vi-xi, (xv)-(xvii)} with suffix]', [item({key: 'a', locator: 'pp. iv, vi-xi, (xv)-(xvii)', locatorValue: 'iv, vi-xi, (xv)-(xvii)', suffix: 'with suffix'})]],
    ['[@a, {} 12 angry men]', [item({key: 'a', suffix: '12 angry men'})]],
    ['[@a, and passim]', [item({key: 'a', suffix: 'and passim'})]],
    ['[@a, xii]', [item({key: 'a', suffix: 'xii'})]],
    ['[@doe-2020.]', [item({key: 'doe-2020', suffix: '.'})]],
    ['[@smith:2004]', [item({key: 'smith:2004'})]],
    ['[@_x.y#z$1%2&3-4+5?6<7>8~9/0]', [item({key: '_x.y#z$1%2&3-4+5?6<7>8~9/0'})]],
    ['[@{https://example.com/bib?a=1&b=2}, p.  33]', [item({key: 'https://example.com/bib?a=1&b=2', locator: 'p. 33'})]],
    ['[@protect-children-2021]', [item({key: 'protect-children-2021'})]],
    ['[@élève-2019]', [item({key: 'élève-2019'})]],
    ['[ @a ]', [item({key: 'a'})]],
    ['[voir\u00a0@a]', [item({key: 'a', prefix: 'voir'})]],
    ['[see\n@a,\np. 3]', [item({key: 'a', prefix: 'see', locator: 'p. 3'})]],
    ['[cf. *also* @a, p. 1]', [item({key: 'a', prefix: 'cf. *also*', locator: 'p. 1'})]],
    ['[see @a, p. 3\\; note]', [item({key: 'a', prefix: 'see', locator: 'p. 3', suffix: '\\; note'})]],
    ['[see [x] @a]', [item({key: 'a', prefix: 'see [x]'})]],
    ['[see `a;b]` @a]', [item({key: 'a', prefix: 'see `a;b]`'})]],
    ['[@a and @b]', [item({key: 'a', suffix: 'and @b'})]],
    ['@a', [item({key: 'a', mode: 'in-text'})]],
    ['-@a', [item({key: 'a', mode: 'suppress-author'})]],
    ['@a [p. 33]', [item({key: 'a', mode: 'in-text', locator: 'p. 33'})]],
    ['@a [, among others]', [item({key: 'a', mode: 'in-text', suffix: 'among others'})]],
    ['@a [p. 33; see also @b]', [item({key: 'a', mode: 'in-text', locator: 'p. 33'}), item({key: 'b', prefix: 'see also'})]],
    ['@a [@b; -@c]', [item({key: 'a', mode: 'in-text'}), item({key: 'b'}), item({key: 'c', mode: 'suppress-author'})]],
    ['@a\n[p. 3]', [item({key: 'a', mode: 'in-text', locator: 'p. 3'})]],
    ['@{Foo_bar.baz.}', [item({key: 'Foo_bar.baz.', mode: 'in-text'})]],
    ['@Foo_bar.baz.', [item({key: 'Foo_bar.baz', mode: 'in-text'})]],
    ['@Foo_bar--baz', [item({key: 'Foo_bar', mode: 'in-text'})]],
    ['@https://example.org/a?b=c', [item({key: 'https://example.org/a?b', mode: 'in-text'})]],
    ['Wow![@a]', [item({key: 'a'})]],
    ['(@a', [item({key: 'a', mode: 'in-text'})]],
    ['**@a**', [item({key: 'a', mode: 'in-text'})]],
    ['[@a](http://x)', [item({key: 'a', mode: 'in-text'})]],
    ['[@a]{.class}', [item({key: 'a', mode: 'in-text'})]]
  ])('%j', (markdown, expected) => {
    expect(shapes(markdown)).toEqual(expected)
  })

  test('node value is the raw text between the brackets, or the whole in-text citation', () => {
    expect(only('x [voir @a, p. 2 ;\n@b] y').value).toBe('voir @a, p. 2 ;\n@b')
    expect(only('x @a [p. 2] y').value).toBe('@a [p. 2]')
    expect(only('x [@a] y').syntax).toBe('bracketed')
    expect(only('x @a [p. 2] y').syntax).toBe('in-text')
  })

  test('the node is phrasing content among text', () => {
    const paragraph = parse('As shown [@a], it works.').children[0]
    expect(paragraph?.type).toBe('paragraph')
    if (paragraph?.type !== 'paragraph') return
    expect(paragraph.children.map((child) => child.type)).toEqual(['text', 'citation', 'text'])
  })

  test('suppressAuthor follows the mode', () => {
    expect(only('[-@a]').items[0]!.suppressAuthor).toBe(true)
    expect(only('[@a]').items[0]!.suppressAuthor).toBe(false)
    expect(only('@a').items[0]!.suppressAuthor).toBe(false)
  })
})

describe('Markdown in prefixes and suffixes', () => {
  test('emphasis, strong, code and links become phrasing children', () => {
    const [entry] = only('[*see* @a, p. **32** and `code` [here](http://x)]').items
    expect(entry!.prefix).toBe('*see*')
    expect(entry!.prefixChildren.map((child) => child.type)).toEqual(['emphasis'])
    expect(entry!.suffix).toBe('p. **32** and `code` [here](http://x)')
    expect(entry!.suffixChildren.map((child) => child.type)).toEqual(['text', 'strong', 'text', 'inlineCode', 'text', 'link'])
  })

  test('children have positions in the file, across lines and containers', () => {
    const markdown = '> [voir *la\n> note* @a, p. 3, *passim*]'
    const [entry] = only(markdown).items
    const emphasis = entry!.prefixChildren[1]!
    expect(emphasis.type).toBe('emphasis')
    expect(markdown.slice(emphasis.position!.start.offset, emphasis.position!.end.offset)).toBe('*la\n> note*')
    expect(entry!.suffix).toBe(', *passim*')
    const suffix = entry!.suffixChildren.at(-1)!
    expect(markdown.slice(suffix.position!.start.offset, suffix.position!.end.offset)).toBe('*passim*')
  })

  test('whitespace around prefixes and suffixes is not part of them', () => {
    const [entry] = only('[ see\n  @a,  and\n  passim  ]').items
    expect(entry!.prefixChildren).toMatchObject([{type: 'text', value: 'see'}])
    expect(entry!.suffixChildren).toMatchObject([{type: 'text', value: 'and\npassim'}])
    expect(entry!.suffix).toBe('and passim')
  })

  test('a second key in a suffix is a nested citation, as in Pandoc', () => {
    const [entry] = only('[@a and @b]').items
    expect(entry!.suffixChildren.map((child) => child.type)).toEqual(['text', 'citation'])
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
    ['email', '[contact@example.org]'],
    ['email in prose', 'Write to contact@example.org or x.y@z.fr.'],
    ['handle glued to a word', '[see@a]'],
    ['glued to a dot', 'e.g.@a'],
    ['footnote call', '[^1]\n\n[^1]: Note.'],
    ['escaped at sign', '[see \\@a]'],
    ['escaped at sign in prose', 'Follow \\@ong_france.'],
    ['empty key', '[@]'],
    ['lone at sign', 'We meet @ noon.'],
    ['space after at sign', '[ @ a]'],
    ['empty brackets', '[]'],
    ['no key', '[see p. 3]'],
    ['key starting with punctuation', '[@-a]'],
    ['empty braced key', '@{}'],
    ['space in a braced key', '@{a b}'],
    ['inside a code span', '`[@a]`'],
    ['in a fenced code block', '```\n[@a]\n```'],
    ['definition', '[@a]: http://x'],
    ['e-mail autolink', '<me@example.com>'],
    ['link destination', '[Write](mailto:sam@green.eggs.ham)'],
    ['URL with an at sign', 'http://www.mail-archive.com/rails@lists.rubyonrails.org/'],
    ['Pandoc example list', '(@good) This is a good example.\n\nAs (@good) illustrates, (@later) too.\n\n(@later) Another.'],
    ['example list label alone', '(@foo)']
  ])('%s: %j', (_, markdown) => {
    expect(citations(markdown)).toEqual([])
  })

  test.each([
    ['escaped opening bracket', '\\[@a]'],
    ['inline link', '[@a](http://x)'],
    ['full reference', '[@a][ref]\n\n[ref]: http://x'],
    ['collapsed reference', '[@a][]'],
    ['bracketed span', '[@a]{.class}'],
    ['item without key', '[@a; see p. 3]'],
    ['empty item', '[@a;]'],
    ['unclosed', '[see @a'],
    ['glued to a footnote call', 'cité[@doe][^2]\n\n[^2]: Note.']
  ])('not bracketed, but an in-text citation: %s: %j', (_, markdown) => {
    expect(citations(markdown).map((node) => [node.syntax, node.items.map((entry) => entry.mode)])).toEqual([['in-text', ['in-text']]])
  })

  test('an in-text bracket that is a defined link reference stays a link', () => {
    const tree = parse('@cita [link]\n\n[link]: http://x')
    const found = citations('@cita [link]\n\n[link]: http://x')
    expect(found.map((node) => node.value)).toEqual(['@cita'])
    const types: string[] = []
    visit(tree, (node) => {
      types.push(node.type)
    })
    expect(types).toContain('linkReference')
  })

  test('an in-text bracket followed by a link or a footnote call is not the citation’s', () => {
    expect(citations('@cita [link](http://x)').map((node) => node.value)).toEqual(['@cita'])
    expect(citations('@cita[^1]\n\n[^1]: Note.').map((node) => node.value)).toEqual(['@cita'])
  })

  test('-@ after a dash is a dash and a citation', () => {
    expect(shapes('Pages 3--@a')).toEqual([item({key: 'a', mode: 'in-text'})])
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
