import type {Severity} from '../severity.js'
import type {JsonDiagnostic} from '../to-json.js'

const commands = {error: 'error', warning: 'warning', info: 'notice'} as const

/**
 * How many annotations of each kind GitHub Actions shows for one step; it drops the rest without a
 * word. Documented in actions/toolkit, docs/problem-matchers.md, "Limitations"
 * (https://github.com/actions/toolkit/blob/main/docs/problem-matchers.md#limitations): 10 warning,
 * 10 error and 10 notice annotations per step, 50 annotations per job (all its steps together).
 */
export const annotationsPerStep = 10

/**
 * GitHub Actions workflow commands: one annotation per finding, `file` as given by `pathOf` (from
 * the repository root, where GitHub looks). At most `annotationsPerStep` of each kind: when there
 * are more, the last line is a notice that says how many are shown, how many there are, and where
 * to read them all. That notice takes the place of the tenth notice, so it is never the one dropped.
 */
export function formatGithub(diagnostics: readonly JsonDiagnostic[], pathOf: (file: string) => string): string {
  const total: Record<Severity, number> = {error: 0, warning: 0, info: 0}
  for (const diagnostic of diagnostics) total[diagnostic.severity]++
  const cut = total.error > annotationsPerStep || total.warning > annotationsPerStep || total.info > annotationsPerStep
  const room: Record<Severity, number> = {error: annotationsPerStep, warning: annotationsPerStep, info: cut ? annotationsPerStep - 1 : annotationsPerStep}
  const shown: Record<Severity, number> = {error: 0, warning: 0, info: 0}
  const lines: string[] = []
  for (const diagnostic of diagnostics) {
    if (shown[diagnostic.severity] >= room[diagnostic.severity]) continue
    shown[diagnostic.severity]++
    const properties = `file=${escapeProperty(pathOf(diagnostic.file))},line=${diagnostic.line},col=${diagnostic.column},endLine=${diagnostic.endLine},endColumn=${diagnostic.endColumn},title=${escapeProperty(diagnostic.rule)}`
    lines.push(`::${commands[diagnostic.severity]} ${properties}::${escapeData(diagnostic.message)}\n`)
  }
  if (cut) lines.push(`::notice title=${escapeProperty('rapporteur: findings not shown')}::${escapeData(cutNotice(shown, total))}\n`)
  return lines.join('')
}

/** "Shown 10 of 37 errors, 10 of 12 warnings, 3 of 3 notes: …", counting only the kinds there are. */
function cutNotice(shown: Record<Severity, number>, total: Record<Severity, number>): string {
  const names: Record<Severity, [string, string]> = {error: ['error', 'errors'], warning: ['warning', 'warnings'], info: ['info', 'info']}
  const parts = (['error', 'warning', 'info'] as const).filter((severity) => total[severity] > 0).map((severity) => `${shown[severity]} of ${total[severity]} ${names[severity][total[severity] === 1 ? 0 : 1]}`)
  const all = shown.error + shown.warning + shown.info
  const count = total.error + total.warning + total.info
  return `Annotated ${all} of ${count} findings (${parts.join(', ')}): GitHub shows at most ${annotationsPerStep} errors, ${annotationsPerStep} warnings and ${annotationsPerStep} notices per step. Every finding is in \`rapporteur check --format sarif\` (for code scanning) or \`--format json\`.`
}

// Escaping as @actions/core does it.
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C')
}
