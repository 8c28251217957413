import {z} from 'zod'

/** A finding's weight; `off` only exists in configuration. */
export const severitySchema = z.enum(['error', 'warning', 'info'])
export const severitySettingSchema = z.enum(['off', 'error', 'warning', 'info'])

export type Severity = z.infer<typeof severitySchema>
export type SeveritySetting = z.infer<typeof severitySettingSchema>

/** vfile-message encodes severity in `fatal`: true, false, or undefined for info. */
export function fatalOf(severity: Severity): boolean | undefined {
  return severity === 'error' ? true : severity === 'warning' ? false : undefined
}

export function severityOf(fatal: boolean | null | undefined): Severity {
  return fatal === true ? 'error' : fatal === false ? 'warning' : 'info'
}
