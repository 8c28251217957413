import type {Entry} from '../types.js'
import {languageOfLangid} from './bibtex-langid.js'
import type {UnreadFields} from './unread-fields.js'

/**
 * A CSL item's `language` as a BCP 47 tag. CSL wants a tag (a style reads it for its terms, the
 * HTML gives the title its `lang`), but Zotero's Language field is free text, and its users type
 * the name (`English`, `Español`): read as BibLaTeX's `langid` is, by its name in English, in
 * French or in itself, so that the tag is found one way for every registry.
 */
export function cslLanguage(language: unknown): {tag: string} | {unknown: string} | undefined {
  if (typeof language !== 'string' || language.trim() === '') return undefined
  const tag = languageOfLangid(language)
  return tag ? {tag} : {unknown: language}
}

/**
 * An entry with its `language` as a tag (`English` → `en`), for CSL-JSON, CSL YAML and sources.yaml
 * alike; one that names no language is an `unread-field` finding at the field, and the entry goes
 * without it: a title is given no `lang` that is no language.
 */
export function withLanguageTag<T extends {id: string; language?: unknown}>(entry: Entry<T>, notes: UnreadFields): Entry<T> {
  const language = cslLanguage(entry.value.language)
  if (!language) return entry
  const {language: _written, ...rest} = entry.value
  if ('tag' in language) return {...entry, value: {...rest, language: language.tag} as unknown as T}
  notes.add(
    `language: ${language.unknown}`,
    entry.fields.language ?? entry.position,
    `Unexpected language \`${language.unknown}\` in \`language\` of entry \`${entry.value.id}\`, expected a BCP 47 tag (\`en-GB\`, \`es\`) or a language's name (\`English\`, \`Español\`)`,
    'the entry is read without a language'
  )
  return {...entry, value: rest as unknown as T}
}
