import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {expect, test} from 'vitest'
import {locateInTemplates} from '../../src/api/locate-request.js'

const dir = '/work/report'
const htmlFile = path.join(dir, 'dist', '.print', 'rapport.html')
const url = (relative: string) => pathToFileURL(path.join(dir, 'dist', relative)).href
const document = '<!doctype html>\n<head>\n{{#stylesheets}}<link rel="stylesheet" href="{{href}}">{{/stylesheets}}\n  <link rel="stylesheet" href="assets/extra.css">\n</head>'
const theme = (origin: string) => ({templates: {'document.html': document, 'cover.html': '<img src="logo.png">', 'back-cover.html': ''}, origins: {'templates/document.html': [origin], 'templates/cover.html': ['/usr/lib/rapporteur/templates/cover.html']}})

test('a file the print could not load is found at the href of the project template that names it, resolved from the print HTML', () => {
  const place = locateInTemplates(url('.print/assets/extra.css'), htmlFile, dir, theme(path.join(dir, 'theme', 'templates', 'document.html')))
  expect(place).toEqual({path: 'theme/templates/document.html', text: document, position: {start: {line: 4, column: 32, offset: 126}, end: {line: 4, column: 48, offset: 142}}})
  expect(document.slice(place!.position.start.offset, place!.position.end.offset)).toBe('assets/extra.css')
})

test('nothing is located in a built-in template, in the renderer’s own {{href}}, or for another file', () => {
  expect(locateInTemplates(url('.print/assets/extra.css'), htmlFile, dir, theme('/usr/lib/rapporteur/templates/document.html'))).toBeUndefined()
  expect(locateInTemplates(url('.print/logo.png'), htmlFile, dir, theme(path.join(dir, 'theme', 'templates', 'document.html')))).toBeUndefined()
  expect(locateInTemplates(url('assets/extra.css'), htmlFile, dir, theme(path.join(dir, 'theme', 'templates', 'document.html')))).toBeUndefined()
})
