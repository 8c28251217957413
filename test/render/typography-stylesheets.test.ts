import {existsSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, test} from 'vitest'
import {documentedProperties, rootProperties} from '../helpers/designers-doc.js'

/**
 * The default theme's stylesheets against the HTML contract in docs/designers.md, the bundled font
 * files, and the limits of Paged.js 0.4 that print.css must respect.
 */
const root = path.join(import.meta.dirname, '../..')
const read = (file: string) => readFileSync(path.join(root, file), 'utf8')
const withoutComments = (css: string) => css.replace(/\/\*[\s\S]*?\*\//g, '')
const sheets = ['fonts.css', 'base.css', 'screen.css', 'print-core.css', 'print.css'].map((name) => ({name, css: withoutComments(read(`styles/${name}`))}))
const allCss = sheets.map((sheet) => sheet.css).join('\n')

/** The part of designers.md under a `## ` heading. */
function section(title: string): string {
  const doc = read('docs/designers.md')
  const start = doc.indexOf(`## ${title}`)
  expect(start, `docs/designers.md has a "${title}" section`).toBeGreaterThanOrEqual(0)
  const end = doc.indexOf('\n## ', start + 3)
  return doc.slice(start, end === -1 ? undefined : end)
}

/**
 * Contract classes the theme deliberately leaves to the browser or to a project's own theme:
 * hooks for designers rather than things to style.
 */
const unstyled = new Map([
  ['rp-edition', 'a hook on the body: the two editions look the same in the default theme'],
  ['rp-edition--full', 'a hook on the body'],
  ['rp-edition--synthesis', 'a hook on the body'],
  ['rp-mode--web', 'a hook on the body: the web page uses screen.css, nothing else to switch'],
  ['rp-chapter--chapter', 'a hook: report chapters and synthesis pages look alike by default'],
  ['rp-back-matter', 'a hook on the generated bibliography section, styled as any chapter'],
  ['rp-glossary__see', 'a hook: cross-references read as ordinary text with links'],
  ['rp-table__caption', 'a hook: the `caption` element is styled']
])

describe('styles/ and the HTML contract', () => {
  const classes = [...new Set([...section('Stable class names').matchAll(/(?<![\w-])rp-[a-z0-9]+(?:(?:-|__|--)[a-z0-9]+)*/g)].map((match) => match[0]))]
  // `body.rp-edition.rp-edition--full` or `--synthesis`
  if (classes.includes('rp-edition--full')) classes.push('rp-edition--synthesis')

  test('the contract lists the classes this test expects to find', () => {
    expect(classes).toEqual(expect.arrayContaining(['rp-cover', 'rp-recommendation__label', 'rp-stat__value', 'rp-footnote', 'rp-table', 'rp-back-cover']))
  })

  test.each(classes)('.%s is styled, or listed as unstyled', (name) => {
    const styled = new RegExp(`\\.${name}(?![\\w-])`).test(allCss)
    expect(styled || unstyled.has(name), `.${name} appears in no stylesheet`).toBe(true)
  })

  test('the unstyled list holds only contract classes that are indeed unstyled', () => {
    for (const name of unstyled.keys()) {
      expect(classes).toContain(name)
      expect(new RegExp(`\\.${name}(?![\\w-])`).test(allCss)).toBe(false)
    }
  })

  test('every custom property docs/designers.md lists is set in a :root of the default styles, and every one set there is listed', () => {
    const listed = documentedProperties(section('CSS custom properties'))
    const set = rootProperties(allCss)
    // `--rp-axis` is generated per axis (axes.css), `--rp-axis-<id>` is the project's.
    for (const name of listed) if (name !== '--rp-axis') expect(set, `${name} in a :root of styles/`).toContain(name)
    for (const name of set) expect(listed, `${name} in docs/designers.md`).toContain(name)
  })

  test('no !important anywhere', () => {
    for (const sheet of sheets) expect(sheet.css, sheet.name).not.toContain('!important')
  })
})

describe('fonts', () => {
  const fonts = JSON.parse(read('styles/fonts.json')) as Array<{package: string; file: string}>

  test.each(fonts.map((font) => [`${font.package}/${font.file}`, font]))('%s exists in node_modules/@fontsource', (_name, font) => {
    expect(existsSync(path.join(root, 'node_modules/@fontsource', font.package, 'files', font.file))).toBe(true)
  })

  test('fonts.css uses exactly the files of fonts.json, from ../fonts/', () => {
    const used = [...read('styles/fonts.css').matchAll(/url\("([^"]+)"\)/g)].map((match) => match[1])
    expect(used.every((url) => url!.startsWith('../fonts/'))).toBe(true)
    expect(used.map((url) => url!.slice('../fonts/'.length)).sort()).toEqual(fonts.map((font) => font.file).sort())
  })
})

describe('print.css within what Paged.js 0.4 understands', () => {
  /** Innermost `selector { declarations }` blocks; margin boxes and @font-face come out with an `@` selector. */
  const rules = [...sheets.filter((sheet) => sheet.name !== 'screen.css').map((sheet) => sheet.css).join('\n').matchAll(/([^{};]+)\{([^{}]*)\}/g)].map((match) => ({
    selectors: match[1]!.trim(),
    body: match[2]!
  }))
  const pagedRules = rules.filter((rule) => !rule.selectors.startsWith('@') && /(break-(before|after)|(^|[;\s])page\s*:|string-set|float\s*:\s*footnote|target-counter)/.test(rule.body))

  test('there are rules to check', () => {
    expect(pagedRules.length).toBeGreaterThan(5)
  })

  test.each(pagedRules.map((rule) => [rule.selectors.replace(/\s+/g, ' '), rule]))('%s: found without the body element, no comma inside parentheses', (_name, rule) => {
    // Paged.js queries these selectors on the body's content (no body, no :root above it) and splits them on commas.
    for (const selector of rule.selectors.split(',').map((part) => part.trim())) {
      expect(selector).not.toMatch(/^(html|body|:root)(?![\w-])/)
      expect(selector).not.toMatch(/\([^)]*$/)
    }
  })

  test('target-counter selectors have no pseudo-class (Paged.js reads them up to the first colon)', () => {
    for (const rule of pagedRules.filter((item) => item.body.includes('target-counter'))) {
      for (const selector of rule.selectors.split(',')) expect(selector.trim()).toMatch(/^[^:]*(::?(after|before))?$/)
    }
  })
})
