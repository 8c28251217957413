import {mkdir, rm, stat} from 'node:fs/promises'

/**
 * A lock held as a folder (mkdir is atomic on every file system): the second holder waits for the
 * first. One older than `staleMs` was left by a process that was killed, and is taken over.
 */
export async function withLock<T>(lock: string, work: () => Promise<T>, options: {timeoutMs?: number; staleMs?: number; what?: string} = {}): Promise<T> {
  const deadline = Date.now() + (options.timeoutMs ?? 30 * 60_000)
  for (;;) {
    try {
      await mkdir(lock)
      break
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const age = await stat(lock).then((info) => Date.now() - info.mtimeMs, () => 0)
      if (age > (options.staleMs ?? 30 * 60_000)) await rm(lock, {recursive: true, force: true})
      else if (Date.now() > deadline) throw new Error(`${options.what ?? 'another rapporteur'} has held ${lock} for too long`)
      else await new Promise((resolve) => setTimeout(resolve, 200))
    }
  }
  try {
    return await work()
  } finally {
    await rm(lock, {recursive: true, force: true})
  }
}
