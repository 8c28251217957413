import {existsSync, readFileSync} from 'node:fs'
import {mkdir, readFile, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {build} from '../../src/api/build.js'
import {CannotRunError} from '../../src/load/cannot-run.js'
import {availableThemes, declaredFonts, loadTheme, packageRoot, styleNames, templateNames} from '../../src/load/theme.js'
import {initProject} from '../../src/init/init.js'
import {removeProject, writeProject} from '../helpers/project.js'

/** loadTheme's three layers: the project's theme/ folder, then a built-in theme, then the default one. */
let project: string

beforeAll(async () => {
  project = await writeProject({})
})

afterAll(async () => {
  await removeProject(project)
})

const fromRoot = (file: string) => path.join(packageRoot, file)
const fromSobre = (file: string) => path.join(packageRoot, 'themes/sobre', file)

describe('loadTheme', () => {
  test('the default theme is the root templates/ and styles/', async () => {
    const theme = await loadTheme(project)
    expect(theme.name).toBe('default')
    for (const name of templateNames) expect(theme.origins[`templates/${name}`]).toBe(fromRoot(`templates/${name}`))
    for (const name of styleNames) expect(theme.origins[`styles/${name}`]).toBe(fromRoot(`styles/${name}`))
    expect(theme.styles.map((style) => style.name)).toEqual([...styleNames])
  })

  test('sobre holds only the files it changes; the others fall back to the default theme', async () => {
    const theme = await loadTheme(project, 'sobre')
    expect(theme.origins).toEqual({
      'templates/document.html': fromRoot('templates/document.html'),
      'templates/cover.html': fromSobre('templates/cover.html'),
      'templates/back-cover.html': fromSobre('templates/back-cover.html'),
      'styles/fonts.css': fromSobre('styles/fonts.css'),
      'styles/base.css': fromSobre('styles/base.css'),
      'styles/screen.css': fromRoot('styles/screen.css'),
      'styles/print-core.css': fromRoot('styles/print-core.css'),
      'styles/print.css': fromSobre('styles/print.css')
    })
    expect(theme.templates['cover.html']).toBe(readFileSync(fromSobre('templates/cover.html'), 'utf8'))
  })

  test("the project's own theme/ folder overrides both the named theme and the default one", async () => {
    const dir = await writeProject({'theme/styles/print.css': '/* mine */\n', 'theme/templates/document.html': '<!-- mine -->\n'})
    try {
      const theme = await loadTheme(dir, 'sobre')
      expect(theme.origins['styles/print.css']).toBe(path.join(dir, 'theme/styles/print.css'))
      expect(theme.origins['templates/document.html']).toBe(path.join(dir, 'theme/templates/document.html'))
      expect(theme.origins['styles/base.css']).toBe(fromSobre('styles/base.css'))
      expect(theme.styles.find((style) => style.name === 'print.css')?.text).toBe('/* mine */\n')
    } finally {
      await removeProject(dir)
    }
  })

  test('an unknown theme cannot run, and the message lists the themes there are', async () => {
    const error = await loadTheme(project, 'fancy').catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(CannotRunError)
    expect((error as CannotRunError).message).toBe('Unknown theme `fancy`, expected one of: default, sobre')
    expect((error as CannotRunError).hint).toContain('theme:')
  })

  test('a theme name is a name, not a path', async () => {
    await expect(loadTheme(project, '../templates')).rejects.toBeInstanceOf(CannotRunError)
    await expect(loadTheme(project, '.')).rejects.toBeInstanceOf(CannotRunError)
  })

  test('availableThemes lists default first, then the folders of themes/', async () => {
    expect(await availableThemes()).toEqual(['default', 'sobre'])
  })
})

describe('fonts come from the url()s of fonts.css', () => {
  test('for the default theme, exactly the files of styles/fonts.json, all installed', async () => {
    const theme = await loadTheme(project)
    const listed = JSON.parse(readFileSync(fromRoot('styles/fonts.json'), 'utf8')) as Array<{file: string}>
    expect(theme.fonts.map((font) => font.file).sort()).toEqual(listed.map((font) => font.file).sort())
    for (const font of theme.fonts) expect(existsSync(font.path), font.path).toBe(true)
  })

  test('for sobre, its own weights, all installed', async () => {
    const theme = await loadTheme(project, 'sobre')
    expect(theme.fonts.map((font) => font.file)).toContain('source-sans-3-latin-300-normal.woff2')
    for (const font of theme.fonts) expect(existsSync(font.path), font.path).toBe(true)
  })

  test('a file not named the @fontsource way is the project’s own, in theme/fonts/; comments are ignored', () => {
    const css = '/* url("../fonts/old.woff2") */\n@font-face { src: url("../fonts/house.woff2") format("woff2"); }\n@font-face { src: url(../fonts/source-sans-3-latin-400-normal.woff2); }'
    const fonts = declaredFonts(css, '/projects/r')
    expect(fonts.map((font) => font.file)).toEqual(['house.woff2', 'source-sans-3-latin-400-normal.woff2'])
    expect(fonts[0]!.path).toBe(path.join('/projects/r', 'theme/fonts/house.woff2'))
    expect(fonts[1]!.path).toMatch(/@fontsource[/\\]source-sans-3[/\\]files[/\\]source-sans-3-latin-400-normal\.woff2$/u)
  })
})

describe('build with `theme: sobre`', () => {
  test('writes the theme’s stylesheets and fonts beside the HTML', async () => {
    const dir = path.join(project, 'sobre-project')
    await initProject(dir, {lang: 'en'})
    const config = path.join(dir, 'rapporteur.yaml')
    await writeFile(config, (await readFile(config, 'utf8')).replace(/^theme: default$/mu, 'theme: sobre'))
    const result = await build(dir, {formats: ['html']})
    expect(result.ok).toBe(true)
    expect(await readFile(path.join(dir, 'dist/assets/styles/base.css'), 'utf8')).toBe(readFileSync(fromSobre('styles/base.css'), 'utf8'))
    expect(await readFile(path.join(dir, 'dist/assets/styles/screen.css'), 'utf8')).toBe(readFileSync(fromRoot('styles/screen.css'), 'utf8'))
    expect(existsSync(path.join(dir, 'dist/assets/fonts/source-sans-3-latin-300-normal.woff2'))).toBe(true)
    expect(await readFile(path.join(dir, 'dist/report.html'), 'utf8')).toContain('sobre-cover__panel')
  })

  test('an unknown theme in rapporteur.yaml stops the build (exit 2)', async () => {
    const dir = path.join(project, 'unknown-theme')
    await mkdir(dir)
    await initProject(dir, {lang: 'fr'})
    const config = path.join(dir, 'rapporteur.yaml')
    await writeFile(config, (await readFile(config, 'utf8')).replace(/^theme: default$/mu, 'theme: fancy'))
    await expect(build(dir, {formats: ['html']})).rejects.toThrow('Unknown theme `fancy`, expected one of: default, sobre')
  })
})

