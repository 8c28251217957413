import Mustache from 'mustache'
import {CannotRunError} from './cannot-run.js'

/** The partials the document template may call, by name, and the template file each is. */
export const partialFiles: Record<string, string> = {cover: 'cover.html', backCover: 'back-cover.html'}

type Token = [string, string, number, number, Token[]?]

/**
 * A theme's templates are parsed before any is rendered: a syntax error (an unclosed section)
 * names the file and the place, and partials that call each other in a loop (Mustache would
 * recurse until the stack runs out) are refused with the loop.
 */
export function checkTemplates(templates: Record<string, string>, origins: Record<string, string>): void {
  const calls = new Map<string, string[]>()
  for (const [file, text] of Object.entries(templates)) {
    let tokens: Token[]
    try {
      tokens = Mustache.parse(text) as unknown as Token[]
    } catch (error) {
      const where = origins[`templates/${file}`] ?? file
      // Mustache says where by offset (`Unclosed section "title" at 19`): say it as line and column.
      const message = (error as Error).message.replace(/ at (\d+)$/u, (_, offset: string) => {
        const before = text.slice(0, Number(offset)).split('\n')
        return ` at ${before.length}:${before.at(-1)!.length + 1}`
      })
      throw new CannotRunError(`Cannot read the template \`${where}\`: ${message}`, 'Close every {{#section}} with {{/section}}; docs/designers.md lists what templates receive.')
    }
    calls.set(file, partialsIn(tokens).map((name) => partialFiles[name] ?? `${name}.html`))
  }
  // A loop among the partials: cover → cover, or cover → back-cover → cover.
  const visiting: string[] = []
  const visit = (file: string) => {
    if (visiting.includes(file)) {
      const loop = [...visiting.slice(visiting.indexOf(file)), file].join(' → ')
      throw new CannotRunError(`Cannot render the templates: they call each other in a loop (${loop})`, 'A partial ({{> cover}}) must not call itself, directly or through another.')
    }
    visiting.push(file)
    for (const next of calls.get(file) ?? []) visit(next)
    visiting.pop()
  }
  visit('document.html')
}

function partialsIn(tokens: readonly Token[]): string[] {
  return tokens.flatMap((token) => (token[0] === '>' ? [token[1]] : Array.isArray(token[4]) ? partialsIn(token[4]) : []))
}
