import {createHash} from 'node:crypto'
import type {Config} from '../../model/schemas/config.js'

/** What a figure's review rests on: where it is written, what it says, and what it rests on. */
export interface FingerprintInput {
  file: string
  sentence: string
  figure: string
  status: string
  /** Each source key with the locator of its citation (`p. 12`), in any order. */
  sources: ReadonlyArray<{key: string; locator: string | undefined}>
  waiverReason: string | undefined
  /** The n-th appearance of the same figure in the same sentence (from 0). */
  occurrence: number
}

/**
 * Text as a reviewer reads it: Unicode composed, any run of white space (no-break and thin spaces
 * included) one space, and typographic quotes and apostrophes plain, with no space around a quote. A typography pass over the
 * Markdown does not change what was reviewed.
 */
export function normaliseText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u2018\u2019\u02BC]/gu, "'")
    .replace(/[\u201C\u201D\u00AB\u00BB\u201E]/gu, '"')
    .replace(/\s+/gu, ' ')
    // `« oui »` and `"oui"` alike: no space on either side of a quote.
    .replace(/ ?" ?/gu, '"')
    .trim()
}

/**
 * A figure's identity across rebuilds: a hash of its file, normalised sentence, figure text, status,
 * sources with their locators and waiver reason. Never its line: a paragraph added above leaves the
 * figure's mark in place, while any change to what a reviewer checked gives a new fingerprint.
 */
export function figureFingerprint(input: FingerprintInput): string {
  const sources = input.sources.map((source) => `${source.key}|${source.locator ?? ''}`).sort()
  const parts = ['rapporteur-figure/1', input.file, normaliseText(input.sentence), normaliseText(input.figure), input.status, sources, input.waiverReason ?? '', input.occurrence]
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 16)
}

/**
 * The project's key in the browser's storage. Every audit page opened from a file shares one
 * storage in most browsers, so marks are kept apart by project: its organisation and title.
 */
export function projectKey(config: Pick<Config, 'organisation' | 'title'>): string {
  return createHash('sha256').update(JSON.stringify([config.organisation, config.title])).digest('hex').slice(0, 16)
}
