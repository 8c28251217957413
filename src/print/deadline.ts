/** Printing failed for a reason that is not a missing browser: a timeout, Paged.js itself, Chromium's PDF step. */
export class PrintError extends Error {
  override readonly name = 'PrintError'
  constructor(
    message: string,
    readonly hint?: string
  ) {
    super(message)
  }
}

/**
 * One deadline and one AbortSignal for a whole print job: each step gets what time is left, so a
 * slow navigation cannot hand a full timeout on to Paged.js.
 */
export class Deadline {
  readonly #end: number
  constructor(
    readonly timeoutMs: number,
    readonly what: string,
    readonly signal?: AbortSignal
  ) {
    this.#end = Date.now() + timeoutMs
  }

  /** Milliseconds left, at least 1 (0 means "no timeout" to puppeteer). */
  remaining(): number {
    return Math.max(1, this.#end - Date.now())
  }

  /** Throw at once if the job was cancelled or ran out of time. */
  check(step: string): void {
    this.signal?.throwIfAborted()
    if (Date.now() >= this.#end) throw this.timeoutError(step)
  }

  /**
   * Wait for `work`, but no longer than the time left and no longer than the signal allows. The
   * work itself is not cancelled here: the caller closes the page in `finally`, which ends it.
   */
  async run<T>(step: string, work: Promise<T>): Promise<T> {
    this.check(step)
    // The losing promise may still reject later (a closed page); that is expected, not unhandled.
    work.catch(() => {})
    let timer: NodeJS.Timeout | undefined
    let onAbort: (() => void) | undefined
    const stop = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(this.timeoutError(step)), this.remaining())
      onAbort = () => reject(this.signal!.reason)
      this.signal?.addEventListener('abort', onAbort, {once: true})
    })
    try {
      return await Promise.race([work, stop])
    } finally {
      clearTimeout(timer)
      if (onAbort) this.signal?.removeEventListener('abort', onAbort)
    }
  }

  /** The error for running out of time during `step` (also used for puppeteer's own timeouts). */
  timeoutError(step: string): PrintError {
    const seconds = (this.timeoutMs / 1000).toFixed(this.timeoutMs % 1000 === 0 ? 0 : 1)
    return new PrintError(
      `Printing ${this.what} took longer than ${seconds} s (while ${step})`,
      'Raise the timeout, or look for an image, font or script in the document that never finishes loading.'
    )
  }
}
