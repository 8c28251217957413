import type {Root} from 'mdast'
import {defineRule} from '../rule.js'

export const chapterWithoutTitle = defineRule({
  id: 'chapter-without-title',
  severity: 'warning',
  summary: 'A chapter has a title: its first `# Titre` heading, or `title:` in its front matter.',
  docs: `A chapter's title is its entry in the table of contents, its running head on printed pages and
its name in exports. A chapter without one would be left out of the table of contents without a
word, and an empty file (emptied by mistake, or a sync that went wrong) would print as an empty
chapter. \`check\` reports both at the top of the file. A chapter meant to have no entry, such as an
epigraph, says so with \`toc: false\` in its front matter.`,
  examples: {
    ok: [
      {'chapters/intro.md': '# Introduction\n\nLa :term[sextorsion] progresse [@enquete-2024].\n'},
      {'chapters/intro.md': '---\ntoc: false\n---\n\n> La :term[sextorsion] progresse [@enquete-2024].\n'}
    ],
    notOk: [
      {'chapters/intro.md': 'La :term[sextorsion] progresse [@enquete-2024].\n\n## Une section\n'},
      {'chapters/vide.md': '\n'}
    ]
  },
  check({model, report}) {
    for (const document of model.documents) {
      if (document.role !== 'chapter' || document.title?.trim() || document.frontMatter.toc === false) continue
      const at = {file: document.path, position: {start: {line: 1, column: 1}, end: {line: 1, column: 1}}}
      if (isEmpty(document.tree)) report(at, `Unexpected empty chapter \`${document.path}\`, expected its text, starting with its title (\`# Titre\`): it would print as an empty chapter`)
      else report(at, `Missing title of the chapter \`${document.path}\`, expected a first heading \`# Titre\` or \`title:\` in its front matter: it is left out of the table of contents`)
    }
  }
})

/** Nothing but front matter, if that. */
function isEmpty(tree: Root): boolean {
  return tree.children.every((node) => node.type === 'yaml')
}
