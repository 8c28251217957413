import {abbreviations, words} from './lexicon.js'

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
