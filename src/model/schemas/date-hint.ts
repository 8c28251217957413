/**
 * The ISO form (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`) of a date written another way, for a message
 * to say what to write: `15/03/2021` (day first, as French and most of Europe write it; month
 * first where the first number cannot be a month), `2021/03/15`, `03/2021`, `23 avril 2024`,
 * `1er mars 2024`, `April 23, 2024`, `mars 2024`, `2024-4-3`, `2024-04-23T10:00:00Z`; a month
 * named in another language too (`3. März 2024`, `3 de marzo de 2024`), by Intl's month names.
 * Undefined when it reads as no date. Pure.
 */
export function isoDateOf(written: string): string | undefined {
  const text = written.trim().toLowerCase().replace(/\s+/gu, ' ')
  let match = /^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?(?:t[\d:.]+(?:z|[+-][\d:]+)?)?$/u.exec(text)
  if (match) return iso(match[1]!, match[2]!, match[3])
  match = /^(\d{4})[/.](\d{1,2})(?:[/.](\d{1,2}))?$/u.exec(text)
  if (match) return iso(match[1]!, match[2]!, match[3])
  match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/u.exec(text)
  if (match) {
    const [first, second] = [Number(match[1]), Number(match[2])]
    return first > 12 || second <= 12 ? iso(match[3]!, match[2]!, match[1]) : iso(match[3]!, match[1]!, match[2])
  }
  match = /^(\d{1,2})[/.-](\d{4})$/u.exec(text)
  if (match) return iso(match[2]!, match[1]!)
  // `3 mars 2024`, `3. März 2024`, `3 de marzo de 2024`, `1er mai 2024`, `März 2024`.
  match = /^(?:(\d{1,2})(?:\.|º|er|re|st|nd|rd|th)? (?:de )?)?(\p{L}+)\.?,? (?:de |del )?(\d{4})$/u.exec(text)
  if (match && monthOf(match[2]!)) return iso(match[3]!, String(monthOf(match[2]!)), match[1])
  match = /^(\p{L}+)\.? (\d{1,2})(?:st|nd|rd|th)?, (\d{4})$/u.exec(text)
  if (match && monthOf(match[1]!)) return iso(match[3]!, String(monthOf(match[1]!)), match[2])
  return undefined
}

function iso(year: string, month: string, day?: string): string | undefined {
  const [m, d] = [Number(month), day === undefined ? undefined : Number(day)]
  if (m < 1 || m > 12 || (d !== undefined && (d < 1 || d > 31))) return undefined
  const pad = (value: number) => String(value).padStart(2, '0')
  return d === undefined ? `${year}-${pad(m)}` : `${year}-${pad(m)}-${pad(d)}`
}

/** Month names and their usual abbreviations, French and English, accents optional. */
const months: ReadonlyArray<readonly string[]> = [
  ['janvier', 'janv', 'january', 'jan'],
  ['février', 'fevrier', 'févr', 'fevr', 'february', 'feb'],
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

function monthOf(name: string): number | undefined {
  const index = months.findIndex((names) => names.includes(name))
  return index === -1 ? monthsOfIntl().get(name) : index + 1
}
