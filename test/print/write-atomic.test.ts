import {mkdtemp, readdir, readFile, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterEach, beforeEach, expect, test, vi} from 'vitest'
import {writeFileAtomic} from '../../src/print/write-atomic.js'

// Failures are injected into node:fs/promises; everything else is the real file system.
const fail = vi.hoisted(() => ({rename: false, write: false}))
vi.mock('node:fs/promises', async (original) => {
  const real = await original<typeof import('node:fs/promises')>()
  return {
    ...real,
    rename: (from: string, to: string) => (fail.rename ? Promise.reject(new Error('EXDEV: injected rename failure')) : real.rename(from, to)),
    open: async (...args: Parameters<typeof real.open>) => {
      const handle = await real.open(...args)
      if (!fail.write) return handle
      // Write half, then fail, as a full disk would.
      return Object.assign(Object.create(handle) as typeof handle, {
        writeFile: async (bytes: Uint8Array) => {
          await handle.write(bytes.subarray(0, bytes.length / 2))
          throw new Error('ENOSPC: injected write failure')
        },
        close: () => handle.close()
      })
    }
  }
})

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'rapporteur-atomic-'))
  fail.rename = fail.write = false
})
afterEach(() => rm(dir, {recursive: true, force: true}))

test('writes a new file and replaces an old one', async () => {
  const file = path.join(dir, 'report.pdf')
  await writeFileAtomic(file, new TextEncoder().encode('first'))
  await writeFileAtomic(file, new TextEncoder().encode('second'))
  expect(await readFile(file, 'utf8')).toBe('second')
  expect(await readdir(dir)).toEqual(['report.pdf'])
})

test.each([
  ['the rename', 'rename'],
  ['the write', 'write']
] as const)('a failure in %s leaves the previous file intact and no temporary file', async (_, step) => {
  const file = path.join(dir, 'report.pdf')
  await writeFile(file, 'previous build')
  fail[step] = true
  await expect(writeFileAtomic(file, new TextEncoder().encode('a new, longer build that fails'))).rejects.toThrow(/injected/)
  expect(await readFile(file, 'utf8')).toBe('previous build')
  expect(await readdir(dir)).toEqual(['report.pdf'])
})
