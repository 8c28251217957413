import {lstat, realpath} from 'node:fs/promises'
import path from 'node:path'
import type {ReportPlace} from '../diagnostics/report-place.js'

/**
 * Find the repository a report folder belongs to by walking up to the nearest folder holding a
 * `.git`: a folder in a clone, a file in a worktree or a submodule. Reads no git data and runs
 * no `git`: code scanning and annotations only need the root, to give paths from it.
 */
export async function locateReport(dir: string): Promise<ReportPlace> {
  const folder = await realpath(dir).catch(() => path.resolve(dir))
  for (let current = folder; ; current = path.dirname(current)) {
    if (await lstat(path.join(current, '.git')).then(() => true, () => false)) return {folder, root: current}
    if (path.dirname(current) === current) return {folder}
  }
}
