import {mkdtemp, mkdir, rm, writeFile} from 'node:fs/promises'
import {afterAll} from 'vitest'
import os from 'node:os'
import path from 'node:path'
import type {EncodedText} from '../../src/check/rule.js'

/** The base example project the rule examples are laid over: small, valid, and clean. */
export const baseProject: Record<string, string> = {
  'rapporteur.yaml': `title: Exemple
organisation: Fondation Exemple
lang: fr
date: 2026-01
axes:
  - {id: prevention, label: Prévention}
  - {id: detection, label: Détection}
editions:
  full: {title: Rapport, files: [chapters/intro.md], output: rapport}
`,
  'sources.yaml': `- id: enquete-2024
  type: survey
  title: Enquête nationale
  author: Observatoire
  date: 2024
`,
  'glossary.yaml': `- id: sextorsion
  term: sextorsion
  definition: Chantage à la diffusion d'images intimes.
`,
  'chapters/intro.md': '# Introduction\n\nUn constat [@enquete-2024] sur la :term[sextorsion].\n'
}

/** baseProject's rapporteur.yaml in another language, with `extra` settings after it. */
export function configInLanguage(lang: string, extra = ''): string {
  return String(baseProject['rapporteur.yaml']).replace('lang: fr', `lang: ${lang}`) + extra
}

/**
 * Write a project to a fresh temporary folder (or to `into`, made if needed); chapters not in the
 * config are added to the full edition.
 */
export async function writeProject(files: Record<string, string | EncodedText>, base: Record<string, string> = baseProject, into?: string): Promise<string> {
  const dir = into ?? (await mkdtemp(path.join(os.tmpdir(), 'rapporteur-test-')))
  const all = {...base, ...files}
  // A project has one registry: an example that brings CSL-JSON or BibTeX does without the base's YAML.
  if (('sources.json' in files || 'sources.bib' in files || 'sources.ris' in files) && !('sources.yaml' in files)) delete all['sources.yaml']
  const extra = Object.keys(files).filter((name) => name.startsWith('chapters/') && name !== 'chapters/intro.md' && name.endsWith('.md'))
  if (extra.length > 0 && !files['rapporteur.yaml']) {
    all['rapporteur.yaml'] = String(base['rapporteur.yaml']).replace('files: [chapters/intro.md]', `files: [chapters/intro.md, ${extra.join(', ')}]`)
  }
  for (const [name, content] of Object.entries(all)) {
    if (content === undefined) continue
    await mkdir(path.dirname(path.join(dir, name)), {recursive: true})
    await writeFile(path.join(dir, name), typeof content === 'string' ? content : encoded(content))
  }
  return dir
}

/** Bytes as Word's "Text only" (Windows-1252: Latin-1 for these letters) or Notepad's "Unicode" (UTF-16 with its byte order mark) saves them. */
function encoded({encoding, text}: EncodedText): Buffer {
  return encoding === 'utf-16le' ? Buffer.from(`\uFEFF${text}`, 'utf16le') : Buffer.from(text, 'latin1')
}

export async function removeProject(dir: string): Promise<void> {
  await rm(dir, {recursive: true, force: true})
}

/**
 * The projects of one test file: each written to a fresh folder by the function returned, all of
 * them removed once the file's tests are done.
 */
export function projectsOfThisFile(): (files: Record<string, string>) => Promise<string> {
  const made: string[] = []
  afterAll(async () => Promise.all(made.map((dir) => removeProject(dir))))
  return async (files) => {
    const dir = await writeProject(files)
    made.push(dir)
    return dir
  }
}
