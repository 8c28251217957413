import {fingerprints} from '../fingerprint.js'
import type {Severity} from '../severity.js'
import type {JsonDiagnostic} from '../to-json.js'

/**
 * GitLab's severities (Code Climate's): errors rank above warnings in the merge request's widget,
 * as linters' GitLab formatters map them (eslint-formatter-gitlab: error → major, warning → minor).
 */
const severities: Record<Severity, 'major' | 'minor' | 'info'> = {error: 'major', warning: 'minor', info: 'info'}

/** One issue of GitLab's Code Quality report, the subset of the Code Climate spec GitLab reads. */
export interface CodeQualityIssue {
  description: string
  check_name: string
  fingerprint: string
  severity: 'major' | 'minor' | 'info'
  location: {path: string; lines: {begin: number; end: number}}
}

/**
 * GitLab's Code Quality report (`artifacts: reports: codequality:`), every finding, `path` as given
 * by `pathOf` (from the repository root, where GitLab looks). GitLab tells new findings from old by
 * fingerprint, comparing the merge request's report with the target branch's: the fingerprint is
 * the one SARIF carries (diagnostics/fingerprint.ts), with no line in it, so a paragraph added
 * above a finding does not make it new. It keeps only the first of two issues with one
 * fingerprint; these never repeat (the nth finding of a rule on the same text is counted in).
 */
export function formatGitlab(diagnostics: readonly JsonDiagnostic[], sources: ReadonlyMap<string, string>, pathOf: (file: string) => string): string {
  const prints = fingerprints(diagnostics, sources)
  const issues = diagnostics.map((diagnostic, index): CodeQualityIssue => ({
    description: diagnostic.message,
    check_name: diagnostic.rule,
    fingerprint: prints[index]!,
    severity: severities[diagnostic.severity],
    location: {path: pathOf(diagnostic.file), lines: {begin: diagnostic.line, end: Math.max(diagnostic.line, diagnostic.endLine)}}
  }))
  return `${JSON.stringify(issues, null, 2)}\n`
}
