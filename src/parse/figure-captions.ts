import type {Image, Nodes, Paragraph, PhrasingContent, Root} from 'mdast'
import {toString} from 'mdast-util-to-string'

/**
 * A figure's caption read as Markdown, as Pandoc reads it: `![Carte, 45 % ouvertes le soir
 * [@guide-2024]](carte.png){#fig-carte}` has a citation, and `*en hiver*`, `CO~2~` or a note
 * `^[…]` are what they are in a paragraph. CommonMark keeps only the plain text of an image's
 * brackets (`alt`), which printed `@guide-2024` raw, left the source uncited and the caption's
 * figures unchecked. So the brackets of each figure's image (attach.ts marks figures) are parsed
 * again as a paragraph, their positions moved to where they stand in the file, and kept on the
 * figure's paragraph as `data.caption`, as a table's caption is; the image's `alt` becomes that
 * caption's text without its citations and notes (what a screen reader reads when there is no
 * `fig-alt`). Brackets that do not read as one paragraph (`![# Titre](x.png)`) keep their text.
 */
export function parseFigureCaptions(tree: Root, source: string, parse: (text: string) => Root): void {
  // `[^n]` and `[texte][label]` resolve only against definitions the parser has seen: the
  // document's, given to each caption as stand-ins after its text (they parse as definitions, apart).
  const labels = definitionLabels(tree)
  const definitions = labels.notes.map((label) => `[^${label}]: .`).concat(labels.links.map((label) => `[${label}]: #`))
  const withDefinitions = definitions.length === 0 ? parse : (text: string) => parse(`${text}\n\n${definitions.join('\n\n')}\n`)
  const visit = (node: Nodes) => {
    if (node.type === 'paragraph' && node.data?.figure) captionFigure(node, source, withDefinitions)
    else if ('children' in node) for (const child of node.children) visit(child as Nodes)
  }
  visit(tree)
}

function captionFigure(paragraph: Paragraph, source: string, parse: (text: string) => Root): void {
  const image = paragraph.children.find((child): child is Image => child.type === 'image')
  const start = image?.position?.start
  if (!image || start?.offset === undefined || !source.startsWith('![', start.offset)) return
  const from = start.offset + 2
  const to = labelEnd(source, from)
  if (to === undefined) return
  const text = source.slice(from, to)
  if (text.trim() === '') return
  const parsed = parse(text)
  const only = parsed.children[0]
  if (only?.type !== 'paragraph' || parsed.children.slice(1).some((child) => child.type !== 'definition' && child.type !== 'footnoteDefinition')) return
  shiftPositions(only, {line: start.line, column: start.column + 2, offset: from})
  ;(paragraph.data ??= {}).caption = only.children
  image.alt = captionText(only.children)
}

/** The labels of the document's note and link definitions, as written (at the top level, where they are). */
function definitionLabels(tree: Root): {notes: string[]; links: string[]} {
  const notes: string[] = []
  const links: string[] = []
  const visit = (node: Nodes) => {
    if (node.type === 'footnoteDefinition') notes.push(node.label ?? node.identifier)
    else if (node.type === 'definition') links.push(node.label ?? node.identifier)
    else if ('children' in node) for (const child of node.children) visit(child as Nodes)
  }
  visit(tree)
  return {notes, links}
}

/** Where the brackets opened before `from` close: brackets inside balanced, `\]` and code spans skipped. */
export function labelEnd(source: string, from: number): number | undefined {
  let depth = 1
  for (let at = from; at < source.length; at++) {
    const char = source[at]
    if (char === '\\') at++
    else if (char === '`') {
      const run = /^`+/u.exec(source.slice(at, at + 20))![0]
      const close = source.indexOf(run, at + run.length)
      if (close !== -1) at = close + run.length - 1
      else at += run.length - 1
    } else if (char === '[') depth++
    else if (char === ']' && --depth === 0) return at
  }
  return undefined
}

/** Where a citation or note was taken out of the caption's text (a character Markdown text cannot hold). */
const TAKEN_OUT = '\u0000'

/**
 * The caption as plain text: citations, notes and note calls print apart, not in the image's
 * description. The space written before one goes with it (`hausse [@insee].` reads `hausse.`);
 * a space the writer put before punctuation elsewhere stays (French `difficulté : «`).
 */
function captionText(children: readonly PhrasingContent[]): string {
  const text = (node: Nodes): string => {
    if (node.type === 'citation' || node.type === 'inlineNote' || node.type === 'footnoteReference') return TAKEN_OUT
    if ('children' in node) return (node.children as Nodes[]).map(text).join('')
    return toString(node).replaceAll(TAKEN_OUT, '')
  }
  return children
    .map((child) => text(child))
    .join('')
    .replace(/\s*\u0000+/gu, '')
    .replace(/\s+/gu, ' ')
    .trim()
}

type Point = {line: number; column: number; offset?: number}

/**
 * Move every point of a subtree parsed on its own (line 1, column 1 at its first character) to
 * where that text stands in the file. Points are found wherever the parser keeps them (positions,
 * and a directive's attribute positions in `data`), each moved once.
 */
function shiftPositions(root: object, base: Required<Point>): void {
  const moved = new WeakSet<object>()
  const walk = (value: unknown) => {
    if (value === null || typeof value !== 'object' || moved.has(value)) return
    moved.add(value)
    if (isPoint(value)) {
      if (value.line === 1) value.column += base.column - 1
      value.line += base.line - 1
      if (value.offset !== undefined) value.offset += base.offset
      return
    }
    for (const child of Object.values(value)) walk(child)
  }
  walk(root)
}

function isPoint(value: object): value is Point {
  return typeof (value as Point).line === 'number' && typeof (value as Point).column === 'number' && !('type' in value)
}
