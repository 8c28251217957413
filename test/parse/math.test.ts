import fc from 'fast-check'
import type {Nodes, Root} from 'mdast'
import remarkStringify from 'remark-stringify'
import {visit} from 'unist-util-visit'
import {VFile} from 'vfile'
import {describe, expect, test} from 'vitest'
import {createParser, parseMarkdown} from '../../src/parse/markdown.js'
import type {InlineMath, Math} from '../../src/parse/math/index.js'

/** What a maths node says: its type, its formula, and whether it is displayed. */
interface Shape {
  type: 'inlineMath' | 'math'
  value: string
  display: boolean
}

function parse(markdown: string): Root {
  return parseMarkdown(new VFile(markdown))
}

function maths(markdown: string): Shape[] {
  const found: Shape[] = []
  visit(parse(markdown), (node: Nodes) => {
    if (node.type === 'inlineMath' || node.type === 'math') found.push({type: node.type, value: node.value, display: node.type === 'math' || node.data?.mathDisplay === true})
  })
  return found
}

const inline = (value: string): Shape => ({type: 'inlineMath', value, display: false})
const display = (value: string): Shape => ({type: 'inlineMath', value, display: true})
const block = (value: string): Shape => ({type: 'math', value, display: true})

describe('inline maths: Pandoc’s tex_math_dollars rules', () => {
  test.each<[string, Shape[]]>([
    ['$x^2$', [inline('x^2')]],
    ['a $\\alpha = 0.05$ b', [inline('\\alpha = 0.05')]],
    ['$a$, $b$ et $c$.', [inline('a'), inline('b'), inline('c')]],
    // Glued to words on either side: Pandoc has no rule on what comes before or after (but digits).
    ['a$b$c', [inline('b')]],
    ['$x$.', [inline('x')]],
    // Inner spaces are fine, not after the opening `$` or before the closing one.
    ['$a + b$', [inline('a + b')]],
    ['$ a$', []],
    ['$a $', []],
    ['$a $b$', [inline('b')]],
    // The closing `$` must not be followed by a digit; the next `$` gets its own chance.
    ['$a$5', []],
    ['$20,000 and $30,000', []],
    // `$a$5` fails; from the next `$`, `$5 et $` fails too (a space before `$`); then `$b$`.
    ['$a$5 et $b$', [inline('b')]],
    // `\$` is a dollar, outside maths and inside it.
    ['\\$x$', []],
    ['$\\$5$', [inline('\\$5')]],
    ['$a \\$ b$', [inline('a \\$ b')]],
    // `\text{…}` may hold dollars and spaces before them.
    ['$\\text{costs $5 and $10}$', [inline('\\text{costs $5 and $10}')]],
    ['$\\text{a} + b$', [inline('\\text{a} + b')]],
    // An unbalanced `\text{` is a backslash and a `t`, and the first `$` closes.
    ['$\\text{a$ b', [inline('\\text{a')]],
    // Over a line ending, not over a blank line.
    ['$a\nb$', [inline('a\nb')]],
    ['$a\n\nb$', []],
    // Nothing at all, or whitespace only.
    ['$$', []],
    ['$ $', []],
    ['a $', []]
  ])('%j', (markdown, expected) => {
    expect(maths(markdown)).toEqual(expected)
  })
})

describe('money stays text', () => {
  test.each([
    'Le don coûte 10 $ ou 5 €.',
    'It costs $5 and $10.',
    'US$ 3.2 billion, or $3.2 billion and $4 million',
    'Entre $20,000 et $30,000 par an.',
    'Un budget de 5$ et 10$ par enfant.',
    'A $ sign, then $ 5.',
    'Prix : 5 $, 10 $, 20 $.'
  ])('%j', (markdown) => {
    expect(maths(markdown)).toEqual([])
    expect(parse(markdown).children[0]).toMatchObject({type: 'paragraph', children: [{type: 'text', value: markdown.replace(/\\\$/g, '$')}]})
  })
})

describe('display maths', () => {
  test.each<[string, Shape[]]>([
    ['$$a + b$$', [display('a + b')]],
    ['Soit $$ \\frac{1}{2} $$ la moitié.', [display('\\frac{1}{2}')]],
    ['$$a\nb$$', [display('a\nb')]],
    // Pandoc: display maths has no digit rule, and its delimiters may have spaces inside.
    ['$$x$$5', [display('x')]],
    // In the text, `$$` that does not close is not display maths; `$` then gets its turn.
    ['$$a', []],
    ['$$ $$', []],
    // A block: `$$` alone, the formula, `$$` alone.
    ['$$\n\\frac{1}{2}\n$$', [block('\\frac{1}{2}')]],
    ['$$\na\nb\n$$\n\nSuite.', [block('a\nb')]],
    ['Texte.\n\n  $$\n  x\n  $$', [block('x')]],
    // A longer closing fence closes too.
    ['$$\nx\n$$$', [block('x')]],
    // Text after the opening fence: not a block, display maths in a paragraph (as Pandoc).
    ['$$ \\begin{aligned}\na &= b \\\\\nc &= d\n\\end{aligned} $$', [display('\\begin{aligned}\na &= b \\\\\nc &= d\n\\end{aligned}')]],
    // A block that never closes, or meets a blank line first, is text.
    ['$$\nx', []],
    ['$$\nx\n\n$$', []],
    // In containers.
    ['> $$\n> x\n> $$', [block('x')]],
    ['- $$\n  x\n  $$', [block('x')]],
    ['> Voir $$a\n> = b$$ ici.', [display('a\n= b')]]
  ])('%j', (markdown, expected) => {
    expect(maths(markdown)).toEqual(expected)
  })
})

describe('where maths is not read', () => {
  test.each([
    'Le code `$x$` reste du code.',
    '```\n$$\nx\n$$\n```',
    '[lien](https://exemple.org/$a$)',
    '<https://exemple.org/$a$>',
    '---\ntitle: $x$\n---\n\nTexte.'
  ])('%j', (markdown) => {
    expect(maths(markdown)).toEqual([])
  })

  test('maths in link text, emphasis, headings, table cells, footnotes and citations', () => {
    const markdown = '# Le $\\alpha$\n\n[voir $a$](https://x.org) *et $b$*\n\n| x |\n| - |\n| $c$ |\n\nTexte[^1] [@doe, $d$].\n\n[^1]: Note $e$.\n'
    const tree = parse(markdown)
    expect(maths(markdown).map((shape) => shape.value)).toEqual(['\\alpha', 'a', 'b', 'c', 'e'])
    const citations: Nodes[] = []
    visit(tree, 'citation', (node) => void citations.push(node))
    const citation = citations[0]
    expect(citation).toMatchObject({items: [{key: 'doe', locator: '', suffixChildren: [{type: 'inlineMath', value: 'd'}]}]})
  })

  test('emphasis markers inside maths are maths', () => {
    const tree = parse('$a_1 + b_2$ et $a*b*c$')
    expect(tree.children[0]).toMatchObject({children: [{type: 'inlineMath', value: 'a_1 + b_2'}, {type: 'text', value: ' et '}, {type: 'inlineMath', value: 'a*b*c'}]})
  })
})

describe('positions', () => {
  test('inline and display maths cover their dollars', () => {
    const tree = parse('Soit $x^2$ et\n$$\\frac{a}{b}$$ fin.')
    const nodes: InlineMath[] = []
    visit(tree, 'inlineMath', (node) => void nodes.push(node))
    expect(nodes.map((node) => node.position)).toEqual([
      {start: {line: 1, column: 6, offset: 5}, end: {line: 1, column: 11, offset: 10}},
      {start: {line: 2, column: 1, offset: 14}, end: {line: 2, column: 16, offset: 29}}
    ])
  })

  test('a block covers its fences', () => {
    const tree = parse('Texte.\n\n$$\nx = 1\n$$\n')
    const node = tree.children[1] as Math
    expect(node).toMatchObject({type: 'math', value: 'x = 1'})
    expect(node.position).toEqual({start: {line: 3, column: 1, offset: 8}, end: {line: 5, column: 3, offset: 19}})
  })

  test('a formula over lines of a block quote leaves the prefixes out', () => {
    expect(maths('> a $x +\n> y$ b')).toEqual([inline('x +\ny')])
  })
})

describe('hand-off to HTML hints', () => {
  test('nodes carry mdast-util-math’s hName hints and the display flag', () => {
    const tree = parse('$a$ $$b$$')
    const nodes: InlineMath[] = []
    visit(tree, 'inlineMath', (node) => void nodes.push(node))
    expect(nodes[0]!.data).toEqual({hName: 'code', hProperties: {className: ['language-math', 'math-inline']}, hChildren: [{type: 'text', value: 'a'}]})
    expect(nodes[1]!.data).toMatchObject({mathDisplay: true, hProperties: {className: ['language-math', 'math-display']}})
  })
})

describe('round trip', () => {
  const processor = createParser().use(remarkStringify).freeze()
  const write = (tree: Root) => processor.stringify(tree)

  test.each([
    'Soit $x^2$ et $$\\frac{1}{2}$$ fin.\n',
    '$$\n\\sum_{i=1}^n i\n$$\n',
    'Le don coûte 10 $ ou 5 €.\n',
    'It costs $5 and $10.\n',
    'Un $\\text{a $5 b}$ et \\$x$.\n',
    '[@doe, $a^2+b^2=c^2$]\n'
  ])('%j reads back the same', (markdown) => {
    const once = parse(markdown)
    const written = write(once)
    expect(maths(written)).toEqual(maths(markdown))
    expect(write(parse(written))).toBe(written)
  })

  test('a dollar in text that could open maths is escaped; money stays as written', () => {
    const tree: Root = {type: 'root', children: [{type: 'paragraph', children: [{type: 'text', value: 'a $b$ c, 10 $ ou US$ 3'}]}]}
    const written = write(tree)
    // The second `$` is followed by a space: with the first escaped, nothing can open.
    expect(written).toBe('a \\$b$ c, 10 $ ou US$ 3\n')
    expect(maths(written)).toEqual([])
  })

  test('a digit right after inline maths is written so that the maths still closes', () => {
    const tree: Root = {type: 'root', children: [{type: 'paragraph', children: [{type: 'inlineMath', value: 'x'}, {type: 'text', value: '5 fois'}]}]}
    const written = write(tree)
    expect(maths(written)).toEqual([inline('x')])
    expect(parse(written).children[0]).toMatchObject({children: [{type: 'inlineMath'}, {type: 'text', value: '5 fois'}]})
  })

  test('a formula is written trimmed, on one line', () => {
    const tree: Root = {type: 'root', children: [{type: 'paragraph', children: [{type: 'text', value: 'a '}, {type: 'inlineMath', value: ' x\n- y '}]}]}
    expect(write(tree)).toBe('a $x - y$\n')
  })

  test('random text and maths nodes read back as the same nodes', () => {
    const word = fc.stringMatching(/^[a-z0-9 $.,\\]{1,8}$/)
    const formula = fc.stringMatching(/^[a-z0-9+=^_{}\\ ]{1,8}$/).filter((value) => value.trim() !== '' && !/\\$/.test(value.trim()))
    const child = fc.oneof(word.map((value) => ({type: 'text' as const, value})), formula.map((value) => ({type: 'inlineMath' as const, value: value.trim()})))
    fc.assert(
      fc.property(fc.array(child, {minLength: 1, maxLength: 5}), (children) => {
        const tree: Root = {type: 'root', children: [{type: 'paragraph', children}]}
        const expected = children.filter((node) => node.type === 'inlineMath').map((node) => node.value)
        const back = maths(write(tree)).map((shape) => shape.value)
        expect(back).toEqual(expected)
      }),
      {numRuns: 300}
    )
  })
})
