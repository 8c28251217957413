import path from 'node:path'
import {preview, type PreviewServer, type RebuildReport} from '../../api/preview.js'
import {formatPretty} from '../../diagnostics/reporters/pretty.js'
import {countBySeverity} from '../../diagnostics/to-json.js'
import {CannotRunError} from '../../load/cannot-run.js'
import {isLoopbackHost} from '../../preview/paths.js'
import {openBrowser} from '../../preview/open.js'
import {exitCodes, useColor, type Io} from '../io.js'
import {citationCacheWanted, treeCacheWanted} from '../cache-setting.js'

export interface PreviewCommandOptions {
  port?: number
  host?: string
  open?: boolean
}

/**
 * `rapporteur preview [dir]`: serve the editions, rebuild on every change, print the findings
 * after each rebuild. Resolves when the server is closed, on SIGINT, SIGTERM or `signal`: 0, as
 * stopping is how a preview ends; 2 when it cannot start (no project, port taken).
 */
export async function runPreview(dir: string, options: PreviewCommandOptions, io: Io, signal?: AbortSignal): Promise<number> {
  const port = options.port
  if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port <= 65_535)) {
    io.stderr(`rapporteur: Cannot use the port \`${String(port)}\`\n  Pass a whole number from 1 to 65535, or leave out --port to use a free one.\n`)
    return exitCodes.cannotRun
  }
  const folder = path.resolve(io.cwd, dir)
  const color = useColor(io, undefined)
  const stopped = new AbortController()
  const stop = () => stopped.abort()
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
  signal?.addEventListener('abort', stop, {once: true})
  if (signal?.aborted) stop()
  let server: PreviewServer | undefined
  try {
    const host = options.host ?? '127.0.0.1'
    if (!isLoopbackHost(host)) io.stderr(`rapporteur: warning: serving on ${host}: other machines on the network can read the report\n`)
    try {
      server = await preview(folder, {
        port,
        host,
        onRebuild: (report) => printRebuild(report, io, color),
        onWarning: (message) => io.stderr(`rapporteur: warning: ${message}\n`),
        treeCache: treeCacheWanted(io),
        citationCache: citationCacheWanted(io),
        env: io.env
      })
    } catch (error) {
      if (!(error instanceof CannotRunError)) throw error
      io.stderr(`rapporteur: ${error.message}\n${error.hint ? `  ${error.hint}\n` : ''}`)
      return exitCodes.cannotRun
    }
    io.stdout(`rapporteur: previewing ${path.relative(io.cwd, folder) || '.'} at ${server.url}\n`)
    for (const page of server.pages) io.stdout(`  ${page.title}: ${page.web} (paged: ${page.paged})\n`)
    printRebuild(server.initial, io, color)
    io.stdout('Watching for changes; press Ctrl-C to stop.\n')
    if (options.open) {
      await openBrowser(server.url, io.env).catch((error: Error) => io.stderr(`rapporteur: warning: Cannot open a browser (${error.message}); open ${server!.url} yourself\n`))
    }
    if (!stopped.signal.aborted) await new Promise((resolve) => stopped.signal.addEventListener('abort', resolve, {once: true}))
    return exitCodes.clean
  } finally {
    process.off('SIGINT', stop)
    process.off('SIGTERM', stop)
    signal?.removeEventListener('abort', stop)
    await server?.close()
  }
}

/** The findings with code frames (when there are any), then one status line with the time taken. */
function printRebuild(report: RebuildReport, io: Io, color: boolean): void {
  const {diagnostics, stale} = report.state
  if (diagnostics.length > 0) io.stderr(formatPretty(diagnostics, {color, sources: report.sources}))
  const counts = countBySeverity(diagnostics)
  const found = counts.error + counts.warning === 0 ? 'no problems' : [plural(counts.error, 'error'), plural(counts.warning, 'warning')].filter(Boolean).join(', ')
  const what = report.changed === '' ? 'built' : `${report.changed} changed, ${report.reloaded ? 'rebuilt' : 'checked'}`
  const kept = stale ? '; pages kept from the last readable version' : ''
  io.stderr(`[${new Date().toTimeString().slice(0, 8)}] ${what} in ${Math.round(report.ms)} ms: ${found}${kept}\n`)
}

function plural(count: number, word: string): string {
  return count === 0 ? '' : `${count} ${word}${count > 1 ? 's' : ''}`
}
