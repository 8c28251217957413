/**
 * At most `size` pieces of work at once, first come first served: the parts of every edition a
 * build prints share one set (`--jobs`), so that two editions laid out side by side do not open
 * twice as many browser pages (a renderer process and its memory each) as the machine has cores.
 */
export class Slots {
  private used = 0
  private readonly waiting: Array<() => void> = []

  constructor(readonly size: number) {}

  async use<T>(work: () => Promise<T>): Promise<T> {
    if (this.used >= this.size) await new Promise<void>((resolve) => this.waiting.push(resolve))
    else this.used++
    try {
      return await work()
    } finally {
      // The slot goes straight to the next in line, or back to the pool.
      const next = this.waiting.shift()
      if (next) next()
      else this.used--
    }
  }
}
