import os from 'node:os'
import path from 'node:path'

/** Where rapporteur keeps what it can make again (archived texts, compiled code): `RAPPORTEUR_CACHE`, else `~/.cache/rapporteur`. */
export function cacheRoot(env: NodeJS.ProcessEnv = process.env): string {
  return env.RAPPORTEUR_CACHE ?? path.join(env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'rapporteur')
}
