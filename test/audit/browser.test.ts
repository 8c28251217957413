import {mkdtemp, rm, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import type {Browser, Page} from 'puppeteer-core'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {check} from '../../src/api/check.js'
import {renderAudit} from '../../src/audit/render-audit.js'
import {toJsonDiagnostics} from '../../src/diagnostics/to-json.js'
import {exportRows} from '../../src/export/tables.js'
import {launchBrowser, resolveBrowser} from '../../src/print/browser.js'
import {removeProject, writeProject} from '../helpers/project.js'
import {auditFixture} from './fixture.js'
import {axeViolations} from '../helpers/axe.js'

/**
 * The audit pages opened in real headless Chromium from file://, as a reviewer opens a mailed
 * attachment: the filters run under the page's own content security policy, and axe-core finds
 * nothing to report.
 */
const report = path.join(import.meta.dirname, '../../report')
let work: string
let project: string
let browser: Browser
let sampleFile: string
let fixtureFile: string
let wideFile: string
let wide: string
let sampleFigures: number
let sampleCited: number

async function writeAudit(dir: string, name: string): Promise<string> {
  const result = await check(dir)
  if (!result.ok) throw new Error(`${dir} does not load`)
  const file = path.join(work, name)
  await writeFile(file, renderAudit(result.model, toJsonDiagnostics(result.files)))
  return file
}

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'rapporteur-audit-browser-'))
  project = await writeProject(auditFixture)
  const sample = await check(report)
  if (!sample.ok) throw new Error('the sample report does not load')
  const exported = exportRows(sample.model, 'figures')
  sampleFigures = exported.length
  sampleCited = exported.filter((row) => row.status === 'cited').length
  sampleFile = await writeAudit(report, 'sample.html')
  fixtureFile = await writeAudit(project, 'fixture.html')
  // What a table cannot wrap at a space: a long file name, URL, DOI, source key and word.
  const long = 'chapters/un-chapitre-au-nom-vraiment-tres-long-pour-eprouver-la-largeur-du-tableau-des-chiffres.md'
  wide = await writeProject({
    'sources.yaml': `- id: une-cle-de-source-particulierement-longue-et-sans-aucune-espace-2024\n  type: report\n  title: Rapport\n  author: Observatoire\n  date: 2024\n  url: https://example.org/${'chemin/'.repeat(20)}rapport.pdf\n  DOI: 10.1234/${'x'.repeat(80)}\n`,
    [long]: `# Anticonstitutionnellementanticonstitutionnellementanticonstitutionnellement\n\nEn 2024, 40 % des victimes (Anticonstitutionnellementanticonstitutionnellementanticonstitutionnellement) ont porté plainte [@une-cle-de-source-particulierement-longue-et-sans-aucune-espace-2024, p. 12] sur la :term[sextorsion].\n`
  })
  wideFile = await writeAudit(wide, 'wide.html')
  browser = await launchBrowser(await resolveBrowser({env: process.env}), {timeoutMs: 60_000, frames: true})
}, 120_000)

afterAll(async () => {
  await browser?.close()
  await removeProject(project)
  await removeProject(wide)
  await rm(work, {recursive: true, force: true})
})

/** Open a page, recording every request it makes and every console error (CSP refusals are errors). */
async function open(file: string, options: {javascript?: boolean; bypassCsp?: boolean} = {}) {
  const page = await browser.newPage()
  const requests: string[] = []
  const errors: string[] = []
  page.on('request', (request) => requests.push(request.url()))
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  page.on('pageerror', (error) => errors.push(String(error)))
  await page.setJavaScriptEnabled(options.javascript ?? true)
  if (options.bypassCsp) await page.setBypassCSP(true)
  await page.goto(pathToFileURL(file).href, {waitUntil: 'load'})
  return {page, requests, errors}
}

const visibleStatuses = (page: Page) =>
  page.$$eval('#figures-table tbody tr', (rows) => rows.filter((row) => !(row as HTMLElement).hidden).map((row) => (row as HTMLElement).dataset.status))

async function untick(page: Page, status: string): Promise<void> {
  await page.click(`input[name="status"][value="${status}"]`)
}

describe('the audit page in Chromium', () => {
  test('shows one row per figure of `export figures`, and loads nothing but itself', async () => {
    const {page, requests, errors} = await open(sampleFile)
    try {
      expect(await page.$$eval('#figures-table tbody tr', (rows) => rows.length)).toBe(sampleFigures)
      expect((await visibleStatuses(page)).length).toBe(sampleFigures)
      expect(requests).toEqual([pathToFileURL(sampleFile).href])
      expect(errors).toEqual([])
    } finally {
      await page.close()
    }
  })

  test('hides the cited rows when `cited` is unticked, and shows them again', async () => {
    const {page, errors} = await open(sampleFile)
    try {
      expect(await page.$eval('#figure-filters', (form) => (form as HTMLElement).hidden)).toBe(false)
      await untick(page, 'cited')
      const visible = await visibleStatuses(page)
      expect(visible).toHaveLength(sampleFigures - sampleCited)
      expect(visible).not.toContain('cited')
      expect(await page.$eval('#figures-shown', (element) => element.textContent)).toBe(String(sampleFigures - sampleCited))
      await untick(page, 'cited')
      expect(await visibleStatuses(page)).toHaveLength(sampleFigures)
      expect(errors).toEqual([])
    } finally {
      await page.close()
    }
  })

  test('hides the uncited rows when `uncited` is unticked, and filters by chapter', async () => {
    const {page} = await open(fixtureFile)
    try {
      expect(await visibleStatuses(page)).toEqual(['cited', 'uncited', 'waived', 'cited'])
      await untick(page, 'uncited')
      expect(await visibleStatuses(page)).toEqual(['cited', 'waived', 'cited'])
      await page.select('#chapter-filter', '0')
      expect(await visibleStatuses(page)).toEqual(['cited', 'waived', 'cited'])
    } finally {
      await page.close()
    }
    const sample = await open(sampleFile)
    try {
      await sample.page.select('#chapter-filter', '1')
      const chapters = await sample.page.$$eval('#figures-table tbody tr', (rows) => rows.filter((row) => !(row as HTMLElement).hidden).map((row) => (row as HTMLElement).dataset.chapter))
      expect(chapters.length).toBeGreaterThan(0)
      expect(new Set(chapters)).toEqual(new Set(['1']))
    } finally {
      await sample.page.close()
    }
  })

  test.each([
    ['the sample report', () => sampleFile],
    ['a project with every status and hostile text', () => fixtureFile],
    ['a project of long paths, keys, URLs and words', () => wideFile]
  ])('fits a 1280 px window: no sideways scrolling (%s)', async (_name, file) => {
    const {page} = await open(file())
    try {
      await page.setViewport({width: 1280, height: 800})
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280)
      // Every table, not only the page: none is wider than its section.
      const widths = await page.$$eval('table', (tables) => tables.map((table) => table.scrollWidth - (table.parentElement as HTMLElement).clientWidth))
      expect(widths.every((excess) => excess <= 0)).toBe(true)
    } finally {
      await page.close()
    }
  })

  test('without JavaScript, shows every row and no dead controls', async () => {
    const {page} = await open(sampleFile, {javascript: false})
    try {
      expect((await visibleStatuses(page)).length).toBe(sampleFigures)
      expect(await page.$eval('#figure-filters', (form) => getComputedStyle(form).display)).toBe('none')
      expect(await page.$eval('#review-bar', (bar) => getComputedStyle(bar).display)).toBe('none')
      expect(await page.$$eval('.review-controls', (sets) => sets.filter((set) => getComputedStyle(set).display !== 'none').length)).toBe(0)
    } finally {
      await page.close()
    }
  })

  test('prints every row, without the controls, with the table header repeated', async () => {
    const {page} = await open(fixtureFile)
    try {
      await untick(page, 'uncited')
      await page.emulateMediaType('print')
      const shown = await page.$$eval('#figures-table tbody tr', (rows) => rows.filter((row) => getComputedStyle(row).display !== 'none').length)
      expect(shown).toBe(4)
      expect(await page.$eval('#figure-filters', (form) => getComputedStyle(form).display)).toBe('none')
      expect(await page.$eval('nav', (nav) => getComputedStyle(nav).display)).toBe('none')
      expect(await page.$eval('#figures-table thead', (head) => getComputedStyle(head).display)).toBe('table-header-group')
      expect(await page.$eval('#figures-table tbody tr', (row) => getComputedStyle(row).breakInside)).toBe('avoid')
    } finally {
      await page.close()
    }
  })

  test.each([
    ['the sample report', () => sampleFile],
    ['a project with every status and hostile text', () => fixtureFile]
  ])('passes axe-core with no violations: %s', async (_name, file) => {
    // axe is injected as an inline script, which the page's policy would rightly refuse.
    const {page} = await open(file(), {bypassCsp: true})
    try {
      expect(await axeViolations(page)).toEqual([])
    } finally {
      await page.close()
    }
  })
})
