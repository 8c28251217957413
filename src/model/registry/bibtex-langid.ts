import {codeOfLanguageName, languageTagProblem} from '../language-tag.js'

/**
 * BibLaTeX's language names (`langid = {british}`, babel's and polyglossia's) as BCP 47 tags: CSL's
 * `language` is a tag, which a style reads for its terms and the HTML gives a title as its `lang`.
 * citation-js copies the name as it is. The names that are no language's English name
 * (`british`, `ngerman`, `brazil`) are here; the others (`french`, `welsh`) are read by their name.
 */
const babelNames: Readonly<Record<string, string>> = {
  american: 'en-US', usenglish: 'en-US', british: 'en-GB', ukenglish: 'en-GB', english: 'en', australian: 'en-AU',
  newzealand: 'en-NZ', canadian: 'en-CA', irish: 'ga', scottish: 'gd', welsh: 'cy',
  french: 'fr', francais: 'fr', frenchb: 'fr', acadian: 'fr-CA', canadien: 'fr-CA', swissfrench: 'fr-CH',
  german: 'de', ngerman: 'de', germanb: 'de', austrian: 'de-AT', naustrian: 'de-AT', swissgerman: 'de-CH', nswissgerman: 'de-CH',
  spanish: 'es', mexican: 'es-MX', catalan: 'ca', galician: 'gl', basque: 'eu', italian: 'it',
  portuguese: 'pt', portuges: 'pt', brazil: 'pt-BR', brazilian: 'pt-BR', dutch: 'nl', flemish: 'nl-BE',
  danish: 'da', swedish: 'sv', norsk: 'nb', norwegian: 'nb', nynorsk: 'nn', finnish: 'fi', icelandic: 'is',
  polish: 'pl', czech: 'cs', slovak: 'sk', slovene: 'sl', slovenian: 'sl', croatian: 'hr', serbian: 'sr',
  bulgarian: 'bg', russian: 'ru', ukrainian: 'uk', magyar: 'hu', hungarian: 'hu', romanian: 'ro',
  greek: 'el', latin: 'la', turkish: 'tr', hebrew: 'he', arabic: 'ar', japanese: 'ja', chinese: 'zh', korean: 'ko',
  estonian: 'et', latvian: 'lv', lithuanian: 'lt', afrikaans: 'af', indonesian: 'id', bahasai: 'id', malay: 'ms', bahasam: 'ms'
}

/** The BCP 47 tag of a BibLaTeX language (`british` → `en-GB`, `en-GB` as it is), or undefined when it names none. */
export function languageOfLangid(value: string): string | undefined {
  const written = value.trim()
  const named = babelNames[written.toLowerCase()] ?? codeOfLanguageName(written)
  if (named) return named
  if (/^[a-z]{2,3}(?:[-_][a-z0-9]{2,8})*$/iu.test(written) && languageTagProblem(written) === undefined) return Intl.getCanonicalLocales(written)[0]
  return undefined
}

/** The field an entry's language is read from: `langid` (the language of the entry, for BibLaTeX's hyphenation) before `language`. */
export function languageField(fields: Readonly<Record<string, string | undefined>>): {field: string; value: string} | undefined {
  for (const wanted of ['langid', 'language']) {
    const found = Object.entries(fields).find(([field, value]) => field.toLowerCase() === wanted && value !== undefined && value.trim() !== '')
    if (found) return {field: found[0], value: found[1]!}
  }
  return undefined
}
