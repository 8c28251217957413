import path from 'node:path'
import {check} from '../../api/check.js'
import {rules} from '../../check/rules/index.js'
import {formatGithub} from '../../diagnostics/reporters/github.js'
import {formatPretty} from '../../diagnostics/reporters/pretty.js'
import {formatSarif} from '../../diagnostics/reporters/sarif.js'
import {countBySeverity, toJsonDiagnostics} from '../../diagnostics/to-json.js'
import type {SeveritySetting} from '../../diagnostics/severity.js'
import {exitCodes, useColor, type Io} from '../io.js'
import {version} from '../version.js'

export interface CheckCommandOptions {
  format: 'pretty' | 'json' | 'sarif' | 'github'
  maxWarnings?: number
  rule?: Record<string, SeveritySetting>
  listWaivers?: boolean
  color?: boolean
}

/** `rapporteur check [dir]`: report every finding; exit 1 on errors or too many warnings. */
export async function runCheck(dir: string, options: CheckCommandOptions, io: Io): Promise<number> {
  const folder = path.resolve(io.cwd, dir)
  const result = await check(folder, {rules: options.rule ?? {}})
  const diagnostics = toJsonDiagnostics(result.files)
  const sources = new Map(result.files.map((file) => [file.path, String(file.value)]))
  switch (options.format) {
    case 'json':
      io.stdout(JSON.stringify(diagnostics, null, 2) + '\n')
      break
    case 'sarif':
      io.stdout(formatSarif(diagnostics, rules, version))
      break
    case 'github':
      io.stdout(formatGithub(diagnostics, path.relative(io.cwd, folder)))
      break
    default:
      io.stdout(formatPretty(diagnostics, {color: useColor(io, options.color), sources}))
  }
  if (options.listWaivers && result.ok) {
    const waivers = result.model.waivers
    io.stderr(waivers.length === 0 ? 'No waivers.\n' : `${waivers.length} waiver${waivers.length > 1 ? 's' : ''}:\n` + waivers.map((waiver) => `  ${waiver.file}:${waiver.position.start.line}:${waiver.position.start.column}  ${waiver.text}  — ${waiver.reason}\n`).join(''))
  }
  if (!result.ok) return exitCodes.cannotRun
  const counts = countBySeverity(diagnostics)
  if (counts.error > 0) return exitCodes.findings
  if (options.maxWarnings !== undefined && counts.warning > options.maxWarnings) {
    io.stderr(`rapporteur: ${counts.warning} warnings, more than --max-warnings ${options.maxWarnings}\n`)
    return exitCodes.findings
  }
  return exitCodes.clean
}
