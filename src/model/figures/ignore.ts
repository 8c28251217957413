/**
 * A project's own non-figures (`check.figures.ignore`): its helpline numbers, product names,
 * programme codes. Each entry is a phrase as written in the prose, matched whole-word, ignoring
 * case, with any space (no-break ones included) matching any space; or, between slashes, a
 * regular expression (`/ligne \d{4}/`). Numbers inside a match are not figures.
 */
export function ignorePattern(entry: string): RegExp {
  const regex = /^\/(.+)\/([a-z]*)$/u.exec(entry)
  if (regex) return new RegExp(regex[1]!, `${regex[2]!.replace(/[gyu]/gu, '')}gu`)
  const phrase = entry
    .trim()
    .split(/[\s\u00A0\u202F]+/u)
    .map((word) => word.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&'))
    .join('[\\s\\u00A0\\u202F]+')
  return new RegExp(`(?<![\\p{L}\\p{N}])${phrase}(?![\\p{L}\\p{N}])`, 'giu')
}

export function isPatternValid(entry: string): boolean {
  try {
    ignorePattern(entry)
    return true
  } catch {
    return false
  }
}

/** The stretches of `text` the project ignores. */
export function ignoredSpans(text: string, patterns: readonly RegExp[]): Array<{start: number; end: number; why: string}> {
  const spans: Array<{start: number; end: number; why: string}> = []
  for (const pattern of patterns) {
    pattern.lastIndex = 0
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
      if (match[0].length === 0) {
        pattern.lastIndex++
        continue
      }
      spans.push({start: match.index, end: match.index + match[0].length, why: 'ignored'})
    }
  }
  return spans
}
