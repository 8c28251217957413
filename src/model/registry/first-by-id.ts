/**
 * Entries by id, the first of an id given twice kept, as BibTeX and biber keep it: the second is a
 * `duplicate-id` error pointing at the first, so the first is the one every note, export and
 * archived copy must show.
 */
export function firstById<T extends {value: {id: string}}>(entries: readonly T[]): Map<string, T> {
  const first = new Map<string, T>()
  for (const entry of entries) if (!first.has(entry.value.id)) first.set(entry.value.id, entry)
  return first
}
