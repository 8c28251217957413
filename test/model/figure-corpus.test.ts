import {readdir, readFile} from 'node:fs/promises'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {check} from '../../src/api/check.js'
import type {ReportModel} from '../../src/model/types.js'
import {removeProject, writeProject} from '../helpers/project.js'

/**
 * Precision and recall of `figure-needs-citation` on a labelled corpus of varied French and
 * English prose written apart from the detector (test/corpus/figures/README.md), in two parts
 * fixed once in `split.json`: a development part the detector may be tuned on, and a test part
 * that is scored and never tuned on. Units: each digit run, and each figure in words (a marker
 * with no digit). A unit inside ⟦…⟧ must be flagged, a digit run outside must not; a flagged
 * span that holds no unit at all (a figure in words nobody marked) is a false alarm too.
 */
const corpus = process.env.FIGURES_CORPUS ?? path.join(import.meta.dirname, '../corpus/figures')
/**
 * A second test part, written after the detector by a labeller who never read it, in ten genres
 * the first corpus does not have (test/corpus/figures-fresh/README.md): scored, never tuned on.
 */
const fresh = path.join(import.meta.dirname, '../corpus/figures-fresh')
/**
 * A third test part, British English public-sector prose (clock times, £ and bn, percentage
 * points, route numbers), written on the twenty-fifth day by a labeller who never read the
 * detector (test/corpus/figures-uk/README.md): scored, never tuned on.
 */
const uk = path.join(import.meta.dirname, '../corpus/figures-uk')
/**
 * A fourth test part, legal and policy prose: English with OSCOLA's references, Swiss, Belgian and
 * Québec French with their numbers and references, written on the twenty-ninth day by a labeller
 * who never read the detector (test/corpus/figures-legal/README.md): scored, never tuned on.
 */
const legal = path.join(import.meta.dirname, '../corpus/figures-legal')

interface Unit {
  start: number
  end: number
  expected: boolean
}

interface Labelled {
  name: string
  text: string
  units: Unit[]
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
  const units: Unit[] = []
  for (const match of text.matchAll(/\d+/g)) {
    const start = match.index
    const end = start + match[0].length
    units.push({start, end, expected: ranges.some(([from, to]) => start >= from && end <= to)})
  }
  for (const [from, to] of ranges) if (!/\d/.test(text.slice(from, to))) units.push({start: from, end: to, expected: true})
  return {name, text, units}
}

interface Score {
  units: number
  truePositive: number
  falsePositive: number
  falseNegative: number
  precision: number
  recall: number
  mistakes: string[]
}

function score(items: readonly Labelled[], model: ReportModel): Score {
  const flagged = model.figures.filter((figure) => figure.status === 'uncited')
  const result: Score = {units: 0, truePositive: 0, falsePositive: 0, falseNegative: 0, precision: 0, recall: 0, mistakes: []}
  for (const item of items) {
    const spans = flagged.filter((figure) => figure.file === `chapters/${item.name}`).map((figure) => [figure.position.start.offset ?? 0, figure.position.end.offset ?? 0] as const)
    const where = (start: number) => `${item.name}:${item.text.slice(0, start).split('\n').length}`
    const context = (start: number, end: number) => item.text.slice(Math.max(0, start - 50), end + 30).replace(/\n/g, ' ')
    for (const unit of item.units) {
      result.units++
      const predicted = spans.some(([from, to]) => unit.start < to && unit.end > from)
      if (predicted && unit.expected) result.truePositive++
      else if (predicted) result.falsePositive++
      else if (unit.expected) result.falseNegative++
      if (predicted !== unit.expected) result.mistakes.push(`${predicted ? 'FP' : 'FN'} ${where(unit.start)} [${item.text.slice(unit.start, unit.end)}] …${context(unit.start, unit.end)}…`)
    }
    // A flagged figure in words that no marker holds.
    for (const [from, to] of spans) {
      if (item.units.some((unit) => unit.start < to && unit.end > from)) continue
      result.falsePositive++
      result.mistakes.push(`FP ${where(from)} [${item.text.slice(from, to)}] …${context(from, to)}…`)
    }
  }
  result.precision = round(result.truePositive / (result.truePositive + result.falsePositive))
  result.recall = round(result.truePositive / (result.truePositive + result.falseNegative))
  return result
}

let dir: string
let model: ReportModel
let labelled: Labelled[]
let testPart: ReadonlySet<string>

let freshPart: Labelled[]
let ukPart: Labelled[]
let legalPart: Labelled[]

async function readCorpus(folder: string): Promise<Labelled[]> {
  const names = (await readdir(folder).catch(() => [])).filter((name) => name.endsWith('.md') && name !== 'README.md').sort()
  return Promise.all(names.map(async (name) => unmark(name, await readFile(path.join(folder, name), 'utf8'))))
}

beforeAll(async () => {
  labelled = await readCorpus(corpus)
  freshPart = process.env.FIGURES_CORPUS ? [] : await readCorpus(fresh)
  ukPart = process.env.FIGURES_CORPUS ? [] : await readCorpus(uk)
  legalPart = process.env.FIGURES_CORPUS ? [] : await readCorpus(legal)
  const split = JSON.parse(await readFile(path.join(corpus, 'split.json'), 'utf8').catch(() => '{"test": []}')) as {test: string[]}
  testPart = new Set(split.test)
  const files: Record<string, string> = {}
  for (const item of [...labelled, ...freshPart, ...ukPart, ...legalPart]) files[`chapters/${item.name}`] = item.text
  dir = await writeProject(files)
  const result = await check(dir)
  if (!result.ok) throw new Error('corpus project did not load')
  model = result.model
  // The whole corpus checked at once: seconds on a busy machine.
}, 60_000)

afterAll(() => removeProject(dir))

describe('figure-needs-citation on the labelled corpus', () => {
  test('has at least 3,000 units from at least 80 excerpts, a test part of at least 1,000', () => {
    expect(labelled.flatMap((item) => item.units).length).toBeGreaterThanOrEqual(3000)
    expect(labelled.length).toBeGreaterThanOrEqual(80)
    expect(labelled.filter((item) => testPart.has(item.name)).flatMap((item) => item.units).length).toBeGreaterThanOrEqual(1000)
    // Every file of the split exists.
    for (const name of testPart) expect(labelled.some((item) => item.name === name), name).toBe(true)
  })

  // Tune on this part only: FIGURES_DEBUG=1 prints its mistakes.
  test('development part: precision and recall at least 0.97', () => {
    const result = score(labelled.filter((item) => !testPart.has(item.name)), model)
    if (process.env.FIGURES_DEBUG) console.log(result.mistakes.join('\n'))
    const {mistakes, ...figures} = result
    console.log('development', JSON.stringify(figures))
    expect(result.precision).toBeGreaterThanOrEqual(0.97)
    expect(result.recall).toBeGreaterThanOrEqual(0.97)
  })

  // Never tuned on: it prints its scores, never its mistakes.
  test('test part: precision and recall at least 0.97', () => {
    const {mistakes, ...figures} = score(labelled.filter((item) => testPart.has(item.name)), model)
    console.log('test', JSON.stringify(figures))
    expect(figures.precision).toBeGreaterThanOrEqual(0.97)
    expect(figures.recall).toBeGreaterThanOrEqual(0.97)
  })

  // Never tuned on either, and newer: it prints its scores, never its mistakes.
  test('fresh test part (20 texts in ten other genres): precision and recall at least 0.97', () => {
    expect(freshPart.flatMap((item) => item.units).length).toBeGreaterThanOrEqual(1000)
    const {mistakes, ...figures} = score(freshPart, model)
    console.log('fresh', JSON.stringify(figures))
    expect(figures.precision).toBeGreaterThanOrEqual(0.97)
    expect(figures.recall).toBeGreaterThanOrEqual(0.97)
  })

  // Never tuned on, each scored as it came (its floor is the score it met when first scored): British
  // English, and legal and policy prose in English and in three French regions.
  test.each([
    {label: 'uk', title: 'British English test part (12 texts)', part: () => ukPart, units: 1000, floor: UK_FLOOR},
    {label: 'legal', title: 'legal test part (12 texts, English and Swiss, Belgian and Québec French)', part: () => legalPart, units: 900, floor: LEGAL_FLOOR}
  ])('$title: scored, never tuned on', ({label, part, units, floor}) => {
    expect(part().flatMap((item) => item.units).length).toBeGreaterThanOrEqual(units)
    const {mistakes, ...figures} = score(part(), model)
    console.log(label, JSON.stringify(figures))
    expect(figures.precision).toBeGreaterThanOrEqual(floor.precision)
    expect(figures.recall).toBeGreaterThanOrEqual(floor.recall)
  })
})

/**
 * First scored on the twenty-fifth day: precision 0.905, recall 0.990 (1,146 units; the code of the
 * day before: 0.811 and 0.975). Below the 0.97 goal of the other parts: British prose has more
 * numbers that are no figures than the detector knows, and this part may not be tuned on to close
 * the gap. The floor guards against losing ground.
 */
const UK_FLOOR = {precision: 0.9, recall: 0.98}

/**
 * First scored on the twenty-ninth day, before the day's changes to the detector: precision 0.816,
 * recall 0.939 (960 units). Then, with the English legal references (oscola.ts, dated-years.ts)
 * and the Swiss, Belgian and Québec forms (digit-groups.ts, regional-references.ts), fixed from
 * trial users' reports and never from this part: 0.956 and 0.969. The floor guards against losing ground.
 */
const LEGAL_FLOOR = {precision: 0.95, recall: 0.96}

function round(value: number): number {
  return Math.round(value * 1000) / 1000
}
