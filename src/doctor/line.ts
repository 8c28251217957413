/** One line of `rapporteur doctor`: what was looked at, what was found, and what to do when it failed. */
export interface DoctorLine {
  /** `skip`: could not be looked at because an earlier line failed (that line says why). */
  status: 'ok' | 'fail' | 'skip'
  label: string
  detail: string
  fix?: string
  /** Further lines shown under this one, indented (the origin of each theme file). */
  more?: string[]
}

export const ok = (label: string, detail: string, more?: string[]): DoctorLine => ({status: 'ok', label, detail, ...(more ? {more} : {})})
export const fail = (label: string, detail: string, fix?: string): DoctorLine => ({status: 'fail', label, detail, ...(fix ? {fix} : {})})
export const skip = (label: string, detail: string): DoctorLine => ({status: 'skip', label, detail})
