import {describe, expect, test} from 'vitest'
import {misquotedAttributes} from '../../src/parse/attributes/misquoted.js'
import {ruleFindings} from '../helpers/rule-findings.js'

const findings = ruleFindings('attribute-quotes')
const schema = ruleFindings('schema')
const unsupported = ruleFindings('unsupported-syntax')
const base = 'La :term[sextorsion] progresse [@enquete-2024].\n\n'

describe('attribute-quotes', () => {
  test('a block whose fence has curly quotes, as Word types them, is said lost at the quote; the fence is not reported twice', async () => {
    const files = {'chapters/intro.md': `${base}:::viewpoint{author=“Une enquêtrice”}\nLes signalements affluent.\n:::\n`}
    expect(await findings(files)).toEqual(['chapters/intro.md:3:21 Unexpected curly quote `“` in an attribute list, expected straight quotes `"…"` (a word processor curls them as you type): the block is not read, and prints as written with its fence'])
    expect((await unsupported(files)).filter((finding) => finding.includes(':3:'))).toEqual([])
  })

  test('inline: French guillemets and an escaped quote; no misleading schema finding beside them', async () => {
    const files = {'chapters/intro.md': `${base}Ici :waive[12 salles]{reason=« exemple fictif »} et :term[sextorsion]{id="x \\"y\\""}.\n`}
    expect(await findings(files)).toEqual([
      'chapters/intro.md:3:30 Unexpected curly quote `«` in an attribute list, expected straight quotes `"…"` (a word processor curls them as you type): the attributes are misread',
      'chapters/intro.md:3:77 Unexpected `\\"` inside a quoted attribute value, expected the value in single quotes when it holds double quotes (`key=\'table "Income"\'`): the attributes are misread'
    ])
    expect(await schema(files)).toEqual([])
  })

  test('straight quotes, curly ones inside a straight-quoted value, apostrophes, and code are fine', async () => {
    expect(await findings({'chapters/intro.md': `${base}:::viewpoint{author="Une « enquêtrice »" role='l’équipe'}\nTexte.\n:::\n\n\`{a=“code”}\` et :term[sextorsion]{id='d’abord'}.\n\n\`\`\`\n:::viewpoint{author=“x”}\n\`\`\`\n`})).toEqual([])
  })
})

describe('misquotedAttributes', () => {
  test('finds the first misquote of each list, at its offset', () => {
    expect(misquotedAttributes('a {#x key=“v w”} b {k="a \\"b\\""}')).toEqual([
      {offset: 10, quote: '“', kind: 'curly'},
      {offset: 25, quote: '"', kind: 'escaped'}
    ])
    expect(misquotedAttributes('{#x .y k="l’été" z=\'« a »\'} {pas une liste “ici”} Il dit : {“non”}')).toEqual([])
  })
})
