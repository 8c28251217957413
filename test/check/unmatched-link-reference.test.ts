import {expect, test} from 'vitest'
import {ruleFindings} from '../helpers/rule-findings.js'

/** unmatched-link-reference's findings on a project with these files: file, line, column, end column, message. */
const findings = ruleFindings('unmatched-link-reference', {endColumn: true})

test('references whose label is defined, whatever its case and spacing, escaped brackets, code, maths and lone brackets are not reported', async () => {
  const chapter = [
    'La :term[sextorsion] progresse [@enquete-2024], selon [le *rapport*][Rapport   2024], [Thorn][] et [l’IWF].',
    '',
    'Écrit \\[a\\]\\[b\\] ou [a\\][b] en toutes lettres, `[a][b]` en code, $[a][b]$ en maths, [sic] et […] dans une citation.',
    '',
    '[rapport 2024]: https://example.org/rapport',
    '[THORN]: https://example.org/thorn',
    '[l’iwf]: https://example.org/iwf',
    ''
  ].join('\n')
  expect(await findings({'chapters/intro.md': chapter})).toEqual([])
})

test('a reference with no definition in its file is found from its opening bracket, markup and nested brackets inside, in a paragraph, a heading, a table cell and a list item', async () => {
  const intro = [
    'La :term[sextorsion] progresse [@enquete-2024], selon [le *rapport* [annexe]][rapport].', // 1
    '',
    '## Un [titre][t]', // 3
    '',
    '| Pays | Part |',
    '|---|---|',
    '| [FR][] | 12 % |', // 7
    '',
    'Source : enquête [@enquete-2024].',
    '',
    '- ![Carte][carte]', // 11
    ''
  ].join('\n')
  // A definition in another chapter does not count: each file is read on its own.
  const other = '# Autre\n\nVoir [le site][rapport].\n\n[rapport]: https://example.org\n'
  expect(await findings({'chapters/intro.md': intro, 'chapters/other.md': other})).toEqual([
    'chapters/intro.md:1:55-87 Unexpected link `[le *rapport* [annexe]][rapport]` whose label `[rapport]` has no definition in this file, expected a line `[rapport]: address` in chapters/intro.md: it prints as written',
    'chapters/intro.md:3:7-17 Unexpected link `[titre][t]` whose label `[t]` has no definition in this file, expected a line `[t]: address` in chapters/intro.md: it prints as written',
    'chapters/intro.md:7:3-9 Unexpected link `[FR][]` whose label `[FR]` has no definition in this file, expected a line `[FR]: address` in chapters/intro.md: it prints as written',
    'chapters/intro.md:11:3-18 Unexpected image `![Carte][carte]` whose label `[carte]` has no definition in this file, expected a line `[carte]: address` in chapters/intro.md: it prints as written'
  ])
})

test('the closest defined label is suggested, a second definition is found at its label, and a footnote call is left to unmatched-footnote', async () => {
  const chapter = [
    'La :term[sextorsion] progresse [@enquete-2024], selon [le rapport][rapport-2024] et [a][^1].',
    '',
    '[rapport-2023]: https://example.org/a',
    '[Rapport-2023]: https://example.org/b',
    ''
  ].join('\n')
  expect(await findings({'chapters/intro.md': chapter})).toEqual([
    'chapters/intro.md:1:55-81 Unexpected link `[le rapport][rapport-2024]` whose label `[rapport-2024]` has no definition in this file, expected a line `[rapport-2024]: address` in chapters/intro.md, did you mean `rapport-2023`?: it prints as written',
    'chapters/intro.md:4:1-15 Unexpected second definition of the link label `[Rapport-2023]`, expected one definition per label: the first (line 3) is the address, this one is left out'
  ])
})
