import type {FootnoteDefinition, Nodes, RootContent} from 'mdast'

/** Each block a note cannot hold: its name in the finding, and what becomes of it. */
const kinds: Partial<Record<string, [string, string]>> = {
  table: ['table', 'its cells run together on one line'],
  code: ['code block', 'its lines run together as text'],
  math: ['display formula', 'it prints as its TeX source'],
  heading: ['heading', 'it prints as a line of the note'],
  blockquote: ['quotation', 'it prints as a line of the note, without its indent'],
  thematicBreak: ['horizontal rule', 'it is left out'],
  html: ['raw HTML block', 'it prints as its text'],
  fencedDiv: ['div', 'its blocks print as lines of the note, without its class or box'],
  containerDirective: ['`:::` block', 'its blocks print as lines of the note, without its box'],
  leafDirective: ['`::` directive', 'it prints as its text'],
  defList: ['definition list', 'it prints as lines of the note']
}

/**
 * The blocks of a footnote that a note does not print as written (render/note-lines.ts: a note is
 * lines of text at the page's foot, one paragraph or list item a line): each with what becomes of
 * it, for `unsupported-syntax`. Paragraphs and lists (their items' own paragraphs and lists too)
 * print as written and are passed over.
 */
export function noteBlockFindings(definition: FootnoteDefinition): {node: Nodes; message: string}[] {
  const findings: {node: Nodes; message: string}[] = []
  const visit = (block: RootContent) => {
    if (block.type === 'paragraph') return
    if (block.type === 'list') {
      for (const item of block.children) item.children.forEach(visit)
      return
    }
    const [what, fate] = kinds[block.type] ?? [`${block.type} block`, 'it prints as its text']
    findings.push({node: block, message: `Unexpected ${what} in note \`[^${definition.label ?? definition.identifier}]\`, expected paragraphs or a list: a note prints as lines of text at the page's foot, so ${fate} (move the block into the chapter and refer to it from the note)`})
  }
  definition.children.forEach(visit)
  return findings
}
