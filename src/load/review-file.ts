import {readFile, stat} from 'node:fs/promises'
import path from 'node:path'
import {VFile} from 'vfile'
import {CannotRunError} from './cannot-run.js'
import {maxFileBytes, resolveInside} from './sandbox.js'

/** The review file `check` reads when none is named: beside `rapporteur.yaml`. */
export const defaultReviewName = 'review.json'

/** Which review file to read: one named on the command line, or the project's own when it has one. */
export interface ReviewSource {
  /** Absolute path. */
  file: string
  /** True for the default `review.json`: no file means no review, not an error. */
  optional: boolean
  /** As the user named it (`--review ../relecture.json`, from where they ran the command), for messages. */
  written?: string
}

/**
 * Read a review file as a VFile whose path is relative to the report folder (`review.json`, or
 * `../review.json` for one named outside it), so its findings read like every other file's.
 * The default one is a project file and goes through the sandbox; a file named with `--review`
 * is the user's choice, read wherever it is. Missing when named, not a file, or too large: exit 2.
 */
export async function readReviewFile(dir: string, source: ReviewSource): Promise<VFile | undefined> {
  const relative = path.relative(dir, source.file) || source.file
  const named = source.written ?? relative
  let real = source.file
  if (source.optional) {
    const resolved = await resolveInside(dir, relative)
    if (!resolved.ok) {
      if (resolved.missing) return undefined
      throw new CannotRunError(`Cannot read the review file: ${resolved.reason}`, 'Move it, or leave it out with --no-review.')
    }
    real = resolved.path
  } else {
    const info = await stat(source.file).catch((error: NodeJS.ErrnoException) => error)
    if (info instanceof Error) {
      const missing = info.code === 'ENOENT' || info.code === 'ENOTDIR'
      throw new CannotRunError(
        missing ? `Cannot find the review file \`${named}\`` : `Cannot read the review file \`${named}\`: ${info.code ?? 'error'}`,
        missing ? 'Save one from the audit page (its “Save review” button; “Enregistrer la relecture” in a French report), or leave out --review.' : 'Check the file and its permissions.'
      )
    }
    if (!info.isFile()) throw new CannotRunError(`Cannot read the review file \`${named}\`: it is ${info.isDirectory() ? 'a folder' : 'not a regular file'}`, 'Name the `review.json` the audit page saved.')
    if (info.size > maxFileBytes) throw new CannotRunError(`Cannot read the review file \`${named}\`: more than the ${maxFileBytes / 1024 / 1024} MB rapporteur reads`, 'Name the `review.json` the audit page saved.')
  }
  try {
    return new VFile({cwd: dir, path: relative, value: await readFile(real, 'utf8')})
  } catch (error) {
    throw new CannotRunError(`Cannot read the review file \`${relative}\`: ${(error as NodeJS.ErrnoException).code ?? 'error'}`, 'Check the file and its permissions.')
  }
}
