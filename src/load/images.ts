import {open, readdir, readFile} from 'node:fs/promises'
import path from 'node:path'
import {imageSize} from 'image-size'
import {closestKnown} from '../diagnostics/suggest.js'
import {isWebAddress, unescapedAddress} from '../model/address.js'
import type {ImageFile, ImageUse} from '../model/types.js'
import {imageKey} from '../render/images.js'
import {resolveInside} from './sandbox.js'
import {readSvg} from './svg-image.js'

/** Images are larger than chapters: a 300 dpi page is tens of megabytes. */
const maxImageBytes = 200 * 1024 * 1024
/** Enough of a file to find its size: PNG, GIF and WebP say it at once, JPEG after its metadata. */
const headerBytes = 1024 * 1024

/**
 * Find every image the Markdown names, as Quarto does: beside the Markdown file that names it
 * first (`chapters/part1/img/map.png` for `img/map.png` in `chapters/part1/x.md`), then from the
 * report folder (as Pandoc run from there would). Each is read through the sandbox, and its
 * format and size in pixels taken from its first bytes. What is found, or why not, goes to the
 * `missing-image` and `image-resolution` rules and to the renderer.
 */
export async function readImages(dir: string, images: readonly ImageUse[]): Promise<Map<string, ImageFile>> {
  const found = new Map<string, ImageFile>()
  for (const image of images) {
    const key = imageKey(image.file, image.url)
    if (!found.has(key)) found.set(key, await findImage(dir, image.file, image.url))
  }
  return found
}

async function findImage(dir: string, file: string, url: string): Promise<ImageFile> {
  if (isWebAddress(url)) return {tried: [], problem: 'remote'}
  if (/^data:/iu.test(url.trim())) return {tried: []}
  // `file:///C:/…`: a file of this computer, wherever it is; the build copies only the report's.
  if (/^file:/iu.test(url.trim())) return {tried: [], problem: 'refused', reason: `\`${url}\` (a \`file:\` address of this computer)`}
  const relative = unescapedAddress(url.replace(/[?#].*$/u, ''))
  // `<images/Chart #1.png>`: a `#` or `?` that is part of the file's name, not an address's end,
  // when no file ends before it (the build writes the address escaped, render/images.ts).
  const whole = /[?#]/u.test(url) ? unescapedAddress(url) : undefined
  const places = (name: string) => [path.posix.normalize(path.posix.join(path.posix.dirname(file), name)), path.posix.normalize(name.replace(/^\/+/u, ''))]
  const tried = [...new Set([...places(relative), ...(whole ? places(whole) : [])])]
  for (const candidate of tried) {
    const resolved = await resolveInside(dir, candidate, [], maxImageBytes)
    if (resolved.ok) return {path: candidate, tried, ...(await describe(resolved.path))}
    if (!resolved.missing) return {tried, problem: 'refused', reason: resolved.reason}
  }
  const closest = await closestFile(dir, tried)
  return {tried, problem: 'missing', ...(closest ? {closest} : {})}
}

/**
 * The file a missing image's writer most likely meant: the same path in another case
 * (`Images/Chart.PNG` for `images/chart.png`, which Windows and macOS forgive and the build's
 * machine may not), else a name close to it in the folder found that way.
 */
async function closestFile(dir: string, tried: readonly string[]): Promise<string | undefined> {
  for (const candidate of tried) {
    const segments = candidate.split('/').filter((segment) => segment !== '' && segment !== '.')
    if (segments.some((segment) => segment === '..')) continue
    let folder = ''
    for (const [index, segment] of segments.entries()) {
      const last = index === segments.length - 1
      // Folders on the way, a file at the end: a folder is never the image meant.
      const entries = await readdir(path.join(dir, folder), {withFileTypes: true}).catch(() => [])
      const names = entries.filter((entry) => (last ? !entry.isDirectory() : entry.isDirectory())).map((entry) => entry.name)
      const same = names.find((name) => name === segment) ?? names.find((name) => name.toLowerCase() === segment.toLowerCase())
      const found = same ?? (last ? closestKnown(segment, names.filter((name) => !name.startsWith('.'))) : undefined)
      if (!found) break
      folder = folder ? `${folder}/${found}` : found
      if (last && folder !== candidate) return folder
    }
  }
  return undefined
}

/**
 * The raster formats Chromium shows, as image-size names them: the others it reads (TIFF, HEIC,
 * PSD, JPEG 2000, JPEG XL…) would be a broken image in the HTML and a hole in the PDF.
 */
const browserFormats = new Set(['png', 'jpg', 'gif', 'webp', 'avif', 'bmp', 'ico', 'cur', 'svg'])

async function describe(file: string): Promise<Omit<ImageFile, 'tried' | 'path'>> {
  const handle = await open(file, 'r')
  const buffer = new Uint8Array(headerBytes)
  try {
    const {bytesRead} = await handle.read(buffer, 0, headerBytes, 0)
    const size = imageSize(buffer.subarray(0, bytesRead))
    if (size.type === 'svg') return {format: 'svg', width: size.width, height: size.height, svg: readSvg(await readFile(file, 'utf8'))}
    return {format: size.type, width: size.width, height: size.height, ...(size.type && !browserFormats.has(size.type) ? {problem: 'unsupported' as const} : {})}
  } catch {
    // An SVG without a width, height or viewBox has no size, and is an image still.
    const head = new TextDecoder().decode(buffer.subarray(0, 4096))
    return /<svg[\s>]/u.test(head) ? {format: 'svg', svg: readSvg(await readFile(file, 'utf8'))} : {problem: 'not-an-image'}
  } finally {
    await handle.close()
  }
}
