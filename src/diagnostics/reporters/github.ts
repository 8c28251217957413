import type {JsonDiagnostic} from '../to-json.js'

const commands = {error: 'error', warning: 'warning', info: 'notice'} as const

/** GitHub Actions workflow commands: one annotation per finding, `file` as given by `pathOf` (from the repository root, where GitHub looks). */
export function formatGithub(diagnostics: readonly JsonDiagnostic[], pathOf: (file: string) => string): string {
  return diagnostics
    .map((diagnostic) => {
      const properties = `file=${escapeProperty(pathOf(diagnostic.file))},line=${diagnostic.line},col=${diagnostic.column},endLine=${diagnostic.endLine},endColumn=${diagnostic.endColumn},title=${escapeProperty(diagnostic.rule)}`
      return `::${commands[diagnostic.severity]} ${properties}::${escapeData(diagnostic.message)}\n`
    })
    .join('')
}

// Escaping as @actions/core does it.
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C')
}
