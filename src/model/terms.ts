import type {GlossaryEntry} from './schemas/glossary.js'
import type {Entry, TermUse} from './types.js'

/** Compare term labels the way a reader would: case and spacing do not matter. */
function normalise(text: string): string {
  return text.normalize('NFC').toLocaleLowerCase().replace(/\s+/gu, ' ').trim()
}

/**
 * The glossary entry a `:term` use points to: by `id=`, else by term, alias or id, else by their
 * plural as the text writes it (`:term[sextorsions]` for `sextorsion`), when one entry alone has it.
 */
export function resolveTerm(glossary: ReadonlyArray<Entry<GlossaryEntry>>, use: Pick<TermUse, 'label' | 'id'>): Entry<GlossaryEntry> | undefined {
  if (use.id) return glossary.find((entry) => entry.value.id === use.id)
  const label = normalise(use.label)
  const names = (entry: Entry<GlossaryEntry>) => [entry.value.id, entry.value.term, ...entry.value.aliases].map(normalise)
  const exact = glossary.find((entry) => names(entry).includes(label))
  if (exact) return exact
  const plural = glossary.filter((entry) => names(entry).some((name) => isPluralOf(label, name)))
  return plural.length === 1 ? plural[0] : undefined
}

/**
 * Whether `label` is `name` with its words in the plural, word by word (`chiffrements de bout en
 * bout`): `-s`, `-x` (`réseaux`), `-al` → `-aux` (`journaux`), `-y` → `-ies` (`policies`).
 */
export function isPluralOf(label: string, name: string): boolean {
  const [words, singular] = [label.split(' '), name.split(' ')]
  if (words.length !== singular.length || label === name) return false
  return words.every((word, index) => {
    const base = singular[index]!
    return word === base || word === `${base}s` || word === `${base}x` || (base.endsWith('al') && word === `${base.slice(0, -2)}aux`) || (/[^aeiou]y$/u.test(base) && word === `${base.slice(0, -1)}ies`)
  })
}
