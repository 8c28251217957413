import type {Root} from 'hast'
import {fromHtml} from 'hast-util-from-html'
import {toHtml} from 'hast-util-to-html'
import {describe, expect, test} from 'vitest'
import {typography} from '../../src/render/typography/index.js'
import {smartPunctuation} from '../../src/render/typography/smart-punctuation.js'

/** Straight quotes and double hyphens, as writers type them, become typographic ones per language. */
const apply = (html: string, lang: string, all = false) => {
  const tree = fromHtml(html, {fragment: true}) as Root
  if (all) typography(lang, {hyphenate: false})(tree)
  else smartPunctuation(tree, {lang})
  return toHtml(tree)
}

describe('smart punctuation', () => {
  test('French: « » (spaced by French spacing), ’, en and em dashes', () => {
    expect(apply('<p>L\'IA dit "bonjour" -- puis --- rien.</p>', 'fr')).toBe('<p>L’IA dit «bonjour» – puis — rien.</p>')
    expect(apply('<p>L\'IA dit "bonjour".</p>', 'fr', true)).toBe('<p>L’IA dit «\u202Fbonjour\u202F».</p>')
  })

  test('French: Word\'s curly quotes become « » too, but a quotation within « » keeps its “ ”; English keeps them', () => {
    expect(apply('<p>Il a dit “bonjour” hier.</p>', 'fr', true)).toBe('<p>Il a dit «\u202Fbonjour\u202F» hier.</p>')
    expect(apply('<p>« Il a dit “bonjour” hier » et “ensuite”.</p>', 'fr')).toBe('<p>« Il a dit “bonjour” hier » et «ensuite».</p>')
    expect(apply('<p>"Il a dit “bonjour” hier"</p>', 'fr')).toBe('<p>«Il a dit “bonjour” hier»</p>')
    expect(apply('<p>He said “hi”.</p>', 'en')).toBe('<p>He said “hi”.</p>')
  })

  test('an ellipsis for three dots, spaced or not, as Pandoc makes it; not in code', () => {
    expect(apply('<p>Et puis... rien. . . <code>a...b</code></p>', 'fr')).toBe('<p>Et puis… rien… <code>a...b</code></p>')
  })

  test('English: “ ”, ‘ ’ and the apostrophe', () => {
    expect(apply('<p>She said "it\'s \'fine\'" -- twice.</p>', 'en')).toBe('<p>She said “it’s ‘fine’” – twice.</p>')
  })

  test('a single quote at a word\'s start opens the language\'s inner quotation mark; one inside a word stays an apostrophe', () => {
    // French: CLDR's inner marks are “ ”; `'la citation'` printed ’la citation’, a closing mark on both sides.
    expect(apply('<p>Il écrit \'la citation\' et l\'enfant dit aujourd\'hui (\'non\').</p>', 'fr')).toBe('<p>Il écrit “la citation” et l’enfant dit aujourd’hui (“non”).</p>')
    expect(apply('<p>« Il a dit \'l\'enfant\' » et \'<em>ceci</em>\'.</p>', 'fr')).toBe('<p>« Il a dit “l’enfant” » et “<em>ceci</em>”.</p>')
    expect(apply('<p>\'Début\' de paragraphe.</p>', 'fr')).toBe('<p>“Début” de paragraphe.</p>')
    expect(apply('<p>He wrote "\'fine\' is fine" and it\'s (\'ok\').</p>', 'en')).toBe('<p>He wrote “‘fine’ is fine” and it’s (‘ok’).</p>')
    expect(apply('<p>Sie schrieb \'gut\' und "\'ja\' oder nein", geht\'s?</p>', 'de')).toBe('<p>Sie schrieb ‚gut‘ und „‚ja‘ oder nein“, geht’s?</p>')
  })

  test('quotes pair across inline elements; code and other languages keep theirs', () => {
    expect(apply('<p>"<em>texte</em>" et <code>"x" --y</code> <span lang="en">"hello"</span></p>', 'fr')).toBe('<p>«<em>texte</em>» et <code>"x" --y</code> <span lang="en">“hello”</span></p>')
  })

  test('a quote opens after an elided article and after `;` or `:` without a space', () => {
    expect(apply('<p>Le recours d\'"experts" est utile ; "Eau";"Santé" et l\'"IA":"oui".</p>', 'fr')).toBe('<p>Le recours d’«experts» est utile ; «Eau»;«Santé» et l’«IA»:«oui».</p>')
    expect(apply('<p>The "experts\' view";"water".</p>', 'en')).toBe('<p>The “experts’ view”;“water”.</p>')
  })

  test('each language its own quotation marks, CLDR\'s: „…“ and ‚…‘ in German, «…» and “…” in Spanish', () => {
    expect(apply('<p>Sie sagte "es ist \'gut\'" -- zweimal.</p>', 'de')).toBe('<p>Sie sagte „es ist ‚gut‘“ – zweimal.</p>')
    expect(apply('<p>Sie sagte "gut" und geht\'s?</p>', 'de-AT')).toBe('<p>Sie sagte „gut“ und geht’s?</p>')
    expect(apply('<p>Sie sagte "gut" und \'ja\'.</p>', 'de-CH')).toBe('<p>Sie sagte «gut» und ‹ja›.</p>')
    expect(apply('<p>Dijo "hola" y \'adiós\'.</p>', 'es')).toBe('<p>Dijo «hola» y “adiós”.</p>')
    expect(apply('<p>Disse "ciao".</p>', 'it')).toBe('<p>Disse «ciao».</p>')
    expect(apply('<p>Hij zei "hallo".</p>', 'nl')).toBe('<p>Hij zei ‘hallo’.</p>')
    expect(apply('<p>Powiedział "tak".</p>', 'pl')).toBe('<p>Powiedział „tak”.</p>')
    expect(apply('<p>Han sa "ja".</p>', 'sv')).toBe('<p>Han sa ”ja”.</p>')
    expect(apply('<p>Řekl "ano".</p>', 'cs')).toBe('<p>Řekl „ano“.</p>')
    expect(apply('<p>Ele disse "sim".</p>', 'pt-PT')).toBe('<p>Ele disse «sim».</p>')
    expect(apply('<p>Ele disse "sim".</p>', 'pt-BR')).toBe('<p>Ele disse “sim”.</p>')
  })

  test('a passage in another language takes its quotation marks: a Spanish div in a German report', () => {
    expect(apply('<p>Er sagte "nein".</p><div lang="es"><p>Dijo "no" y \'nunca\'.</p></div>', 'de')).toBe('<p>Er sagte „nein“.</p><div lang="es"><p>Dijo «no» y “nunca”.</p></div>')
  })

  test('a quotation typed with guillemets, whichever way they point, is closed by its second one: the next straight quotes open again', () => {
    expect(apply('<p>Er sagte »nein«, sie sagte "ja".</p>', 'de')).toBe('<p>Er sagte »nein«, sie sagte „ja“.</p>')
    expect(apply('<p>He said »no«, she said "yes".</p>', 'en')).toBe('<p>He said »no«, she said “yes”.</p>')
    expect(apply('<p>Han sa »nej» och "ja".</p>', 'sv')).toBe('<p>Han sa »nej» och ”ja”.</p>')
    expect(apply('<p>Il dit «non», puis "oui".</p>', 'fr')).toBe('<p>Il dit «non», puis «oui».</p>')
  })

  test('twice changes nothing', () => {
    const once = apply('<p>L\'IA "dit" -- oui.</p>', 'fr')
    expect(apply(once, 'fr')).toBe(once)
    const german = apply('<p>Sie sagte "es ist \'gut\'" und »nein«.</p>', 'de')
    expect(apply(german, 'de')).toBe(german)
  })
})
