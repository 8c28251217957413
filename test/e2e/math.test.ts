import {readdir, readFile} from 'node:fs/promises'
import path from 'node:path'
import {PDFDocument} from 'pdf-lib'
import {getDocument} from 'pdfjs-dist/legacy/build/pdf.mjs'
import {afterAll, describe, expect, test} from 'vitest'
import {build} from '../../src/api/build.js'
import {pdfFontNames} from '../../src/print/pdf-fonts.js'
import {removeProject, writeProject} from '../helpers/project.js'

/**
 * TeX maths built for real: KaTeX at build time, Paged.js in Chromium, offline. The PDF's text
 * holds the formula's symbols, no TeX source, and KaTeX's fonts are embedded in it.
 */
const made: string[] = []
afterAll(async () => Promise.all(made.map((dir) => removeProject(dir))))

const chapter = `# Introduction

Un constat [@enquete-2024] sur la :term[sextorsion] : le seuil $\\alpha = 0.05$ et la somme $\\sum_{i=1}^{n} x_i$ suffisent, pour 10 $ ou 5 €.

$$
\\frac{\\beta}{\\gamma} \\leq \\sqrt{\\pi}
$$

Et dans le texte, $$\\Omega \\neq \\emptyset$$ pour finir.
`

async function text(file: string): Promise<string> {
  const pdf = await getDocument({data: new Uint8Array(await readFile(file)), verbosity: 0}).promise
  const pages: string[] = []
  for (let number = 1; number <= pdf.numPages; number++) {
    const content = await (await pdf.getPage(number)).getTextContent()
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '))
  }
  return pages.join('\n')
}

describe('maths in a built report', () => {
  test('HTML and PDF: KaTeX’s stylesheet and fonts beside the HTML, symbols in the PDF, fonts embedded', async () => {
    const dir = await writeProject({'chapters/intro.md': chapter})
    made.push(dir)
    const result = await build(dir, {formats: ['pdf', 'html']})
    expect(result.ok, result.ok ? '' : result.files.flatMap((file) => file.messages.map(String)).join('\n')).toBe(true)
    if (!result.ok) return
    const [edition] = result.editions

    // The web page: KaTeX's markup, MathML with the TeX, its stylesheet linked and shipped.
    // (Mustache writes `/` in attributes as `&#x2F;`.)
    const html = (await readFile(edition!.html!, 'utf8')).replaceAll('&#x2F;', '/')
    expect(html).toContain('<link rel="stylesheet" href="assets/katex/katex.min.css">')
    expect(html).toContain('<annotation encoding="application/x-tex">\\alpha = 0.05</annotation>')
    expect(html).not.toMatch(/\$\$|\$\\alpha/u)
    const out = path.join(dir, 'dist')
    expect(await readdir(path.join(out, 'assets', 'katex'))).toContain('katex.min.css')
    expect(await readdir(path.join(out, 'assets', 'katex', 'fonts'))).toContain('KaTeX_Main-Regular.woff2')
    expect((await readFile(path.join(out, '.print', 'rapport.html'), 'utf8')).replaceAll('&#x2F;', '/')).toContain('<link rel="stylesheet" href="../assets/katex/katex.min.css">')

    // The PDF: the symbols, not the TeX.
    const printed = await text(edition!.pdf!)
    // (KaTeX draws `\neq` as `=` with a slash of its own font: no `≠` to look for.)
    for (const symbol of ['α', '0.05', 'β', 'γ', 'π', 'Ω', '∑', '≤', '∅']) expect(printed, symbol).toContain(symbol)
    expect(printed).not.toContain('$$')
    expect(printed).not.toContain('\\frac')
    expect(printed).not.toContain('\\alpha')
    expect(printed).toContain('10 $')

    // KaTeX's fonts are embedded (not a fallback), and the preflight expected them.
    const fonts = pdfFontNames(await PDFDocument.load(await readFile(edition!.pdf!)))
    expect(fonts.filter((name) => name.startsWith('KaTeX_'))).toEqual(expect.arrayContaining(['KaTeX_Main-Regular', 'KaTeX_Math-Italic']))
    const warnings = result.files.flatMap((file) => file.messages).filter((message) => message.ruleId === 'preflight-missing-glyph' || message.ruleId === 'preflight-font' || message.ruleId?.startsWith('print-'))
    expect(warnings.map(String)).toEqual([])
  }, 120_000)
})
