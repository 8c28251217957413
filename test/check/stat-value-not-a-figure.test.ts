import {afterAll, expect, test} from 'vitest'
import {check} from '../../src/api/check.js'
import {figureExamples, isFigure} from '../../src/check/rules/stat-value-not-a-figure.js'
import {numeralsOf} from '../../src/model/figures/numerals.js'
import {baseProject, removeProject, writeProject} from '../helpers/project.js'

const made: string[] = []
afterAll(async () => Promise.all(made.map((dir) => removeProject(dir))))

test('the examples of a figure are written with the report’s numerals: `100.000` where the decimal mark is a comma, not `100,000`, which is one hundred there', async () => {
  const dir = await writeProject({
    'rapporteur.yaml': String(baseProject['rapporteur.yaml']).replace('lang: fr', 'lang: es'),
    'chapters/intro.md': '# Resultados\n\n:::stat{#stat-a value="uno de cada cinco" source=enquete-2024}\nde los menores.\n:::\n\n:term[sextorsion]\n'
  })
  made.push(dir)
  const result = await check(dir)
  const reasons = result.files.flatMap((file) => file.messages).filter((message) => message.ruleId === 'stat-value-not-a-figure').map((message) => message.reason)
  expect(reasons).toEqual(['Unexpected stat value `uno de cada cinco`, expected a figure such as `52 %`, `100.000` or `1 de cada 5`'])
})

test('every example given is a figure the checker recognises, in the language it is given in', () => {
  for (const lang of ['fr', 'en-GB', 'es', 'pt-BR', 'it', 'de', 'nl', 'pl', 'de-CH']) {
    const examples = [...figureExamples(lang).matchAll(/`([^`]+)`/gu)].map((match) => match[1]!)
    expect(examples, lang).toHaveLength(3)
    for (const example of examples) expect(isFigure(example, numeralsOf(lang)), `${lang}: ${example}`).toBe(true)
  }
  expect(figureExamples('en')).toBe('`52%`, `100,000` or `1 in 5`')
  expect(figureExamples('pl')).toBe('`52 %`, `100.000` or `1/5`')
})
