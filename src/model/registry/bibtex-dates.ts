/**
 * BibLaTeX dates where citation-js's reading falls short of what Pandoc and citeproc read: an open
 * range (`2023-10/`), an approximate date (`2023~`), a season (`2023-21`); and dates that cannot be
 * (`2023-02-30`, `month = {13}`, `year = {2023a}`), which citation-js passed on without a word:
 * each said, and read as the part of it that is a date.
 */

/** BibLaTeX's date fields and the CSL variables citation-js maps them to. */
const dateFields: Record<string, string> = {date: 'issued', urldate: 'accessed', eventdate: 'event-date', origdate: 'original-date'}

/** A date that cannot be: the field as written and what to say of it (`Unexpected value …`). */
export interface DateSlip {
  field: string
  message: string
}

type Parts = Array<number | null>
interface DateObject {
  'date-parts'?: Array<Parts | null>
  circa?: unknown
  season?: unknown
  literal?: string
  [key: string]: unknown
}

/**
 * What citation-js cannot take in a BibLaTeX date, taken out before it reads the entry, each said
 * (`unread-field`): an open start (`../2023`, `/2023`), for which it dropped the whole entry
 * ("Failed to convert date to issued"), read as its end, CSL having no range without a start; and
 * EDTF's `?` (uncertain), which it left out without a word, CSL having no variable for it.
 */
export function readableDates(properties: Record<string, string>): {properties: Record<string, string>; notes: DateSlip[]} {
  const readable = {...properties}
  const notes: DateSlip[] = []
  for (const field of Object.keys(dateFields)) {
    const written = properties[field]
    if (written === undefined) continue
    let value = written
    const openStart = /^\s*(?:\.\.)?\/\s*(\S.*?)\s*$/u.exec(value)
    if (openStart && !openStart[1]!.startsWith('..')) {
      value = openStart[1]!
      notes.push({field, message: `Unexpected open start in \`${field} = {${written}}\`, expected a first date (\`2019/${value}\`): CSL styles print no range without one, so the date is read as \`${value.replace(/\?/gu, '')}\``})
    }
    if (/^[\d\s\-/.~%?]+$/u.test(value) && value.includes('?')) {
      value = value.replace(/\?/gu, '')
      notes.push({field, message: `Unexpected \`?\` (uncertain) in \`${field} = {${written}}\`, expected a date without it: CSL styles have no uncertain date and print \`${value}\``})
    }
    readable[field] = value
  }
  return {properties: readable, notes}
}

/** The item with its dates mended, and what was wrong with them. */
export function mendBibtexDates<T extends Record<string, unknown>>(item: T, raw: Record<string, string>): {item: T; slips: DateSlip[]} {
  const mended: Record<string, unknown> = {...item}
  const slips: DateSlip[] = []
  for (const [field, variable] of Object.entries(dateFields)) {
    const written = raw[field]
    const date = mended[variable] as DateObject | undefined
    if (written === undefined || !date?.['date-parts']) continue
    const fixed = withKnownEnds(date, written)
    if (!(fixed['date-parts'] ?? []).every(Array.isArray)) continue
    const checked = existingParts(fixed['date-parts'] as Parts[])
    if (checked.why) slips.push({field, message: `Unexpected value \`${written}\` for \`${field}\`, expected ${checked.why}: the date is read as \`${iso(checked.parts[0]!)}\``})
    mended[variable] = {...fixed, 'date-parts': checked.parts}
  }
  // BibTeX's year, month and day, when there is no `date`.
  const issued = mended.issued as DateObject | undefined
  if (raw.date === undefined && raw.year !== undefined && issued) {
    const labelled = /^(\d{4})[a-z]$/iu.exec(raw.year.trim())
    if (labelled && issued.literal !== undefined) {
      // citation-js reads such a year as a literal date, and the month with it not at all.
      const month = monthOf(raw.month)
      const parts = [Number(labelled[1]), ...(typeof month === 'number' ? [month] : [])]
      slips.push({field: 'year', message: `Unexpected value \`${raw.year}\` for \`year\`, expected a year such as \`${labelled[1]}\`: a style adds the letter that tells apart two works of one author and year itself; the date is read as \`${iso(parts)}\``})
      if (month === 'wrong') slips.push({field: 'month', message: `Unexpected value \`${raw.month ?? ''}\` for \`month\`, expected a month from 1 to 12 or \`jan\` to \`dec\`: the date is read as \`${iso(parts)}\``})
      const {literal: _literal, ...rest} = issued
      mended.issued = {...rest, 'date-parts': [parts]}
    } else if (issued['date-parts']) {
      const checked = existingParts(issued['date-parts'] as Parts[])
      if (checked.why) {
        const field = checked.wrong === 'month' || raw.day === undefined ? 'month' : 'day'
        const extra = field === 'month' ? ' or `jan` to `dec`' : ''
        slips.push({field, message: `Unexpected value \`${raw[field] ?? ''}\` for \`${field}\`, expected ${checked.why}${extra}: the date is read as \`${iso(checked.parts[0]!)}\``})
        mended.issued = {...issued, 'date-parts': checked.parts}
      }
    }
  }
  return {item: mended as T, slips}
}

/**
 * An open end (`2023-10/`, `2023-10/..`: citation-js's `null`) as citeproc-js reads one, zeros as
 * long as the start (`[[2023, 10], [0, 0]]`, printed "2023–"); `~` or `%` after a part, EDTF's
 * approximate date, as `circa`; `2023-21`…`24`, EDTF's seasons, as `season`.
 */
function withKnownEnds(date: DateObject, written: string): DateObject {
  const parts = date['date-parts'] ?? []
  const start = Array.isArray(parts[0]) ? parts[0] : []
  // citation-js leaves the open end `undefined` (or a list of it): JSON shows it as `null`.
  const open = (part: Parts | null | undefined) => !Array.isArray(part) || part.every((value) => value === null || value === undefined)
  const fixed: DateObject = {...date, 'date-parts': parts.map((part, index) => (index > 0 && open(part) ? start.map(() => 0) : part))}
  if (written.split('/').some((part) => /[~%]\s*$/u.test(part))) fixed.circa = true
  const season = /^\s*\d{4}-(2[1-4])\s*$/u.exec(written)
  if (season) fixed.season = Number(season[1]) - 20
  return fixed
}

/** The parts of a date that exist (a month 1 to 12, a day its month has), each end cut to as many parts, and why if any were cut. */
function existingParts(parts: Parts[]): {parts: number[][]; why?: string; wrong?: 'month' | 'day'} {
  let keep = Math.min(...parts.map((part) => part.length))
  let why: string | undefined
  let wrong: 'month' | 'day' | undefined
  for (const [year, month, day] of parts.map((part) => part.map(Number))) {
    if (month !== undefined && month !== 0 && (month < 1 || month > 12)) {
      keep = Math.min(keep, 1)
      why ??= 'a month from 1 to 12'
      wrong ??= 'month'
    } else if (year !== undefined && month !== undefined && day !== undefined && day !== 0 && (day < 1 || day > daysIn(year, month))) {
      keep = Math.min(keep, 2)
      why ??= `a day of ${monthName(month)} ${year}, 1 to ${daysIn(year, month)}`
      wrong ??= 'day'
    }
  }
  return {parts: parts.map((part) => part.slice(0, keep).map(Number)), ...(why ? {why, wrong} : {})}
}

/** A BibTeX month as citation-js reads one (`9`, `09`, `sep`, `September`), `wrong` for one that is none. */
function monthOf(value: string | undefined): number | 'wrong' | undefined {
  if (value === undefined || value.trim() === '') return undefined
  const written = value.trim().toLowerCase()
  const month = /^\d+$/u.test(written) ? Number(written) : ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].indexOf(written.slice(0, 3)) + 1
  return month >= 1 && month <= 12 ? month : 'wrong'
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

function monthName(month: number): string {
  return new Date(Date.UTC(2000, month - 1, 1)).toLocaleString('en', {month: 'long', timeZone: 'UTC'})
}

function iso(parts: number[]): string {
  return parts.map((part, index) => (index === 0 ? String(part) : String(part).padStart(2, '0'))).join('-')
}
