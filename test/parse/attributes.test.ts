import type {Data, Nodes, Root} from 'mdast'
import {VFile} from 'vfile'
import {describe, expect, test} from 'vitest'
import {parseAttributeList} from '../../src/parse/attributes/attribute-list.js'
import {parseMarkdown} from '../../src/parse/markdown.js'

function parse(markdown: string): Root {
  return parseMarkdown(new VFile({path: 'chapters/x.md', value: markdown}))
}

/** The tree without positions, for readable expectations. */
function bare(node: Nodes): unknown {
  const {position: _position, ...rest} = node as Nodes & {position?: unknown}
  if ('children' in rest) (rest as {children: unknown[]}).children = (rest.children as Nodes[]).map(bare)
  return rest
}

/** A node's data with the fields the attributes extension adds. */
function dataOf(node: Nodes | undefined): Data | undefined {
  return node?.data as Data | undefined
}

function types(tree: Root): string[] {
  const out: string[] = []
  const walk = (node: Nodes) => {
    out.push(node.type)
    if ('children' in node) for (const child of node.children) walk(child as Nodes)
  }
  walk(tree)
  return out
}

describe('attribute list', () => {
  test.each([
    ['#sec-x .unnumbered', {id: 'sec-x', classes: ['unnumbered'], pairs: {}, raw: undefined}],
    ['-', {id: undefined, classes: ['unnumbered'], pairs: {}, raw: undefined}],
    ['#fig-a width=70% fig-alt="A map, of regions"', {id: 'fig-a', classes: [], pairs: {width: '70%', 'fig-alt': 'A map, of regions'}, raw: undefined}],
    ["title='It\\'s' .a .b", {id: undefined, classes: ['a', 'b'], pairs: {title: "It's"}, raw: undefined}],
    ['=html', {id: undefined, classes: [], pairs: {}, raw: 'html'}]
  ])('`{%s}`', (source, expected) => {
    expect(parseAttributeList(source)).toEqual(expected)
  })

  test.each(['1, 2', '.5', '#1', 'x', 'a = b', '#a.b"', '', 'key="unclosed'])('`{%s}` is not a list', (source) => {
    expect(parseAttributeList(source)).toBeUndefined()
  })
})

describe('headings', () => {
  test('`{#id .class}` after the text is the heading’s, with the space before it', () => {
    const [heading] = parse('## Method {#sec-method .unnumbered}\n').children
    expect(bare(heading!)).toEqual({type: 'heading', depth: 2, children: [{type: 'text', value: 'Method'}], data: {attributes: {id: 'sec-method', classes: ['unnumbered'], pairs: {}, raw: undefined}}})
  })

  test('`{-}` is `.unnumbered`; braces that are not a list stay text', () => {
    const [first, second] = parse('# Annexes {-}\n\n## Sets {1, 2}\n').children
    expect(dataOf(first)?.attributes?.classes).toEqual(['unnumbered'])
    expect(bare(second!)).toEqual({type: 'heading', depth: 2, children: [{type: 'text', value: 'Sets {1, 2}'}]})
  })
})

describe('inline attributes and spans', () => {
  test('an image’s, a link’s and a code span’s attributes touch them', () => {
    const [paragraph] = parse('![Map](map.png){#fig-map width=70%} [site](https://x.org){.ext} `x`{.r}\n').children
    const children = (paragraph as {children: Nodes[]}).children
    expect(children.filter((child) => child.type !== 'text').map((child) => [child.type, dataOf(child)?.attributes?.id ?? dataOf(child)?.attributes?.classes[0]])).toEqual([['image', 'fig-map'], ['link', 'ext'], ['inlineCode', 'r']])
  })

  test('attributes after a space apply to nothing and stay a node of their own', () => {
    expect(types(parse('![Map](map.png) {.wide}\n'))).toContain('attributes')
  })

  test('a bracketed span holds inline Markdown; a link, a citation and a footnote call are not spans', () => {
    const tree = parse('[*small* caps]{.smallcaps} [a](b) [@doe] [^1] [plain]\n\n[^1]: Note.\n')
    const [paragraph] = tree.children
    const span = (paragraph as {children: Nodes[]}).children[0]!
    expect(bare(span)).toEqual({type: 'span', attributes: {id: undefined, classes: ['smallcaps'], pairs: {}, raw: undefined}, children: [{type: 'emphasis', children: [{type: 'text', value: 'small'}]}, {type: 'text', value: ' caps'}]})
    expect(types(tree)).toEqual(expect.arrayContaining(['link', 'citation', 'footnoteReference']))
    expect(types(tree).filter((type) => type === 'span')).toHaveLength(1)
  })

  test('brackets in code spans and escapes do not close a span', () => {
    const [paragraph] = parse('[a `]` b \\] c]{.x}\n').children
    const span = (paragraph as {children: Nodes[]}).children[0]!
    expect(span.type).toBe('span')
    expect(types({type: 'root', children: [span as never]})).toContain('inlineCode')
  })

  test('an empty span and a span over two lines, its line ending kept (the words were glued: "twolines")', () => {
    const tree = parse('[]{#anchor} and [two\nlines]{.x} and *[in\nemphasis]{lang=cy}*\n')
    expect(types(tree).filter((type) => type === 'span')).toHaveLength(3)
    const paragraph = tree.children[0] as Extract<Nodes, {type: 'paragraph'}>
    const texts = (paragraph.children as Nodes[]).flatMap((node) => (node.type === 'emphasis' ? (node.children as Nodes[]) : [node])).filter((node) => node.type === 'span').map((node) => (node as unknown as {children: Array<{value: string}>}).children.map((child) => child.value).join(''))
    expect(texts).toEqual(['', 'two\nlines', 'in\nemphasis'])
  })

  test('attributes may go on to the next line, as Pandoc wraps them at 72 columns; prose in braces over two lines stays text', () => {
    const [, figure, prose] = parse('Texte.\n\n![Atelier](photo.jpg){width="3in"\nheight="2in"}\n\nPhrase {avec des\naccolades} ici.\n').children
    const image = (figure as {children: Nodes[]}).children[0]!
    expect(image.type).toBe('image')
    expect(dataOf(image)?.attributes?.pairs).toEqual({width: '3in', height: '2in'})
    expect(types({type: 'root', children: [prose as never]})).not.toContain('attributes')
    const [span] = (parse('[Le texte]{.mark\nlang=en} suite.\n').children[0] as {children: Nodes[]}).children
    expect((span as unknown as {attributes: {classes: string[]; pairs: object}}).attributes).toMatchObject({classes: ['mark'], pairs: {lang: 'en'}})
  })

  test('an empty span holds its attributes, as the anchors Pandoc brings from Word headings do', () => {
    const [heading] = parse('# []{#_Toc101 .anchor}Le constat\n').children
    expect(bare(heading!)).toEqual({
      type: 'heading',
      depth: 1,
      children: [
        {type: 'span', attributes: {id: '_Toc101', classes: ['anchor'], pairs: {}, raw: undefined}, children: []},
        {type: 'text', value: 'Le constat'}
      ]
    })
    // A nested span's braces stay its own, the outer span's its own.
    const [paragraph] = parse('[a []{#in} b]{#out}\n').children
    const outer = (paragraph as {children: Nodes[]}).children[0] as unknown as {attributes: {id: string}; children: Array<{type: string; attributes?: {id: string}}>}
    expect(outer.attributes.id).toBe('out')
    expect(outer.children.find((child) => child.type === 'span')?.attributes?.id).toBe('in')
  })
})

describe('fenced divs', () => {
  test('`::: {.class}` and `::: word` open a div; nested divs close in order, as in Pandoc', () => {
    const tree = parse('::: {.callout-note title="Hi"}\nOuter *text*.\n\n::: warning\nInner.\n:::\n\nOuter again.\n:::\n\nAfter.\n')
    const [div, after] = tree.children
    expect(div!.type).toBe('fencedDiv')
    expect((div as {attributes: unknown}).attributes).toEqual({id: undefined, classes: ['callout-note'], pairs: {title: 'Hi'}, raw: undefined})
    const children = (div as {children: Nodes[]}).children
    expect(children.map((child) => child.type)).toEqual(['paragraph', 'fencedDiv', 'paragraph'])
    expect((children[1] as {attributes: {classes: string[]}}).attributes.classes).toEqual(['warning'])
    expect(bare(after!)).toEqual({type: 'paragraph', children: [{type: 'text', value: 'After.'}]})
  })

  test('a rapporteur directive inside a div closes first; `:::name` is still a directive', () => {
    const tree = parse('::: {.box}\n:::callout{title="T"}\nIn.\n:::\n\nStill in the div.\n:::\n')
    const [div] = tree.children
    expect(div!.type).toBe('fencedDiv')
    expect((div as {children: Nodes[]}).children.map((child) => child.type)).toEqual(['containerDirective', 'paragraph'])
  })

  test('a div with more colons and closing colons on its opening line', () => {
    const [div] = parse(':::: {#box .x} ::::\nText.\n::::\n').children
    expect(div!.type).toBe('fencedDiv')
    expect((div as {attributes: {id: string}}).attributes.id).toBe('box')
  })

  test('a `:::` closing nothing stays a paragraph', () => {
    expect(parse(':::\n').children[0]!.type).toBe('paragraph')
  })

  test('a div in a list item and in a block quote', () => {
    expect(types(parse('- item\n\n  ::: {.x}\n  In.\n  :::\n'))).toContain('fencedDiv')
    expect(types(parse('> ::: {.x}\n> In.\n> :::\n'))).toContain('fencedDiv')
  })
})

describe('code, captions, figures, cross-references, shortcodes, LaTeX', () => {
  test('fenced code’s `{.lang .class}` and raw `{=html}`; a Quarto cell keeps its info', () => {
    const [python, raw, cell] = parse('```{.python .numberLines}\nx\n```\n\n```{=latex}\n\\newpage\n```\n\n```{r}\n1\n```\n').children
    expect(python).toMatchObject({lang: 'python', data: {attributes: {classes: ['python', 'numberLines']}}})
    expect(raw).toMatchObject({lang: '{=latex}', data: {attributes: {raw: 'latex'}}})
    expect(cell).toMatchObject({lang: '{r}'})
    expect(cell!.data).toBeUndefined()
  })

  test('`: Caption {#tbl-x}` after a table, and `Table: Caption` before one, are captions', () => {
    const after = parse('| a |\n|---|\n| 1 |\n\n: Counts *by* region [@doe] {#tbl-x}\n').children
    expect(after).toHaveLength(1)
    expect(dataOf(after[0])?.attributes?.id).toBe('tbl-x')
    expect(dataOf(after[0])?.caption?.map((node) => node.type)).toEqual(['text', 'emphasis', 'text', 'citation'])
    const before = parse('Table: Counts\n\n| a |\n|---|\n| 1 |\n').children
    expect(before.map((node) => node.type)).toEqual(['table'])
    expect(dataOf(before[0])?.caption).toEqual([expect.objectContaining({type: 'text', value: 'Counts'})])
  })

  test('an image alone in its paragraph with a description is a figure; without one, or with text, it is not', () => {
    const [figure, bareImage, inText] = parse('![Map of regions](map.png){#fig-map}\n\n![](logo.png)\n\nSee ![icon](i.png) here.\n').children
    expect(dataOf(figure)?.figure).toBe(true)
    expect(dataOf(bareImage)?.figure).toBeUndefined()
    expect(dataOf(inText)?.figure).toBeUndefined()
  })

  test('citations whose keys are all cross-references become cross-references; `-@` gives the number alone', () => {
    const [paragraph] = parse('See @fig-map, [-@tbl-x] and [@sec-a; @sec-b], but [@doe; @fig-map] and @doe.\n').children
    const nodes = (paragraph as {children: Nodes[]}).children
    expect(nodes.filter((node) => node.type === 'crossReference').map((node) => [(node as {identifier: string}).identifier, (node as {suppressLabel: boolean}).suppressLabel])).toEqual([
      ['fig-map', false],
      ['tbl-x', true],
      ['sec-a', false],
      ['sec-b', false]
    ])
    expect(nodes.filter((node) => node.type === 'citation')).toHaveLength(2)
  })

  test('`@eq-x` and `@lst-x` have no target here: never citations, cross-references kept as written, for unsupported-syntax to report', () => {
    const [paragraph] = parse('See @eq-energy and [@lst-code], @Fig-map.\n').children
    const children = (paragraph as {children: Nodes[]}).children
    expect(children.filter((node) => node.type === 'citation')).toHaveLength(0)
    expect(children.filter((node) => node.type === 'crossReference').map((node) => [node.identifier, node.value, Boolean(node.unsupported), Boolean(node.capitalised)])).toEqual([
      ['eq-energy', '@eq-energy', true, false],
      ['lst-code', '@lst-code', true, false],
      ['fig-map', '@Fig-map', false, true]
    ])
  })

  test('shortcodes and paragraphs of LaTeX commands are marked, inline code is not', () => {
    const tree = parse('{{< include a.qmd >}}\n\nText {{% note %}} and `{{< x >}}`.\n\n\\newpage\n\n\\vspace{1cm} \\noindent\n\nA \\LaTeX word.\n')
    expect(types(tree).filter((type) => type === 'shortcode')).toHaveLength(2)
    expect(tree.children.map((node) => Boolean(dataOf(node)?.rawTex))).toEqual([false, false, true, true, false])
  })
})
