import {execFile} from 'node:child_process'
import {mkdir, readFile, rm, stat, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {promisify} from 'node:util'

const run = promisify(execFile)

/**
 * `@sparticuz/chromium` unpacks its browser into the temp folder on first use and trusts any file
 * it finds there. Two builds starting at once both unpack (one fails with ETXTBSY), and one killed
 * while unpacking leaves a truncated browser every later build trusts. Here: one unpack at a time
 * across processes (a lock folder), and a browser is used only once it has answered `--version`;
 * one that does not is removed and unpacked again. The check is remembered by size and time.
 */
export async function bundledChromium(unpack: () => Promise<string>, options: {lockTimeoutMs?: number} = {}): Promise<string> {
  const temp = os.tmpdir()
  const lock = path.join(temp, 'rapporteur-chromium.lock')
  await acquire(lock, options.lockTimeoutMs ?? 180_000)
  try {
    const expected = path.join(temp, 'chromium')
    if (!(await verified(expected)) && (await exists(expected)) && !(await answers(expected))) await rm(expected, {force: true})
    const file = await unpack()
    if (!(await verified(file))) {
      if (!(await answers(file))) {
        await rm(file, {force: true})
        throw new Error(`the bundled Chromium at ${file} does not start; it was removed, run again to unpack it anew`)
      }
      const info = await stat(file)
      await writeFile(markerOf(file), JSON.stringify({size: info.size, mtimeMs: info.mtimeMs}))
    }
    return file
  } finally {
    await rm(lock, {recursive: true, force: true})
  }
}

const markerOf = (file: string) => `${file}.rapporteur-verified`

async function exists(file: string): Promise<boolean> {
  return stat(file).then(() => true, () => false)
}

/** Whether the browser at `file` was checked before, and is still that file. */
async function verified(file: string): Promise<boolean> {
  try {
    const marker = JSON.parse(await readFile(markerOf(file), 'utf8')) as {size: number; mtimeMs: number}
    const info = await stat(file)
    return marker.size === info.size && marker.mtimeMs === info.mtimeMs
  } catch {
    return false
  }
}

async function answers(file: string): Promise<boolean> {
  try {
    const {stdout} = await run(file, ['--version', '--no-sandbox', '--headless'], {timeout: 30_000})
    return /\d+\.\d+/u.test(stdout)
  } catch {
    return false
  }
}

/** A lock folder (mkdir is atomic); one older than ten minutes was left by a killed run. */
async function acquire(lock: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    try {
      await mkdir(lock)
      return
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const age = await stat(lock).then((info) => Date.now() - info.mtimeMs, () => 0)
      if (age > 10 * 60_000) await rm(lock, {recursive: true, force: true})
      else if (Date.now() > deadline) throw new Error(`another rapporteur has been unpacking Chromium for too long (${lock})`)
      else await new Promise((resolve) => setTimeout(resolve, 200))
    }
  }
}
