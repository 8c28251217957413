import type {Element, Root} from 'hast'
import {toHtml} from 'hast-util-to-html'
import {h} from 'hastscript'
import {describe, expect, test} from 'vitest'
import {frenchSpacing, frenchSpacingText, isFrench, rehypeFrenchSpacing} from '../../src/render/typography/french-spacing.js'

/** U+202F NARROW NO-BREAK SPACE and U+00A0 NO-BREAK SPACE, spelt out so the expectations are exact. */
const N = '\u202F'
const S = '\u00A0'

/** Apply French spacing to a tree and return its HTML; no-break spaces stay characters. */
function spaced(tree: Root | Element, lang = 'fr'): string {
  frenchSpacing(tree, {lang})
  return toHtml(tree, {characterReferences: {useNamedReferences: false}}).replace(/&#x(A0|202F);/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
}

const root = (...children: Element[]): Root => ({type: 'root', children})

describe('French spacing: the rules', () => {
  test.each([
    ['«Bonjour»', `«${N}Bonjour${N}»`],
    ['« Bonjour »', `«${N}Bonjour${N}»`],
    [`«${S}Bonjour${S}»`, `«${N}Bonjour${N}»`],
    ['« forte\nporosité\n»', `«${N}forte\nporosité${N}»`]
  ])('guillemets: %j', (input, expected) => {
    expect(frenchSpacingText(input)).toBe(expected)
  })

  test.each([
    ['Attention!', `Attention${N}!`],
    ['Attention !', `Attention${N}!`],
    ['Vraiment?', `Vraiment${N}?`],
    ['Vraiment  ?', `Vraiment${N}?`],
    ['une chose; une autre', `une chose${N}; une autre`],
    ['une chose ; une autre', `une chose${N}; une autre`],
    ['Quoi?!', `Quoi${N}?!`],
    ['« Oui! »', `«${N}Oui${N}!${N}»`]
  ])('narrow no-break space before ; ! ?: %j', (input, expected) => {
    expect(frenchSpacingText(input)).toBe(expected)
  })

  test.each([
    ['Attention!', 'Attention!'],
    ['Attention !', 'Attention!'],
    [`Vraiment${N}?`, 'Vraiment?'],
    ['une chose ; une autre', 'une chose; une autre'],
    ['Quoi ?!', 'Quoi?!'],
    ['Attention : voici', `Attention${S}: voici`],
    ['« Oui ! »', `«${N}Oui!${N}»`],
    ['40 % des affaires', `40${N}% des affaires`]
  ])('Québec (fr-CA, OQLF): no space before ; ! ?, the colon and « » spaced as in France: %j', (input, expected) => {
    expect(frenchSpacingText(input, 'fr-CA')).toBe(expected)
  })

  test('a region other than Canada keeps the narrow no-break spaces; a fr-CA span in a French report follows Québec, and a French one in a fr-CA report France', () => {
    for (const lang of ['fr', 'fr-FR', 'fr-BE', 'fr-CH']) expect(frenchSpacingText('Vraiment ?', lang)).toBe(`Vraiment${N}?`)
    expect(spaced(root(h('p', ['Vraiment ? ', h('span', {lang: 'fr-CA'}, 'Vraiment ?')])), 'fr')).toBe(`<p>Vraiment${N}? <span lang="fr-CA">Vraiment?</span></p>`)
    expect(spaced(root(h('p', ['Vraiment ? ', h('span', {lang: 'fr-FR'}, 'Vraiment ?')])), 'fr-CA')).toBe(`<p>Vraiment? <span lang="fr-FR">Vraiment${N}?</span></p>`)
  })

  test.each([
    ['Attention: voici', `Attention${S}: voici`],
    ['Attention : voici', `Attention${S}: voici`],
    [`Attention${N}: voici`, `Attention${S}: voici`],
    ['Attention:', `Attention${S}:`]
  ])('no-break space before a colon: %j', (input, expected) => {
    expect(frenchSpacingText(input)).toBe(expected)
  })

  test.each([
    ['100 000 enfants', `100${N}000 enfants`],
    [`100${S}000 enfants`, `100${N}000 enfants`],
    ['1 234 567,5 euros', `1${N}234${N}567,5 euros`],
    ['40% des affaires', `40${N}% des affaires`],
    ['40 % des affaires', `40${N}% des affaires`],
    ['5 000€', `5${N}000${N}€`],
    ['12,5 €', `12,5${N}€`]
  ])('numbers, % and €: %j', (input, expected) => {
    expect(frenchSpacingText(input)).toBe(expected)
  })
})

describe('French spacing: what it leaves alone', () => {
  test.each([
    ['clock times', 'La réunion commence à 14:30.'],
    ['ratios', 'Un ratio de 3:1 seulement.'],
    ['URLs', 'Voir https://example.org/page?id=3&x=1:2!x et www.example.org/a?b'],
    ['e-mail addresses', 'Écrire à prenom.nom@example.org.'],
    ['marks inside URLs that would be spaced in prose', `Voir https://example.org/a!"b et WWW.EXAMPLE.ORG/C?'D`],
    ['a URL alone in its block', `https://example.org/a;"b`],
    ['an address with no scheme, in capitals', `Voir WWW.EXAMPLE.ORG/C?'D`],
    ['a mailto: address', `Écrire à mailto:nom!"x`],
    ['a scheme without a space after it', 'urn:isbn:978 et mailto:contact'],
    ['digits without spaces (postal codes, identifiers)', '75000 Paris, dossier 123456'],
    ['a year followed by a number', 'en 2024 250 cas'],
    ['a mark after an opening bracket', 'une erreur (!) passée'],
    ['a lone mark at the start', '!important']
  ])('%s', (_name, input) => {
    expect(frenchSpacingText(input)).toBe(input)
  })

  test('the punctuation after a URL is spaced, the URL is not', () => {
    expect(frenchSpacingText('Voir https://example.org/?q=1!')).toBe(`Voir https://example.org/?q=1${N}!`)
    expect(frenchSpacingText('Écrivez à contact@example.org; merci')).toBe(`Écrivez à contact@example.org${N}; merci`)
  })

  test('code, pre, kbd, samp, script and style are not touched', () => {
    const tree = root(
      h('p', ['Tapez ', h('code', 'a:b; c!'), ' puis ', h('kbd', 'Ctrl!'), '.']),
      h('pre', [h('code', '« x »; y !')]),
      h('script', 'if (a) { b(); }'),
      h('style', 'a::after { content: "!" }')
    )
    expect(spaced(tree)).toBe('<p>Tapez <code>a:b; c!</code> puis <kbd>Ctrl!</kbd>.</p><pre><code>« x »; y !</code></pre><script>if (a) { b(); }</script><style>a::after { content: "!" }</style>')
  })

  test('attribute values are not touched', () => {
    const tree = root(h('p', [h('a', {href: '?a=1;b=2', title: 'Bonjour!'}, 'lien')]))
    expect(spaced(tree)).toBe('<p><a href="?a=1;b=2" title="Bonjour!">lien</a></p>')
  })
})

describe('French spacing: across elements', () => {
  test('a mark after an inline element, guillemets around a link', () => {
    const tree = root(h('p', [h('em', 'Attention'), '! Lire «', h('a', {href: '#x'}, 'ceci'), '»']))
    expect(spaced(tree)).toBe(`<p><em>Attention</em>${N}! Lire «${N}<a href="#x">ceci</a>${N}»</p>`)
  })

  test('a space inside an inline element before the mark is replaced there', () => {
    const tree = root(h('p', [h('strong', 'Attention '), '!']))
    expect(spaced(tree)).toBe(`<p><strong>Attention${N}</strong>!</p>`)
  })

  test('blocks are separate: nothing is added across paragraphs', () => {
    const tree = root(h('p', 'Bonjour'), h('p', '!'))
    expect(spaced(tree)).toBe('<p>Bonjour</p><p>!</p>')
  })

  test('a print footnote is read apart from its sentence, and the sentence sees its call', () => {
    const tree = root(h('p', ['les violences', h('span.rp-footnote', 'Source : rapport, p. 3.'), ';']))
    expect(spaced(tree)).toBe(`<p>les violences<span class="rp-footnote">Source${S}: rapport, p. 3.</span>${N};</p>`)
  })

  test('code inside a sentence counts as a word', () => {
    const tree = root(h('p', ['la commande ', h('code', 'ls'), '!']))
    expect(spaced(tree)).toBe(`<p>la commande <code>ls</code>${N}!</p>`)
  })
})

describe('French spacing: languages', () => {
  test('only French documents are spaced', () => {
    expect(isFrench('fr')).toBe(true)
    expect(isFrench('fr-CA')).toBe(true)
    expect(isFrench('FR-fr')).toBe(true)
    expect(isFrench('en')).toBe(false)
    expect(isFrench('frr')).toBe(false)
    expect(spaced(root(h('p', 'Attention! 40%')), 'en')).toBe('<p>Attention! 40%</p>')
    expect(spaced(root(h('p', 'Attention!')), 'fr-FR')).toBe(`<p>Attention${N}!</p>`)
    expect(spaced(root(h('p', 'Attention! 40%')), 'fr-CA')).toBe(`<p>Attention! 40${N}%</p>`)
  })

  test('an element in another language is left alone, and counts as a word', () => {
    const tree = root(h('p', ['Il a dit ', h('q', {lang: 'en'}, 'Hello! 40%'), '!']))
    expect(spaced(tree)).toBe(`<p>Il a dit <q lang="en">Hello! 40%</q>${N}!</p>`)
  })

  test('a French element inside an English document is spaced', () => {
    const tree = root(h('p', ['They said ', h('q', {lang: 'fr'}, 'Bonjour!'), '!']))
    expect(spaced(tree, 'en')).toBe(`<p>They said <q lang="fr">Bonjour${N}!</q>!</p>`)
  })
})

describe('French spacing: idempotence and plugin', () => {
  test('running it twice changes nothing', () => {
    const make = () =>
      root(
        h('p', ['«Bonjour», dit-il: ', h('em', 'attention'), '! 100 000 enfants, 40% ; voir https://x.org/?a=1']),
        h('ul', [h('li', ['Quoi?! ', h('a.rp-note-call', [h('sup', '1')]), ' ; « fin »'])])
      )
    const once = make()
    frenchSpacing(once, {lang: 'fr'})
    const twice = structuredClone(once)
    frenchSpacing(twice, {lang: 'fr'})
    expect(twice).toEqual(once)
  })

  test('the rehype plugin applies it to the tree', () => {
    const tree = root(h('p', 'Attention!'))
    rehypeFrenchSpacing({lang: 'fr'})(tree)
    expect(toHtml(tree)).toBe('<p>Attention\u202F!</p>')
  })
})
