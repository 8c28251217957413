import path from 'node:path'
import {expect, test} from 'vitest'
import {templateResources} from '../../src/load/template-resources.js'

const dir = '/work/report'
const cover = `<header class="rp-cover">
  <img src="logo.png" alt="Logo"><img src='{{logo}}' alt="">
  <link rel=stylesheet href=extra.css><script src="https://example.org/a.js"></script>
  <a href="notes.html">{{title}}</a><img src="data:image/png;base64,AA==" alt=""><a href="#main">x</a><script src="//cdn.example.org/b.js"></script>
</header>
`
const theme = (origin: string) => ({templates: {'document.html': '<main>{{{main}}}</main>', 'cover.html': cover, 'back-cover.html': ''}, origins: {'templates/cover.html': [origin], 'templates/document.html': ['/usr/lib/rapporteur/templates/document.html']}})

test('the files a project template loads by an address of its own, at the address, whatever the quotes', () => {
  const found = templateResources(theme(path.join(dir, 'theme', 'templates', 'cover.html')), dir)
  expect(found.map(({file, address, position}) => [file, address, position.start.line, position.start.column])).toEqual([
    ['theme/templates/cover.html', 'logo.png', 2, 13],
    ['theme/templates/cover.html', 'extra.css', 3, 29]
  ])
  for (const {text, address, position} of found) expect(text.slice(position.start.offset, position.end.offset)).toBe(address)
})

test('a template of a built-in theme is not the project’s to fix', () => {
  expect(templateResources(theme('/usr/lib/rapporteur/templates/cover.html'), dir)).toEqual([])
})
