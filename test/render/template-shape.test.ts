import {readFile} from 'node:fs/promises'
import path from 'node:path'
import Mustache from 'mustache'
import {describe, expect, test} from 'vitest'
import {templateValueProblems, type TemplateShape} from '../../src/model/template-values.js'
import {templateShape} from '../../src/render/template-shape.js'
import {partialFiles} from '../../src/load/templates.js'
import {templateView} from '../../src/render/document.js'
import type {ReportModel} from '../../src/model/types.js'
import type {RenderedEdition} from '../../src/render/edition.js'
import {ruleFindings} from '../helpers/rule-findings.js'

const repo = path.join(import.meta.dirname, '../..')
const findings = ruleFindings('template-value', {endColumn: true})

describe('what templates receive', () => {
  test("the shape has templateView's keys, no more, no fewer (labels included)", () => {
    const config = {title: 'T', organisation: 'O', lang: 'fr', date: '2026-01', print: {chapterStart: 'right'}}
    const view = templateView({config} as unknown as ReportModel, {edition: 'full', title: 'Rapport'} as unknown as RenderedEdition, {mode: 'print', stylesheets: []}, '', '')
    const shape = templateShape('fr') as {values: Record<string, TemplateShape>}
    expect(Object.keys(shape.values).sort()).toEqual(Object.keys(view).sort())
    expect(Object.keys((shape.values.labels as {values: object}).values).sort()).toEqual(Object.keys(view.labels).sort())
  })

  test('`{{authors}}` prints the authors apart ("A, B"); `{{#authors}}` still goes through them one by one', () => {
    const config = {title: 'T', organisation: 'O', lang: 'fr', date: '2026-01', authors: ['Camille Dubœuf', 'Réseau Air & Santé'], print: {chapterStart: 'right'}}
    const view = templateView({config} as unknown as ReportModel, {edition: 'full', title: 'Rapport'} as unknown as RenderedEdition, {mode: 'print', stylesheets: []}, '', '')
    expect(Mustache.render('{{authors}} | {{#authors}}[{{.}}]{{/authors}}', view)).toBe('Camille Dubœuf, Réseau Air &amp; Santé | [Camille Dubœuf][Réseau Air &amp; Santé]')
  })

  test("every template rapporteur ships writes only what it receives", async () => {
    const files = ['templates/document.html', 'templates/cover.html', 'templates/back-cover.html', 'themes/sobre/templates/cover.html', 'themes/sobre/templates/back-cover.html']
    const templates = await Promise.all(files.map(async (file) => ({file, text: await readFile(path.join(repo, file), 'utf8')})))
    expect(templateValueProblems(templates, templateShape('fr'), Object.keys(partialFiles))).toEqual([])
    expect(templateValueProblems(templates, templateShape('en'), Object.keys(partialFiles))).toEqual([])
  })
})

describe('template-value', () => {
  test('a misspelt name with the closest, in a section and out, and HTML with two braces', async () => {
    const document = '<!doctype html>\n<html lang="{{lang}}">\n<head>\n  {{#stylesheets}}<link rel="stylesheet" href="{{hrf}}" media="{{media}}">{{/stylesheets}}\n</head>\n<body class="{{bodyClass}}">\n  {{{toc}}}\n  <main>{{main}}</main>\n  <p>{{contact.mail}} {{#authors}}{{.}}{{/authors}}</p>\n</body>\n</html>\n'
    expect(await findings({'theme/templates/document.html': document})).toEqual([
      'theme/templates/document.html:4:48-55 Unexpected template value `hrf`, expected one templates receive, did you mean `href`?: Mustache prints nothing for it',
      'theme/templates/document.html:8:9-17 Unexpected `{{main}}` with two braces, expected `{{{main}}}`: with two, Mustache escapes the HTML, and the page prints it as source',
      'theme/templates/document.html:9:6-22 Unexpected template value `contact.mail`, expected one templates receive, did you mean `contact.email`?: Mustache prints nothing for it'
    ])
  })

  test('a partial the theme does not have, with the closest', async () => {
    expect(await findings({'theme/templates/document.html': '<!doctype html>\n<html lang="{{lang}}">\n<body>\n  {{> cover}}\n  {{> backcover}}\n  {{{main}}}\n</body>\n</html>\n'})).toEqual([
      'theme/templates/document.html:5:3-18 Unexpected partial `{{> backcover}}`, expected one the theme has, `{{> cover}}` or `{{> backCover}}`, did you mean `backCover`?: Mustache prints nothing for it'
    ])
  })
})
