import {afterAll, expect, test} from 'vitest'
import {check} from '../../src/api/check.js'
import {removeProject, writeProject} from '../helpers/project.js'

const made: string[] = []
afterAll(async () => Promise.all(made.map((dir) => removeProject(dir))))

test("a stat's text, as key figures and exports read it, keeps its paragraphs apart", async () => {
  const dir = await writeProject({'chapters/intro.md': '# Intro\n\n:::stat{#s value="45 %" source=enquete-2024 key}\ndes parents selon le guide.\n\nUn second paragraphe.\n:::\n\nLa :term[sextorsion] progresse [@enquete-2024].\n'})
  made.push(dir)
  const result = await check(dir)
  if (!result.ok) throw new Error('project did not load')
  expect(result.model.stats.map((stat) => stat.text)).toEqual(['des parents selon le guide. Un second paragraphe.'])
})
