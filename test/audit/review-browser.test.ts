import {copyFile, mkdir, mkdtemp, readFile, rm, stat, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import type {Browser, BrowserContext, Page} from 'puppeteer-core'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {check} from '../../src/api/check.js'
import {auditData, type FigureRow} from '../../src/audit/data.js'
import {runCheck} from '../../src/cli/commands/check.js'
import {reviewFileSchema, type ReviewFile} from '../../src/model/schemas/review.js'
import {launchBrowser, resolveBrowser} from '../../src/print/browser.js'
import {axeViolations} from '../helpers/axe.js'
import {captureIo} from '../helpers/io.js'
import {baseProject, removeProject, writeProject} from '../helpers/project.js'

/**
 * A review kept, end to end, as a reviewer and an author do it: `check --audit` writes the page,
 * the reviewer marks figures in Chromium (clicks, typed notes) and saves `review.json` (a real
 * download), the author edits one sentence and puts the file beside the report, `check --audit`
 * again, and the new page — opened where the browser remembers nothing — shows the unchanged
 * figures still marked and the edited one "changed since the review", with its old note.
 */
const intro = (fortyPercent: string) => `# Introduction

Un constat [@enquete-2024] sur la :term[sextorsion].

${fortyPercent}

Près de 3 000 cas restent sans suite [@enquete-2024, p. 14].

Une hausse de 25 % est signalée [@article-doi].

:waive[Sur 10 élèves]{reason="exemple fictif"}, aucun ne connaît le numéro d'écoute.
`
const project = {
  'sources.yaml': `- id: enquete-2024
  type: survey
  title: Enquête nationale
  author: Observatoire
  date: 2024
  url: https://example.org/enquete
- id: article-doi
  type: article-journal
  title: Une étude avec un DOI
  author: Revue
  date: 2025
  DOI: 10.1234/etude.2025-01
`,
  'chapters/intro.md': intro('En 2024, 40 % des victimes ont porté plainte [@enquete-2024, p. 12].')
}
const hostileNote = 'Quelle année ? <img src=x onerror="document.title=1">'

let dir: string
let work: string
let browser: Browser

beforeAll(async () => {
  dir = await writeProject(project)
  work = await mkdtemp(path.join(os.tmpdir(), 'rapporteur-review-'))
  browser = await launchBrowser(await resolveBrowser({env: process.env}), {timeoutMs: 60_000, frames: true})
}, 120_000)

afterAll(async () => {
  await browser?.close()
  await removeProject(dir)
  await rm(work, {recursive: true, force: true})
})

/** `rapporteur check <dir> --audit <file>`, as the CLI runs it. */
async function audit(name: string, extra: {review?: string | false} = {}): Promise<string> {
  const file = path.join(work, name)
  await runCheck(dir, {format: 'pretty', audit: file, ...extra}, captureIo(work))
  return file
}

/** A browser context of its own: empty storage, downloads into `downloads`. */
async function context(downloads: string): Promise<BrowserContext> {
  await mkdir(downloads, {recursive: true})
  return browser.createBrowserContext({downloadBehavior: {policy: 'allow', downloadPath: downloads}})
}

async function open(within: BrowserContext, file: string): Promise<{page: Page; errors: string[]}> {
  const page = await within.newPage()
  const errors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  page.on('pageerror', (error) => errors.push(String(error)))
  await page.setViewport({width: 1280, height: 900})
  await page.goto(pathToFileURL(file).href, {waitUntil: 'load'})
  return {page, errors}
}

/** The row of a figure, by the figure's text. */
const row = (figure: string) => `#figures-table tbody tr:nth-child(${figureIndex[figure]! + 1})`
const figureIndex: Record<string, number> = {'40 %': 0, '3 000': 1, '25 %': 2}

async function choose(page: Page, figure: string, state: 'verified' | 'queried' | 'unreviewed'): Promise<void> {
  await page.click(`${row(figure)} input[type="radio"][value="${state}"]`)
}

async function typeNote(page: Page, figure: string, note: string): Promise<void> {
  await page.type(`${row(figure)} textarea`, note)
}

const reviewState = (page: Page, figure: string) => page.$eval(row(figure), (element) => (element as HTMLElement).dataset.review)
const counts = (page: Page) =>
  page.$$eval('[data-review-count]', (cells) => Object.fromEntries(cells.map((cell) => [(cell as HTMLElement).dataset.reviewCount, Number(cell.textContent)])))

/** Click "Save review" and read the file the browser downloads. */
async function save(page: Page, downloads: string): Promise<ReviewFile> {
  const file = path.join(downloads, 'review.json')
  await rm(file, {force: true})
  await page.click('#review-save')
  const deadline = Date.now() + 15_000
  while (Date.now() < deadline) {
    if (await stat(file).catch(() => undefined)) {
      const text = await readFile(file, 'utf8')
      if (text.endsWith('\n')) return reviewFileSchema.parse(JSON.parse(text))
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error('no review.json was downloaded')
}

describe('a review kept across a rebuild, in Chromium', () => {
  test('marks, saves, survives an edit of one sentence, and flags that one as changed', async () => {
    // 1. The author writes the audit page; there is no review yet.
    const first = await audit('audit-1.html')
    const downloads = path.join(work, 'downloads')
    const reviewer = await context(downloads)
    const {page, errors} = await open(reviewer, first)
    try {
      expect(await page.$eval('#review-bar', (bar) => (bar as HTMLElement).hidden)).toBe(false)
      expect(await page.$$eval('#figures-table th.figure', (cells) => cells.map((cell) => cell.textContent))).toEqual(['40 %', '3 000', '25 %', '10'])
      expect(await counts(page)).toEqual({verified: 0, queried: 0, changed: 0, unreviewed: 4})

      // 2. The reviewer marks three figures: the controls, as a person uses them.
      expect(await page.$eval(`${row('40 %')} textarea`, (field) => (field as HTMLTextAreaElement).disabled)).toBe(true)
      await choose(page, '40 %', 'verified')
      await typeNote(page, '40 %', 'Vu p. 12 du rapport.')
      await choose(page, '3 000', 'queried')
      await typeNote(page, '3 000', hostileNote)
      await choose(page, '25 %', 'verified')
      expect(await counts(page)).toEqual({verified: 2, queried: 1, changed: 0, unreviewed: 1})
      expect(await reviewState(page, '3 000')).toBe('queried')

      // 3. Kept in the browser: the same page opened again remembers every mark and note.
      await page.reload({waitUntil: 'load'})
      expect(await counts(page)).toEqual({verified: 2, queried: 1, changed: 0, unreviewed: 1})
      expect(await page.$eval(`${row('3 000')} textarea`, (field) => (field as HTMLTextAreaElement).value)).toBe(hostileNote)
      expect(await page.$eval(`${row('40 %')} input[value="verified"]`, (radio) => (radio as HTMLInputElement).checked)).toBe(true)

      // …and keeps them to this project: another report, whose figures have the very same
      // fingerprints (same file, sentences and sources), opened in the same browser, has none.
      const other = await writeProject({...project, 'rapporteur.yaml': baseProject['rapporteur.yaml']!.replace('title: Exemple', 'title: Un autre rapport')})
      try {
        const otherPage = path.join(work, 'other.html')
        await runCheck(other, {format: 'pretty', audit: otherPage}, captureIo(work))
        const second = await open(reviewer, otherPage)
        expect(await counts(second.page)).toEqual({verified: 0, queried: 0, changed: 0, unreviewed: 4})
        await second.page.close()
      } finally {
        await removeProject(other)
      }

      // 4. Saved: a download of review.json that the schema accepts, one mark per marked figure.
      const review = await save(page, downloads)
      expect(review.project).toEqual({title: 'Exemple', organisation: 'Fondation Exemple'})
      expect(review.marks.map((mark) => [mark.figure, mark.status, mark.note, mark.file, mark.sources])).toEqual([
        ['40 %', 'verified', 'Vu p. 12 du rapport.', 'chapters/intro.md', ['enquete-2024']],
        ['3 000', 'queried', hostileNote, 'chapters/intro.md', ['enquete-2024']],
        ['25 %', 'verified', '', 'chapters/intro.md', ['article-doi']]
      ])
      expect(await page.$eval('#review-saved', (status) => status.textContent)).toContain('3')
      // The typed note stayed text: no element was made of it, and nothing ran.
      expect(await page.$$('#figures-table img')).toHaveLength(0)
      expect(await page.title()).not.toBe('1')
      expect(errors).toEqual([])
    } finally {
      await page.close()
      await reviewer.close()
    }

    // 5. The author edits the sentence of `40 %`, adds a paragraph above everything (every line
    // moves), and puts review.json beside the report; `check --audit` reads it from there.
    const edited = intro('En 2024, 40 % des victimes ont finalement porté plainte [@enquete-2024, p. 12].').replace('# Introduction\n', '# Introduction\n\nUn paragraphe de plus, sans chiffre.\n')
    await writeFile(path.join(dir, 'chapters/intro.md'), edited)
    await copyFile(path.join(downloads, 'review.json'), path.join(dir, 'review.json'))
    const second = await audit('audit-2.html')

    // 6. Opened where the browser remembers nothing: all it knows comes from review.json.
    const colleague = await context(path.join(work, 'downloads-2'))
    const reopened = await open(colleague, second)
    try {
      const next = reopened.page
      expect(await counts(next)).toEqual({verified: 1, queried: 1, changed: 1, unreviewed: 1})
      expect(await reviewState(next, '3 000')).toBe('queried')
      expect(await reviewState(next, '25 %')).toBe('verified')
      expect(await next.$eval(`${row('3 000')} textarea`, (field) => (field as HTMLTextAreaElement).value)).toBe(hostileNote)
      // The edited sentence: flagged, with the note and the sentence it had when reviewed.
      expect(await reviewState(next, '40 %')).toBe('changed')
      expect(await next.$eval(`${row('40 %')} .review-badge`, (badge) => badge.textContent)).toBe('modifié depuis la relecture')
      const previous = await next.$eval(`${row('40 %')} .review-previous`, (element) => element.textContent)
      expect(previous).toContain('vérifié')
      expect(previous).toContain('Vu p. 12 du rapport.')
      expect(previous).toContain('En 2024, 40 % des victimes ont porté plainte.')
      expect(await next.$eval('.review-read', (element) => element.textContent)).toContain('review.json')

      // 7. The review filter shows what needs looking at again.
      for (const state of ['verified', 'queried', 'unreviewed']) await next.click(`#figure-filters input[name="review"][value="${state}"]`)
      expect(await next.$$eval('#figures-table tbody tr', (rows) => rows.filter((element) => !(element as HTMLElement).hidden).map((element) => element.querySelector('th')!.textContent))).toEqual(['40 %'])
      expect(await next.$eval('#figures-shown', (element) => element.textContent)).toBe('1')

      // 8. Marked again, it starts from its old note; saved, it carries its new fingerprint.
      await choose(next, '40 %', 'verified')
      expect(await next.$eval(`${row('40 %')} textarea`, (field) => (field as HTMLTextAreaElement).value)).toBe('Vu p. 12 du rapport.')
      const again = await save(next, path.join(work, 'downloads-2'))
      const before = JSON.parse(await readFile(path.join(dir, 'review.json'), 'utf8')) as ReviewFile
      expect(again.marks.map((mark) => [mark.figure, mark.status])).toEqual([
        ['40 %', 'verified'],
        ['3 000', 'queried'],
        ['25 %', 'verified']
      ])
      expect(again.marks[0]!.fingerprint).not.toBe(before.marks[0]!.fingerprint)
      expect(again.marks[0]!.line).toBe(before.marks[0]!.line + 2)
      // Unchanged figures keep their fingerprint, and their line is brought up to date.
      expect(again.marks.slice(1).map((mark) => mark.fingerprint)).toEqual(before.marks.slice(1).map((mark) => mark.fingerprint))
      expect(reopened.errors).toEqual([])
    } finally {
      await reopened.page.close()
      await colleague.close()
    }
  }, 120_000)

  test('a page built with a review fits 1280 px, passes axe-core, and shows and prints the marks without JavaScript', async () => {
    // A review made here rather than by the test above, so that this test stands alone: one mark
    // that holds, one for a sentence since edited, one for a figure since deleted.
    const own = await writeProject(project)
    try {
      const result = await check(own)
      if (!result.ok) throw new Error('the project does not load')
      const [forty, three] = auditData(result.model).figures
      const at = '2026-03-01T10:00:00.000Z'
      const mark = (figure: FigureRow, status: 'verified' | 'queried', note: string, sentence = figure.figure.sentence) => ({
        fingerprint: figure.fingerprint.replace(/^./u, sentence === figure.figure.sentence ? (c: string) => c : (c: string) => (c === '0' ? '1' : '0')),
        status,
        note,
        at,
        figure: figure.figure.text,
        file: figure.figure.file,
        line: figure.figure.position.start.line,
        sentence,
        sources: figure.figure.keys
      })
      const review = {
        rapporteur: 'review',
        version: 1,
        project: {title: 'Exemple', organisation: 'Fondation Exemple'},
        savedAt: at,
        marks: [
          mark(forty!, 'verified', 'Vu p. 12.', 'En 2023, 40 % des victimes ont porté plainte.'),
          mark(three!, 'queried', hostileNote),
          {...mark(three!, 'verified', 'Chiffre supprimé depuis.', 'Un chiffre de 12 % qui n’existe plus.'), figure: '12 %', file: 'chapters/ancien.md'}
        ]
      }
      await writeFile(path.join(own, 'review.json'), JSON.stringify(review, null, 2))
      const file = path.join(work, 'audit-3.html')
      expect(await runCheck(own, {format: 'pretty', audit: file}, captureIo(work))).toBe(0)
      const within = await context(path.join(work, 'downloads-3'))
      const {page} = await open(within, file)
      try {
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280)
        expect(await counts(page)).toEqual({verified: 0, queried: 1, changed: 1, unreviewed: 2})
        expect(await page.$$eval('#review-orphans tbody tr', (rows) => rows.map((element) => element.querySelector('th')!.textContent))).toEqual(['12 %'])
        await page.emulateMediaType('print')
        expect(await page.$eval(`${row('3 000')} .review-controls`, (element) => getComputedStyle(element).display)).toBe('none')
        expect(await page.$eval('#review-bar', (element) => getComputedStyle(element).display)).toBe('none')
        expect(await page.$eval(`${row('3 000')} .review-state`, (element) => (element as HTMLElement).innerText)).toContain(hostileNote)
        await page.emulateMediaType('screen')
        await page.setBypassCSP(true)
        await page.reload({waitUntil: 'load'})
        expect(await axeViolations(page)).toEqual([])
        // Without JavaScript: the marks as text, no dead controls.
        await page.setJavaScriptEnabled(false)
        await page.reload({waitUntil: 'load'})
        expect(await page.$eval(`${row('3 000')} .review-state`, (element) => (element as HTMLElement).innerText)).toBe(`en question ${hostileNote}`)
        expect(await page.$eval(`${row('40 %')} .review-badge`, (element) => element.textContent)).toBe('modifié depuis la relecture')
        expect(await page.$eval(`${row('3 000')} .review-controls`, (element) => getComputedStyle(element).display)).toBe('none')
        expect(await page.$eval('#review-bar', (element) => getComputedStyle(element).display)).toBe('none')
      } finally {
        await page.close()
        await within.close()
      }
    } finally {
      await removeProject(own)
    }
  })
})
