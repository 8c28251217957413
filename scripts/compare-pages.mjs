#!/usr/bin/env node
// Compare two PDFs page by page as images: `node scripts/compare-pages.mjs before.pdf after.pdf`.
//
// Each page is rendered with poppler's `pdftoppm -r 50` (Debian: poppler-utils), as PPM, and the
// pixels compared one by one. The script prints one line per page that differs (how many pixels,
// and the box they lie in, in pixels from the top left) and exits 1 when any page differs or the
// page counts do; with `--out DIR` it writes, for each page that differs, the two page images and a
// third with the differing pixels in red over a faded copy of the "before" page, as PNG.
//
// Used to show that a change to a theme's CSS leaves its PDF pixel-identical (docs/designers.md):
//   node scripts/compare-pages.mjs old/rapport.pdf report/dist/rapport.pdf --out /tmp/diff
import {execFileSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {deflateSync} from 'node:zlib'

const args = process.argv.slice(2)
const option = (name, fallback) => {
  const index = args.indexOf(name)
  if (index === -1) return fallback
  const [, value] = args.splice(index, 2)
  return value
}
const out = option('--out')
const dpi = Number(option('--dpi', '50'))
const [before, after] = args
if (!before || !after) {
  console.error('Usage: node scripts/compare-pages.mjs before.pdf after.pdf [--out DIR] [--dpi 50]')
  process.exit(2)
}

/** Every page of a PDF as {width, height, data} (RGB bytes), through pdftoppm's PPM output. */
function pages(pdf) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'compare-pages-'))
  try {
    execFileSync('pdftoppm', ['-r', String(dpi), pdf, path.join(dir, 'p')])
    return readdirSync(dir).sort().map((name) => readPpm(readFileSync(path.join(dir, name))))
  } finally {
    rmSync(dir, {recursive: true, force: true})
  }
}

function readPpm(bytes) {
  const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/u.exec(bytes.subarray(0, 64).toString('latin1'))
  if (!header) throw new Error('pdftoppm did not write a PPM image')
  return {width: Number(header[1]), height: Number(header[2]), data: bytes.subarray(header[0].length)}
}

/** The pixels that differ between two images of one size, and the box around them. */
function difference(a, b) {
  let count = 0
  let box
  for (let y = 0; y < a.height; y++) {
    for (let x = 0; x < a.width; x++) {
      const at = (y * a.width + x) * 3
      if (a.data[at] === b.data[at] && a.data[at + 1] === b.data[at + 1] && a.data[at + 2] === b.data[at + 2]) continue
      count++
      box = box ? {left: Math.min(box.left, x), top: Math.min(box.top, y), right: Math.max(box.right, x), bottom: Math.max(box.bottom, y)} : {left: x, top: y, right: x, bottom: y}
    }
  }
  return {count, box}
}

const crcTable = Array.from({length: 256}, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
const crc32 = (bytes) => {
  let c = 0xffffffff
  for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

/** An RGB image as a PNG file (no filter, one IDAT). */
function png({width, height, data}) {
  const chunk = (type, body) => {
    const head = Buffer.alloc(8)
    head.writeUInt32BE(body.length, 0)
    head.write(type, 4, 'latin1')
    const crc = Buffer.alloc(4)
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), body])))
    return Buffer.concat([head, body, crc])
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr.set([8, 2, 0, 0, 0], 8)
  const rows = Buffer.alloc((width * 3 + 1) * height)
  for (let y = 0; y < height; y++) data.copy(rows, y * (width * 3 + 1) + 1, y * width * 3, (y + 1) * width * 3)
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))])
}

/** The "before" page faded, with the pixels that differ in red. */
function overlay(a, b) {
  const data = Buffer.alloc(a.data.length)
  for (let at = 0; at < data.length; at += 3) {
    const same = a.data[at] === b.data[at] && a.data[at + 1] === b.data[at + 1] && a.data[at + 2] === b.data[at + 2]
    if (same) for (let k = 0; k < 3; k++) data[at + k] = 255 - Math.round((255 - a.data[at + k]) / 4)
    else data.set([230, 0, 0], at)
  }
  return {width: a.width, height: a.height, data}
}

const left = pages(before)
const right = pages(after)
let differs = left.length !== right.length
if (differs) console.log(`page count: ${left.length} before, ${right.length} after`)
if (out) mkdirSync(out, {recursive: true})
for (let index = 0; index < Math.min(left.length, right.length); index++) {
  const [a, b] = [left[index], right[index]]
  const number = String(index + 1).padStart(2, '0')
  if (a.width !== b.width || a.height !== b.height) {
    differs = true
    console.log(`page ${number}: size ${a.width}×${a.height} before, ${b.width}×${b.height} after`)
    continue
  }
  const {count, box} = difference(a, b)
  if (count === 0) continue
  differs = true
  console.log(`page ${number}: ${count} pixels differ, in x ${box.left}–${box.right}, y ${box.top}–${box.bottom} (of ${a.width}×${a.height})`)
  if (out) {
    writeFileSync(path.join(out, `page-${number}-before.png`), png(a))
    writeFileSync(path.join(out, `page-${number}-after.png`), png(b))
    writeFileSync(path.join(out, `page-${number}-diff.png`), png(overlay(a, b)))
  }
}
console.log(differs ? `${path.basename(before)} and ${path.basename(after)} differ` : `${left.length} pages, pixel-identical at ${dpi} dpi`)
process.exitCode = differs ? 1 : 0
