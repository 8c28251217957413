import {spawnSync} from 'node:child_process'
import {mkdtempSync, readdirSync, readFileSync, rmSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {describe, expect, test} from 'vitest'
import {CannotRunError} from '../../src/load/cannot-run.js'
import {browserArgs, launchBrowser, resolveBrowser, type BrowserProbe} from '../../src/print/browser.js'

/** A machine with exactly these executables and, optionally, the npm Chromium. */
function fakeMachine(executables: string[], npm?: string): BrowserProbe {
  return {
    isExecutable: async (file) => executables.includes(file),
    npmChromium: async () => npm
  }
}

describe('resolveBrowser', () => {
  const everything = fakeMachine(['/opt/mine/chrome', '/env/chrome', '/tmp/chromium', '/usr/bin/chromium'], '/tmp/chromium')

  test('prefers --browser, then PUPPETEER_EXECUTABLE_PATH, then npm, then the system', async () => {
    const env = {PUPPETEER_EXECUTABLE_PATH: '/env/chrome'}
    expect(await resolveBrowser({explicit: '/opt/mine/chrome', env, probe: everything})).toEqual({executablePath: '/opt/mine/chrome', source: 'option'})
    expect(await resolveBrowser({env, probe: everything})).toEqual({executablePath: '/env/chrome', source: 'env'})
    expect(await resolveBrowser({env: {}, probe: everything})).toEqual({executablePath: '/tmp/chromium', source: 'npm'})
    expect(await resolveBrowser({env: {}, probe: fakeMachine(['/usr/bin/chromium'])})).toEqual({executablePath: '/usr/bin/chromium', source: 'system'})
  })

  test('finds a system browser on the PATH after the well-known places', async () => {
    const probe = fakeMachine(['/home/me/bin/google-chrome-stable'])
    expect(await resolveBrowser({env: {PATH: '/nowhere:/home/me/bin'}, probe})).toEqual({executablePath: '/home/me/bin/google-chrome-stable', source: 'system'})
    const both = fakeMachine(['/home/me/bin/chromium', '/usr/bin/google-chrome'])
    expect((await resolveBrowser({env: {PATH: '/home/me/bin'}, probe: both})).executablePath).toBe('/usr/bin/google-chrome')
  })

  test('skips the npm package when it fails to give a browser', async () => {
    const probe: BrowserProbe = {isExecutable: async (file) => file === '/usr/bin/chromium-browser', npmChromium: () => Promise.reject(new Error('unsupported platform'))}
    expect(await resolveBrowser({env: {}, probe})).toEqual({executablePath: '/usr/bin/chromium-browser', source: 'system'})
  })

  test('says how to get a browser when there is none', async () => {
    const error = await resolveBrowser({env: {PATH: '/usr/local/bin'}, probe: fakeMachine([])}).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(CannotRunError)
    expect((error as CannotRunError).message).toBe('Cannot find a Chromium or Chrome browser')
    for (const fix of ['--browser PATH', 'PUPPETEER_EXECUTABLE_PATH', 'npm i @sparticuz/chromium', 'apt-get install chromium']) {
      expect((error as CannotRunError).hint).toContain(fix)
    }
  })

  test('never falls back when the browser the user named is missing', async () => {
    const error = await resolveBrowser({explicit: '/opt/typo/chrome', env: {}, probe: everything}).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(CannotRunError)
    expect((error as CannotRunError).message).toBe('Cannot find the browser `/opt/typo/chrome` given with --browser')
    await expect(resolveBrowser({env: {PUPPETEER_EXECUTABLE_PATH: '/env/typo'}, probe: everything})).rejects.toThrow(/`\/env\/typo` named by PUPPETEER_EXECUTABLE_PATH/)
  })
})

describe('the real machine', () => {
  test('resolves a browser that launches and names its version', async () => {
    // No skip: @sparticuz/chromium is a dependency, so a browser must always be found.
    const resolved = await resolveBrowser({env: {...process.env, PUPPETEER_EXECUTABLE_PATH: ''}})
    const browser = await launchBrowser(resolved, {timeoutMs: 30_000})
    try {
      expect(await browser.version()).toMatch(/Chrom/)
    } finally {
      await browser.close()
    }
  })

  test('prints with stack traces turned off (node --stack-trace-limit=0), which puppeteer reads its call sites from', async () => {
    const resolved = await resolveBrowser({env: process.env})
    const limit = Error.stackTraceLimit
    Error.stackTraceLimit = 0
    try {
      const browser = await launchBrowser(resolved, {timeoutMs: 30_000})
      try {
        const page = await browser.newPage()
        await page.setContent('<p>un deux</p>')
        expect(await page.evaluate(() => document.querySelector('p')?.textContent)).toBe('un deux')
        expect(Error.stackTraceLimit).toBe(10)
      } finally {
        await browser.close()
      }
    } finally {
      Error.stackTraceLimit = limit
    }
  })

  /**
   * Runs `work` with the temp folder (os.tmpdir(), read from TMPDIR at each call) a fresh one of
   * its own, so that other test files launching browsers meanwhile do not put folders in it; the
   * browser is resolved before, where the bundled one was unpacked.
   */
  async function inOwnTempFolder<T>(work: (profiles: () => string[], temp: string) => Promise<T>): Promise<T> {
    const temp = mkdtempSync(path.join(os.tmpdir(), 'rapporteur-browser-test-'))
    const saved = process.env.TMPDIR
    process.env.TMPDIR = temp
    try {
      return await work(() => readdirSync(temp).filter((name) => name.startsWith('rapporteur-chromium-profile-')), temp)
    } finally {
      if (saved === undefined) delete process.env.TMPDIR
      else process.env.TMPDIR = saved
      rmSync(temp, {recursive: true, force: true})
    }
  }

  test('spawns the browser before its launch lets the event loop turn, in a profile folder removed when it closes or fails', async () => {
    const resolved = await resolveBrowser({env: process.env})
    await inOwnTempFolder(async (profiles, temp) => {
      const launching = launchBrowser(resolved, {timeoutMs: 30_000})
      // Microtasks only: build() starts check, whose long synchronous stretches hold up any I/O
      // callback, once the launch is under way (build.ts), and counts on the browser running by then.
      for (let turn = 0; turn < 20; turn++) await Promise.resolve()
      const [profile] = profiles()
      expect(profile).toBeDefined()
      const running = readdirSync('/proc').filter((pid) => /^\d+$/.test(pid)).filter((pid) => {
        try {
          return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(path.join(temp, profile!))
        } catch {
          return false
        }
      })
      expect(running.length).toBeGreaterThan(0)
      const browser = await launching
      await browser.close()
      expect(profiles()).toEqual([])
      // A browser that cannot start leaves no profile folder either.
      await expect(launchBrowser({executablePath: '/bin/false', source: 'option'}, {timeoutMs: 10_000})).rejects.toThrow(CannotRunError)
      expect(profiles()).toEqual([])
    })
  })

  test('a temp folder it cannot write to is named, with how to fix it, not blamed on the browser', async () => {
    const resolved = await resolveBrowser({env: process.env})
    const saved = process.env.TMPDIR
    process.env.TMPDIR = '/nonexistent/rapporteur-temp'
    try {
      const error = await launchBrowser(resolved, {timeoutMs: 10_000}).catch((caught: unknown) => caught)
      expect(error).toBeInstanceOf(CannotRunError)
      expect((error as CannotRunError).message).toMatch(/^Cannot make the browser's profile folder in the temp folder `\/nonexistent\/rapporteur-temp`: ENOENT/u)
      expect((error as CannotRunError).hint).toBe('Set TMPDIR to a folder you can write to (or make room in this one).')
    } finally {
      if (saved === undefined) delete process.env.TMPDIR
      else process.env.TMPDIR = saved
    }
  })

  test('a process that ends with its browser still open leaves no profile folder', async () => {
    // The compiled module, in a process of its own that dies of an uncaught error (as the CLI's tests use dist/).
    const module = pathToFileURL(path.join(import.meta.dirname, '../../dist/print/browser.js')).href
    const resolved = await resolveBrowser({env: process.env})
    await inOwnTempFolder(async (profiles, temp) => {
      const script = `import {launchBrowser} from ${JSON.stringify(module)}
await launchBrowser(${JSON.stringify(resolved)}, {timeoutMs: 30000})
throw new Error('ended with the browser open')`
      const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], {encoding: 'utf8', timeout: 60_000, env: {...process.env, TMPDIR: temp}})
      expect(result.stderr).toContain('ended with the browser open')
      expect(result.status).toBe(1)
      expect(profiles()).toEqual([])
    })
  })

  test('an explicit path that does not exist is a CannotRunError naming it', async () => {
    await expect(resolveBrowser({explicit: '/definitely/not/chrome', env: {}})).rejects.toThrow(/`\/definitely\/not\/chrome`/)
  })

  test('adds --no-sandbox only for root', () => {
    expect(browserArgs(true)).toContain('--no-sandbox')
    expect(browserArgs(false)).not.toContain('--no-sandbox')
    expect(browserArgs(false)).toEqual(expect.arrayContaining(['--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-gpu', '--disable-threaded-compositing']))
    expect(browserArgs(false, {frames: true})).not.toContain('--disable-threaded-compositing')
  })

  test('the print browser draws no frames; one launched with `frames` does (stock Paged.js and readers need them)', async () => {
    const resolved = await resolveBrowser({env: process.env})
    const frameWithin = async (frames: boolean) => {
      const browser = await launchBrowser(resolved, {timeoutMs: 30_000, frames})
      try {
        const [page] = await browser.pages()
        await page!.setContent('<p>Frames?</p>')
        return await page!.evaluate(() => Promise.race([new Promise((resolve) => requestAnimationFrame(() => resolve('frame'))), new Promise((resolve) => setTimeout(() => resolve('none'), 1500))]))
      } finally {
        await browser.close()
      }
    }
    expect(await frameWithin(false)).toBe('none')
    expect(await frameWithin(true)).toBe('frame')
  })
})
