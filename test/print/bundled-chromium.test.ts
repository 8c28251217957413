import {execFileSync} from 'node:child_process'
import {existsSync} from 'node:fs'
import {mkdtemp, rm, stat, utimes, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {afterEach, describe, expect, test} from 'vitest'
import {nodeProbe} from '../../src/print/browser.js'
import {unpackedChromium} from '../../src/print/bundled-chromium.js'

/**
 * The bundled Chromium unpacks into the temp folder: builds started at once on a fresh machine
 * must both get a browser that starts, and a truncated one (a killed unpack) must be replaced.
 * Each test uses a temp folder of its own (TMPDIR), so the unpack really happens.
 */
const hasBundled = existsSync(path.join(import.meta.dirname, '../../node_modules/@sparticuz/chromium'))
const saved = process.env.TMPDIR
const made: string[] = []
afterEach(async () => {
  if (saved === undefined) delete process.env.TMPDIR
  else process.env.TMPDIR = saved
  await Promise.all(made.splice(0).map((dir) => rm(dir, {recursive: true, force: true})))
})

async function freshTemp(): Promise<string> {
  const dir = await mkdtemp(path.join(saved ?? os.tmpdir(), 'rapporteur-tmpdir-'))
  made.push(dir)
  process.env.TMPDIR = dir
  return dir
}

const starts = (file: string) => /\d+\.\d+/u.test(execFileSync(file, ['--version', '--no-sandbox', '--headless'], {encoding: 'utf8', timeout: 30_000}))

describe.skipIf(!hasBundled)('the bundled Chromium', () => {
  // UNPACK_TRIES=10 for the long form (npm run fuzz runs it).
  const tries = Number(process.env.UNPACK_TRIES ?? 3)
  test(`two unpacks at once on a fresh machine both get a browser that starts (${tries} tries)`, async () => {
    for (let attempt = 0; attempt < tries; attempt++) {
      const temp = await freshTemp()
      const [one, other] = await Promise.all([nodeProbe.npmChromium(), nodeProbe.npmChromium()])
      expect(one).toBe(path.join(temp, 'chromium'))
      expect(other).toBe(one)
      expect(starts(one!)).toBe(true)
    }
  }, 30_000 * tries)

  test('a browser unpacked and checked before is used as it is, until the file changes', async () => {
    const temp = await freshTemp()
    expect(await unpackedChromium()).toBeUndefined()
    const file = await nodeProbe.npmChromium()
    expect(await unpackedChromium()).toBe(path.join(temp, 'chromium'))
    expect(await nodeProbe.npmChromium()).toBe(file)
    // Another file in its place (a newer unpack, a copy): checked again before it is used.
    await utimes(file!, new Date(), new Date(Date.now() - 60_000))
    expect(await unpackedChromium()).toBeUndefined()
    expect(await nodeProbe.npmChromium()).toBe(file)
    expect(await unpackedChromium()).toBe(file)
  }, 120_000)

  test('a truncated browser left by a killed unpack is replaced, not trusted', async () => {
    const temp = await freshTemp()
    await writeFile(path.join(temp, 'chromium'), Buffer.alloc(4096), {mode: 0o755})
    const file = await nodeProbe.npmChromium()
    expect(file).toBe(path.join(temp, 'chromium'))
    expect((await stat(file!)).size).toBeGreaterThan(10_000_000)
    expect(starts(file!)).toBe(true)
  }, 120_000)
})
