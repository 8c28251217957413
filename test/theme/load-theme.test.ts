import {existsSync, readFileSync} from 'node:fs'
import {copyFile, mkdir, readFile, realpath, symlink, writeFile} from 'node:fs/promises'
import {createRequire} from 'node:module'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {build} from '../../src/api/build.js'
import {buildChecked} from '../../src/api/build-editions.js'
import {check} from '../../src/api/check.js'
import {CannotRunError} from '../../src/load/cannot-run.js'
import {availableThemes, loadTheme, packageRoot, styleNames, templateNames} from '../../src/load/theme.js'
import {fontFaceUrls, fontsourcePackage} from '../../src/load/theme-fonts.js'
import {initProject} from '../../src/init/init.js'
import {removeProject, writeProject} from '../helpers/project.js'

/** loadTheme's layers: the project's theme/ folder, then a built-in theme and those it extends, down to the default one. */
let project: string

beforeAll(async () => {
  project = await writeProject({})
})

afterAll(async () => {
  await removeProject(project)
})

const fromRoot = (file: string) => path.join(packageRoot, file)
const fromSobre = (file: string) => path.join(packageRoot, 'themes/sobre', file)
const withoutComments = (css: string) => css.replace(/\/\*[\s\S]*?\*\//gu, '')

describe('loadTheme', () => {
  test('the default theme is the root templates/ and styles/', async () => {
    const theme = await loadTheme(project)
    expect(theme.name).toBe('default')
    expect(theme.chain).toEqual(['default'])
    for (const name of templateNames) expect(theme.origins[`templates/${name}`]).toEqual([fromRoot(`templates/${name}`)])
    for (const name of styleNames) expect(theme.origins[`styles/${name}`]).toEqual([fromRoot(`styles/${name}`)])
    expect(theme.styles.map((style) => style.name)).toEqual([...styleNames])
    for (const name of styleNames) expect(theme.styles.find((style) => style.name === name)?.text).toBe(readFileSync(fromRoot(`styles/${name}`), 'utf8'))
  })

  test('sobre extends default: its stylesheets follow the default ones, its fonts.css replaces them, its templates replace theirs', async () => {
    const theme = await loadTheme(project, 'sobre')
    expect(theme.chain).toEqual(['sobre', 'default'])
    expect(theme.origins).toEqual({
      'templates/document.html': [fromRoot('templates/document.html')],
      'templates/cover.html': [fromSobre('templates/cover.html')],
      'templates/back-cover.html': [fromSobre('templates/back-cover.html')],
      'styles/fonts.css': [fromSobre('styles/fonts.css')],
      'styles/base.css': [fromRoot('styles/base.css'), fromSobre('styles/base.css')],
      'styles/screen.css': [fromRoot('styles/screen.css')],
      'styles/print-core.css': [fromRoot('styles/print-core.css')],
      'styles/print.css': [fromRoot('styles/print.css'), fromSobre('styles/print.css')]
    })
    expect(theme.templates['cover.html']).toBe(readFileSync(fromSobre('templates/cover.html'), 'utf8'))
    const base = theme.styles.find((style) => style.name === 'base.css')!.text
    expect(base.startsWith(readFileSync(fromRoot('styles/base.css'), 'utf8'))).toBe(true)
    expect(base).toContain('/* -------------------- themes/sobre/styles/base.css: adds to the above -------------------- */')
    expect(base.endsWith(readFileSync(fromSobre('styles/base.css'), 'utf8'))).toBe(true)
  })

  test("sobre's own files hold only what differs: no rule of the default theme's copied as it is", () => {
    // Innermost `selectors { declarations }` blocks, whitespace normalised; margin boxes and @footnote (`@…`) aside.
    const rules = (css: string) => [...withoutComments(css).matchAll(/([^{};]+)\{([^{}]*)\}/gu)].map((match) => `${match[1]!.trim().replace(/\s+/gu, ' ')} { ${match[2]!.trim().replace(/\s+/gu, ' ')} }`).filter((rule) => !rule.startsWith('@'))
    for (const name of ['base.css', 'print.css']) {
      const parent = new Set(rules(readFileSync(fromRoot(`styles/${name}`), 'utf8')))
      const own = rules(readFileSync(fromSobre(`styles/${name}`), 'utf8'))
      expect(own.length, name).toBeGreaterThan(5)
      expect(own.filter((rule) => parent.has(rule)), name).toEqual([])
    }
  })

  test("the project's theme/styles/ file replaces the whole stylesheet; theme/custom.css comes last, in both media", async () => {
    const dir = await writeProject({'theme/styles/print.css': '/* mine */\n', 'theme/templates/document.html': '<!-- mine -->\n', 'theme/custom.css': ':root { --rp-color-accent: #7a1f5c; }\n'})
    try {
      const theme = await loadTheme(dir, 'sobre')
      expect(theme.origins['styles/print.css']).toEqual([path.join(dir, 'theme/styles/print.css')])
      expect(theme.origins['templates/document.html']).toEqual([path.join(dir, 'theme/templates/document.html')])
      expect(theme.origins['styles/base.css']).toEqual([fromRoot('styles/base.css'), fromSobre('styles/base.css')])
      expect(theme.origins['custom.css']).toEqual([path.join(dir, 'theme/custom.css')])
      expect(theme.styles.find((style) => style.name === 'print.css')?.text).toBe('/* mine */\n')
      expect(theme.styles.map((style) => style.name)).toEqual([...styleNames, 'custom.css'])
      expect(theme.files.map((file) => file.path).sort()).toEqual(['theme/custom.css', 'theme/styles/print.css'])
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

describe('theme.yaml', () => {
  /** A folder of themes beside the package's, for themes that are broken on purpose. */
  async function themes(files: Record<string, string>): Promise<string> {
    const dir = await writeProject(files, {})
    made.push(dir)
    return path.join(dir, 'themes')
  }
  const made: string[] = []
  afterAll(async () => {
    await Promise.all(made.map(removeProject))
  })
  const failure = async (root: string, name: string) => (await loadTheme(project, name, {themesRoot: root}).catch((caught: unknown) => caught)) as CannotRunError

  test('a chain of themes: each stylesheet is the default one, then each child’s, nearest last', async () => {
    const root = await themes({
      'themes/brand/theme.yaml': 'extends: sobre\n',
      'themes/brand/styles/base.css': '/* brand */\n',
      'themes/sobre/theme.yaml': 'extends: default\nreplaces: [fonts.css]\n',
      'themes/sobre/styles/base.css': '/* sobre */\n',
      'themes/sobre/styles/fonts.css': '/* sobre fonts */\n'
    })
    const theme = await loadTheme(project, 'brand', {themesRoot: root})
    expect(theme.chain).toEqual(['brand', 'sobre', 'default'])
    expect(theme.origins['styles/base.css']).toEqual([fromRoot('styles/base.css'), path.join(root, 'sobre/styles/base.css'), path.join(root, 'brand/styles/base.css')])
    expect(theme.origins['styles/fonts.css']).toEqual([path.join(root, 'sobre/styles/fonts.css')])
    expect(theme.styles.find((style) => style.name === 'base.css')!.text).toMatch(/\/\* sobre \*\/\n\n\/\* -+ themes\/brand\/styles\/base\.css: adds to the above -+ \*\/\n\n\/\* brand \*\/\n$/u)
  })

  test('a theme without theme.yaml extends default', async () => {
    const root = await themes({'themes/plain/styles/print.css': '/* plain */\n'})
    expect((await loadTheme(project, 'plain', {themesRoot: root})).chain).toEqual(['plain', 'default'])
  })

  test('an unknown key: where it is, with the rule, never a stack trace', async () => {
    const root = await themes({'themes/acme/theme.yaml': '# Acme\nextend: sobre\n'})
    const error = await failure(root, 'acme')
    expect(error).toBeInstanceOf(CannotRunError)
    expect(error.message).toBe('Cannot read the theme `acme`:\n  themes/acme/theme.yaml:2:1  Unexpected key `extend` in theme.yaml, expected one of its keys, did you mean `extends`?  schema')
    expect(error.hint).toContain('docs/designers.md')
  })

  test('a parent that is not a theme, a stylesheet that is not one, a loop: each at its place', async () => {
    const root = await themes({
      'themes/acme/theme.yaml': 'extends: fancy\n',
      'themes/bad/theme.yaml': 'extends: default\nreplaces: [fonts, base.css]\n',
      'themes/ping/theme.yaml': 'extends: pong\n',
      'themes/pong/theme.yaml': 'extends: ping\n',
      'themes/broken/theme.yaml': 'extends: [default\n'
    })
    expect((await failure(root, 'acme')).message).toBe('Cannot read the theme `acme`:\n  themes/acme/theme.yaml:1:10  Unexpected theme `fancy` for `extends`, expected one of: default, bad, broken, ping, pong  schema')
    expect((await failure(root, 'bad')).message).toMatch(/^Cannot read the theme `bad`:\n {2}themes\/bad\/theme\.yaml:2:12 {2}Unexpected value "fonts" for `replaces\[0\]`, expected "fonts\.css", "base\.css", "screen\.css", "print-core\.css", "print\.css" {2}schema$/u)
    expect((await failure(root, 'ping')).message).toBe('Cannot read the theme `pong`:\n  themes/pong/theme.yaml:1:10  Unexpected `extends: ping`: the themes extend each other in a loop (ping → pong → ping), expected a chain that ends at `default`  schema')
    expect((await failure(root, 'broken')).message).toMatch(/^Cannot read the theme `broken`:\n {2}themes\/broken\/theme\.yaml:\d+:\d+ {2}Cannot parse YAML: .+ {2}schema$/u)
  })
})

describe('fonts come from the url()s of the @font-face rules', () => {
  test('for the default theme, exactly the files of styles/fonts.json, all installed', async () => {
    const theme = await loadTheme(project)
    const listed = JSON.parse(readFileSync(fromRoot('styles/fonts.json'), 'utf8')) as Array<{file: string}>
    expect(theme.fonts.map((font) => font.file).sort()).toEqual(listed.map((font) => font.file).sort())
    for (const font of theme.fonts) expect(font.path && existsSync(font.path), font.file).toBe(true)
    expect(new Set(theme.fonts.map((font) => font.from))).toEqual(new Set(['@fontsource/source-serif-4', '@fontsource/source-sans-3']))
    expect(theme.problems).toEqual([])
  })

  test('for sobre, its own weights, all installed', async () => {
    const theme = await loadTheme(project, 'sobre')
    expect(theme.fonts.map((font) => font.file)).toContain('source-sans-3-latin-300-normal.woff2')
    expect(theme.fonts.map((font) => font.file)).not.toContain('source-serif-4-latin-600-normal.woff2')
    for (const font of theme.fonts) expect(font.path && existsSync(font.path), font.path).toBe(true)
  })

  test('fontFaceUrls reads only @font-face sources, comments left out, with the file a fonts/ url names', () => {
    const css = '/* @font-face { src: url("../fonts/old.woff2") } */\n@font-face { font-family: "House"; src: url("../fonts/house.woff2") format("woff2"), url(fonts/house.woff); }\nbody { background: url("fonts/x.png"); }\n@font-face { src: url("inter.woff2"); }'
    expect(fontFaceUrls(css).map(({url, file, family}) => ({url, file, family}))).toEqual([
      {url: '../fonts/house.woff2', file: 'house.woff2', family: 'House'},
      {url: 'fonts/house.woff', file: 'house.woff', family: 'House'},
      {url: 'inter.woff2', file: undefined, family: undefined}
    ])
    const [first] = fontFaceUrls(css)
    expect(css.slice(first!.start, first!.end)).toBe('../fonts/house.woff2')
  })

  test('fontsourcePackage knows the @fontsource file names', () => {
    expect(fontsourcePackage('source-serif-4-latin-400-normal.woff2')).toBe('@fontsource/source-serif-4')
    expect(fontsourcePackage('inter-latin-ext-700-italic.woff2')).toBe('@fontsource/inter')
    expect(fontsourcePackage('house.woff2')).toBeUndefined()
  })

  test("a project's font, under any name, is taken from theme/fonts/ first; custom.css names it fonts/<file>, written ../fonts/<file>", async () => {
    const serif = path.join(path.dirname(createRequire(path.join(packageRoot, 'package.json')).resolve('@fontsource/source-serif-4/package.json')), 'files')
    const dir = await writeProject({
      'theme/custom.css': '@font-face {\n  font-family: "House Serif";\n  src: url("fonts/source-serif-4-latin-400-normal.woff2") format("woff2");\n}\n@font-face { font-family: "House"; src: url("fonts/house.woff2"); }\n'
    })
    try {
      await mkdir(path.join(dir, 'theme/fonts'))
      await copyFile(path.join(serif, 'source-serif-4-latin-400-normal.woff2'), path.join(dir, 'theme/fonts/source-serif-4-latin-400-normal.woff2'))
      await copyFile(path.join(serif, 'source-serif-4-latin-700-normal.woff2'), path.join(dir, 'theme/fonts/house.woff2'))
      const theme = await loadTheme(dir)
      const own = theme.fonts.filter((font) => font.from === 'project')
      expect(own.map((font) => font.file).sort()).toEqual(['house.woff2', 'source-serif-4-latin-400-normal.woff2'])
      expect(own.map((font) => font.path).sort()).toEqual([await realpath(path.join(dir, 'theme/fonts/house.woff2')), await realpath(path.join(dir, 'theme/fonts/source-serif-4-latin-400-normal.woff2'))])
      // The default fonts.css names the same file: the project's copy wins there too.
      expect(theme.fonts.find((font) => font.file === 'source-serif-4-latin-400-normal.woff2')?.declarations.map((item) => item.shown)).toEqual(['styles/fonts.css', 'theme/custom.css'])
      expect(theme.styles.at(-1)).toEqual({name: 'custom.css', text: expect.stringContaining('src: url("../fonts/source-serif-4-latin-400-normal.woff2") format("woff2");')})
      expect(theme.styles.at(-1)!.text).toContain('src: url("../fonts/house.woff2");')
      expect(theme.problems).toEqual([])
    } finally {
      await removeProject(dir)
    }
  })

  test('a font no folder holds, and a font url outside fonts/, are problems at their place in the stylesheet', async () => {
    const dir = await writeProject({'theme/custom.css': '/* Inter */\n@font-face {\n  font-family: "Inter";\n  src: url("fonts/inter-latin-400-normal.woff2") format("woff2");\n}\n@font-face { font-family: "Inter"; src: url("inter-700.woff2"); }\n'})
    try {
      const theme = await loadTheme(dir)
      expect(theme.problems.map(({file, inProject, position, message}) => ({file, inProject, at: `${position.start.line}:${position.start.column}`, message}))).toEqual([
        {file: 'theme/custom.css', inProject: true, at: '4:13', message: 'Cannot find the font file `inter-latin-400-normal.woff2` of `Inter`, expected it at `theme/fonts/inter-latin-400-normal.woff2` or `@fontsource/inter/files/inter-latin-400-normal.woff2`'},
        {file: 'theme/custom.css', inProject: true, at: '6:46', message: "Unexpected font url `inter-700.woff2`, expected `fonts/<file>`, a file of the project's theme/fonts/ folder"}
      ])
      expect(theme.problems[0]!.hint).toContain('theme/fonts/')
      expect(theme.fonts.find((font) => font.file === 'inter-latin-400-normal.woff2')?.path).toBeUndefined()
    } finally {
      await removeProject(dir)
    }
  })

  test("a font in theme/fonts/ that links out of the project is refused, never read", async () => {
    const outside = await writeProject({'secret.woff2': 'not yours'}, {})
    const dir = await writeProject({'theme/custom.css': '@font-face { font-family: "Inter"; src: url("fonts/inter-latin-400-normal.woff2"); }\n'})
    try {
      await mkdir(path.join(dir, 'theme/fonts'))
      await symlink(path.join(outside, 'secret.woff2'), path.join(dir, 'theme/fonts/inter-latin-400-normal.woff2'))
      const theme = await loadTheme(dir)
      expect(theme.fonts[theme.fonts.length - 1]).toMatchObject({file: 'inter-latin-400-normal.woff2', path: undefined})
      expect(theme.problems.map((problem) => problem.message)).toEqual(['Cannot read the font file: `theme/fonts/inter-latin-400-normal.woff2` is a link to a file outside the report folder'])
    } finally {
      await removeProject(dir)
      await removeProject(outside)
    }
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
    const base = await readFile(path.join(dir, 'dist/assets/styles/base.css'), 'utf8')
    expect(base.startsWith(readFileSync(fromRoot('styles/base.css'), 'utf8')) && base.endsWith(readFileSync(fromSobre('styles/base.css'), 'utf8'))).toBe(true)
    expect(await readFile(path.join(dir, 'dist/assets/styles/screen.css'), 'utf8')).toBe(readFileSync(fromRoot('styles/screen.css'), 'utf8'))
    expect(existsSync(path.join(dir, 'dist/assets/fonts/source-sans-3-latin-300-normal.woff2'))).toBe(true)
    expect(await readFile(path.join(dir, 'dist/report.html'), 'utf8')).toContain('sobre-cover__panel')
  })

  test('the theme check read is the one the editions are built with: read once a build', async () => {
    const dir = path.join(project, 'theme-read-once')
    await initProject(dir, {lang: 'en'})
    const checked = await check(dir)
    if (!checked.ok) throw new Error('the new project does not check')
    expect(checked.theme).toEqual(await loadTheme(dir, 'default'))
    // A mark only the theme handed over has: build() would lose it by reading the theme again.
    const theme = {...checked.theme!, templates: {...checked.theme!.templates, 'cover.html': `<!-- handed over -->${checked.theme!.templates['cover.html']}`}}
    const result = await buildChecked(dir, checked.model, {out: path.join(dir, 'dist'), formats: ['html'], theme}, undefined)
    expect(result.ok).toBe(true)
    expect(await readFile(path.join(dir, 'dist/report.html'), 'utf8')).toContain('<!-- handed over -->')
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

