import {mkdir, rm, rmdir, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import type {Page} from 'puppeteer-core'
import {partPageScript} from './browser-side/parts.js'
import {ownSession} from './own-session.js'
import {pagedSource} from './paged-source.js'

/**
 * A part's page gets its document, then Paged.js (900 KB of script to compile) and the handlers,
 * all on the build's longest path, while during `check` the browser has little to do. So the first
 * page the build opens ahead (api/build.ts) loads a shell while `check` runs: an empty document
 * beside the parts, with Paged.js and the handlers. The first part then goes into it with
 * `document.open()`, which keeps the page's scripts (a document opened again keeps its window),
 * read from its file by the page itself (through the DevTools protocol its HTML would cost the
 * browser ~0.2 ms a kilobyte). Replaying the sample's full edition, from taking the page to the end
 * of the layout: 769–796 ms loaded the usual way, 642–728 ms written into a shell (bench/README.md,
 * point 37).
 *
 * The shell sits in the same folder as the parts, so that their relative URLs resolve the same;
 * its file names carry the process id, so that two builds into one output folder (which take turns
 * only after `check`) do not remove each other's.
 */
export interface PartShell {
  /** The shell's URL, for `page.goto`. */
  url: string
  /** Its files (the document and Paged.js), removed by removePartShell. */
  files: string[]
  /** The folders writePartShell made for it, innermost first, removed if empty. */
  made: string[]
}

/** Set by the shell's last script: Paged.js and the handlers are in the page. */
const READY = 'rapporteurShellReady'

/** Write the shell into `folder` (the print HTML's folder), making the folder if needed. */
export async function writePartShell(folder: string): Promise<PartShell> {
  const first = await mkdir(folder, {recursive: true})
  const made: string[] = []
  if (first) for (let at = folder; at.length >= first.length; at = path.dirname(at)) made.push(at)
  const name = `part-shell-${process.pid}`
  const paged = path.join(folder, `${name}.paged.js`)
  const html = path.join(folder, `${name}.html`)
  const shell: PartShell = {url: pathToFileURL(html).href, files: [html, paged], made}
  try {
    await Promise.all([writeFile(paged, pagedSource('paged.js')), writeFile(html, shellHtml(path.basename(paged)))])
  } catch (error) {
    await removePartShell(shell)
    throw error
  }
  return shell
}

/** Remove the shell's files, and the folders made for it if nothing else went into them. */
export async function removePartShell(shell: PartShell): Promise<void> {
  await Promise.all(shell.files.map((file) => rm(file, {force: true})))
  for (const folder of shell.made) await rmdir(folder).catch(() => {})
}

/**
 * The handlers and the packing functions, then the flag that lets a part be written into the page
 * (writePartScript): for a page that loaded Paged.js, in the shell or after its part.
 */
export const shellScript = `${partPageScript}\nwindow.${READY} = true;`

/** The shell document: Paged.js by its URL, then shellScript. */
export function shellHtml(pagedFile: string): string {
  const script = shellScript
  // An inline script ends at the first `</script`, wherever it stands.
  if (/<\/script/iu.test(script)) throw new Error('The handlers cannot go inline in the part shell: they hold `</script`')
  return `<!DOCTYPE html>\n<html><head><meta charset="utf-8"><script src="${encodeURI(pagedFile)}"></script><script>${script}</script></head><body></body></html>\n`
}

/** An interception pattern no request matches (no wildcard, a scheme that does not exist). */
const PAUSES_NOTHING = 'rapporteur-pauses-nothing:'

/**
 * Load the shell in a page opened ahead; false when it did not load (the page then loads its part
 * the usual way). Chromium lets the DevTools protocol see a document's requests for files only
 * when interception was on as the document was loaded: without it, the part written into the
 * shell could read any file, past the print's allowlist (watch-page.ts). So interception goes on
 * first, in the page's own session (where the print's checks will turn it on for every URL), for a
 * URL that is never requested: the shell loads without its requests waiting on this process, busy
 * with `check` (through puppeteer's interception, each waited for a turn of its event loop, and
 * the page was ready ~0.1 s later than the part).
 */
export async function loadPartShell(page: Page, shell: PartShell, timeoutMs: number): Promise<boolean> {
  // puppeteer's own session of the page: a session of our own would intercept for itself only.
  const session = ownSession(page)
  if (!session) return false
  try {
    await session.send('Fetch.enable', {patterns: [{urlPattern: PAUSES_NOTHING}]})
    await page.goto(shell.url, {waitUntil: 'load', timeout: timeoutMs})
    return (await page.evaluate(`window.${READY} === true`)) === true
  } catch {
    return false
  }
}

/**
 * Run in the page with a part file's URL: when the page holds the shell, beside that file, read
 * the part and write it into the page as its document (resolving once it has loaded, its
 * stylesheets with it) and return true; otherwise return false, the page untouched. The part is
 * read with XMLHttpRequest: `fetch` does not read `file:` URLs.
 *
 * The document's readiness is no sign that its stylesheets apply: a written document could read
 * `complete` with its sheets still loading, so that the next step saw a chapter without its
 * `break-before`, took the theme for one that runs chapters on, and laid the whole document out
 * in one part (a 288-page build then took ~40 s instead of ~20, one build in three). So each
 * stylesheet link the browser fetches is waited for, its load or error listened to from the task
 * that wrote it, before either can be dispatched.
 */
export function writePartScript(partUrl: string): string {
  return `(async (url) => {
    if (window.${READY} !== true || new URL('.', document.URL).href !== new URL('.', url).href) return false
    const html = await new Promise((resolve, reject) => {
      const request = new XMLHttpRequest()
      request.open('GET', url)
      request.onload = () => resolve(request.responseText)
      request.onerror = () => reject(new Error('Cannot read ' + url))
      request.send()
    })
    document.open()
    document.write(html)
    // Only links the browser fetches fire an event: not one disabled, without an address, or of another type.
    const fetched = (link) => !link.sheet && !link.disabled && (link.getAttribute('href') ?? '').trim() !== '' && ['', 'text/css'].includes(link.type.toLowerCase())
    const sheets = [...document.querySelectorAll('link[rel~="stylesheet"]')].filter(fetched).map((link) => new Promise((resolve) => {
      link.addEventListener('load', resolve, {once: true})
      link.addEventListener('error', resolve, {once: true})
    }))
    document.close()
    if (document.readyState !== 'complete') await new Promise((resolve) => window.addEventListener('load', resolve, {once: true}))
    await Promise.all(sheets)
    return true
  })(${JSON.stringify(partUrl)})`
}
