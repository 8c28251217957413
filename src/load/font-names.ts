import {readFile} from 'node:fs/promises'
import {brotliDecompressSync, inflateSync} from 'node:zlib'
import type {ThemeFont} from './theme-fonts.js'

/**
 * The PostScript name a font file gives itself (its `name` table, name ID 6): the name Chromium
 * embeds it under in a PDF (`ABCDEF+DejaVuSerif`), whatever family an `@font-face` calls it. Reads
 * TrueType and OpenType files, WOFF and WOFF2; undefined for anything else, or a file it cannot
 * read (the caller then knows the font by its family name only).
 */
export function postScriptName(bytes: Uint8Array): string | undefined {
  try {
    const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    const table = nameTable(data)
    return table ? nameRecord(table, 6) : undefined
  } catch {
    return undefined
  }
}

/** The bytes of the `name` table, found through the file's table directory. */
function nameTable(data: Buffer): Buffer | undefined {
  const signature = data.toString('latin1', 0, 4)
  if (signature === 'wOFF') return woffName(data)
  if (signature === 'wOF2') return woff2Name(data)
  if (signature !== '\0\x01\0\0' && signature !== 'OTTO' && signature !== 'true') return undefined
  const tables = data.readUInt16BE(4)
  for (let index = 0; index < tables; index++) {
    const entry = 12 + index * 16
    if (data.toString('latin1', entry, entry + 4) !== 'name') continue
    const offset = data.readUInt32BE(entry + 8)
    return data.subarray(offset, offset + data.readUInt32BE(entry + 12))
  }
  return undefined
}

/** WOFF 1: each table zlib-compressed on its own (or stored when that is not smaller). */
function woffName(data: Buffer): Buffer | undefined {
  const tables = data.readUInt16BE(12)
  for (let index = 0; index < tables; index++) {
    const entry = 44 + index * 20
    if (data.toString('latin1', entry, entry + 4) !== 'name') continue
    const [offset, compressed, original] = [data.readUInt32BE(entry + 4), data.readUInt32BE(entry + 8), data.readUInt32BE(entry + 12)]
    const stored = data.subarray(offset, offset + compressed)
    return compressed < original ? inflateSync(stored) : stored
  }
  return undefined
}

/** The tags WOFF2 numbers instead of writing them (its specification, table 1), in order. */
const woff2Tags = 'cmap head hhea hmtx maxp name OS/2 post cvt  fpgm glyf loca prep CFF  VORG EBDT EBLC gasp hdmx kern LTSH PCLT VDMX vhea vmtx BASE GDEF GPOS GSUB EBSC JSTF MATH CBDT CBLC COLR CPAL SVG  sbix acnt avar bdat bloc bsln cvar fdsc feat fmtx fvar gvar hsty just lcar mort morx opbd prop trak Zapf Silf Glat Gloc Feat Sill'.match(/.{4}\s?/gu)!.map((tag) => tag.slice(0, 4))

/** WOFF2: one Brotli stream of every table in directory order; `name` is never transformed. */
function woff2Name(data: Buffer): Buffer | undefined {
  const tables = data.readUInt16BE(12)
  const compressedSize = data.readUInt32BE(20)
  let at = 48
  const base128 = () => {
    let value = 0
    for (let step = 0; step < 5; step++) {
      const byte = data[at++]!
      value = value * 128 + (byte & 0x7f)
      if ((byte & 0x80) === 0) return value
    }
    throw new Error('bad UIntBase128')
  }
  let offset = 0
  let found: {offset: number; length: number} | undefined
  for (let index = 0; index < tables; index++) {
    const flags = data[at++]!
    const known = flags & 0x3f
    const tag = known === 0x3f ? data.toString('latin1', at, (at += 4)) : woff2Tags[known]
    const length = base128()
    const version = flags >> 6
    // glyf and loca are transformed unless their version says not; others only when it is non-zero.
    const transformed = tag === 'glyf' || tag === 'loca' ? version !== 3 : version !== 0
    const stored = transformed ? base128() : length
    if (tag === 'name') found = {offset, length}
    offset += stored
  }
  if (!found) return undefined
  const stream = brotliDecompressSync(data.subarray(at, at + compressedSize))
  return stream.subarray(found.offset, found.offset + found.length)
}

/** A record of the `name` table: Windows Unicode (UTF-16BE) first, else Macintosh Roman. */
function nameRecord(table: Buffer, id: number): string | undefined {
  const count = table.readUInt16BE(2)
  const strings = table.readUInt16BE(4)
  let mac: string | undefined
  for (let index = 0; index < count; index++) {
    const record = 6 + index * 12
    const [platform, , , nameId, length, offset] = [0, 2, 4, 6, 8, 10].map((field) => table.readUInt16BE(record + field))
    if (nameId !== id) continue
    const bytes = table.subarray(strings + offset!, strings + offset! + length!)
    if (platform === 3 || platform === 0) return Buffer.from(bytes).swap16().toString('utf16le')
    if (platform === 1) mac ??= bytes.toString('latin1')
  }
  return mac
}

/** The PostScript names of a theme's font files that are there, each read once. */
export async function themeFontNames(fonts: readonly ThemeFont[]): Promise<string[]> {
  const paths = [...new Set(fonts.flatMap((font) => (font.path && !font.refused ? [font.path] : [])))]
  const names = await Promise.all(paths.map(async (file) => postScriptName(await readFile(file).catch(() => new Uint8Array()))))
  return [...new Set(names.filter((name): name is string => Boolean(name)))]
}
