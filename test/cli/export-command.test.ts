import path from 'node:path'
import {afterAll, describe, expect, test} from 'vitest'
import {main} from '../../src/cli/main.js'
import {captureIo} from '../helpers/io.js'
import {removeProject, writeProject} from '../helpers/project.js'

const made: string[] = []
afterAll(async () => Promise.all(made.map((dir) => removeProject(dir))))

async function exportOf(what: string, files: Record<string, string>, format = 'json') {
  const dir = await writeProject(files)
  made.push(dir)
  const io = captureIo(path.dirname(dir))
  const code = await main(['export', what, dir, '--format', format], io)
  return {code, out: io.out(), err: io.err()}
}

const chapter = `# Introduction

Selon l'enquête, 40 % des répondants [voir @enquete-2024, p. 16; @autre-2025] parlent de :term[sextorsion].

:::recommendation{#rec-a axis=prevention actors="État, plateformes"}
### Lancer une campagne
Texte.
:::

:::stat{#stat-a value="52 %" source=enquete-2024 locator="p. 16" key}
des consommateurs interrogés.
:::
`
const sources = `- {id: enquete-2024, type: survey, title: Enquête nationale, author: Observatoire, date: 2024}
- {id: autre-2025, type: report, title: Autre, author: [A, B], date: 2025-03}
`

describe('rapporteur export', () => {
  test('citations: one object per cited key, with its locator and place', async () => {
    const {code, out} = await exportOf('citations', {'chapters/intro.md': chapter, 'sources.yaml': sources})
    expect(code).toBe(0)
    expect(JSON.parse(out)).toEqual([
      {key: 'enquete-2024', locator: 'p. 16', prefix: 'voir', suffix: '', file: 'chapters/intro.md', line: 3, column: 44},
      {key: 'autre-2025', locator: '', prefix: '', suffix: '', file: 'chapters/intro.md', line: 3, column: 66}
    ])
  })

  test('recommendations: numbered, with axis label and actors', async () => {
    const {out} = await exportOf('recommendations', {'chapters/intro.md': chapter, 'sources.yaml': sources})
    expect(JSON.parse(out)).toEqual([
      {id: 'rec-a', number: 1, label: 'R1', axis: 'prevention', axisLabel: 'Prévention', title: 'Lancer une campagne', actors: 'État, plateformes', file: 'chapters/intro.md', line: 5, column: 1}
    ])
  })

  test('stats as CSV, with a header row and the source title', async () => {
    const {out} = await exportOf('stats', {'chapters/intro.md': chapter, 'sources.yaml': sources}, 'csv')
    expect(out).toBe('id,value,text,source,sourceTitle,locator,key,file,line,column\nstat-a,52 %,des consommateurs interrogés.,enquete-2024,Enquête nationale,p. 16,true,chapters/intro.md,10,1\n')
  })

  test('figures: each with its status, sources and sentence', async () => {
    const {out} = await exportOf('figures', {'chapters/intro.md': chapter, 'sources.yaml': sources})
    expect(JSON.parse(out)).toEqual([
      {figure: '40 %', status: 'cited', sources: 'enquete-2024; autre-2025', inSource: 'no-archive', inSourcePages: null, waiverReason: null, sentence: "Selon l'enquête, 40 % des répondants parlent de sextorsion.", chapter: 'Introduction', file: 'chapters/intro.md', line: 3, column: 18},
      {figure: '52 %', status: 'stat', sources: 'enquete-2024', inSource: 'no-archive', inSourcePages: null, waiverReason: null, sentence: '52 % des consommateurs interrogés.', chapter: 'Introduction', file: 'chapters/intro.md', line: 10, column: 17}
    ])
  })

  test('sources: with how often each is used', async () => {
    const {out} = await exportOf('sources', {'chapters/intro.md': chapter, 'sources.yaml': sources})
    expect(JSON.parse(out).map((row: {id: string; uses: number; author: string}) => [row.id, row.uses, row.author])).toEqual([
      ['enquete-2024', 2, 'Observatoire'],
      ['autre-2025', 1, 'A; B']
    ])
  })
})
