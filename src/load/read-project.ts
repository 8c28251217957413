import {existsSync} from 'node:fs'
import {readFile, stat} from 'node:fs/promises'
import path from 'node:path'
import {VFile} from 'vfile'
import {CannotRunError} from './cannot-run.js'
import {resolveInside} from './sandbox.js'
import {binaryKind, decodeText} from './text-encoding.js'
import {resolveMergeConflicts} from './merge-conflicts.js'

export const configName = 'rapporteur.yaml'

/** A file the project names that rapporteur refuses to read (outside the project, not a file, too large). */
export class RefusedFileError extends Error {
  constructor(readonly relative: string, readonly reason: string) {
    super(reason)
  }
}

/**
 * Read a project file as a VFile whose `path` is relative to the project folder, decoded from
 * what it is written in (load/text-encoding.ts); undefined when it does not exist. A file outside
 * the project (after links), a folder, a FIFO or a file over the size limit is a `RefusedFileError`,
 * raised before anything is read; so is a file that is no text (a Word document, a PDF). A file
 * with Git's conflict markers is read as each conflict's first side (load/merge-conflicts.ts).
 */
export async function readProjectFile(dir: string, relative: string): Promise<VFile | undefined> {
  const resolved = await resolveInside(dir, relative)
  if (!resolved.ok) {
    if (resolved.missing) return undefined
    throw new RefusedFileError(relative, resolved.reason)
  }
  let bytes: Uint8Array
  try {
    bytes = await readFile(resolved.path)
  } catch (error) {
    if (isMissing(error)) return undefined
    throw new CannotRunError(`Cannot read \`${relative}\`: ${(error as NodeJS.ErrnoException).code ?? 'error'}`, 'Check the file and its permissions.')
  }
  // A Word file or a PDF where text is expected: refused at its place, not read as text.
  const binary = binaryKind(bytes, relative)
  if (binary) throw new RefusedFileError(relative, `\`${relative}\` as text: it is ${binary}`)
  const decoded = decodeText(bytes)
  // Git's conflict markers left in: the file is read as its first side, the markers and the other
  // side blanked to empty lines, and each conflict said (rule merge-conflict).
  const {text, conflicts} = resolveMergeConflicts(decoded.text)
  const file = new VFile({cwd: dir, path: relative, value: text})
  if (conflicts.length > 0) {
    file.data.mergeConflicts = conflicts
    file.data.asWritten = decoded.text
  }
  // A file not in UTF-8 is read as written, and said so (rule file-encoding); its first `�` found again in the text as read.
  const encoding = decoded.encoding.invalid && conflicts.length > 0 ? {...decoded.encoding, invalid: {...decoded.encoding.invalid, offset: Math.max(0, text.indexOf('\uFFFD'))}} : decoded.encoding
  if (encoding.name !== 'utf-8' || encoding.invalid) file.data.encoding = encoding
  return file
}

/** Read `rapporteur.yaml`, or explain why this folder is not a project. */
export async function readConfigFile(dir: string): Promise<VFile> {
  const info = await stat(dir).catch(() => undefined)
  if (!info?.isDirectory()) {
    throw new CannotRunError(`Cannot find the report folder \`${dir}\``, 'Pass the folder that holds rapporteur.yaml (the sample is report/; docs/format.md describes one).')
  }
  const file = await readProjectFile(dir, configName).catch((error: unknown) => {
    if (error instanceof RefusedFileError) throw new CannotRunError(`Cannot read \`${configName}\`: ${error.reason}`)
    throw error
  })
  if (!file) {
    if (existsSync(path.join(dir, `${configName}.txt`))) throw new CannotRunError(`Cannot find \`${configName}\` in \`${dir}\`: it was saved as \`${configName}.txt\``, `Notepad adds .txt, and Windows hides it: rename the file ${configName}.`)
    throw new CannotRunError(`Cannot find \`${configName}\` in \`${dir}\``, 'A report folder starts with rapporteur.yaml: see docs/format.md, or copy report/ as a starting point.')
  }
  return file
}

/** Read many files at once; missing ones come back as undefined, refused ones as their error, in order. */
export function readProjectFiles(dir: string, relatives: readonly string[]): Promise<Array<VFile | RefusedFileError | undefined>> {
  return Promise.all(relatives.map((relative) => readProjectFile(dir, relative).catch((error: unknown) => (error instanceof RefusedFileError ? error : Promise.reject(error)))))
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  return code === 'ENOENT' || code === 'ENOTDIR'
}
