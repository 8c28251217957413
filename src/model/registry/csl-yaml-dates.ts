/**
 * Dates as Pandoc reads them in CSL YAML (`MetaValue.hs`), as CSL-JSON date objects. Better BibTeX
 * and older Pandoc write a date as a list of maps (`issued: [{year: 2022, month: 9}]`, one map a
 * date, two a range), or as one map (`issued: {year: 1890, circa: true}`); Pandoc writes a year
 * alone as a number (`issued: 2020`). Anything else is left as it is, for the schema to report.
 */
export function pandocDate(value: unknown): unknown {
  if (typeof value === 'number') return String(value)
  if (Array.isArray(value) && value.length >= 1 && value.length <= 2 && value.every(isPartsMap)) {
    const dates = value as PartsMap[]
    const date: Record<string, unknown> = {'date-parts': sameLength(dates.map(partsOf))}
    if (dates.some((part) => truthy(part.circa))) date.circa = true
    const season = dates[0]?.month === undefined ? dates[0]?.season : undefined
    if (season !== undefined) date.season = season
    return date
  }
  if (isPartsMap(value) && !('date-parts' in value) && !('raw' in value) && !('literal' in value)) {
    const {year: _year, month: _month, day: _day, ...rest} = value
    return {...rest, 'date-parts': [partsOf(value)], ...(truthy(value.circa) ? {circa: true} : {})}
  }
  return value
}

interface PartsMap {
  year: number | string
  month?: number | string
  day?: number | string
  season?: number | string
  circa?: unknown
}

/** `{year: 2022, month: 9}`: a year written as digits, a month and day if any (the keys Pandoc reads). */
function isPartsMap(value: unknown): value is PartsMap {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false
  const map = value as Record<string, unknown>
  const numeric = (part: unknown) => part === undefined || (typeof part === 'number' && Number.isInteger(part)) || (typeof part === 'string' && /^-?\d+$/u.test(part))
  return map.year !== undefined && numeric(map.year) && numeric(map.month) && numeric(map.day) && Object.keys(map).every((key) => ['year', 'month', 'day', 'season', 'circa'].includes(key))
}

function partsOf(map: PartsMap): number[] {
  const parts = [map.year, map.month, map.day]
  const end = map.month === undefined ? 1 : map.day === undefined ? 2 : 3
  return parts.slice(0, end).map(Number)
}

/** citeproc-js reads a range only when both ends have as many parts: the shorter end is padded with 0 (unknown). */
function sameLength(dates: number[][]): number[][] {
  const length = Math.max(...dates.map((parts) => parts.length))
  return dates.map((parts) => [...parts, ...Array.from({length: length - parts.length}, () => 0)])
}

function truthy(value: unknown): boolean {
  return value === true || value === 'true' || value === 1
}
