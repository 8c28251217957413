import type {Nodes, Paragraph, PhrasingContent, Root} from 'mdast'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import remarkStringify from 'remark-stringify'
import {unified} from 'unified'
import type {Position} from 'unist'
import {VFile} from 'vfile'
import {describe, expect, test} from 'vitest'
import remarkCitation from '../../src/parse/citation/index.js'
import remarkInlineNote, {type InlineNote} from '../../src/parse/inline-note/index.js'
import {parseMarkdown} from '../../src/parse/markdown.js'

function parse(markdown: string): Root {
  return parseMarkdown(new VFile(markdown))
}

function paragraph(markdown: string): PhrasingContent[] {
  const first = parse(markdown).children[0]
  expect(first?.type, markdown).toBe('paragraph')
  return (first as Paragraph).children
}

function notes(markdown: string): InlineNote[] {
  const found: InlineNote[] = []
  const walk = (node: Nodes) => {
    if (node.type === 'inlineNote') found.push(node)
    if ('children' in node) for (const child of node.children) walk(child)
  }
  walk(parse(markdown))
  return found
}

/** A node's kind and text, nested: `['text', 'a']`, `['emphasis', [...]]`, `['citation', 'in-text:doe']`. */
function shape(nodes: readonly PhrasingContent[]): unknown[] {
  return nodes.map((node) => {
    if (node.type === 'citation') return ['citation', node.items.map((item) => `${item.mode}:${item.key}`).join(';')]
    if ('value' in node) return [node.type, node.value]
    if (node.type === 'footnoteReference') return [node.type, node.identifier]
    if ('children' in node) return [node.type, shape(node.children as PhrasingContent[])]
    return [node.type]
  })
}

function place(position: Position | undefined): string {
  if (!position) return 'none'
  return `${position.start.line}:${position.start.column}-${position.end.line}:${position.end.column} (${position.start.offset}-${position.end.offset})`
}

describe('inline notes: what is one', () => {
  test.each<[string, unknown[]]>([
    ['Un constat^[Selon une enquête.] partagé.', [['text', 'Un constat'], ['inlineNote', [['text', 'Selon une enquête.']]], ['text', ' partagé.']]],
    ['a^[*b* **c** `d`] e', [['text', 'a'], ['inlineNote', [['emphasis', [['text', 'b']]], ['text', ' '], ['strong', [['text', 'c']]], ['text', ' '], ['inlineCode', 'd']]], ['text', ' e']]],
    // The note ends at the `]` that balances its `[`: nested brackets, a code span and an escape do not close it.
    ['a^[b `]` \\] [c] d] e', [['text', 'a'], ['inlineNote', [['text', 'b '], ['inlineCode', ']'], ['text', ' ] [c] d']]], ['text', ' e']]],
    // Whitespace around the content is not part of it.
    ['a^[  b  ] c', [['text', 'a'], ['inlineNote', [['text', 'b']]], ['text', ' c']]],
    // A note in a note.
    ['a^[b ^[c] d] e', [['text', 'a'], ['inlineNote', [['text', 'b '], ['inlineNote', [['text', 'c']]], ['text', ' d']]], ['text', ' e']]],
    // Directives, links and GFM footnote calls inside.
    ['a^[voir :term[sextorsion] et [lien](https://exemple.org)[^1]]\n\n[^1]: x', [['text', 'a'], ['inlineNote', [['text', 'voir '], ['textDirective', [['text', 'sextorsion']]], ['text', ' et '], ['link', [['text', 'lien']]], ['footnoteReference', '1']]]]],
    // Not a note: empty, unclosed, escaped, in code.
    ['a^[] b', [['text', 'a^[] b']]],
    ['a^[ ] b', [['text', 'a^[ ] b']]],
    ['a^[b c', [['text', 'a^[b c']]],
    ['a\\^[b] c', [['text', 'a^[b] c']]],
    ['`a^[b]` c', [['inlineCode', 'a^[b]'], ['text', ' c']]],
    // `^` not before `[` is no note (here, no superscript either: no closing `^`).
    ['a ^ [b] c', [['text', 'a ^ [b] c']]]
  ])('%j', (markdown, expected) => {
    expect(shape(paragraph(markdown))).toEqual(expected)
  })

  test('a note may span lines, also in a block quote; line endings stay in its text', () => {
    expect(shape(paragraph('a^[b\nc] d'))).toEqual([['text', 'a'], ['inlineNote', [['text', 'b\nc']]], ['text', ' d']])
    const quote = parse('> a^[b\n> c] d').children[0]
    expect(quote?.type).toBe('blockquote')
    const inner = (quote as {children: Paragraph[]}).children[0]!
    expect(shape(inner.children)).toEqual([['text', 'a'], ['inlineNote', [['text', 'b\nc']]], ['text', ' d']])
  })

  test('a note does not run over a blank line', () => {
    expect(notes('a^[b\n\nc] d')).toEqual([])
  })

  test('in headings and table cells too', () => {
    expect(notes('# Titre^[Une note.]')).toHaveLength(1)
    expect(notes('| a^[n] | b |\n| - | - |\n| 1 | 2 |')).toHaveLength(1)
  })
})

describe('inline notes: positions', () => {
  test('the node covers `^[` to `]`, its children their own text', () => {
    const [note] = notes('Un constat^[Selon *une* enquête.] partagé.')
    expect(place(note!.position)).toBe('1:11-1:34 (10-33)')
    expect(note!.children.map((child) => place(child.position))).toEqual(['1:13-1:19 (12-18)', '1:19-1:24 (18-23)', '1:24-1:33 (23-32)'])
  })

  test('over lines, and with whitespace left out', () => {
    const [note] = notes('a^[ b\nc ]')
    expect(place(note!.position)).toBe('1:2-2:4 (1-9)')
    expect(place(note!.children[0]!.position)).toBe('1:5-2:2 (4-7)')
  })
})

describe('inline notes and citations', () => {
  test('`text^[see @doe, p. 3]`: an in-text citation in the note, as Pandoc reads it', () => {
    expect(shape(paragraph('text^[see @doe, p. 3]'))).toEqual([['text', 'text'], ['inlineNote', [['text', 'see '], ['citation', 'in-text:doe'], ['text', ', p. 3']]]])
  })

  test('`[@doe]^[note]`: a citation, then a note', () => {
    expect(shape(paragraph('[@doe]^[note]'))).toEqual([['citation', 'normal:doe'], ['inlineNote', [['text', 'note']]]])
  })

  test('a bracketed citation in a note, with its locator', () => {
    const [note] = notes('Un fait.^[Voir [@doe, p. 16].]')
    const citation = note!.children.find((child) => child.type === 'citation')
    expect(citation?.type === 'citation' && citation.items[0]).toMatchObject({key: 'doe', locator: 'p. 16', mode: 'normal'})
    expect(place(citation!.position)).toBe('1:16-1:29 (15-28)')
  })

  test('`Hi^[@key [@other].]`: an in-text citation taking the bracket after it, in the note (Pandoc 037)', () => {
    expect(shape(paragraph('Hi^[@a [@b].].'))).toEqual([['text', 'Hi'], ['inlineNote', [['citation', 'in-text:a;normal:b'], ['text', '.']]], ['text', '.']])
  })

  test('a citation bracket holding a balanced note keeps it in its prefix', () => {
    expect(shape(paragraph('[see ^[x] @a] c'))).toEqual([['citation', 'normal:a'], ['text', ' c']])
  })
})

describe('inline notes: written back', () => {
  const processor = unified().use(remarkParse).use(remarkGfm).use(remarkCitation).use(remarkInlineNote).use(remarkStringify).freeze()
  const roundTrip = (markdown: string) => processor.stringify(processor.parse(markdown))

  test.each([
    ['a^[b *c* [@doe, p. 3]] d\n', 'a^[b *c* [@doe, p. 3]] d\n'],
    ['a^[b \\] c] d\n', 'a^[b \\] c] d\n'],
    ['a^[b [c] d] e\n', 'a^[b \\[c\\] d] e\n'],
    // Text that would read as a note does not: its `[` is escaped.
    ['a\\^[b] c\n', 'a^\\[b] c\n']
  ])('%j', (markdown, expected) => {
    const written = roundTrip(markdown)
    expect(written).toBe(expected)
    expect(roundTrip(written)).toBe(written)
  })

  test('a `^` at the end of a text, before a link, is escaped', () => {
    const tree: Root = {type: 'root', children: [{type: 'paragraph', children: [{type: 'text', value: 'a^'}, {type: 'link', url: 'https://exemple.org', children: [{type: 'text', value: 'b'}]}]}]}
    const written = processor.stringify(tree)
    expect(written).toBe('a\\^[b](https://exemple.org)\n')
    expect(notes(written)).toEqual([])
  })
})
