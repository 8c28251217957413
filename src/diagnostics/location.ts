import type {Point, Position} from 'unist'
import {location} from 'vfile-location'
import type {VFile} from 'vfile'

const cache = new WeakMap<VFile, ReturnType<typeof location>>()

/** Turn offsets into a unist position (1-based line and column) for `file`. */
export function positionFromOffsets(file: VFile, start: number, end: number): Position {
  let place = cache.get(file)
  if (!place) {
    place = location(file)
    cache.set(file, place)
  }
  const size = String(file.value).length
  const from = place.toPoint(clamp(start, size)) ?? {line: 1, column: 1, offset: 0}
  const to = place.toPoint(clamp(end, size)) ?? from
  return {start: from as Point, end: to as Point}
}

function clamp(offset: number, size: number): number {
  return Math.max(0, Math.min(offset, size))
}

/** The offset where the line holding `offset` ends (before its `\n`, or `\r\n`). */
export function lineEndOffset(text: string, offset: number): number {
  const end = text.indexOf('\n', offset)
  return end === -1 ? text.length : text[end - 1] === '\r' ? end - 1 : end
}
