import Mustache from 'mustache'
import type {Position} from 'unist'
import {didYouMean} from '../diagnostics/suggest.js'

/** What a template receives under a name: text, HTML to place with three braces, a list, or named values. */
export type TemplateShape = 'text' | 'html' | {list: TemplateShape} | {values: Readonly<Record<string, TemplateShape>>}

/** A value a template names that it will not get, or HTML it would print as source, at its place. */
export interface TemplateValueProblem {
  file: string
  position: Position
  name: string
  problem: 'unknown' | 'escaped-html' | 'unknown-partial'
  /** `, did you mean \`title\`?`, or ''. */
  closest: string
}

/** mustache.js's tokens: type, name or text, start and end offsets, and a section's own tokens. */
type Token = [string, string, number, number, Token[]?]

/**
 * Mustache prints nothing for a name the view does not have (`{{titel}}`, `{{labels.skp}}`) or a
 * partial the theme does not have (`{{> couverture}}`), and
 * escapes HTML given with two braces (`{{main}}`: the chapters as their source): both without a
 * word. Each name of each template is resolved as Mustache resolves it, through the sections it
 * stands in (`{{#stylesheets}}{{href}}{{/stylesheets}}`), against the shape of what templates
 * receive (render/template-shape.ts). A template Mustache cannot parse is the build's to report.
 */
export function templateValueProblems(templates: ReadonlyArray<{file: string; text: string}>, view: TemplateShape, partials: readonly string[] = []): TemplateValueProblem[] {
  const found: TemplateValueProblem[] = []
  for (const {file, text} of templates) {
    let tokens: Token[]
    try {
      tokens = Mustache.parse(text) as unknown as Token[]
    } catch {
      continue
    }
    const at = (token: Token): Position => positionOf(text, token[2], token[3])
    const walk = (list: readonly Token[], stack: readonly TemplateShape[]) => {
      for (const token of list) {
        const [type, name] = token
        // `{{> couverture}}`: a partial the theme does not have prints nothing either.
        if (type === '>' && !partials.includes(name)) found.push({file, position: at(token), name, problem: 'unknown-partial', closest: didYouMean(name, partials)})
        if (type !== 'name' && type !== '&' && type !== '#' && type !== '^') continue
        const shape = resolve(name, stack)
        if (shape === undefined) {
          found.push({file, position: at(token), name, problem: 'unknown', closest: didYouMean(name, namesIn(stack))})
          if (type === '#' || type === '^') walk(token[4] ?? [], stack)
          continue
        }
        if (type === 'name' && shape === 'html') found.push({file, position: at(token), name, problem: 'escaped-html', closest: ''})
        if (type === '#') walk(token[4] ?? [], [...stack, typeof shape === 'object' && 'list' in shape ? shape.list : shape])
        if (type === '^') walk(token[4] ?? [], stack)
      }
    }
    walk(tokens, [view])
  }
  return found
}

/** What `a.b` names, looked up as Mustache does: its first part from the innermost context out. */
function resolve(name: string, stack: readonly TemplateShape[]): TemplateShape | undefined {
  if (name === '.') return stack.at(-1)
  const [first, ...rest] = name.split('.')
  for (let index = stack.length - 1; index >= 0; index--) {
    const context = stack[index]!
    const found = typeof context === 'object' && 'values' in context ? context.values[first!] : undefined
    if (found === undefined) continue
    let shape: TemplateShape | undefined = found
    for (const part of rest) shape = typeof shape === 'object' && 'values' in shape ? shape.values[part] : undefined
    return shape
  }
  return undefined
}

/** Every name a template may write here, dotted (`labels.skip`), for the closest one. */
function namesIn(stack: readonly TemplateShape[]): string[] {
  const names: string[] = []
  const add = (shape: TemplateShape, prefix: string) => {
    if (typeof shape !== 'object' || !('values' in shape)) return
    for (const [key, value] of Object.entries(shape.values)) {
      names.push(prefix + key)
      add(value, `${prefix}${key}.`)
    }
  }
  for (const context of stack) add(context, '')
  return names
}

function positionOf(text: string, start: number, end: number): Position {
  const point = (offset: number) => {
    const before = text.slice(0, offset).split('\n')
    return {line: before.length, column: before.at(-1)!.length + 1, offset}
  }
  return {start: point(start), end: point(end)}
}
