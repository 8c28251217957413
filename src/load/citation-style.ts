import {readFileSync} from 'node:fs'
import path from 'node:path'
import type {VFile} from 'vfile'
import type {Config} from '../model/schemas/config.js'
import type {CslStyle} from '../model/schemas/csl.js'
import {packageRoot} from './theme.js'

/** rapporteur's own CSL styles (`styles/csl/`): notes or author-date, in French or English. */
export const defaultStylesRoot = path.join(packageRoot, 'styles', 'csl')

const cache = new Map<string, string>()

/** The project's `citations.csl`, else the default style for `citations.style` and the language. */
export function citationStyleOf(config: Config, cslFile: VFile | undefined): CslStyle {
  if (cslFile) return {xml: String(cslFile.value), name: cslFile.path, custom: true}
  const kind = config.citations.style === 'author-date' ? 'author-date' : 'notes'
  const language = config.lang.toLowerCase().startsWith('fr') ? 'fr' : 'en'
  const name = `rapporteur-${kind}-${language}.csl`
  let xml = cache.get(name)
  if (xml === undefined) {
    xml = readFileSync(path.join(defaultStylesRoot, name), 'utf8')
    cache.set(name, xml)
  }
  return {xml, name, custom: false}
}
