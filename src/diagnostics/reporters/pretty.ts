import type {JsonDiagnostic} from '../to-json.js'
import {countBySeverity} from '../to-json.js'

export interface PrettyOptions {
  color: boolean
  /** File text by path, for code frames. */
  sources: ReadonlyMap<string, string>
}

const codes = {red: 31, yellow: 33, blue: 34, dim: 2, bold: 1, underline: 4} as const

/**
 * Findings grouped by file, each with a code frame under it, then one summary line:
 * what a reviewer reads in a terminal. Colours are optional so tests can assert exact text.
 */
export function formatPretty(diagnostics: readonly JsonDiagnostic[], options: PrettyOptions): string {
  const paint = (code: keyof typeof codes, text: string) => (options.color ? `\u001B[${codes[code]}m${text}\u001B[0m` : text)
  const lines: string[] = []
  const byFile = new Map<string, JsonDiagnostic[]>()
  // A terminal shows the first `maxPrinted` findings; `--format json` gives them all.
  const shown = diagnostics.slice(0, maxPrinted)
  for (const diagnostic of shown) {
    const list = byFile.get(diagnostic.file)
    if (list) list.push(diagnostic)
    else byFile.set(diagnostic.file, [diagnostic])
  }
  for (const [file, list] of byFile) {
    lines.push(paint('underline', file))
    const text = options.sources.get(file)?.split(/\r?\n/)
    for (const diagnostic of list) {
      const label = diagnostic.severity === 'error' ? paint('red', 'error') : diagnostic.severity === 'warning' ? paint('yellow', 'warning') : paint('blue', 'info')
      lines.push(`  ${diagnostic.line}:${diagnostic.column}  ${label}  ${diagnostic.message}  ${paint('dim', diagnostic.rule)}`)
      if (text) lines.push(...codeFrame(text, diagnostic, (value) => paint('dim', value)))
    }
    lines.push('')
  }
  if (diagnostics.length > shown.length) lines.push(`… ${diagnostics.length - shown.length} more findings not shown: \`--format json\` lists them all`, '')
  lines.push(summary(diagnostics, paint))
  return lines.join('\n') + '\n'
}

/** How many findings a terminal is shown at most. */
export const maxPrinted = 500

/** How much of a long line a code frame shows, and how much of it before the finding. */
const FRAME_WIDTH = 160
const FRAME_LEAD = 60

/** The offending line, with a caret run under the range (first line of the range only). */
function codeFrame(text: readonly string[], diagnostic: JsonDiagnostic, dim: (value: string) => string): string[] {
  const line = text[diagnostic.line - 1]
  if (line === undefined) return []
  const width = String(diagnostic.line).length
  const endColumn = diagnostic.endLine === diagnostic.line ? diagnostic.endColumn : line.length + 1
  const gutter = ' '.repeat(width)
  // A tab is shown as one space, so that the carets stand under their characters (a terminal
  // would widen it to the next tab stop); the column printed above is the file's.
  const flat = line.replaceAll('\t', ' ')
  // A long line (a paragraph on one line, as Notepad and Word keep it) is shown around the finding,
  // 160 characters of it, each end cut marked `…`, and the carets within what is shown.
  const start = flat.length > FRAME_WIDTH ? Math.max(0, Math.min(diagnostic.column - 1 - FRAME_LEAD, flat.length - FRAME_WIDTH)) : 0
  const before = start > 0 ? '…' : ''
  const after = start + FRAME_WIDTH < flat.length ? '…' : ''
  const shown = `${before}${flat.slice(start, start + FRAME_WIDTH)}${after}`
  const offset = diagnostic.column - 1 - start + before.length
  const carets = '^'.repeat(Math.max(1, Math.min(endColumn - diagnostic.column, FRAME_WIDTH - (diagnostic.column - 1 - start))))
  return [`    ${dim(`${diagnostic.line} |`)} ${shown}`, `    ${dim(`${gutter} |`)} ${' '.repeat(Math.max(0, offset))}${carets}`]
}

function summary(diagnostics: readonly JsonDiagnostic[], paint: (code: keyof typeof codes, text: string) => string): string {
  const counts = countBySeverity(diagnostics)
  if (diagnostics.length === 0) return paint('bold', '✓ no problems')
  const parts = [
    counts.error > 0 ? paint('red', `${counts.error} error${counts.error > 1 ? 's' : ''}`) : '',
    counts.warning > 0 ? paint('yellow', `${counts.warning} warning${counts.warning > 1 ? 's' : ''}`) : '',
    counts.info > 0 ? paint('blue', `${counts.info} info`) : ''
  ].filter(Boolean)
  return `${counts.error > 0 ? '✖' : '⚠'} ${parts.join(', ')}`
}
