import {randomUUID} from 'node:crypto'
import {mkdir, readFile, rm, stat, utimes, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {CannotRunError} from '../load/cannot-run.js'

/** Who holds a lock: written into the lock folder by the process that made it. */
export interface LockHolder {
  pid: number
  host: string
  /** Unique to one holding: a lock is released only by its own holder. */
  token: string
}

export interface LockOptions {
  /** Give up waiting after this long (CannotRunError naming the lock). Default 30 minutes. */
  timeoutMs?: number
  /** A holder that has not refreshed its lock for this long is gone (another machine, a reused pid). */
  staleMs?: number
  /** Who holds it, for the messages: "another build into this output folder". */
  what?: string
  /** Stop waiting (Ctrl-C): throws the signal's reason. */
  signal?: AbortSignal
  /** Told once, when the lock is found held by a live process: the caller says it is waiting. */
  onWait?: (holder: LockHolder | undefined) => void
}

const HOLDER_FILE = 'holder.json'
/** A lock folder without its holder file this long after it was made was left by a process killed in between. */
const UNNAMED_GRACE_MS = 10_000
const POLL_MS = 200

/**
 * A lock held as a folder (mkdir is atomic on every file system): the second holder waits for the
 * first. The holder writes its pid, machine and a token into the folder and touches it while it
 * works, so that a lock left by a killed process is taken over at once (its pid is gone from this
 * machine) or once it goes stale (another machine, or a pid reused), instead of every later build
 * waiting half an hour without a word.
 */
export async function withLock<T>(lock: string, work: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  const holder = await acquire(lock, options)
  const staleMs = options.staleMs ?? 2 * 60_000
  const heartbeat = setInterval(() => void utimes(path.join(lock, HOLDER_FILE), new Date(), new Date()).catch(() => {}), Math.max(1_000, staleMs / 4))
  heartbeat.unref()
  try {
    return await work()
  } finally {
    clearInterval(heartbeat)
    await release(lock, holder)
  }
}

async function acquire(lock: string, options: LockOptions): Promise<LockHolder> {
  const deadline = Date.now() + (options.timeoutMs ?? 30 * 60_000)
  const staleMs = options.staleMs ?? 2 * 60_000
  let told = false
  for (;;) {
    options.signal?.throwIfAborted()
    try {
      await mkdir(lock)
      const holder: LockHolder = {pid: process.pid, host: os.hostname(), token: randomUUID()}
      await writeFile(path.join(lock, HOLDER_FILE), JSON.stringify(holder))
      return holder
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
    const found = await readHolder(lock)
    // Released between the two looks: try again at once, without saying there is a wait.
    if (!found.exists) continue
    if (isGone(found, staleMs)) {
      await takeOver(lock, found.holder, staleMs)
      continue
    }
    if (!told) {
      told = true
      options.onWait?.(found.holder)
    }
    if (Date.now() > deadline) {
      const who = found.holder ? ` (process ${found.holder.pid} on ${found.holder.host})` : ''
      throw new CannotRunError(`Cannot take the lock \`${lock}\`: ${options.what ?? 'another rapporteur'}${who} has held it for too long`, `If no other rapporteur is running, delete the folder \`${lock}\` and run again.`)
    }
    await sleep(POLL_MS, options.signal)
  }
}

type Found = {exists: boolean; holder: LockHolder | undefined; ageMs: number}

/** Whether the lock is there, its holder, and how long since the holder last touched it (0 when the lock is gone). */
async function readHolder(lock: string): Promise<Found> {
  const file = path.join(lock, HOLDER_FILE)
  const touched = await stat(file).catch(() => stat(lock)).catch(() => undefined)
  const found = {exists: touched !== undefined, ageMs: touched ? Date.now() - touched.mtimeMs : 0}
  try {
    const value = JSON.parse(await readFile(file, 'utf8')) as Partial<LockHolder>
    if (Number.isInteger(value.pid) && typeof value.host === 'string' && typeof value.token === 'string') return {...found, holder: value as LockHolder}
  } catch {
    // Not written yet, or by an older rapporteur: judged by its age alone.
  }
  return {...found, holder: undefined}
}

function isGone(found: Found, staleMs: number): boolean {
  if (found.holder === undefined) return found.ageMs > Math.min(UNNAMED_GRACE_MS, staleMs)
  if (found.holder.host === os.hostname() && !isAlive(found.holder.pid)) return true
  return found.ageMs > staleMs
}

/** Whether a process with this pid runs on this machine (EPERM: it does, as another user). */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Remove a lock whose holder is gone, under a second lock folder: the holder is read again there,
 * so that of the processes finding one dead lock at once, one removes it, and none removes the
 * lock another has just made in its place. A guard left by a process killed in that instant goes
 * stale like an unnamed lock.
 */
async function takeOver(lock: string, gone: LockHolder | undefined, staleMs: number): Promise<void> {
  const guard = `${lock}.takeover`
  try {
    await mkdir(guard)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    const age = await stat(guard).then((info) => Date.now() - info.mtimeMs, () => 0)
    if (age > UNNAMED_GRACE_MS) await rm(guard, {recursive: true, force: true})
    return
  }
  try {
    const now = await readHolder(lock)
    if (now.holder?.token === gone?.token && isGone(now, staleMs)) await rm(lock, {recursive: true, force: true})
  } finally {
    await rm(guard, {recursive: true, force: true})
  }
}

/** Release a lock this process holds; one taken over from it in the meantime is left to its new holder. */
async function release(lock: string, holder: LockHolder): Promise<void> {
  if ((await readHolder(lock)).holder?.token === holder.token) await rm(lock, {recursive: true, force: true})
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = () => {
      signal?.removeEventListener('abort', stop)
      resolve()
    }
    const timer = setTimeout(done, ms)
    const stop = () => {
      clearTimeout(timer)
      reject(signal!.reason)
    }
    signal?.addEventListener('abort', stop, {once: true})
  })
}
