import {randomBytes} from 'node:crypto'
import {open, rename, rm} from 'node:fs/promises'
import path from 'node:path'

/**
 * Write `bytes` to `file` all at once: into a temporary file in the same folder (so the rename
 * stays on one file system and is atomic), flushed to disk, then renamed over `file`. A failure at
 * any point leaves the previous `file` as it was and removes the temporary one.
 */
export async function writeFileAtomic(file: string, bytes: Uint8Array): Promise<void> {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`)
  try {
    const handle = await open(temp, 'wx')
    try {
      await handle.writeFile(bytes)
      await handle.sync()
    } finally {
      await handle.close()
    }
    await rename(temp, file)
  } catch (error) {
    await rm(temp, {force: true}).catch(() => {})
    throw error
  }
}
