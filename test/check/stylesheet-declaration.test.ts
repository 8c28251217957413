import {readdir, readFile} from 'node:fs/promises'
import path from 'node:path'
import {describe, expect, test} from 'vitest'
import {VFile} from 'vfile'
import {stylesheetDeclarations} from '../../src/load/stylesheet-syntax.js'
import {ruleFindings} from '../helpers/rule-findings.js'

/** What a browser would skip in the project's own stylesheets, without a word: said at its place. */
const findings = ruleFindings('stylesheet-declaration')
const repo = path.join(import.meta.dirname, '../..')

describe('stylesheet-declaration', () => {
  test('an unknown property with the closest, a value with its grammar, an @font-face descriptor misspelt', async () => {
    expect(await findings({'theme/custom.css': 'h1 {\n  colr: #1e6b45;\n  font-size: 12 pt;\n}\n\n@media print {\n  .rp-stat__value { color: #1e6b4; }\n}\n\n@font-face {\n  font-family: "Marianne";\n  font-weigth: 400;\n  src: url("fonts/Marianne-Regular.woff2") format("woff2");\n}\n', 'theme/fonts/Marianne-Regular.woff2': 'wOF2'})).toEqual([
      'theme/custom.css:2:3 Unexpected property `colr`, which browsers skip, expected a CSS property, did you mean `color`?',
      'theme/custom.css:3:3 Unexpected value `12 pt` for `font-size`, expected `<absolute-size> | <relative-size> | <length-percentage [0,∞]> | math`: browsers skip the declaration',
      'theme/custom.css:7:21 Unexpected value `#1e6b4` for `color`, expected `<color>`: browsers skip the declaration',
      'theme/custom.css:12:3 Unexpected property `font-weigth`, which browsers skip, expected a CSS property, did you mean `font-weight`?'
    ])
  })

  test('text the parser cannot read and an unknown at-rule, with the closest; paged media’s margin boxes and footnote area are known', async () => {
    const css = 'h1 {\n  font-size 2rem;\n  color: #1e6b45;\n}\n\n@pgae {\n  margin: 2cm;\n}\n\n@page {\n  @top-center { content: string(titre); }\n  @footnote { border-top: 1px solid; }\n}\n\n@media prnt, print {\n  h1 { color: black; }\n}\n'
    expect(await findings({'theme/custom.css': css})).toEqual([
      'theme/custom.css:2:13 Unexpected CSS here, expected colon: browsers skip the declaration or the rule it stands in',
      'theme/custom.css:6:1 Unexpected at-rule `@pgae`, which browsers skip with all it holds, expected one CSS or paged media has, did you mean `@page`?',
      'theme/custom.css:15:8 Unexpected media type `prnt`, expected `print` (the PDF), `screen` (the web page) or `all`, did you mean `print`?: no output matches it, so the rules inside never apply'
    ])
  })

  test('media queries: a type after `only` or `not` at its place, a misspelt feature with the closest, min- and max- known', async () => {
    const css = '@media only scren and (max-width: 40em) {\n  h1 { color: black; }\n}\n\n@media print and (min-widht: 10cm), (orientaton: landscape), (prefers-color-scheme: dark) {\n  h2 { color: black; }\n}\n'
    expect(await findings({'theme/custom.css': css})).toEqual([
      'theme/custom.css:1:13 Unexpected media type `scren`, expected `print` (the PDF), `screen` (the web page) or `all`, did you mean `screen`?: no output matches it, so the rules inside never apply',
      'theme/custom.css:5:18 Unexpected media feature `min-widht`, expected one of CSS, did you mean `min-width`?: browsers take the query as false, so the rules inside never apply',
      'theme/custom.css:5:37 Unexpected media feature `orientaton`, expected one of CSS, did you mean `orientation`?: browsers take the query as false, so the rules inside never apply'
    ])
  })

  test('every stylesheet rapporteur ships reads as CSS and paged media: nothing reported', async () => {
    const folders = ['styles', ...(await readdir(path.join(repo, 'themes'))).map((theme) => `themes/${theme}/styles`)]
    const files: VFile[] = []
    for (const folder of folders) {
      for (const name of (await readdir(path.join(repo, folder))).filter((file) => file.endsWith('.css'))) files.push(new VFile({path: `${folder}/${name}`, value: await readFile(path.join(repo, folder, name), 'utf8')}))
    }
    expect(files.length).toBeGreaterThanOrEqual(6)
    expect(stylesheetDeclarations(files)).toEqual([])
  })
})
