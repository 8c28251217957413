import type {Io} from './io.js'

const OFF = new Set(['off', '0', 'false', 'no'])
const ON = new Set(['', 'on', '1', 'true', 'yes'])

/**
 * A cache switch as understood (`RAPPORTEUR_CODE_CACHE`, `RAPPORTEUR_TREE_CACHE`,
 * `RAPPORTEUR_CITATION_CACHE`, `RAPPORTEUR_HYPHENATION_CACHE`, `RAPPORTEUR_LAYOUT_CACHE`): off (`off`, `0`,
 * `false`, `no`), on (unset, `on`, `1`, `true`, `yes`), or on with a warning naming the value and
 * the ones it takes, so that a misspelt `of` does not leave the cache on without a word.
 */
export function cacheSetting(variable: string, what: string, env: NodeJS.ProcessEnv = process.env): {on: boolean; warning?: string} {
  const value = env[variable]
  if (value === undefined) return {on: true}
  const setting = value.trim().toLowerCase()
  if (OFF.has(setting)) return {on: false}
  if (ON.has(setting)) return {on: true}
  return {on: true, warning: `rapporteur: ${variable}=${JSON.stringify(value)} is not understood, so the ${what} stays on; set it to \`off\` (or \`on\`).`}
}

/** Whether a command keeps Markdown trees in the cache folder (load/tree-cache.ts); a value not understood is said on stderr. */
export function treeCacheWanted(io: Pick<Io, 'env' | 'stderr'>): boolean {
  return wanted(io, 'RAPPORTEUR_TREE_CACHE', 'tree cache')
}

/** Whether a build keeps each edition's formatted citations in the cache folder (api/citation-store.ts); a value not understood is said on stderr. */
export function citationCacheWanted(io: Pick<Io, 'env' | 'stderr'>): boolean {
  return wanted(io, 'RAPPORTEUR_CITATION_CACHE', 'citation cache')
}

/** Whether a build keeps where the print's soft hyphens go in the cache folder (api/hyphenation-store.ts); a value not understood is said on stderr. */
export function hyphenationCacheWanted(io: Pick<Io, 'env' | 'stderr'>): boolean {
  return wanted(io, 'RAPPORTEUR_HYPHENATION_CACHE', 'hyphenation cache')
}

/** Whether a build keeps each edition's laid-out parts in the cache folder (api/layout-store.ts); a value not understood is said on stderr. */
export function layoutCacheWanted(io: Pick<Io, 'env' | 'stderr'>): boolean {
  return wanted(io, 'RAPPORTEUR_LAYOUT_CACHE', 'layout cache')
}

function wanted(io: Pick<Io, 'env' | 'stderr'>, variable: string, what: string): boolean {
  const {on, warning} = cacheSetting(variable, what, io.env)
  if (warning) io.stderr(`${warning}\n`)
  return on
}
