import {describe, expect, test} from 'vitest'
import {decodeText} from '../../src/load/text-encoding.js'
import {ruleFindings} from '../helpers/rule-findings.js'

const findings = ruleFindings('file-encoding', {endColumn: true})
const termFindings = ruleFindings('undefined-term')

describe('decodeText', () => {
  test('UTF-8 as it is, its byte order mark kept as Node keeps it', () => {
    expect(decodeText(Buffer.from('\uFEFFl’été', 'utf8'))).toEqual({text: '\uFEFFl’été', encoding: {name: 'utf-8'}})
  })

  test('UTF-16 by its byte order mark, little- or big-endian', () => {
    expect(decodeText(Buffer.from('\uFEFFl’été', 'utf16le')).text).toBe('l’été')
    const big = Buffer.from('\uFEFFl’été', 'utf16le').swap16()
    expect(decodeText(big)).toEqual({text: 'l’été', encoding: {name: 'utf-16be'}})
  })

  test('Windows-1252 when no byte forms UTF-8: its accents, and its own characters (’ is 0x92, € 0x80)', () => {
    expect(decodeText(Buffer.from([0x6c, 0x92, 0xe9, 0x74, 0xe9, 0x20, 0x80]))).toEqual({text: 'l’été €', encoding: {name: 'windows-1252'}})
  })

  test('UTF-8 with a few bytes that are not: read as UTF-8, the first bad one placed and counted', () => {
    const bytes = Buffer.concat([Buffer.from('été ', 'utf8'), Buffer.from([0xe9]), Buffer.from(' puis ', 'utf8'), Buffer.from([0xe0])])
    expect(decodeText(bytes)).toEqual({text: 'été \uFFFD puis \uFFFD', encoding: {name: 'utf-8', invalid: {offset: 4, count: 2}}})
  })
})

describe('file-encoding', () => {
  test('a chapter saved by Word as Windows-1252 is read right, and said so at its first accented letter', async () => {
    expect(await findings({'chapters/intro.md': {encoding: 'windows-1252', text: 'La :term[sextorsion] progresse [@enquete-2024] depuis l\'été 2024.\n'}})).toEqual([
      'chapters/intro.md:1:57-58 Unexpected Windows-1252 (Latin-1) text (`é` here), expected UTF-8: it was read as Windows-1252, but Git, Pandoc and most tools read UTF-8: save the file as UTF-8'
    ])
  })

  test('a glossary saved by Notepad as UTF-16 is read right (its terms are found), and said so', async () => {
    const result = await findings({'glossary.yaml': {encoding: 'utf-16le', text: '- id: sextorsion\n  term: sextorsion\n  definition: Chantage à la diffusion d’images intimes.\n'}})
    expect(await termFindings({'glossary.yaml': {encoding: 'utf-16le', text: '- id: sextorsion\n  term: sextorsion\n  definition: Chantage à la diffusion d’images intimes.\n'}})).toEqual([])
    expect(result).toEqual(['glossary.yaml:3:24-25 Unexpected UTF-16 text (`à` here), expected UTF-8: it was read as UTF-16, but Git, Pandoc and most tools read UTF-8: save the file as UTF-8'])
  })
})
