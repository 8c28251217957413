import {existsSync} from 'node:fs'
import path from 'node:path'
import {check} from '../../api/check.js'
import {formatPretty} from '../../diagnostics/reporters/pretty.js'
import {toJsonDiagnostics} from '../../diagnostics/to-json.js'
import {formatRows, type CsvDelimiter} from '../../export/format.js'
import {exportRows, type ExportKind} from '../../export/tables.js'
import {exitCodes, useColor, type Io} from '../io.js'
import {treeCacheWanted} from '../cache-setting.js'
import {CannotRunError} from '../../load/cannot-run.js'
import {explainFileSystemError} from '../../load/file-system-error.js'
import {writeFileAtomic} from '../../print/write-atomic.js'
import {shownText} from '../../load/merge-conflicts.js'

export interface ExportCommandOptions {
  format: 'json' | 'csv'
  /** CSV only: the field separator (`,` unless given). */
  delimiter?: CsvDelimiter
  /** CSV only: false with `--no-bom`. */
  bom?: boolean
  /** A file to write instead of stdout (`--out`), relative to the working folder. */
  out?: string
  color?: boolean
}

/**
 * `rapporteur export <what> [dir]`: the model's content as JSON or CSV on stdout, or into the file
 * `--out` names, byte for byte the same: a shell's redirection may not be (Windows PowerShell 5's
 * `>` writes UTF-16, the accents and the byte order mark lost for Excel). A file of the report
 * itself is refused, never replaced.
 */
export async function runExport(kind: ExportKind, dir: string, options: ExportCommandOptions, io: Io): Promise<number> {
  const folder = path.resolve(io.cwd, dir)
  const result = await check(folder, {treeCache: treeCacheWanted(io), env: io.env})
  if (!result.ok) {
    const diagnostics = toJsonDiagnostics(result.files)
    io.stderr(formatPretty(diagnostics, {color: useColor(io, options.color), sources: new Map(result.files.map((file) => [file.path, shownText(file)]))}))
    return exitCodes.cannotRun
  }
  const text = formatRows(exportRows(result.model, kind), options.format, {delimiter: options.delimiter, bom: options.bom})
  if (options.out === undefined) {
    io.stdout(text)
    return exitCodes.clean
  }
  const out = path.resolve(io.cwd, options.out)
  // `--out chapters/01.md` would replace a chapter with a table, as `>` would: refused.
  const input = [...result.model.files.keys()].find((file) => path.resolve(folder, file) === out)
  if (input !== undefined) {
    io.stderr(`rapporteur: Cannot write \`${options.out}\`: it is \`${input}\`, a file of the report; give --out another name; nothing was written\n`)
    return exitCodes.cannotRun
  }
  try {
    // Written whole or not at all: a spreadsheet open on the last export never reads half of this one.
    await writeFileAtomic(out, Buffer.from(text, 'utf8'))
  } catch (error) {
    io.stderr(`rapporteur: Cannot write \`${options.out}\`: ${whyNotWritten(error, out)}; nothing was written\n`)
    return exitCodes.cannotRun
  }
  return exitCodes.clean
}

/** What stopped the write, in words (never the name of the temporary file it went through). */
function whyNotWritten(error: unknown, file: string): string {
  if ((error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') {
    const folder = path.dirname(file)
    return existsSync(folder) ? `no file can be made in \`${folder}\`` : `the folder \`${folder}\` does not exist`
  }
  const explained = explainFileSystemError(error)
  if (explained instanceof CannotRunError) return explained.message.replace(/^Cannot write `[^`]*`: /u, '')
  return error instanceof Error ? error.message.split('\n')[0]! : String(error)
}
