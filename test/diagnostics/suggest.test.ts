import {describe, expect, test} from 'vitest'
import {closestKnown, didYouMean} from '../../src/diagnostics/suggest.js'

describe('did you mean', () => {
  test('a typo: the name a few edits away', () => {
    expect(closestKnown('enquete-2042', ['enquete-2024', 'rapport-2023'])).toBe('enquete-2024')
    expect(didYouMean('rec-campagen', ['rec-campagne'])).toBe(', did you mean `rec-campagne`?')
  })

  test('a rename: the one name sharing at least half of the words (a reworded heading, a key made again by Zotero)', () => {
    expect(closestKnown('franchising-in-practice', ['franchising-early-lessons', 'bus-services', 'rail-fares'])).toBe('franchising-early-lessons')
    expect(closestKnown('lucas-2016-poverty', ['lucasTransportPovertyIts2016', 'lucas2019Mobility', 'smith-2016'])).toBe('lucasTransportPovertyIts2016')
  })

  test('no advice when two names share as many words, or too few of them', () => {
    expect(closestKnown('franchising-in-practice', ['franchising-early-lessons', 'franchising-across-regions'])).toBeUndefined()
    expect(closestKnown('franchising-in-practice', ['franchising-early-lessons', 'franchising-costs'])).toBeUndefined()
    expect(closestKnown('bus-fares-and-ticketing-reform', ['rail-fares', 'bus-network'])).toBeUndefined()
    expect(closestKnown('anything', [])).toBeUndefined()
    expect(closestKnown('chapters/06-fares.md', ['chapters/annex.md', 'notes.md'])).toBeUndefined()
  })
})
