import type {Position} from 'unist'
import type {VFile} from 'vfile'
import type {z} from 'zod'
import {addMessage} from '../diagnostics/message.js'
import {didYouMean} from '../diagnostics/suggest.js'
import {visible} from './schemas/project-path.js'
import {keysAt} from './schema-keys.js'

/** Where a data path stands in the source; `keyOnly` asks for the key rather than its value. */
export type Locate = (path: ReadonlyArray<PropertyKey>, keyOnly: boolean) => Position

/**
 * Report every zod issue as a `schema` diagnostic at the place `locate` gives for its path; with
 * the `schema` validated, a key it does not know is reported with those it does.
 */
export function reportZodIssues(file: VFile, issues: ReadonlyArray<z.core.$ZodIssue>, locate: Locate, label: string, schema?: z.ZodType, hints: Readonly<Record<string, string>> = {}): void {
  for (const issue of eachKeyApart(issues)) {
    const flat = collapseUnion(issue)
    const hint = flat.code === 'unrecognized_keys' && flat.path.length === 0 ? hints[flat.keys[0]!] : undefined
    addMessage(file, hint ? `${describeIssue(flat, label)}: ${hint}` : describeIssue(flat, label, schema && flat.code === 'unrecognized_keys' ? keysAt(schema, flat.path) : undefined), {
      ruleId: 'schema',
      severity: 'error',
      place: flat.code === 'unrecognized_keys' ? locate([...flat.path, flat.keys[0] ?? ''], true) : locate(flat.path, false)
    })
  }
}

/**
 * zod reports all the keys an object should not have in one issue; each is a mistake of its own,
 * reported at its own place, with the closest known key to it.
 */
export function eachKeyApart(issues: ReadonlyArray<z.core.$ZodIssue>): z.core.$ZodIssue[] {
  return issues.flatMap((issue) => (issue.code === 'unrecognized_keys' && issue.keys.length > 1 ? issue.keys.map((key) => ({...issue, keys: [key]})) : [issue]))
}

/** A union failure lists one error per branch; keep the branch that got furthest, as users expect one line. */
function collapseUnion(issue: z.core.$ZodIssue): z.core.$ZodIssue {
  if (issue.code !== 'invalid_union' || issue.errors.length === 0) return issue
  const branches = issue.errors.filter((branch) => branch.length > 0)
  const deepest = branches.reduce<z.core.$ZodIssue[] | undefined>((best, branch) => {
    const depth = Math.max(...branch.map((inner) => inner.path.length))
    const bestDepth = best ? Math.max(...best.map((inner) => inner.path.length)) : -1
    return depth > bestDepth ? branch : best
  }, undefined)
  const inner = deepest?.[0]
  if (!inner || inner.path.length === 0) return issue
  return collapseUnion({...inner, path: [...issue.path, ...inner.path]})
}

/** The issue of the one branch of a union (of unions) that did not refuse the value's type, if only one did not. */
function acceptedType(issue: z.core.$ZodIssue): z.core.$ZodIssue | undefined {
  if (issue.code === 'invalid_type') return undefined
  if (issue.code !== 'invalid_union') return issue
  const accepted = issue.errors.flatMap((branch) => {
    const found = branch.length === 1 ? acceptedType(branch[0]!) : undefined
    return found ? [found] : []
  })
  return accepted.length === 1 && issue.errors.length > 1 ? accepted[0] : undefined
}

/** Keys listed in a message about an unknown one; an object with more gets none listed. */
const MAX_LISTED = 16

/**
 * "Unexpected X at `path`, expected Y": one grammar for every schema message. `known`: the keys the
 * object may have, for an unrecognised one (the closest when one is close, else all of them).
 */
export function describeIssue(issue: z.core.$ZodIssue, label: string, known?: readonly string[]): string {
  const where = issue.path.length > 0 ? `\`${formatPath(issue.path)}\`` : label
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return `Missing ${where}, expected ${article(issue.expected)}`
      return `Unexpected ${kindOf(issue.input)} for ${where}, expected ${article(issue.expected)}`
    case 'invalid_value':
      return `Unexpected value ${JSON.stringify(issue.input)} for ${where}, expected ${issue.values.map((value) => JSON.stringify(value)).join(', ')}`
    case 'unrecognized_keys': {
      const unexpected = `Unexpected key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((key) => `\`${key}\``).join(', ')} in ${where}`
      if (!known || known.length === 0) return unexpected
      const close = issue.keys.length === 1 ? didYouMean(issue.keys[0]!, known) : ''
      if (close) return `${unexpected}, expected one of its keys${close}`
      // A source's hundred CSL variables are no list to read in a message.
      if (known.length > MAX_LISTED) return unexpected
      return `${unexpected}, expected ${known.length > 1 ? 'one of ' : ''}${known.map((key) => `\`${key}\``).join(', ')}`
    }
    case 'invalid_union': {
      if (issue.message !== 'Invalid input') return `Unexpected value for ${where}, expected ${issue.message}`
      // The one branch that took the value's type says what to write (`accessed: 15.01.2026`: a
      // date's ISO form), not the types every branch wanted (`a map`).
      const accepted = acceptedType(issue)
      if (accepted && accepted !== issue) return describeIssue({...accepted, path: [...issue.path, ...accepted.path], input: (issue as {input?: unknown}).input} as z.core.$ZodIssue, label, known)
      // zod's default says nothing: say what the branches wanted (`a string or a number`).
      const wanted = [...new Set(issue.errors.flatMap((branch) => branch.flatMap((inner) => (inner.code === 'invalid_type' && inner.path.length === 0 ? [inner.expected] : []))))]
      const input = (issue as {input?: unknown}).input
      return wanted.length > 0 ? `Unexpected ${input === undefined ? 'value' : kindOf(input)} for ${where}, expected ${wanted.map((type) => article(type)).join(' or ')}` : `Unexpected value for ${where}`
    }
    default: {
      // Most of our own messages say what is expected (`a date as YYYY…`): the value, then that.
      // zod's own say what is wrong (`Invalid …`), and some of ours say it whole (`… listed twice…, expected …`).
      const input = (issue as {input?: unknown}).input
      const shown = typeof input === 'string' || typeof input === 'number' ? ` \`${visible(String(input))}\`` : ''
      const expected = issue.message.replace(/^expected /u, '')
      if (!/^(?:Invalid|Too|Expected)\b/u.test(expected) && !/\bexpected\b/iu.test(expected)) return `Unexpected value${shown} for ${where}, expected ${expected}`
      return `Unexpected value for ${where}: ${issue.message}`
    }
  }
}

export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path
    .map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : `${index > 0 ? '.' : ''}${String(segment)}`))
    .join('')
}

function kindOf(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'list'
  if (typeof value === 'object') return 'map'
  return `${typeof value} ${JSON.stringify(value)}`
}

function article(expected: string): string {
  const names: Record<string, string> = {object: 'a map', array: 'a list', string: 'a string', number: 'a number', boolean: 'true or false'}
  return names[expected] ?? expected
}
