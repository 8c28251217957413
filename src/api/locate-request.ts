import path from 'node:path'
import {pathToFileURL} from 'node:url'
import type {Position} from 'unist'
import type {Theme} from '../load/theme.js'

/** A place in a template of the project: its path in the report folder, its text, where the address is. */
export interface TemplatePlace {
  path: string
  text: string
  position: Position
}

const ADDRESS = /\b(?:href|src)\s*=\s*(["'])([^"'{}]+)\1/gu

/**
 * Where a file the print could not load is named, when a template of the project names it: the
 * `href` or `src` whose address, read from the print HTML as the browser reads it, is `url` (a
 * designer's `<link rel="stylesheet" href="assets/extra.css">` that no build writes). Addresses made
 * by Mustache (`{{href}}`) are the renderer's own and skipped. Pure: the theme holds the texts.
 */
export function locateInTemplates(url: string, htmlFile: string, dir: string, theme: Pick<Theme, 'templates' | 'origins'>): TemplatePlace | undefined {
  const base = pathToFileURL(htmlFile)
  for (const [name, text] of Object.entries(theme.templates)) {
    const origin = theme.origins[`templates/${name}`]?.[0]
    const inProject = origin !== undefined && !path.relative(dir, origin).startsWith('..') && !path.isAbsolute(path.relative(dir, origin))
    if (!inProject) continue
    for (const match of text.matchAll(ADDRESS)) {
      let resolved: string
      try {
        resolved = new URL(match[2]!, base).href
      } catch {
        continue
      }
      if (resolved !== url) continue
      const offset = match.index + match[0].indexOf(match[1]!) + 1
      return {path: path.relative(dir, origin).split(path.sep).join('/'), text, position: positionAt(text, offset, match[2]!.length)}
    }
  }
  return undefined
}

function positionAt(text: string, offset: number, length: number): Position {
  const before = text.slice(0, offset).split('\n')
  const line = before.length
  const column = before[before.length - 1]!.length + 1
  return {start: {line, column, offset}, end: {line, column: column + length, offset: offset + length}}
}
