import type {Position} from 'unist'
import type {z} from 'zod'
import {positionOfPath, UNREADABLE, type YamlSource} from '../../parse/yaml.js'
import {describeIssue, eachKeyApart} from '../zod-issues.js'
import {keysAt} from '../schema-keys.js'
import {validationOptions} from '../validation-options.js'
import type {Entry, SchemaProblem} from '../types.js'

/** Map a data path (index, field) to where it is written in the registry file. */
export type PlaceOf = (path: ReadonlyArray<PropertyKey>, keyOnly?: boolean) => Position

/**
 * Validate a registry (a list of entries) one entry at a time, so that one bad entry is reported
 * and skipped rather than losing the whole registry. Ids must be unique (reported by `duplicate-id`).
 */
export function validateEntries<T extends {id: string}>(
  items: unknown,
  schema: z.ZodType<T>,
  file: string,
  placeOf: PlaceOf,
  problems: SchemaProblem[],
  /** Ids of entries that failed validation, so later findings can say why a key is missing. */
  rejected: string[] = [],
  /**
   * The name the file gives a field of an entry (`date` for CSL's `issued` in BibTeX), for the
   * messages to name it as the writer spelled it; undefined: the schema's name.
   */
  spelled: (index: number, field: string) => string | undefined = () => undefined
): Array<Entry<T>> {
  if (!Array.isArray(items)) {
    if (items !== undefined && items !== null) problems.push({file, position: placeOf([]), message: 'Unexpected map or value at the top of the file, expected a list of entries'})
    return []
  }
  const entries: Array<Entry<T>> = []
  const options = validationOptions(items.length)
  items.forEach((item: unknown, index) => {
    // An entry a YAML syntax error falls in: that error is its finding (parse/yaml.ts, readableEntries).
    if (item === UNREADABLE) return
    const result = schema.safeParse(item, options)
    if (!result.success) {
      for (const issue of eachKeyApart(result.error.issues)) {
        const unknownKey = issue.code === 'unrecognized_keys'
        const path = unknownKey ? [...issue.path, issue.keys[0] ?? ''] : issue.path
        const id = (item as {id?: unknown} | null)?.id
        if (typeof id === 'string') rejected.push(id)
        const label = typeof id === 'string' ? `entry \`${id}\`` : `entry ${index + 1}`
        // An unknown key's message already names the entry when the key is at its top level.
        const named = path.length === 0 || (unknownKey && issue.path.length === 0)
        const written = typeof issue.path[0] === 'string' ? spelled(index, issue.path[0]) : undefined
        const message = describeIssue(written ? {...issue, path: [written, ...issue.path.slice(1)]} : issue, label, unknownKey ? keysAt(schema, issue.path) : undefined)
        problems.push({file, position: placeOf([index, ...path], unknownKey), message: named ? message : `${message} in ${label}`})
      }
      return
    }
    const fields: Entry<T>['fields'] = {}
    for (const key of Object.keys(item as object)) (fields as Record<string, Position>)[key] = placeOf([index, key])
    entries.push({file, position: placeOf([index]), value: result.data, fields})
  })
  return entries
}

/** `placeOf` for a YAML (or JSON) registry. */
export function yamlPlaces(source: YamlSource, rename: Record<string, string> = {}): PlaceOf {
  return (path, keyOnly = false) => positionOfPath(source, path.map((segment) => (typeof segment === 'string' ? (rename[segment] ?? segment) : segment)), keyOnly)
}
