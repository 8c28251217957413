import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {toHtml} from 'hast-util-to-html'
import type {Browser} from 'puppeteer-core'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {check} from '../../src/api/check.js'
import {launchBrowser, resolveBrowser} from '../../src/print/browser.js'
import {renderEdition} from '../../src/render/edition.js'
import {baseProject, removeProject, writeProject} from '../helpers/project.js'

/** The default theme's tables on a phone (WCAG 1.4.10 reflow at 320 CSS px), with the web page's own stylesheets. */
const styles = path.join(import.meta.dirname, '../../styles')
let browser: Browser
let dir: string
let html: string

beforeAll(async () => {
  const wide = `| ${Array.from({length: 8}, (_, index) => `Colonne${index}longue`).join(' | ')} |\n|${'---|'.repeat(8)}\n| ${Array.from({length: 8}, () => '1234567').join(' | ')} |\n\n: Un tableau large dont la légende, longue, doit rester lisible sur un téléphone\n`
  dir = await writeProject({'chapters/intro.md': `# Intro\n\n| Région | Part | Évolution |\n|---|---|---|\n| Nord | 12 % | +3 points |\n\n: Un tableau étroit\n\n${wide}\nTexte [@enquete-2024] :term[sextorsion].\n`}, baseProject)
  const result = await check(dir)
  if (!result.ok) throw new Error('project did not load')
  const edition = await renderEdition(result.model, 'full', {mode: 'web', pageOf: {full: 'rapport.html', synthesis: 'synthese.html'}})
  const css = await Promise.all(['base.css', 'screen.css'].map((name) => readFile(path.join(styles, name), 'utf8')))
  html = `<!doctype html><html lang="fr"><head><meta name="viewport" content="width=device-width"><style>${css.join('\n')}</style></head><body><main>${edition.main.map((node) => toHtml(node)).join('')}</main></body></html>`
  browser = await launchBrowser(await resolveBrowser({env: process.env}), {timeoutMs: 60_000})
}, 120_000)

afterAll(async () => {
  await browser?.close()
  await removeProject(dir)
})

describe('tables at 320 CSS px', () => {
  test('a table that fits does not scroll; a wide one scrolls in its frame, its caption wrapped to the frame and kept in view', async () => {
    const page = await browser.newPage()
    await page.setViewport({width: 320, height: 640})
    await page.setContent(html)
    const frames = await page.evaluate(() => Array.from(document.querySelectorAll('.rp-table')).map((frame) => ({
      scrolls: frame.scrollWidth > frame.clientWidth,
      width: frame.clientWidth,
      caption: frame.querySelector('caption')!.getBoundingClientRect().width,
      page: document.documentElement.scrollWidth
    })))
    expect(frames).toHaveLength(2)
    expect(frames[0]!.scrolls).toBe(false)
    expect(frames[1]!.scrolls).toBe(true)
    expect(frames[1]!.caption).toBeLessThanOrEqual(frames[1]!.width)
    expect(frames[1]!.page).toBeLessThanOrEqual(320)
    await page.close()
  })
})
