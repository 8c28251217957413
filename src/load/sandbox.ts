import {realpath, stat} from 'node:fs/promises'
import path from 'node:path'

/** The largest file rapporteur reads for a project (a chapter, a registry, a style): 10 MB. */
export const maxFileBytes = 10 * 1024 * 1024

/** A project file, or why it is refused: never its content. */
export type Resolved = {ok: true; path: string; size: number} | {ok: false; missing: true} | {ok: false; missing: false; reason: string}

/** Whether `child` is `parent` or inside it (both absolute and normalised). */
export function isInside(parent: string, child: string): boolean {
  const relative = path.relative(parent, child)
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative))
}

const realRoots = new Map<string, Promise<string>>()
function realRoot(dir: string): Promise<string> {
  let root = realRoots.get(dir)
  if (!root) realRoots.set(dir, (root = realpath(dir).catch(() => path.resolve(dir))))
  return root
}

/**
 * A project is a sandbox: a file it names must be, after following every symbolic link, a regular
 * file inside the project folder (or inside `extraRoots`, rapporteur's own files), no larger than
 * `maxFileBytes`. `../`, absolute paths and links out of the project are refused before anything
 * is read, so no message can quote what lies outside.
 */
export async function resolveInside(dir: string, relative: string, extraRoots: readonly string[] = [], maxBytes = maxFileBytes): Promise<Resolved> {
  const root = path.resolve(dir)
  const joined = path.resolve(root, relative)
  if (!isInside(root, joined)) return {ok: false, missing: false, reason: `\`${relative}\` is outside the report folder`}
  let real: string
  try {
    real = await realpath(joined)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'ENOTDIR') return {ok: false, missing: true}
    return {ok: false, missing: false, reason: `\`${relative}\` cannot be read (${code ?? 'error'})`}
  }
  const roots = [await realRoot(root), ...extraRoots]
  if (!roots.some((allowed) => isInside(allowed, real))) return {ok: false, missing: false, reason: `\`${relative}\` is a link to a file outside the report folder`}
  const info = await stat(real)
  if (!info.isFile()) return {ok: false, missing: false, reason: `\`${relative}\` is ${info.isDirectory() ? 'a folder' : 'not a regular file'}, expected a file`}
  if (info.size > maxBytes) return {ok: false, missing: false, reason: `\`${relative}\` is ${(info.size / 1024 / 1024).toFixed(0)} MB, more than the ${maxBytes / 1024 / 1024} MB rapporteur reads`}
  return {ok: true, path: real, size: info.size}
}
