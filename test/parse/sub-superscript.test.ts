import type {Paragraph, PhrasingContent, Root} from 'mdast'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import remarkStringify from 'remark-stringify'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {describe, expect, test} from 'vitest'
import {parseMarkdown} from '../../src/parse/markdown.js'
import remarkSubSuperscript from '../../src/parse/sub-superscript/index.js'

function paragraph(markdown: string): PhrasingContent[] {
  const first = parseMarkdown(new VFile(markdown)).children[0]
  expect(first?.type, markdown).toBe('paragraph')
  return (first as Paragraph).children
}

/** A node's kind and text, nested. */
function shape(nodes: readonly PhrasingContent[]): unknown[] {
  return nodes.map((node) => {
    if (node.type === 'citation') return ['citation', node.items.map((item) => `${item.mode}:${item.key}`).join(';')]
    if ('value' in node) return [node.type, node.value]
    if ('children' in node) return [node.type, shape(node.children as PhrasingContent[])]
    return [node.type]
  })
}

describe('sub- and superscripts: what is one', () => {
  test.each<[string, unknown[]]>([
    ['H~2~O', [['text', 'H'], ['subscript', [['text', '2']]], ['text', 'O']]],
    ['10^6^ cas', [['text', '10'], ['superscript', [['text', '6']]], ['text', ' cas']]],
    ['le 1^er^ mai', [['text', 'le 1'], ['superscript', [['text', 'er']]], ['text', ' mai']]],
    ['10^-3^', [['text', '10'], ['superscript', [['text', '-3']]]]],
    // Inline Markdown inside.
    ['x^*a*^', [['text', 'x'], ['superscript', [['emphasis', [['text', 'a']]]]]]],
    ['x^`a^b`^', [['text', 'x'], ['superscript', [['inlineCode', 'a^b']]]]],
    // An escaped space is a no-break space; an escaped marker does not close.
    ['P~a\\ cat~', [['text', 'P'], ['subscript', [['text', 'a\u00A0cat']]]]],
    ['e^a\\^b^', [['text', 'e'], ['superscript', [['text', 'a^b']]]]],
    // Two in a row.
    ['2^3^^4^', [['text', '2'], ['superscript', [['text', '3']]], ['superscript', [['text', '4']]]]],
    ['~a~~b~ c', [['subscript', [['text', 'a']]], ['subscript', [['text', 'b']]], ['text', ' c']]],
    // Not one: a space or a line ending inside, empty, unclosed, escaped.
    ['x^a b^', [['text', 'x^a b^']]],
    ['x~a b~', [['text', 'x~a b~']]],
    ['x^a\nb^', [['text', 'x^a\nb^']]],
    ['x^^ y', [['text', 'x^^ y']]],
    ['2^10', [['text', '2^10']]],
    ['environ ~30 % et ~40 %', [['text', 'environ ~30 % et ~40 %']]],
    ['x\\^a^', [['text', 'x^a^']]],
    // `^[` is an inline note, never a superscript.
    ['a^[b]^', [['text', 'a'], ['inlineNote', [['text', 'b']]], ['text', '^']]],
    // GFM strikethrough takes two tildes, and only two.
    ['~~barré~~', [['delete', [['text', 'barré']]]]],
    ['a ~~b~~ c~d~', [['text', 'a '], ['delete', [['text', 'b']]], ['text', ' c'], ['subscript', [['text', 'd']]]]],
    ['~~a~~ et H~2~O', [['delete', [['text', 'a']]], ['text', ' et H'], ['subscript', [['text', '2']]], ['text', 'O']]],
    // Citations next to them.
    ['@doe^2^ et [@doe]~x~', [['citation', 'in-text:doe'], ['superscript', [['text', '2']]], ['text', ' et '], ['citation', 'normal:doe'], ['subscript', [['text', 'x']]]]]
  ])('%j', (markdown, expected) => {
    expect(shape(paragraph(markdown))).toEqual(expected)
  })
})

describe('sub- and superscripts: positions', () => {
  test('the node covers both markers, its text the content', () => {
    const [, sub, , sup] = paragraph('H~2~O et 10^6^')
    expect(sub!.position).toMatchObject({start: {line: 1, column: 2, offset: 1}, end: {line: 1, column: 5, offset: 4}})
    expect((sub as {children: PhrasingContent[]}).children[0]!.position).toMatchObject({start: {offset: 2}, end: {offset: 3}})
    expect(sup!.position).toMatchObject({start: {line: 1, column: 12, offset: 11}, end: {line: 1, column: 15, offset: 14}})
  })
})

describe('sub- and superscripts: written back', () => {
  const processor = unified().use(remarkParse).use(remarkGfm, {singleTilde: false}).use(remarkSubSuperscript).use(remarkStringify).freeze()
  const roundTrip = (markdown: string) => processor.stringify(processor.parse(markdown))

  test.each([
    ['H~2~O et 10^6^\n', 'H~2~O et 10^6^\n'],
    // Markers in text are escaped, so that they read back as text.
    ['a\\^b^ c\n', 'a\\^b\\^ c\n'],
    ['~~barré~~\n', '~~barré~~\n']
  ])('%j', (markdown, expected) => {
    const written = roundTrip(markdown)
    expect(written).toBe(expected)
    expect(roundTrip(written)).toBe(written)
  })

  test('a space inside is written so that it reads back', () => {
    const tree: Root = {type: 'root', children: [{type: 'paragraph', children: [{type: 'text', value: 'x'}, {type: 'superscript', children: [{type: 'text', value: 'a b'}]}]}]}
    const written = processor.stringify(tree)
    expect(written).toBe('x^a&#x20;b^\n')
    const read = processor.parse(written).children[0] as Paragraph
    expect(shape(read.children)).toEqual([['text', 'x'], ['superscript', [['text', 'a b']]]])
  })
})
