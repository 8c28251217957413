/**
 * Whether a `lang` value names a language screen readers and browsers know: a well-formed BCP 47
 * tag (`Intl.getCanonicalLocales`) of a language, script and region CLDR names (`Intl.DisplayNames`).
 * A language written by its name (`welsh`, `français`, `anglais`) is given its code. Pure; read by
 * the rule `lang-code` and by rapporteur.yaml's schema.
 */

/** ISO 639-1's two-letter codes: a language written by its name is looked for among these. */
export const iso6391Codes: readonly string[] = [
  'aa', 'ab', 'ae', 'af', 'ak', 'am', 'an', 'ar', 'as', 'av', 'ay', 'az', 'ba', 'be', 'bg', 'bi', 'bm', 'bn', 'bo', 'br',
  'bs', 'ca', 'ce', 'ch', 'co', 'cr', 'cs', 'cu', 'cv', 'cy', 'da', 'de', 'dv', 'dz', 'ee', 'el', 'en', 'eo', 'es', 'et',
  'eu', 'fa', 'ff', 'fi', 'fj', 'fo', 'fr', 'fy', 'ga', 'gd', 'gl', 'gn', 'gu', 'gv', 'ha', 'he', 'hi', 'ho', 'hr', 'ht',
  'hu', 'hy', 'hz', 'ia', 'id', 'ie', 'ig', 'ii', 'ik', 'io', 'is', 'it', 'iu', 'ja', 'jv', 'ka', 'kg', 'ki', 'kj', 'kk',
  'kl', 'km', 'kn', 'ko', 'kr', 'ks', 'ku', 'kv', 'kw', 'ky', 'la', 'lb', 'lg', 'li', 'ln', 'lo', 'lt', 'lu', 'lv', 'mg',
  'mh', 'mi', 'mk', 'ml', 'mn', 'mr', 'ms', 'mt', 'my', 'na', 'nb', 'nd', 'ne', 'ng', 'nl', 'nn', 'no', 'nr', 'nv', 'ny',
  'oc', 'oj', 'om', 'or', 'os', 'pa', 'pi', 'pl', 'ps', 'pt', 'qu', 'rm', 'rn', 'ro', 'ru', 'rw', 'sa', 'sc', 'sd', 'se',
  'sg', 'si', 'sk', 'sl', 'sm', 'sn', 'so', 'sq', 'sr', 'ss', 'st', 'su', 'sv', 'sw', 'ta', 'te', 'tg', 'th', 'ti', 'tk',
  'tl', 'tn', 'to', 'tr', 'ts', 'tt', 'tw', 'ty', 'ug', 'uk', 'ur', 'uz', 've', 'vi', 'vo', 'wa', 'wo', 'xh', 'yi', 'yo',
  'za', 'zh', 'zu'
]

/** The languages whose names for the others are read too, besides each language's own: rapporteur's (`anglais`). */
const namingLanguages = ['en', 'fr']

let englishNames: Intl.DisplayNames | undefined
let codesByName: ReadonlyMap<string, string> | undefined

/** A language's English name (`Welsh`, `British English`); `undefined` for a tag CLDR does not name. */
export function languageName(tag: string): string | undefined {
  englishNames ??= new Intl.DisplayNames(['en'], {type: 'language', fallback: 'none'})
  try {
    return englishNames.of(tag)
  } catch {
    return undefined
  }
}

/** `Français` → `francais`: names compared without case or accents. */
const nameKey = (name: string): string => name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim()

/** Each ISO 639-1 language's code by its name in English, in French and in itself (`welsh`, `gallois`, `cymraeg` → `cy`). */
function codesOfNames(): ReadonlyMap<string, string> {
  if (codesByName) return codesByName
  const found = new Map<string, string>()
  for (const code of iso6391Codes) {
    for (const naming of [...namingLanguages, code]) {
      let name: string | undefined
      try {
        name = new Intl.DisplayNames([naming], {type: 'language', fallback: 'none'}).of(code)
      } catch {
        continue
      }
      if (name && !found.has(nameKey(name))) found.set(nameKey(name), code)
    }
  }
  codesByName = found
  return found
}

/** The code of the language `name` names (`Welsh`, `français`), if it is one's name. */
export function codeOfLanguageName(name: string): string | undefined {
  return codesOfNames().get(nameKey(name))
}

/** Why a `lang` value is not a language's tag, with the tag to write when one is clear. */
export interface LanguageTagProblem {
  kind: 'malformed' | 'unknown-language' | 'unknown-subtag'
  /** The tag meant: `cy` for `welsh`, `fr-FR` for `fr_FR`. */
  suggestion?: string | undefined
}

/** `undefined` when `tag` is a well-formed BCP 47 tag of a language CLDR names (`fr`, `en-GB`, `zh-Hant`), else why not. */
export function languageTagProblem(tag: string): LanguageTagProblem | undefined {
  const written = tag.trim()
  let canonical: string | undefined
  try {
    canonical = Intl.getCanonicalLocales(written)[0]
  } catch {
    // `fr_FR`, as locales are written in code and file names.
    const dashed = written.replaceAll('_', '-')
    const suggestion = codeOfLanguageName(written) ?? (dashed !== written && isKnownTag(dashed) ? dashed : undefined)
    return {kind: 'malformed', suggestion}
  }
  // A bare ISO 639-1 code (`fr`, `en`), what nearly every report's config says, is known without
  // CLDR's names, which take 20–90 ms to load: that is on every command's way in.
  if (canonical && isoCodes.has(canonical)) return undefined
  if (canonical && languageName(canonical) !== undefined) return undefined
  // ISO 639's special codes, which CLDR does not name: undetermined, several, no language, uncoded.
  if (canonical && specialCodes.has(canonical.split('-')[0]!)) return undefined
  const primary = canonical?.split('-')[0] ?? written
  if (primary !== canonical && languageName(primary) !== undefined) return {kind: 'unknown-subtag', suggestion: primary}
  return {kind: 'unknown-language', suggestion: codeOfLanguageName(written)}
}

const specialCodes: ReadonlySet<string> = new Set(['und', 'mul', 'zxx', 'mis'])
const isoCodes: ReadonlySet<string> = new Set(iso6391Codes)

function isKnownTag(tag: string): boolean {
  return languageTagProblem(tag) === undefined
}

/**
 * What to write instead of a `lang` value `languageTagProblem` refused, as the end of "…, expected …":
 * `` `cy` (Welsh) ``, or what a tag is.
 */
export function expectedLanguageTag(problem: LanguageTagProblem): string {
  const {suggestion} = problem
  const named = suggestion ? `\`${suggestion}\` (${languageName(suggestion) ?? suggestion})` : undefined
  if (problem.kind === 'unknown-subtag') return `a tag whose region, script or variant is known, such as ${named}`
  if (named) return `its language code, ${named}`
  if (problem.kind === 'malformed') return 'a language code (a BCP 47 tag: letters and digits in parts joined by `-`), such as `fr`, `en` or `en-GB`'
  return 'the code of a known language (a BCP 47 tag), such as `fr`, `en` or `en-GB`'
}
