import {createHash} from 'node:crypto'
import {readFile, stat} from 'node:fs/promises'
import type {IncomingMessage, ServerResponse} from 'node:http'
import path from 'node:path'
import type {EditionName} from '../model/schemas/config.js'
import type {ReportModel} from '../model/types.js'
import {pagedHandlersScript} from '../print/browser-side/handlers.js'
import {pagedSource} from '../print/paged-source.js'
import {katexDist} from '../render/blocks/math.js'
import type {RenderMode} from '../render/context.js'
import {axesCss} from '../render/axes-css.js'
import {pageCss} from '../render/page-css.js'
import {clientScript} from './client.js'
import type {EventHub} from './events.js'
import {errorPage, indexPage} from './pages.js'
import {contentTypeOf, isAllowedHostHeader, parseRequestPath, resolveInside} from './paths.js'
import {editionPages, injectClient} from './render.js'
import type {PreviewSession} from './session.js'

/** The edition page a path names: `/rapport.html` (web) or `/paged/rapport.html` (print). */
export function matchPage(segments: readonly string[], model: ReportModel | undefined): {edition: EditionName; mode: RenderMode} | undefined {
  const [first, second, ...rest] = segments
  const paged = first === 'paged' && second !== undefined && rest.length === 0
  const name = paged ? second : segments.length === 1 ? first : undefined
  if (!name?.endsWith('.html') || !model) return undefined
  const page = editionPages(model).find((entry) => `${entry.output}.html` === name)
  return page && {edition: page.edition, mode: paged ? 'print' : 'web'}
}

interface Reply {
  status: number
  type: string
  body: string | Buffer
  /** Static files are revalidated with an ETag; pages, which carry the version, are never cached. */
  cache: 'etag' | 'no-store'
}

const text = (status: number, body: string): Reply => ({status, type: 'text/plain; charset=utf-8', body, cache: 'no-store'})
const html = (status: number, body: string): Reply => ({status, type: 'text/html; charset=utf-8', body, cache: 'no-store'})
const asset = (name: string, body: string | Buffer): Reply => ({status: 200, type: contentTypeOf(name), body, cache: 'etag'})

/**
 * The preview's request handler. Only GET and HEAD; only the routes below; every path is checked
 * by `parseRequestPath` before anything is looked up, and files are read only from the project's
 * `assets/`, the theme's fonts, KaTeX's stylesheet and fonts, and Paged.js's polyfill.
 */
export function createHandler(session: PreviewSession, hub: EventHub, boundHost: string) {
  const route = async (request: IncomingMessage, response: ServerResponse): Promise<Reply | undefined> => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return text(405, 'Method not allowed\n')
    if (!isAllowedHostHeader(request.headers.host, boundHost)) return text(403, 'Forbidden host\n')
    const parsed = parseRequestPath(request.url ?? '')
    if (!parsed.ok) return text(parsed.status, parsed.status === 403 ? 'Forbidden\n' : 'Bad request\n')
    const {segments} = parsed
    // Captured before rendering: a page rendered while a rebuild ran says it is the older one.
    const {version, assets} = session.state
    const model = session.model

    if (segments[0] === '__rapporteur') {
      const name = segments.length === 2 ? segments[1] : undefined
      if (name === 'events') {
        const page = new URL(request.url ?? '/', 'http://localhost').searchParams.get('page') ?? '/'
        hub.connect(response, page, session.state)
        return undefined
      }
      if (name === 'client.js') return asset(name, clientScript)
      if (name === 'paged-handlers.js') return asset(name, pagedHandlersScript)
      if (name === 'paged.polyfill.js') return asset(name, pagedSource('paged.polyfill.js'))
      return text(404, 'Not found\n')
    }
    const isHtml = segments.length === 0 || segments.at(-1)!.endsWith('.html')
    if (!model && isHtml) return html(503, errorPage(session.state.diagnostics, {version, assets}))
    if (segments.length === 0 || (segments.length === 1 && segments[0] === 'index.html')) {
      const entries = editionPages(model!)
      return html(200, indexPage({title: model!.config.title, lang: model!.config.lang, entries, diagnostics: session.state.diagnostics, version, assets}))
    }
    const page = matchPage(segments, model)
    if (page) {
      const body = await session.page(page.edition, page.mode)
      return body === undefined ? html(503, errorPage(session.state.diagnostics, {version, assets})) : html(200, injectClient(body, {version, assets, paged: page.mode === 'print'}))
    }
    // Images in the print HTML resolve under /paged/: the same assets.
    const assetPath = segments[0] === 'assets' ? segments.slice(1) : segments[0] === 'paged' && segments[1] === 'assets' ? segments.slice(2) : undefined
    if (assetPath && assetPath.length > 0) return serveAsset(session, assetPath)
    return text(404, 'Not found\n')
  }

  return (request: IncomingMessage, response: ServerResponse) => {
    route(request, response).then(
      (reply) => reply && send(request, response, reply),
      (error: unknown) => send(request, response, text(500, `Internal error: ${(error as Error).message}\n`))
    )
  }
}

/** The project's own `assets/` first (`build` copies them over the theme's), then KaTeX's, images beside chapters, theme styles, page.css, axes.css and fonts. */
async function serveAsset(session: PreviewSession, segments: string[]): Promise<Reply> {
  const own = await resolveInside(path.join(session.dir, 'assets'), segments)
  if (own.ok) return asset(own.file, await readFile(own.file))
  if (own.status === 403) return text(403, 'Forbidden\n')
  const [folder, name, ...rest] = segments
  // KaTeX's stylesheet and fonts, as `build` copies them to `assets/katex/`.
  if (folder === 'katex' && (segments.join('/') === 'katex/katex.min.css' || (name === 'fonts' && rest.length === 1 && rest[0]!.endsWith('.woff2')))) {
    const file = await resolveInside(katexDist(), segments.slice(1))
    return file.ok ? asset(file.file, await readFile(file.file)) : text(404, 'Not found\n')
  }
  const {theme, model} = session
  // An image beside its chapter, where `build` copies it (render/images.ts): only those the text names.
  if (folder === 'images' && model) {
    const wanted = segments.slice(1).join('/')
    if (![...model.imageFiles.values()].some((image) => image.path === wanted && !image.problem)) return text(404, 'Not found\n')
    const image = await resolveInside(session.dir, segments.slice(1))
    return image.ok ? asset(image.file, await readFile(image.file)) : text(image.status, image.status === 403 ? 'Forbidden\n' : 'Not found\n')
  }
  if (rest.length > 0 || !name || !theme || !model) return text(404, 'Not found\n')
  if (folder === 'styles' && name === 'page.css') return asset(name, pageCss(model.config.print, model.config.lang))
  if (folder === 'styles' && name === 'axes.css') return asset(name, axesCss(model.config.axes))
  const style = folder === 'styles' ? theme.styles.find((entry) => entry.name === name) : undefined
  if (style) return asset(name, style.text)
  const font = folder === 'fonts' ? theme.fonts.find((entry) => entry.file === name) : undefined
  if (font?.from === 'project') {
    // The project's own font: inside the project, links included (checked again: it may have changed).
    const inside = await resolveInside(path.join(session.dir, 'theme', 'fonts'), [font.file])
    return inside.ok ? asset(name, await readFile(inside.file)) : text(inside.status, inside.status === 403 ? 'Forbidden\n' : 'Not found\n')
  }
  if (font?.path && (await stat(font.path).catch(() => undefined))?.isFile()) return asset(name, await readFile(font.path))
  return text(404, 'Not found\n')
}

function send(request: IncomingMessage, response: ServerResponse, reply: Reply): void {
  if (response.headersSent) return void response.end()
  const headers: Record<string, string> = {'content-type': reply.type, 'x-content-type-options': 'nosniff'}
  if (reply.cache === 'no-store') headers['cache-control'] = 'no-store'
  else {
    const tag = `"${createHash('sha1').update(reply.body).digest('base64url')}"`
    headers['cache-control'] = 'no-cache'
    headers.etag = tag
    if (request.headers['if-none-match'] === tag) {
      response.writeHead(304, headers).end()
      return
    }
  }
  headers['content-length'] = String(Buffer.byteLength(reply.body))
  response.writeHead(reply.status, headers)
  response.end(request.method === 'HEAD' ? undefined : reply.body)
}
