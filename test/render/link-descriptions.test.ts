import {h} from 'hastscript'
import {expect, test} from 'vitest'
import {labelsFor} from '../../src/render/labels.js'
import {linkDescriptions, linkKey} from '../../src/render/link-descriptions.js'

const root = (...children: ReturnType<typeof h>[]) => ({type: 'root' as const, children})

test('a link is described by its text, without soft hyphens or the page number the print fills in', () => {
  const described = linkDescriptions(
    root(
      h('p', [h('a.rp-ref', {href: '#sec-one'}, ['sec\u00ADtion « Un »', h('span.rp-ref__page', [', p. ', h('span.rp-ref__number', '00')])])]),
      h('nav', [h('a.rp-toc__link', {href: '#one'}, [h('span.rp-toc__text', 'Chapitre\n  un'), h('span.rp-toc__page')])])
    ),
    labelsFor('fr')
  )
  expect(Object.fromEntries(described)).toEqual({'#sec-one': 'section « Un »', '#one': 'Chapitre un'})
})

test('an aria-label wins, an image link says its alt, and the first link to a target names it', () => {
  const described = linkDescriptions(
    root(
      h('a', {href: '#note-2', ariaLabel: 'Note 2'}, [h('sup', '2')]),
      h('a', {href: 'https://example.org'}, [h('img', {src: 'logo.png', alt: 'Observatoire'})]),
      h('a', {href: 'https://example.org'}, 'a second name')
    ),
    labelsFor('en')
  )
  expect(described.get('#note-2')).toBe('Note 2')
  expect(described.get('https://example.org/')).toBe('Observatoire')
})

test('a print note, whose call Paged.js makes, is described as the web page labels its call', () => {
  const described = linkDescriptions(root(h('p', ['Text', h('span.rp-footnote', {dataNote: '7'}, 'The note.')])), labelsFor('de'))
  expect(described.get('#note-7')).toBe(labelsFor('de').noteLabel(7))
})

test('keys are the targets as the PDF holds them', () => {
  expect(linkKey('#d%C3%A9but')).toBe('#début')
  expect(linkKey('https://a.org')).toBe('https://a.org/')
  expect(linkKey('mailto:x@a.org')).toBe('mailto:x@a.org')
  expect(linkKey('#')).toBeUndefined()
  expect(linkKey('images/a.png')).toBeUndefined()
})
