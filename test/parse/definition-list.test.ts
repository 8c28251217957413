import type {Nodes, Root} from 'mdast'
import {VFile} from 'vfile'
import {describe, expect, test} from 'vitest'
import {parseMarkdown} from '../../src/parse/markdown.js'

function parse(markdown: string): Root {
  return parseMarkdown(new VFile(markdown))
}

/** The tree as nested `[type, …]`, texts as their value, `spread` marked on definitions. */
function outline(node: Nodes): unknown {
  if (node.type === 'text') return node.value
  if (node.type === 'citation') return `@${node.items[0]!.key}`
  const type = node.type === 'defListDescription' && node.spread ? 'defListDescription (loose)' : node.type
  if (!('children' in node)) return 'value' in node ? [type, node.value] : [type]
  return [type, ...(node.children as Nodes[]).map(outline)]
}

function blocks(markdown: string): unknown[] {
  return parse(markdown).children.map(outline)
}

describe('definition lists, as Pandoc writes them', () => {
  test('compact: a term, then `:` and the definition; several definitions per term', () => {
    expect(blocks('Terme 1\n: Définition 1\n\nTerme 2\n: Définition 2a\n: Définition 2b\n')).toEqual([
      [
        'defList',
        ['defListTerm', 'Terme 1'],
        ['defListDescription', ['paragraph', 'Définition 1']],
        ['defListTerm', 'Terme 2'],
        ['defListDescription', ['paragraph', 'Définition 2a']],
        ['defListDescription', ['paragraph', 'Définition 2b']]
      ]
    ])
  })

  test('loose, with several paragraphs and a code block in a definition (the Pandoc manual’s example)', () => {
    const markdown = 'Term 1\n\n:   Definition 1\n\nTerm 2 with *inline markup*\n\n:   Definition 2\n\n        { some code, part of Definition 2 }\n\n    Third paragraph of definition 2.\n'
    expect(blocks(markdown)).toEqual([
      [
        'defList',
        ['defListTerm', 'Term 1'],
        ['defListDescription (loose)', ['paragraph', 'Definition 1']],
        ['defListTerm', 'Term 2 with ', ['emphasis', 'inline markup']],
        ['defListDescription (loose)', ['paragraph', 'Definition 2'], ['code', '{ some code, part of Definition 2 }'], ['paragraph', 'Third paragraph of definition 2.']]
      ]
    ])
  })

  test('the marker may be indented one or two spaces, and a definition continue lazily', () => {
    expect(blocks('Terme\n  : première ligne\nsuite\n')).toEqual([['defList', ['defListTerm', 'Terme'], ['defListDescription', ['paragraph', 'première ligne\nsuite']]]])
  })

  test('a list in a definition, a definition list in a block quote and in a directive', () => {
    expect(blocks('Terme\n:   - un\n    - deux\n')).toEqual([
      ['defList', ['defListTerm', 'Terme'], ['defListDescription', ['list', ['listItem', ['paragraph', 'un']], ['listItem', ['paragraph', 'deux']]]]]
    ])
    expect(blocks('> Terme\n> : déf\n')).toEqual([['blockquote', ['defList', ['defListTerm', 'Terme'], ['defListDescription', ['paragraph', 'déf']]]]])
    expect(blocks(':::callout\nTerme\n: déf\n:::\n')[0]).toEqual(['containerDirective', ['defList', ['defListTerm', 'Terme'], ['defListDescription', ['paragraph', 'déf']]]])
  })

  test('terms and definitions are inline Markdown: citations, directives, notes', () => {
    expect(blocks('Terme [@doe] et :term[x]\n: déf^[note] 40 %\n')).toEqual([
      [
        'defList',
        ['defListTerm', 'Terme ', '@doe', ' et ', ['textDirective', 'x']],
        ['defListDescription', ['paragraph', 'déf', ['inlineNote', 'note'], ' 40 %']]
      ]
    ])
  })

  test('a `:` line after a paragraph of several lines is a line of it, as in Pandoc (terms fit on one line)', () => {
    // A hard-wrapped French sentence whose next line starts with the spaced colon.
    const markdown = 'Le nombre de sites a reculé de 36 %\nentre 2016 et 2020 [@pharos]. Le sujet dépasse la question technique\n: il touche à la santé.\n'
    expect(blocks(markdown)).toEqual([['paragraph', 'Le nombre de sites a reculé de 36 %\nentre 2016 et 2020 ', '@pharos', '. Le sujet dépasse la question technique\n: il touche à la santé.']])
    expect(blocks('Un paragraphe.\nTerme\n: déf\n')).toEqual([['paragraph', 'Un paragraphe.\nTerme\n: déf']])
    // One blank line between the term and its definition is allowed, two are not.
    expect(blocks('Terme\n\n: déf\n')[0]).toEqual(['defList', ['defListTerm', 'Terme'], ['defListDescription (loose)', ['paragraph', 'déf']]])
    expect(blocks('Terme\n\n\n: déf\n')).toEqual([['paragraph', 'Terme'], ['paragraph', ': déf']])
  })

  test('positions: the term is its line, the definition starts after its marker', () => {
    const list = parse('Un paragraphe.\n\nTerme\n: déf\n').children[1]
    expect(list?.type).toBe('defList')
    const [term, description] = (list as {children: Nodes[]}).children
    expect(term!.position?.start).toMatchObject({line: 3, column: 1, offset: 16})
    expect(description!.position?.start).toMatchObject({line: 4, column: 3, offset: 24})
  })

  test('directive fences and `:name` at the start of a line are not definitions', () => {
    expect(blocks('Texte\n:term[x] suite\n')).toEqual([['paragraph', 'Texte\n', ['textDirective', 'x'], ' suite']])
    expect(blocks('Texte\n\n:::callout\nx\n:::\n')[1]).toEqual(['containerDirective', ['paragraph', 'x']])
  })

  // Pandoc forms micromark-extension-definition-list does not read: they stay paragraphs, and
  // `unsupported-syntax` reports them (docs/pandoc-quarto.md). A failure here means the library
  // now reads one: update the docs and the rule.
  test.each([
    ['`~` as the marker', 'Terme\n~ déf\n', ['paragraph', 'Terme\n~ déf']],
    ['in a list item', '- Terme\n  : déf\n', ['list', ['listItem', ['paragraph', 'Terme\n: déf']]]],
    ['in a footnote', 'a[^1]\n\n[^1]: Terme\n    : déf\n', ['footnoteDefinition', ['paragraph', 'Terme\n: déf']]]
  ])('not read: %s', (_, markdown, expected) => {
    expect(blocks(markdown)).toContainEqual(expected)
  })
})
