import {z} from 'zod'
import {isoDateOf} from './date-hint.js'

/** Ids are kebab-case so they can be anchors, file names and CSV keys alike. */
export const idSchema = z
  .string()
  .regex(/^[\p{L}\p{N}][\p{L}\p{N}_:.-]*$/u, 'an id of letters, digits, `-`, `_`, `:` or `.`')

/**
 * YAML gives `2021` as a number and `2024-04-23` as a string: accept both, keep a string. A date
 * written another way (`15/03/2021`, `23 avril 2024`) is refused with its ISO form to write.
 */
export const partialDateSchema = z
  .union([
    z.number().int().min(1000).max(9999),
    z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, {
      error: (issue) => {
        const iso = typeof issue.input === 'string' ? isoDateOf(issue.input) : undefined
        return `a date as YYYY, YYYY-MM or YYYY-MM-DD${iso ? ` (\`${iso}\`)` : ''}`
      }
    })
  ])
  .transform((value) => String(value))

/** A web address, with its scheme; one written without (`www.exemple.org/page`) is refused with it. */
export const webAddressSchema = z.url({
  error: (issue) => {
    const input = typeof issue.input === 'string' ? issue.input.trim() : ''
    const bare = /^(?:www\.)?[\p{L}\d-]+(?:\.[\p{L}\d-]+)+(?:[/?#]\S*)?$/u.test(input)
    return `a web address with its scheme${bare ? ` (\`https://${input}\`)` : ', `https://…`'}`
  }
})

export const stringListSchema = z.union([z.string(), z.array(z.string())]).transform((value) => (Array.isArray(value) ? value : [value]))

/** The year of a partial date (`2021-05` → 2021). */
export function yearOf(date: string): number {
  return Number(date.slice(0, 4))
}
