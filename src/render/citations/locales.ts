import {createRequire} from 'node:module'

/**
 * The CSL locales rapporteur formats with: citation-js's (en-US, fr-FR, de-DE, es-ES, nl-NL), as
 * XML, and British English made from its American one. rapporteur downloads nothing: en-GB
 * differs from en-US, in the CSL locales repository, by what a reader of British English sees
 * (punctuation outside the quotes, "10 March 2025", "10/03/2025"); its terms are en-US's.
 */
const bundled = createRequire(import.meta.url)('@citation-js/plugin-csl/lib/locales.json') as Record<string, string>

export const cslLocales: Readonly<Record<string, string>> = {...bundled, 'en-GB': britishEnglish(bundled['en-US']!)}

/** en-GB from the en-US locale's XML: its language, its punctuation outside quotes, its day-month-year dates. */
export function britishEnglish(american: string): string {
  return american
    .replace('xml:lang="en-US"', 'xml:lang="en-GB"')
    .replace(/<style-options punctuation-in-quote="true"\s*\/>/u, '<style-options punctuation-in-quote="false"/>')
    .replace(/<date form="text">[\s\S]*?<\/date>/u, '<date form="text"><date-part name="day" suffix=" "/><date-part name="month" suffix=" "/><date-part name="year"/></date>')
    .replace(/<date form="numeric">[\s\S]*?<\/date>/u, '<date form="numeric"><date-part name="day" form="numeric-leading-zeros" suffix="/"/><date-part name="month" form="numeric-leading-zeros" suffix="/"/><date-part name="year"/></date>')
}

/** Regions whose English is written as the United States write it (CSL's en-US); every other region's is British (en-GB). */
const americanEnglish = new Set(['US', 'CA', 'PH', 'PR', 'GU', 'VI', 'AS', 'MP', 'UM'])

/**
 * The CSL locale closest to a BCP 47 tag: the one of its language and region when there is one,
 * English outside the United States' sphere as British (`en-GB`, `en-IE`, `en-AU`, `en-NZ`, `en-IN`
 * → `en-GB`), another region as its language's locale (`fr-CA`, `fr-CH`, `fr-BE` → `fr-FR`,
 * `de-AT` → `de-DE`), a language without a locale as `en-US`.
 */
export function localeOf(lang: string): string {
  const exact = Object.keys(cslLocales).find((locale) => locale.toLowerCase() === lang.toLowerCase())
  if (exact) return exact
  const language = lang.toLowerCase().split('-')[0]
  if (language === 'en') return americanEnglish.has(regionOf(lang) ?? 'US') ? 'en-US' : 'en-GB'
  return Object.keys(bundled).find((locale) => locale.toLowerCase().startsWith(`${language}-`)) ?? 'en-US'
}

/** A tag's region (`en-Latn-IE` → `IE`), or undefined. */
function regionOf(lang: string): string | undefined {
  try {
    return new Intl.Locale(lang).region
  } catch {
    return undefined
  }
}
