import type {Element} from 'hast'

/** The element's own `lang` attribute, if it has one (an empty `lang=""` means "unknown language"). */
export function ownLang(element: Element): string | undefined {
  const lang = element.properties.lang
  return typeof lang === 'string' ? lang : undefined
}

/** True when the element has one of the classes. hastscript gives `className` as an array. */
export function hasClass(element: Element, names: ReadonlySet<string>): boolean {
  const value: unknown = element.properties.className
  const list: unknown[] = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/\s+/) : []
  return list.some((name) => names.has(String(name)))
}

/** The primary language subtag, lower-cased: `fr-CA` → `fr`. */
export function primaryLanguage(lang: string): string {
  return lang.split('-')[0]!.toLowerCase()
}
