import path from 'node:path'
import {build} from '../../api/build.js'
import {formatPretty} from '../../diagnostics/reporters/pretty.js'
import {toJsonDiagnostics} from '../../diagnostics/to-json.js'
import type {EditionName} from '../../model/schemas/config.js'
import {exitCodes, useColor, type Io} from '../io.js'
import {citationCacheWanted, hyphenationCacheWanted, layoutCacheWanted, treeCacheWanted} from '../cache-setting.js'
import {shownText} from '../../load/merge-conflicts.js'

export interface BuildCommandOptions {
  edition?: EditionName
  format?: 'pdf' | 'html'
  out?: string
  browser?: string
  progress?: boolean
  color?: boolean
  /** Build even when nothing changed since the last build (`--force`). */
  force?: boolean
  jobs?: number
}

/** `rapporteur build [dir]`: check, then write each edition's HTML and PDF; findings on stderr. */
export async function runBuild(dir: string, options: BuildCommandOptions, io: Io): Promise<number> {
  const folder = path.resolve(io.cwd, dir)
  const showProgress = options.progress ?? (io.isTTY && !io.env.CI)
  const started = performance.now()
  // Ctrl-C stops the build between steps: what it staged is removed, the previous outputs stay.
  const interrupted = new AbortController()
  const stop = () => interrupted.abort()
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
  let result: Awaited<ReturnType<typeof build>>
  try {
    result = await build(folder, {
      out: options.out ? path.resolve(io.cwd, options.out) : undefined,
      editions: options.edition ? [options.edition] : undefined,
      formats: options.format ? [options.format] : undefined,
      browser: options.browser,
      env: io.env,
      signal: interrupted.signal,
      skipUnchanged: !options.force,
      reprint: options.force,
      jobs: options.jobs,
      treeCache: treeCacheWanted(io),
      citationCache: citationCacheWanted(io),
      hyphenationCache: hyphenationCacheWanted(io),
      layoutCache: layoutCacheWanted(io),
      // Waiting for another build is said even without progress lines: the build would look stuck.
      onProgress: (stage, edition, detail) => {
        if (showProgress || stage.startsWith('waiting')) io.stderr(`rapporteur: ${stage}${edition ? ` (${[edition, detail].filter(Boolean).join(', ')})` : ''}…\n`)
      }
    })
  } catch (error) {
    if (!interrupted.signal.aborted) throw error
    io.stderr('rapporteur: interrupted: nothing was replaced, the previous outputs are as they were\n')
    return exitCodes.interrupted
  } finally {
    process.off('SIGINT', stop)
    process.off('SIGTERM', stop)
  }
  const diagnostics = toJsonDiagnostics(result.files).filter((diagnostic) => diagnostic.severity !== 'info')
  if (diagnostics.length > 0) {
    io.stderr(formatPretty(diagnostics, {color: useColor(io, options.color), sources: new Map(result.files.map((file) => [file.path, shownText(file)]))}))
  }
  if (!result.ok) {
    io.stderr(result.reason === 'findings' ? 'rapporteur: nothing built: fix the errors above (`rapporteur check` lists them)\n' : '')
    return result.reason === 'config' ? exitCodes.cannotRun : exitCodes.findings
  }
  for (const edition of result.editions) {
    for (const file of [edition.html, edition.pdf]) {
      if (!file) continue
      const pages = file === edition.pdf && edition.pageCount ? `${edition.pageCount} pages` : undefined
      const notes = [pages, (result.upToDate || (file === edition.pdf && edition.cached)) && 'up to date'].filter(Boolean)
      io.stdout(`${path.relative(io.cwd, file)}${notes.length > 0 ? ` (${notes.join(', ')})` : ''}\n`)
    }
  }
  if (result.upToDate) io.stderr('rapporteur: nothing changed since the last build (`--force` builds again)\n')
  if (showProgress) io.stderr(`rapporteur: built in ${((performance.now() - started) / 1000).toFixed(1)} s\n`)
  return diagnostics.some((diagnostic) => diagnostic.severity === 'error') ? exitCodes.findings : exitCodes.clean
}
