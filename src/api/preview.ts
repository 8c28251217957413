import {createServer, type Server} from 'node:http'
import type {AddressInfo} from 'node:net'
import path from 'node:path'
import {CannotRunError} from '../load/cannot-run.js'
import {packageRoot, themesRoot} from '../load/theme.js'
import type {EditionName} from '../model/schemas/config.js'
import {classifyChanges, describeChanges, type ChangeKind} from '../preview/changes.js'
import {EventHub} from '../preview/events.js'
import {parseRequestPath} from '../preview/paths.js'
import {editionPages} from '../preview/render.js'
import {createHandler, matchPage} from '../preview/server.js'
import {PreviewSession, type PreviewState} from '../preview/session.js'
import {watchFolders} from '../preview/watch.js'

export interface PreviewOptions {
  /** The port to listen on; 0 or none: a free one. */
  port?: number
  /** Default 127.0.0.1: the preview is for this machine only. */
  host?: string
  /** Quiet time after a file event before rebuilding (default 50 ms). */
  debounceMs?: number
  /** After every rebuild, the first one included, with what it found. */
  onRebuild?: (report: RebuildReport) => void
  /** Something went wrong that does not stop the preview (a watcher failed). */
  onWarning?: (message: string) => void
  /** Markdown trees kept in the user's cache folder, so that a rebuild parses only the files that changed (check()'s `treeCache`): the CLI's default, off here. */
  treeCache?: boolean
  /** Each edition's formatted citations read from, and kept in, the user's cache folder (build()'s `citationCache`): the CLI's default, off here. */
  citationCache?: boolean
  /** Where that cache folder is found; default process.env. */
  env?: NodeJS.ProcessEnv
}

/** One rebuild, for a status line and the findings. */
export interface RebuildReport {
  /** The files that changed, short (`chapters/01-alerte.md`); empty for the first build. */
  changed: string
  ms: number
  /** The pages changed: open pages were told to reload. */
  reloaded: boolean
  state: PreviewState
  /** File texts by path, for code frames. */
  sources: ReadonlyMap<string, string>
}

/** A running preview. */
export interface PreviewServer {
  /** The index page: `http://127.0.0.1:PORT/`. */
  url: string
  /** Each edition's web and paged views (none when the config is broken at start). */
  pages: Array<{edition: EditionName; title: string; web: string; paged: string}>
  /** The start-up build. */
  initial: RebuildReport
  /** Stop watching, end the event streams, close the server. */
  close(): Promise<void>
}

/**
 * Serve a report folder's editions on a local HTTP server, web and paged views, and rebuild what
 * changed whenever a file of the project or theme changes. Never starts a browser; never prints
 * (findings go to `onRebuild`). Throws `CannotRunError` when `dir` is not a project or the port
 * is taken; a broken config or file only makes findings.
 */
export async function preview(dir: string, options: PreviewOptions = {}): Promise<PreviewServer> {
  const host = options.host ?? '127.0.0.1'
  const hub = new EventHub()
  const session = new PreviewSession(dir, () => hub.send('diagnostics', session.state), {treeCache: options.treeCache, citationCache: options.citationCache, env: options.env})
  const started = performance.now()
  const first = await session.rebuild(new Set(), true)
  const initial: RebuildReport = {changed: '', ms: performance.now() - started, reloaded: true, state: first.state, sources: first.sources}

  const server = createServer(createHandler(session, hub, host))
  const port = await listen(server, options.port ?? 0, host)
  // After start-up, a server error (too many open files…) is worth a warning, not a crash.
  server.on('error', (error) => options.onWarning?.(`Server error: ${error.message}`))
  const origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`

  /** Render the pages open in a browser, which are about to ask for them. */
  const renderOpenPages = async () => {
    for (const page of hub.openPages()) {
      const parsed = parseRequestPath(page)
      const match = parsed.ok ? matchPage(parsed.segments, session.model) : undefined
      if (match) await session.page(match.edition, match.mode)
    }
  }

  let pending: string[] = []
  let running: Promise<void> | undefined
  const drain = async () => {
    while (pending.length > 0) {
      const files = pending
      pending = []
      const kinds: Set<ChangeKind> = classifyChanges(files, dir)
      if (kinds.size === 0) continue
      const begun = performance.now()
      try {
        const outcome = await session.rebuild(kinds)
        hub.send(outcome.reloaded ? 'reload' : 'diagnostics', outcome.state)
        // Render the open pages right away: their requests come in while this runs and get the
        // same render (a page that fails to render sends its own `diagnostics` event).
        if (outcome.reloaded) await renderOpenPages()
        options.onRebuild?.({changed: describeChanges(files, dir), ms: performance.now() - begun, reloaded: outcome.reloaded, state: session.state, sources: outcome.sources})
      } catch (error) {
        options.onWarning?.(`Cannot rebuild: ${(error as Error).message}`)
      }
    }
  }
  const watcher = await watchFolders(
    [
      {dir, recursive: true},
      // The built-in themes, for designers working on them; a project's own theme/ is inside dir.
      {dir: path.join(packageRoot, 'templates'), recursive: false},
      {dir: path.join(packageRoot, 'styles'), recursive: false},
      {dir: themesRoot, recursive: true}
    ],
    (files) => {
      pending.push(...files)
      running ??= drain().finally(() => (running = undefined))
    },
    {debounceMs: options.debounceMs ?? 50, onError: (error) => options.onWarning?.(`Cannot watch for changes: ${error.message}`)}
  )

  let closing: Promise<void> | undefined
  return {
    url: `${origin}/`,
    pages: session.model
      ? editionPages(session.model).map((page) => ({edition: page.edition, title: page.title, web: `${origin}/${page.output}.html`, paged: `${origin}/paged/${page.output}.html`}))
      : [],
    initial,
    close: () =>
      (closing ??= (async () => {
        watcher.close()
        await running
        hub.close()
        await new Promise<void>((resolve) => {
          server.close(() => resolve())
          server.closeAllConnections()
        })
      })())
  }
}

/** Listen, turning "port taken" and similar into a message with what to do. */
function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      const why = error.code === 'EADDRINUSE' ? 'the port is in use' : error.message
      reject(new CannotRunError(`Cannot listen on ${host}:${port}: ${why}`, 'Pick another `--port`, or leave it out to use a free one.'))
    })
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port))
  })
}
