import {toHtml} from 'hast-util-to-html'
import {afterAll, describe, expect, test} from 'vitest'
import {check} from '../../src/api/check.js'
import {renderEdition} from '../../src/render/edition.js'
import {labelsFor, type Labels} from '../../src/render/labels.js'
import {baseProject, removeProject, writeProject} from '../helpers/project.js'

/** The words rapporteur writes itself, punctuated the way each language wants: "Acteurs : " in French, "Responsible: " in English. */
const made: string[] = []
afterAll(async () => Promise.all(made.map((dir) => removeProject(dir))))

const chapter = `# Intro

:::recommendation{#rec-a axis=prevention actors="État, plateformes"}
### Agir
Texte.
:::

:::stat{#stat-a value="12 %" source=enquete-2024 locator="p. 3"}
des répondants.
:::

[@enquete-2024] :term[sextorsion]
`

async function html(lang: 'fr' | 'en'): Promise<string> {
  const dir = await writeProject({'chapters/intro.md': chapter, 'rapporteur.yaml': baseProject['rapporteur.yaml']!.replace('lang: fr', `lang: ${lang}`)})
  made.push(dir)
  const result = await check(dir)
  if (!result.ok) throw new Error('project did not load')
  const edition = await renderEdition(result.model, 'full', {mode: 'web', pageOf: {full: 'rapport.html', synthesis: 'synthese.html'}})
  return edition.main.map((node) => toHtml(node)).join('')
}

/** Every string of a labels table, functions called with a number. */
const strings = (labels: Labels): string[] => Object.values(labels).flatMap((value) => (typeof value === 'string' ? [value] : typeof value === 'function' ? [value(3)] : Array.isArray(value) ? value : Object.values(value as Record<string, string>)))

describe('labels punctuated per language', () => {
  test('French: a no-break space before the colon', async () => {
    const page = await html('fr')
    expect(page).toContain('<span class="rp-recommendation__actors-label">Acteurs\u00A0: </span>État, plateformes')
    expect(page).toContain('<span class="rp-stat__source">Source\u00A0: Observatoire, Enquête nationale, p. 3</span>')
  })

  test('English: no space before the colon', async () => {
    const page = await html('en')
    expect(page).toContain('<span class="rp-recommendation__actors-label">Responsible: </span>État, plateformes')
    expect(page).toContain('<span class="rp-stat__source">Source: Observatoire, Enquête nationale, p. 3</span>')
  })

  test('no English label has a space before `:` or `;`; every French `:` has a no-break space before it', () => {
    for (const text of strings(labelsFor('en'))) expect(text, text).not.toMatch(/[ \u00A0\u202F][:;]/u)
    for (const text of strings(labelsFor('fr'))) expect(text, text).not.toMatch(/(?<!\u00A0):/u)
  })
})
