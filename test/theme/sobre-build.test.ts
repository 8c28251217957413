import {cp, mkdtemp, readFile, rm, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import type {Browser} from 'puppeteer-core'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {build, type BuildResult} from '../../src/api/build.js'
import {toJsonDiagnostics} from '../../src/diagnostics/to-json.js'
import {launchBrowser, resolveBrowser} from '../../src/print/browser.js'
import {axeViolations} from '../helpers/axe.js'

/** The sample report built for real with `theme: sobre`: its fonts load, and its web pages pass axe-core. */
const report = path.join(import.meta.dirname, '../../report')
let work: string
let result: BuildResult
let browser: Browser

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'rapporteur-sobre-'))
  const dir = path.join(work, 'report')
  await cp(report, dir, {recursive: true, filter: (source) => !source.includes(`${path.sep}dist`)})
  const config = path.join(dir, 'rapporteur.yaml')
  await writeFile(config, (await readFile(config, 'utf8')).replace(/^theme: default$/mu, 'theme: sobre'))
  result = await build(dir)
  browser = await launchBrowser(await resolveBrowser({env: process.env}), {timeoutMs: 30_000, frames: true})
}, 180_000)

afterAll(async () => {
  await browser?.close()
  await rm(work, {recursive: true, force: true})
})

describe('the sample report in the sobre theme', () => {
  test('builds, with no error and no font problem', () => {
    if (!result.ok) throw new Error(`build failed: ${result.reason}`)
    const diagnostics = toJsonDiagnostics(result.files)
    expect(diagnostics.filter((item) => item.severity === 'error')).toEqual([])
    // Layout warnings (a note on the next page) depend on the text; fonts depend on the theme alone.
    expect(diagnostics.filter((item) => /^preflight-(font|missing-glyph)$/u.test(item.rule))).toEqual([])
    for (const edition of result.editions) expect(edition.pageCount ?? 0).toBeGreaterThanOrEqual(4)
  })

  test.each(['rapport.html', 'synthese.html'])('%s passes axe-core with no violations', async (name) => {
    const page = await browser.newPage()
    try {
      await page.goto(pathToFileURL(path.join(work, 'report/dist', name)).href, {waitUntil: 'load'})
      expect(await axeViolations(page)).toEqual([])
    } finally {
      await page.close()
    }
  })
})
