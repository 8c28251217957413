import {CannotRunError} from './cannot-run.js'

/** What each file-system failure means for the person at the keyboard, and what to do. */
const meanings: Record<string, [string, string]> = {
  ENOTDIR: ['a file stands where a folder is needed', 'Give --out a folder (or a name that does not exist yet), or move the file away.'],
  EEXIST: ['a file stands where a folder is needed', 'Give --out a folder (or a name that does not exist yet), or move the file away.'],
  EISDIR: ['a folder stands where a file is needed', 'Move the folder away.'],
  EACCES: ['permission denied', 'Give your user the right to write there, or build elsewhere with --out.'],
  EPERM: ['operation not permitted', 'Give your user the right to write there, or build elsewhere with --out.'],
  EROFS: ['the file system is read-only', 'Build elsewhere with --out.'],
  ENOSPC: ['the disk is full', 'Free some space, or build elsewhere with --out; the previous outputs are as they were.'],
  EDQUOT: ['the disk quota is exceeded', 'Free some space, or build elsewhere with --out; the previous outputs are as they were.'],
  EMFILE: ['too many files are open', 'Close other programs and run again.']
}

/** A file-system failure as a message that names the path and what to do; anything else as it was. */
export function explainFileSystemError(error: unknown): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  const meaning = code ? meanings[code] : undefined
  if (!meaning) return error
  const where = (error as NodeJS.ErrnoException).path
  return new CannotRunError(`Cannot write${where ? ` \`${where}\`` : ''}: ${meaning[0]}`, meaning[1])
}
