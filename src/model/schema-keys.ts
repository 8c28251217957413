import type {z} from 'zod'

/** The parts of zod 4's schema definitions this reads. */
interface Def {
  type: string
  innerType?: z.ZodType
  in?: z.ZodType
  shape?: Record<string, z.ZodType>
  element?: z.ZodType
  valueType?: z.ZodType
  options?: z.ZodType[]
}

const defOf = (schema: z.ZodType | undefined): Def | undefined => (schema as {_zod?: {def?: Def}} | undefined)?._zod?.def

/** Wrappers that hold the schema that matters: optional, default, nullable, a pipe's input… */
function unwrap(schema: z.ZodType | undefined): z.ZodType | undefined {
  let at = schema
  for (let depth = 0; depth < 20; depth++) {
    const def = defOf(at)
    if (def?.innerType) at = def.innerType
    else if (def?.type === 'pipe' && def.in) at = def.in
    else return at
  }
  return at
}

/**
 * The keys an object of `schema` may have at `path` (a zod issue's path), for a message that says
 * what was expected; none when the path leads to no object. Unions give the keys of all their
 * objects.
 */
export function keysAt(schema: z.ZodType, path: ReadonlyArray<PropertyKey>): string[] {
  const found = new Set<string>()
  const walk = (at: z.ZodType | undefined, rest: ReadonlyArray<PropertyKey>) => {
    const def = defOf(unwrap(at))
    if (!def) return
    if (def.type === 'union') return def.options?.forEach((option) => walk(option, rest))
    if (rest.length === 0) {
      if (def.type === 'object') for (const key of Object.keys(def.shape ?? {})) found.add(key)
      return
    }
    const [segment, ...after] = rest
    if (def.type === 'object') walk(def.shape?.[String(segment)], after)
    else if (def.type === 'array') walk(def.element, after)
    else if (def.type === 'record') walk(def.valueType, after)
  }
  walk(schema, path)
  return [...found]
}
