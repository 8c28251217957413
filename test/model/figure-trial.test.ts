import {describe, expect, test} from 'vitest'
import {expectFlags, flagged} from '../helpers/figure-flags.js'

/**
 * Development examples from a user trial (an English-language NGO statistician): each sentence is
 * one the user wrote, or one of the same class. Tuned on, like the corpus's development part; they
 * are not a measure of the detector (the corpus's test parts are).
 */

describe('user trial: a count after a capitalised word is no name+number label', () => {
  test('a number written as a quantity (thousands separator, decimal comma) is never a label like `Windows 11`', () =>
    expectFlags([
      'Across London ⟦3,500⟧ families were evicted.',
      'In Manchester ⟦2,100⟧ children were homeless.',
      'Tonight ⟦1,200⟧ people will sleep rough.',
      'Nested ⟦6,000⟧ families here.',
      'Shelter ⟦2,000⟧ calls were logged.',
      "Barnardo's ⟦6,000⟧ volunteers helped.",
      'Across London, ⟦3,500⟧ families were evicted.'
    ]))

  test('a word opening the sentence, a place after `in` or `across`, or an owner before a count of people or things', () =>
    expectFlags([
      'Tonight ⟦120⟧ people will sleep rough.',
      'In Manchester ⟦210⟧ children were homeless.',
      'Across London ⟦35⟧ families were evicted.',
      'Shelter ⟦200⟧ calls were logged. Nested ⟦60⟧ families here.',
      'Barnardo’s ⟦60⟧ volunteers helped.'
    ]))

  test('labels stay labels: Windows 11, Python 3.11, CAC 40, ISRCTN 12345678, Year 8', () =>
    expectFlags([
      'Analyses were run in Python 3.11 on a Windows 11 workstation.',
      'Le CAC 40 a cédé ⟦2,1 %⟧ sur le mois.',
      'The trial is registered (ISRCTN 12345678); pupils in Year 8 took part.',
      'We moved to Windows 11 last year.'
    ]))
})

describe('user trial: circa glued to the number', () => {
  test('`c.4,500`, `c.30%`, `ca.300`, `approx.1,200`: the figure after the abbreviation (a qualifier, outside it, as `about` is)', async () => {
    const [first, second] = await flagged(['We housed c.4,500 families, and c.30% of them had children.', 'Ca.300 refused; approx.1,200 waited; ~450 left.'])
    expect(first!.actual).toEqual(['4,500', '30%'])
    expect(second!.actual).toEqual(['300', '1,200', '450'])
    // A capital C is a table's or an annex's letter: `table C.2` holds no figure.
    const [third] = await flagged(['See Appendix C, table C.2, for the method.'])
    expect(third!.actual).toEqual([])
  })

  test('a stat value with c., ca., approx. or ~ before it is a figure', async () => {
    const {isFigure} = await import('../../src/check/rules/stat-value-not-a-figure.js')
    for (const value of ['c.3,000', 'c. 3,000', 'ca.3 000', 'approx.40%', '~3,000', 'c.52%']) expect(isFigure(value), value).toBe(true)
  })
})

describe('user trial: any space groups thousands', () => {
  // Thin (U+2009), figure (U+2007), hair (U+200A), six-per-em (U+2006), punctuation (U+2008) spaces.
  const spaces = ['\u2009', '\u2007', '\u200A', '\u2006', '\u2008']

  test('`12 345` with a thin, figure, hair, six-per-em or punctuation space is one figure, `40 %` one too', async () => {
    const results = await flagged(spaces.map((space) => `The shelters took in 12${space}345 people, ${space === '\u2009' ? `40${space}%` : '40%'} of them children.`))
    expect(results.map((result) => result.actual)).toEqual(spaces.map((space) => [`12${space}345`, space === '\u2009' ? `40${space}%` : '40%']))
  })

  test("a source's `16 366` with any of those spaces is 16,366", async () => {
    const {numbersOf} = await import('../../src/model/figures/source-numbers.js')
    for (const space of spaces) expect(numbersOf(`Total: 16${space}366 cases.`).map((number) => number.value), JSON.stringify(space)).toEqual([16_366])
  })
})

describe('user trial: the sign of an amount', () => {
  test('a minus before or after the currency symbol, ASCII or U+2212, stays with the amount as written', async () => {
    const [first, second] = await flagged(['The deficit was -£350k, and grants fell by -$3bn.', 'The deficit was −£350k, then £-350k, then $−2m; reserves rose by +€12m.'])
    expect(first!.actual).toEqual(['-£350k', '-$3bn'])
    expect(second!.actual).toEqual(['−£350k', '£-350k', '$−2m', '+€12m'])
  })

  test('a hyphen between a word or a number and the symbol is no sign', async () => {
    const [first] = await flagged(['The pre-£5 fare and the £10-£20 band.'])
    expect(first!.actual).toEqual(['£5', '£10-£20'])
  })
})

describe('user trial: a decimal written without its leading zero', () => {
  test('`£.75bn`, `.42`, `.05` are read whole, and the sentence keeps its spaces (`r = .42`)', async () => {
    const [first] = await flagged(['It fell from £.75bn, with a correlation (r = .42) at p < .05.'])
    expect(first!.actual).toEqual(['£.75bn', '.42', '.05'])
    expect(first!.figures[0]!.sentence).toBe('It fell from £.75bn, with a correlation (r = .42) at p < .05.')
  })

  test('its value, in the prose and in a source; a dot after a letter is still an identifier (`p.5`, `JN.1`)', async () => {
    const {numbersOf} = await import('../../src/model/figures/source-numbers.js')
    expect(numbersOf('r = .42; £.75bn').map((number) => number.value)).toEqual([0.42, 750_000_000])
    const [first] = await flagged(['The JN.1 variant, see p.5 of the note.'])
    expect(first!.actual).toEqual([])
  })
})

describe('user trial: Unicode vulgar fractions', () => {
  test('`½`, `2½`, `1¼ million` are one figure each', async () => {
    const [first, second] = await flagged(['Around ½ of families had moved, and 2½ times as many had debts.', 'Some 1¼ million people and ¾ of councils were affected.'])
    expect(first!.actual).toEqual(['½', '2½'])
    expect(second!.actual).toEqual(['1¼ million', '¾'])
  })

  test('their value, in the prose and in a source: `2½` is 2.5, `½` is also 50 %', async () => {
    const {numbersOf} = await import('../../src/model/figures/source-numbers.js')
    expect(numbersOf('About 2½ times, and 1¼ million.').map((number) => number.value)).toEqual([2.5, 1_250_000])
    expect(numbersOf('Around ½ of them.').map((number) => [number.value, number.percent])).toEqual([[0.5, false], [50, true]])
  })
})

describe('user trial: methodology notes a careful reviewer would not source', () => {
  test('rounding notes: shares that may not sum to 100, the unit figures are rounded to', () =>
    expectFlags([
      'Percentages may not sum to 100 due to rounding.',
      'Totals may not add up to 100% because of rounding.',
      'All figures are rounded to the nearest 1,000.',
      'Les pourcentages peuvent ne pas totaliser 100 % ; les effectifs sont arrondis à 1 000 près.',
      // A hundred reached, or counted, is a figure.
      'The total rose to ⟦100⟧ and admissions added up to ⟦100 beds⟧; the nearest ⟦20⟧ shelters were full.'
    ]))

  test('an index’s base: the value its base year is set to', () =>
    expectFlags([
      'The index is rebased (2015=100) and rose to ⟦112.4⟧ in 2024.',
      'Prices, 2010 = 100, base 100 en 2015, indice 100 en 2010.',
      // A hundred of something, or an index's level, is a figure.
      'The base had ⟦100 staff⟧; the index stood at ⟦100⟧ in March.'
    ]))

  test('the scale answers are given on', () =>
    expectFlags([
      'Answers were on a scale of 1 to 10.',
      'Respondents used a 5-point scale, or a 7-point Likert scale.',
      'Satisfaction averaged ⟦7.2⟧ on a scale from 0 to 10.',
      'Les réponses sont notées sur une échelle de 1 à 10, ou une échelle en 5 points.'
    ]))

  test('an age after under, over, above or below when people are said to be that age', () =>
    expectFlags([
      'Most volunteers are under 30.',
      'Most volunteers are over 65.',
      'Our residents are mostly above 80, and respondents below 25 were few.',
      // A count after the same words is a figure.
      'Over ⟦65⟧ volunteers joined; the number of volunteers rose to over ⟦650⟧.',
      'Waiting times were under ⟦30⟧.'
    ]))

  test('a helpline named by the, its number and its service noun, however its digits are grouped', () =>
    expectFlags(['The 116 123 line took calls all night.', 'Call the 116 123 line.', 'The line took ⟦116 123⟧ calls; the 988 line took ⟦4,000⟧.']))
})

describe('user trial: amounts', () => {
  test('an ISO currency code or a dollar with its country before the amount is part of it: EUR 1.2bn, GBP 4.2m, CHF12,000, A$3m, US$3.2 billion', async () => {
    const [first] = await flagged(['Total was EUR 1.2bn and GBP 4.2m, then CHF12,000, A$3m and US$3.2 billion.'])
    expect(first!.actual).toEqual(['EUR 1.2bn', 'GBP 4.2m', 'CHF12,000', 'A$3m', 'US$3.2 billion'])
  })

  test('three capitals that are no currency stay out: the NHS 111 line, ODD 6', async () => {
    const [first] = await flagged(['Calls to the NHS 111 line rose by ⟦12%⟧ in ODD 6 areas.'])
    expect(first!.actual).toEqual(['12%'])
  })
})

describe('user trial: a change and the level it reached are two figures', () => {
  test('`fell by 4.2 percentage points to 17.8%`: a range joins ends with the same unit, not a change and a level', async () => {
    const [first, second, third] = await flagged([
      'Poverty fell by 4.2 percentage points to 17.8%, and rents rose 3% to £1,200.',
      'Le taux a reculé de 0,4 point à 6,3 %.',
      'Between 10% and 15%, from 10 to 15%, £10m to £15m, 2 to 3 million, 3,5 millions à 4 millions, 12 € à 15 €.'
    ])
    expect(first!.actual).toEqual(['4.2 percentage points', '17.8%', '3%', '£1,200'])
    expect(second!.actual).toEqual(['0,4 point', '6,3 %'])
    expect(third!.actual).toEqual(['10% and 15%', '10 to 15%', '£10m to £15m', '2 to 3 million', '3,5 millions à 4 millions', '12 € à 15 €'])
  })
})
