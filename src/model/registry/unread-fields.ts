import type {Position} from 'unist'
import type {SchemaProblem} from '../types.js'

/**
 * Fields a registry holds that rapporteur does not read, reported once per field name at its first
 * place with how many entries have it: a library of 1,000 entries each with a `file` field is one
 * finding, not a thousand.
 */
export class UnreadFields {
  private readonly seen = new Map<string, {position: Position; message: string; why: string; count: number}>()

  constructor(private readonly file: string) {}

  add(name: string, position: Position, message: string, why = ''): void {
    const known = this.seen.get(name)
    if (known) known.count += 1
    else this.seen.set(name, {position, message, why, count: 1})
  }

  findings(): SchemaProblem[] {
    return [...this.seen.values()].map(({position, message, why, count}) => ({
      file: this.file,
      position,
      message: `${message}${count > 1 ? ` (and ${count - 1} more ${count === 2 ? 'entry' : 'entries'})` : ''}${why ? `: ${why}` : ''}`
    }))
  }
}
