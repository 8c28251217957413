import type {ContainerDirective, LeafDirective, TextDirective} from 'mdast-util-directive'
import type {Position} from 'unist'
import type {z} from 'zod'
import {hasMisquotedAttributes} from '../parse/attributes/misquoted.js'
import {directiveSchemas} from './schemas/directives.js'
import {describeIssue} from './zod-issues.js'
import {validationOptions} from './validation-options.js'
import type {MarkdownDocument, SchemaProblem} from './types.js'

type Directive = ContainerDirective | LeafDirective | TextDirective

interface VerbosePositions {
  opening?: Position
  attributes?: Record<string, Position | undefined>
}

/**
 * Validate a known directive's attributes against its schema. Each issue is placed on the
 * attribute as written (remark's verbose directive positions), or on the opening marker when the
 * attribute is missing. Returns the parsed attributes, or undefined when invalid or unknown.
 * `seen`: how many directives the report had before this one (zod's compiled path pays from a
 * few hundred on, validation-options.ts).
 */
export function validateAttributes(node: Directive, document: MarkdownDocument, problems: SchemaProblem[], seen = 0): Record<string, unknown> | undefined {
  const schemas: Record<string, z.ZodType> = directiveSchemas[node.type]
  const schema = Object.hasOwn(schemas, node.name) ? schemas[node.name] : undefined
  if (!schema) return undefined
  // `reason=“exemple fictif”`: curly quotes, which the directive's parser cannot read.
  // The rule attribute-quotes says so at the quote; a missing attribute here would only mislead.
  // The list is left after the directive, as text, when its parser could not read it: its opening line is read whole.
  const start = node.position?.start.offset
  const text = String(document.file.value)
  if (start !== undefined && hasMisquotedAttributes(text.slice(start, (text.indexOf('\n', start) + 1 || text.length + 1) - 1))) return undefined
  const result = schema.safeParse(node.attributes ?? {}, validationOptions(seen))
  if (result.success) return result.data as Record<string, unknown>
  const positions = (node.data as {position?: VerbosePositions} | undefined)?.position
  for (const issue of result.error.issues) {
    const name = String(issue.path[0] ?? '')
    const place = positions?.attributes?.[name] ?? positions?.opening ?? openingLine(node)
    problems.push({file: document.path, position: place, message: describeIssue(issue, `\`${node.name}\``).replace(`\`${name}\``, `attribute \`${name}\` of \`${node.name}\``)})
  }
  return undefined
}

function openingLine(node: Directive): Position {
  const start = node.position?.start ?? {line: 1, column: 1, offset: 0}
  return {start, end: {...start, column: start.column + node.name.length + 1}}
}
