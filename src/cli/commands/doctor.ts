import path from 'node:path'
import {doctor, shownPath} from '../../doctor/doctor.js'
import type {DoctorLine} from '../../doctor/line.js'
import {exitCodes, type Io} from '../io.js'

export interface DoctorCommandOptions {
  browser?: string
}

const marks: Record<DoctorLine['status'], string> = {ok: '✓', fail: '✗', skip: '-'}

/** `rapporteur doctor [dir]`: one line per thing `build` needs; exit 0 all good, 1 something to fix, 2 not a project. */
export async function runDoctor(dir: string, options: DoctorCommandOptions, io: Io): Promise<number> {
  const folder = path.resolve(io.cwd, dir)
  const report = await doctor(folder, {browser: options.browser, env: io.env, shownDir: shownPath(io.cwd, folder)})
  for (const line of report.lines) io.stdout(formatLine(line))
  const failed = report.lines.filter((line) => line.status === 'fail').length
  if (!report.isProject) return exitCodes.cannotRun
  io.stdout(failed === 0 ? '\nAll good: rapporteur can build this report here.\n' : `\n${failed} problem${failed > 1 ? 's' : ''} to fix.\n`)
  return failed === 0 ? exitCodes.clean : exitCodes.findings
}

export function formatLine(line: DoctorLine): string {
  let text = `${marks[line.status]} ${line.label}: ${line.detail}\n`
  for (const more of line.more ?? []) text += `    ${more}\n`
  if (line.fix) text += `    fix: ${line.fix}\n`
  return text
}
