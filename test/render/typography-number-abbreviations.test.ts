import type {Root} from 'hast'
import {fromHtml} from 'hast-util-from-html'
import {toHtml} from 'hast-util-to-html'
import {describe, expect, test} from 'vitest'
import {typography} from '../../src/render/typography/index.js'
import {numberAbbreviations, numberAbbreviationsText} from '../../src/render/typography/number-abbreviations.js'

/** U+00A0, spelt out so that the expectations are exact. */
const S = '\u00A0'

const apply = (html: string, lang: string, all = false) => {
  const tree = fromHtml(html, {fragment: true}) as Root
  if (all) typography(lang, {hyphenate: false})(tree)
  else numberAbbreviations(tree, {lang})
  return toHtml(tree, {characterReferences: {useNamedReferences: false}}).replace(/&#x(A0|202F);/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
}

describe('a no-break space between an abbreviation and its number', () => {
  test.each([
    ['la décision n° 12345/20', `la décision n°${S}12345/20`],
    ['N° 3 et nº 4', `N°${S}3 et nº${S}4`],
    ['l’art. 227-23, al. 2, du code', `l’art.${S}227-23, al.${S}2, du code`],
    ['Art. 3 ; § 1 ; §§ 2 et 3', `Art.${S}3 ; §${S}1 ; §§${S}2 et 3`],
    ['voir p. 16, pp. 93-101, ch. 4, chap. IV, t. II', `voir p.${S}16, pp.${S}93-101, ch.${S}4, chap.${S}IV, t.${S}II`],
    ['l’art. L. 227-23 du code pénal', `l’art.${S}L.${S}227-23 du code pénal`],
    ['n°\n12345 (une ligne coupée dans le Markdown)', `n°${S}12345 (une ligne coupée dans le Markdown)`],
    ['n°  12', `n°${S}12`]
  ])('French: %j', (input, expected) => {
    expect(numberAbbreviationsText(input, 'fr')).toBe(expected)
  })

  test.each([
    ['la cap. 3, le n° suivant, p. ex., n°12', 'la cap. 3, le n° suivant, p. ex., n°12'],
    ['Il a dit p. C’est tout.', 'Il a dit p. C’est tout.']
  ])('French, left as typed: %j', (input, expected) => {
    expect(numberAbbreviationsText(input, 'fr')).toBe(expected)
  })

  test.each([
    ['Case No. 5, at p. 12 and pp. 93–101, s. 3 and ss. 4–6, § 2', `Case No.${S}5, at p.${S}12 and pp.${S}93–101, s.${S}3 and ss.${S}4–6, §${S}2`],
    ['No. I think not; the U.S. 5 and its. 3', 'No. I think not; the U.S. 5 and its. 3'],
    ['Vol. XII, ch. 3', `Vol.${S}XII, ch.${S}3`]
  ])('English: %j', (input, expected) => {
    expect(numberAbbreviationsText(input, 'en')).toBe(expected)
  })

  test.each([
    ['Nr. 3, S. 16, Abs. 2, Art. 5 und § 12', `Nr.${S}3, S.${S}16, Abs.${S}2, Art.${S}5 und §${S}12`],
    ['s. 16 heißt siehe', 's. 16 heißt siehe']
  ])('German: %j', (input, expected) => {
    expect(numberAbbreviationsText(input, 'de-AT')).toBe(expected)
  })

  test('another language: the signs only', () => {
    expect(numberAbbreviationsText('§ 4, p. 3', 'es')).toBe(`§${S}4, p. 3`)
  })

  test('across inline elements; never in code, maths, a printed address or an attribute', () => {
    expect(apply('<p>La décision n° <a href="https://x.org/n° 1">12345/20</a> et <em>art.</em> 3.</p>', 'fr')).toBe(`<p>La décision n°${S}<a href="https://x.org/n° 1">12345/20</a> et <em>art.</em>${S}3.</p>`)
    expect(apply('<p><code>n° 1</code> <span class="rp-math">p. 2</span> <span class="rp-link-address">(p. 3)</span></p>', 'fr')).toBe('<p><code>n° 1</code> <span class="rp-math">p. 2</span> <span class="rp-link-address">(p. 3)</span></p>')
    expect(apply('<p>n°<br>12</p>', 'fr')).toBe('<p>n°<br>12</p>')
  })

  test('an element in another language follows its own abbreviations', () => {
    expect(apply('<p>Le <span lang="en">Case No. 5</span> et <span lang="de">S. 3</span>, S. 3.</p>', 'fr')).toBe(`<p>Le <span lang="en">Case No.${S}5</span> et <span lang="de">S.${S}3</span>, S. 3.</p>`)
    expect(apply('<div lang="de"><p>Nr. 4</p></div><p>Nr. 4</p>', 'fr')).toBe(`<div lang="de"><p>Nr.${S}4</p></div><p>Nr. 4</p>`)
  })

  test('in the whole pass: with French spacing, and twice changes nothing', () => {
    const once = apply('<p>Selon l\'art. 3, § 1 : la décision n° 12345/20.</p>', 'fr', true)
    expect(once).toBe(`<p>Selon l’art.${S}3, §${S}1${S}: la décision n°${S}12345/20.</p>`)
    expect(apply(once, 'fr', true)).toBe(once)
  })
})
