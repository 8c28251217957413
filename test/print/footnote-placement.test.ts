import type {Browser} from 'puppeteer-core'
import {expect, test} from 'vitest'
import {hookPagedSource, pagedSource} from '../../src/print/paged-source.js'
import {inPagedPage, lorem, withPrintFixture, type PrintRoot} from './helpers.js'
import {seededRandom as random} from '../helpers/random.js'

/**
 * rapporteur places a paragraph's notes at once (browser-side/place-notes.ts, rapporteurPlaceNotes)
 * where Paged.js places them one by one. The claim is that the pages come out exactly as Paged.js's
 * own code lays them out: here a document dense in notes (several to a paragraph, notes side by
 * side, long notes that run onto the next page, notes in list items, paragraphs at the foot of a
 * page) is laid out both ways in the same browser, and every page compared.
 */
let browser: Browser
let fixture: PrintRoot
withPrintFixture((started, root) => ([browser, fixture] = [started, root]))

function noteDenseBody(): string {
  const next = random(15)
  const words = lorem.split(' ')
  let number = 0
  const note = () => {
    number++
    const length = next() < 0.1 ? 60 : 1 + Math.floor(next() * 14)
    return `<span class="rp-footnote" data-note="${number}">Note ${number}. ${Array.from({length}, (_, index) => words[(number + index) % words.length]).join(' ')}.</span>`
  }
  const sentence = () => {
    const text = Array.from({length: 8 + Math.floor(next() * 20)}, (_, index) => words[(index * 7 + number) % words.length]).join(' ')
    const notes = next() < 0.5 ? '' : next() < 0.15 ? note() + note() : note()
    return `${text}${notes}. `
  }
  const paragraph = () => `<p>${Array.from({length: 1 + Math.floor(next() * 5)}, sentence).join('')}</p>`
  const list = () => `<ul>${Array.from({length: 3}, () => `<li>${sentence()}</li>`).join('')}</ul>`
  return Array.from({length: 3}, (_, chapter) => `<section class="rp-chapter" id="c${chapter}"><h1>Chapter ${chapter}</h1>${Array.from({length: 40}, (_, index) => (index % 9 === 8 ? list() : paragraph())).join('\n')}</section>`).join('\n')
}

interface LaidOut {
  pages: {text: string; notes: string; height: string}[]
  atOnce: number
  oneByOne: number
}

async function layOut(file: string, atOnce: boolean): Promise<LaidOut> {
  return inPagedPage(browser, file, async (page) => page.evaluate(async (atOnce) => {
    const place = (window as any).rapporteurPlaceNotes
    const counts = {atOnce: 0, oneByOne: 0}
    ;(window as any).rapporteurPlaceNotes = (footnotes: unknown, notes: NodeListOf<Element>, node: Element) => {
      const placed = atOnce && place(footnotes, notes, node)
      if (notes.length > 1) counts[placed ? 'atOnce' : 'oneByOne']++
      return placed
    }
    const previewer = new (window as any).Paged.Previewer()
    await previewer.preview(undefined, previewer.removeStyles(), document.body)
    const within = (page: Element, selector: string) => page.querySelector(selector) as HTMLElement
    const pages = Array.from(document.querySelectorAll('.pagedjs_page')).map((page) => ({
      text: within(page, '.pagedjs_page_content').innerText,
      notes: within(page, '.pagedjs_footnote_area').innerText,
      height: within(page, '.pagedjs_area').style.getPropertyValue('--pagedjs-footnotes-height')
    }))
    return {pages, ...counts}
  }, atOnce))
}

test('notes placed at once give the pages Paged.js gives placing them one by one', async () => {
  const file = await fixture.page('notes.html', noteDenseBody())
  const [own, once] = await Promise.all([layOut(file, false), layOut(file, true)])
  expect(own.pages.length).toBeGreaterThanOrEqual(10)
  // Both ways were taken: most paragraphs placed at once, those at a page's foot left to Paged.js.
  expect(once.atOnce).toBeGreaterThanOrEqual(20)
  expect(once.oneByOne).toBeGreaterThanOrEqual(3)
  expect(own.atOnce).toBe(0)
  expect(once.pages.map((page) => page.text)).toEqual(own.pages.map((page) => page.text))
  expect(once.pages.map((page) => page.notes)).toEqual(own.pages.map((page) => page.notes))
  expect(once.pages.map((page) => page.height)).toEqual(own.pages.map((page) => page.height))
  // Notes really are on the pages, some run onto the next page.
  expect(own.pages.filter((page) => page.notes.trim()).length).toBeGreaterThanOrEqual(own.pages.length - 2)
}, 60_000)

test('a Paged.js build without the footnote method rapporteur hooks into is refused, not run unhooked', () => {
  expect(() => hookPagedSource('class Footnotes { renderNode() {} }', 'paged.js')).toThrow(/paged\.js is not the Paged\.js 0\.4 build/u)
  expect(pagedSource('paged.js')).toContain('window.rapporteurPlaceNotes(this, notes, node)')
  expect(pagedSource('paged.polyfill.js')).toContain('window.rapporteurPlaceNotes(this, notes, node)')
})
