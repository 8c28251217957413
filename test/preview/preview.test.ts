import {appendFile, mkdir, readFile, symlink, writeFile} from 'node:fs/promises'
import path from 'node:path'
import type {Browser, Page} from 'puppeteer-core'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {preview, type PreviewServer} from '../../src/api/preview.js'
import {packageRoot} from '../../src/load/theme.js'
import {launchBrowser, resolveBrowser} from '../../src/print/browser.js'
import {copyReport, rawGet} from './helpers.js'

/**
 * `rapporteur preview` on a copy of the sample report, seen from headless Chromium: edits on disk
 * reach the open page, broken input shows the overlay and keeps the page, the paged view lays out
 * pages, and paths outside the served folders are refused. Every wait is on a DOM condition.
 */
let project: Awaited<ReturnType<typeof copyReport>>
let server: PreviewServer
let browser: Browser
let page: Page
let port: number
const chapter = () => path.join(project.dir, 'chapters', '01-alerte.md')
/** What the server did, shown when a wait times out. */
const log: string[] = []

/**
 * Wait for a condition in the page; on timeout, say what the server did meanwhile. A reload while
 * Puppeteer polls can strand its wait in the old document (seen under load: the page had the new
 * style while the wait timed out), so the wait is retried in short slices until the deadline.
 */
async function until(condition: () => unknown): Promise<void> {
  const deadline = Date.now() + 15_000
  for (;;) {
    try {
      await page.waitForFunction(condition, {timeout: Math.max(100, Math.min(1_500, deadline - Date.now())), polling: 50})
      return
    } catch (error) {
      if (Date.now() >= deadline) throw new Error(`${(error as Error).message}\nserver: ${log.join('\n')}`)
    }
  }
}

/** The overlay's text, or '' when there is none. */
const overlayText = () => page.evaluate(() => document.querySelector('rapporteur-overlay')?.shadowRoot?.textContent ?? '')

beforeAll(async () => {
  project = await copyReport()
  server = await preview(project.dir, {
    port: 0,
    onWarning: (message) => log.push(`warning: ${message}`),
    onRebuild: (report) => log.push(`${report.changed || 'start'}: reloaded ${report.reloaded}, ${report.state.diagnostics.length} findings`)
  })
  port = Number(new URL(server.url).port)
  browser = await launchBrowser(await resolveBrowser({env: process.env}), {timeoutMs: 30_000, frames: true})
  page = await browser.newPage()
}, 60_000)

afterAll(async () => {
  try {
    await browser?.close()
  } finally {
    await server?.close()
    await project?.remove()
  }
})

describe('rapporteur preview', () => {
  test('serves an index that links both editions in both views', async () => {
    expect(server.pages.map((entry) => new URL(entry.web).pathname)).toEqual(['/rapport.html', '/synthese.html'])
    const index = await rawGet(port, '/')
    expect(index.status).toBe(200)
    for (const href of ['/rapport.html', '/paged/rapport.html', '/synthese.html', '/paged/synthese.html']) expect(index.body).toContain(`href="${href}"`)
  })

  test('an edit on disk shows in the open web page after the automatic refresh, at the same scroll position', async () => {
    await page.goto(server.pages[0]!.web, {waitUntil: 'load'})
    expect(await page.$eval('main', (main) => main.textContent)).not.toContain('Phrase ajoutée')
    // Instant (screen.css scrolls smoothly), once the fonts are in (a late swap moves the text).
    const before = await page.evaluate(async () => {
      await document.fonts.ready
      window.scrollTo({top: 1500, behavior: 'instant'})
      return window.scrollY
    })
    await appendFile(chapter(), '\nPhrase ajoutée pendant la prévisualisation [@fondation-enfance-2024].\n')
    await until(() => document.querySelector('main')?.textContent?.includes('Phrase ajoutée'))
    expect(await overlayText()).toBe('')
    expect(await page.evaluate(() => window.scrollY)).toBe(before)
  })

  test('a stylesheet of the project theme applies on save', async () => {
    const builtIn = await readFile(path.join(packageRoot, 'styles', 'screen.css'), 'utf8')
    await mkdir(path.join(project.dir, 'theme', 'styles'), {recursive: true})
    await writeFile(path.join(project.dir, 'theme', 'styles', 'screen.css'), `${builtIn}\nmain { outline: 3px solid rgb(1, 2, 3); }\n`)
    await until(() => getComputedStyle(document.querySelector('main')!).outlineColor === 'rgb(1, 2, 3)')
    expect(log.filter((line) => line.startsWith('warning'))).toEqual([])
  })

  test('a mistake saved in the theme\'s stylesheet shows in the overlay, and goes when mended', async () => {
    const custom = path.join(project.dir, 'theme', 'custom.css')
    const before = await readFile(custom, 'utf8').catch(() => undefined)
    await mkdir(path.dirname(custom), {recursive: true})
    await writeFile(custom, `${before ?? ''}\n.rp-callout { colr: red; }\n`)
    await until(() => document.querySelector('rapporteur-overlay')?.shadowRoot?.textContent?.includes('stylesheet-declaration'))
    await writeFile(custom, before ?? '')
    await until(() => !document.querySelector('rapporteur-overlay'))
  })

  test('broken front matter shows the overlay and keeps the page; fixing it clears the overlay', async () => {
    const good = await readFile(chapter(), 'utf8')
    await writeFile(chapter(), good.replace('id: alerte', 'id: [alerte') + '\nTexte écrit pendant que le fichier est cassé.\n')
    await until(() => document.querySelector('rapporteur-overlay')?.shadowRoot?.textContent?.includes('chapters/01-alerte.md:2:'))
    const overlay = await overlayText()
    expect(overlay).toContain('Cannot parse YAML')
    expect(overlay).toContain('last version that could be read')
    // Still the last good page: the text written into the broken file is not shown.
    expect(await page.$eval('main', (main) => main.textContent)).not.toContain('cassé')

    await writeFile(chapter(), good + '\nTexte écrit après la correction.\n')
    await until(() => document.querySelector('main')?.textContent?.includes('après la correction') && !document.querySelector('rapporteur-overlay'))
  })

  test('a finding from a rule shows in the overlay over the updated page', async () => {
    const good = await readFile(chapter(), 'utf8')
    await writeFile(chapter(), good + '\nEnviron 45 % des dossiers de Zéphyrin restent ouverts.\n')
    await until(() => document.querySelector('main')?.textContent?.includes('Zéphyrin') && document.querySelector('rapporteur-overlay'))
    expect(await overlayText()).toContain('figure-needs-citation')
    await writeFile(chapter(), good)
    await until(() => !document.querySelector('main')?.textContent?.includes('Zéphyrin') && !document.querySelector('rapporteur-overlay'))
  })

  test('the paged view lays out pages with Paged.js and the print CSS', async () => {
    const paged = await browser.newPage()
    const failed: string[] = []
    paged.on('response', (response) => void (response.status() >= 400 && failed.push(`${response.status()} ${response.url()}`)))
    paged.on('requestfailed', (request) => void failed.push(`failed ${request.url()}`))
    try {
      await paged.goto(server.pages[1]!.paged, {waitUntil: 'load'})
      await paged.waitForFunction(() => document.documentElement.dataset.rapporteurPaged === 'done', {timeout: 30_000, polling: 100})
      expect(await paged.$$eval('.pagedjs_page', (pages) => pages.length)).toBeGreaterThan(1)
      // The page size comes from the generated page.css, as in the PDF: A4 is 210 mm wide.
      const width = await paged.$eval('.pagedjs_page', (first) => first.getBoundingClientRect().width)
      expect(width).toBeCloseTo((210 / 25.4) * 96, 0)
      // rapporteur's own Paged.js handlers ran (they number every element), as for the PDF.
      expect(await paged.$('[data-ref="rp-1"]')).not.toBeNull()
      // Every stylesheet and font of the print CSS was found.
      expect(failed).toEqual([])
    } finally {
      await paged.close()
    }
  }, 40_000)

  test('paths outside the served folders are refused', async () => {
    const outside = path.join(project.root, 'secret.txt')
    await writeFile(outside, 'secret')
    await symlink(outside, path.join(project.dir, 'assets-link'))
    const targets = [
      '/../package.json',
      '/%2e%2e/package.json',
      '/%2E%2E/%2E%2E/package.json',
      '/assets/../../rapporteur.yaml',
      '/assets/%2e%2e/%2e%2e/rapporteur.yaml',
      '/assets/..%2f..%2frapporteur.yaml',
      '/assets/..%5c..%5crapporteur.yaml',
      '/paged/../../rapporteur.yaml',
      '//etc/passwd',
      '/assets//etc/passwd',
      '/assets/%00',
      '/rapporteur.yaml',
      '/chapters/01-alerte.md',
      '/assets-link',
      '/assets/.git/config',
      'http://127.0.0.1/rapporteur.yaml'
    ]
    for (const target of targets) {
      const response = await rawGet(port, target)
      expect([400, 403, 404], target).toContain(response.status)
      expect(response.body, target).not.toMatch(/secret|editions:|"name"|root:/u)
    }
  })

  test('a symbolic link in assets/ that leads out of it is refused', async () => {
    await writeFile(path.join(project.root, 'outside.css'), 'body{}')
    const assets = path.join(project.dir, 'assets')
    await mkdir(assets, {recursive: true})
    await symlink(path.join(project.root, 'outside.css'), path.join(assets, 'escape.css'))
    await writeFile(path.join(assets, 'inside.css'), 'p{}')
    expect((await rawGet(port, '/assets/escape.css')).status).toBe(403)
    expect((await rawGet(port, '/assets/inside.css')).status).toBe(200)
  })

  test('another Host header is refused (DNS rebinding) and only GET and HEAD are served', async () => {
    expect((await rawGet(port, '/', {host: 'attacker.example:80'})).status).toBe(403)
    expect((await rawGet(port, '/', {host: `localhost:${port}`})).status).toBe(200)
    expect((await rawGet(port, '/', {}, 'POST')).status).toBe(405)
  })
})
