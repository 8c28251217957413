import {mkdtemp, rm, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {describe, expect, test} from 'vitest'
import {readSvg} from '../../src/load/svg-image.js'
import {launchBrowser, resolveBrowser} from '../../src/print/browser.js'
import {solidPng} from '../helpers/png.js'

const svg = (body: string) => `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 100 100">\n${body}\n</svg>\n`

describe('readSvg', () => {
  test('files the browser would load: linked bitmaps, symbols of another file, filters, stylesheets and fonts', () => {
    const text = svg(`<image xlink:href="photo.jpg" width="10" height="10"/>
<image href="../img/carte.png"/>
<use href="icons.svg#logo"/>
<filter><feImage href="texture.png"/></filter>
<rect style="fill: url('motif.svg#p')"/>
<style>/* url(commented.png) */ @import "theme.css"; @font-face { src: url(Marianne.woff2) }</style>`)
    expect(readSvg(text).links).toEqual([
      {href: 'photo.jpg', line: 2, column: 1},
      {href: '../img/carte.png', line: 3, column: 1},
      {href: 'icons.svg#logo', line: 4, column: 1},
      {href: 'texture.png', line: 5, column: 9},
      {href: 'motif.svg#p', line: 6, column: 1},
      {href: 'theme.css', line: 7, column: 1},
      {href: 'Marianne.woff2', line: 7, column: 1}
    ])
  })

  test("the SVG's own: ids inside it, data: addresses, links followed rather than loaded", () => {
    const text = svg(`<defs><linearGradient id="g"/></defs>
<rect fill="url(#g)" style="fill:url(#g)"/>
<use xlink:href="#g"/>
<image href="data:image/png;base64,iVBORw0KGgo="/>
<a href="https://example.org"><text>Lien</text></a>`)
    expect(readSvg(text)).toEqual({links: [], text: {line: 6, column: 31}})
  })

  test('XML that does not parse is said, with where', () => {
    expect(readSvg(svg('<rect width="10">'))).toMatchObject({links: [], malformed: {line: 3}})
    // In the parser's own words, not the name of the library that parsed it.
    expect(readSvg(svg('<rect width="10">')).malformed?.reason).toMatch(/^Missing end tag for element (?:rect|svg)$/u)
    expect(readSvg('<svg><text>a & b</text></svg>').malformed?.reason).toMatch(/^Unterminated reference/u)
  })
})


// Why the check exists: the same bitmap, drawn by an <img> of its own and linked from an SVG shown by an <img>.
test('Chromium draws nothing an SVG shown as an image links to', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'rapporteur-svg-'))
  const browser = await launchBrowser(await resolveBrowser({env: process.env}), {timeoutMs: 30_000})
  try {
    await writeFile(path.join(dir, 'red.png'), solidPng(10, 10, [255, 0, 0]))
    await writeFile(path.join(dir, 'linked.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"><image href="red.png" width="100" height="100"/></svg>')
    await writeFile(path.join(dir, 'page.html'), '<img src="linked.svg" width="100" height="100"><img src="red.png" width="100" height="100">')
    const page = await browser.newPage()
    await page.goto(pathToFileURL(path.join(dir, 'page.html')).href, {waitUntil: 'load'})
    const [throughSvg, direct] = await page.evaluate(() =>
      Array.from(document.images).map((image) => {
        const canvas = document.createElement('canvas')
        canvas.width = canvas.height = 100
        const context = canvas.getContext('2d')!
        context.drawImage(image, 0, 0, 100, 100)
        return [...context.getImageData(50, 50, 1, 1).data]
      })
    )
    expect(direct).toEqual([255, 0, 0, 255])
    expect(throughSvg).toEqual([0, 0, 0, 0])
  } finally {
    await browser.close()
    await rm(dir, {recursive: true, force: true})
  }
}, 60_000)
