import type {Root, RootContent} from 'mdast'
import {directiveFromMarkdown} from 'mdast-util-directive'
import {directive} from 'micromark-extension-directive'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified, type Processor} from 'unified'
import type {VFile} from 'vfile'
import {alertsToCallouts} from './alerts.js'
import {refsDivsToBibliography} from './refs-div.js'
import {restoreBareTextDirectives} from './bare-directives.js'
import {brTagsToBreaks} from './br-tags.js'
import remarkAttributes, {attachAttributes} from './attributes/index.js'
import remarkCitation from './citation/index.js'
import remarkMath from './math/index.js'
import remarkDefinitionList from './definition-list.js'
import remarkInlineNote from './inline-note/index.js'
import remarkSubSuperscript from './sub-superscript/index.js'
import {parseFigureCaptions} from './figure-captions.js'

/**
 * remark-directive without the `verbose` switch: we need attribute positions so that a bad
 * attribute is reported where it is written, not at the start of the block.
 */
function remarkDirectiveWithPositions(this: Processor): void {
  const data = this.data()
  ;(data.micromarkExtensions ??= []).push(directive())
  ;(data.fromMarkdownExtensions ??= []).push(directiveFromMarkdown({verbose: true}))
}

/**
 * The one Markdown dialect: CommonMark + GFM + front matter + directives + Pandoc citations,
 * attributes, bracketed spans, fenced divs, inline notes, sub- and superscripts, definition lists
 * and TeX maths; GitHub's alerts (`> [!NOTE]`) are read as callouts (alerts.ts), and `<br>` as a
 * line break (br-tags.ts).
 *
 * GFM's strikethrough takes `~~struck~~` only: a single tilde is Pandoc's subscript (`H~2~O`).
 */
export function createParser() {
  return unified()
    .use(remarkParse)
    .use(remarkGfm, {singleTilde: false})
    .use(remarkFrontmatter, ['yaml'])
    .use(remarkDirectiveWithPositions)
    .use(remarkCitation)
    .use(remarkAttributes)
    .use(remarkMath)
    .use(remarkInlineNote)
    .use(remarkSubSuperscript)
    .use(remarkDefinitionList)
}

let shared: ReturnType<typeof createParser> | undefined

/** Parse one Markdown file into mdast; positions point into `file`. */
export function parseMarkdown(file: VFile): Root {
  shared ??= createParser().freeze()
  const parser = shared
  const tree = parser.parse(file)
  restoreBareTextDirectives(tree, String(file.value))
  trimDirectiveNames(tree)
  attachAttributes(tree)
  alertsToCallouts(tree, String(file.value))
  refsDivsToBibliography(tree)
  brTagsToBreaks(tree)
  // A figure's brackets read again as a paragraph: its caption's citations, notes and emphasis.
  parseFigureCaptions(tree, String(file.value), (text) => {
    const caption = parser.parse(text)
    restoreBareTextDirectives(caption, text)
    attachAttributes(caption)
    brTagsToBreaks(caption)
    return caption
  })
  return tree
}

/**
 * `::glossary` then a tab, as an editor leaves one: micromark-extension-directive keeps the tab in
 * the leaf directive's name (`glossary\t`), which then matched no directive. No name holds whitespace.
 */
function trimDirectiveNames(node: Root | RootContent): void {
  if ((node.type === 'leafDirective' || node.type === 'containerDirective' || node.type === 'textDirective') && /\s/u.test(node.name)) node.name = node.name.trim()
  if ('children' in node) for (const child of node.children) trimDirectiveNames(child)
}
