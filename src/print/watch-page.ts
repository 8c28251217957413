import {realpathSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import type {ConsoleMessage, HTTPRequest, Page} from 'puppeteer-core'
import type {PrintProblem} from './preflight.js'

/** A path with symbolic links resolved when it exists, so a link cannot lead out of the root. */
function real(file: string): string {
  try {
    return realpathSync(file)
  } catch {
    return path.resolve(file)
  }
}

/** True when `file` is `root` or inside it. */
function isInside(file: string, root: string): boolean {
  const relative = path.relative(root, file)
  return relative === '' || (relative.split(path.sep)[0] !== '..' && !path.isAbsolute(relative))
}

/**
 * The request allowlist: files under `root` (the build output), `data:` and `about:` URLs. The
 * document is our own HTML, but its Markdown may hold any URL; printing must not reach the network
 * (reproducible output, no tracking pixels, no hanging on an unreachable host).
 */
export function isAllowedUrl(url: string, root: string): boolean {
  if (url.startsWith('data:') || url.startsWith('about:')) return true
  if (!url.startsWith('file:')) return false
  try {
    return isInside(real(fileURLToPath(url)), real(root))
  } catch {
    // file://host/share and other URLs with no local path.
    return false
  }
}

/** A URL short enough for a message; data: URLs can be megabytes long. */
function shortUrl(url: string): string {
  return url.length > 120 ? `${url.slice(0, 117)}...` : url
}

/** Messages that repeat a problem already reported by a request event. */
const duplicateConsole = /^Failed to load resource/

/** Paged.js warnings that mean a layout went wrong (content dropped or repeated). */
const layoutWarning = /^(Unable to layout item|Layout repeated)/

/**
 * Turn everything the page complains about into problems, and enforce the allowlist. Handlers
 * never throw: an exception in a puppeteer event handler would be lost or crash the process.
 */
export interface PageWatch {
  problems: PrintProblem[]
  /** Stop listening (the page goes to another print, which watches it on its own). */
  stop(): void
}

export async function watchPage(page: Page, root: string): Promise<PageWatch> {
  const problems: PrintProblem[] = []
  const seen = new Set<string>()
  const add = (problem: PrintProblem) => {
    const key = `${problem.kind}\0${problem.message}\0${problem.url ?? ''}`
    if (seen.has(key)) return
    seen.add(key)
    problems.push(problem)
  }
  const onRequest = (request: HTTPRequest) => {
    try {
      if (request.isInterceptResolutionHandled()) return
      const url = request.url()
      if (isAllowedUrl(url, root)) {
        request.continue().catch(() => {})
        return
      }
      add({kind: 'blocked-request', message: `Blocked a request for \`${shortUrl(url)}\`: printing only reads files inside the output folder`, url})
      request.abort('blockedbyclient').catch(() => {})
    } catch (error) {
      add({kind: 'page-error', message: `Cannot handle a request: ${(error as Error).message}`})
    }
  }
  const onFailed = (request: HTTPRequest) => {
    const reason = request.failure()?.errorText ?? 'unknown error'
    // Our own blocks were reported when they were made.
    if (reason.includes('ERR_BLOCKED_BY_CLIENT')) return
    const url = request.url()
    add({kind: 'request-failed', message: `Cannot load \`${shortUrl(url)}\`: ${reason}`, url})
  }
  const onError = (error: unknown) => {
    add({kind: 'page-error', message: `Script error in the page: ${error instanceof Error ? error.message : String(error)}`})
  }
  const onConsole = (message: ConsoleMessage) => {
    const text = message.text()
    if (message.type() === 'error' && !duplicateConsole.test(text)) add({kind: 'console-error', message: `The page reported an error: ${text}`})
    else if (message.type() === 'warn' && layoutWarning.test(text)) add({kind: 'layout', message: `Paged.js: ${text}`})
  }
  await page.setRequestInterception(true)
  page.on('request', onRequest)
  page.on('requestfailed', onFailed)
  page.on('pageerror', onError)
  page.on('console', onConsole)
  return {
    problems,
    stop() {
      page.off('request', onRequest)
      page.off('requestfailed', onFailed)
      page.off('pageerror', onError)
      page.off('console', onConsole)
    }
  }
}
