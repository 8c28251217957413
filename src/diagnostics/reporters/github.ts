import path from 'node:path'
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

export interface GithubOptions {
  /**
   * The files the pull request changed, as paths from the repository root (as `pathOf` gives
   * them); their findings take the annotations first. Left out when that is not known.
   */
  changed?: ReadonlySet<string>
}

/**
 * GitHub Actions workflow commands: one annotation per finding, `file` as given by `pathOf` (from
 * the repository root, where GitHub looks). At most `annotationsPerStep` of each kind: when there
 * are more, `chooseShown` picks which, they are printed in file order, and the last line is a
 * notice that says how many are shown, how they were chosen, how many there are, and where to read
 * them all. That notice takes the place of the tenth notice, so it is never the one dropped.
 */
export function formatGithub(diagnostics: readonly JsonDiagnostic[], pathOf: (file: string) => string, options: GithubOptions = {}): string {
  const total: Record<Severity, number> = {error: 0, warning: 0, info: 0}
  for (const diagnostic of diagnostics) total[diagnostic.severity]++
  const cut = total.error > annotationsPerStep || total.warning > annotationsPerStep || total.info > annotationsPerStep
  const room: Record<Severity, number> = {error: annotationsPerStep, warning: annotationsPerStep, info: cut ? annotationsPerStep - 1 : annotationsPerStep}
  const chosen = new Set((['error', 'warning', 'info'] as const).flatMap((severity) => chooseShown(diagnostics.filter((diagnostic) => diagnostic.severity === severity), room[severity], pathOf, options.changed)))
  const shown: Record<Severity, number> = {error: 0, warning: 0, info: 0}
  const lines: string[] = []
  for (const diagnostic of diagnostics) {
    if (!chosen.has(diagnostic)) continue
    shown[diagnostic.severity]++
    const properties = `file=${escapeProperty(pathOf(diagnostic.file))},line=${diagnostic.line},col=${diagnostic.column},endLine=${diagnostic.endLine},endColumn=${diagnostic.endColumn},title=${escapeProperty(diagnostic.rule)}`
    lines.push(`::${commands[diagnostic.severity]} ${properties}::${escapeData(diagnostic.message)}\n`)
  }
  if (cut) lines.push(`::notice title=${escapeProperty('rapporteur: findings not shown')}::${escapeData(cutNotice(shown, total, options.changed !== undefined))}\n`)
  return lines.join('')
}

const markdownExtensions = new Set(['.md', '.markdown', '.qmd', '.rmd'])

/**
 * Which `room` findings of one kind to annotate: those in files the pull request changed first
 * (when `changed` is known), then in turns, each turn taking the next finding of every (file, rule)
 * group, so that one rule in one file cannot take every slot. Within a turn, a file's first rule
 * goes before any file's second, and Markdown chapters go before registries and other files.
 */
export function chooseShown(diagnostics: readonly JsonDiagnostic[], room: number, pathOf: (file: string) => string, changed?: ReadonlySet<string>): JsonDiagnostic[] {
  if (diagnostics.length <= room) return [...diagnostics]
  const groups = new Map<string, number>()
  const rulesOfFile = new Map<string, string[]>()
  const ranked = diagnostics.map((diagnostic, index) => {
    const group = `${diagnostic.file}\0${diagnostic.rule}`
    const turn = groups.get(group) ?? 0
    groups.set(group, turn + 1)
    const rules = rulesOfFile.get(diagnostic.file) ?? []
    if (!rules.includes(diagnostic.rule)) rules.push(diagnostic.rule)
    rulesOfFile.set(diagnostic.file, rules)
    return {
      diagnostic,
      index,
      keys: [changed === undefined || changed.has(pathOf(diagnostic.file)) ? 0 : 1, turn, rules.indexOf(diagnostic.rule), markdownExtensions.has(path.extname(diagnostic.file).toLowerCase()) ? 0 : 1]
    }
  })
  ranked.sort((a, b) => compareKeys(a.keys, b.keys) || a.index - b.index)
  return ranked.slice(0, room).map((entry) => entry.diagnostic)
}

function compareKeys(a: readonly number[], b: readonly number[]): number {
  for (let index = 0; index < a.length; index++) if (a[index] !== b[index]) return a[index]! - b[index]!
  return 0
}

/** "Annotated 10 of 37 errors, 10 of 12 warnings, 3 of 3 info (chosen …): …", counting only the kinds there are. */
function cutNotice(shown: Record<Severity, number>, total: Record<Severity, number>, changedKnown: boolean): string {
  const names: Record<Severity, [string, string]> = {error: ['error', 'errors'], warning: ['warning', 'warnings'], info: ['info', 'info']}
  const parts = (['error', 'warning', 'info'] as const).filter((severity) => total[severity] > 0).map((severity) => `${shown[severity]} of ${total[severity]} ${names[severity][total[severity] === 1 ? 0 : 1]}`)
  const all = shown.error + shown.warning + shown.info
  const count = total.error + total.warning + total.info
  const how = `${changedKnown ? 'those in files this pull request changed first, then ' : ''}one per file and rule in turn, Markdown chapters before other files`
  return `Annotated ${all} of ${count} findings (${parts.join(', ')}), chosen ${how}: GitHub shows at most ${annotationsPerStep} errors, ${annotationsPerStep} warnings and ${annotationsPerStep} notices per step. Every finding is in \`rapporteur check --format sarif\` (for code scanning) or \`--format json\`.`
}

// Escaping as @actions/core does it.
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C')
}
