import type {Element, ElementContent, Root, RootContent} from 'hast'
import {fromHtml} from 'hast-util-from-html'
import {toHtml} from 'hast-util-to-html'

/**
 * Paged.js lays out a page in time that grows with everything already laid out (each forced
 * layout walks the whole document), so one long run is O(n²) in pages. Chapters always start on a
 * new page (print-core.css), so the document can be cut before any chapter and each part laid out
 * on its own, in parallel, then the pages put back together in order (browser-side/parts.ts).
 */

/**
 * Text characters per part by default (PART_CHARS), unless the document is long (MOST_PARTS): its
 * parts grow instead. The cut depends on the document alone, not on the machine's cores nor on
 * the layout store: Paged.js does not always break a page at the same place when a chapter sits
 * at another height in its part (subpixel rounding), so a document cut another way may break a page
 * elsewhere. Cut by the cores (two parts a worker, of 100,000 or 200,000 characters), the 288-page
 * benchmark report moved a paragraph and its note to the next page when cut in 12 parts instead
 * of 4 (bench/README.md, point 61): the same report could give another PDF on another machine.
 *
 * Small parts make a rebuild fast: with the layout store (print/part-store.ts) it lays out again
 * only the edited chapter's part and the first one. The sample report's full edition (~45,000
 * characters) is 3 parts: the CLI's rebuild after an edit took ~2.55 s instead of ~2.92 s in one
 * part (medians of 5–6 interleaved), its first build ~3.14 s instead of ~2.90 s. At 100 pages (11
 * parts instead of 4) a rebuild after a middle chapter was edited took ~5.4 s instead of ~6.6 s;
 * at 288 pages, in 12 parts, a first build took as long as in 4, at the same peak memory; in 18
 * parts it took 1 s longer, in 28 parts 3.5 s (bench/README.md, point 61).
 */
export const PART_CHARS = 15_000

/** At most this many parts by default, however long the document (PART_CHARS). */
export const MOST_PARTS = 12

/**
 * With `partChars` given, parts smaller than this are not made: a part opens a browser page (a
 * renderer process at first) and loads Paged.js.
 */
export const MIN_PART_CHARS = 50_000

export interface SplitOptions {
  /**
   * Text characters a part should not go over (a longer chapter makes a longer part); Infinity:
   * one part. Default: PART_CHARS, at most MOST_PARTS parts, whatever `workers`.
   */
  partChars?: number
  /** With `partChars`: parts laid out at the same time, the number of parts a multiple of it where sizes allow (not under MIN_PART_CHARS). */
  workers?: number
  /**
   * The document's tree, when the caller has it (render/document.ts): what parsing `html` gives,
   * asked for only when the document is long enough to cut. It is numbered in place. Undefined: `html` is parsed.
   */
  tree?: () => Root | undefined
}

export interface DocumentParts {
  /** Complete HTML documents, same head, each with one run of chapters; the first has what comes before them. */
  parts: string[]
}

/**
 * Cut a print HTML document before `section.rp-chapter` elements into parts of at most about
 * `partChars` characters of text. Every element of the body gets a `data-ref` numbered over the whole document
 * (Paged.js keeps an existing one), so refs are unique across parts and a split element is
 * recognised as the same element in the next part; a print footnote's ref is its note number, which
 * its call and marker show (`attr(data-footnote-call)`), so note numbers do not restart per part.
 * Content before the first chapter goes to the first part, content after a chapter to that chapter's part.
 * A document too short to cut is returned as it is, numbered by the page instead (tooShortToCut).
 */
export function splitParts(html: string, options: SplitOptions = {}): DocumentParts {
  const given = options.partChars
  if (tooShortToCut(html, given ?? PART_CHARS)) return {parts: [html]}
  const tree = options.tree?.() ?? fromHtml(html)
  const body = findBody(tree)
  if (!body) return {parts: [html]}
  numberElements(body)
  const chapters = collectChapters(body)
  const lengths = chapters.map((chapter) => textLength(chapter))
  const total = lengths.reduce((sum, length) => sum + length, 0)
  const partOf = given === undefined ? balancedParts(chapters, lengths, Math.max(1, Math.min(MOST_PARTS, Math.floor(total / PART_CHARS))), Math.max(PART_CHARS, Math.ceil(total / MOST_PARTS))) : partsOfSize(chapters, lengths, total, given, options.workers)
  const count = chapters.length === 0 ? 1 : partOf.get(chapters[chapters.length - 1]!)! + 1
  if (count === 1) return {parts: [toHtml(tree)]}
  const ranges = partRanges(body, partOf)
  const parts: string[] = []
  for (let part = 0; part < count; part++) {
    const copy = keepPart(tree, ranges, part) as Root
    parts.push(toHtml(copy))
  }
  return {parts}
}

/**
 * Whether a document is one part whatever its text, known without parsing it (parsing and writing
 * out the sample's full edition took ~90 ms, cold, on the build's critical path). Its text is no
 * longer than its markup, and two parts take twice the smallest part. Such a document goes to the
 * browser as it is, and the page numbers its elements as this module would have, before Paged.js
 * reads them (browser-side/number-elements.ts: the same refs, in the same order).
 */
function tooShortToCut(html: string, most: number): boolean {
  return !Number.isFinite(most) || html.length < 2 * Math.min(most, MIN_PART_CHARS)
}

/**
 * The cut for a part size given: as many parts as it takes to stay under it, rounded up to a
 * multiple of the workers so that they all work until the end (3 parts on 2 workers leave one
 * working alone), but none under the minimum. Infinity: one part.
 */
function partsOfSize(chapters: Element[], lengths: number[], total: number, partChars: number, workers = 1): Map<Element, number> {
  const lanes = Math.max(1, workers)
  const wanted = Number.isFinite(partChars) ? lanes * Math.ceil(total / (lanes * partChars)) : 1
  return balancedParts(chapters, lengths, Math.max(1, Math.min(wanted, Math.floor(total / Math.min(partChars, MIN_PART_CHARS)))), partChars)
}

function findBody(tree: Root): Element | undefined {
  const html = tree.children.find((node): node is Element => node.type === 'element' && node.tagName === 'html')
  return html?.children.find((node): node is Element => node.type === 'element' && node.tagName === 'body')
}

const classes = (element: Element): string[] => {
  const value = element.properties.className
  return Array.isArray(value) ? value.map(String) : []
}

/**
 * Give every element of the body a `data-ref`, unique in the document and the same from build to
 * build while its chapter is: the elements outside chapters and the chapters themselves are
 * numbered in order (`rp-12`), each chapter's own elements from its ref (`rp-12-1`, `rp-12-2`…).
 * Numbered over the whole document, one paragraph added to a chapter renumbered every later
 * part, whose text then differed from the last build's, and the layout store
 * (print/part-store.ts) laid them all out again.
 */
function numberElements(body: Element): void {
  let outside = 0
  const mark = (node: Element, ref: string) => {
    // A print footnote (span.rp-footnote) carries its note number: Paged.js copies the ref to the call and the marker.
    const note = classes(node).includes('rp-footnote') ? node.properties.dataNote : undefined
    node.properties.dataRef ??= note === undefined ? ref : String(note)
  }
  const numberChapter = (chapter: Element, prefix: string) => {
    let inside = 0
    const visit = (node: Element) => {
      mark(node, `${prefix}-${++inside}`)
      for (const child of node.children) if (child.type === 'element') visit(child)
    }
    for (const child of chapter.children) if (child.type === 'element') visit(child)
  }
  const visit = (node: Element) => {
    const ref = `rp-${++outside}`
    mark(node, ref)
    if (classes(node).includes('rp-chapter')) numberChapter(node, ref)
    else for (const child of node.children) if (child.type === 'element') visit(child)
  }
  for (const child of body.children) if (child.type === 'element') visit(child)
}

/** The outermost `.rp-chapter` elements, in document order. */
function collectChapters(body: Element): Element[] {
  const found: Element[] = []
  const visit = (node: Element) => {
    if (classes(node).includes('rp-chapter')) {
      found.push(node)
      return
    }
    for (const child of node.children) if (child.type === 'element') visit(child)
  }
  visit(body)
  return found
}

function textLength(node: ElementContent | Element): number {
  if (node.type === 'text') return node.value.length
  if (node.type !== 'element') return 0
  let length = 0
  for (const child of node.children) length += textLength(child)
  return length
}

/**
 * What the first part costs beyond its text, in characters of text: it holds the cover and the
 * table of contents, and it is laid out last, after a part on its lane (lay-out-parts.ts). Laid
 * out alone, it took 2.4–2.6 s for 73,000 characters where the others took 1.4–1.9 s for 63,000 at
 * 100 pages, and ~10 % longer than the others for as much text at 288 pages. Cut by the chapters'
 * middles, the 100-page project's first part had 16 % more text than the others, and the lane
 * that laid it out ended ~1 s after the other; with this cost it has 56,000 characters, and the
 * 288-page project's parts are cut as before (bench/README.md, point 52).
 */
const FIRST_PART_EXTRA = 10_000

/**
 * Part index of each chapter, in at most `count` runs of consecutive chapters: the cut that makes
 * the longest part (the first one's text and FIRST_PART_EXTRA) as short as it can be,
 * in as few parts as that allows (a chapter longer than a part leaves fewer parts, not parts of
 * a chapter or two beside it), none over `most` characters (`partChars` when given) but a chapter alone.
 */
function balancedParts(chapters: Element[], lengths: number[], count: number, most: number): Map<Element, number> {
  const parts = Math.min(count, chapters.length)
  const cost = (part: number, text: number) => (part === 0 ? text + FIRST_PART_EXTRA : text)
  // The longest part, in the cut that makes it shortest: longest[p][i] for chapters i… in parts p…
  const n = chapters.length
  const after = [0]
  for (let index = n - 1; index >= 0; index--) after.unshift(after[0]! + lengths[index]!)
  let next = Array.from({length: n + 1}, (_, from) => (from === n ? 0 : Infinity))
  for (let part = parts - 1; part >= 0; part--) {
    const longest = new Array<number>(n + 1).fill(Infinity)
    for (let from = 0; from < n; from++) {
      for (let to = from + 1; to <= n; to++) longest[from] = Math.min(longest[from]!, Math.max(cost(part, after[from]! - after[to]!), next[to]!))
    }
    next = longest
  }
  const shortest = next[0]!
  // Filled in order up to that length: the fewest parts that reach it.
  const partOf = new Map<Element, number>()
  let part = 0
  let text = 0
  chapters.forEach((chapter, index) => {
    const length = lengths[index]!
    const full = cost(part, text + length) > shortest * (1 + 1e-9) || text + length > most
    if (text > 0 && part < parts - 1 && full) {
      part++
      text = 0
    }
    text += length
    partOf.set(chapter, part)
  })
  return partOf
}

/**
 * For every node of the body: the single part it belongs to, or `mixed` when it holds chapters of
 * several parts (then its children decide). A node after a chapter belongs to that chapter's part.
 */
function partRanges(body: Element, partOf: Map<Element, number>): Map<RootContent | Element, number | 'mixed'> {
  const ranges = new Map<RootContent | Element, number | 'mixed'>()
  let current = 0
  const visit = (node: RootContent | Element): Set<number> => {
    const seen = new Set<number>()
    const chapterPart = node.type === 'element' ? partOf.get(node) : undefined
    if (chapterPart !== undefined) {
      current = chapterPart
      seen.add(chapterPart)
    } else if (node.type === 'element' && containsChapter(node, partOf)) {
      for (const child of node.children) for (const part of visit(child)) seen.add(part)
    } else {
      seen.add(current)
    }
    ranges.set(node, seen.size === 1 ? [...seen][0]! : 'mixed')
    return seen
  }
  visit(body)
  return ranges
}

function containsChapter(node: Element, partOf: Map<Element, number>): boolean {
  return node.children.some((child) => child.type === 'element' && (partOf.has(child) || containsChapter(child, partOf)))
}

/** A copy of the tree that keeps the head and, in the body, only what belongs to `part` (and the elements around it). */
function keepPart(node: Root | RootContent, ranges: Map<RootContent | Element, number | 'mixed'>, part: number): Root | RootContent | undefined {
  const range = node.type === 'root' ? undefined : ranges.get(node)
  if (range === undefined) {
    // Outside the body (document, html, head) or the body itself.
    if (!('children' in node)) return node
    const children = (node.children as RootContent[]).map((child) => keepPart(child, ranges, part)).filter((child) => child !== undefined)
    return {...node, children} as Root | RootContent
  }
  if (range === part) return node
  if (range !== 'mixed') return undefined
  const element = node as Element
  const children = element.children.map((child) => keepPart(child, ranges, part)).filter((child) => child !== undefined) as ElementContent[]
  return {...element, children}
}
