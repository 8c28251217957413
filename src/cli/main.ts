import {CommanderError} from 'commander'
import {CannotRunError} from '../load/cannot-run.js'
import {explainFileSystemError} from '../load/file-system-error.js'
import {PrintError} from '../print/deadline.js'
import {exitCodes, processIo, type Io} from './io.js'
import {createProgram} from './program.js'

/**
 * Run the CLI and return its exit code. Every user mistake becomes a message with what to do;
 * only a bug in rapporteur itself shows a stack, and only with DEBUG=rapporteur.
 */
export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  let code: number = exitCodes.clean
  const program = createProgram(io, (value) => {
    code = value
  })
  try {
    await program.parseAsync([...argv], {from: 'user'})
    return code
  } catch (thrown) {
    // A full disk, a read-only folder, a file where a folder goes: the path and what to do (exit 2).
    const error = explainFileSystemError(thrown)
    if (error instanceof CommanderError) return error.exitCode === 0 ? exitCodes.clean : exitCodes.cannotRun
    if (error instanceof PrintError) {
      io.stderr(`rapporteur: ${error.message}\n${error.hint ? `  ${error.hint}\n` : ''}`)
      return exitCodes.cannotRun
    }
    if (error instanceof CannotRunError) {
      io.stderr(`rapporteur: ${error.message}\n${error.hint ? `  ${error.hint}\n` : ''}`)
      return exitCodes.cannotRun
    }
    const detail = io.env.DEBUG?.includes('rapporteur') ? `\n${(error as Error).stack}` : ' (run with DEBUG=rapporteur for details)'
    io.stderr(`rapporteur: internal error: ${(error as Error).message}${detail}\nThis is a bug in rapporteur; please report it with the input that caused it.\n`)
    return exitCodes.cannotRun
  }
}
