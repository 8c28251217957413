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

/** Paragraphs at many widths, justified or not, their text cut by inline elements, in one column, in two, and right to left. */
function body(): string {
  const blocks: string[] = []
  for (let width = 22; width <= 130; width += 9) {
    for (const align of ['justify', 'left']) {
      const [a, b, c] = prose
      blocks.push(`<div style="width:${width}mm;text-align:${align}"><p>${a} <em>${b}</em> ${c}</p><p>${c} <a href="#x">${a}</a></p></div>`)
    }
  }
  blocks.push(`<div style="width:90mm;columns:2;column-gap:4mm;text-align:justify"><p>${prose.join(' ')} ${prose.join(' ')}</p></div>`)
  blocks.push(`<div style="width:40mm" lang="fr"><p>${prose[0]!.replace('\u00AD', '\u00AD\u00AD')} ${prose[1]}</p></div>`)
  blocks.push(`<div style="width:50mm" dir="rtl"><p>${prose[2]} ${prose[0]}</p></div>`)
  return blocks.join('\n')
}

/** The page's text after its soft hyphens are settled, the reference way (every one measured on both sides) or the default one. */
async function settled(file: string, everyOne: boolean): Promise<{text: string; hyphensBefore: number}> {
  const page = await browser.newPage()
  try {
    await page.goto(`file://${file}`, {waitUntil: 'load'})
    await page.evaluate(softHyphensScript)
    return await page.evaluate(async (everyOne) => {
      await document.fonts.ready
      const hyphensBefore = (document.body.textContent!.match(/\u00AD/g) ?? []).length
      ;(window as unknown as {rapporteurSettleSoftHyphens: (root: Node, options: {everyOne: boolean}) => void}).rapporteurSettleSoftHyphens(document.body, {everyOne})
      return {text: document.body.textContent!, hyphensBefore}
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
  })
})
