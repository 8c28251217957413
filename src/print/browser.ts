import {constants, mkdtempSync, rmSync} from 'node:fs'
import {createRequire} from 'node:module'
import {access, stat} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import puppeteer, {type Browser} from 'puppeteer-core'
import {CannotRunError} from '../load/cannot-run.js'
import {bundledChromium, unpackedChromium} from './bundled-chromium.js'

/** Where the browser executable came from, in the order they are tried. */
export type BrowserSource = 'option' | 'env' | 'npm' | 'system'

/** A browser executable and how it was found (`doctor` shows both). */
export interface ResolvedBrowser {
  executablePath: string
  source: BrowserSource
}

/** What resolveBrowser asks of the machine; tests pass a fake one. */
export interface BrowserProbe {
  /** True when `file` is an executable regular file. */
  isExecutable(file: string): Promise<boolean>
  /** The executable of the `@sparticuz/chromium` package, or undefined when it is not installed. */
  npmChromium(): Promise<string | undefined>
}

/** Well-known places of a system Chromium or Chrome, tried before the PATH. */
export const systemBrowserPaths = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable']
const systemBrowserNames = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']

const notFoundHint =
  'Pass one with `--browser PATH`, set PUPPETEER_EXECUTABLE_PATH, reinstall the bundled one with `npm i @sparticuz/chromium`, or install a system one (`apt-get install chromium`).'

/** The real machine: the file system and the optional `@sparticuz/chromium` package. */
export const nodeProbe: BrowserProbe = {
  async isExecutable(file) {
    try {
      await access(file, constants.X_OK)
      return (await stat(file)).isFile()
    } catch {
      return false
    }
  },
  async npmChromium() {
    // Unpacked and checked by an earlier run, and the package still installed (resolved, not loaded).
    const unpacked = await unpackedChromium()
    if (unpacked && resolvesPackage('@sparticuz/chromium')) return unpacked
    // A dynamic import: the package is large and optional for users who bring their own browser.
    let chromium: {executablePath(): Promise<string>}
    try {
      chromium = (await import('@sparticuz/chromium')).default
    } catch {
      return undefined
    }
    // Inflates the compressed binary into the temp folder on first use (~once per boot), one
    // process at a time, and never trusts a binary that does not start (bundled-chromium.ts).
    return bundledChromium(() => chromium.executablePath())
  }
}

const requireHere = createRequire(import.meta.url)

/** Whether a package can be found from here, without loading it. */
function resolvesPackage(name: string): boolean {
  try {
    requireHere.resolve(name)
    return true
  } catch {
    return false
  }
}

/**
 * Find a Chromium or Chrome: `--browser`, then PUPPETEER_EXECUTABLE_PATH, then the bundled
 * `@sparticuz/chromium`, then a system browser. A path the user named that is missing is an error,
 * not a reason to silently use another browser.
 */
export async function resolveBrowser(options: {explicit?: string; env: NodeJS.ProcessEnv; probe?: BrowserProbe}): Promise<ResolvedBrowser> {
  const probe = options.probe ?? nodeProbe
  if (options.explicit) {
    const file = path.resolve(options.explicit)
    if (await probe.isExecutable(file)) return {executablePath: file, source: 'option'}
    throw new CannotRunError(`Cannot find the browser \`${options.explicit}\` given with --browser`, `Check the path, or leave out --browser to use the bundled Chromium.`)
  }
  const fromEnv = options.env.PUPPETEER_EXECUTABLE_PATH
  if (fromEnv) {
    if (await probe.isExecutable(fromEnv)) return {executablePath: fromEnv, source: 'env'}
    throw new CannotRunError(`Cannot find the browser \`${fromEnv}\` named by PUPPETEER_EXECUTABLE_PATH`, 'Fix or unset PUPPETEER_EXECUTABLE_PATH.')
  }
  const bundled = await probe.npmChromium().catch(() => undefined)
  if (bundled && (await probe.isExecutable(bundled))) return {executablePath: bundled, source: 'npm'}
  const pathDirs = (options.env.PATH ?? '').split(path.delimiter).filter((dir) => path.isAbsolute(dir))
  const candidates = [...systemBrowserPaths, ...pathDirs.flatMap((dir) => systemBrowserNames.map((name) => path.join(dir, name)))]
  for (const file of candidates) if (await probe.isExecutable(file)) return {executablePath: file, source: 'system'}
  throw new CannotRunError('Cannot find a Chromium or Chrome browser', notFoundHint)
}

/**
 * Flags without which headless Chromium stalls on this kind of machine (background updaters and
 * GPU probing wait for a network or device that is not there). `--allow-file-access-from-files`
 * lets Paged.js read the document's own stylesheets over file://; the request allowlist in
 * paginate.ts keeps those reads inside the output folder.
 *
 * Unless `frames` is asked for, `--disable-threaded-compositing`: headless Chromium then draws no
 * frames at all, where each renderer otherwise draws the page on its compositor and raster threads
 * (and the GPU process composites it) all through Paged.js's layout, which nothing looks at. The
 * same PDFs, byte for byte (the sample, the 100-page benchmark project), for ~10 % less CPU and
 * less memory (bench/README.md, point 31). Without frames, `requestAnimationFrame`,
 * `requestIdleCallback` and ResizeObserver callbacks never run: our handlers drive Paged.js's queue
 * with their own tick (browser-side/handlers.ts), and Paged.js waits for fonts and images before
 * it lays out a page, which is what its resize observers would catch; stock Paged.js's queue
 * waits for frames, so the benchmark runs it with `frames`.
 */
export function browserArgs(isRoot: boolean, options: {frames?: boolean} = {}): string[] {
  const args = ['--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-gpu', '--allow-file-access-from-files']
  if (!options.frames) args.push('--disable-threaded-compositing')
  // Chromium refuses to start as root with its sandbox (containers, CI).
  if (isRoot) args.push('--no-sandbox')
  return args
}

/**
 * Puppeteer names the code behind each `evaluate` from the call site V8 records in an error's stack,
 * three frames up; with `node --stack-trace-limit=0` (or 1, 2; in NODE_OPTIONS, say) there is none,
 * and every page load failed with "Cannot read properties of undefined (reading 'toString')". The
 * limit is raised to V8's default then: rapporteur prints no stack traces to its users anyway.
 */
export function keepCallSites(): void {
  if (!(Error.stackTraceLimit >= 10)) Error.stackTraceLimit = 10
}

/**
 * Start the browser with a finite launch timeout; `browser.version()` names it for `doctor`.
 * The browser process is spawned within microtasks of the call, before the event loop turns
 * (build.ts counts on it to start the browser before `check` keeps this process busy): its
 * profile folder is made here, at once,
 * where puppeteer would make it after a round trip to the file system, and removed when the
 * browser process exits, as puppeteer removes the one it makes, or when this process does.
 */
export async function launchBrowser(resolved: ResolvedBrowser, options: {timeoutMs: number; frames?: boolean}): Promise<Browser> {
  keepCallSites()
  const profile = makeProfileFolder()
  try {
    const browser = await puppeteer.launch({
      executablePath: resolved.executablePath,
      headless: true,
      args: browserArgs(process.getuid?.() === 0, {frames: options.frames}),
      userDataDir: profile,
      // A pipe, not a WebSocket on a port: nothing listens on the network.
      pipe: true,
      timeout: options.timeoutMs,
      // Every protocol call is bounded too; renderPdf's own deadline is usually shorter.
      protocolTimeout: Math.max(options.timeoutMs, 180_000)
    })
    const folder = profile
    // Also when this process ends with the browser open (an uncaught error, Ctrl-C: puppeteer
    // kills the browser then), which would otherwise leave the folder in the temp folder.
    profilesInUse.add(folder)
    removeProfilesAtExit()
    // Synchronously, so that the folder is gone by the time `browser.close()` resolves.
    browser.process()?.once('exit', () => {
      profilesInUse.delete(folder)
      removeProfile(folder)
    })
    return browser
  } catch (error) {
    removeProfile(profile)
    throw new CannotRunError(
      `Cannot start the browser \`${resolved.executablePath}\` (${resolved.source}): ${(error as Error).message}`,
      'Try another browser with `--browser PATH`; `rapporteur doctor` shows which one is used.'
    )
  }
}

/** A new, empty profile folder in the temp folder; one that cannot be made is the temp folder's fault, not the browser's. */
function makeProfileFolder(): string {
  try {
    return mkdtempSync(path.join(os.tmpdir(), 'rapporteur-chromium-profile-'))
  } catch (error) {
    throw new CannotRunError(
      `Cannot make the browser's profile folder in the temp folder \`${os.tmpdir()}\`: ${(error as Error).message}`,
      'Set TMPDIR to a folder you can write to (or make room in this one).'
    )
  }
}

/** Profile folders of browsers still running, removed when this process exits: one listener for all of them. */
const profilesInUse = new Set<string>()
let removingAtExit = false

function removeProfilesAtExit(): void {
  if (removingAtExit) return
  removingAtExit = true
  process.on('exit', () => {
    for (const folder of profilesInUse) removeProfile(folder)
  })
}

function removeProfile(folder: string): void {
  try {
    rmSync(folder, {recursive: true, force: true, maxRetries: 2})
  } catch {
    // A profile left in the temp folder is not worth failing a build for.
  }
}
