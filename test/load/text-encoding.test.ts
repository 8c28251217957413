import {describe, expect, test} from 'vitest'
import {binaryKind, decodeText} from '../../src/load/text-encoding.js'
import {ruleFindings} from '../helpers/rule-findings.js'

const findings = ruleFindings('file-encoding', {endColumn: true})
const termFindings = ruleFindings('undefined-term')

describe('decodeText', () => {
  test('UTF-8 as it is, without its byte order mark (no part of the text)', () => {
    expect(decodeText(Buffer.from('\uFEFFl’été', 'utf8'))).toEqual({text: 'l’été', encoding: {name: 'utf-8'}})
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

describe('a file that is no text, where text is expected', () => {
  test('what it is, by its first bytes, with what to do', () => {
    const zip = Buffer.from('PK\x03\x04rest', 'latin1')
    expect(binaryKind(zip, 'chapters/annexe.docx')).toMatch(/^a Word document: save it as Markdown/u)
    expect(binaryKind(zip, 'annexe.odt')).toMatch(/^an OpenDocument text/u)
    expect(binaryKind(zip, 'chiffres.xlsx')).toMatch(/^a spreadsheet/u)
    expect(binaryKind(Buffer.from('%PDF-1.7\n', 'latin1'), 'rapport.md')).toMatch(/^a PDF/u)
    expect(binaryKind(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]), 'x.md')).toMatch(/^an image/u)
    expect(binaryKind(Buffer.from([0x61, 0x00, 0x62]), 'x.md')).toBe('not a text file')
    // Text, in any encoding decodeText reads, is text.
    expect(binaryKind(Buffer.from('\uFEFF# Titre', 'utf16le'), 'x.md')).toBeUndefined()
    expect(binaryKind(Buffer.from('# Titre é', 'latin1'), 'x.md')).toBeUndefined()
  })

  test('a Word document listed as a chapter, and a line naming two files, are reported at their lines in rapporteur.yaml', async () => {
    const {writeFile} = await import('node:fs/promises')
    const {removeProject, writeProject} = await import('../helpers/project.js')
    const config = 'title: Exemple\norganisation: Fondation\nlang: fr\ndate: 2026-01\naxes: [{id: prevention, label: Prévention}]\neditions:\n  full:\n    title: Rapport\n    files:\n      - chapters/intro.md, chapters/suite.md\n      - chapters/annexe.docx\n    output: rapport\n'
    const dir = await writeProject({'rapporteur.yaml': config, 'chapters/suite.md': '# Suite\n'})
    try {
      await writeFile(`${dir}/chapters/annexe.docx`, Buffer.from('PK\x03\x04word/document.xml', 'latin1'))
      const {check} = await import('../../src/api/check.js')
      const result = await check(dir)
      const messages = result.files.flatMap((file) => file.messages.filter((message) => message.ruleId === 'schema').map((message) => `${file.path}:${message.line}:${message.column} ${message.reason}`))
      expect(messages).toEqual([
        'rapporteur.yaml:10:9 Cannot find `chapters/intro.md, chapters/suite.md`, expected one file a line (`- chapters/intro.md` then `- chapters/suite.md`) or a list in brackets (`[chapters/intro.md, chapters/suite.md]`): YAML reads this line as one name',
        'rapporteur.yaml:11:9 Cannot read `chapters/annexe.docx` as text: it is a Word document: save it as Markdown (Pandoc: `pandoc file.docx -t markdown -o file.md`), or paste its text into a `.md` file'
      ])
    } finally {
      await removeProject(dir)
    }
  })
})

describe('a byte order mark at the start of a UTF-8 file (Notepad writes one)', () => {
  const all = async (text: string) => {
    const {removeProject, writeProject} = await import('../helpers/project.js')
    const {check} = await import('../../src/api/check.js')
    const dir = await writeProject({'chapters/intro.md': text})
    try {
      const result = await check(dir)
      return result.files.flatMap((file) => file.messages.map((message) => `${file.path}:${message.line}:${message.column} ${message.ruleId}`))
    } finally {
      await removeProject(dir)
    }
  }

  test('changes nothing: no colon read as a directive, notes and links read, every column as without it', async () => {
    const text = '# Intro\n\nLa :term[sextorsion] progresse [@enquete-2024] : 3:1 à 10:30.[^1] Voir [le guide][g].\n\nEn 2024, 45 % des cas.\n\n[^1]: Une note [@enquete-2024].\n\n[g]: https://example.org/guide\n'
    const without = await all(text)
    expect(without).toEqual(['chapters/intro.md:5:10 figure-needs-citation'])
    expect(await all(`\uFEFF${text}`)).toEqual(without)
  })
})
