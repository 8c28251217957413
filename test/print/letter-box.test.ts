import type {Browser, Page} from 'puppeteer-core'
import {expect, test} from 'vitest'
import {hookPagedSource, pagedSource} from '../../src/print/paged-source.js'
import {inPagedPage, withPrintFixture, type PrintRoot} from './helpers.js'
import {seededRandom as random} from '../helpers/random.js'

/**
 * A word a soft hyphen breaks across a page's last line and the next is split between the pages at
 * that soft hyphen (browser-side/letter-box.ts). Here every word has soft hyphens and the lines are
 * narrow, so that many page breaks fall inside a word; laid out with rapporteur's handlers and, as
 * the control, without the letter box, in the same browser.
 */
let browser: Browser
let fixture: PrintRoot
withPrintFixture((started, root) => ([browser, fixture] = [started, root]))

const SHY = '\u00AD'
const syllables = ['con', 'sec', 'te', 'tur', 'adi', 'pis', 'cing', 'tem', 'por', 'in', 'ci', 'di', 'dunt', 'la', 'bo', 're', 'mag', 'na', 'ali', 'qua', 'ex', 'er', 'ci', 'ta', 'tion']

function hyphenatedBody(): {body: string; words: Set<string>} {
  const next = random(7)
  const words = new Set<string>()
  const word = () => {
    const parts = Array.from({length: 2 + Math.floor(next() * 4)}, () => syllables[Math.floor(next() * syllables.length)])
    words.add(parts.join(''))
    return parts.join(SHY)
  }
  const paragraph = () => `<p>${Array.from({length: 30 + Math.floor(next() * 60)}, word).join(' ')}.</p>`
  const body = Array.from({length: 2}, (_, chapter) => `<section class="rp-chapter" id="c${chapter}"><h1>Chapter ${chapter}</h1>${Array.from({length: 24}, paragraph).join('\n')}</section>`).join('\n')
  return {body, words}
}

/** The words split between one page and the next: the end of the page's last line and the start of the next page. */
async function pageBreakSplits(file: string, letterBox: boolean): Promise<Array<{before: string; after: string}>> {
  // The control: Paged.js's own box around all of a letter's pieces (the hook falls back to it).
  const turnOff = async (page: Page) => page.evaluate(() => delete (window as any).rapporteurLetterBox)
  return inPagedPage(browser, file, async (page) => page.evaluate(async () => {
    const previewer = new (window as any).Paged.Previewer()
    await previewer.preview(undefined, previewer.removeStyles(), document.body)
    const texts = Array.from(document.querySelectorAll<HTMLElement>('.pagedjs_page_content'), (content) => content.innerText.trim())
    const splits = []
    for (let index = 0; index + 1 < texts.length; index++) {
      const before = texts[index]!.split(/\s+/u).pop()!
      // Split inside a word: the page ends with a hyphen (Paged.js's, or a soft hyphen made visible).
      if (!/[-\u2011\u00AD]$/u.test(before)) continue
      splits.push({before, after: texts[index + 1]!.split(/\s+/u)[0]!})
    }
    return splits
  }), letterBox ? {} : {after: turnOff})
}

test('a word split between two pages is split at one of its soft hyphens, not a letter after it', async () => {
  const {body, words} = hyphenatedBody()
  const file = await fixture.page('hyphenated.html', body, '<style>p { text-align: justify; margin: 0 35mm 0 0; hyphens: manual; }</style>')
  const [fixed, control] = await Promise.all([pageBreakSplits(file, true), pageBreakSplits(file, false)])
  // Where the word was split: the letters before the break, and whether a soft hyphen was there.
  const atSoftHyphen = ({before, after}: {before: string; after: string}) => {
    const head = before.replace(/[-\u2011\u00AD]+$/u, '').replaceAll(SHY, '')
    const whole = head + after.replace(/[.,]$/u, '').replaceAll(SHY, '')
    return words.has(whole) && syllables.some((syllable) => head.endsWith(syllable)) && isSyllableBoundary(whole, head.length)
  }
  expect(fixed.length).toBeGreaterThanOrEqual(3)
  expect(fixed.filter((split) => !atSoftHyphen(split))).toEqual([])
  // The documents do meet the case: without the letter box, some words split a letter late.
  expect(control.filter((split) => !atSoftHyphen(split)).length).toBeGreaterThanOrEqual(1)
}, 120_000)

/** Whether `at` falls between two syllables of `word` (a word made of the syllables above). */
function isSyllableBoundary(word: string, at: number): boolean {
  const ends = (start: number): Set<number> => {
    const found = new Set<number>([start])
    for (const syllable of syllables) if (word.startsWith(syllable, start)) for (const end of ends(start + syllable.length)) found.add(end)
    return found
  }
  return at > 0 && at < word.length && ends(0).has(at)
}

test('a Paged.js build without either step rapporteur hooks into is refused, not run unhooked', () => {
  const both = 'a findVisibleFootnotes(notes, node) { b pos = getBoundingClientRect(letter); c'
  expect(hookPagedSource(both, 'x')).toBe(
    'a findVisibleFootnotes(notes, node) { if (window.rapporteurPlaceNotes && window.rapporteurPlaceNotes(this, notes, node)) return; b pos = window.rapporteurLetterBox ? window.rapporteurLetterBox(letter) : getBoundingClientRect(letter); c'
  )
  expect(() => hookPagedSource('a findVisibleFootnotes(notes, node) { b', 'paged.js')).toThrow(/paged\.js is not the Paged\.js 0\.4 build .*getBoundingClientRect\(letter\)/u)
  for (const name of ['paged.js', 'paged.polyfill.js'] as const) expect(pagedSource(name)).toContain('window.rapporteurLetterBox(letter)')
})
