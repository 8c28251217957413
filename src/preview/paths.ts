import {realpath, stat} from 'node:fs/promises'
import path from 'node:path'
import {isInside} from '../load/sandbox.js'

/** A request path as decoded segments, or the status that refuses it. */
export type RequestPath = {ok: true; segments: string[]} | {ok: false; status: 400 | 403}

/**
 * Split a request target into decoded path segments, refusing anything that could name a file
 * outside a served folder: `..` and `.` (also percent-encoded), encoded slashes and backslashes,
 * NUL, empty segments (`//etc`), absolute-form targets (`http://…`) and hidden names (`.git`).
 * The URL class would quietly resolve `/a/../b`; a preview server should say no instead.
 */
export function parseRequestPath(target: string): RequestPath {
  const raw = target.split(/[?#]/u, 1)[0] ?? ''
  if (!raw.startsWith('/')) return {ok: false, status: 403}
  const parts = raw.slice(1).split('/')
  const segments: string[] = []
  for (const [index, part] of parts.entries()) {
    let decoded: string
    try {
      decoded = decodeURIComponent(part)
    } catch {
      return {ok: false, status: 400}
    }
    // A trailing slash is harmless (`/` itself, `/paged/`); an empty segment elsewhere is not.
    if (decoded === '' && index === parts.length - 1) continue
    if (decoded === '' || decoded.startsWith('.') || /[/\\\0]/u.test(decoded)) return {ok: false, status: 403}
    segments.push(decoded)
  }
  return {ok: true, segments}
}

/** What resolving a path inside a folder found. */
export type Resolved = {ok: true; file: string} | {ok: false; status: 403 | 404}

/**
 * The regular file `segments` name inside `root`, after following symbolic links: a link that
 * leads outside `root` is refused (403), a missing file or a folder is not found (404).
 */
export async function resolveInside(root: string, segments: readonly string[]): Promise<Resolved> {
  const realRoot = await realpath(root).catch(() => undefined)
  if (!realRoot) return {ok: false, status: 404}
  const real = await realpath(path.join(realRoot, ...segments)).catch(() => undefined)
  if (!real) return {ok: false, status: 404}
  // The same rule as a project's files (load/sandbox.ts): inside the folder once links are followed.
  if (real === realRoot || !isInside(realRoot, real)) return {ok: false, status: 403}
  const info = await stat(real).catch(() => undefined)
  return info?.isFile() ? {ok: true, file: real} : {ok: false, status: 404}
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.pdf': 'application/pdf',
  '.txt': 'text/plain; charset=utf-8'
}

/** The Content-Type for a file name; unknown kinds are served as bytes, never sniffed. */
export function contentTypeOf(name: string): string {
  return contentTypes[path.extname(name).toLowerCase()] ?? 'application/octet-stream'
}

/** Hosts that mean this machine: the Host header must be one of them when bound to loopback. */
export function isLoopbackHost(host: string): boolean {
  return host === '127.0.0.1' || host === 'localhost' || host === '::1' || host === '[::1]'
}

/**
 * True when a request's Host header names this machine. A web page elsewhere can point a DNS
 * name at 127.0.0.1 and read the preview through it (DNS rebinding); its Host header gives it away.
 */
export function isAllowedHostHeader(header: string | undefined, boundHost: string): boolean {
  if (!isLoopbackHost(boundHost)) return true
  if (!header) return false
  const name = header.startsWith('[') ? header.slice(0, header.indexOf(']') + 1) : header.split(':')[0]!
  return isLoopbackHost(name)
}
