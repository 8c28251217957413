import type {Browser} from 'puppeteer-core'
import {describe, expect, test} from 'vitest'
import {softHyphensScript} from '../../src/print/browser-side/soft-hyphens.js'
import {hyphenateText} from '../../src/render/typography/hyphenate.js'
import {withPrintFixture, type PrintRoot} from './helpers.js'

let browser: Browser
let fixture: PrintRoot
withPrintFixture((started, root) => ([browser, fixture] = [started, root]))

const prose = [
  'Les signalements transmis aux autorités ont nettement augmenté depuis la généralisation des outils de génération automatique, et les enquêteurs spécialisés décrivent une charge de travail croissante.',
  'Les recommandations proposent une responsabilisation des plateformes, une coopération internationale renforcée et des moyens supplémentaires pour les services chargés de l’identification des victimes.',
  'La prévention passe par l’éducation numérique des familles, la formation des professionnels de l’enfance et l’accompagnement psychologique des personnes concernées.'
].map((text) => hyphenateText(text, 'fr'))
// English breaks words before one-letter syllables (`Found­a­tion`): lines then begin with a
// letter that has a soft hyphen on either side.
const english = [
  'The Internet Watch Foundation and other organisations presented representations on the education, information and documentation of the situation of children, and of their families, in every jurisdiction and every administration.',
  'Recommendations on the regulation of generative applications, the investigation of representations and the cooperation of foundations and associations call for an evaluation of each organisation.'
].map((text) => hyphenateText(text, 'en'))

/** Paragraphs at many widths, justified or not, their text cut by inline elements, in one column, in two, and right to left. */
function body(): string {
  const blocks: string[] = []
  for (let width = 22; width <= 130; width += 9) {
    for (const align of ['justify', 'left']) {
      const [a, b, c] = prose
      blocks.push(`<div style="width:${width}mm;text-align:${align}"><p>${a} <em>${b}</em> ${c}</p><p>${c} <a href="#x">${a}</a></p></div>`)
      blocks.push(`<div style="width:${width}mm;text-align:${align}" lang="en"><p>${english.join(' ')}</p></div>`)
    }
  }
  blocks.push(`<div style="width:90mm;columns:2;column-gap:4mm;text-align:justify"><p>${prose.join(' ')} ${prose.join(' ')}</p></div>`)
  blocks.push(`<div style="width:40mm" lang="fr"><p>${prose[0]!.replace('\u00AD', '\u00AD\u00AD')} ${prose[1]}</p></div>`)
  blocks.push(`<div style="width:50mm" dir="rtl"><p>${prose[2]} ${prose[0]}</p></div>`)
  return blocks.join('\n')
}

/** The page's text after its soft hyphens are settled, the reference way (every one measured on both sides) or the default one. */
async function settled(file: string, everyOne: boolean): Promise<{text: string; hyphensBefore: number; inWords: boolean[]}> {
  const page = await browser.newPage()
  try {
    await page.goto(`file://${file}`, {waitUntil: 'load'})
    await page.evaluate(softHyphensScript)
    return await page.evaluate(async (everyOne) => {
      await document.fonts.ready
      const hyphensBefore = (document.body.textContent!.match(/\u00AD/g) ?? []).length
      ;(window as unknown as {rapporteurSettleSoftHyphens: (root: Node, options: {everyOne: boolean}) => void}).rapporteurSettleSoftHyphens(document.body, {everyOne})
      // Each hyphen inside a word, as laid out once settled: does the next letter start a later line?
      // Measured on each character's own boxes (a letter first on its line can also have an empty box
      // at the end of the line before).
      const range = document.createRange()
      const middle = (node: Text, index: number) => {
        range.setStart(node, index)
        range.setEnd(node, index + 1)
        const box = Array.from(range.getClientRects()).filter((rect) => rect.width > 0).at(-1)!
        return box.top + box.height / 2
      }
      const inWords: boolean[] = []
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        for (const match of node.data.matchAll(/\p{L}-(?=\p{L})/gu)) inWords.push(middle(node, match.index + 2) - middle(node, match.index) > 1)
      }
      return {text: document.body.textContent!, hyphensBefore, inWords}
    }, everyOne)
  } finally {
    await page.close()
  }
}

describe('soft hyphens settled after the layout (browser-side/soft-hyphens.ts)', () => {
  test('the soft hyphens found at a line end by halving are those found by measuring every one, in every layout', async () => {
    const file = await fixture.page('soft-hyphens.html', body())
    const [reference, halving] = await Promise.all([settled(file, true), settled(file, false)])
    expect(reference.hyphensBefore).toBeGreaterThan(1000)
    expect(halving.text).toBe(reference.text)
    expect(halving.text).not.toContain('\u00AD')
    // Many lines broke at a soft hyphen, now a hyphen inside a word.
    expect((halving.text.match(/\p{L}-\p{L}/gu) ?? []).length).toBeGreaterThan(100)
    // And every one of them is where a line broke, the next letter on the next line: none is left
    // inside a line, as `Found-` `a-tion` was where the line began with the one letter between two
    // soft hyphens.
    expect(halving.inWords.length).toBeGreaterThan(100)
    expect(halving.inWords.filter((atLineEnd) => !atLineEnd)).toEqual([])
  })
})
