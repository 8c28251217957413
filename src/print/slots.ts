/**
 * At most `size` pieces of work at once: the parts of every edition a build prints share one set
 * (`--jobs`), so that two editions laid out side by side do not open twice as many browser pages
 * (a renderer process and its memory each) as the machine has cores. A freed slot goes to the
 * waiting work of the lowest `rank`, first come first served within a rank: the build ranks each
 * edition's print by the order it starts them, so the full edition's later parts, the longest
 * chain of the build, are not kept waiting behind the synthesis that asked in the meantime.
 */
export class Slots {
  private used = 0
  private readonly waiting: Array<{rank: number; start: () => void}> = []

  constructor(readonly size: number) {}

  /** Works waiting for a slot: one will start as soon as a slot is freed. */
  get queued(): number {
    return this.waiting.length
  }

  async use<T>(work: () => Promise<T>, rank = 0): Promise<T> {
    if (this.used >= this.size) {
      await new Promise<void>((start) => {
        // After every waiting work of the same or a lower rank.
        const at = this.waiting.findIndex((waiting) => waiting.rank > rank)
        this.waiting.splice(at < 0 ? this.waiting.length : at, 0, {rank, start})
      })
    } else this.used++
    try {
      return await work()
    } finally {
      // The slot goes straight to the next in line, or back to the pool.
      const next = this.waiting.shift()
      if (next) next.start()
      else this.used--
    }
  }
}
