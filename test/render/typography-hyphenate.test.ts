import type {Element, Root} from 'hast'
import {toHtml} from 'hast-util-to-html'
import {h} from 'hastscript'
import {describe, expect, test} from 'vitest'
import {hyphenate, hyphenateText, hyphenationPatterns, hyphenatorFor, rehypeHyphenate} from '../../src/render/typography/hyphenate.js'

/** Soft hyphens shown as `·` so the expected break points read at a glance. */
const show = (text: string) => text.replaceAll('\u00AD', '·')
const root = (...children: Element[]): Root => ({type: 'root', children})

function hyphenated(tree: Root, lang = 'fr'): string {
  hyphenate(tree, {lang})
  return show(toHtml(tree))
}

describe('hyphenation: break points', () => {
  test.each([
    ['constitutionnellement', 'consti·tu·tion·nel·le·ment'],
    // `…li·té` would leave two letters on the next line: the last break is dropped.
    ['pédocriminalité', 'pé·do·cri·mi·na·lité'],
    ['cyberpédocriminalité', 'cy·ber·pé·do·cri·mi·na·lité'],
    ['Protection', 'Pro·tec·tion'],
    ['enfant', 'en·fant']
  ])('French: %s', (word, expected) => {
    expect(show(hyphenateText(word, 'fr'))).toBe(expected)
  })

  test('words after an elision and in a compound are hyphenated on their own', () => {
    expect(show(hyphenateText("l'intelligence des porte-parole", 'fr'))).toBe("l'in·tel·li·gence des porte-pa·role")
  })

  test('English: British patterns by default, American ones for en-US', () => {
    expect(show(hyphenateText('information hyphenation', 'en'))).toBe('in·form·a·tion hy·phen·a·tion')
    expect(show(hyphenateText('information hyphenation', 'en-GB'))).toBe('in·form·a·tion hy·phen·a·tion')
    expect(show(hyphenateText('information hyphenation', 'en-US'))).toBe('in·for·ma·tion hy·phen·ation')
  })

  test('a stretch of text met before in one language is hyphenated afresh in another', () => {
    // What each stretch became is remembered per set of patterns (hyphenate.ts): the same words,
    // with the same punctuation, in turn in each language.
    const text = '(information, hyphenation) attention.'
    const inFrench = show(hyphenateText(text, 'fr'))
    expect(show(hyphenateText(text, 'en-US'))).toBe('(in·for·ma·tion, hy·phen·ation) at·ten·tion.')
    expect(show(hyphenateText(text, 'en-GB'))).toBe('(in·form·a·tion, hy·phen·a·tion) at·ten·tion.')
    expect(show(hyphenateText(text, 'fr'))).toBe(inFrench)
    expect(inFrench).toBe('(in·for·ma·tion, hy·phe·na·tion) at·ten·tion.')
  })

  test('patterns per language tag; other languages are not hyphenated', () => {
    expect(hyphenationPatterns('fr')).toBe('fr')
    expect(hyphenationPatterns('fr-CA')).toBe('fr')
    expect(hyphenationPatterns('en')).toBe('en-gb')
    expect(hyphenationPatterns('en-AU')).toBe('en-gb')
    expect(hyphenationPatterns('en-US')).toBe('en-us')
    expect(hyphenationPatterns('en-CA')).toBe('en-us')
    expect(hyphenationPatterns('de')).toBeUndefined()
    expect(hyphenatorFor('de')).toBeUndefined()
    expect(hyphenateText('Donaudampfschifffahrt', 'de')).toBe('Donaudampfschifffahrt')
  })

  test('one hyphenator per set of patterns, reused', () => {
    expect(hyphenatorFor('fr')).toBe(hyphenatorFor('fr-BE'))
    expect(hyphenatorFor('en')).not.toBe(hyphenatorFor('en-US'))
  })
})

describe('hyphenation: what it leaves alone', () => {
  test.each([
    ['words under 6 letters', 'monde grand rapport', 'monde grand rap·port'],
    ['words with a digit', 'COVID19 a2b3c4d5', 'COVID19 a2b3c4d5'],
    ['acronyms', 'OFMIN DNPJ CNIL', 'OFMIN DNPJ CNIL'],
    ['names with a capital inside', 'OnlyFans WhatsApp TikTok', 'OnlyFans WhatsApp TikTok'],
    ['URLs', 'https://fondation-enfance.org/constitutionnellement www.pedocriminalite.fr', 'https://fondation-enfance.org/constitutionnellement www.pedocriminalite.fr'],
    ['e-mail addresses and domains', 'angele.lefranc@fondation-enfance.org fondation-enfance.org', 'angele.lefranc@fondation-enfance.org fondation-enfance.org'],
    ['a word the writer already hyphenated', 'pédo\u00ADcriminalité', 'pédo·criminalité']
  ])('%s', (_name, text, expected) => {
    expect(show(hyphenateText(text, 'fr'))).toBe(expected)
  })

  test('headings, code, glossary terms, stat values and box labels are not hyphenated', () => {
    const tree = root(
      h('h1', 'constitutionnellement'),
      h('h3.rp-recommendation__title', 'constitutionnellement'),
      h('pre', [h('code', 'constitutionnellement')]),
      h('p', ['texte ', h('code', 'constitutionnellement')]),
      h('dl', [h('dt', 'pédocriminalité'), h('dd', 'pédocriminalité')]),
      h('figure.rp-stat', [h('p.rp-stat__value', 'Quarante'), h('figcaption.rp-stat__text', 'pédocriminalité')]),
      h('p.rp-recommendation__label', 'Recommandation')
    )
    expect(hyphenated(tree)).toBe(
      '<h1>constitutionnellement</h1><h3 class="rp-recommendation__title">constitutionnellement</h3>' +
        '<pre><code>constitutionnellement</code></pre><p>texte <code>constitutionnellement</code></p>' +
        '<dl><dt>pédocriminalité</dt><dd>pé·do·cri·mi·na·lité</dd></dl>' +
        '<figure class="rp-stat"><p class="rp-stat__value">Quarante</p><figcaption class="rp-stat__text">pé·do·cri·mi·na·lité</figcaption></figure>' +
        '<p class="rp-recommendation__label">Recommandation</p>'
    )
  })

  test('an element with its own lang is hyphenated in that language, or not at all', () => {
    const tree = root(h('p', ['pédocriminalité ', h('span', {lang: 'en-US'}, 'information'), ' ', h('span', {lang: 'de'}, 'Informationen')]))
    expect(hyphenated(tree)).toBe('<p>pé·do·cri·mi·na·lité <span lang="en-US">in·for·ma·tion</span> <span lang="de">Informationen</span></p>')
  })

  test('a document in a language without patterns is not touched', () => {
    expect(hyphenated(root(h('p', 'Informationen')), 'de')).toBe('<p>Informationen</p>')
  })
})

describe('hyphenation: idempotence and plugin', () => {
  test('running it twice adds no second soft hyphen', () => {
    const once = root(h('p', ['La cyberpédocriminalité ', h('em', 'constitutionnellement'), ' réglementée.']))
    hyphenate(once, {lang: 'fr'})
    const twice = structuredClone(once)
    hyphenate(twice, {lang: 'fr'})
    expect(twice).toEqual(once)
    expect(show(toHtml(twice))).toBe('<p>La cy·ber·pé·do·cri·mi·na·lité <em>consti·tu·tion·nel·le·ment</em> ré·gle·men·tée.</p>')
  })

  test('the rehype plugin applies it to the tree', () => {
    const tree = root(h('p', 'pédocriminalité'))
    rehypeHyphenate({lang: 'fr'})(tree)
    expect(show(toHtml(tree))).toBe('<p>pé·do·cri·mi·na·lité</p>')
  })
})
