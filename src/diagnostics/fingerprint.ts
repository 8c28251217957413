import {createHash} from 'node:crypto'
import {location} from 'vfile-location'
import type {JsonDiagnostic} from './to-json.js'

/** The name of rapporteur's fingerprint in a SARIF result's `partialFingerprints`: versioned, as SARIF §3.27.17 asks. */
export const fingerprintName = 'rapporteurFindingHash/v1'

type Locator = ReturnType<typeof location>

/**
 * One fingerprint per finding that survives unrelated edits: a hash of the rule, the file, the
 * flagged text (whitespace folded; its whole line when the range is empty) and how many findings of
 * that rule on that same text come before it in the file. No line or column goes in, so a line
 * added above leaves it as it was; editing the flagged text changes it. `diagnostics` are in
 * position order within each file, as `toJsonDiagnostics` gives them.
 */
export function fingerprints(diagnostics: readonly JsonDiagnostic[], sources: ReadonlyMap<string, string>): string[] {
  const locators = new Map<string, Locator>()
  const seen = new Map<string, number>()
  return diagnostics.map((diagnostic) => {
    const text = flaggedText(diagnostic, sources.get(diagnostic.file), locators)
    const identity = JSON.stringify([diagnostic.rule, diagnostic.file, text])
    const occurrence = seen.get(identity) ?? 0
    seen.set(identity, occurrence + 1)
    return createHash('sha256').update(`${identity}#${occurrence}`).digest('hex')
  })
}

/** The text a finding points at, whitespace folded; its line when the range is empty; its message when there is no text. */
function flaggedText(diagnostic: JsonDiagnostic, value: string | undefined, locators: Map<string, Locator>): string {
  if (value === undefined) return diagnostic.message
  let locator = locators.get(diagnostic.file)
  if (!locator) {
    locator = location(value)
    locators.set(diagnostic.file, locator)
  }
  const start = locator.toOffset({line: diagnostic.line, column: diagnostic.column})
  const end = locator.toOffset({line: diagnostic.endLine, column: diagnostic.endColumn})
  const flagged = start !== undefined && end !== undefined && end > start ? fold(value.slice(start, end)) : ''
  if (flagged !== '') return flagged
  const lineStart = locator.toOffset({line: diagnostic.line, column: 1})
  const line = lineStart === undefined ? '' : fold(value.slice(lineStart).split(/\r?\n|\r/, 1)[0] ?? '')
  return line === '' ? diagnostic.message : line
}

function fold(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}
