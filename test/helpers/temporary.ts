import {mkdtemp, rm} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {afterAll} from 'vitest'

/**
 * Temporary folders for one test file, removed after its tests: `temporary(prefix)` makes one,
 * `keep(dir)` adds a folder made elsewhere (a project written by writeProject).
 */
export function temporaryFolders(): {temporary: (prefix: string) => Promise<string>; keep: (dir: string) => string} {
  const made: string[] = []
  afterAll(async () => Promise.all(made.map((dir) => rm(dir, {recursive: true, force: true}))))
  const keep = (dir: string) => {
    made.push(dir)
    return dir
  }
  return {temporary: async (prefix) => keep(await mkdtemp(path.join(os.tmpdir(), prefix))), keep}
}
