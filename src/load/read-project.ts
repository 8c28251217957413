import {readFile, stat} from 'node:fs/promises'
import path from 'node:path'
import {VFile} from 'vfile'
import {CannotRunError} from './cannot-run.js'

export const configName = 'rapporteur.yaml'

/** Read a project file as a VFile whose `path` is relative to the project folder. */
export async function readProjectFile(dir: string, relative: string): Promise<VFile | undefined> {
  try {
    const value = await readFile(path.join(dir, relative), 'utf8')
    return new VFile({cwd: dir, path: relative, value})
  } catch (error) {
    if (isMissing(error)) return undefined
    throw new CannotRunError(`Cannot read \`${relative}\`: ${(error as Error).message}`)
  }
}

/** Read `rapporteur.yaml`, or explain why this folder is not a project. */
export async function readConfigFile(dir: string): Promise<VFile> {
  const info = await stat(dir).catch(() => undefined)
  if (!info?.isDirectory()) {
    throw new CannotRunError(`Cannot find the report folder \`${dir}\``, 'Pass the folder that holds rapporteur.yaml (the sample is report/; docs/format.md describes one).')
  }
  const file = await readProjectFile(dir, configName)
  if (!file) {
    throw new CannotRunError(`Cannot find \`${configName}\` in \`${dir}\``, 'A report folder starts with rapporteur.yaml: see docs/format.md, or copy report/ as a starting point.')
  }
  return file
}

/** Read many files at once; missing ones come back as undefined, in order. */
export function readProjectFiles(dir: string, relatives: readonly string[]): Promise<Array<VFile | undefined>> {
  return Promise.all(relatives.map((relative) => readProjectFile(dir, relative)))
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  return code === 'ENOENT' || code === 'ENOTDIR'
}
