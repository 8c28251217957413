import type {Io} from '../../src/cli/io.js'

/** An Io that records what the CLI writes, with colours off. */
export function captureIo(cwd: string, env: NodeJS.ProcessEnv = {}): Io & {out(): string; err(): string} {
  let out = ''
  let err = ''
  return {
    stdout: (text) => {
      out += text
    },
    stderr: (text) => {
      err += text
    },
    isTTY: false,
    // The caches off unless a test asks for them: they would go to the home folder's cache.
    env: {NO_COLOR: '1', RAPPORTEUR_TREE_CACHE: 'off', RAPPORTEUR_CITATION_CACHE: 'off', RAPPORTEUR_HYPHENATION_CACHE: 'off', RAPPORTEUR_LAYOUT_CACHE: 'off', ...env},
    cwd,
    out: () => out,
    err: () => err
  }
}
