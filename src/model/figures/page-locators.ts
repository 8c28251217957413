import type {Citation} from '../../parse/citation/types.js'

/**
 * The pages a citation points at, by source key (`[@a, p. 16]`, `[@a, pp. 16-18]`, a bare
 * number): what a figure is looked up on in the archived copy. A locator of another kind
 * (`chap. 3`, `§ 4`) names no page.
 */
export function pageLocators(citation: Citation): Array<{key: string; pages: string}> {
  return citation.items.filter((item) => item.locatorValue && (item.label === undefined || item.label === 'page')).map((item) => ({key: item.key, pages: item.locatorValue!}))
}
