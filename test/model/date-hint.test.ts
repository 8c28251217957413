import {describe, expect, test} from 'vitest'
import {isoDateOf} from '../../src/model/schemas/date-hint.js'
import {sourceEntrySchema} from '../../src/model/schemas/sources.js'
import {describeIssue} from '../../src/model/zod-issues.js'

/** A date or an address written the way people write them: the message gives the form to write. */
describe('dates written another way', () => {
  test.each([
    ['15/03/2021', '2021-03-15'],
    ['3/4/2021', '2021-04-03'],
    ['04/23/2024', '2024-04-23'],
    ['15.03.2021', '2021-03-15'],
    ['2021/03/15', '2021-03-15'],
    ['03/2021', '2021-03'],
    ['2024-4-3', '2024-04-03'],
    ['2024-04-23T10:00:00Z', '2024-04-23'],
    ['23 avril 2024', '2024-04-23'],
    ['1er mars 2024', '2024-03-01'],
    ['Février 2026', '2026-02'],
    ['fevrier 2026', '2026-02'],
    ['April 23, 2024', '2024-04-23'],
    ['23rd April 2024', '2024-04-23'],
    ['Sept. 2023', '2023-09'],
    ['3 mars 2024', '2024-03-03'],
    ['March 3, 2024', '2024-03-03'],
    ['3. März 2024', '2024-03-03'],
    ['15. Januar 2026', '2026-01-15'],
    ['3 de marzo de 2024', '2024-03-03'],
    ['3 marzo 2024', '2024-03-03'],
    ['3 maart 2024', '2024-03-03'],
    ['3 marca 2024', '2024-03-03'],
    ['Dezember 2025', '2025-12']
  ])('%s → %s', (written, iso) => {
    expect(isoDateOf(written)).toBe(iso)
  })

  test.each(['bientôt', '32/01/2024', '15/13/2021', '2024-13', 'printemps 2024', 'Frühling 2024', 'verano 2024', ''])('%s reads as no date', (written) => {
    expect(isoDateOf(written)).toBeUndefined()
  })

  test('the message says the value and what to write', () => {
    const result = sourceEntrySchema.safeParse({id: 'a', type: 'report', title: 'T', date: '23 avril 2024', url: 'www.example.org/page'}, {reportInput: true})
    const messages = result.success ? [] : result.error.issues.map((issue) => describeIssue(issue, 'entry'))
    expect(messages).toContain('Unexpected value `23 avril 2024` for `date`, expected a date as YYYY, YYYY-MM or YYYY-MM-DD (`2024-04-23`)')
    expect(messages).toContain('Unexpected value `www.example.org/page` for `url`, expected a web address with its scheme (`https://www.example.org/page`)')
  })

  test('every date field of sources.yaml, not only `date`, refuses a date written another way with its ISO form (`accessed` was dropped, the page then reported without it)', () => {
    const result = sourceEntrySchema.safeParse({id: 'a', type: 'webpage', title: 'T', author: 'X', date: 2024, url: 'https://example.org', accessed: '15.01.2026', 'event-date': '3. März 2024', 'original-date': 'Frühling 2024'}, {reportInput: true})
    const messages = result.success ? [] : result.error.issues.map((issue) => describeIssue(issue, 'entry'))
    expect(messages).toEqual([
      'Unexpected value `15.01.2026` for `accessed`, expected a date as YYYY, YYYY-MM or YYYY-MM-DD (`2026-01-15`)',
      'Unexpected value `3. März 2024` for `event-date`, expected a date as YYYY, YYYY-MM or YYYY-MM-DD (`2024-03-03`)',
      'Unexpected value `Frühling 2024` for `original-date`, expected a date as YYYY, YYYY-MM or YYYY-MM-DD'
    ])
    // A CSL date object stays a CSL date.
    expect(sourceEntrySchema.safeParse({id: 'a', type: 'webpage', title: 'T', author: 'X', date: 2024, accessed: {'date-parts': [[2026, 1, 15]]}}).success).toBe(true)
  })
})
