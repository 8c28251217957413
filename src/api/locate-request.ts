import {pathToFileURL} from 'node:url'
import type {Position} from 'unist'
import type {Theme} from '../load/theme.js'
import {templateResources} from '../load/template-resources.js'

/** A place in a template of the project: its path in the report folder, its text, where the address is. */
export interface TemplatePlace {
  path: string
  text: string
  position: Position
}

/**
 * Where a file the print could not load is named, when a template of the project names it: the
 * address (load/template-resources.ts) that, read from the print HTML as the browser reads it, is
 * `url` (a designer's `<link rel="stylesheet" href="assets/extra.css">` that no build writes).
 * Pure: the theme holds the texts.
 */
export function locateInTemplates(url: string, htmlFile: string, dir: string, theme: Pick<Theme, 'templates' | 'origins'>): TemplatePlace | undefined {
  const base = pathToFileURL(htmlFile)
  const named = templateResources(theme, dir).find((resource) => {
    try {
      return new URL(resource.address, base).href === url
    } catch {
      return false
    }
  })
  return named && {path: named.file, text: named.text, position: named.position}
}
