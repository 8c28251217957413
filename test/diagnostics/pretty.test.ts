import {expect, test} from 'vitest'
import {formatPretty} from '../../src/diagnostics/reporters/pretty.js'
import type {JsonDiagnostic} from '../../src/diagnostics/to-json.js'

/** The terminal's code frame: the carets under the characters the finding is about. */
test('a line with a tab: the carets stand under the figure, the column is the file\'s', () => {
  const line = 'Ligne\tavec tab : 55 % des cas.'
  const column = line.indexOf('55') + 1
  const diagnostic: JsonDiagnostic = {file: 'chapters/intro.md', line: 1, column, endLine: 1, endColumn: column + 4, rule: 'figure-needs-citation', severity: 'error', message: 'Unexpected figure `55 %`'}
  const out = formatPretty([diagnostic], {color: false, sources: new Map([['chapters/intro.md', line]])})
  expect(out).toContain(`  1:${column}  error`)
  const frame = out.split('\n').filter((text) => text.includes(' | '))
  expect(frame[0]).toContain('Ligne avec tab : 55 % des cas.')
  expect(frame[0]!.indexOf('55')).toBe(frame[1]!.indexOf('^^^^'))
})

test('a long line, as Notepad keeps a paragraph: shown around the finding, each cut end marked, the carets under it', () => {
  const line = `${'Des mots pour une longue ligne. '.repeat(130)}Enfin 45 % des parents sont d'accord. ${'Et la suite du texte. '.repeat(20)}`
  const column = line.indexOf('45 %') + 1
  const diagnostic: JsonDiagnostic = {file: 'chapters/intro.md', line: 1, column, endLine: 1, endColumn: column + 4, rule: 'figure-needs-citation', severity: 'error', message: 'Unexpected figure `45 %`'}
  const out = formatPretty([diagnostic], {color: false, sources: new Map([['chapters/intro.md', line]])})
  const frame = out.split('\n').filter((text) => text.includes(' | '))
  expect(frame[0]).toMatch(/\| …[^…]*Enfin 45 % des parents[^…]*…$/u)
  expect(frame[0]!.indexOf('45 %')).toBe(frame[1]!.indexOf('^^^^'))
  expect(frame[1]!.trimEnd().length).toBeLessThan(200)
})
