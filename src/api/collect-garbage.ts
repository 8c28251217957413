import {setFlagsFromString} from 'node:v8'
import {runInNewContext} from 'node:vm'

let gc: (() => void) | undefined

/**
 * A full garbage collection, now. A build renders its editions (hundreds of MB of trees and strings
 * at 300 pages, most of them garbage once the HTML is written) and then waits for the browser to lay
 * out and print; V8 would keep that heap, and the process's memory, through the whole print. One
 * collection when the rendering is over gives it back while the browser needs it most. Node
 * exposes `gc` only with `--expose-gc`; setting that flag at run time and taking `gc` from a new
 * context is what Jest does for `--logHeapUsage`.
 */
export function collectGarbage(): void {
  if (!gc) {
    setFlagsFromString('--expose-gc')
    gc = runInNewContext('gc') as () => void
  }
  gc()
}
