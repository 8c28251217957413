import {z} from 'zod'

/** Ids are kebab-case so they can be anchors, file names and CSV keys alike. */
export const idSchema = z
  .string()
  .regex(/^[\p{L}\p{N}][\p{L}\p{N}_:.-]*$/u, 'an id of letters, digits, `-`, `_`, `:` or `.`')

/** YAML gives `2021` as a number and `2024-04-23` as a string: accept both, keep a string. */
export const partialDateSchema = z
  .union([z.number().int().min(1000).max(9999), z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'a date as YYYY, YYYY-MM or YYYY-MM-DD')])
  .transform((value) => String(value))

export const stringListSchema = z.union([z.string(), z.array(z.string())]).transform((value) => (Array.isArray(value) ? value : [value]))

/** The year of a partial date (`2021-05` → 2021). */
export function yearOf(date: string): number {
  return Number(date.slice(0, 4))
}
