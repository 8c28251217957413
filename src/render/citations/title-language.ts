import type {CslItem} from '../../model/schemas/csl.js'

/**
 * A work's title in its own language (CSL's `language`, `fr`) where the report is in another: the
 * HTML of its notes and bibliography gives the title a `lang`, so that screen readers speak it and
 * hyphenation breaks it as that language's words. citeproc-js prints only its own rich text, so the
 * title goes to it between Unicode's language tag characters (U+E0001, the tag, U+E007F), which no
 * text case changes and sorting ignores, and they become `<span lang="fr">…</span>` in its output.
 */
const START = '\u{E0001}'
const END = '\u{E007F}'
const MARKED = /\u{E0001}([\u{E0020}-\u{E007E}]+)([\s\S]*?)\u{E007F}/gu
const LEFT = /[\u{E0001}\u{E0020}-\u{E007F}]/gu

/** The item with its titles marked with its language, when that is not the report's. */
export function markTitleLanguage(item: CslItem, reportLang: string): CslItem {
  const language = typeof item.language === 'string' ? item.language.trim() : ''
  if (!/^[a-z]{2,3}(?:-[a-z0-9]{1,8})*$/iu.test(language) || primary(language) === primary(reportLang)) return item
  const tag = [...language].map((char) => String.fromCodePoint(0xe0000 + char.charCodeAt(0))).join('')
  const marked: Record<string, unknown> = {...item}
  for (const variable of ['title', 'title-short'] as const) {
    const value = item[variable]
    if (typeof value === 'string' && value !== '') marked[variable] = `${START}${tag}${value}${END}`
  }
  return marked as CslItem
}

/** citeproc-js's HTML with each marked title in a span of its language. */
export function restoreTitleLanguage(html: string): string {
  if (!html.includes(START)) return html
  const spans = html.replace(MARKED, (_, tag: string, title: string) => `<span lang="${[...tag].map((char) => String.fromCharCode(char.codePointAt(0)! - 0xe0000)).join('')}">${title}</span>`)
  return spans.replace(LEFT, '')
}

function primary(tag: string): string {
  return tag.toLowerCase().split(/[-_]/u)[0]!
}
