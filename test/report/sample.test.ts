import {existsSync, readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {beforeAll, describe, expect, test} from 'vitest'
import {check} from '../../src/api/check.js'
import {resolveTerm} from '../../src/model/terms.js'
import type {ReportModel} from '../../src/model/types.js'

/** The sample report's shape, so that it cannot silently shrink or drift from its material. */
const dir = path.join(import.meta.dirname, '../../report')
const seeds = path.join(import.meta.dirname, '../../../shared/seeds')
let model: ReportModel
let messages: string[]

beforeAll(async () => {
  const result = await check(dir)
  if (!result.ok) throw new Error('the sample report does not load')
  model = result.model
  messages = result.files.flatMap((file) => file.messages.map((message) => `${file.path}:${message.line}:${message.column} ${message.ruleId} ${message.reason}`))
})

describe('the sample report', () => {
  test('checks clean: no error, no warning, no waiver', () => {
    expect(messages).toEqual([])
    expect(model.waivers).toEqual([])
  })

  test('has at least 8 chapters, each with a title', () => {
    const chapters = model.documents.filter((document) => document.editions.includes('full'))
    expect(chapters.length).toBeGreaterThanOrEqual(8)
    for (const chapter of chapters) expect(chapter.title, chapter.path).toBeTruthy()
  })

  test('uses every recommendation axis, with recommendations numbered R1…Rn in order', () => {
    const used = new Set(model.recommendations.map((recommendation) => recommendation.axis))
    for (const axis of model.config.axes) expect(used, axis.id).toContain(axis.id)
    expect(model.recommendations.map((recommendation) => recommendation.number)).toEqual(model.recommendations.map((_, index) => index + 1))
  })

  test('has at least 12 glossary terms, each used in the text', () => {
    expect(model.glossary.length).toBeGreaterThanOrEqual(12)
    const used = new Set(model.terms.map((use) => resolveTerm(model.glossary, use)?.value.id))
    for (const entry of model.glossary) expect(used, entry.value.id).toContain(entry.value.id)
  })

  test('has at least 10 sources, each cited', () => {
    expect(model.sources.length).toBeGreaterThanOrEqual(10)
    const cited = new Set([...model.citations.map((citation) => citation.key), ...model.stats.map((stat) => stat.source)])
    for (const entry of model.sources) expect(cited, entry.value.id).toContain(entry.value.id)
  })

  test('has at least 6 key figures, and a synthesis that pulls them from the model', () => {
    expect(model.stats.filter((stat) => stat.key).length).toBeGreaterThanOrEqual(6)
    const synthesis = model.directives.filter((use) => model.documents.find((document) => document.path === use.file)?.role === 'synthesis').map((use) => use.name)
    expect(synthesis).toContain('keyfigures')
    expect(synthesis).toContain('recommendations')
  })

  test.skipIf(!existsSync(seeds))('every figure and stat value is one the source material holds', () => {
    const normalise = (text: string) => text.replace(/[\u00A0\u202F]/gu, ' ').replace(/\s+/gu, ' ').replace(/(\d)è/gu, '$1e')
    const material = normalise(readdirSync(seeds).filter((name) => name.endsWith('.txt')).map((name) => readFileSync(path.join(seeds, name), 'utf8')).join('\n'))
    const values = [...model.figures.map((figure) => figure.text), ...model.stats.map((stat) => stat.value)]
    const missing = values.map((value) => normalise(value).replace(/^moins de /u, '').replace(/ ?%$/u, '')).filter((value) => !material.includes(value))
    expect(missing).toEqual([])
  })
})
