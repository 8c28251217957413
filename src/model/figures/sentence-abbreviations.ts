import {abbreviations, currencyCodes, currencyWords, words} from './lexicon.js'

/**
 * Abbreviations that do not end a sentence, by language, beyond French and English's (lexicon.ts),
 * which every report reads. Chosen from each language's usage (Duden's, the RAE's, the Crusca's
 * lists of common abbreviations), not from a corpus. One written in parts (`z. B.`, `p. ej.`) is
 * listed without its spaces. German capitalises its nouns, so an abbreviation before one (`1,5 Mrd.
 * Euro`) ended the sentence, and the figure lost the citation at its end.
 */
const byLanguage: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['de', words(`
    z.b. u.a. d.h. o.ä. u.ä. u.u. v.a. i.d.r. z.t. s.o. s.u. i.a. m.e. a.d. o.g. bzw. ggf. insb. vgl. abb. tab.
    abs. nr. mrd. mio. tsd. ca. evtl. inkl. zzgl. bspw. sog. ggü. mind. rd. jh. jhd. hrsg. f. ff. bzgl.
    gem. lt. std. dt. kap. anm. bd. bde. hr. fr. str. tel. jan. febr. feb. apr. aug. sept. okt. nov. dez.
    einschl. ausschl. zit. zus. gesch. geb. max. min. allg. durchschn. eur. usw.
  `)],
  ['es', words(`
    p.ej. aprox. núm. núms. pág. págs. art. arts. sr. sra. srta. sres. dr. dra. ud. uds. vol. cap. fig.
    máx. mín. mill. ej. av. avda. cía. dpto. ee.uu. tel. ene. feb. abr. ago. sept. dic. n.º aprox.
  `)],
  ['it', words(`
    p.es. ecc. es. pag. pagg. artt. n. nn. sig. sigg. dott. prof. avv. ing. on. cap. fig. tab. vol.
    mld. mln. gen. feb. mag. giu. lug. ago. set. ott. dic. cfr. tel. ca. sez. all. v. ecc.
  `)],
  ['pt', words(`p.ex. aprox. pág. págs. núm. sr. sra. dr. dra. art. cap. fig. tab. vol. mil. jan. fev. abr. mai. ago. set. out. dez.`)],
  ['nl', words(`bijv. d.w.z. o.a. m.b.t. ca. nr. blz. mln. mld. mrd. resp. vgl. zgn. jl. dhr. mevr. drs. ir. prof. art. hfst. enz.`)]
])

/** Abbreviations that often end a sentence too: they end one before a capital (`etc. Then`). */
export const sentenceEndingAbbreviations = words(`etc. usw. ecc. enz.`)

/** The abbreviations that do not end a sentence in a language: French and English's, and the language's own. */
export function abbreviationsOf(lang: string | undefined): ReadonlySet<string> {
  const own = byLanguage.get((lang ?? '').toLowerCase().split(/[-_]/u)[0] ?? '')
  return own ? new Set([...abbreviations, ...own]) : abbreviations
}

/** A scale or a share abbreviated after a number: `3,5 mio.`, `12 Mio.`, `2 mrd.`, `15 p.c.`. */
const figureUnit = /\d\p{Zs}*(?:mio|mia|mrd|mds?|mld|mln|p\.\p{Zs}?c)$/iu

/**
 * Whether the dot after a figure's abbreviated unit also ends its sentence: `CHF 3,5 mio. Le
 * rapport…`, where a capitalised word follows that is no currency (`3,5 mio. CHF`, `12 Mio. Fr.`
 * go on). Read so in every language but those that capitalise their nouns (German's `1,5 Mrd.
 * Euro`, `12 Mio. Menschen`): there a capital says nothing. Without it, the next sentence's
 * citation covered the figure.
 */
export function figureEndsSentence(text: string, dot: number, lang: string | undefined): boolean {
  if (/^(?:de|lb)$/u.test((lang ?? '').toLowerCase().split(/[-_]/u)[0] ?? '')) return false
  if (!figureUnit.test(text.slice(Math.max(0, dot - 12), dot))) return false
  const next = /^[\s\u00A0\u202F]+(\p{L}+)/u.exec(text.slice(dot + 1, dot + 24))?.[1]
  if (!next || !/^\p{Lu}/u.test(next)) return false
  const lower = next.toLowerCase()
  const currency = (currencyCodes.has(lower) && next === next.toUpperCase()) || currencyWords.has(lower) || /^s?fr$/u.test(lower)
  return !currency
}
