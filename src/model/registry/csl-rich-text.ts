import type {Nodes, PhrasingContent, Root} from 'mdast'
import {toString} from 'mdast-util-to-string'
import remarkParse from 'remark-parse'
import {unified, type Processor} from 'unified'
import remarkAttributes from '../../parse/attributes/index.js'
import remarkSubSuperscript from '../../parse/sub-superscript/index.js'

/**
 * Pandoc reads each string of a CSL YAML file as Markdown (`title: Le logement en *outre-mer*`);
 * citeproc-js reads CSL's HTML-like rich text (`<i>`, `<b>`, `<sup>`, `<sub>`, small caps and
 * `nocase` spans). This turns the one into the other, so the asterisks are not printed.
 */

/** The text variables that are identifiers or codes, read as written: a `_` in a URL is no emphasis. */
const verbatimVariables: ReadonlySet<string> = new Set(['id', 'type', 'citation-key', 'citation-label', 'DOI', 'ISBN', 'ISSN', 'PMCID', 'PMID', 'URL', 'call-number', 'language', 'license', 'year-suffix', 'keyword', 'archive_location'])

/** What can start Markdown inline markup, an escape, an entity or raw HTML: anything else is plain text. */
const markup = /[*_^~`\\[<&]/u

/** A CSL item's text variables read as Pandoc reads them: Markdown inlines, as CSL rich text. */
export function richTextItem(item: Record<string, unknown>, textVariables: ReadonlySet<string>): Record<string, unknown> {
  const out: Record<string, unknown> = {...item}
  for (const [name, value] of Object.entries(item)) {
    if (typeof value === 'string' && textVariables.has(name) && !verbatimVariables.has(name) && markup.test(value)) out[name] = markdownToCslRichText(value)
  }
  return out
}

let processor: Processor | undefined

/** `Le *logement* en H~2~O` → `Le <i>logement</i> en H<sub>2</sub>O`; text without markup is returned as it is. */
export function markdownToCslRichText(value: string): string {
  if (!markup.test(value)) return value
  processor ??= unified().use(remarkParse).use(remarkSubSuperscript).use(remarkAttributes).use(inlinesOnly).freeze() as unknown as Processor
  const tree = processor.parse(value) as Root
  return tree.children.map((block) => ('children' in block ? (block.children as PhrasingContent[]).map(rich).join('') : toString(block))).join(' ')
}

/**
 * A string is one run of inlines: `1. Le titre` is no list and `# 3` no heading, as a title is no
 * block. micromark is told to leave every block construct but the paragraph alone.
 */
function inlinesOnly(this: Processor): void {
  const data = this.data()
  ;(data.micromarkExtensions ??= []).push({disable: {null: ['blockQuote', 'codeFenced', 'codeIndented', 'definition', 'headingAtx', 'htmlFlow', 'list', 'setextUnderline', 'thematicBreak']}})
}

const tags: Record<string, [string, string]> = {
  emphasis: ['<i>', '</i>'],
  strong: ['<b>', '</b>'],
  superscript: ['<sup>', '</sup>'],
  subscript: ['<sub>', '</sub>']
}

function rich(node: PhrasingContent | Nodes): string {
  const children = 'children' in node ? (node.children as PhrasingContent[]).map(rich).join('') : ''
  const tag = tags[node.type]
  if (tag) return `${tag[0]}${children}${tag[1]}`
  switch (node.type) {
    case 'text':
    case 'inlineCode':
      return node.value
    // Rich text of CSL's own (`<i>…</i>`), as a CSL-JSON title holds it.
    case 'html':
      return node.value
    case 'break':
      return ' '
    case 'span': {
      const classes = node.attributes.classes
      if (classes.includes('smallcaps')) return `<span style="font-variant:small-caps;">${children}</span>`
      if (classes.includes('nocase')) return `<span class="nocase">${children}</span>`
      return children
    }
    default:
      return 'children' in node ? children : toString(node)
  }
}
