import {describe, expect, test} from 'vitest'
import {annotationsPerStep, formatGithub} from '../../src/diagnostics/reporters/github.js'
import type {Severity} from '../../src/diagnostics/severity.js'
import type {JsonDiagnostic} from '../../src/diagnostics/to-json.js'

function findings(count: number, severity: Severity, file = 'chapters/intro.md', rule = 'some-rule'): JsonDiagnostic[] {
  return Array.from({length: count}, (_, index) => ({file, line: index + 1, column: 1, endLine: index + 1, endColumn: 5, rule, severity, message: `Unexpected thing ${index + 1}`}))
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
      '::notice title=rapporteur%3A findings not shown::Annotated 22 of 40 findings (10 of 25 errors, 3 of 3 warnings, 9 of 12 info), chosen one per file and rule in turn, Markdown chapters before other files: GitHub shows at most 10 errors, 10 warnings and 10 notices per step. Every finding is in `rapporteur check --format sarif` (for code scanning) or `--format json`.'
    )
    expect(lines.filter((line) => line.startsWith('::notice')).length).toBeLessThanOrEqual(annotationsPerStep)
  })

  test('a single kind past the limit is counted alone', () => {
    const out = formatGithub(findings(11, 'warning'), fromRoot)
    expect(out.trimEnd().split('\n').at(-1)).toContain('Annotated 10 of 11 findings (10 of 11 warnings)')
  })

  // A multi-author report: a registry the pull request did not touch has 40 warnings of one rule,
  // listed first (file order); the chapters' few warnings must not lose their annotations to it.
  const registry = findings(40, 'warning', 'zotero.json', 'source-too-old')
  const chapters = [
    ...findings(1, 'warning', 'chapters/02-rail.md', 'heading-level'),
    ...findings(2, 'warning', 'chapters/03-buses.md', 'unmatched-footnote'),
    ...findings(1, 'warning', 'chapters/03-buses.md', 'unneeded-waiver'),
    ...findings(3, 'warning', 'chapters/04-fares.md', 'link-text')
  ]
  const annotated = (out: string) => out.split('\n').filter((line) => line.startsWith('::warning')).map((line) => `${/file=report\/([^,]+)/.exec(line)?.[1]}:${/line=(\d+)/.exec(line)?.[1]} ${/title=([^:]+)/.exec(line)?.[1]}`)

  test('past the limit, one rule in one file cannot take every slot: one per file and rule in turn, chapters before registries', () => {
    const out = formatGithub([...chapters.slice(0, 1), ...registry, ...chapters.slice(1)], fromRoot)
    expect(annotated(out)).toEqual([
      'chapters/02-rail.md:1 heading-level',
      'zotero.json:1 source-too-old',
      'zotero.json:2 source-too-old',
      'chapters/03-buses.md:1 unmatched-footnote',
      'chapters/03-buses.md:2 unmatched-footnote',
      'chapters/03-buses.md:1 unneeded-waiver',
      'chapters/04-fares.md:1 link-text',
      'chapters/04-fares.md:2 link-text',
      'chapters/04-fares.md:3 link-text',
      'zotero.json:3 source-too-old'
    ].sort(byFileOrder([...chapters.slice(0, 1), ...registry, ...chapters.slice(1)])))
    expect(out.trimEnd().split('\n').at(-1)).toContain('Annotated 10 of 47 findings (10 of 47 warnings), chosen one per file and rule in turn, Markdown chapters before other files: ')
  })

  test('findings in the files the pull request changed come first, then the others in turn', () => {
    const out = formatGithub([...registry, ...chapters], fromRoot, {changed: new Set(['report/chapters/04-fares.md', 'report/zotero.json'])})
    const shown = annotated(out)
    // 3 link-text and 7 of the registry's: both files were changed, and they fill the 10 slots first.
    expect(shown.filter((line) => line.includes('link-text'))).toHaveLength(3)
    expect(shown.filter((line) => line.includes('source-too-old'))).toHaveLength(7)
    expect(out.trimEnd().split('\n').at(-1)).toContain('chosen those in files this pull request changed first, then one per file and rule in turn, Markdown chapters before other files: ')
  })

  test('when the pull request changed none of the files, the choice is the same as without it', () => {
    const all = [...registry, ...chapters]
    expect(formatGithub(all, fromRoot, {changed: new Set(['README.md'])}).split('\n').slice(0, -2)).toEqual(formatGithub(all, fromRoot).split('\n').slice(0, -2))
  })
})

/** Sorts annotation labels as the reporter prints them: in the order of the findings given. */
function byFileOrder(diagnostics: readonly JsonDiagnostic[]): (a: string, b: string) => number {
  const order = diagnostics.map((diagnostic) => `${diagnostic.file}:${diagnostic.line} ${diagnostic.rule}`)
  return (a, b) => order.indexOf(a) - order.indexOf(b)
}
