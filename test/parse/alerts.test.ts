import type {Nodes, Root} from 'mdast'
import {VFile} from 'vfile'
import {afterAll, describe, expect, test} from 'vitest'
import {check} from '../../src/api/check.js'
import type {FencedDiv} from '../../src/parse/attributes/types.js'
import {parseMarkdown} from '../../src/parse/markdown.js'
import {removeProject, writeProject} from '../helpers/project.js'

function parse(markdown: string): Root {
  return parseMarkdown(new VFile(markdown))
}

/** The tree as nested `[type, …]`, texts as their value, a div as its classes and title. */
function outline(node: Nodes): unknown {
  if (node.type === 'text') return node.value
  if (node.type === 'fencedDiv') {
    const div = node as FencedDiv
    return [`fencedDiv ${div.attributes.classes.join(' ')}${div.attributes.pairs.title === undefined ? '' : ` "${div.attributes.pairs.title}"`}`, ...div.children.map(outline)]
  }
  if (!('children' in node)) return 'value' in node ? [node.type, node.value] : [node.type]
  return [node.type, ...(node.children as Nodes[]).map(outline)]
}

const blocks = (markdown: string) => parse(markdown).children.map(outline)

describe('GitHub alerts are read as callouts', () => {
  test('the marker alone on its line, in any case; the quotation’s paragraphs are the callout’s', () => {
    expect(blocks('> [!NOTE]\n> Premier paragraphe,\n> sur deux lignes.\n>\n> Second.\n')).toEqual([['fencedDiv callout-note', ['paragraph', 'Premier paragraphe,\nsur deux lignes.'], ['paragraph', 'Second.']]])
    expect(blocks('> [!caution]\n> Attention.\n')).toEqual([['fencedDiv callout-caution', ['paragraph', 'Attention.']]])
    // The marker as a paragraph of its own.
    expect(blocks('> [!TIP]\n>\n> Conseil.\n')).toEqual([['fencedDiv callout-tip', ['paragraph', 'Conseil.']]])
  })

  test('a title after the marker, its markup read as text, and Obsidian’s fold sign', () => {
    expect(blocks('> [!WARNING] Un titre *souligné*\n> Le corps.\n')).toEqual([['fencedDiv callout-warning "Un titre souligné"', ['paragraph', 'Le corps.']]])
    expect(blocks('> [!important]- Repliée\n> Le corps.\n')).toEqual([['fencedDiv callout-important "Repliée"', ['paragraph', 'Le corps.']]])
  })

  test('a title holding a citation, a note or a link is not made a title: its line stays in the body, nothing of it lost', () => {
    const [callout] = parse('> [!NOTE] Selon [@doe], voir [le site](https://example.org)\n> Le corps.\n').children as [FencedDiv]
    expect(callout.type).toBe('fencedDiv')
    expect(callout.attributes.pairs.title).toBeUndefined()
    expect(callout.children.map(outline)).toEqual([['paragraph', 'Selon ', ['citation', '@doe'], ', voir ', ['link', 'le site'], '\nLe corps.']])
  })

  test('inside a list item; another kind, a marker further on and a marker that is a link stay quotations', () => {
    expect(blocks('- > [!NOTE]\n  > Dans une liste.\n')).toEqual([['list', ['listItem', ['fencedDiv callout-note', ['paragraph', 'Dans une liste.']]]]])
    expect(blocks('> [!info]\n> Une autre sorte.\n')).toEqual([['blockquote', ['paragraph', '[!info]\nUne autre sorte.']]])
    expect(blocks('> Une citation [!NOTE] ordinaire.\n')).toEqual([['blockquote', ['paragraph', 'Une citation [!NOTE] ordinaire.']]])
    expect(blocks('> [!NOTE]\n> Lien.\n\n[!note]: https://example.org\n')[0]).toEqual(['blockquote', ['paragraph', ['linkReference', '!NOTE'], '\nLien.']])
  })
})

describe('checks read inside an alert, at the place written', () => {
  const made: string[] = []
  afterAll(async () => Promise.all(made.map((dir) => removeProject(dir))))

  test('a figure without a source on the alert’s second line (a year is not one), and an alert of another kind', async () => {
    const dir = await writeProject({'chapters/intro.md': '> [!NOTE] À retenir\n> En 2023, 1 200 cas ont été signalés.\n\n> [!info]\n> Texte.\n'})
    made.push(dir)
    const result = await check(dir)
    const found = result.files.flatMap((file) => file.messages.filter((message) => message.ruleId === 'figure-needs-citation' || message.ruleId === 'unsupported-syntax').map((message) => `${file.path}:${message.line}:${message.column} ${message.ruleId} ${message.reason.slice(0, 20)}`))
    expect(found.sort()).toEqual([
      'chapters/intro.md:2:12 figure-needs-citation Unexpected figure `1',
      'chapters/intro.md:4:3 unsupported-syntax Unexpected alert `[!'
    ])
  })
})
