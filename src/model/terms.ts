import type {GlossaryEntry} from './schemas/glossary.js'
import type {Entry, TermUse} from './types.js'

/** Compare term labels the way a reader would: case and spacing do not matter. */
function normalise(text: string): string {
  return text.normalize('NFC').toLocaleLowerCase().replace(/\s+/gu, ' ').trim()
}

/** The glossary entry a `:term` use points to: by `id=`, else by term, alias or id. */
export function resolveTerm(glossary: ReadonlyArray<Entry<GlossaryEntry>>, use: Pick<TermUse, 'label' | 'id'>): Entry<GlossaryEntry> | undefined {
  if (use.id) return glossary.find((entry) => entry.value.id === use.id)
  const label = normalise(use.label)
  return glossary.find((entry) => [entry.value.id, entry.value.term, ...entry.value.aliases].some((name) => normalise(name) === label))
}
