import type {Heading, Nodes} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {defineRule} from '../rule.js'

export const headingLevel = defineRule({
  id: 'heading-level',
  severity: 'warning',
  summary: 'Each file has one level-1 heading, its title, and headings go down one level at a time.',
  docs: `A chapter is a file: its first \`# Titre\` is its title, which opens a new page and makes its
entry in the table of contents. A second \`#\` heading in the same file starts no chapter: it is
printed inside this one, with no new page and no entry, where a writer used to one long document
meant a chapter. Make it \`##\`, or move what follows it to a file of its own listed in
\`editions\` in rapporteur.yaml.

Headings also go down one level at a time (\`#\`, \`##\`, \`###\`): screen readers list a page by its
headings and the PDF's bookmarks and tags follow their levels, so a \`####\` right under a \`##\` reads
as a section whose heading is missing (a failure of PDF/UA's Matterhorn checkpoint 14-003 and of
WCAG's 1.3.1). Going back up any number of levels is fine. A chapter whose title is in its front
matter (\`title:\`) counts as having its level-1 heading. A recommendation's title is left out: it is
printed one level below the heading the box stands under, whatever level it is written at.`,
  examples: {
    ok: [
      {'chapters/intro.md': '# Introduction\n\n## Constat\n\n### En France\n\nLa :term[sextorsion] progresse [@enquete-2024].\n\n## Réponses\n'},
      {'chapters/intro.md': '# Introduction\n\nLa :term[sextorsion] progresse [@enquete-2024].\n\n:::recommendation{#rec-a axis=prevention}\n### Agir tôt\nSensibiliser.\n:::\n'}
    ],
    notOk: [
      {'chapters/intro.md': '# Introduction\n\nLa :term[sextorsion] progresse [@enquete-2024].\n\n# Deuxième partie\n'},
      {'chapters/intro.md': '# Introduction\n\n## Constat\n\n#### En France\n\nLa :term[sextorsion] progresse [@enquete-2024].\n'}
    ]
  },
  check({model, report}) {
    for (const document of model.documents) {
      let title: Heading | undefined
      // A title in the front matter stands for the level-1 heading.
      let previous = document.frontMatter.title ? 1 : 0
      eachHeading(document.tree, (node) => {
        if (!node.position) return
        const at = {file: document.path, position: node.position}
        const text = toString(node).trim()
        if (node.depth === 1 && title) {
          report(at, `Unexpected second level-1 heading \`# ${text}\` in ${document.path}, expected one, its title (\`# ${toString(title).trim()}\`, line ${title.position?.start.line}): it starts no chapter, no new page and no entry in the table of contents; make it \`##\`, or a file of its own listed in \`editions\``)
        } else if (node.depth > previous + 1 && previous > 0) {
          report(at, `Unexpected level-${node.depth} heading \`${'#'.repeat(node.depth)} ${text}\` after a level-${previous} one, expected level ${previous + 1} (\`${'#'.repeat(previous + 1)}\`): screen readers and the PDF's bookmarks would read a section whose heading is missing`)
        }
        if (node.depth === 1) title ??= node
        previous = node.depth
      })
    }
  }
})

/** Each heading in document order, but for those inside a recommendation box (its title). */
function eachHeading(node: Nodes, visitor: (heading: Heading) => void): void {
  if (node.type === 'heading') visitor(node)
  if (node.type === 'containerDirective' && node.name === 'recommendation') return
  if ('children' in node) for (const child of node.children as Nodes[]) eachHeading(child, visitor)
}
