import type {FlatText} from '../text/flatten.js'
import {detectNumbers, type NumberFinding} from './detect.js'

/**
 * What detectNumbers found in one file, block by block in the order the model visits them, with
 * what each block read (its flattened text and marks), so that the next check of the same file
 * can hand the findings back instead of finding them again: figure detection was ~80 ms of the
 * sample's `check` under a CPU profiler, most of it in files nobody had edited (bench/README.md,
 * point 49). Kept by api/check.ts in the tree cache, by the file's text and the
 * settings detection reads (`check.figures`).
 */
export interface DetectedBlock {
  /** flatText's text and marks, written out: the block as detection read it. */
  read: string
  findings: NumberFinding[]
}

/** A detector for one file, and what it saw. */
export interface FigureMemo {
  detect: typeof detectNumbers
  /** The blocks detected this time, in order. */
  blocks: DetectedBlock[]
  /** True when every block was handed back from `known` (nothing to keep again). */
  replayed(): boolean
}

/**
 * Hands back `known`'s findings for each block that reads as it read then, in the same order, and
 * runs detectNumbers on any other (then the memo is kept again). The model copies what it takes
 * from a finding, so one finding handed out is never changed.
 */
export function figureMemo(known: readonly DetectedBlock[] | undefined): FigureMemo {
  const blocks: DetectedBlock[] = []
  let missed = known === undefined
  return {
    blocks,
    replayed: () => !missed && blocks.length === known!.length,
    detect(flat, options) {
      const read = blockReading(flat)
      const before = known?.[blocks.length]
      const findings = before && before.read === read ? before.findings : detectNumbers(flat, options)
      if (findings !== before?.findings) missed = true
      blocks.push({read, findings})
      return findings
    }
  }
}

/** Whether a value read back from a cache is a list of detected blocks (its shape, cheaply). */
export function isDetectedBlocks(value: unknown): value is DetectedBlock[] {
  return Array.isArray(value) && value.every((block) => typeof block?.read === 'string' && Array.isArray(block.findings))
}

/**
 * Everything of a flattened block detection reads besides the settings: its text, where its
 * citations and note calls stand and the keys they hold, its waived stretches and exponents.
 */
function blockReading(flat: FlatText): string {
  const marks = flat.marks.map((mark) => `${mark.at}:${mark.kind}:${mark.keys.join(',')}`).join(';')
  const waived = flat.waived.map((range) => `${range.start}-${range.end}:${range.reason}`).join(';')
  const shown = flat.shown.map(({at, text}) => `${at}:${text}`).join('\u0001')
  return `${flat.text}\u0000${marks}\u0000${waived}\u0000${flat.exponents.join(',')}\u0000${shown}`
}
