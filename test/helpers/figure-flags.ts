import {expect} from 'vitest'
import {check} from '../../src/api/check.js'
import type {Figure} from '../../src/model/types.js'
import {removeProject, writeProject} from './project.js'

/**
 * Run `check` on paragraphs of our own, one chapter, and return each paragraph's figures: those
 * marked ⟦…⟧ in it (what must be flagged: an uncovered figure) and those the rule flagged.
 */
export async function flagged(paragraphs: string[], config = ''): Promise<Array<{expected: string[]; actual: string[]; figures: Figure[]}>> {
  const clean = paragraphs.map((paragraph) => paragraph.replace(/[⟦⟧]/gu, ''))
  const files: Record<string, string> = {'chapters/intro.md': `# Intro\n\n${clean.join('\n\n')}\n\n:term[sextorsion] [@enquete-2024]\n`}
  if (config) files['rapporteur.yaml'] = config
  const dir = await writeProject(files)
  try {
    const result = await check(dir)
    if (!result.ok) throw new Error('project did not load')
    return paragraphs.map((paragraph, index) => {
      const line = 3 + index * 2
      const figures = result.model.figures.filter((figure) => figure.position.start.line === line)
      return {
        expected: [...paragraph.matchAll(/⟦([^⟧]+)⟧/gu)].map((match) => match[1]!),
        actual: figures.filter((figure) => figure.status === 'uncited').map((figure) => figure.text),
        figures
      }
    })
  } finally {
    await removeProject(dir)
  }
}

/** Each marked expression holds a flagged figure (or is held by one: `0,4 point … 6,3 %` may be one span), and nothing else is flagged. */
export async function expectFlags(paragraphs: string[], config?: string): Promise<void> {
  for (const [index, {expected, actual}] of (await flagged(paragraphs, config)).entries()) {
    const overlap = (marked: string, figure: string) => marked.includes(figure) || figure.includes(marked)
    const missed = expected.filter((marked) => !actual.some((figure) => overlap(marked, figure)))
    const extra = actual.filter((figure) => !expected.some((marked) => overlap(marked, figure)))
    expect({missed, extra}, paragraphs[index]).toEqual({missed: [], extra: []})
  }
}
