import type {Rule} from '../../check/rule.js'
import type {JsonDiagnostic} from '../to-json.js'

const levels = {error: 'error', warning: 'warning', info: 'note'} as const

/** SARIF 2.1.0, for code-scanning dashboards; rules carry their summary and docs link. */
export function formatSarif(diagnostics: readonly JsonDiagnostic[], rules: readonly Pick<Rule, 'id' | 'summary' | 'severity'>[], version: string): string {
  const ruleIds = [...new Set([...rules.map((rule) => rule.id), ...diagnostics.map((diagnostic) => diagnostic.rule)])]
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'rapporteur',
            version,
            informationUri: 'https://github.com/rapporteur/rapporteur',
            rules: ruleIds.map((id) => {
              const rule = rules.find((candidate) => candidate.id === id)
              return {
                id,
                shortDescription: {text: rule?.summary ?? id},
                helpUri: `https://github.com/rapporteur/rapporteur/blob/main/docs/rules/${id}.md`,
                defaultConfiguration: {level: levels[rule?.severity ?? 'error']}
              }
            })
          }
        },
        results: diagnostics.map((diagnostic) => ({
          ruleId: diagnostic.rule,
          ruleIndex: ruleIds.indexOf(diagnostic.rule),
          level: levels[diagnostic.severity],
          message: {text: diagnostic.message},
          locations: [
            {
              physicalLocation: {
                artifactLocation: {uri: diagnostic.file.split('/').map(encodeURIComponent).join('/'), uriBaseId: 'REPORTROOT'},
                region: {startLine: diagnostic.line, startColumn: diagnostic.column, endLine: diagnostic.endLine, endColumn: diagnostic.endColumn}
              }
            }
          ],
          ...(diagnostic.figure === undefined ? {} : {properties: {figure: diagnostic.figure}})
        }))
      }
    ]
  }
  return JSON.stringify(log, null, 2) + '\n'
}
