import {closest, distance} from 'fastest-levenshtein'

/** ", did you mean `x`?" when a known name is close to the one written, else ''. */
export function didYouMean(written: string, known: Iterable<string>): string {
  const best = closestKnown(written, known)
  return best === undefined ? '' : `, did you mean \`${best}\`?`
}

/** The known name close to the one written (a third of its length apart, at least two edits allowed), if any. */
export function closestKnown(written: string, known: Iterable<string>): string | undefined {
  const candidates = [...known]
  if (candidates.length === 0) return undefined
  const best = closest(written, candidates)
  const limit = Math.max(2, Math.floor(written.length / 3))
  return distance(written, best) <= limit ? best : undefined
}
