/** Where the CLI writes; tests pass their own to capture output exactly. */
export interface Io {
  stdout: (text: string) => void
  stderr: (text: string) => void
  /** Whether stdout is a terminal (colours, progress). */
  isTTY: boolean
  env: NodeJS.ProcessEnv
  cwd: string
}

export const processIo: Io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  isTTY: Boolean(process.stdout.isTTY),
  env: process.env,
  cwd: process.cwd()
}

/** Exit codes: 0 clean, 1 findings, 2 could not run, 130 interrupted. */
export const exitCodes = {clean: 0, findings: 1, cannotRun: 2, interrupted: 130} as const

/** Colours when writing to a terminal, unless NO_COLOR or FORCE_COLOR=0 say otherwise. */
export function useColor(io: Io, flag: boolean | undefined): boolean {
  if (flag !== undefined) return flag
  if (io.env.NO_COLOR !== undefined || io.env.FORCE_COLOR === '0') return false
  return io.isTTY || (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '0')
}
