import fc from 'fast-check'
import {afterAll, describe, expect, test} from 'vitest'
import {check} from '../../src/api/check.js'
import {removeProject, writeProject} from '../helpers/project.js'

/**
 * Random and hostile input never crashes `check`: it gives diagnostics (or a broken-config
 * result), and every diagnostic points inside the file it names.
 */
const markdownPieces = [
  ':::stat{#s value="12 %" source=enquete-2024}\n', ':::recommendation{#r axis=prevention}\n', ':::viewpoint{author="A"}\n', ':::\n', '::recommendations{axis=x}\n',
  '[@enquete-2024]', '[@', ']', '[see @a, p. 3; @b]', '[^1]', '[^1]: note [@x]\n', ':term[', ':term[sextorsion]', ':ref[#r]', ':waive[12]{reason=""}', '{', '}', '#', '# Titre\n',
  '| a | b |\n|---|---|\n| 1 | 2 |\n', '12 %', '100 000', '1 sur 5', '2024', '23 avril 2024', '14:30', 'article 227-23', '<div>', '<!-- c -->', '![](x.png)', '`code`', '---\n',
  '---\ntitle: [\n---\n', 'é', '\u00A0', '\u202F', '\r\n', '\n', '\n\n', ' ', '> ', '- ', '1. ', '*', '_', '\\', '"', 'p.', 'M.', 'etc.', '…', '🙂',
  // Pandoc and Quarto: attributes, spans, fenced divs and callouts, figures, captions, cross-references, notes, maths.
  '{#sec-a .unnumbered}', '{.x key="v w"}', '{-}', '[span]{.smallcaps}', '::: {.callout-note}\n', '::: warning\n', ':::: {#d}\n', '![Carte](c.png){#fig-c width=70%}',
  ': Légende {#tbl-t}\n', 'Table: L\n', '@fig-c', '[-@tbl-t]', '@sec-a', '^[note [@a]]', '^[', 'H~2~O', '10^6^', '~', '^', 'Terme\n: définition\n', '$x^2$', '$$\n\\frac{a}{b}\n$$\n',
  '$', '$$', '{{< include a.qmd >}}', '```{=latex}\n\\newpage\n```\n', '\\newpage\n', '```{r}\n1\n```\n', '(@) ', '| ligne\n',
  // Conditional content, pastes from spreadsheets and Word, addresses with spaces, wiki links.
  '::: {.content-visible when-format="html"}\n', '[x]{.content-hidden unless-format="pdf" when-meta="a"}', 'a\tb\t12 %\n', '•\tpoint\n', '![C](a b.png)', '[[W 3]]'
]
const yamlPieces = ['- id: ', 'a', 'enquete-2024', '\n  type: ', 'survey', 'webpage', '\n  title: ', '\n  author: ', '\n  date: ', '2024', '1850', '\n', ':', '[', ']', '{', '}', '&x ', '*x', '"', "'", '- ', '!!binary ', '? ', '|\n  ', '#', '\t', '~', 'null']

const markdown = fc.oneof(fc.array(fc.constantFrom(...markdownPieces), {maxLength: 40}).map((parts) => parts.join('')), fc.string({unit: 'grapheme', maxLength: 200}))
const yaml = fc.oneof(fc.array(fc.constantFrom(...yamlPieces), {maxLength: 30}).map((parts) => parts.join('')), fc.string({maxLength: 120}))

const made: string[] = []
afterAll(async () => Promise.all(made.splice(0).map((dir) => removeProject(dir))))

/** Runs per property: a quick form in `npm test`; `npm run fuzz` sets FUZZ_RUNS for the long one. */
const runs = (quick: number) => Number(process.env.FUZZ_RUNS ?? quick)
const seed = Number(process.env.FC_SEED ?? 20261122)

/** Every diagnostic points inside the file it names; returns how many were looked at. */
function expectPlacesInside(files: ReadonlyArray<{value: unknown; messages: ReadonlyArray<{place?: unknown; ruleId?: string | null}>}>): number {
  let checked = 0
  for (const file of files) {
    const lines = String(file.value).split('\n')
    for (const message of file.messages) {
      const raw = message.place as {start?: {line: number; column: number}; line?: number; column?: number} | undefined
      const place = raw && 'start' in raw ? raw.start : raw
      const line = place?.line ?? 1
      expect(line).toBeGreaterThanOrEqual(1)
      expect(line).toBeLessThanOrEqual(lines.length)
      expect(place?.column ?? 1).toBeGreaterThanOrEqual(1)
      expect(place?.column ?? 1).toBeLessThanOrEqual((lines[line - 1]?.length ?? 0) + 1)
      expect(message.ruleId).toMatch(/^[a-z-]+$/)
      checked++
    }
  }
  return checked
}

/** CSL-JSON items of every shape: right fields with wrong types, nesting, odd keys (the crashes users met). */
const cslValue = fc.oneof(fc.string({maxLength: 12}), fc.integer(), fc.constant(null), fc.boolean(), fc.array(fc.oneof(fc.string({maxLength: 6}), fc.record({family: fc.string({maxLength: 6}), given: fc.anything()}, {requiredKeys: []})), {maxLength: 3}), fc.record({'date-parts': fc.anything()}, {requiredKeys: []}), fc.dictionary(fc.string({maxLength: 4}), fc.anything(), {maxKeys: 3}))
const cslJson = fc
  .array(fc.record({id: fc.oneof(fc.string({maxLength: 8}), fc.integer()), type: fc.oneof(fc.constantFrom('report', 'article-journal', 'book', 'webpage', 'x'), fc.anything()), title: cslValue, author: cslValue, issued: cslValue, URL: cslValue, page: cslValue}, {requiredKeys: []}), {maxLength: 5})
  .map((items) => JSON.stringify(items))
const bibPieces = ['@article{', '@misc{', '@inproceedings{', 'enquete-2024', ',', ' title = {', ' author = {', 'Doe, Jane and Roe, R.', '}', '{', ' year = 2024', ' date = {2024-05}', '"', '\\', '\\\'{e}', '@string{a = "b"}', '@comment{', '#', '%', '\n', ' url = {http://x}', ' = ', '@', '}}', ' date = {2023-10/}', ' date = {2023-02-30~}', ' year = {2023a}', ' month = {13}', ' publisher = oup', ' # ', '\\foo', '\\,', '{\\\'\\i}', ' number = 3', ' issue = {x}', '\n@book{']
const bibtex = fc.array(fc.constantFrom(...bibPieces), {maxLength: 40}).map((parts) => parts.join(''))
const risPieces = ['TY  - ', 'JOUR', 'RPRT', 'ELEC', 'WEB', 'XYZ', 'ER  - ', 'AU  - ', 'Doe, Jane', 'TI  - ', 'Un titre', 'PY  - ', '2024', '2024/05/', 'Y2  - ', 'ID  - ', 'enquete-2024', 'SP  - ', 'EP  - ', 'L1  - ', 'ZZ  - ', ' - ', '\n', '\r\n', '\uFEFF', '  ', 'é']
const ris = fc.array(fc.constantFrom(...risPieces), {maxLength: 40}).map((parts) => parts.join(''))

describe('hostile input', () => {
  test('random Markdown, sources and glossary: diagnostics only, always inside the file', async () => {
    let checked = 0
    await fc.assert(
      fc.asyncProperty(markdown, yaml, yaml, async (chapter, sources, glossary) => {
        const dir = await writeProject({'chapters/intro.md': chapter, 'sources.yaml': sources, 'glossary.yaml': glossary})
        made.push(dir)
        const result = await check(dir)
        checked += expectPlacesInside(result.files)
      }),
      {numRuns: runs(150), seed, timeout: 10_000}
    )
    // The inputs are hostile enough to produce findings: the position checks above really ran.
    expect(checked).toBeGreaterThan(100)
  }, Number(process.env.FUZZ_TIMEOUT ?? 120_000))

  test('a random rapporteur.yaml is either valid or reported, never a crash', async () => {
    const configPieces = ['title: ', 'x', '\nlang: ', 'fr', '12', '\ndate: ', '2026', '\naxes: ', '[]', '[{id: a, label: A}]', '\neditions: ', '{full: {title: R, files: [chapters/intro.md], output: r}}', '\norganisation: ', 'O', ':', '{', '[', '\n', '  ', '- ']
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...configPieces), {maxLength: 24}).map((parts) => parts.join('')), async (config) => {
        const dir = await writeProject({'rapporteur.yaml': config})
        made.push(dir)
        const result = await check(dir)
        if (!result.ok) expect(result.files[0]!.messages.length).toBeGreaterThan(0)
      }),
      {numRuns: runs(100), seed, timeout: 10_000}
    )
  }, Number(process.env.FUZZ_TIMEOUT ?? 60_000))

  test('random CSL-JSON, BibTeX and RIS registries: findings in place, never a crash', async () => {
    let checked = 0
    await fc.assert(
      fc.asyncProperty(fc.oneof(cslJson.map((json) => ({'sources.json': json})), bibtex.map((bib) => ({'sources.bib': bib})), ris.map((text) => ({'sources.ris': text}))), async (files) => {
        const dir = await writeProject(files)
        made.push(dir)
        const result = await check(dir)
        expect(result.ok).toBe(true)
        checked += expectPlacesInside(result.files)
      }),
      {numRuns: runs(150), seed, timeout: 10_000}
    )
    expect(checked).toBeGreaterThan(100)
  }, Number(process.env.FUZZ_TIMEOUT ?? 120_000))
})
