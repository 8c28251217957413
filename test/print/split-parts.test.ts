import {fromHtml} from 'hast-util-from-html'
import type {Element, Root} from 'hast'
import {describe, expect, test} from 'vitest'
import {MIN_PART_CHARS, MOST_PARTS, PART_CHARS, splitParts} from '../../src/print/split-parts.js'

/** A print document like the renderer's: cover, table of contents, chapters in main, back cover. */
function documentWith(chapters: number, charsEach: number): string {
  const text = 'x'.repeat(charsEach)
  const sections = Array.from(
    {length: chapters},
    (_, index) => `<section class="rp-chapter" id="c${index + 1}"><h1>Chapter ${index + 1}</h1><p>${text}<span class="rp-footnote" data-note="${index + 1}">Note ${index + 1}</span></p></section>`
  ).join('\n')
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>T</title><link rel="stylesheet" href="print.css"></head>
<body class="rp-edition"><header class="rp-cover"><h1>Cover</h1></header><nav class="rp-toc"><a href="#c1">One</a></nav>
<main id="main" class="rp-main">
${sections}
</main>
<footer class="rp-back-cover"><p>Back</p></footer></body></html>`
}

/** The document with a head long enough that splitParts parses it, whatever its text. */
const withLongHead = (html: string) => html.replace('</head>', `<style>${' '.repeat(2 * MIN_PART_CHARS)}</style></head>`)

/** The elements of a tree matching `tag.class` or `tag` (one or several, comma-separated). */
function selectAll(selector: string, tree: Root | Element): Element[] {
  const tests = selector.split(',').map((one) => {
    const [tag, className] = one.trim().split('.')
    return (element: Element) =>
      element.tagName === tag && (!className || (Array.isArray(element.properties.className) && element.properties.className.includes(className)))
  })
  const found: Element[] = []
  const visit = (node: Root | Element) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue
      if (tests.some((matches) => matches(child))) found.push(child)
      visit(child)
    }
  }
  visit(tree)
  return found
}

const descendants = (element: Element): Element[] =>
  element.children.flatMap((child) => (child.type === 'element' ? [child, ...descendants(child)] : []))

const ids = (html: string, selector: string) => selectAll(selector, fromHtml(html)).map((element) => String(element.properties.id ?? element.properties.className))

describe('splitParts', () => {
  test('a document whose markup is shorter than two of the smallest parts goes out as it is, unparsed', () => {
    // The page numbers it (browser-side/handlers.ts), as test/print/part-refs.test.ts shows.
    const html = documentWith(3, 100)
    expect(splitParts(html).parts).toEqual([html])
    expect(splitParts(html, {partChars: Infinity}).parts).toEqual([html])
    // Just under twice a part's text of markup, whatever its text: not cut.
    const under = documentWith(2, PART_CHARS - 500)
    expect(under.length).toBeLessThan(2 * PART_CHARS)
    expect(splitParts(under).parts).toEqual([under])
    // Smaller parts asked for: the bound follows them.
    expect(splitParts(documentWith(10, 5_000), {partChars: 12_000}).parts.length).toBeGreaterThan(1)
  })

  test('a document with long markup but short text stays whole, its elements numbered and each note ref its number', () => {
    // A long head (an inline stylesheet) makes the markup too long to skip parsing; the text is one part.
    const html = withLongHead(documentWith(3, 100))
    const {parts} = splitParts(html)
    expect(parts).toHaveLength(1)
    expect(parts[0]).not.toBe(html)
    const tree = fromHtml(parts[0]!)
    const refs = selectAll('body', tree).flatMap((body) => descendants(body)).map((element) => element.properties.dataRef)
    expect(refs.every((ref) => typeof ref === 'string')).toBe(true)
    expect(new Set(refs).size).toBe(refs.length)
    expect(selectAll('span.rp-footnote', tree).map((note) => note.properties.dataRef)).toEqual(['1', '2', '3'])
  })

  test('cut before chapters: every chapter in exactly one part, in order, the cover first and the back cover last', () => {
    const html = documentWith(10, 5_000)
    const {parts} = splitParts(html, {partChars: 12_000})
    expect(parts.length).toBeGreaterThan(2)
    const chapters = parts.map((part) => ids(part, 'section.rp-chapter'))
    expect(chapters.flat()).toEqual(Array.from({length: 10}, (_, index) => `c${index + 1}`))
    for (const part of chapters) expect(part.length).toBeGreaterThan(0)
    expect(parts.map((part) => ids(part, 'header.rp-cover, nav.rp-toc').length)).toEqual([2, ...parts.slice(1).map(() => 0)])
    expect(parts.map((part) => ids(part, 'footer.rp-back-cover').length)).toEqual([...parts.slice(1).map(() => 0), 1])
  })

  test('each part is a whole document with the same head, and the elements around the chapters keep one ref', () => {
    const {parts} = splitParts(documentWith(6, 8_000), {partChars: 10_000})
    const mains = parts.map((part) => selectAll('main', fromHtml(part)))
    expect(mains.every((found) => found.length === 1)).toBe(true)
    expect(new Set(mains.map((found) => found[0]!.properties.dataRef)).size).toBe(1)
    for (const part of parts) {
      expect(part).toMatch(/^<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>T<\/title><link rel="stylesheet" href="print.css"><\/head>/u)
      expect(selectAll('body', fromHtml(part))[0]!.properties.className).toEqual(['rp-edition'])
    }
    // Refs are numbered over the whole document: a chapter's ref is the same whichever part it is in.
    const whole = fromHtml(splitParts(withLongHead(documentWith(6, 8_000)), {partChars: 10_000_000}).parts[0]!)
    const refOf = (tree: ReturnType<typeof fromHtml>) => Object.fromEntries(selectAll('section', tree).map((section) => [section.properties.id, section.properties.dataRef]))
    expect(Object.assign({}, ...parts.map((part) => refOf(fromHtml(part))))).toEqual(refOf(whole))
  })

  test('a paragraph added to a chapter changes that chapter\'s part only: the others keep their text, refs included', () => {
    // What lets a rebuild take the other parts from the layout store (print/part-store.ts).
    const html = documentWith(6, 8_000)
    const edited = html.replace('<h1>Chapter 3</h1>', '<h1>Chapter 3</h1><p>A paragraph <em>added</em>.</p>')
    const [before, after] = [splitParts(html, {partChars: 10_000}).parts, splitParts(edited, {partChars: 10_000}).parts]
    expect(after).toHaveLength(before.length)
    const third = after.findIndex((part) => ids(part, 'section.rp-chapter').includes('c3'))
    expect(after.map((part, index) => part === before[index])).toEqual(after.map((_, index) => index !== third))
    // A chapter's elements are numbered from its own ref.
    const refs = selectAll('section.rp-chapter', fromHtml(after[third]!)).flatMap((chapter) => [chapter.properties.dataRef, ...descendants(chapter).filter((element) => element.tagName !== 'span').map((element) => element.properties.dataRef)])
    expect(refs.every((ref) => typeof ref === 'string' && /^rp-\d+(-\d+)?$/u.test(ref))).toBe(true)
  })

  test('by default the cut depends on the document alone: parts of PART_CHARS, at most MOST_PARTS of them, whatever the workers', () => {
    // 8 chapters of 7,000 characters: as many parts as PART_CHARS goes into the text, on any number of workers.
    const html = documentWith(8, 7_000)
    for (const workers of [1, 2, 3, 4, 8]) expect(splitParts(html, {workers}).parts).toHaveLength(Math.floor((8 * 7_000) / PART_CHARS))
    // A long document: no more than MOST_PARTS parts, each longer instead.
    expect(splitParts(documentWith(40, 15_000), {workers: 2}).parts).toHaveLength(MOST_PARTS)
    expect(splitParts(documentWith(40, 15_000), {workers: 3}).parts).toHaveLength(MOST_PARTS)
    expect(splitParts(html, {workers: 2, partChars: Infinity}).parts).toHaveLength(1)
  })

  test('with a part size given, a short document is cut into about one part per worker, never into parts under the minimum', () => {
    // 8 chapters of a bit under half the minimum: under 4 minimums of text.
    const each = MIN_PART_CHARS / 2 - 1_000
    const partChars = 100_000
    expect(splitParts(documentWith(8, each), {workers: 2, partChars}).parts).toHaveLength(2)
    expect(splitParts(documentWith(8, each), {workers: 4, partChars}).parts).toHaveLength(3)
    expect(splitParts(documentWith(8, each), {workers: 8, partChars}).parts).toHaveLength(3)
    expect(splitParts(documentWith(4, MIN_PART_CHARS / 4), {workers: 4, partChars}).parts).toHaveLength(1)
    // Infinity: one part, whatever the workers.
    expect(splitParts(documentWith(8, each), {workers: 4, partChars: Infinity}).parts).toHaveLength(1)
  })

  test('with a part size given, parts are about the same length, a multiple of the workers, none under the minimum', () => {
    // Parts of 100,000 characters at most, at least 50,000 (MIN_PART_CHARS).
    const chaptersPerPart = (html: string, options: Parameters<typeof splitParts>[1]) => splitParts(html, {partChars: 100_000, ...options}).parts.map((part) => ids(part, 'section.rp-chapter').length)
    // The first part costs 10,000 characters more than its text (FIRST_PART_EXTRA): it has the fewer chapters.
    expect(chaptersPerPart(documentWith(11, 10_000), {})).toEqual([5, 6])
    expect(chaptersPerPart(documentWith(16, 10_000), {})).toEqual([8, 8])
    // 3 parts would do; 4 keep both workers busy to the end.
    expect(chaptersPerPart(documentWith(22, 10_000), {workers: 2})).toEqual([5, 6, 6, 5])
    // Not 4 parts of 30,000: 2 of 60,000.
    expect(chaptersPerPart(documentWith(12, 10_000), {workers: 4})).toEqual([6, 6])
    expect(chaptersPerPart(documentWith(4, 10_000), {workers: 4})).toEqual([4])
  })

  test('the longest part as short as the chapters allow, in as few parts as that takes: a long chapter is a part of its own', () => {
    const sizes = (lengths: number[], workers: number) => {
      const sections = lengths.map((length, index) => `<section class="rp-chapter" id="c${index + 1}"><h1>C${index + 1}</h1><p>${'x'.repeat(length)}</p></section>`).join('')
      const html = `<!doctype html><html><head><title>T</title></head><body><header class="rp-cover"><h1>Cover</h1></header><main>${sections}</main></body></html>`
      return splitParts(html, {workers, partChars: 100_000}).parts.map((part) => ids(part, 'section.rp-chapter').length)
    }
    // Uneven chapters: by their middles they went [2, 2, 3, 1], the longest part 80,000 characters; now 60,000 (the first, 70,000 with its cost).
    expect(sizes([30_000, 30_000, 10_000, 10_000, 40_000, 10_000, 30_000, 40_000], 2)).toEqual([2, 3, 2, 1])
    // A chapter longer than the rest together: two parts, not one beside three of a chapter each.
    expect(sizes([300_000, 10_000, 10_000, 10_000], 4)).toEqual([1, 3])
  })

  test('a long document is cut into MOST_PARTS parts by default, each as long as that takes', () => {
    const partsOf = (html: string, options: Parameters<typeof splitParts>[1]) => splitParts(html, options).parts.length
    // 784,000 characters: 12 parts of ~65,000, on any number of workers; 8 of 98,000 when parts of 100,000 are asked on 2.
    expect(partsOf(documentWith(16, 49_000), {workers: 2})).toBe(MOST_PARTS)
    expect(partsOf(documentWith(16, 49_000), {workers: 4})).toBe(MOST_PARTS)
    expect(partsOf(documentWith(16, 49_000), {workers: 2, partChars: 100_000})).toBe(8)
    // 264,000 characters (the 98-page benchmark report): 12 parts of two chapters or one.
    expect(partsOf(documentWith(16, 16_500), {workers: 2})).toBe(MOST_PARTS)
  })

  test('a document without chapters, or without a body, is one part', () => {
    expect(splitParts('<!doctype html><html><head></head><body><p>Only text</p></body></html>', {partChars: 1}).parts).toHaveLength(1)
    expect(splitParts('<p>fragment</p>', {partChars: 1}).parts).toHaveLength(1)
  })
})
