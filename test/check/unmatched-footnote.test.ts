import {expect, test} from 'vitest'
import {ruleFindings} from '../helpers/rule-findings.js'

/** unmatched-footnote's findings on a project with these files: file, line, column, message's start. */
const findings = ruleFindings('unmatched-footnote', {length: 60})

test('labels pair up whatever their case; escaped calls, link texts, code and maths are text', async () => {
  const chapter = [
    'La :term[sextorsion] progresse[^Note] [@enquete-2024].',
    '',
    'Écrit \\[^1] en toutes lettres, `[^2]` en code, $[^3]$ en maths, [^4](https://example.org) en lien.',
    '',
    '[^note]: Selon une enquête.',
    ''
  ].join('\n')
  expect(await findings({'chapters/intro.md': chapter})).toEqual([])
})

test('a call with no definition in its file, in a paragraph, a heading or a table cell, is found at the call', async () => {
  const intro = 'La :term[sextorsion] progresse[^a] [@enquete-2024].\n\n## Un titre[^b]\n\n| Pays | Part[^c] |\n|---|---|\n| FR | 12 % |\n\nSource : enquête [@enquete-2024].\n'
  // A definition in another chapter does not count: each file is read on its own.
  const other = '# Autre\n\nTexte[^z].\n\n[^z]: Une note.\n\n[^a]: Définie ici, pas dans l’introduction.\n'
  expect(await findings({'chapters/intro.md': intro, 'chapters/other.md': other})).toEqual([
    'chapters/intro.md:1:31 Unexpected footnote call `[^a]` with no definition in this f',
    'chapters/intro.md:3:12 Unexpected footnote call `[^b]` with no definition in this f',
    'chapters/intro.md:5:14 Unexpected footnote call `[^c]` with no definition in this f',
    'chapters/other.md:7:1 Unexpected footnote `[^a]` that no call uses, expected a cal'
  ])
})

test('a second definition is found at its label, after the first, and a note inside a list item counts', async () => {
  const chapter = 'La :term[sextorsion] progresse[^1] [@enquete-2024].\n\n- un point[^2]\n\n  [^2]: Dans la liste.\n\n[^1]: La première.\n\n[^1]: La seconde.\n'
  expect(await findings({'chapters/intro.md': chapter})).toEqual(['chapters/intro.md:9:1 Unexpected second definition of the footnote `[^1]`, expecte'])
})

test('a second call of one label is found at it, with the first\'s line', async () => {
  const chapter = 'La :term[sextorsion] progresse[^a] [@enquete-2024].\n\nEntre les deux [@enquete-2024]. Second appel[^a].\n\n[^a]: Une note.\n'
  const all = ruleFindings('unmatched-footnote')
  expect(await all({'chapters/intro.md': chapter})).toEqual(["chapters/intro.md:3:45 Unexpected second call of the footnote `[^a]` (first at line 1), expected one call a note: it prints the first call's number again, its note where the first call is (in print, maybe pages before); write a second note, or refer to the first in words"])
})
