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
  '---\ntitle: [\n---\n', 'é', '\u00A0', '\u202F', '\r\n', '\n', '\n\n', ' ', '> ', '- ', '1. ', '*', '_', '\\', '"', 'p.', 'M.', 'etc.', '…', '🙂'
]
const yamlPieces = ['- id: ', 'a', 'enquete-2024', '\n  type: ', 'survey', 'webpage', '\n  title: ', '\n  author: ', '\n  date: ', '2024', '1850', '\n', ':', '[', ']', '{', '}', '&x ', '*x', '"', "'", '- ', '!!binary ', '? ', '|\n  ', '#', '\t', '~', 'null']

const markdown = fc.oneof(fc.array(fc.constantFrom(...markdownPieces), {maxLength: 40}).map((parts) => parts.join('')), fc.string({unit: 'grapheme', maxLength: 200}))
const yaml = fc.oneof(fc.array(fc.constantFrom(...yamlPieces), {maxLength: 30}).map((parts) => parts.join('')), fc.string({maxLength: 120}))

const made: string[] = []
afterAll(async () => Promise.all(made.map((dir) => removeProject(dir))))

describe('hostile input', () => {
  test('random Markdown, sources and glossary: diagnostics only, always inside the file', async () => {
    let checked = 0
    await fc.assert(
      fc.asyncProperty(markdown, yaml, yaml, async (chapter, sources, glossary) => {
        const dir = await writeProject({'chapters/intro.md': chapter, 'sources.yaml': sources, 'glossary.yaml': glossary})
        made.push(dir)
        const result = await check(dir)
        for (const file of result.files) {
          const lines = String(file.value).split('\n')
          for (const message of file.messages) {
            const place = message.place && 'start' in message.place ? message.place.start : message.place
            const line = place?.line ?? 1
            expect(line).toBeGreaterThanOrEqual(1)
            expect(line).toBeLessThanOrEqual(lines.length)
            expect(place?.column ?? 1).toBeGreaterThanOrEqual(1)
            expect(place?.column ?? 1).toBeLessThanOrEqual((lines[line - 1]?.length ?? 0) + 1)
            expect(message.ruleId).toMatch(/^[a-z-]+$/)
            checked++
          }
        }
      }),
      {numRuns: 150, seed: Number(process.env.FC_SEED ?? 20261122)}
    )
    // The inputs are hostile enough to produce findings: the position checks above really ran.
    expect(checked).toBeGreaterThan(100)
  }, 120_000)

  test('a random rapporteur.yaml is either valid or reported, never a crash', async () => {
    const configPieces = ['title: ', 'x', '\nlang: ', 'fr', '12', '\ndate: ', '2026', '\naxes: ', '[]', '[{id: a, label: A}]', '\neditions: ', '{full: {title: R, files: [chapters/intro.md], output: r}}', '\norganisation: ', 'O', ':', '{', '[', '\n', '  ', '- ']
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...configPieces), {maxLength: 24}).map((parts) => parts.join('')), async (config) => {
        const dir = await writeProject({'rapporteur.yaml': config})
        made.push(dir)
        const result = await check(dir)
        if (!result.ok) expect(result.files[0]!.messages.length).toBeGreaterThan(0)
      }),
      {numRuns: 100, seed: Number(process.env.FC_SEED ?? 20261122)}
    )
  }, 60_000)
})
