import path from 'node:path'
import {writeFile} from 'node:fs/promises'
import {describe, expect, test} from 'vitest'
import {build} from '../../src/api/build.js'
import {hasPdftoppm, pageImage} from '../helpers/page-image.js'
import {solidPng} from '../helpers/png.js'
import {hasPdftotext, pdfPages} from '../helpers/pdf-text.js'
import {baseProject, projectsOfThisFile} from '../helpers/project.js'

/** What does not fit a printed page: images taller than it, tables wider than it, on real builds. */
const project = projectsOfThisFile()

const config = (print: string) => `${baseProject['rapporteur.yaml']}print:\n${print}`

/** Where pixels of a colour are on a page (72 dpi: a pixel a point): their top, bottom, left and right. */
async function extent(pdf: string, page: number, matches: (rgb: [number, number, number]) => boolean) {
  const image = await pageImage(pdf, page)
  let [top, bottom, left, right] = [Infinity, -1, Infinity, -1]
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      if (!matches(image.pixel(x, y))) continue
      ;[top, bottom, left, right] = [Math.min(top, y), Math.max(bottom, y), Math.min(left, x), Math.max(right, x)]
    }
  }
  return {top, bottom, left, right, width: image.width, height: image.height}
}

const mm = (points: number) => (points * 25.4) / 72
const red = ([r, g, b]: [number, number, number]) => r > 180 && g < 80 && b < 80
const green = ([r, g, b]: [number, number, number]) => g > 100 && r < 60 && b < 60

describe.skipIf(!hasPdftoppm || !hasPdftotext)('print: what does not fit a page', () => {
  test('a tall image is scaled down whole to its page’s text area, with its caption on the same page, on A5 and in landscape alike', async () => {
    // A ranking chart 300 × 1000 (a viewBox, no size): green at its top, red at its foot.
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 1000"><rect width="300" height="1000" fill="#eef"/><rect x="100" width="100" height="100" fill="#00a000"/><rect x="100" y="900" width="100" height="100" fill="#e00000"/></svg>'
    for (const [size, margins] of [['A5', {top: 15, bottom: 20, inside: 18, outside: 14}], ['A5 landscape', {top: 15, bottom: 20, inside: 18, outside: 14}]] as const) {
      const dir = await project({
        'rapporteur.yaml': config(`  size: ${size}\n  margins: {top: ${margins.top}mm, bottom: ${margins.bottom}mm, inside: ${margins.inside}mm, outside: ${margins.outside}mm}\n`),
        'chapters/intro.md': '# Introduction\n\nUn classement suit.\n\n![Classement des départements](chapters/tall.svg){#fig-tall}\n\n![Une page numérisée](chapters/scan.png){#fig-scan}\n\nLa suite.\n'
      })
      await writeFile(path.join(dir, 'chapters', 'tall.svg'), svg)
      // A scanned page, 1200 × 4000 px: red all over.
      await writeFile(path.join(dir, 'chapters', 'scan.png'), solidPng(1200, 4000, [224, 0, 0]))
      const result = await build(dir, {formats: ['pdf']})
      expect(result.ok).toBe(true)
      const overflows = result.files.flatMap((file) => file.messages.filter((message) => message.ruleId === 'preflight-overflow'))
      expect(overflows.map((message) => message.reason)).toEqual([])
      const pdf = path.join(dir, 'dist', 'rapport.pdf')
      const pages = pdfPages(pdf)
      for (const caption of ['Figure 1', 'Figure 2']) {
        const page = pages.findIndex((text) => text.includes(caption)) + 1
        expect(page, `${size}: ${caption}`).toBeGreaterThan(0)
        const [top, foot] = caption === 'Figure 1' ? [await extent(pdf, page, green), await extent(pdf, page, red)] : [await extent(pdf, page, red), await extent(pdf, page, red)]
        // The whole image on its caption's page: its top and its foot, inside the margins.
        expect(top.bottom, `${size}: ${caption}'s top is on its page`).toBeGreaterThan(0)
        expect(foot.bottom, `${size}: ${caption}'s foot is on its page`).toBeGreaterThan(0)
        expect(mm(top.top)).toBeGreaterThanOrEqual(margins.top - 1)
        expect(mm(foot.bottom)).toBeLessThanOrEqual(mm(foot.height) - margins.bottom + 1)
        expect(mm(Math.min(top.left, foot.left))).toBeGreaterThanOrEqual(Math.min(margins.inside, margins.outside) - 1)
        expect(mm(Math.max(top.right, foot.right))).toBeLessThanOrEqual(mm(foot.width) - Math.min(margins.inside, margins.outside) + 1)
        // Its proportions kept: the scan is 10 wide for 33 high (±2 %).
        if (caption === 'Figure 2') expect((foot.right - foot.left + 1) / (foot.bottom - foot.top + 1)).toBeCloseTo(0.3, 1)
      }
    }
  }, 120_000)

  test('an image that still runs off its page (a theme lets it) is reported at its own line, by its file and description', async () => {
    const dir = await project({
      'theme/custom.css': 'main img { max-height: none; }\n',
      'chapters/intro.md': '# Introduction\n\nUn classement suit.\n\n![Classement des départements](chapters/tall.svg){#fig-tall}\n\nLa suite.\n'
    })
    await writeFile(path.join(dir, 'chapters', 'tall.svg'), '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 1000"><rect width="300" height="1000" fill="#eef"/></svg>')
    const result = await build(dir, {formats: ['pdf']})
    expect(result.ok).toBe(true)
    const messages = result.files.flatMap((file) => file.messages.filter((message) => message.ruleId === 'preflight-overflow').map((message) => `${file.path}:${message.line}:${message.column} ${message.reason}`))
    expect(messages).toHaveLength(1)
    expect(messages[0]).toMatch(/^chapters\/intro\.md:5:1 Unexpected image `chapters\/tall\.svg` \(“Classement des départements”\) overflowing page \d+ \(full\), expected it within the page's text area/)
  }, 60_000)

  test('a wide table: its numbers never split; smaller type when it does not fit whole, and a warning when even that does not fit', async () => {
    const headers = ['Saisines', 'Placements', 'MNA', 'QPC', 'Cassations', 'Décisions CEDH']
    const table = (count: number, id: string, cell: (year: number, index: number) => string) => [
      `| Année | ${Array.from({length: count}, (_, index) => (id === 'vingt' ? 'Réformations' : headers[index % 6])).join(' | ')} |`,
      `| --- | ${Array.from({length: count}, () => '---:').join(' | ')} |`,
      ...[2020, 2021].map((year) => `| ${year} | ${Array.from({length: count}, (_, index) => cell(year, index)).join(' | ')} |`),
      '',
      `: Tableau ${id} [@enquete-2024] {#tbl-${id}}`
    ].join('\n')
    const dir = await project({
      'rapporteur.yaml': config('  size: A5\n'),
      // Line 5: twelve columns of figures, which fit A5 in smaller type; line 12: twenty columns
      // headed by a long word, which fit only by breaking it.
      'chapters/intro.md': `# Introduction\n\nDeux tableaux.\n\n${table(12, 'douze', (year, index) => `${123 + index} ${456 + year - 2020}`)}\n\n${table(20, 'vingt', (year, index) => String(10 + index))}\n`
    })
    const result = await build(dir, {formats: ['pdf']})
    expect(result.ok).toBe(true)
    const findings = result.files.flatMap((file) => file.messages.filter((message) => /^preflight-(wide-table|overflow)$/u.test(String(message.ruleId))).map((message) => `${file.path}:${message.line} ${message.ruleId} ${message.reason}`))
    expect(findings).toHaveLength(1)
    expect(findings[0]).toMatch(/^chapters\/intro\.md:12 preflight-wide-table Unexpected table wider than the text on page \d+ \(full\): it needs about \d+ mm in type made smaller \(the smallest step\), the text is \d+ mm wide, so words in its cells break \(its numbers are kept whole\)/)
    // Every number of the first table whole, on one line (pdftotext reads each cell's lines apart).
    const text = pdfPages(path.join(dir, 'dist', 'rapport.pdf')).join('\n').replace(/[\u00A0\u202F]/gu, ' ')
    const lines = text.split('\n').map((line) => line.trim())
    for (const year of [2020, 2021]) {
      const whole = (number: string) => lines.some((line) => ` ${line} `.includes(` ${number} `))
      expect(whole(String(year)), String(year)).toBe(true)
      for (let index = 0; index < 12; index++) expect(whole(`${123 + index} ${456 + year - 2020}`), `${year}, column ${index + 1}`).toBe(true)
    }
    // Its short headers whole (they broke anywhere before): the smaller type let them fit; long words break only at their hyphenation points.
    for (const header of ['Année', 'MNA', 'QPC']) expect(lines.some((line) => line.includes(header)), header).toBe(true)
  }, 90_000)

  test('a URL printed as text breaks only after `//`, `=` or `&`, or before `/`, `.`, `-`, `?`, never inside its scheme', async () => {
    const url = 'https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000049563368?init=true&page=1&query=loi-2024-449'
    // The address at eight places in its lines, so that it breaks at as many.
    const text = Array.from({length: 8}, (_, index) => `${'Voir '.repeat(index + 1)}<${url}>.`).join(' ')
    const dir = await project({'rapporteur.yaml': config('  size: A5\n'), 'chapters/intro.md': `# Introduction\n\n${text}\n`})
    const result = await build(dir, {formats: ['pdf']})
    expect(result.ok).toBe(true)
    const lines = pdfPages(path.join(dir, 'dist', 'rapport.pdf')).join('\n').split('\n').map((line) => line.trim())
    let breaks = 0
    lines.forEach((line, index) => {
      const next = lines[index + 1]?.split(' ')[0] ?? ''
      // A line that ends inside the address: the next starts with its rest.
      const head = line.split(' ').pop() ?? ''
      if (!next || !head || !url.startsWith(head) || head === url || !url.includes(head + next)) return
      breaks++
      // Chicago's rule: a line never ends on a slash, period or hyphen, which would read as the
      // sentence's or a word's (and which text readers drop at a line's end).
      expect(`${head} | ${next}`).toMatch(/(?:\/\/|[=&]) \| |[^/.?-] \| [/.?-]/u)
    })
    expect(breaks).toBeGreaterThanOrEqual(2)
  }, 60_000)
})
