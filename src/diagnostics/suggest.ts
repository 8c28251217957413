import {closest, distance} from 'fastest-levenshtein'

/** ", did you mean `x`?" when a known name is close to the one written, else ''. */
export function didYouMean(written: string, known: Iterable<string>): string {
  const candidates = [...known]
  if (candidates.length === 0) return ''
  const best = closest(written, candidates)
  const limit = Math.max(2, Math.floor(written.length / 3))
  return distance(written, best) <= limit ? `, did you mean \`${best}\`?` : ''
}
