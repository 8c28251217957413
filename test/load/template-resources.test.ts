import path from 'node:path'
import {expect, test} from 'vitest'
import {VFile} from 'vfile'
import {stylesheetResources, templateResources} from '../../src/load/template-resources.js'

const dir = '/work/report'
const cover = `<header class="rp-cover">
  <img src="logo.png" alt="Logo"><img src='{{logo}}' alt="">
  <link rel=stylesheet href=extra.css><script src="https://example.org/a.js"></script>
  <a href="notes.html">{{title}}</a><img src="data:image/png;base64,AA==" alt=""><a href="#main">x</a><script src="//cdn.example.org/b.js"></script>
</header>
`
const theme = (origin: string) => ({templates: {'document.html': '<main>{{{main}}}</main>', 'cover.html': cover, 'back-cover.html': ''}, origins: {'templates/cover.html': [origin], 'templates/document.html': ['/usr/lib/rapporteur/templates/document.html']}})

test('the files a project template loads by an address of its own, and those on the web, at the address, whatever the quotes', () => {
  const found = templateResources(theme(path.join(dir, 'theme', 'templates', 'cover.html')), dir)
  expect(found.map(({file, address, web, position}) => [file, address, web, position.start.line, position.start.column])).toEqual([
    ['theme/templates/cover.html', 'logo.png', false, 2, 13],
    ['theme/templates/cover.html', 'extra.css', false, 3, 29],
    ['theme/templates/cover.html', 'https://example.org/a.js', true, 3, 52],
    ['theme/templates/cover.html', '//cdn.example.org/b.js', true, 4, 116]
  ])
  for (const {text, address, position} of found) expect(text.slice(position.start.offset, position.end.offset)).toBe(address)
})

test('every way a page loads a file: srcset, poster, object data, an image button, url() and @import in CSS', () => {
  const back = `<footer class="rp-back-cover" style="background: url('paper.jpg') no-repeat">
  <img src="{{logo}}" srcset="logo.png 1x, logo@2x.png 2x,https://example.org/l.png 3x" alt="">
  <picture><source srcset="wide.webp, {{wide}} 2x" media="(min-width: 40em)"></picture>
  <video poster="cover.jpg"><track src="captions.vtt"></video><object data="chart.svg"></object>
  <input type="image" src="go.png" alt="OK"><input type="text" src="ignored.png">
  <style>@import "extra.css"; @import url(more.css); .x { background-image: url( "dots.svg" ) } .y { background: url(data:image/png;base64,AA==) }</style>
</footer>
`
  const found = templateResources({templates: {'document.html': '', 'cover.html': '', 'back-cover.html': back}, origins: {'templates/back-cover.html': [path.join(dir, 'theme', 'templates', 'back-cover.html')]}}, dir)
  expect(found.map(({address, tag, stylesheet}) => [address, tag, stylesheet])).toEqual([
    ['paper.jpg', 'footer', false],
    ['logo.png', 'img', false],
    ['logo@2x.png', 'img', false],
    ['https://example.org/l.png', 'img', false],
    ['wide.webp', 'source', false],
    ['cover.jpg', 'video', false],
    ['captions.vtt', 'track', false],
    ['chart.svg', 'object', false],
    ['go.png', 'input', false],
    ['extra.css', 'style', true],
    ['more.css', 'style', true],
    ['dots.svg', 'style', false]
  ])
  for (const {text, address, position} of found) {
    expect(text.slice(position.start.offset, position.end.offset)).toBe(address)
    expect(text.split('\n')[position.start.line - 1]!.slice(position.start.column - 1).startsWith(address)).toBe(true)
  }
})

test('a template of a built-in theme is not the project’s to fix', () => {
  expect(templateResources(theme('/usr/lib/rapporteur/templates/cover.html'), dir)).toEqual([])
})

test('a start tag read as HTML reads it: a `>` or an attribute name inside quotes belongs to the value', () => {
  const text = `<img alt="1 > 0" src="logo.png">\n<img alt=" src=fake.png" SRC = 'seal.png'>\n<link title="a>b" rel=stylesheet href=x.css>\n`
  const found = templateResources({templates: {'document.html': '', 'cover.html': text, 'back-cover.html': ''}, origins: {'templates/cover.html': [path.join(dir, 'theme', 'templates', 'cover.html')]}}, dir)
  expect(found.map(({address, position}) => [address, position.start.line, position.start.column])).toEqual([
    ['logo.png', 1, 23],
    ['seal.png', 2, 33],
    ['x.css', 3, 39]
  ])
})

test('what a project stylesheet loads that a page cannot have: the web anywhere, a file of the project but in @font-face', () => {
  const css = '@import url("https://fonts.googleapis.com/css2?family=Inter");\n@import "couleurs.css";\n@font-face { font-family: "M"; src: url("fonts/m.woff2"), url(https://example.org/m.woff2); }\n.a { background: url(data:image/png;base64,AA==) } .b { background: url(images/fond.png) }\n'
  const found = stylesheetResources({files: [new VFile({path: 'theme/custom.css', value: css})]})
  expect(found.map(({address, kind, stylesheet, position}) => [address, kind, stylesheet, position.start.line, position.start.column])).toEqual([
    ['https://fonts.googleapis.com/css2?family=Inter', 'web', true, 1, 14],
    ['couleurs.css', 'not-copied', true, 2, 10],
    ['https://example.org/m.woff2', 'web', false, 3, 63],
    ['images/fond.png', 'not-copied', false, 4, 73]
  ])
})

test('a file: address in a project stylesheet names a file of this computer, not one on the web', () => {
  const found = stylesheetResources({files: [new VFile({path: 'theme/custom.css', value: '.a { background: url("file:///C:/Users/moi/fond.png") }\n.b { background: url(//cdn.example.org/fond.png) }\n'})]})
  expect(found.map(({address, kind}) => [address, kind])).toEqual([
    ['file:///C:/Users/moi/fond.png', 'not-copied'],
    ['//cdn.example.org/fond.png', 'web']
  ])
})
