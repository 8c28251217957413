import type {VFile} from 'vfile'
import type {Diagnostic} from './message.js'
import {severityOf, type Severity} from './severity.js'

/** The contract's JSON diagnostic: 1-based positions, file relative to the report folder. */
export interface JsonDiagnostic {
  file: string
  line: number
  column: number
  endLine: number
  endColumn: number
  rule: string
  severity: Severity
  message: string
  figure?: string
}

/** Flatten every file's messages into contract diagnostics, in file then position order. */
export function toJsonDiagnostics(files: readonly VFile[]): JsonDiagnostic[] {
  const out = files.flatMap((file) => (file.messages as Diagnostic[]).map((message) => toJsonDiagnostic(file.path, message)))
  return out.sort((a, b) => (a.file === b.file ? a.line - b.line || a.column - b.column : 0))
}

/** One message of a file as a contract diagnostic. */
export function toJsonDiagnostic(file: string, message: Diagnostic): JsonDiagnostic {
  const start = message.place && 'start' in message.place ? message.place.start : message.place
  const end = message.place && 'end' in message.place ? message.place.end : start
  const diagnostic: JsonDiagnostic = {
    file,
    line: start?.line ?? 1,
    column: start?.column ?? 1,
    endLine: end?.line ?? start?.line ?? 1,
    endColumn: end?.column ?? start?.column ?? 1,
    rule: message.ruleId ?? 'unknown',
    severity: severityOf(message.fatal),
    message: message.reason
  }
  if (message.figure !== undefined) diagnostic.figure = message.figure
  return diagnostic
}

/** Counts by severity, for summaries and exit codes. */
export function countBySeverity(diagnostics: readonly JsonDiagnostic[]): Record<Severity, number> {
  const counts: Record<Severity, number> = {error: 0, warning: 0, info: 0}
  for (const diagnostic of diagnostics) counts[diagnostic.severity]++
  return counts
}
