import {createHash} from 'node:crypto'
import path from 'node:path'
import type {Root} from 'hast'
import {beforeAll, describe, expect, test} from 'vitest'
import {check} from '../../src/api/check.js'
import {figureStatuses} from '../../src/audit/data.js'
import {renderAudit} from '../../src/audit/render-audit.js'
import {toJsonDiagnostics} from '../../src/diagnostics/to-json.js'
import {exportRows} from '../../src/export/tables.js'
import type {ReportModel} from '../../src/model/types.js'
import {byId, figureRows, findAll, parsePage, textOf} from './html.js'

/** The audit of the sample report, read back as elements and compared with `export`'s rows. */
const report = path.join(import.meta.dirname, '../../report')
let model: ReportModel
let html: string
let page: Root

beforeAll(async () => {
  const result = await check(report)
  if (!result.ok) throw new Error('the sample report does not load')
  model = result.model
  html = renderAudit(model, toJsonDiagnostics(result.files), {generatedAt: '2026-03-01T10:00:00.000Z'})
  page = parsePage(html)
})

describe('the audit of the sample report', () => {
  test('has one figure row per row of `export figures`, in the same order', () => {
    const exported = exportRows(model, 'figures')
    const rows = figureRows(page)
    expect(exported.length).toBeGreaterThan(0)
    expect(rows).toHaveLength(exported.length)
    expect(rows.map((row) => [row.properties.dataStatus, textOf(findAll(row, (cell) => cell.tagName === 'th')[0]!)])).toEqual(
      exported.map((item) => [item.status, String(item.figure)])
    )
  })

  test('counts each status as `export figures` does, in the header and on the rows', () => {
    const exported = exportRows(model, 'figures')
    for (const status of figureStatuses) {
      const expected = exported.filter((item) => item.status === status).length
      const [count] = findAll(page, (element) => element.tagName === 'dd' && element.properties.dataCount === status)
      expect(textOf(count!), status).toBe(String(expected))
      expect(figureRows(page).filter((row) => row.properties.dataStatus === status), status).toHaveLength(expected)
    }
  })

  test('marks the figure inside its sentence', () => {
    const marked = figureRows(page).filter((row) => findAll(row, (element) => element.tagName === 'mark').length === 1)
    expect(marked).toHaveLength(model.figures.length)
    const first = figureRows(page)[0]!
    expect(textOf(findAll(first, (element) => element.tagName === 'mark')[0]!)).toBe(model.figures[0]!.text.replace(/\s+/gu, ' '))
  })

  test('gives a cited figure its source title, date and the locator of its citation', () => {
    // 05-mineurs-en-danger.md cites the ReDirection survey at p. 16 through a footnote.
    const index = model.figures.findIndex((figure) => figure.status === 'cited' && figure.keys.includes('protect-children-2021'))
    const cell = findAll(figureRows(page)[index]!, (element) => element.tagName === 'td' && String(element.properties.className).includes('refs'))[0]!
    expect(textOf(cell)).toBe('ReDirection Survey Report (2021), p. 16 [protect-children-2021]')
  })

  test('lists every registry source with its number of uses and where', () => {
    const exported = exportRows(model, 'sources')
    expect(exported.length).toBeGreaterThan(0)
    for (const source of exported) {
      const row = byId(page, `source-${source.id}`)
      expect(textOf(row)).toContain(String(source.title))
      const uses = findAll(row, (element) => String(element.properties.className).includes('uses'))[0]!
      expect(textOf(uses), String(source.id)).toBe(String(source.uses))
      expect(findAll(row, (element) => element.tagName === 'li')).toHaveLength(Number(source.uses))
    }
  })

  test('is one self-contained document in the report language', () => {
    expect(html.startsWith('<!doctype html><html lang="fr">')).toBe(true)
    // Nothing to fetch: no external stylesheet, script, image, frame or font.
    expect(findAll(page, (element) => element.tagName === 'link' || element.properties.src !== undefined)).toEqual([])
    expect(findAll(page, (element) => element.tagName === 'script')).toHaveLength(1)
    expect(html).not.toMatch(/url\(/u)
    // Links go to rows of the page or to sources on the web, nothing else.
    for (const link of findAll(page, (element) => element.tagName === 'a')) expect(String(link.properties.href)).toMatch(/^(#|https?:\/\/)/u)
  })

  test('its content security policy allows exactly its own style and script', () => {
    const [policy] = findAll(page, (element) => element.tagName === 'meta' && element.properties.httpEquiv !== undefined)
    const content = String(policy!.properties.content)
    expect(content).toContain(`default-src 'none'`)
    for (const tag of ['style', 'script']) {
      const [element] = findAll(page, (candidate) => candidate.tagName === tag)
      const digest = createHash('sha256').update(textOf(element!)).digest('base64')
      expect(content, tag).toContain(`'sha256-${digest}'`)
    }
  })

  test('has the landmarks, captions and header scopes of an accessible page', () => {
    for (const tag of ['header', 'nav', 'main']) expect(findAll(page, (element) => element.tagName === tag), tag).toHaveLength(1)
    const tables = findAll(page, (element) => element.tagName === 'table')
    expect(tables.length).toBeGreaterThanOrEqual(2)
    for (const table of tables) {
      expect(findAll(table, (element) => element.tagName === 'caption')).toHaveLength(1)
      for (const header of findAll(table, (element) => element.tagName === 'th')) expect(['col', 'row']).toContain(header.properties.scope)
    }
    // Every control has a label: the checkboxes inside theirs, the select through `for`.
    const form = byId(page, 'figure-filters')
    const labels = findAll(form, (element) => element.tagName === 'label')
    for (const input of findAll(form, (element) => element.tagName === 'input')) expect(labels.some((label) => label.children.includes(input))).toBe(true)
    expect(labels.some((label) => String(label.properties.htmlFor) === 'chapter-filter')).toBe(true)
    // Each figure's review controls: in a fieldset named after the figure, each inside its label.
    for (const row of figureRows(page)) {
      const [set] = findAll(row, (element) => element.tagName === 'fieldset')
      const figure = textOf(findAll(row, (element) => element.tagName === 'th')[0]!)
      expect(textOf(findAll(set!, (element) => element.tagName === 'legend')[0]!)).toContain(figure)
      const controls = findAll(set!, (element) => element.tagName === 'input' || element.tagName === 'textarea')
      expect(controls).toHaveLength(4)
      const rowLabels = findAll(set!, (element) => element.tagName === 'label')
      for (const control of controls) expect(rowLabels.some((label) => findAll(label, (element) => element === control).length === 1)).toBe(true)
    }
  })

  test('is the same bytes for the same input, and shows the time it was given', () => {
    const again = renderAudit(model, [], {generatedAt: '2026-03-01T10:00:00.000Z'})
    expect(renderAudit(model, [], {generatedAt: '2026-03-01T10:00:00.000Z'})).toBe(again)
    expect(html).toContain('<time datetime="2026-03-01T10:00:00.000Z">')
    expect(renderAudit(model, [])).not.toContain('Produit le')
  })
})
