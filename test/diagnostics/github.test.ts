import {describe, expect, test} from 'vitest'
import {annotationsPerStep, formatGithub} from '../../src/diagnostics/reporters/github.js'
import type {Severity} from '../../src/diagnostics/severity.js'
import type {JsonDiagnostic} from '../../src/diagnostics/to-json.js'

function findings(count: number, severity: Severity): JsonDiagnostic[] {
  return Array.from({length: count}, (_, index) => ({file: 'chapters/intro.md', line: index + 1, column: 1, endLine: index + 1, endColumn: 5, rule: 'some-rule', severity, message: `Unexpected thing ${index + 1}`}))
}

const fromRoot = (file: string) => `report/${file}`
const kinds = (out: string) => out.split('\n').filter(Boolean).map((line) => /^::(\w+) /.exec(line)?.[1])

describe('github annotations', () => {
  test('up to the limit, one annotation per finding and nothing else', () => {
    const out = formatGithub([...findings(10, 'error'), ...findings(10, 'warning'), ...findings(10, 'info')], fromRoot)
    expect(kinds(out)).toEqual([...Array(10).fill('error'), ...Array(10).fill('warning'), ...Array(10).fill('notice')])
    expect(out.split('\n')[0]).toBe('::error file=report/chapters/intro.md,line=1,col=1,endLine=1,endColumn=5,title=some-rule::Unexpected thing 1')
  })

  test('past the limit, the first of each kind, then a notice that says how many were shown, how many exist, and where they all are', () => {
    const out = formatGithub([...findings(25, 'error'), ...findings(3, 'warning'), ...findings(12, 'info')], fromRoot)
    const lines = out.trimEnd().split('\n')
    // The notice takes the tenth notice's place: GitHub shows 10 notices per step, and it must be one of them.
    expect(kinds(out)).toEqual([...Array(10).fill('error'), ...Array(3).fill('warning'), ...Array(9).fill('notice'), 'notice'])
    expect(lines.at(-1)).toBe(
      '::notice title=rapporteur%3A findings not shown::Annotated 22 of 40 findings (10 of 25 errors, 3 of 3 warnings, 9 of 12 info): GitHub shows at most 10 errors, 10 warnings and 10 notices per step. Every finding is in `rapporteur check --format sarif` (for code scanning) or `--format json`.'
    )
    expect(lines.filter((line) => line.startsWith('::notice')).length).toBeLessThanOrEqual(annotationsPerStep)
  })

  test('a single kind past the limit is counted alone', () => {
    const out = formatGithub(findings(11, 'warning'), fromRoot)
    expect(out.trimEnd().split('\n').at(-1)).toContain('Annotated 10 of 11 findings (10 of 11 warnings)')
  })
})
