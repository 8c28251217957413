import {spawnSync} from 'node:child_process'
import {mkdir, readdir, readFile, stat, utimes, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {expect, test} from 'vitest'
import {CannotRunError} from '../../src/load/cannot-run.js'
import {withLock, type LockHolder} from '../../src/print/lock.js'
import {temporaryFolders} from '../helpers/temporary.js'

/** The folders the tests make, removed once they are done. */
const {temporary} = temporaryFolders()

/** A lock folder as another process leaves it: its holder file, touched `ageMs` ago. */
async function heldLock(holder: Partial<LockHolder> | undefined, ageMs = 0): Promise<string> {
  const dir = await temporary('rapporteur-lock-')
  const lock = path.join(dir, '.rapporteur-build.lock')
  await mkdir(lock)
  const when = new Date(Date.now() - ageMs)
  if (holder) {
    await writeFile(path.join(lock, 'holder.json'), JSON.stringify({host: os.hostname(), token: 'theirs', ...holder}))
    await utimes(path.join(lock, 'holder.json'), when, when)
  }
  await utimes(lock, when, when)
  return lock
}

/** The pid of a process that has exited (not reused within a test). */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {encoding: 'utf8'})
  return Number(child.stdout)
}

test('a lock left by a killed process on this machine is taken over at once, without waiting', async () => {
  const lock = await heldLock({pid: deadPid()})
  const waited: Array<LockHolder | undefined> = []
  // A timeout shorter than a poll: waiting at all would throw.
  const result = await withLock(lock, async () => {
    expect(JSON.parse(await readFile(path.join(lock, 'holder.json'), 'utf8'))).toMatchObject({pid: process.pid, host: os.hostname()})
    return 'built'
  }, {timeoutMs: 0, onWait: (holder) => waited.push(holder)})
  expect(result).toBe('built')
  expect(waited).toEqual([])
  expect(await readdir(path.dirname(lock))).toEqual([])
})

test('a lock held by a live process: said once with its pid, waited for, and Ctrl-C stops the wait leaving it in place', async () => {
  const lock = await heldLock({pid: process.pid})
  const waited: Array<LockHolder | undefined> = []
  const interrupted = new AbortController()
  let ran = false
  const waiting = withLock(lock, async () => void (ran = true), {
    signal: interrupted.signal,
    onWait: (holder) => {
      waited.push(holder)
      setTimeout(() => interrupted.abort(new Error('interrupted')), 500)
    }
  })
  await expect(waiting).rejects.toThrow('interrupted')
  expect(ran).toBe(false)
  expect(waited).toEqual([{pid: process.pid, host: os.hostname(), token: 'theirs'}])
  expect(JSON.parse(await readFile(path.join(lock, 'holder.json'), 'utf8')).token).toBe('theirs')
})

test('held too long: a CannotRunError naming the folder to delete, not a bare Error', async () => {
  const lock = await heldLock({pid: process.pid})
  const error = await withLock(lock, async () => {}, {timeoutMs: 300, what: 'another build into this output folder'}).catch((caught: unknown) => caught)
  expect(error).toBeInstanceOf(CannotRunError)
  expect((error as CannotRunError).message).toContain(`another build into this output folder (process ${process.pid} on ${os.hostname()})`)
  expect((error as CannotRunError).hint).toContain(`delete the folder \`${lock}\``)
})

test('a holder on another machine is trusted while it touches the lock, taken over once it stops', async () => {
  const fresh = await heldLock({pid: 1, host: 'another-machine'}, 1_000)
  await expect(withLock(fresh, async () => 'built', {timeoutMs: 300, staleMs: 60_000})).rejects.toBeInstanceOf(CannotRunError)
  const stale = await heldLock({pid: 1, host: 'another-machine'}, 120_000)
  expect(await withLock(stale, async () => 'built', {timeoutMs: 0, staleMs: 60_000})).toBe('built')
})

test('a lock folder with no holder file: given a few seconds to be named, then taken over', async () => {
  const young = await heldLock(undefined)
  await expect(withLock(young, async () => 'built', {timeoutMs: 300})).rejects.toBeInstanceOf(CannotRunError)
  const old = await heldLock(undefined, 60_000)
  expect(await withLock(old, async () => 'built', {timeoutMs: 0})).toBe('built')
})

test('the holder keeps its lock fresh while it works, and releases only its own', async () => {
  const dir = await temporary('rapporteur-lock-')
  const lock = path.join(dir, 'out.lock')
  await withLock(lock, async () => {
    const file = path.join(lock, 'holder.json')
    const old = new Date(Date.now() - 60_000)
    await utimes(file, old, old)
    await new Promise((resolve) => setTimeout(resolve, 1_500))
    expect(Date.now() - (await stat(file)).mtimeMs).toBeLessThan(30_000)
  }, {staleMs: 4_000})
  expect(await readdir(dir)).toEqual([])
  // Taken over while held (the holder was judged gone): the new holder's lock stays.
  await withLock(lock, async () => {
    await writeFile(path.join(lock, 'holder.json'), JSON.stringify({pid: process.pid, host: os.hostname(), token: 'next holder'}))
  })
  expect(JSON.parse(await readFile(path.join(lock, 'holder.json'), 'utf8')).token).toBe('next holder')
})

test('processes finding one dead lock at once: each works in turn, never two together (12 rounds)', async () => {
  for (let round = 0; round < 12; round++) {
    const lock = await heldLock({pid: deadPid()})
    let running = 0
    let most = 0
    const done: number[] = []
    await Promise.all(
      [0, 1, 2, 3].map((index) =>
        withLock(lock, async () => {
          most = Math.max(most, ++running)
          await new Promise((resolve) => setTimeout(resolve, 5))
          running--
          done.push(index)
        })
      )
    )
    expect(most, `round ${round}`).toBe(1)
    expect(done.sort()).toEqual([0, 1, 2, 3])
    expect(await readdir(path.dirname(lock))).toEqual([])
  }
}, 60_000)
