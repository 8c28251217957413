import {describe, expect, test} from 'vitest'
import {check} from '../../src/api/check.js'
import {numbersOf} from '../../src/model/figures/source-numbers.js'
import {valueOfText} from '../../src/model/figures/value.js'
import {expectFlags, flagged} from '../helpers/figure-flags.js'
import {configInLanguage, removeProject, writeProject} from '../helpers/project.js'

/**
 * Development examples from a user trial (NGOs of French-speaking Switzerland, Belgium and Québec):
 * sentences of the classes they met, in our own words. Tuned on, like the corpus's development
 * part; not a measure of the detector.
 */

/** The first value read of each figure flagged, row after row. */
const valuesOf = (rows: Awaited<ReturnType<typeof flagged>>) => rows.flatMap((row) => row.figures.map((figure) => figure.value?.[0]?.[0]?.value))

const swiss = configInLanguage('fr-CH')
const belgian = configInLanguage('fr-BE')

describe('fr-BE, fr-CH: septante, huitante, octante, nonante', () => {
  test('as percentages, ratios and counts, alone or in compounds, with their values', async () => {
    const rows = await flagged(
      [
        '⟦Septante pour cent⟧ des parents ignorent ces outils.',
        '⟦Nonante pour cent⟧ des images signalées sont des fabrications, et ⟦nonante-huit pour cent⟧ des victimes sont des filles.',
        '⟦Un enfant sur septante⟧ est concerné ; ⟦Septante-cinq pour cent⟧ le savent.',
        '⟦Huitante pour cent⟧ des écoles et ⟦Octante pour cent⟧ des cantons.',
        'On compte ⟦nonante mille⟧ comptes suspects ; ⟦Septante-deux mille⟧ images ont été retirées.',
        // France's forms are still read, and a small count in words is still none.
        '⟦Soixante-dix pour cent⟧ des parents et ⟦quatre-vingt-dix pour cent⟧ des auteurs ; septante associations.'
      ],
      belgian
    )
    for (const {expected, actual} of rows) expect(actual).toEqual(expected)
    const values = valuesOf(rows)
    expect(values).toEqual([70, 90, 98, 100 / 70, 75, 80, 80, 90_000, 72_000, 70, 90])
  })

  test('a soft hyphen pasted from Word inside the word splits nothing', async () => {
    const [row] = await flagged(['⟦Sep\u00adtante pour cent⟧ des cas, et ⟦nonan\u00adte mille⟧ comptes.'], belgian)
    expect(row!.actual).toEqual(row!.expected)
    expect(row!.figures.map((figure) => figure.value?.[0]?.[0]?.value)).toEqual([70, 90_000])
  })

  test("a `stat` block's value in these words is a figure", () => {
    expect(valueOfText('septante pour cent')).toEqual([[{value: 70, tolerance: 0.5, percent: true}]])
  })
})

describe('fr-CH, fr-BE: thousands grouped by apostrophes and points', () => {
  test('`1\'250\'000`, `1’250’000`, `CHF 1\'200.50`, `Fr. 250\'000.–`, `1.250.000` are one figure each, with their full value', async () => {
    const rows = await flagged(
      [
        "En 2023, ⟦1'250'000⟧ images et ⟦1’250’000⟧ fichiers ont été signalés.",
        "La Confédération a versé ⟦CHF 1'200.50⟧ par dossier et ⟦Fr. 250'000.–⟧ aux cantons.",
        'Le projet a reçu ⟦1.250.000 euros⟧ pour ⟦1.250.000,50⟧ dossiers.',
        // One point group alone stays as it was read: `1.250` is 1.25 in English.
        'Le taux atteint ⟦1.250⟧.'
      ],
      swiss
    )
    for (const {expected, actual} of rows) expect(actual).toEqual(expected)
    const values = valuesOf(rows)
    expect(values).toEqual([1_250_000, 1_250_000, 1200.5, 250_000, 1_250_000, 1_250_000.5, 1.25])
  })

  test("a source's numbers are read the same way, whichever grouping it uses", () => {
    const values = (text: string) => numbersOf(text).map((number) => number.value)
    expect(values("En 2023, 1'350'000 fichiers")).toEqual([1_350_000])
    expect(values('En 2023, 1’999’999 fichiers')).toEqual([1_999_999])
    expect(values('soit 1.250.000 fichiers')).toContain(1_250_000)
  })

  test('point groups followed by more digits are no thousands: an identifier keeps its reading', async () => {
    const [row] = await flagged(['La nomenclature 1.100.200.3 compte ⟦1.250.000⟧ lignes.'], swiss)
    expect(row!.figures.map((figure) => figure.text)).not.toContain('1100200')
    expect(row!.actual).toContain('1.250.000')
  })
})

describe('fr-CH, fr-CA, fr-BE: units abbreviated are part of the figure', () => {
  test('`mia`, `mio`, `G$`, `M$`, `k$`, `p. cent`, `p. 100`, `p.c.`', async () => {
    const rows = await flagged([
      'Le fonds atteint ⟦CHF 1,2 mia⟧ et ⟦12 Mio⟧ par an.',
      // One dollar sign a paragraph: two would open and close TeX maths.
      'Le gouvernement a investi ⟦1,2 G$⟧ dans la prévention.',
      'Le fonds dispose de ⟦2,5 M$⟧.',
      'Le fonds dispose de ⟦750 k$⟧.',
      'Les signalements ont progressé de ⟦3,5 p. cent⟧, de ⟦12 p. 100⟧ et de ⟦15 p.c.⟧ en un an.'
    ])
    for (const {expected, actual} of rows) expect(actual).toEqual(expected)
    const values = rows.flatMap((row) => row.figures.map((figure) => [figure.value?.[0]?.[0]?.value, figure.value?.[0]?.[0]?.percent]))
    expect(values).toEqual([[1.2e9, false], [12e6, false], [1.2e9, false], [2.5e6, false], [750_000, false], [3.5, true], [12, true], [15, true]])
  })
})

describe('a figure ending on an abbreviated unit ends its sentence before a capital', () => {
  test("the next sentence's citation does not cover it; a currency after the unit goes on", () =>
    expectFlags(
      [
        'Le budget atteint ⟦CHF 3,5 mio⟧. Le rapport de fedpol le décrit en détail [@enquete-2024].',
        'La Confédération a versé ⟦12 Mio⟧. Le rapport le dit [@enquete-2024].',
        'Les plaintes ont progressé de ⟦15 p.c.⟧ Le rapport le dit [@enquete-2024].',
        'Le fonds atteint ⟦CHF 1,2 mia⟧. Le rapport le dit [@enquete-2024].',
        // Covered: the abbreviation is followed by its currency, in the same sentence as the citation.
        'Le programme coûte 3,5 mio. CHF par an [@enquete-2024].',
        'Le programme coûte 12 Mio. Fr. par an [@enquete-2024].'
      ],
      swiss
    ))

  test('German, which capitalises its nouns, still reads `12 Mio. Menschen` as one sentence', async () => {
    const [row] = await flagged(['Der Fonds hat 12 Mio. Menschen erreicht [@enquete-2024].'], configInLanguage('de'))
    expect(row!.actual).toEqual([])
  })
})

describe('fr-CH, fr-CA: references and helplines that are no figures', () => {
  test('Swiss court decisions, parliamentary business, the Classified Compilation; a figure beside them still is one', () =>
    expectFlags(
      [
        "Le Tribunal fédéral l'a jugé dans l'ATF 143 IV 21, consid. 3.2, et le BGE 140 III 115.",
        'La motion 24.3456 a été déposée ; le postulat 21.3969 demande un rapport.',
        "Voir l'art. 5 de l'ordonnance (RS 311.039.1) et le Code pénal (RS 311.0).",
        'La motion 24.3456 demande ⟦3 millions⟧ pour ⟦24 000⟧ enfants.',
        // Without the word that names it, a decimal number is a figure.
        'Le taux atteint ⟦24.3456⟧.'
      ],
      swiss
    ))

  test('Québec neutral citations and anonymised case names', () =>
    expectFlags(
      [
        'Voir Droit de la famille — 231234, 2023 QCCA 123.',
        '2023 QCCA 123 et 2023 QCCQ 4567 le confirment ; voir aussi R. c. Sharpe, 2001 CSC 2.',
        'La Cour a traité ⟦1 234⟧ dossiers en 2023.'
      ],
      configInLanguage('fr-CA')
    ))

  test('helplines: the European 116 numbers, a short code one texts; a count of 116 000 still is a figure', () =>
    expectFlags(
      [
        'Les jeunes peuvent appeler au 116 000, ou le 116 111.',
        'Les jeunes peuvent texter au 686868.',
        'Le centre a reçu ⟦116 000⟧ appels et ⟦686 868⟧ messages.'
      ],
      belgian
    ))
})

describe('a `stat` block in Belgian or Swiss words', () => {
  test('`septante pour cent` is accepted as a value', async () => {
    const dir = await writeProject({
      'rapporteur.yaml': belgian,
      'chapters/intro.md': '# Intro\n\n:::stat{#stat-a value="septante pour cent" source=enquete-2024}\ndes parents.\n:::\n\n:term[sextorsion] [@enquete-2024]\n'
    })
    try {
      const result = await check(dir)
      const messages = result.files.flatMap((file) => file.messages).filter((message) => message.ruleId === 'stat-value-not-a-figure')
      expect(messages).toEqual([])
    } finally {
      await removeProject(dir)
    }
  })
})
