import {describe, expect, test, vi} from 'vitest'
import * as detection from '../../src/model/figures/detect.js'
import {figureMemo, isDetectedBlocks} from '../../src/model/figures/memo.js'
import type {FlatText} from '../../src/model/text/flatten.js'

const flat = (text: string, marks: FlatText['marks'] = []): FlatText => ({text, marks, waived: [], segments: [], exponents: [], shown: []})
const options = {scope: 'sentence' as const, footnoteKeys: new Map<string, string[]>()}
const citation = (at: number, key: string): FlatText['marks'][number] => ({at, kind: 'citation', keys: [key], node: {type: 'footnoteReference', identifier: key}})

describe('a memo of figure detection', () => {
  const blocks = [flat('En 2023, 42 % des signalements concernaient des images générées.'), flat('Selon le rapport, 1 200 comptes ont été fermés ￼.', [citation(49, 'rapport-2024')])]

  test('finds what detectNumbers finds, and hands the same findings back for the same blocks in the same order', () => {
    const first = figureMemo(undefined)
    const found = blocks.map((block) => first.detect(block, options))
    expect(found).toEqual(blocks.map((block) => detection.detectNumbers(block, options)))
    expect(found.flat().length).toBeGreaterThan(1)
    expect(first.replayed()).toBe(false)
    expect(isDetectedBlocks(first.blocks)).toBe(true)

    const detect = vi.spyOn(detection, 'detectNumbers')
    try {
      const again = figureMemo(first.blocks)
      expect(blocks.map((block) => again.detect(block, options))).toEqual(found)
      expect(again.replayed()).toBe(true)
      expect(detect).not.toHaveBeenCalled()
      // The spy does see the memo's calls when there is nothing to hand back.
      figureMemo(undefined).detect(blocks[0]!, options)
      expect(detect).toHaveBeenCalledTimes(1)
    } finally {
      detect.mockRestore()
    }
  })

  test('detects again a block that reads otherwise: other text, a citation moved or with another key', () => {
    const first = figureMemo(undefined)
    for (const block of blocks) first.detect(block, options)
    for (const changed of [flat('En 2024, 43 % des signalements concernaient des images générées.'), flat(blocks[1]!.text, [citation(10, 'rapport-2024')]), flat(blocks[1]!.text, [citation(49, 'autre')])]) {
      const again = figureMemo(first.blocks)
      again.detect(blocks[0]!, options)
      expect(again.detect(changed, options)).toEqual(detection.detectNumbers(changed, options))
      expect(again.replayed()).toBe(false)
    }
    // Fewer or more blocks than were kept: kept again.
    const fewer = figureMemo(first.blocks)
    fewer.detect(blocks[0]!, options)
    expect(fewer.replayed()).toBe(false)
  })

  test('takes only a list of blocks with their reading and findings from a cache', () => {
    expect(isDetectedBlocks([{read: 'x', findings: []}])).toBe(true)
    for (const value of [undefined, null, {}, [{read: 1, findings: []}], [{read: 'x'}], [null]]) expect(isDetectedBlocks(value)).toBe(false)
  })
})
