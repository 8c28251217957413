import {describe, expect, test} from 'vitest'
import {themeCoverage} from '../../src/load/theme-glyphs.js'
import type {Theme} from '../../src/load/theme.js'
import {mergeRanges, uncoveredPattern, unicodeRanges} from '../../src/model/glyphs.js'
import {ruleFindings} from '../helpers/rule-findings.js'

const findings = ruleFindings('missing-glyph', {endColumn: true})
const base = 'La :term[sextorsion] progresse [@enquete-2024].\n\n'

/** A theme of these stylesheets, as loadTheme gives it (only what themeCoverage reads). */
const themeOf = (...texts: string[]) => ({styles: texts.map((text, index) => ({name: `s${index}.css`, text}))}) as unknown as Theme

describe('missing-glyph', () => {
  test('each character the default theme’s fonts lack, once a file, at its first place, text and headings apart', async () => {
    expect(await findings({'chapters/intro.md': `${base}## Les chiffres ⚠️\n\nPlus de 10 % → moins de 5 % ; ≥ 15 ans, ≥ 18 ans.\n\n| Âge | Part |\n|---|---|\n| ≥ 18 | 3 % [@enquete-2024] |\n`})).toEqual([
      'chapters/intro.md:3:17-18 Unexpected character `⚠` (U+26A0) that the heading font, Source Sans 3, does not cover, expected a word or a character it has: the PDF would print it in another font of the machine, or as an empty box',
      'chapters/intro.md:5:14-15 Unexpected character `→` (U+2192) that the text font, Source Serif 4, does not cover, expected a word or a character it has: the PDF would print it in another font of the machine, or as an empty box',
      'chapters/intro.md:5:31-32 Unexpected character `≥` (U+2265) that the text font, Source Serif 4, does not cover (3 times in this file), expected a word or a character it has: the PDF would print it in another font of the machine, or as an empty box'
    ])
  })

  test('the glossary: a term’s or a definition’s character, at its field', async () => {
    expect(await findings({'glossary.yaml': '- id: sextorsion\n  term: sextorsion\n  definition: Chantage → diffusion d’images intimes.\n'})).toEqual([
      'glossary.yaml:3:15-53 Unexpected character `→` (U+2192) that the text font, Source Serif 4, does not cover, expected a word or a character it has: the PDF would print it in another font of the machine, or as an empty box'
    ])
  })

  test('the attributes blocks print, at the attribute; the others (ids, keys) are not read', async () => {
    expect(await findings({'chapters/intro.md': `${base}:::viewpoint{author="Dr Ōtsuka ✓" role="Psychiatre → pédiatre"}\nUn avis.\n:::\n\n:::stat{#stat-→ value="≥ 40 %" source=enquete-2024}\ndes répondants.\n:::\n`})).toEqual([
      'chapters/intro.md:3:14-34 Unexpected character `✓` (U+2713) that the text font, Source Serif 4, does not cover, expected a word or a character it has: the PDF would print it in another font of the machine, or as an empty box',
      'chapters/intro.md:3:35-63 Unexpected character `→` (U+2192) that the text font, Source Serif 4, does not cover, expected a word or a character it has: the PDF would print it in another font of the machine, or as an empty box',
      'chapters/intro.md:7:17-31 Unexpected character `≥` (U+2265) that the text font, Source Serif 4, does not cover, expected a word or a character it has: the PDF would print it in another font of the machine, or as an empty box'
    ])
  })

  test("rapporteur.yaml's title in the heading font, the axes' labels in the text font, at their values", async () => {
    const config = 'title: Agir ✓\norganisation: Fondation Exemple\nlang: fr\ndate: 2026-01\naxes:\n  - {id: prevention, label: Prévention → détection}\neditions:\n  full: {title: Rapport, files: [chapters/intro.md], output: rapport}\n'
    expect(await findings({'rapporteur.yaml': config})).toEqual([
      'rapporteur.yaml:1:8-14 Unexpected character `✓` (U+2713) that the heading font, Source Sans 3, does not cover, expected a word or a character it has: the PDF would print it in another font of the machine, or as an empty box',
      'rapporteur.yaml:6:29-51 Unexpected character `→` (U+2192) that the text font, Source Serif 4, does not cover, expected a word or a character it has: the PDF would print it in another font of the machine, or as an empty box'
    ])
  })

  test('a ligature copied from a PDF: its letters', async () => {
    expect(await findings({'chapters/intro.md': `${base}Le ﬁnancement.\n`})).toEqual([
      'chapters/intro.md:3:4-5 Unexpected character `ﬁ` (U+FB01) that the text font, Source Serif 4, does not cover, expected `fi`: the PDF would print it in another font of the machine, or as an empty box'
    ])
  })

  test('French typography, Latin letters, code and maths are not reported', async () => {
    expect(await findings({'chapters/intro.md': `${base}« Œuvre » — l’été… 1 € ; Łódź, Dvořák, Ærø, ẞ. \`→ ≥ ✓\` et $x \\geq 2$.\n\n\`\`\`\n✓ → ≥\n\`\`\`\n`})).toEqual([])
  })

  test('decomposed accents (NFD, as some systems paste them) are read as the letters they make', async () => {
    expect(await findings({'chapters/intro.md': `${base}Le re\u0301sume\u0301 de l’e\u0301te\u0301.\n`})).toEqual([])
  })

  test('a theme whose unicode-range cannot be read is not checked, and check does not stop', async () => {
    const custom = '@font-face {\n  font-family: "Marianne";\n  src: url("fonts/Marianne-Regular.woff2") format("woff2");\n  unicode-range: U+FFFFFF, U+00FF-0000;\n}\n\n:root { --rp-font-body: "Marianne", serif; }\n'
    expect(await findings({'theme/custom.css': custom, 'theme/fonts/Marianne-Regular.woff2': 'x', 'chapters/intro.md': `${base}Une flèche →.\n`})).toEqual([])
  })

  test('a theme font without unicode-range, or a font of the machine, is not checked', async () => {
    const custom = '@font-face {\n  font-family: "Marianne";\n  src: url("fonts/Marianne-Regular.woff2") format("woff2");\n}\n\n:root { --rp-font-body: "Marianne", sans-serif; --rp-font-heading: Arial, sans-serif; }\n'
    expect(await findings({'theme/custom.css': custom, 'theme/fonts/Marianne-Regular.woff2': 'x', 'chapters/intro.md': `${base}## Titre ✓\n\nUne flèche →.\n`})).toEqual([])
  })

  test('the coverage of a family is the union of its faces’ ranges, the last --rp-font-* of the cascade naming it', () => {
    const coverage = themeCoverage(themeOf(
      ':root { --rp-font-body: "Old", serif; }\n@font-face { font-family: "Inter"; unicode-range: U+0000-00FF; }\n',
      '/* --rp-font-body: "Commented"; */ :root { --rp-font-body: Inter, sans-serif; }\n@font-face { font-family: \'Inter\'; font-weight: 700; unicode-range: U+0100-017F, U+2190-2193, U+26??; }\n'
    ))
    expect(coverage.body).toEqual({family: 'Inter', ranges: [[0, 0x17f], [0x2190, 0x2193], [0x2600, 0x26ff]]})
    expect(coverage.heading).toBeUndefined()
    const found = [...'a→ł≥⚠✓'.matchAll(uncoveredPattern(coverage.body!))].map((match) => match[0])
    expect(found).toEqual(['≥', '✓'])
  })

  test('unicode-range values', () => {
    expect(unicodeRanges('U+0000-00FF, U+0131, u+4??')).toEqual([[0, 0xff], [0x131, 0x131], [0x400, 0x4ff]])
    expect(unicodeRanges('U+0000-00FF, nonsense')).toBeUndefined()
    // Browsers drop these; a pattern made of them would not compile.
    expect(unicodeRanges('U+00FF-0000')).toBeUndefined()
    expect(unicodeRanges('U+FFFFFF')).toBeUndefined()
    expect(mergeRanges([[5, 9], [0, 3], [4, 4], [20, 30], [25, 26]])).toEqual([[0, 9], [20, 30]])
  })
})
