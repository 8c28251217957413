import {describe, expect, test} from 'vitest'
import {formatGitlab, type CodeQualityIssue} from '../../src/diagnostics/reporters/gitlab.js'
import type {JsonDiagnostic} from '../../src/diagnostics/to-json.js'

const finding = (line: number, column: number, length: number, severity: JsonDiagnostic['severity'], rule = 'figure-needs-citation'): JsonDiagnostic => ({file: 'chapters/intro.md', line, column, endLine: line, endColumn: column + length, rule, severity, message: `Unexpected thing at ${line}`})
const issues = (diagnostics: JsonDiagnostic[], text: string) => JSON.parse(formatGitlab(diagnostics, new Map([['chapters/intro.md', text]]), (file) => `report/${file}`)) as CodeQualityIssue[]

describe('GitLab Code Quality report', () => {
  const text = 'Intro.\n\nPlus de 40 % des cas, et 40 % des parents.\n'

  test('every finding, its severity on GitLab’s scale, its lines, its path from the repository root', () => {
    const out = issues([finding(3, 9, 4, 'error'), finding(3, 26, 4, 'warning', 'other-rule'), finding(1, 1, 6, 'info', 'third')], text)
    expect(out.map((issue) => [issue.check_name, issue.severity, issue.location.path, issue.location.lines])).toEqual([
      ['figure-needs-citation', 'major', 'report/chapters/intro.md', {begin: 3, end: 3}],
      ['other-rule', 'minor', 'report/chapters/intro.md', {begin: 3, end: 3}],
      ['third', 'info', 'report/chapters/intro.md', {begin: 1, end: 1}]
    ])
    expect(out[0]!.description).toBe('Unexpected thing at 3')
  })

  test('fingerprints: unique (GitLab keeps one issue per fingerprint), and unchanged when a paragraph is added above', () => {
    const before = issues([finding(3, 9, 4, 'error'), finding(3, 26, 4, 'error')], text)
    expect(new Set(before.map((issue) => issue.fingerprint)).size).toBe(2)
    const after = issues([finding(5, 9, 4, 'error'), finding(5, 26, 4, 'error')], `Un paragraphe de plus.\n\n${text}`)
    expect(after.map((issue) => issue.fingerprint)).toEqual(before.map((issue) => issue.fingerprint))
  })

  test('no findings is an empty report, which GitLab reads as "no issues"', () => {
    expect(formatGitlab([], new Map(), (file) => file)).toBe('[]\n')
  })
})
