import {execFileSync} from 'node:child_process'
import {copyFile, mkdir, readFile} from 'node:fs/promises'
import {createRequire} from 'node:module'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {PDFDocument} from 'pdf-lib'
import type {Browser} from 'puppeteer-core'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {build, type BuildResult} from '../../src/api/build.js'
import {toJsonDiagnostics} from '../../src/diagnostics/to-json.js'
import {loadTheme, packageRoot} from '../../src/load/theme.js'
import {launchBrowser, resolveBrowser} from '../../src/print/browser.js'
import {pdfFontNames} from '../../src/print/pdf-fonts.js'
import {hasPdftoppm, pageImage} from '../helpers/page-image.js'
import {hasPdftotext, pdfPages} from '../helpers/pdf-text.js'
import {removeProject, writeProject} from '../helpers/project.js'

/**
 * The designer's path (docs/designers.md, "Adding to a theme"): a project that keeps the default
 * theme and sets its fonts and colours in theme/custom.css alone, with two font files in
 * theme/fonts/ under @fontsource names, and one axis's colour in rapporteur.yaml. It builds, the PDF
 * embeds those two fonts and no other, and the pages show those colours.
 *
 * One font keeps its own name (`source-serif-4-latin-300-normal.woff2`, of a package rapporteur
 * has: the project's copy is used). The other is named as @fontsource/acme-grotesk would name it, a
 * package that is not installed: the case that stopped the build with `internal error: ENOENT`.
 * `UPDATE_DOCS=1` writes the page image docs/designers.md shows (docs/images/designer-custom-css.png).
 */
const customCss = `/* Acme's house style, added to the default theme: its own two fonts, its colours. */

/* One file per family: every weight uses it, so the browser fakes no bold. */
@font-face {
  font-family: "Acme Serif";
  font-weight: 100 900;
  src: url("fonts/source-serif-4-latin-300-normal.woff2") format("woff2");
}

@font-face {
  font-family: "Acme Grotesk";
  font-weight: 100 900;
  src: url("fonts/acme-grotesk-latin-800-normal.woff2") format("woff2");
}

:root {
  --rp-font-body: "Acme Serif", Georgia, serif;
  --rp-font-heading: "Acme Grotesk", Arial, sans-serif;
  --rp-color-accent: #7a1f5c;
  --rp-color-surface: #f7eef4;
  --rp-axis-prevention: #b4490f;
  --rp-running-head-color: #7a1f5c;
}
`

const project: Record<string, string> = {
  'rapporteur.yaml': `title: Reading at home
subtitle: Shared reading in the families of Northbrook
organisation: Acme Foundation
lang: en
date: 2026-03
axes:
  - {id: prevention, label: Prevention}
  - {id: support, label: Support, color: "#0b6e4f"}
editions:
  full: {title: Full report, files: [chapters/findings.md], output: report}
`,
  'sources.yaml': `- id: survey-2025
  type: survey
  title: Reading in the family
  author: Northbrook Observatory
  date: 2025
`,
  'glossary.yaml': `- id: shared-reading
  term: shared reading
  definition: An adult and a child read the same book together, aloud or in turns.
`,
  'chapters/findings.md': `# Reading at home

Three children in ten read every evening with an adult [@survey-2025]. :term[Shared reading] is
most common before the age of six, and least common where both parents work late.

:::stat{#stat-evening value="3 in 10" source=survey-2025 locator="p. 4"}
children read every evening with an adult.
:::

| Age | Reads with an adult |
|---|---:|
| Under 6 | 41 % |
| 6 to 10 | 22 % |

: Shared reading by age [@survey-2025] {#tbl-age}

## What we recommend

Each recommendation names its axis; the colour of each axis comes from the theme.

:::recommendation{#rec-libraries axis=prevention actors="Town council, libraries"}
### Open the libraries in the evening
Families who work late can borrow books on the way home.
:::

:::recommendation{#rec-bags axis=support actors="Schools"}
### A bag of books for every new pupil
Each child starting school takes home three books chosen with the teacher.
:::
`,
  'theme/custom.css': customCss
}

const fontsource = (pkg: string, file: string) => path.join(path.dirname(createRequire(path.join(packageRoot, 'package.json')).resolve(`@fontsource/${pkg}/package.json`)), 'files', file)
const fonts = {
  'source-serif-4-latin-300-normal.woff2': fontsource('source-serif-4', 'source-serif-4-latin-300-normal.woff2'),
  'acme-grotesk-latin-800-normal.woff2': fontsource('source-sans-3', 'source-sans-3-latin-800-normal.woff2')
}

let dir: string
let result: BuildResult
let browser: Browser

beforeAll(async () => {
  dir = await writeProject(project, {})
  await mkdir(path.join(dir, 'theme/fonts'))
  for (const [name, from] of Object.entries(fonts)) await copyFile(from, path.join(dir, 'theme/fonts', name))
  result = await build(dir)
  browser = await launchBrowser(await resolveBrowser({env: process.env}), {timeoutMs: 30_000, frames: true})
}, 180_000)

afterAll(async () => {
  await browser?.close()
  if (process.env.KEEP_DESIGNER) console.log('KEPT', dir)
  else await removeProject(dir)
})

describe('a project theme made of custom.css and two fonts', () => {
  test('builds, with no error and no font warning', () => {
    if (!result.ok) throw new Error(`build failed: ${result.reason}: ${JSON.stringify(toJsonDiagnostics(result.files))}`)
    const diagnostics = toJsonDiagnostics(result.files)
    expect(diagnostics.filter((item) => item.severity === 'error')).toEqual([])
    expect(diagnostics.filter((item) => /font|glyph/u.test(item.rule))).toEqual([])
  })

  test('the fonts come from theme/fonts/, copied beside the HTML as they are', async () => {
    const theme = await loadTheme(dir)
    for (const [name, from] of Object.entries(fonts)) {
      expect(theme.fonts.find((font) => font.file === name)?.from, name).toBe('project')
      expect(await readFile(path.join(dir, 'dist/assets/fonts', name))).toEqual(await readFile(from))
    }
    const custom = await readFile(path.join(dir, 'dist/assets/styles/custom.css'), 'utf8')
    expect(custom).toContain('src: url("../fonts/acme-grotesk-latin-800-normal.woff2") format("woff2");')
    // The last stylesheet of the page (Mustache writes `/` as `&#x2F;`).
    expect(await readFile(path.join(dir, 'dist/report.html'), 'utf8')).toMatch(/<link rel="stylesheet" href="assets(?:\/|&#x2F;)styles(?:\/|&#x2F;)custom\.css">\n<\/head>/u)
  })

  test('the PDF embeds those two fonts, and no other', async () => {
    const pdf = await PDFDocument.load(await readFile(path.join(dir, 'dist/report.pdf')), {updateMetadata: false})
    // The files' own names: Source Serif 4 Light and Source Sans 3 ExtraBold, which the default theme never uses.
    expect(pdfFontNames(pdf)).toEqual(['SourceSans3ExtraLight-ExtraBold', 'SourceSerif4-Light'])
  })

  test('the print HTML has those fonts and colours, custom.css and rapporteur.yaml both heard', async () => {
    const page = await browser.newPage()
    try {
      await page.goto(pathToFileURL(path.join(dir, 'dist/.print/report.html')).href, {waitUntil: 'load'})
      const seen = await page.evaluate(async () => {
        await document.fonts.ready
        const style = (selector: string) => getComputedStyle(document.querySelector(selector)!)
        return {
          body: style('main p').fontFamily,
          heading: style('.rp-chapter__title').fontFamily,
          title: style('.rp-chapter__title').color,
          prevention: style('.rp-recommendation[data-axis="prevention"]').borderLeftColor,
          support: style('.rp-recommendation[data-axis="support"]').borderLeftColor,
          surface: style('.rp-recommendation').backgroundColor,
          loaded: [...(document.fonts as unknown as Iterable<FontFace>)].filter((face) => face.family.replace(/"/gu, '').startsWith('Acme')).map((face) => `${face.family.replace(/"/gu, '')} ${face.status}`).sort()
        }
      })
      expect(seen).toEqual({
        body: '"Acme Serif", Georgia, serif',
        heading: '"Acme Grotesk", Arial, sans-serif',
        title: 'rgb(122, 31, 92)',
        prevention: 'rgb(180, 73, 15)',
        support: 'rgb(11, 110, 79)',
        surface: 'rgb(247, 238, 244)',
        loaded: ['Acme Grotesk loaded', 'Acme Serif loaded']
      })
    } finally {
      await page.close()
    }
  })

  test.skipIf(!hasPdftoppm || !hasPdftotext)("the pages show them: the cover's strip in the accent, each axis's rule in its colour", async () => {
    const pdf = path.join(dir, 'dist/report.pdf')
    const cover = await pageImage(pdf, 1)
    expect(cover.pixel(100, 5)).toEqual([122, 31, 92])
    // The chapter's first page: its title, the key figure, the table and both recommendations.
    const page = pdfPages(pdf).findIndex((text) => text.includes('Open the libraries')) + 1
    expect(page).toBeGreaterThan(1)
    const image = await pageImage(pdf, page)
    const count = (rgb: [number, number, number]) => {
      let found = 0
      for (let y = 0; y < image.height; y++) for (let x = 0; x < image.width; x++) if (image.pixel(x, y).every((value, index) => Math.abs(value - rgb[index]!) <= 2)) found++
      return found
    }
    expect(count([180, 73, 15]), 'prevention, from custom.css').toBeGreaterThan(100)
    expect(count([11, 110, 79]), 'support, from rapporteur.yaml').toBeGreaterThan(100)
    if (process.env.UPDATE_DOCS) execFileSync('pdftoppm', ['-r', '60', '-png', '-f', String(page), '-l', String(page), '-singlefile', pdf, path.join(packageRoot, 'docs/images/designer-custom-css')])
  })
})
