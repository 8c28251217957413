import {closest, distance} from 'fastest-levenshtein'

/** ", did you mean `x`?" when a known name is close to the one written, else ''. */
export function didYouMean(written: string, known: Iterable<string>): string {
  const best = closestKnown(written, known)
  return best === undefined ? '' : `, did you mean \`${best}\`?`
}

/**
 * The known name close to the one written, if any: a third of its length apart (at least two edits
 * allowed), a typo; else the one name that shares the most of its words, at least half of them,
 * a rename: a heading reworded (`#franchising-in-practice` for `franchising-early-lessons`) or a
 * key a reference manager made again (`lucas-2016-poverty` for `lucasTransportPovertyIts2016`);
 * not for a path, whose words are mostly folders every file shares.
 */
export function closestKnown(written: string, known: Iterable<string>): string | undefined {
  const candidates = [...known]
  if (candidates.length === 0) return undefined
  const best = closest(written, candidates)
  const limit = Math.max(2, Math.floor(written.length / 3))
  if (distance(written, best) <= limit) return best
  // A path's words are mostly its folders, which every file shares: no rename advice from them.
  return written.includes('/') ? undefined : sharingWords(written, candidates)
}

function sharingWords(written: string, candidates: readonly string[]): string | undefined {
  const wanted = new Set(wordsOf(written))
  if (wanted.size === 0) return undefined
  let best: string | undefined
  let bestShared = 0
  let tied = false
  for (const candidate of candidates) {
    const shared = new Set(wordsOf(candidate).filter((word) => wanted.has(word))).size
    if (shared > bestShared) [best, bestShared, tied] = [candidate, shared, false]
    else if (shared === bestShared && shared > 0) tied = true
  }
  // Two names sharing as many words are no advice: the writer would pick one at random.
  return best !== undefined && !tied && bestShared * 2 >= wanted.size ? best : undefined
}

/** A name's words, lower-cased: split at punctuation, camelCase and letter–digit boundaries; short ones (`in`, `de`) left out. */
function wordsOf(name: string): string[] {
  return name
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .replace(/(\p{L})(\p{N})|(\p{N})(\p{L})/gu, (_, a, b, c, d) => `${a ?? c} ${b ?? d}`)
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 2)
}
