import {describe, expect, test} from 'vitest'
import {ruleFindings} from '../helpers/rule-findings.js'

/** A paragraph indented from Word is an indented code block: said at its first character, with what to write. */
const findings = ruleFindings('indented-code', {endColumn: true, length: 60})

describe('indented-code', () => {
  test('a tab, four spaces, too deep under a list item, inside a quotation: each at its first line, past the indent', async () => {
    const text = 'Un constat [@enquete-2024] sur la :term[sextorsion].\n\n\tCollé depuis Word : 42 % des cas.\n\n- un point\n\n          trop loin sous le point\n\n> cité\n>\n>     indenté dans la citation\n'
    expect(await findings({'chapters/intro.md': text})).toEqual([
      'chapters/intro.md:3:2-35 Unexpected indented code block (`Collé depuis Word : 42 % de',
      'chapters/intro.md:7:11-34 Unexpected indented code block (`trop loin sous le point`, i',
      'chapters/intro.md:11:7-31 Unexpected indented code block (`indenté dans la citation`, '
    ])
  })

  test('fenced code (backticks or tildes, in a list item too) and a list item\'s second paragraph are not reported', async () => {
    const text = 'Un constat [@enquete-2024] sur la :term[sextorsion].\n\n```\ncode\n```\n\n~~~yaml\na: 1\n~~~\n\n- un point\n\n    son second paragraphe\n\n  ```\n  code\n  ```\n'
    expect(await findings({'chapters/intro.md': text})).toEqual([])
  })
})
