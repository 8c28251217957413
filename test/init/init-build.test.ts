import {access, mkdtemp, readFile, rm} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {PDFDocument} from 'pdf-lib'
import {getDocument} from 'pdfjs-dist/legacy/build/pdf.mjs'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {build} from '../../src/api/build.js'
import {toJsonDiagnostics} from '../../src/diagnostics/to-json.js'
import {initProject} from '../../src/init/init.js'

/** The project `rapporteur init` writes, built for real: Paged.js in Chromium, both editions. */
let work: string

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'rapporteur-init-build-'))
})

afterAll(async () => {
  await rm(work, {recursive: true, force: true})
})

async function pdfText(file: string): Promise<string> {
  const pdf = await getDocument({data: new Uint8Array(await readFile(file)), verbosity: 0}).promise
  const pages = await Promise.all(
    Array.from({length: pdf.numPages}, async (_, index) => {
      const content = await (await pdf.getPage(index + 1)).getTextContent()
      return content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join('')
    })
  )
  // As a reader searches it: soft hyphens and break hyphens gone, any run of spaces one space.
  return pages.join('\n').replace(/[\u00AD-]\n/gu, '').replace(/\u00AD/gu, '').replace(/[\s\u00A0\u202F]+/gu, ' ')
}

describe.each([
  ['fr', 'rapport', 'synthese', 'La méthode'],
  ['en', 'report', 'synthesis', 'method is described']
] as const)('the %s example project', (lang, full, synthesis, footnote) => {
  test('builds both editions, as HTML and as PDFs of 2 pages or more, with no warning', async () => {
    const dir = path.join(work, lang)
    await initProject(dir, {lang})
    const result = await build(dir)
    if (!result.ok) throw new Error(`build failed: ${result.reason}`)
    expect(toJsonDiagnostics(result.files).filter((item) => item.severity !== 'info')).toEqual([])
    for (const name of [full, synthesis]) {
      await access(path.join(dir, 'dist', `${name}.html`))
      const pdf = await PDFDocument.load(await readFile(path.join(dir, 'dist', `${name}.pdf`)))
      expect(pdf.getPageCount(), `${name}.pdf`).toBeGreaterThanOrEqual(2)
    }
    // The footnote carries its own text and its citation to the foot of the page.
    expect(await pdfText(path.join(dir, 'dist', `${full}.pdf`))).toContain(footnote)
  }, 120_000)
})
