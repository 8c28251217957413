import {execFile} from 'node:child_process'
import {readFile, rm, stat, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {promisify} from 'node:util'
import {withLock} from './lock.js'

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
  return withLock(path.join(temp, 'rapporteur-chromium.lock'), async () => {
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
  }, {timeoutMs: options.lockTimeoutMs ?? 180_000, staleMs: 10 * 60_000, what: 'another rapporteur unpacking Chromium'})
}

/**
 * The browser an earlier run unpacked and checked, when it is still that file: used as it is,
 * without loading `@sparticuz/chromium` or taking the lock (~30 ms before the browser's spawn,
 * on the sample build's longest path). Anything else goes through bundledChromium.
 */
export async function unpackedChromium(): Promise<string | undefined> {
  const file = path.join(os.tmpdir(), 'chromium')
  return (await verified(file)) ? file : undefined
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
