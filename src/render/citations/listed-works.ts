import type {PhrasingContent} from 'mdast'
import {onlyConnector} from '../../parse/citation/connector.js'
import {splitLocator} from '../../parse/citation/locator.js'
import type {Citation, CitationItem} from '../../parse/citation/types.js'

/**
 * `[@a, @b]`, `[@a et @b, p. 4]`: works listed with a comma or a word where Pandoc wants `;`.
 * Pandoc reads `@b` as an in-text citation inside the suffix of `@a`; printed that way it made a
 * note of its own with no call in the text, and a suffix of stray digits in the other
 * (`malformed-citation` reports the slip). Printed as the writer meant it: one citation of the
 * works in order, each with its locator, as `[@a; @b, p. 4]` would be. A key among other words
 * of a prefix or suffix (`[@a, citing @b]`), which `malformed-citation` reports too, is printed as
 * written, `@b`: a citation inside a citation cannot be formatted in the same citeproc-js pass.
 */
export function asListed(node: Citation): Citation {
  if (!node.items.some((item) => holdsCitation(item.suffixChildren) || holdsCitation(item.prefixChildren))) return node
  const items: CitationItem[] = []
  for (const item of node.items) {
    const listed = listedIn(item.suffixChildren)
    if (listed) items.push({...item, prefixChildren: asWritten(item.prefixChildren), suffix: '', suffixChildren: []}, ...listed)
    else items.push({...item, prefixChildren: asWritten(item.prefixChildren), suffixChildren: asWritten(item.suffixChildren)})
  }
  return {...node, items}
}

function holdsCitation(children: readonly PhrasingContent[]): boolean {
  return children.some((child) => child.type === 'citation' || ('children' in child && holdsCitation(child.children as PhrasingContent[])))
}

/** Citations as the text written (`@b`), at any depth (`*voir @b*`). */
function asWritten(children: PhrasingContent[]): PhrasingContent[] {
  if (!holdsCitation(children)) return children
  return children.map((child): PhrasingContent => {
    if (child.type === 'citation') return {type: 'text', value: child.value, position: child.position}
    return 'children' in child ? ({...child, children: asWritten(child.children as PhrasingContent[])} as PhrasingContent) : child
  })
}

/** The works a suffix lists (`, @b`, `et @b, p. 4`), or undefined when it says more than that. */
function listedIn(children: readonly PhrasingContent[]): CitationItem[] | undefined {
  const listed: CitationItem[] = []
  for (const child of children) {
    if (child.type === 'citation') {
      listed.push(...asListed(child).items.map((item): CitationItem => (item.mode === 'in-text' ? {...item, mode: 'normal'} : item)))
      continue
    }
    if (child.type !== 'text') return undefined
    if (onlyConnector.test(child.value)) continue
    // `@b, p. 4`: the locator of the work before.
    const last = listed.at(-1)
    const located = last && !last.locator ? splitLocator(child.value.replace(/^\s*,/u, '')) : undefined
    if (!last || !located?.locator || located.suffix !== '') return undefined
    listed[listed.length - 1] = {...last, locator: located.locator, label: located.label, locatorValue: located.locatorValue}
  }
  return listed.length > 0 ? listed : undefined
}
