import {languageOfLangid} from './bibtex-langid.js'

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
