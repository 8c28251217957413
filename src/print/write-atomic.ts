import {randomBytes} from 'node:crypto'
import {open, rename, rm} from 'node:fs/promises'
import path from 'node:path'

/**
 * Write `bytes` to `file` all at once: into a temporary file in the same folder (so the rename
 * stays on one file system and is atomic), flushed to disk, then renamed over `file`. A failure at
 * any point leaves the previous `file` as it was and removes the temporary one.
 */
export async function writeFileAtomic(file: string, bytes: Uint8Array): Promise<void> {
  const staged = new StagedWrites()
  try {
    await staged.stage(file, bytes)
    await staged.commit()
  } finally {
    await staged.discard()
  }
}

/**
 * Outputs written together or not at all: each is staged in a temporary file beside its final
 * name, and only once every one is staged are they renamed into place. An interrupted or failed
 * build removes what it staged and leaves every previous output of every edition as it was.
 */
export class StagedWrites {
  private readonly staged: Array<{temp: string; file: string}> = []

  async stage(file: string, bytes: Uint8Array): Promise<void> {
    const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`)
    this.staged.push({temp, file})
    const handle = await open(temp, 'wx')
    try {
      await handle.writeFile(bytes)
      await handle.sync()
    } finally {
      await handle.close()
    }
  }

  /** Put everything staged in place (renames only: no write can fail half-way any more). */
  async commit(): Promise<void> {
    while (this.staged.length > 0) {
      const {temp, file} = this.staged[0]!
      await rename(temp, file)
      this.staged.shift()
    }
  }

  /** Remove what was staged and not committed. */
  async discard(): Promise<void> {
    await Promise.all(this.staged.splice(0).map(({temp}) => rm(temp, {force: true}).catch(() => {})))
  }
}
