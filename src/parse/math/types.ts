import type {} from 'mdast-util-math'

export type {InlineMath, InlineMathData, Math, MathData} from 'mdast-util-math'

// `math` (a `$$` block) and `inlineMath` (`$…$` and `$$…$$` in the text) are mdast-util-math's
// nodes, registered by its types; display maths in the text is flagged in its data.
declare module 'mdast-util-math' {
  interface InlineMathData {
    /**
     * `true` for display maths written in the text (`$$…$$` inside a paragraph), which is set
     * apart like a `math` block; absent for inline maths (`$…$`).
     */
    mathDisplay?: boolean | undefined
  }
}

/** Whether a maths node is displayed (set apart on its own line): a block, or `$$…$$` in the text. */
export function isDisplayMath(node: import('mdast-util-math').Math | import('mdast-util-math').InlineMath): boolean {
  return node.type === 'math' || node.data?.mathDisplay === true
}
