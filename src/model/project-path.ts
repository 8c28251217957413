import path from 'node:path'

/** A path of the project as written in its settings, compared as a path: `./chapters\x.md` is `chapters/x.md`. */
export function normalProjectPath(file: string): string {
  return path.posix.normalize(file.replaceAll('\\', '/'))
}
