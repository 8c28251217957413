import {existsSync} from 'node:fs'
import {readFile} from 'node:fs/promises'
import {createRequire} from 'node:module'
import path from 'node:path'
import {describe, expect, test} from 'vitest'
import {postScriptName} from '../../src/load/font-names.js'

/** The name a font file gives itself, which a PDF embeds it under, from its `name` table. */
const require = createRequire(import.meta.url)
const fontsource = (file: string) => path.join(path.dirname(require.resolve('@fontsource/source-serif-4/package.json')), 'files', file)
const dejavu = '/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf'

describe('postScriptName', () => {
  test('WOFF2 and WOFF, as @fontsource ships them', async () => {
    expect(postScriptName(await readFile(fontsource('source-serif-4-latin-400-normal.woff2')))).toBe('SourceSerif4-Regular')
    expect(postScriptName(await readFile(fontsource('source-serif-4-latin-400-normal.woff')))).toBe('SourceSerif4-Regular')
  })

  test.skipIf(!existsSync(dejavu))('TrueType, as a designer brings one (DejaVu, from Debian\'s fonts-dejavu-core)', async () => {
    expect(postScriptName(await readFile(dejavu))).toBe('DejaVuSerif')
  })

  test('a TrueType file made here: its Windows (UTF-16) name; a file that is no font, or is cut short, has none', () => {
    const name = Buffer.from('\0M\0a\0i\0s\0o\0n', 'latin1')
    const table = Buffer.alloc(6 + 12)
    table.writeUInt16BE(1, 2)
    table.writeUInt16BE(18, 4)
    for (const [offset, value] of [[6, 3], [8, 1], [10, 0x409], [12, 6], [14, name.length], [16, 0]] as const) table.writeUInt16BE(value, offset)
    const font = Buffer.alloc(12 + 16)
    font.writeUInt32BE(0x00010000, 0)
    font.writeUInt16BE(1, 4)
    font.write('name', 12, 'latin1')
    font.writeUInt32BE(28, 20)
    font.writeUInt32BE(table.length + name.length, 24)
    const file = Buffer.concat([font, table, name])
    expect(postScriptName(file)).toBe('Maison')
    expect(postScriptName(Buffer.from('{"name": "package"}'))).toBeUndefined()
    expect(postScriptName(file.subarray(0, 20))).toBeUndefined()
  })
})
