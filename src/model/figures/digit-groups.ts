import type {Numerals} from './numerals.js'

/**
 * Thousands grouped in the ways of French outside France, read as one number whatever the
 * report's numerals: Switzerland's apostrophes, ASCII or typographic (`1'250'000`, `1’250’000`,
 * `CHF 1'200.50`, `Fr. 250'000.–`), and Belgium's points (`1.250.000`). Split at their marks, they
 * were three figures (`1`, `250`, `000`) and a source's `1'999'999` "held" a figure `1'250'000`.
 */

/**
 * Apostrophe groups: an apostrophe is never a decimal mark, so a single group is safe
 * (`1’250 enfants`). A decimal part after them is a point or a comma (`1'200.50`, `1'200,50`).
 */
export const apostropheGrouped = String.raw`\d{1,3}(?:['’]\d{3})+(?:[.,]\d+)?(?!\d)`

/**
 * Point groups in a report read with mixed numerals (French, English), only where the point
 * cannot be a decimal one: `1.250` alone is 1.25 to an English reader and 1 250 to a Belgian, so
 * it is left as it was read; two groups or more (`1.250.000`), or a group then a decimal comma
 * (`1.250,50`), can only be thousands. Not when more digits follow a point or comma after them
 * (`RS 311.039.1`, a classification's `1.100.200.3`): those are an identifier's parts.
 */
export const pointGrouped = String.raw`\d{1,3}(?:(?:\.\d{3}){2,}(?:,\d+)?|\.\d{3},\d+)(?![.,]?\d)`

const pointGroups = /^\d{1,3}(?:(?:\.\d{3}){2,}(?:,\d+)?|\.\d{3},\d+)$/u

/**
 * A core's digits without what only groups them: spaces of any kind, apostrophes, and in mixed
 * numerals unambiguous point groups (`1.250.000,5` → `1250000,5`), ready for `readDigits`.
 */
export function compactDigits(digits: string, numerals: Numerals): string {
  const compact = digits.replace(/[\p{Zs}'’]/gu, '')
  return numerals === 'mixed' && pointGroups.test(compact) ? compact.replace(/\./gu, '') : compact
}
