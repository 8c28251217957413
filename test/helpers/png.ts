import {crc32, deflateSync} from 'node:zlib'

/**
 * A valid PNG of one colour (no image library needed): a grey level (greyscale, 8 bits) or an RGB
 * triple (truecolour).
 */
export function solidPng(width: number, height: number, colour: number | readonly [number, number, number] = 128): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
    const length = Buffer.alloc(4)
    length.writeUInt32BE(data.length)
    const sum = Buffer.alloc(4)
    sum.writeUInt32BE(crc32(body))
    return Buffer.concat([length, body, sum])
  }
  const pixel = typeof colour === 'number' ? [colour] : [...colour]
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.set([8, typeof colour === 'number' ? 0 : 2, 0, 0, 0], 8)
  const rows = Buffer.concat(Array.from({length: height}, () => Buffer.from([0, ...Array.from({length: width}, () => pixel).flat()])))
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))])
}
