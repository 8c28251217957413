import {pathToFileURL} from 'node:url'
import {ruleHelp} from '../../check/rule-docs.js'
import type {Rule} from '../../check/rule.js'
import {fingerprintName, fingerprints} from '../fingerprint.js'
import {pathFromRoot, type ReportPlace} from '../report-place.js'
import type {JsonDiagnostic} from '../to-json.js'

const levels = {error: 'error', warning: 'warning', info: 'note'} as const

/** The base every result's `uri` is relative to: the repository root, else the report folder. */
export const sourceRootId = '%SRCROOT%'

export interface SarifOptions {
  rules: readonly Rule[]
  version: string
  /** The report folder and its repository; paths are given from the repository root. */
  place: ReportPlace
  /** File text by report-relative path, for the fingerprints. */
  sources: ReadonlyMap<string, string>
}

/**
 * SARIF 2.1.0 for code scanning (GitHub) and SARIF viewers: each result's `uri` is relative to the
 * repository root (`%SRCROOT%`, given as a `file:` URI in `originalUriBaseIds`), or to the report
 * folder outside a repository, so a viewer finds the file; each carries a fingerprint that a line
 * added above leaves as it was; each rule carries its whole help, since there is no site to link to.
 */
export function formatSarif(diagnostics: readonly JsonDiagnostic[], options: SarifOptions): string {
  const ruleIds = [...new Set([...options.rules.map((rule) => rule.id), ...diagnostics.map((diagnostic) => diagnostic.rule)])]
  const hashes = fingerprints(diagnostics, options.sources)
  const base = options.place.root ?? options.place.folder
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {driver: {name: 'rapporteur', version: options.version, semanticVersion: options.version, rules: ruleIds.map((id) => ruleDescriptor(id, options.rules))}},
        originalUriBaseIds: {
          [sourceRootId]: {
            uri: directoryUri(base),
            description: {text: options.place.root === undefined ? 'The report folder (it is in no git repository).' : 'The root of the git repository that holds the report.'}
          }
        },
        // Columns count UTF-16 code units, as JavaScript strings (and vfile) do.
        columnKind: 'utf16CodeUnits',
        results: diagnostics.map((diagnostic, index) => ({
          ruleId: diagnostic.rule,
          ruleIndex: ruleIds.indexOf(diagnostic.rule),
          level: levels[diagnostic.severity],
          message: {text: diagnostic.message},
          locations: [
            {
              physicalLocation: {
                artifactLocation: {uri: relativeUri(pathFromRoot(options.place, diagnostic.file)), uriBaseId: sourceRootId},
                region: {startLine: diagnostic.line, startColumn: diagnostic.column, endLine: diagnostic.endLine, endColumn: diagnostic.endColumn}
              }
            }
          ],
          partialFingerprints: {[fingerprintName]: hashes[index]},
          ...(diagnostic.figure === undefined ? {} : {properties: {figure: diagnostic.figure}})
        }))
      }
    ]
  }
  return JSON.stringify(log, null, 2) + '\n'
}

/**
 * A rule as code scanning shows it: summary, first paragraph, whole help, default level. No
 * `helpUri`: rapporteur has no public site, and a `file:` link to the docs installed on the machine
 * that ran the check (a CI runner) would be dead for whoever reads the alert.
 */
function ruleDescriptor(id: string, rules: readonly Rule[]) {
  const rule = rules.find((candidate) => candidate.id === id)
  if (!rule) return {id, shortDescription: {text: id}, defaultConfiguration: {level: 'error'}}
  const {description, help} = ruleHelp(rule)
  return {id, shortDescription: {text: rule.summary}, fullDescription: description, help, defaultConfiguration: {level: levels[rule.severity]}}
}

/** A folder as a `file:` URI ending in `/`, so relative URIs resolve inside it. */
function directoryUri(folder: string): string {
  const href = pathToFileURL(folder).href
  return href.endsWith('/') ? href : `${href}/`
}

/** A relative path as a relative URI: each segment percent-encoded. */
function relativeUri(relative: string): string {
  return relative.split('/').map(encodeURIComponent).join('/')
}
