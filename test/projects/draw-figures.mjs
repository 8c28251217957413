// Draws the bar charts of the test project quarto-habits as small PNGs (flat colours compress to a
// few kilobytes), wide enough for 300 dpi across the whole text width of an A4 page (170 mm), and of
// different sizes so that a test can tell them apart in the PDF:
//   node test/projects/draw-figures.mjs
// No text in the images: their captions and alternative texts say what they show.
import {writeFileSync} from 'node:fs'
import path from 'node:path'
import {deflateSync} from 'node:zlib'

const here = import.meta.dirname

/** A PNG of `width` × `height` RGB pixels, `pixel(x, y)` giving [r, g, b]. */
function png(width, height, pixel) {
  // Each row as its difference from the row above (PNG filter 2, "Up"): bars repeat row after
  // row, so most bytes are zero and the image deflates to almost nothing.
  const raw = Buffer.alloc((width * 3 + 1) * height)
  let above = Buffer.alloc(width * 3)
  for (let y = 0; y < height; y++) {
    const line = Buffer.alloc(width * 3)
    for (let x = 0; x < width; x++) line.set(pixel(x, y), x * 3)
    const row = y * (width * 3 + 1)
    raw[row] = 2
    for (let i = 0; i < line.length; i++) raw[row + 1 + i] = (line[i] - above[i]) & 0xff
    above = line
  }
  const crcTable = Array.from({length: 256}, (_, n) => {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    return c >>> 0
  })
  const crc = (bytes) => {
    let c = 0xffffffff
    for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8)
    return (c ^ 0xffffffff) >>> 0
  }
  const chunk = (type, data) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
    const out = Buffer.alloc(body.length + 8)
    out.writeUInt32BE(data.length, 0)
    body.copy(out, 4)
    out.writeUInt32BE(crc(body), body.length + 4)
    return out
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.set([8, 2, 0, 0, 0], 8) // 8 bits, RGB, deflate, no filter method, no interlace
  // pHYs: 300 dpi (11811 pixels per metre), for tools that read it; the browser does not.
  const physical = Buffer.alloc(9)
  physical.writeUInt32BE(11811, 0)
  physical.writeUInt32BE(11811, 4)
  physical[8] = 1
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('pHYs', physical), chunk('IDAT', deflateSync(raw, {level: 9})), chunk('IEND', Buffer.alloc(0))])
}

/** A bar chart: bars of the given heights (0 to 1) in one colour, on a light background with a baseline. */
function bars(heights, colour, width = 2100, height = 900) {
  const margin = 90
  const slot = (width - 2 * margin) / heights.length
  return png(width, height, (x, y) => {
    if (y >= height - margin && y < height - margin + 6 && x >= margin && x < width - margin) return [40, 40, 40]
    const index = Math.floor((x - margin) / slot)
    const inSlot = (x - margin) % slot
    if (index >= 0 && index < heights.length && inSlot > slot * 0.15 && inSlot < slot * 0.85) {
      const top = height - margin - heights[index] * (height - 2 * margin)
      if (y >= top && y < height - margin) return colour
    }
    return [250, 248, 242]
  })
}

writeFileSync(path.join(here, 'quarto-habits/figures/classroom-temperatures.png'), bars([0.12, 0.2, 0.35, 0.5, 0.78, 0.9, 0.7], [196, 78, 42]))
writeFileSync(path.join(here, 'quarto-habits/chapters/part1/img/playground-shade.png'), bars([0.25, 0.8], [46, 110, 150], 2400, 1000))
