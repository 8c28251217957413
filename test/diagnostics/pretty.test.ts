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
