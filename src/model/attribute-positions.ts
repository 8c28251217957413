import type {Position} from 'unist'

/** Where each attribute of a directive is written (remark's verbose directive positions). */
export function attributePositions(node: {data?: unknown}): Record<string, Position | undefined> {
  return (node.data as {position?: {attributes?: Record<string, Position>}} | undefined)?.position?.attributes ?? {}
}
