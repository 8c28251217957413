/**
 * The config without what its issues point at: each unknown key, and each key whose value does
 * not fit (its default then applies, or the retry fails if it is required). Undefined when an
 * issue points at something that cannot simply be left out: the whole file, or an item of a list.
 */
export function setAside(data: unknown, issues: ReadonlyArray<{code: string; path: PropertyKey[]; keys?: string[]}>, exists: (relative: string) => boolean): unknown {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return undefined
  const copy = structuredClone(data) as Record<string, unknown>
  // Pandoc's `bibliography:` names the sources (its finding says to write `sources:`): read them
  // meanwhile when they are there, or every citation of the report would be reported unknown.
  const named = [copy.bibliography].flat()
  if (!('sources' in copy) && named.length > 0 && named.every((file) => typeof file === 'string' && exists(file))) copy.sources = copy.bibliography
  for (const issue of issues) {
    const keys = issue.code === 'unrecognized_keys' ? (issue.keys ?? []) : []
    const path = issue.code === 'unrecognized_keys' ? issue.path : issue.path.slice(0, -1)
    const last = issue.path.at(-1)
    if (issue.code !== 'unrecognized_keys' && typeof last !== 'string') return undefined
    let parent: unknown = copy
    for (const segment of path) parent = (parent as Record<PropertyKey, unknown> | undefined)?.[segment as string]
    if (parent === null || typeof parent !== 'object' || Array.isArray(parent)) return undefined
    for (const key of issue.code === 'unrecognized_keys' ? keys : [last as string]) delete (parent as Record<string, unknown>)[key]
  }
  return copy
}
