import {execFileSync} from 'node:child_process'
import {mkdtemp, readFile, rm} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

/** Whether poppler's `pdftoppm` is installed (Debian: poppler-utils). Tests that need it skip, saying so, where it is not. */
export const hasPdftoppm = (() => {
  try {
    execFileSync('pdftoppm', ['-v'], {stdio: 'ignore'})
    return true
  } catch {
    console.warn('pdftoppm is absent (apt-get install poppler-utils): page-image tests are skipped')
    return false
  }
})()

/** A page of a PDF as pixels at 72 dpi (one pixel a point), through pdftoppm's PPM output. */
export async function pageImage(pdf: string, page: number, dpi = 72): Promise<{width: number; height: number; pixel: (x: number, y: number) => [number, number, number]}> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'rapporteur-page-'))
  try {
    execFileSync('pdftoppm', ['-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', pdf, path.join(dir, 'page')])
    const bytes = await readFile(path.join(dir, 'page.ppm'))
    // P6 header: magic, width, height, maxval, each followed by white space.
    const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/u.exec(bytes.subarray(0, 64).toString('latin1'))
    if (!header) throw new Error('pdftoppm did not write a PPM image')
    const [width, height] = [Number(header[1]), Number(header[2])]
    const offset = header[0].length
    return {width, height, pixel: (x, y) => [bytes[offset + (y * width + x) * 3]!, bytes[offset + (y * width + x) * 3 + 1]!, bytes[offset + (y * width + x) * 3 + 2]!]}
  } finally {
    await rm(dir, {recursive: true, force: true})
  }
}
