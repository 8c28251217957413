/**
 * `work(0)` … `work(count - 1)`, at most `limit` at a time, results in order. After a failure no
 * new work starts, and the first failure is thrown once the work under way has settled (so no
 * browser page is still being opened when the caller cleans up). The work is done in `limit`
 * lanes, each taking the next index when it is free; `lane` wraps each lane's whole run (to hold a
 * shared slot from its first piece of work to its last).
 */
export async function mapLimit<T>(count: number, limit: number, work: (index: number) => Promise<T>, lane: (run: () => Promise<void>) => Promise<void> = (run) => run()): Promise<T[]> {
  const results: T[] = new Array(count)
  let next = 0
  let failed = false
  const worker = async () => {
    while (next < count && !failed) {
      const index = next++
      try {
        results[index] = await work(index)
      } catch (error) {
        failed = true
        throw error
      }
    }
  }
  const settled = await Promise.allSettled(Array.from({length: Math.max(1, Math.min(limit, count))}, () => lane(worker)))
  const failure = settled.find((outcome) => outcome.status === 'rejected')
  if (failure) throw failure.reason
  return results
}
