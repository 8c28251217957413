import {setFlagsFromString} from 'node:v8'

/**
 * How much bytecode a function runs before V8 hands it to its optimising compiler (TurboFan), in
 * the CLI: 4× V8's default of 66 KB. A command runs a great deal of code a little (the parser, the
 * model, the renderer, citeproc, pdf-lib), and with the default V8 compiled some 300 functions on
 * its background threads during a build of the sample: ~1 s of CPU, where the build uses ~4.5 s in
 * all on 2 cores and the browser needs them; 3 s of CPU at 100 pages. Most of those functions had
 * done their work by the time their optimised code was ready. With 4× it is ~0.4 s and ~1.4 s;
 * code that runs long is still optimised, a little later (at 300 pages those threads still spend
 * ~3 s compiling; bench/README.md, point 25).
 */
export const INTERRUPT_BUDGET = 4 * 67_584

/** The V8 flag the CLI sets, unless the user chose a budget (`node --interrupt-budget=N bin/rapporteur.js`). */
export function tieringFlag(execArgv: readonly string[]): string | undefined {
  const chosen = execArgv.some((arg) => arg === '--interrupt-budget' || arg.startsWith('--interrupt-budget=') || arg.startsWith('--interrupt_budget'))
  return chosen ? undefined : `--interrupt-budget=${INTERRUPT_BUDGET}`
}

/** Set before the CLI's code is loaded: V8 gives a function its budget when the function is created. */
export function tierUpLater(execArgv: readonly string[] = process.execArgv): void {
  const flag = tieringFlag(execArgv)
  if (flag) setFlagsFromString(flag)
}
