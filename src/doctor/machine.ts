import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {CannotRunError} from '../load/cannot-run.js'
import {packageRoot} from '../load/theme.js'
import {launchBrowser, resolveBrowser, type BrowserProbe, type ResolvedBrowser} from '../print/browser.js'
import {fail, ok, skip, type DoctorLine} from './line.js'

/** The oldest Node.js rapporteur runs on, from package.json's `engines.node` (`>=20.19`) so the two never disagree. */
export async function minimumNode(): Promise<string> {
  const manifest = JSON.parse(await readFile(path.join(packageRoot, 'package.json'), 'utf8')) as {engines?: {node?: string}}
  return /(\d+(?:\.\d+){0,2})/u.exec(manifest.engines?.node ?? '')?.[1] ?? '20.19'
}

/** `a` ≥ `b`, comparing dotted version numbers part by part (`20.9` < `20.19`). */
export function versionAtLeast(a: string, b: string): boolean {
  const left = a.replace(/^v/u, '').split('.').map(Number)
  const right = b.split('.').map(Number)
  for (let index = 0; index < Math.max(left.length, right.length); index++) {
    const difference = (left[index] ?? 0) - (right[index] ?? 0)
    if (difference !== 0) return difference > 0
  }
  return true
}

export function nodeLine(version: string, minimum: string): DoctorLine {
  if (versionAtLeast(version, minimum)) return ok('Node.js', `${version} (${minimum} or later needed)`)
  return fail('Node.js', `${version}, older than the ${minimum} rapporteur needs`, `Install Node.js ${minimum} or later (https://nodejs.org, or \`nvm install 20\`).`)
}

const sourceText: Record<ResolvedBrowser['source'], string> = {
  option: 'given with --browser',
  env: 'named by PUPPETEER_EXECUTABLE_PATH',
  npm: 'the @sparticuz/chromium package',
  system: 'a system browser'
}

/**
 * Which browser `build` would print with, then whether it starts: found is not enough, a browser
 * can lack a library or refuse to run as root. The browser is always closed again.
 */
export async function browserLines(options: {explicit?: string; env: NodeJS.ProcessEnv; probe?: BrowserProbe; timeoutMs: number}): Promise<DoctorLine[]> {
  let resolved: ResolvedBrowser
  try {
    resolved = await resolveBrowser({explicit: options.explicit, env: options.env, probe: options.probe})
  } catch (error) {
    if (!(error instanceof CannotRunError)) throw error
    return [fail('Browser', error.message, error.hint), skip('Browser version', 'not started: no browser found')]
  }
  const found = ok('Browser', `${resolved.executablePath} (${sourceText[resolved.source]})`)
  let browser: Awaited<ReturnType<typeof launchBrowser>> | undefined
  try {
    browser = await launchBrowser(resolved, {timeoutMs: options.timeoutMs})
    return [found, ok('Browser version', await browser.version())]
  } catch (error) {
    const hint = error instanceof CannotRunError ? error.hint : undefined
    return [found, fail('Browser version', (error as Error).message, hint ?? 'Try another browser with --browser PATH.')]
  } finally {
    await browser?.close()
  }
}
