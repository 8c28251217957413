import {setFlagsFromString} from 'node:v8'
import {runInNewContext} from 'node:vm'

let gc: (() => void) | undefined

/**
 * Whether a heap of `heapTotal` bytes is worth compacting after the render. Below 128 MB it is
 * not: compacting the sample report's 87 MB heap took 0.11–0.29 s of this process, beside the
 * browser's two layouts on 2 cores, and gave back 12 MB; at 100 pages (141 MB) and above it gives
 * back what the browser's pages need most (below).
 */
export function worthCollecting(heapTotal: number): boolean {
  return heapTotal >= 128 * 1024 * 1024
}

/**
 * A full garbage collection, now. A build renders its editions (hundreds of MB of trees and strings
 * at 300 pages, most of them garbage once the HTML is written) and then waits for the browser to lay
 * out and print. Collected when the rendering is over, that space serves what comes next (the parts'
 * pages, pdf-lib finishing the PDF) instead of the heap growing past it while the browser needs the
 * memory most (Node at the print's peak: 300–315 → 220–230 MB at 300 pages). V8 keeps the pages it
 * grew to, so the process does not shrink at once. Node exposes `gc` only with `--expose-gc`;
 * setting that flag at run time and taking `gc` from a new context is what Jest does for
 * `--logHeapUsage`.
 */
export function collectGarbage(): void {
  if (!gc) {
    setFlagsFromString('--expose-gc')
    gc = runInNewContext('gc') as () => void
    // As Jest does: `gc` stays usable, and V8's flags are as the process started, which the
    // CLI's code cache checks (src/cli/load-bundle.ts; a cache made under other flags is refused).
    setFlagsFromString('--no-expose-gc')
  }
  // V8 compacts only the pages its heuristics pick; after a render most pages hold a few live
  // objects among the garbage, so without compaction the heap keeps its size (at 300 pages 181 MB
  // with 62 MB in use). Compacting this once moves the live objects together and frees the rest.
  setFlagsFromString('--compact-on-every-full-gc')
  try {
    gc()
  } finally {
    setFlagsFromString('--no-compact-on-every-full-gc')
  }
}
