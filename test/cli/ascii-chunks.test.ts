import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {runInNewContext} from 'node:vm'
import {parseAst} from 'rolldown/parseAst'
import {describe, expect, test} from 'vitest'
// @ts-expect-error: a build script in plain JavaScript, without types.
import {escapeNonAscii} from '../../scripts/ascii-chunks.js'

const escape = (code: string): {code: string; ascii: boolean} => escapeNonAscii(code, parseAst)
const isAscii = (text: string) => !/[^\u0000-\u007f]/u.test(text)

describe('a chunk written in ASCII (scripts/ascii-chunks.js)', () => {
  test('escapes strings, identity escapes, regular expressions, untagged templates, names and comments, to the same values', () => {
    const program = [
      '// Un commentaire où l’on écrit « // » et /* */',
      '/* bloc : é */',
      "const words = {moitié: 1 / 2, 'quart': 1 / 4}",
      String.raw`const s = "pédocriminalité \é \\é 'x' // pas un commentaire"`,
      'const t = `Ça ${words.moitié} fait ${"½"} — \u00e9`',
      String.raw`const u = /[à-ÿ]+|😀+/u.exec('xx😀😀 éé')[0] + new RegExp(/é\/\*/.source, 'u').test('é/*') + /[😀]/.test('😀') + /\é/.test('é')`,
      "const v = 'ligne\u2028suite'.length + '😀'.length",
      ';[words.moitié, s, t, u, v, Object.keys(words).join()]'
    ].join('\n')
    const escaped = escape(program)
    expect(escaped.ascii).toBe(true)
    expect(isAscii(escaped.code)).toBe(true)
    expect(runInNewContext(escaped.code)).toEqual(runInNewContext(program))
    expect(runInNewContext(program)[1]).toContain('é \\é')
  })

  test('leaves a chunk with such a character in a tagged template as it is: a tag reads the raw text', () => {
    const program = 'const x = String.raw`é ${1} ü`; const y = "é"; [x, y]'
    expect(escape(program)).toEqual({code: program, ascii: false})
    // A template inside a tagged template's expression is not read raw by that tag: escaped.
    const nested = 'const tag = (strings, ...values) => strings.raw.join("|") + values.join("|"); tag`a${`é`}b`'
    const escaped = escape(nested)
    expect(escaped.ascii).toBe(true)
    expect(runInNewContext(escaped.code)).toBe(runInNewContext(nested))
  })

  test('leaves an ASCII chunk untouched', () => {
    expect(escape('const a = "plain" // ok\n')).toEqual({code: 'const a = "plain" // ok\n', ascii: true})
  })

  test('the built bundle: every chunk in ASCII but those whose tagged templates hold other characters', () => {
    const bundle = path.resolve(import.meta.dirname, '../../dist/bundle')
    const chunks = readdirSync(bundle).filter((name) => name.endsWith('.cjs'))
    if (chunks.length === 0) return expect.fail('dist/bundle is missing: run `npm run build:ts`')
    const other = chunks.filter((name) => !isAscii(readFileSync(path.join(bundle, name), 'utf8')))
    for (const name of other) expect(escape(readFileSync(path.join(bundle, name), 'utf8')).ascii, name).toBe(false)
    expect(other.length).toBeLessThan(chunks.length / 4)
    expect(chunks.some((name) => name.startsWith('check-') && isAscii(readFileSync(path.join(bundle, name), 'utf8')))).toBe(true)
  })
})
