import {expect, test} from 'vitest'
import {VFile} from 'vfile'
import {parseMarkdown} from '../../src/parse/markdown.js'

test('a leaf directive followed by a tab, as an editor leaves one, has its name alone', () => {
  const tree = parseMarkdown(new VFile({path: 'a.md', value: '::glossary\t\n\n::toc \n'}))
  expect(tree.children.map((node) => (node.type === 'leafDirective' ? node.name : node.type))).toEqual(['glossary', 'toc'])
})
