import type {Nodes, Paragraph} from 'mdast'
import {describe, expect, test} from 'vitest'
import {VFile} from 'vfile'
import {labelEnd} from '../../src/parse/figure-captions.js'
import {parseMarkdown} from '../../src/parse/markdown.js'

/** A figure's brackets read as a paragraph (parse/figure-captions.ts), each node where it is written. */
function captionOf(text: string) {
  const tree = parseMarkdown(new VFile({path: 'a.md', value: text}))
  const figures: Paragraph[] = []
  const find = (node: Nodes) => {
    if (node.type === 'paragraph' && node.data?.figure) figures.push(node)
    else if ('children' in node) for (const child of node.children) find(child as Nodes)
  }
  find(tree)
  const figure = figures[0]!
  const found: Array<{type: string; line: number; column: number; text: string}> = []
  const visit = (node: Nodes) => {
    const start = node.position?.start
    if (start && node.type !== 'text') found.push({type: node.type, line: start.line, column: start.column, text: text.slice(start.offset, node.position!.end.offset)})
    if ('children' in node) for (const child of node.children) visit(child as Nodes)
  }
  for (const child of figure.data?.caption ?? []) visit(child)
  const image = figure.children.find((node) => node.type === 'image')
  return {found, alt: image?.type === 'image' ? image.alt : undefined, caption: figure.data?.caption}
}

describe('figure captions', () => {
  test('a citation, emphasis and a note in a caption, each at its line and column in the file', () => {
    const {found, alt} = captionOf('# Titre\n\nIntro.\n\n![Un *constat* [@a, p. 3] et une note^[Voir.]](x.png){#fig-x}\n')
    expect(found).toEqual([
      {type: 'emphasis', line: 5, column: 6, text: '*constat*'},
      {type: 'citation', line: 5, column: 16, text: '[@a, p. 3]'},
      {type: 'inlineNote', line: 5, column: 38, text: '^[Voir.]'}
    ])
    expect(alt).toBe('Un constat et une note')
  })

  test('the description keeps the spaces the writer put before punctuation, and loses only those before a citation or note taken out', () => {
    expect(captionOf('![Part des ménages en difficulté : « forte hausse » en 2023 ?](x.png){#fig-x}\n').alt).toBe('Part des ménages en difficulté : « forte hausse » en 2023 ?')
    expect(captionOf('![Une hausse [@a]. Puis une baisse^[Voir.], enfin [@b] : rien](x.png){#fig-x}\n').alt).toBe('Une hausse. Puis une baisse, enfin : rien')
  })

  test('a caption over two lines, in a list item: the second line’s nodes at their own column', () => {
    const {found} = captionOf('- ![Première ligne\n  seconde [@b]](x.png)\n')
    expect(found).toEqual([{type: 'citation', line: 2, column: 11, text: '[@b]'}])
  })

  test('the brackets end at their own `]`: nested brackets, `\\]` and code spans holding `]` are inside', () => {
    const source = '![a [b] \\] `]` c](x.png)'
    expect(labelEnd(source, 2)).toBe(source.indexOf('](x.png)'))
    expect(labelEnd('![never closed', 2)).toBeUndefined()
  })

  test('brackets that do not read as one paragraph keep their plain text', () => {
    const {caption, alt} = captionOf('![# Pas un titre](x.png){#fig-x}\n')
    expect(caption).toBeUndefined()
    expect(alt).toBe('# Pas un titre')
  })
})
