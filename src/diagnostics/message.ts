import type {Point, Position} from 'unist'
import type {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import {fatalOf, type Severity} from './severity.js'

/** Extra fields some rules attach to their messages (e.g. the figure as written). */
export interface MessageExtras {
  figure?: string
  /** A second place that explains the first ("first defined here"). */
  related?: {file: string; place: Position; message: string}
}

export interface MessageInit extends MessageExtras {
  ruleId: string
  severity: Severity
  place?: Position | Point | undefined
}

/** A diagnostic: a vfile-message stamped with rapporteur's source and our extras. */
export type Diagnostic = VFileMessage & MessageExtras

/** Add one diagnostic to `file`; the only way pipeline code reports anything. */
export function addMessage(file: VFile, reason: string, init: MessageInit): Diagnostic {
  const message: Diagnostic = new VFileMessage(reason, {
    place: init.place,
    ruleId: init.ruleId,
    source: 'rapporteur'
  })
  message.file = file.path
  message.fatal = fatalOf(init.severity)
  if (init.figure !== undefined) message.figure = init.figure
  if (init.related !== undefined) message.related = init.related
  file.messages.push(message)
  return message
}
