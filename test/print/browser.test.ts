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

  test('an explicit path that does not exist is a CannotRunError naming it', async () => {
    await expect(resolveBrowser({explicit: '/definitely/not/chrome', env: {}})).rejects.toThrow(/`\/definitely\/not\/chrome`/)
  })

  test('adds --no-sandbox only for root', () => {
    expect(browserArgs(true)).toContain('--no-sandbox')
    expect(browserArgs(false)).not.toContain('--no-sandbox')
    expect(browserArgs(false)).toEqual(expect.arrayContaining(['--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-gpu']))
  })
})
