import {writeFile} from 'node:fs/promises'
import {z} from 'zod'
import type {Diagnostic} from '../diagnostics/message.js'
import {toJsonDiagnostic, type JsonDiagnostic} from '../diagnostics/to-json.js'
import type {ReportModel} from '../model/types.js'
import {diagnosticSchema, readRecord} from './build-state.js'

/**
 * What the print of an edition found (the preflight's findings, a file it could not load, its page
 * count), kept beside its print HTML with the key its PDF is cached by (print-key.ts). An edition
 * whose PDF is not printed again shows them again: a PDF printed with a missing image stays
 * reported until it is printed without.
 */
const printFindingsSchema = z.object({
  format: z.literal(1),
  /** The print key of the PDF these findings are about. */
  hash: z.string(),
  pageCount: z.number().int().nonnegative(),
  diagnostics: z.array(diagnosticSchema)
})
export type PrintFindings = z.infer<typeof printFindingsSchema>

/** `.print/<output>.html.findings.json`. */
export function printFindingsFile(htmlFile: string): string {
  return `${htmlFile}.findings.json`
}

/** The findings kept for the PDF of key `hash`; undefined when there are none for it (or the file is not ours): then it is printed again. */
export async function readPrintFindings(htmlFile: string, hash: string): Promise<PrintFindings | undefined> {
  const kept = await readRecord(printFindingsFile(htmlFile), printFindingsSchema)
  return kept?.hash === hash ? kept : undefined
}

export async function writePrintFindings(htmlFile: string, findings: Omit<PrintFindings, 'format'>): Promise<void> {
  await writeFile(printFindingsFile(htmlFile), JSON.stringify({format: 1, ...findings}))
}

/** The messages `report` adds to the model's files, as diagnostics, in the order it adds them. */
export function findingsOf(model: ReportModel, report: () => void): JsonDiagnostic[] {
  const before = new Map([...model.files.values()].map((file) => [file, file.messages.length]))
  report()
  return [...model.files.values()].flatMap((file) => (file.messages.slice(before.get(file) ?? 0) as Diagnostic[]).map((message) => toJsonDiagnostic(file.path, message)))
}
