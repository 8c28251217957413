import type {Image, ImageReference, Text} from 'mdast'

/**
 * An image's `fig-alt` as a text node placed where its value is written, so that the figure
 * detector reads it as prose and reports its numbers at their place: it is what a screen reader
 * reads, and the PDF's /Alt. The attribute list keeps no positions of its pairs; the value is
 * found in the image's own source (the image ends with its `{…}`), quoted or bare.
 */
export function figureAltText(image: Image | ImageReference, document: string): Text | undefined {
  const alt = image.data?.attributes?.pairs['fig-alt']
  const [start, end] = [image.position?.start.offset, image.position?.end.offset]
  if (!alt || start === undefined || end === undefined) return undefined
  const source = document.slice(start, end)
  const key = /(?<=[{\s])fig-alt=(["']?)/gu
  let found: RegExpExecArray | undefined
  for (let match = key.exec(source); match; match = key.exec(source)) found = match
  if (!found) return undefined
  const from = start + found.index + found[0].length
  const quote = found[1]
  let to = from
  // The value runs to its closing quote (a backslash escapes the next character), or, bare, to a space or `}`.
  while (to < end && (quote ? document[to] !== quote : !/[\s}]/u.test(document[to]!))) to += document[to] === '\\' && quote ? 2 : 1
  return {type: 'text', value: alt, position: {start: {line: 0, column: 0, offset: from}, end: {line: 0, column: 0, offset: to}}}
}
