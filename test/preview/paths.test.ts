import {mkdir, mkdtemp, rm, symlink, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {describe, expect, test} from 'vitest'
import {packageRoot, themesRoot} from '../../src/load/theme.js'
import {classifyChange} from '../../src/preview/changes.js'
import {openCommand} from '../../src/preview/open.js'
import {isAllowedHostHeader, parseRequestPath, resolveInside} from '../../src/preview/paths.js'
import {clientScript} from '../../src/preview/client.js'
import {injectClient} from '../../src/preview/render.js'
import {isIgnoredPath} from '../../src/preview/watch.js'

describe('parseRequestPath', () => {
  test('splits and decodes ordinary paths', () => {
    expect(parseRequestPath('/')).toEqual({ok: true, segments: []})
    expect(parseRequestPath('/paged/rapport.html?x=1#top')).toEqual({ok: true, segments: ['paged', 'rapport.html']})
    expect(parseRequestPath('/assets/images/caf%C3%A9%20noir.png')).toEqual({ok: true, segments: ['assets', 'images', 'café noir.png']})
  })

  test.each([
    '/../package.json',
    '/%2e%2e/package.json',
    '/%2E%2e/x',
    '/assets/../../rapporteur.yaml',
    '/assets/./x.css',
    '/assets/..%2f..%2frapporteur.yaml',
    '/assets/..%5crapporteur.yaml',
    '/assets/%00.css',
    '//etc/passwd',
    '/assets//x',
    '/.git/config',
    'http://127.0.0.1/rapporteur.yaml',
    '*'
  ])('refuses %s', (target) => {
    expect(parseRequestPath(target)).toEqual({ok: false, status: 403})
  })

  test('a broken percent-encoding is a bad request', () => {
    expect(parseRequestPath('/assets/%E0%A4%A')).toEqual({ok: false, status: 400})
  })
})

describe('resolveInside', () => {
  test('follows links inside the folder, refuses links out of it', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'rapporteur-paths-'))
    try {
      const served = path.join(root, 'assets')
      await mkdir(path.join(served, 'img'), {recursive: true})
      await writeFile(path.join(served, 'img', 'a.png'), 'a')
      await writeFile(path.join(root, 'secret.txt'), 's')
      await symlink(path.join(served, 'img', 'a.png'), path.join(served, 'alias.png'))
      await symlink(path.join(root, 'secret.txt'), path.join(served, 'escape.txt'))
      await symlink(root, path.join(served, 'up'))
      expect(await resolveInside(served, ['img', 'a.png'])).toEqual({ok: true, file: expect.stringMatching(/a\.png$/u)})
      expect(await resolveInside(served, ['alias.png'])).toMatchObject({ok: true})
      expect(await resolveInside(served, ['escape.txt'])).toEqual({ok: false, status: 403})
      expect(await resolveInside(served, ['up', 'secret.txt'])).toEqual({ok: false, status: 403})
      expect(await resolveInside(served, ['img'])).toEqual({ok: false, status: 404})
      expect(await resolveInside(served, ['missing.png'])).toEqual({ok: false, status: 404})
      expect(await resolveInside(path.join(root, 'none'), ['x'])).toEqual({ok: false, status: 404})
    } finally {
      await rm(root, {recursive: true, force: true})
    }
  })
})

describe('watching', () => {
  test.each(['dist/rapport.html', 'node_modules/x/y.md', '.git/index', 'chapters/.01.md.swp', 'chapters/01.md~', 'chapters/#01.md#', 'chapters/.#01.md', 'chapters/4913', 'a.tmp', ''])(
    'ignores %j',
    (file) => expect(isIgnoredPath(file)).toBe(true)
  )
  test.each(['chapters/01-alerte.md', 'rapporteur.yaml', 'theme/styles/print.css', 'assets/logo.png'])('watches %s', (file) => expect(isIgnoredPath(file)).toBe(false))

  test('classifies changes by what they invalidate', () => {
    const dir = '/r'
    expect(classifyChange('/r/chapters/01.md', dir)).toBe('model')
    expect(classifyChange('/r/sources.bib', dir)).toBe('model')
    expect(classifyChange('/r/theme/templates/cover.html', dir)).toBe('template')
    expect(classifyChange('/r/theme/styles/print.css', dir)).toBe('style')
    expect(classifyChange(path.join(packageRoot, 'styles', 'base.css'), dir)).toBe('style')
    expect(classifyChange(path.join(packageRoot, 'templates', 'document.html'), dir)).toBe('template')
    expect(classifyChange(path.join(themesRoot, 'sobre', 'styles', 'print.css'), dir)).toBe('style')
    expect(classifyChange(path.join(themesRoot, 'sobre', 'templates', 'cover.html'), dir)).toBe('template')
    expect(classifyChange('/r/theme/fonts/Marianne.woff2', dir)).toBe('style')
    expect(classifyChange('/r/theme/custom.css', dir)).toBe('style')
    expect(classifyChange(path.join(themesRoot, 'sobre', 'theme.yaml'), dir)).toBe('template')
    expect(classifyChange(path.join(themesRoot, 'sobre', 'fonts', 'house.woff2'), dir)).toBe('style')
    expect(classifyChange('/r/assets/logo.png', dir)).toBe('asset')
    expect(classifyChange('/r/notes.txt', dir)).toBeUndefined()
  })
})

describe('the rest of the server', () => {
  test('the Host header must name this machine when bound to loopback', () => {
    expect(isAllowedHostHeader('127.0.0.1:4000', '127.0.0.1')).toBe(true)
    expect(isAllowedHostHeader('localhost:4000', '127.0.0.1')).toBe(true)
    expect(isAllowedHostHeader('[::1]:4000', '127.0.0.1')).toBe(true)
    expect(isAllowedHostHeader('rebind.attacker.example:4000', '127.0.0.1')).toBe(false)
    expect(isAllowedHostHeader(undefined, '127.0.0.1')).toBe(false)
    expect(isAllowedHostHeader('192.168.1.5:4000', '0.0.0.0')).toBe(true)
  })

  test('the client goes at the end of head; the paged view adds Paged.js and the handlers after it', () => {
    const page = '<html><head><title>t</title></head><body></body></html>'
    expect(injectClient(page, {version: 'v"1', assets: 'a1', paged: false})).toBe(
      '<html><head><title>t</title><script src="/__rapporteur/client.js" data-version="v&#34;1" data-assets="a1"></script>\n</head><body></body></html>'
    )
    const paged = injectClient(page, {version: 'v1', assets: 'a1', paged: true})
    expect(paged.indexOf('client.js')).toBeLessThan(paged.indexOf('paged.polyfill.js'))
    expect(paged.indexOf('paged.polyfill.js')).toBeLessThan(paged.indexOf('paged-handlers.js'))
  })

  test('the client script is valid JavaScript', () => {
    expect(() => new Function(clientScript)).not.toThrow()
  })

  test('opens the browser with the platform command', () => {
    expect(openCommand('http://127.0.0.1:1/', 'linux')).toEqual({command: 'xdg-open', args: ['http://127.0.0.1:1/']})
    expect(openCommand('http://127.0.0.1:1/', 'darwin')).toEqual({command: 'open', args: ['http://127.0.0.1:1/']})
    expect(openCommand('http://127.0.0.1:1/?a&b', 'win32')).toEqual({command: 'rundll32', args: ['url.dll,FileProtocolHandler', 'http://127.0.0.1:1/?a&b']})
  })
})
