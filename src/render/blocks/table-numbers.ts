/**
 * A table's numbers kept whole on paper: each number of a cell (`1,234,567`, `123 456`, `−4.2%`,
 * `2020`, `23,4 %`) in a `span.rp-num`, which print-core.css does not let break. A wide table's
 * cells may break inside their words as a last resort; a figure split over two lines reads as two
 * figures (`1,234,` and `567`).
 */
import type {Element, ElementContent, Text} from 'hast'

/**
 * A number: digits, with groups after a comma or a point, or after a space (plain, no-break or
 * narrow no-break) when three digits follow; a sign before it, a percent sign after it.
 */
const NUMBER = /[-+−–]?\d+(?:(?:[.,]|[ \u00A0\u202F](?=\d{3}(?!\d)))\d+)*(?:[ \u00A0\u202F]?%)?/gu

/** Wrap the numbers of every cell of a table in `span.rp-num`, in place. */
export function keepNumbersWhole(table: Element): void {
  for (const child of table.children) if (child.type === 'element') visit(child, false)
}

function visit(element: Element, inCell: boolean): void {
  // Code and maths are set as written.
  if (element.tagName === 'code' || element.tagName === 'pre' || hasClass(element, 'rp-num') || hasClass(element, 'katex')) return
  const cell = inCell || element.tagName === 'td' || element.tagName === 'th'
  element.children = element.children.flatMap((child): ElementContent[] => {
    if (child.type === 'element') {
      visit(child, cell)
      return [child]
    }
    return cell && child.type === 'text' ? split(child) : [child]
  })
}

function split(text: Text): ElementContent[] {
  const pieces: ElementContent[] = []
  let last = 0
  for (const match of text.value.matchAll(NUMBER)) {
    // One digit alone cannot break.
    if (match[0].length < 2) continue
    if (match.index > last) pieces.push({type: 'text', value: text.value.slice(last, match.index)})
    pieces.push({type: 'element', tagName: 'span', properties: {className: ['rp-num']}, children: [{type: 'text', value: match[0]}]})
    last = match.index + match[0].length
  }
  if (last === 0) return [text]
  if (last < text.value.length) pieces.push({type: 'text', value: text.value.slice(last)})
  return pieces
}

function hasClass(element: Element, name: string): boolean {
  const classes = element.properties.className
  return Array.isArray(classes) && classes.includes(name)
}
