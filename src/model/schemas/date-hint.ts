import {monthOf} from '../month-names.js'

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
