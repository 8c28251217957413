import {toHtml} from 'hast-util-to-html'
import {check} from '../../src/api/check.js'
import type {EditionName} from '../../src/model/schemas/config.js'
import {renderEdition} from '../../src/render/edition.js'
import {writeProject} from './project.js'

/** A project with both editions: the full report of `chapters/intro.md`, the synthesis of `synthese.md`. */
const config = 'title: Exemple\norganisation: Fondation\nlang: fr\ndate: 2026-01\naxes: [{id: prevention, label: Prévention}]\neditions:\n  full: {title: Rapport complet, files: [chapters/intro.md], output: rapport}\n  synthesis: {title: Synthèse, files: [synthese.md], output: synthese}\n'

/**
 * The web page of one edition of such a project, as HTML: for what one edition says of the other.
 * `made` collects the project's folder, for the caller to remove.
 */
export async function editionHtml(files: {'chapters/intro.md': string; 'synthese.md': string}, edition: EditionName, made: string[]): Promise<string> {
  const dir = await writeProject({'rapporteur.yaml': config, ...files})
  made.push(dir)
  const result = await check(dir)
  if (!result.ok) throw new Error('project did not load')
  const rendered = await renderEdition(result.model, edition, {mode: 'web', pageOf: {full: 'rapport.html', synthesis: 'synthese.html'}})
  return rendered.main.map((node) => toHtml(node)).join('')
}
