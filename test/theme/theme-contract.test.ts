import {existsSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, test} from 'vitest'
import {availableThemes, loadTheme, packageRoot} from '../../src/load/theme.js'
import {documentedProperties, rootProperties} from '../helpers/designers-doc.js'

/**
 * Every built-in theme, as a project gets it (its own files plus the default theme's), against the
 * HTML contract of docs/designers.md, the installed fonts, and what Paged.js 0.4 understands: the
 * checks test/render/typography-stylesheets.test.ts makes of the default styles, for any theme.
 */
const themes = await availableThemes()
const withoutComments = (css: string) => css.replace(/\/\*[\s\S]*?\*\//g, '')
const designers = readFileSync(path.join(packageRoot, 'docs/designers.md'), 'utf8')

function section(title: string): string {
  const start = designers.indexOf(`## ${title}`)
  const end = designers.indexOf('\n## ', start + 3)
  return designers.slice(start, end === -1 ? undefined : end)
}

const classes = [...new Set([...section('Stable class names').matchAll(/(?<![\w-])rp-[a-z0-9]+(?:(?:-|__|--)[a-z0-9]+)*/g)].map((match) => match[0]))]
if (classes.includes('rp-edition--full')) classes.push('rp-edition--synthesis')

/** Hooks a theme may leave unstyled (the same list, with the reasons, as the default theme's test). */
const hooks = new Set(['rp-edition', 'rp-edition--full', 'rp-edition--synthesis', 'rp-mode--web', 'rp-main', 'rp-chapter--chapter', 'rp-back-matter', 'rp-glossary__see', 'rp-table__caption'])

describe.each(themes)('theme %s', async (name) => {
  // Any project folder will do: this one has no theme/ of its own.
  const theme = await loadTheme(path.join(packageRoot, 'test'), name)
  const css = theme.styles.map((style) => withoutComments(style.text)).join('\n')

  test('the contract has classes to look for', () => {
    expect(classes).toEqual(expect.arrayContaining(['rp-cover', 'rp-recommendation__label', 'rp-stat__value', 'rp-footnote', 'rp-back-cover']))
  })

  test.each(classes.filter((item) => !hooks.has(item)))('.%s is styled', (item) => {
    expect(new RegExp(`\\.${item}(?![\\w-])`).test(css), `.${item} appears in no stylesheet of ${name}`).toBe(true)
  })

  test('the cover and back cover templates carry the contract classes', () => {
    for (const item of ['rp-cover', 'rp-cover__organisation', 'rp-cover__title', 'rp-cover__subtitle', 'rp-cover__logo', 'rp-cover__image', 'rp-cover__credit', 'rp-cover__edition', 'rp-cover__date']) expect(theme.templates['cover.html']).toContain(`class="${item}"`)
    expect(theme.templates['back-cover.html']).toMatch(/<footer class="rp-back-cover"/u)
    expect(theme.templates['back-cover.html']).toContain('class="rp-contact"')
  })

  test('every custom property of the contract is set in a :root of its stylesheets', () => {
    const set = rootProperties(css)
    // `--rp-axis` is generated per axis (axes.css), `--rp-axis-<id>` is the project's.
    for (const item of documentedProperties(section('CSS custom properties'))) if (item !== '--rp-axis') expect(set, `${item} in a :root of ${name}`).toContain(item)
  })

  test('every font family a font property names first is declared with @font-face', () => {
    const declared = new Set(theme.fonts.flatMap((font) => font.declarations.map((declaration) => declaration.family)))
    for (const match of css.matchAll(/--rp-[a-z-]*font[a-z-]*:\s*"([^"]+)"/g)) expect(declared, match[0]).toContain(match[1])
  })

  test('no !important, and no @media block in base.css (Paged.js drops them)', () => {
    expect(css).not.toContain('!important')
    expect(withoutComments(theme.styles.find((style) => style.name === 'base.css')!.text)).not.toContain('@media')
  })

  test('every font file fonts.css names is installed, and every family the sheets ask for first is declared', () => {
    expect(theme.fonts.length).toBeGreaterThan(0)
    for (const font of theme.fonts) expect(font.path !== undefined && existsSync(font.path), font.file).toBe(true)
    const fontsCss = theme.styles.find((style) => style.name === 'fonts.css')!.text
    const declared = new Set([...fontsCss.matchAll(/font-family:\s*"([^"]+)"/g)].map((match) => match[1]))
    for (const match of css.matchAll(/--rp-font-(?:body|heading):\s*"([^"]+)"/g)) expect(declared).toContain(match[1])
  })

  test('print selectors that Paged.js reads itself do not start at the body and hold no comma in parentheses', () => {
    const sheets = theme.styles.filter((style) => style.name !== 'screen.css').map((style) => withoutComments(style.text)).join('\n')
    const rules = [...sheets.matchAll(/([^{};]+)\{([^{}]*)\}/g)].map((match) => ({selectors: match[1]!.trim(), body: match[2]!}))
    const paged = rules.filter((rule) => !rule.selectors.startsWith('@') && /(break-(before|after)|(^|[;\s])page\s*:|string-set|float\s*:\s*footnote|target-counter)/.test(rule.body))
    expect(paged.length).toBeGreaterThan(5)
    for (const rule of paged) {
      for (const selector of rule.selectors.split(',').map((part) => part.trim())) {
        expect(selector).not.toMatch(/^(html|body|:root)(?![\w-])/)
        expect(selector).not.toMatch(/\([^)]*$/)
      }
    }
  })
})
