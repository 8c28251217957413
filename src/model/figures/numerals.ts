/**
 * How the report's language writes a number's digits. `mixed` is how French and English reports
 * are read, both conventions at once: spaces or commas group thousands, a point or a lone comma
 * is the decimal mark (`100 000`, `100,000`, `3,5`, `3.5`). `decimal-comma` is how German,
 * Spanish, Italian, Dutch, Portuguese and the other languages whose decimal mark is a comma write
 * them: points or spaces group thousands (`17.500`, `1.234.567`, `17 500`), a comma is the decimal
 * mark (`1,5`), so `17.500` is seventeen thousand five hundred, never 17.5.
 */
export type Numerals = 'mixed' | 'decimal-comma'

const known = new Map<string, Numerals>()

/** The numerals of a BCP 47 language tag, by its decimal mark as Intl (CLDR) gives it; French and English are read as both. */
export function numeralsOf(lang: string | undefined): Numerals {
  const primary = (lang ?? '').toLowerCase().split(/[-_]/u)[0] ?? ''
  if (primary === '' || primary === 'fr' || primary === 'en') return 'mixed'
  let numerals = known.get(lang!)
  if (numerals) return numerals
  try {
    const decimal = new Intl.NumberFormat(lang).formatToParts(1.5).find((part) => part.type === 'decimal')?.value
    numerals = decimal === ',' ? 'decimal-comma' : 'mixed'
  } catch {
    // Not a tag Intl reads: rapporteur.yaml's own check says so.
    numerals = 'mixed'
  }
  known.set(lang!, numerals)
  return numerals
}

/** A core grouped by points, with or without a decimal comma: `17.500`, `1.234,5`. */
const pointGrouped = /^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/u

/**
 * What a core's digits say: its value, and its decimal places when it has a decimal part (so that
 * rounding follows the same reading as the value: `17.500` is 17500 to the hundred, or 17.5 to the
 * thousandth, never 17.5 to the hundred).
 */
export function readDigits(compact: string, numerals: Numerals): {value: number; decimals?: number; integer: string} {
  if (numerals === 'decimal-comma') {
    const [integer = '', decimals] = (pointGrouped.test(compact) ? compact.replace(/\./gu, '') : compact).split(/[,.]/u)
    // `17.5`, `3.25`: no group of three after the point, a decimal point as English writes it.
    return {value: Number(decimals === undefined ? integer : `${integer}.${decimals}`), integer, ...(decimals === undefined ? {} : {decimals: decimals.length})}
  }
  const english = /^\d{1,3}(?:,\d{3})+(?:\.(\d+))?$/u.exec(compact)
  if (english) return {value: Number(compact.replace(/,/gu, '')), integer: compact.replace(/\.\d+$/u, '').replace(/,/gu, ''), ...(english[1] === undefined ? {} : {decimals: english[1].length})}
  const [integer = '', decimals] = compact.split(/[,.]/u)
  return {value: Number(decimals === undefined ? integer : `${integer}.${decimals}`), integer, ...(decimals === undefined ? {} : {decimals: decimals.length})}
}
