import type {Browser, Page} from 'puppeteer-core'
import {expect, test} from 'vitest'
import {inPagedPage, withPrintFixture, type PrintRoot} from './helpers.js'
import {seededRandom as random} from '../helpers/random.js'

/**
 * A note starts on its call's page (browser-side/keep-notes-with-calls.ts). Paged.js alone moves a
 * whole note to the next page when its call is on a page's last lines; these documents, dense in
 * notes of every length, meet that case several times each. Laid out with rapporteur's handlers
 * and, as the control, with that one fix turned off, in the same browser.
 */
let browser: Browser
let fixture: PrintRoot
withPrintFixture((started, root) => ([browser, fixture] = [started, root]))

const vocabulary = 'lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut labore et dolore magna aliqua enim minim veniam quis nostrud exercitation ullamco laboris nisi aliquip commodo consequat'.split(' ')

function noteDenseBody(seed: number): string {
  const next = random(seed)
  const words = (count: number) => Array.from({length: count}, () => vocabulary[Math.floor(next() * vocabulary.length)]).join(' ')
  let number = 0
  const note = () => `<span class="rp-footnote" data-note="${++number}">Note ${number}, ${words(next() < 0.1 ? 40 : 4 + Math.floor(next() * 12))}.</span>`
  const sentence = () => `${words(6 + Math.floor(next() * 18))}${next() < 0.45 ? note() : ''}. `
  const paragraph = () => `<p>${Array.from({length: 1 + Math.floor(next() * 5)}, sentence).join('')}</p>`
  return Array.from({length: 4}, (_, chapter) => `<section class="rp-chapter" id="c${chapter}"><h1>Chapter ${chapter}</h1>${Array.from({length: 12 + Math.floor(next() * 30)}, paragraph).join('\n')}</section>`).join('\n')
}

interface LaidOut {
  /** Each note (not its continuation), with the page of its call and its own. */
  notes: Array<{note: string; callPage: number; notePage: number}>
  /** Every word the pages show, notes included, sorted: what was laid out, wherever it went. */
  words: string[]
  pages: number
}

async function layOut(file: string, keepWithCalls: boolean): Promise<LaidOut> {
  // The control: the script finds the fix already installed and leaves Paged.js as it is.
  const turnOff = async (page: Page) => page.evaluate(() => ((window as any).Paged.registeredHandlers.find((handler: any) => handler.prototype?.moveFootnote).prototype.rapporteurKeepsNotes = true))
  return inPagedPage(browser, file, async (page) => page.evaluate(async () => {
    const previewer = new (window as any).Paged.Previewer()
    await previewer.preview(undefined, previewer.removeStyles(), document.body)
    const pageOf = (element: Element | null) => Number(element?.closest<HTMLElement>('.pagedjs_page')?.dataset.pageNumber ?? 0)
    const notes = Array.from(document.querySelectorAll<HTMLElement>('.pagedjs_footnote_area [data-note="footnote"]:not([data-split-from])')).map((note) => ({
      note: note.dataset.rpNote ?? '',
      callPage: pageOf(document.querySelector(`[data-footnote-call="${note.dataset.ref}"]`)),
      notePage: pageOf(note)
    }))
    const text = Array.from(document.querySelectorAll<HTMLElement>('.pagedjs_page_content, .pagedjs_footnote_area'), (area) => area.innerText).join(' ')
    const words = text.replace(/\u00AD/gu, '').split(/[\s.,]+/u).filter((word) => /^[a-z]+$/iu.test(word)).sort()
    return {notes, words, pages: document.querySelectorAll('.pagedjs_page').length}
  }), keepWithCalls ? {} : {before: turnOff})
}

test('every note starts on its call page, where Paged.js alone moves some whole to the next page', async () => {
  let apartWithout = 0
  for (const seed of [3, 5, 14]) {
    const file = await fixture.page(`notes-${seed}.html`, noteDenseBody(seed))
    const [kept, control] = await Promise.all([layOut(file, true), layOut(file, false)])
    const notes = (noteDenseBody(seed).match(/data-note="/gu) ?? []).length
    expect(kept.notes.map((note) => note.note).sort()).toEqual(Array.from({length: notes}, (_, index) => String(index + 1)).sort())
    expect(kept.notes.filter((note) => note.callPage !== note.notePage)).toEqual([])
    // Nothing lost or repeated: the same words, only some lines on other pages.
    expect(kept.words).toEqual(control.words)
    expect(kept.pages).toBeGreaterThanOrEqual(control.pages)
    apartWithout += control.notes.filter((note) => note.callPage !== note.notePage).length
  }
  // The documents do meet the case: without the fix, notes land on the page after their call.
  expect(apartWithout).toBeGreaterThanOrEqual(3)
}, 120_000)
