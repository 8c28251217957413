import {createHash} from 'node:crypto'
import {mkdir, readFile, rename, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {fromHtml} from 'hast-util-from-html'
import {toText} from 'hast-util-to-text'
import {parse as parseCsv} from 'csv-parse/sync'
import {z} from 'zod'
import type {ArchivedText, Entry, SchemaProblem} from '../model/types.js'
import {numbersOf} from '../model/figures/source-numbers.js'
import type {Numerals} from '../model/figures/numerals.js'
import {resolveInside} from './sandbox.js'
import {cacheRoot} from './cache-root.js'
import {decodeText} from './text-encoding.js'
import type {Source} from '../model/schemas/sources.js'
import {firstById} from '../model/registry/first-by-id.js'

export type {ArchivedText}

/**
 * What the cache keeps of a copy: its pages' text, the costly part (pdf.js). The numbers are read
 * from it at each check, so that they always follow the code that reads them: cached numbers
 * outlived a change to number reading (`£2,100 million.` read as 2100 after `million.` was fixed).
 */
const cachedPagesSchema = z.object({pages: z.array(z.object({label: z.string(), text: z.string()}))})

/** Bump when text extraction changes, so that cached copies are extracted again. */
// 5: text decoded as the project's files are (UTF-16, Windows-1252, a byte order mark), and CSV/TSV read cell by cell.
const extractorVersion = 5
const readable = new Set(['.pdf', '.html', '.htm', '.txt', '.md', '.csv', '.tsv'])

/**
 * Read the archived copy named by each source's `file`: PDF page by page through pdf.js, HTML
 * through hast, text as is, and each page's numbers by value. A missing or unreadable file is a
 * finding at the `file` field. Only the sources in `wanted` (those covering a figure) are read
 * past that; what is read is cached by the file's hash, so a second check reads no PDF.
 */
export async function readArchives(dir: string, sources: ReadonlyArray<Entry<Source>>, problems: SchemaProblem[], wanted: ReadonlySet<string>, env: NodeJS.ProcessEnv = process.env, numerals: Numerals = 'mixed'): Promise<Map<string, ArchivedText>> {
  const archives = new Map<string, ArchivedText>()
  const first = firstById(sources)
  await Promise.all(
    sources.map(async (entry) => {
      const file = entry.value.file
      if (!file) return
      const place = {file: entry.file, position: entry.fields.file ?? entry.position}
      const extension = path.extname(file).toLowerCase()
      if (!readable.has(extension)) {
        problems.push({...place, message: `Unexpected archived copy \`${file}\` of \`${entry.value.id}\`, expected a .pdf, .html, .htm, .txt, .md, .csv or .tsv file`})
        return
      }
      let bytes: Buffer
      const resolved = await resolveInside(dir, file)
      if (!resolved.ok) {
        problems.push({...place, message: resolved.missing ? `Cannot find the archived copy \`${file}\` of \`${entry.value.id}\`, expected a file in the report folder` : `Cannot read the archived copy of \`${entry.value.id}\`: ${resolved.reason}`})
        return
      }
      // A key given twice (duplicate-id) is looked up in the first entry's copy only, the one printed.
      if (!wanted.has(entry.value.id) || first.get(entry.value.id) !== entry) return
      try {
        bytes = await readFile(resolved.path)
      } catch {
        problems.push({...place, message: `Cannot read the archived copy \`${file}\` of \`${entry.value.id}\``})
        return
      }
      try {
        archives.set(entry.value.id, await cachedText(file, extension, bytes, env, numerals))
      } catch (error) {
        const reason = error instanceof Error ? error.message.split('\n')[0] : String(error)
        problems.push({...place, message: `Cannot read the archived copy \`${file}\` of \`${entry.value.id}\`: ${reason}`})
      }
    })
  )
  return archives
}

async function cachedText(file: string, extension: string, bytes: Buffer, env: NodeJS.ProcessEnv, numerals: Numerals): Promise<ArchivedText> {
  const pages = await cachedPages(extension, bytes, env)
  return {file, pages: pages.map((page) => ({label: page.label, numbers: numbersOf(page.text, numerals)})), paged: extension === '.pdf'}
}

async function cachedPages(extension: string, bytes: Buffer, env: NodeJS.ProcessEnv): Promise<Array<{label: string; text: string}>> {
  const hash = createHash('sha256').update(`${extractorVersion}\0`).update(bytes).digest('hex')
  const cached = path.join(cacheRoot(env), 'source-text', `${hash}.json`)
  try {
    const parsed = cachedPagesSchema.safeParse(JSON.parse(await readFile(cached, 'utf8')))
    if (parsed.success) return parsed.data.pages
  } catch {
    // Not cached yet, or unreadable: extract again.
  }
  const pages = await extract(extension, bytes)
  try {
    await mkdir(path.dirname(cached), {recursive: true})
    // Write then rename, so that a parallel check never reads half a file.
    const temporary = `${cached}.${process.pid}.tmp`
    await writeFile(temporary, JSON.stringify({pages}))
    await rename(temporary, cached)
  } catch {
    // A read-only cache only costs speed.
  }
  return pages
}

async function extract(extension: string, bytes: Buffer): Promise<Array<{label: string; text: string}>> {
  if (extension === '.pdf') return pdfPages(bytes)
  // Decoded as the project's own text files are: a copy saved by Notepad as "Unicode" (UTF-16), by
  // Excel as "Unicode Text" or in Windows-1252 holds the same numbers (text-encoding.ts).
  const {text} = decodeText(bytes)
  if (extension === '.csv' || extension === '.tsv') return [{label: '1', text: spreadsheetText(text, extension)}]
  return [{label: '1', text: extension === '.html' || extension === '.htm' ? toText(fromHtml(text)) : text}]
}

/**
 * A spreadsheet's cells, each apart: `Nord,4021,12.5` read as text is `4021,12` and `5` (a decimal
 * comma), and `Sud;12;5` could join too. The delimiter is the one the first line has most of
 * (a tab in a `.tsv`): Excel in French writes `;` and decimal commas, in English `,` and points.
 */
function spreadsheetText(text: string, extension: string): string {
  const firstLine = text.slice(0, text.indexOf('\n') === -1 ? undefined : text.indexOf('\n'))
  const count = (delimiter: string) => firstLine.split(delimiter).length
  const delimiter = extension === '.tsv' ? '\t' : ([';', '\t', ','] as const).reduce((best, next) => (count(next) > count(best) ? next : best))
  const rows = parseCsv(text, {delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: true}) as string[][]
  return rows.map((cells) => `| ${cells.join(' | ')} |`).join('\n')
}

async function pdfPages(bytes: Buffer): Promise<Array<{label: string; text: string}>> {
  const {getDocument} = await import('pdfjs-dist/legacy/build/pdf.mjs')
  // No font faces: only the text is wanted, and building them doubles the time per page.
  const pdf = await getDocument({data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false, disableFontFace: true}).promise
  try {
    // Printed page labels (`iv`, `16`) when the PDF has them: the locator a writer cites is the printed one.
    const labels = (await pdf.getPageLabels()) ?? []
    const pages: Array<{label: string; text: string}> = []
    for (let number = 1; number <= pdf.numPages; number++) {
      const content = await (await pdf.getPage(number)).getTextContent()
      const text = content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join('')
      pages.push({label: labels[number - 1] || String(number), text})
    }
    return pages
  } finally {
    await pdf.destroy()
  }
}
