import type {Nodes} from 'mdast'
import type {AttributedData} from '../parse/attributes/types.js'
import {directiveSchemas} from '../model/schemas/directives.js'

/** The `lang` a node carries into the output: a span's, a div's, a directive's that reads one, or a `{…}` given to a heading, link, image or code. */
export function langOf(node: Nodes): string | undefined {
  if (node.type === 'span' || node.type === 'fencedDiv') return node.attributes.pairs.lang
  if (node.type === 'containerDirective' || node.type === 'leafDirective' || node.type === 'textDirective') {
    const schemas: Record<string, {shape: Record<string, unknown>}> = directiveSchemas[node.type]
    // A directive that reads no `lang` has it reported by unknown-attribute: it is left out.
    return Object.hasOwn(schemas, node.name) && 'lang' in schemas[node.name]!.shape ? (node.attributes?.lang ?? undefined) : undefined
  }
  return (node.data as AttributedData | undefined)?.attributes?.pairs.lang
}
