import path from 'node:path'
import {initProject, type InitLanguage} from '../../init/init.js'
import {CannotRunError} from '../../load/cannot-run.js'
import {exitCodes, type Io} from '../io.js'

export interface InitCommandOptions {
  lang: InitLanguage
  force?: boolean
}

/** `rapporteur init <dir>`: write a small, valid, commented example project; exit 2 on a non-empty folder. */
export async function runInit(dir: string, options: InitCommandOptions, io: Io): Promise<number> {
  const folder = path.resolve(io.cwd, dir)
  let written: string[]
  try {
    written = await initProject(folder, {lang: options.lang, force: options.force})
  } catch (error) {
    // Reported here rather than by main(), so that callers of runInit get an exit code, not a throw.
    if (!(error instanceof CannotRunError)) throw error
    io.stderr(`rapporteur: ${error.message}\n${error.hint ? `  ${error.hint}\n` : ''}`)
    return exitCodes.cannotRun
  }
  const shown = path.relative(io.cwd, folder) || '.'
  io.stdout(`${options.lang === 'fr' ? 'Exemple de rapport créé dans' : 'Example report created in'} ${shown}/\n`)
  for (const file of written) io.stdout(`  ${file}\n`)
  const next = options.lang === 'fr' ? 'Ensuite' : 'Next'
  io.stdout(`\n${next}:\n  rapporteur check ${shown}\n  rapporteur build ${shown}\n`)
  return exitCodes.clean
}
