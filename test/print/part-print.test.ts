import {expect, test} from 'vitest'
import {rulesShowPageCount} from '../../src/print/browser-side/part-print.js'

// Rules as Paged.js leaves them in a page: its own base rules set and reset the page count
// without showing it; a theme's `@page { @bottom-right { content: counter(page) " / " counter(pages) } }`
// becomes a margin box rule that shows it.
const pagedBase = [
  ':root { --pagedjs-page-count: 0; --pagedjs-page-counter-increment: 1; }',
  '.pagedjs_page { counter-increment: page var(--pagedjs-page-counter-increment); }',
  '.pagedjs_pages { counter-reset: pages var(--pagedjs-page-count) footnote var(--pagedjs-footnotes-count) footnote-marker var(--pagedjs-footnotes-count); }',
  '.pagedjs_pages { counter-reset: chapter 0 page 0 pages var(--pagedjs-page-count) footnote var(--pagedjs-footnotes-count); }',
  '.pagedjs_margin-bottom-right > .pagedjs_margin-content::after { content: counter(page); }'
]

test('Paged.js setting and resetting the page count does not show it', () => {
  expect(rulesShowPageCount(pagedBase)).toBe(false)
})

test('a rule showing the page count, or using it otherwise, does', () => {
  expect(rulesShowPageCount([...pagedBase, '.pagedjs_margin-bottom-right > .pagedjs_margin-content::after { content: counter(page) " / " counter(pages); }'])).toBe(true)
  expect(rulesShowPageCount([...pagedBase, '.x::after { content: counters(pages, "."); }'])).toBe(true)
  expect(rulesShowPageCount([...pagedBase, 'a.last::after { content: target-counter(attr(href), pages); }'])).toBe(true)
  expect(rulesShowPageCount([...pagedBase, '.bar { width: calc(100% / var(--pagedjs-page-count)); }'])).toBe(true)
  expect(rulesShowPageCount([...pagedBase, '.bar { width: calc(100% / var( --pagedjs-page-count, 1)); }'])).toBe(true)
})

test('other counters and custom properties named alike do not', () => {
  expect(rulesShowPageCount([...pagedBase, '.x::after { content: counter(pages-read) counter(page); }', '.y { margin: var(--pagedjs-page-counter-increment); }'])).toBe(false)
})
