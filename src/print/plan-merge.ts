/** Which side of the spread a page is on: odd pages are right-hand pages (Paged.js's convention). */
export type Side = 'right' | 'left'

export interface PartLayout {
  pageCount: number
  /** The side its first chapter asks for (`break-before: right | left`), or `any`. */
  wants: Side | 'any'
  /** The side its first page was laid out on. */
  laidOutOn: Side
}

export interface MergePlan {
  /** For each part: a blank page goes before it, so it starts on the side it wants. */
  blanksBefore: boolean[]
  /** Parts laid out on the other side from where they land: their margin boxes differ, lay them out again. */
  relayout: Array<{index: number; startOn: Side}>
  pageCount: number
}

const sideOf = (page: number): Side => (page % 2 === 1 ? 'right' : 'left')

/**
 * Where each part lands once the parts are put end to end (see split-parts.ts). A part after the
 * first that wants a side it would not start on gets a blank page first, as Paged.js does within a
 * document. Pure: the parts' page counts in, the plan out.
 */
export function planMerge(parts: readonly PartLayout[]): MergePlan {
  const blanksBefore: boolean[] = []
  const relayout: MergePlan['relayout'] = []
  let next = 1
  parts.forEach((part, index) => {
    const blank = index > 0 && part.wants !== 'any' && part.wants !== sideOf(next)
    blanksBefore.push(blank)
    if (blank) next++
    if (part.laidOutOn !== sideOf(next)) relayout.push({index, startOn: sideOf(next)})
    next += part.pageCount
  })
  return {blanksBefore, relayout, pageCount: next - 1}
}
