/**
 * Month names, read by the date reader of `sources.yaml` (schemas/date-hint.ts) and by the figure
 * detector (figures/lexicon.ts, `11 oct. 2023` is a date): one list, so that an abbreviation one
 * of them knows the other knows too.
 */

/** French and English month names and their usual abbreviations (without their dot), accents optional; by month. */
export const frenchEnglishMonths: ReadonlyArray<readonly string[]> = [
  ['janvier', 'janv', 'january', 'jan'],
  ['février', 'fevrier', 'févr', 'fevr', 'fév', 'february', 'feb'],
  ['mars', 'march', 'mar'],
  ['avril', 'avr', 'april', 'apr'],
  ['mai', 'may'],
  ['juin', 'june', 'jun'],
  ['juillet', 'juil', 'july', 'jul'],
  ['août', 'aout', 'august', 'aug'],
  ['septembre', 'sept', 'september', 'sep'],
  ['octobre', 'oct', 'october'],
  ['novembre', 'nov', 'november'],
  ['décembre', 'decembre', 'déc', 'dec', 'december']
]

/**
 * Languages whose month names Intl (CLDR) gives, read after French and English's: a name that is
 * a month in one of them is that month in all that have it.
 */
const otherLanguages = ['de', 'es', 'it', 'nl', 'pt', 'pl', 'sv', 'da', 'nb', 'fi', 'cs', 'ca', 'ro']

let intlMonths: ReadonlyMap<string, number> | undefined

/** Every month's long and short name, standalone and in a date (`März`, `marca`), lower case, without a final dot. */
function monthsOfIntl(): ReadonlyMap<string, number> {
  if (intlMonths) return intlMonths
  const names = new Map<string, number>()
  for (const lang of otherLanguages) {
    for (let month = 1; month <= 12; month++) {
      const date = new Date(Date.UTC(2024, month - 1, 15))
      for (const width of ['long', 'short'] as const) {
        const standalone = new Intl.DateTimeFormat(lang, {month: width, timeZone: 'UTC'}).format(date)
        const inDate = new Intl.DateTimeFormat(lang, {day: 'numeric', month: width, timeZone: 'UTC'}).formatToParts(date).find((part) => part.type === 'month')?.value
        for (const name of [standalone, inDate]) {
          const key = name?.toLowerCase().replace(/\.$/u, '')
          if (key && !/\d/u.test(key) && !names.has(key)) names.set(key, month)
        }
      }
    }
  }
  intlMonths = names
  return names
}

/** The month (1–12) a name or abbreviation, lower case and without its dot, names; French and English's first. */
export function monthOf(name: string): number | undefined {
  const index = frenchEnglishMonths.findIndex((names) => names.includes(name))
  return index === -1 ? monthsOfIntl().get(name) : index + 1
}
