import {InvalidArgumentError} from 'commander'
import {ruleIds} from '../check/rule-ids.js'
import {didYouMean} from '../diagnostics/suggest.js'
import {severitySettingSchema, type SeveritySetting} from '../diagnostics/severity.js'
import type {CsvDelimiter} from '../export/format.js'

/** `--rule id=off|info|warning|error`, repeatable; validated against the known rules. */
export function collectRule(value: string, previous: Record<string, SeveritySetting> = {}): Record<string, SeveritySetting> {
  const match = /^([a-z-]+)=(\w+)$/.exec(value)
  if (!match) throw new InvalidArgumentError('Expected `id=off|info|warning|error`, e.g. `--rule unused-term=off`.')
  const [, id = '', setting = ''] = match
  const known = ruleIds
  if (!known.includes(id)) throw new InvalidArgumentError(`Unknown rule \`${id}\`${didYouMean(id, known)}`)
  const severity = severitySettingSchema.safeParse(setting)
  if (!severity.success) throw new InvalidArgumentError(`Unknown severity \`${setting}\`, expected off, info, warning or error.`)
  return {...previous, [id]: severity.data}
}

export function parseCount(value: string): number {
  const number = Number(value)
  if (!Number.isInteger(number) || number < 0) throw new InvalidArgumentError('Expected a whole number, 0 or more.')
  return number
}

export function parsePositive(value: string): number {
  const number = Number(value)
  if (!Number.isInteger(number) || number < 1) throw new InvalidArgumentError('Expected a whole number, 1 or more.')
  return number
}

/** `--delimiter`: `,`, `;`, or a tab written `tab`, `\t` or as the character itself. */
export function parseDelimiter(value: string): CsvDelimiter {
  if (value === ',' || value === ';') return value
  if (value === 'tab' || value === '\\t' || value === '\t') return '\t'
  throw new InvalidArgumentError("Expected `,`, `;` or `tab`, e.g. `--delimiter ';'` for Excel in French.")
}
