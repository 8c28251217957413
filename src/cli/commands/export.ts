import path from 'node:path'
import {check} from '../../api/check.js'
import {formatPretty} from '../../diagnostics/reporters/pretty.js'
import {toJsonDiagnostics} from '../../diagnostics/to-json.js'
import {formatRows, type CsvDelimiter} from '../../export/format.js'
import {exportRows, type ExportKind} from '../../export/tables.js'
import {exitCodes, useColor, type Io} from '../io.js'
import {treeCacheWanted} from '../cache-setting.js'

export interface ExportCommandOptions {
  format: 'json' | 'csv'
  /** CSV only: the field separator (`,` unless given). */
  delimiter?: CsvDelimiter
  /** CSV only: false with `--no-bom`. */
  bom?: boolean
  color?: boolean
}

/** `rapporteur export <what> [dir]`: the model's content as JSON or CSV on stdout. */
export async function runExport(kind: ExportKind, dir: string, options: ExportCommandOptions, io: Io): Promise<number> {
  const result = await check(path.resolve(io.cwd, dir), {treeCache: treeCacheWanted(io), env: io.env})
  if (!result.ok) {
    const diagnostics = toJsonDiagnostics(result.files)
    io.stderr(formatPretty(diagnostics, {color: useColor(io, options.color), sources: new Map(result.files.map((file) => [file.path, String(file.value)]))}))
    return exitCodes.cannotRun
  }
  io.stdout(formatRows(exportRows(result.model, kind), options.format, {delimiter: options.delimiter, bom: options.bom}))
  return exitCodes.clean
}
