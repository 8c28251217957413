import type {Element, Root} from 'hast'
import {toHtml} from 'hast-util-to-html'
import {h} from 'hastscript'
import {describe, expect, test} from 'vitest'
import {attachNoteCalls, typography} from '../../src/render/typography/index.js'

const N = '\u202F'
const show = (text: string) => text.replaceAll('\u00AD', '·')
const root = (...children: Element[]): Root => ({type: 'root', children})

describe('note calls', () => {
  test('the space before a web note call or a print footnote is removed', () => {
    const tree = root(
      h('p', ['contre les enfants ', h('a.rp-note-call', {href: '#note-1'}, [h('sup', '1')]), '.']),
      h('p', ['contre les enfants\n', h('span.rp-footnote', 'Source.'), '.'])
    )
    attachNoteCalls(tree)
    expect(toHtml(tree)).toBe('<p>contre les enfants<a class="rp-note-call" href="#note-1"><sup>1</sup></a>.</p><p>contre les enfants<span class="rp-footnote">Source.</span>.</p>')
  })

  test('after an inline element, and not between two calls', () => {
    const tree = root(h('p', [h('em', 'mot'), ' ', h('a.rp-note-call', '1'), ' ', h('a.rp-note-call', '2')]))
    attachNoteCalls(tree)
    expect(toHtml(tree)).toBe('<p><em>mot</em><a class="rp-note-call">1</a> <a class="rp-note-call">2</a></p>')
  })
})

describe('typography()', () => {
  const sample = () => root(h('p', ['La pédocriminalité augmente ', h('span.rp-footnote', 'Source.'), ' ; «hélas»!']))

  test('print: note calls, French spacing and soft hyphens', () => {
    const tree = sample()
    typography('fr')(tree)
    expect(show(toHtml(tree))).toBe(`<p>La pé·do·cri·mi·na·lité aug·mente<span class="rp-footnote">Source.</span>${N}; «${N}hélas${N}»${N}!</p>`)
  })

  test('web: without soft hyphens', () => {
    const tree = sample()
    typography('fr', {hyphenate: false})(tree)
    expect(toHtml(tree)).toBe(`<p>La pédocriminalité augmente<span class="rp-footnote">Source.</span>${N}; «${N}hélas${N}»${N}!</p>`)
  })

  test('English: no French spacing', () => {
    const tree = root(h('p', ['Information ', h('a.rp-note-call', '1'), '!']))
    typography('en')(tree)
    expect(show(toHtml(tree))).toBe('<p>In·form·a·tion<a class="rp-note-call">1</a>!</p>')
  })
})

describe('sub- and superscripts', () => {
  const typeset = (...children: Array<Element | string>) => {
    const tree = root(h('p', children))
    typography('fr')(tree)
    return show(toHtml(tree))
  }

  test('an ordinal ending or an exponent stays glued to its word: no space before it', () => {
    expect(typeset('le 1', h('sup', 'er'), ' mai, au XIX', h('sup', 'e'), ' siècle, 10', h('sup', '6'), ' cas')).toBe('<p>le 1<sup>er</sup> mai, au XIX<sup>e</sup> siècle, 10<sup>6</sup> cas</p>')
  })

  test('read with the sentence: the unit after an exponent, the mark after a superscript get their space', () => {
    expect(typeset('10', h('sup', '6'), ' €, note', h('sup', 'a'), '!')).toBe(`<p>10<sup>6</sup>${N}€, note<sup>a</sup>${N}!</p>`)
  })

  test('their digits are not grouped with the digits around them', () => {
    expect(typeset('un logement de 30 m', h('sup', '2'), ' 150 fois plus cher')).toBe('<p>un lo·ge·ment de 30 m<sup>2</sup> 150 fois plus cher</p>')
  })

  test('quotes pair across them; they are never hyphenated', () => {
    expect(typeset('"H', h('sub', '2'), 'O", ', h('sup', 'incompréhensibilité'))).toBe(`<p>«${N}H<sub>2</sub>O${N}», <sup>incompréhensibilité</sup></p>`)
  })
})
