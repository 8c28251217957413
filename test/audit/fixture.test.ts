import type {Root} from 'hast'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {check} from '../../src/api/check.js'
import {renderAudit} from '../../src/audit/render-audit.js'
import {toJsonDiagnostics, type JsonDiagnostic} from '../../src/diagnostics/to-json.js'
import type {ReportModel} from '../../src/model/types.js'
import {removeProject, writeProject} from '../helpers/project.js'
import {auditFixture} from './fixture.js'
import {byId, figureRows, findAll, parsePage, textOf} from './html.js'

let dir: string
let model: ReportModel
let diagnostics: JsonDiagnostic[]
let html: string
let page: Root

beforeAll(async () => {
  dir = await writeProject(auditFixture)
  const result = await check(dir)
  if (!result.ok) throw new Error('the fixture does not load')
  model = result.model
  diagnostics = toJsonDiagnostics(result.files)
  html = renderAudit(model, diagnostics)
  page = parsePage(html)
})

afterAll(async () => removeProject(dir))

const cell = (row: Root['children'][number], className: string) =>
  textOf(findAll(row, (element) => String(element.properties.className ?? '').split(' ').includes(className))[0]!)

describe('the audit of a small project', () => {
  test('lists the sources never used, and only those', () => {
    const section = byId(page, 'unused-sources')
    const items = findAll(section, (element) => element.tagName === 'li')
    expect(items.map((item) => textOf(item))).toEqual(['orpheline — Rapport que personne ne cite (définie en sources.yaml:7)'])
    expect(byId(page, 'source-orpheline').properties.className).toEqual(['unused'])
  })

  test('shows each status, the waiver reason, and an uncited figure with no source', () => {
    const rows = figureRows(page)
    expect(rows.map((row) => row.properties.dataStatus)).toEqual(['cited', 'uncited', 'waived', 'cited'])
    expect(cell(rows[1]!, 'refs')).toBe('—')
    expect(cell(rows[2]!, 'reason')).toBe('<b>exemple</b> fictif')
    expect(cell(rows[0]!, 'refs')).toBe('Enquête nationale (2024), p. 12 [enquete-2024]')
  })

  test('escapes hostile text everywhere it shows it', () => {
    // The page's own script is the only script element, and no report text became an element.
    expect(findAll(page, (element) => element.tagName === 'script')).toHaveLength(1)
    expect(findAll(page, (element) => ['img', 'b'].includes(element.tagName))).toEqual([])
    expect(html).not.toContain('<script>alert')
    expect(html).not.toContain('<img')
    // …and it reads back as the text that was written.
    const [first, , , last] = figureRows(page)
    expect(cell(first!, 'sentence')).toBe('En 2024, 40 % des <script>alert("phrase")</script> victimes ont porté plainte.')
    expect(cell(first!, 'chapter')).toBe('Introduction <img src=x onerror=alert(1)>')
    expect(cell(last!, 'refs')).toBe('<script>alert("titre")</script> & "guillemets" (2025) [piege]')
    expect(textOf(byId(page, 'chapter-filter'))).toContain('Introduction <img src=x onerror=alert(1)>')
  })

  test('links only web addresses: a `javascript:` URL stays text', () => {
    const row = byId(page, 'source-piege')
    expect(findAll(row, (element) => element.tagName === 'a')).toEqual([])
    expect(textOf(row)).toContain('javascript:alert(1)')
    expect(findAll(byId(page, 'source-enquete-2024'), (element) => element.tagName === 'a').map((link) => link.properties.href)).toEqual(['https://example.org/enquete'])
  })

  test('links a DOI to doi.org, in the sources table', () => {
    const links = findAll(byId(page, 'source-orpheline'), (element) => element.tagName === 'a')
    expect(links.map((link) => [link.properties.href, textOf(link)])).toEqual([['https://doi.org/10.5555/orpheline.2023', '10.5555/orpheline.2023']])
  })

  test('gives a cited source with a DOI its links in the figure\'s row: the page, then the DOI', async () => {
    const doi = await writeProject({
      'sources.yaml': `- id: etude\n  type: article-journal\n  title: Étude\n  author: Revue\n  date: 2025\n  container-title: Revue\n  url: https://example.org/etude\n  DOI: 10.1234/etude\n- id: seule\n  type: article-journal\n  title: Seule\n  author: Revue\n  date: 2025\n  container-title: Revue\n  DOI: 10.1234/seule\n`,
      'chapters/intro.md': '# Introduction\n\nUn constat sur la :term[sextorsion].\n\nEn 2024, 40 % des victimes ont porté plainte [@etude, p. 3].\n\nEt 25 % ont renoncé [@seule].\n'
    })
    try {
      const result = await check(doi)
      if (!result.ok) throw new Error('the project does not load')
      const rows = figureRows(parsePage(renderAudit(result.model, [])))
      const links = (row: (typeof rows)[number]) => findAll(row, (element) => element.tagName === 'a').map((link) => [textOf(link), link.properties.href])
      expect(links(rows[0]!)).toEqual([
        ['Étude', 'https://example.org/etude'],
        ['[etude]', '#source-etude'],
        ['DOI', 'https://doi.org/10.1234/etude']
      ])
      expect(links(rows[1]!)).toEqual([
        ['Seule', 'https://doi.org/10.1234/seule'],
        ['[seule]', '#source-seule']
      ])
    } finally {
      await removeProject(doi)
    }
  })

  test('lists every diagnostic with its place, severity and rule', () => {
    const rows = findAll(byId(page, 'diagnostics'), (element) => element.tagName === 'tr' && element.properties.dataSeverity !== undefined)
    expect(rows).toHaveLength(diagnostics.length)
    const uncited = diagnostics.find((item) => item.rule === 'figure-needs-citation')!
    expect(rows.map((row) => textOf(row))).toContain(`chapters/intro.md:${uncited.line}:${uncited.column}erreurfigure-needs-citation${uncited.message}`)
    expect(textOf(findAll(page, (element) => element.properties.dataCount === 'diagnostics')[0]!)).toBe(`${diagnostics.length} (2 erreurs, 2 avertissements)`)
  })

  test('writes its own words in the report language', async () => {
    const english = await writeProject({...auditFixture, 'rapporteur.yaml': auditFixtureConfig('en')})
    try {
      const result = await check(english)
      if (!result.ok) throw new Error('the English fixture does not load')
      const englishPage = parsePage(renderAudit(result.model, []))
      expect(findAll(englishPage, (element) => element.tagName === 'html')[0]!.properties.lang).toBe('en')
      expect(textOf(byId(englishPage, 'unused-title'))).toBe('Sources never used (1)')
      expect(textOf(byId(englishPage, 'diagnostics'))).toContain('No problems.')
    } finally {
      await removeProject(english)
    }
  })

  test('says so when every source is used and nothing is wrong', async () => {
    const clean = await writeProject({})
    try {
      const result = await check(clean)
      if (!result.ok) throw new Error('the base project does not load')
      const cleanPage = parsePage(renderAudit(result.model, toJsonDiagnostics(result.files)))
      expect(textOf(byId(cleanPage, 'unused-sources'))).toContain('Toutes les sources sont citées.')
      expect(textOf(byId(cleanPage, 'diagnostics'))).toContain('Aucun problème.')
      expect(figureRows(cleanPage)).toEqual([])
    } finally {
      await removeProject(clean)
    }
  })
})

function auditFixtureConfig(lang: string): string {
  return `title: Example
organisation: Example Foundation
lang: ${lang}
date: 2026-01
axes:
  - {id: prevention, label: Prevention}
editions:
  full: {title: Report, files: [chapters/intro.md], output: report}
`
}
