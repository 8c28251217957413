import {readdir, readFile} from 'node:fs/promises'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {check} from '../../src/api/check.js'
import type {ReportModel} from '../../src/model/types.js'
import {removeProject, writeProject} from '../helpers/project.js'

/**
 * Precision and recall of `figure-needs-citation` on a labelled corpus of varied French and
 * English prose written apart from the detector (test/corpus/figures/README.md). Each digit run is
 * a token; a token inside ⟦…⟧ must be flagged, any other must not. A flagged span hits every token
 * it overlaps.
 */
const corpus = path.join(import.meta.dirname, '../corpus/figures')

interface Token {
  file: string
  start: number
  end: number
  expected: boolean
}

interface Labelled {
  name: string
  text: string
  tokens: Token[]
}

function unmark(name: string, marked: string): Labelled {
  let text = ''
  const ranges: Array<[number, number]> = []
  let open = -1
  for (const char of marked) {
    if (char === '⟦') open = text.length
    else if (char === '⟧') {
      ranges.push([open, text.length])
      open = -1
    } else text += char
  }
  const tokens: Token[] = []
  for (const match of text.matchAll(/\d+/g)) {
    const start = match.index
    const end = start + match[0].length
    tokens.push({file: `chapters/${name}`, start, end, expected: ranges.some(([from, to]) => start >= from && end <= to)})
  }
  return {name, text, tokens}
}

let dir: string
let model: ReportModel
let labelled: Labelled[]

beforeAll(async () => {
  const names = (await readdir(corpus)).filter((name) => name.endsWith('.md') && name !== 'README.md').sort()
  labelled = await Promise.all(names.map(async (name) => unmark(name, await readFile(path.join(corpus, name), 'utf8'))))
  const files: Record<string, string> = {}
  for (const item of labelled) files[`chapters/${item.name}`] = item.text
  dir = await writeProject(files)
  const result = await check(dir)
  if (!result.ok) throw new Error('corpus project did not load')
  model = result.model
})

afterAll(() => removeProject(dir))

describe('figure-needs-citation on the labelled corpus', () => {
  test('has at least 300 labelled numeric tokens', () => {
    const tokens = labelled.flatMap((item) => item.tokens)
    expect(tokens.length).toBeGreaterThanOrEqual(300)
    expect(tokens.filter((token) => token.expected).length).toBeGreaterThanOrEqual(100)
  })

  test('precision and recall are both at least 0.95', () => {
    const flagged = model.figures.filter((figure) => figure.status === 'uncited')
    let truePositive = 0
    let falsePositive = 0
    let falseNegative = 0
    const mistakes: string[] = []
    for (const item of labelled) {
      const spans = flagged.filter((figure) => figure.file === `chapters/${item.name}`).map((figure) => [figure.position.start.offset ?? 0, figure.position.end.offset ?? 0] as const)
      for (const token of item.tokens) {
        const predicted = spans.some(([from, to]) => token.start < to && token.end > from)
        if (predicted && token.expected) truePositive++
        else if (predicted) falsePositive++
        else if (token.expected) falseNegative++
        if (predicted !== token.expected) {
          const line = item.text.slice(0, token.start).split('\n').length
          const context = item.text.slice(Math.max(0, token.start - 50), token.end + 30).replace(/\n/g, ' ')
          mistakes.push(`${predicted ? 'FP' : 'FN'} ${item.name}:${line} [${item.text.slice(token.start, token.end)}] …${context}…`)
        }
      }
    }
    const precision = truePositive / (truePositive + falsePositive)
    const recall = truePositive / (truePositive + falseNegative)
    if (process.env.FIGURES_DEBUG) console.log(mistakes.join('\n'))
    console.log(JSON.stringify({tokens: labelled.flatMap((item) => item.tokens).length, truePositive, falsePositive, falseNegative, precision: round(precision), recall: round(recall)}))
    expect(precision).toBeGreaterThanOrEqual(0.95)
    expect(recall).toBeGreaterThanOrEqual(0.95)
  })
})

function round(value: number): number {
  return Math.round(value * 1000) / 1000
}
