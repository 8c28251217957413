import {describe, expect, test} from 'vitest'
import {ruleFindings} from '../helpers/rule-findings.js'

/**
 * A footnote prints as lines of text at the page's foot (render/note-lines.ts): its paragraphs and
 * lists as written, any other block flattened. `unsupported-syntax` names each such block where it
 * is, rather than letting a table's cells run together in the note without a word.
 */
const findings = ruleFindings('unsupported-syntax', {endColumn: true})
const base = 'La :term[sextorsion] progresse[^n] [@enquete-2024].\n\n'
const short = (lines: string[]) => lines.map((line) => line.slice(0, line.indexOf(', expected')))

describe('blocks a footnote cannot hold', () => {
  test('paragraphs and lists, nested too, are what a note holds: nothing to say', async () => {
    expect(await findings({'chapters/intro.md': `${base}[^n]: Premier paragraphe.\n\n    Second paragraphe.\n\n    1. premier point\n\n       suite du point\n\n       - sous-point\n`})).toEqual([])
  })

  test('a table, a code block, a rule and a quotation in a list item are each reported where they are', async () => {
    const note = '[^n]: Selon l’enquête :\n\n    | Année | Part |\n    |---|---|\n    | 2023 | 12 % |\n\n    ```\n    code\n    ```\n\n    ---\n\n    - point\n\n      > citation\n'
    expect(short(await findings({'chapters/intro.md': `${base}${note}`}))).toEqual([
      'chapters/intro.md:5:5-20 Unexpected table in note `[^n]`',
      'chapters/intro.md:9:5-8 Unexpected code block in note `[^n]`',
      'chapters/intro.md:13:5-8 Unexpected horizontal rule in note `[^n]`',
      'chapters/intro.md:17:7-17 Unexpected quotation in note `[^n]`'
    ])
  })

  test('the finding says what becomes of the block', async () => {
    const [message] = await findings({'chapters/intro.md': `${base}[^n]: Texte.\n\n    ## Titre\n`})
    expect(message).toContain("Unexpected heading in note `[^n]`, expected paragraphs or a list: a note prints as lines of text at the page's foot, so it prints as a line of the note")
  })
})
