import {execFileSync} from 'node:child_process'

/** Whether poppler's `pdftotext` is installed (Debian: poppler-utils). Tests that need it skip, saying so, where it is not. */
export const hasPdftotext = (() => {
  try {
    execFileSync('pdftotext', ['-v'], {stdio: 'ignore'})
    return true
  } catch {
    console.warn('pdftotext is absent (apt-get install poppler-utils): the tests that read the text of PDFs are skipped')
    return false
  }
})()

/** The text of each page of a PDF, as pdftotext reads it in reading order (pages are split on its form feeds). */
export function pdfPages(file: string): string[] {
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], {encoding: 'utf8', maxBuffer: 64 * 1024 * 1024})
  const pages = text.split('\f')
  // pdftotext ends every page with a form feed: the piece after the last one is empty.
  if (pages.at(-1) === '') pages.pop()
  return pages
}
