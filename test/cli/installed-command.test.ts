import {execFile} from 'node:child_process'
import {existsSync} from 'node:fs'
import {cp, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {promisify} from 'node:util'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {codeCacheDir} from '../../src/cli/load-bundle.js'
import {pdfPages} from '../print/helpers.js'

/**
 * The command a user runs is bin/rapporteur.js, which runs the CLI's bundle (dist/bundle/, made by
 * scripts/bundle.js when the package is installed or built): the other tests import the sources,
 * so these run the bundle itself, as a user would, on the sample report. Its modules are not where
 * the compiled ones are, so what rapporteur finds beside its own files (rules, themes, styles,
 * Paged.js, fonts) is found from there too. They run with their own cache folder, where the
 * bundle's compiled code is kept between runs (src/cli/load-bundle.ts).
 */
const root = path.join(import.meta.dirname, '../..')
const bin = path.join(root, 'bin/rapporteur.js')
const bundled = existsSync(path.join(root, 'dist/bundle/cli.cjs'))
const execute = promisify(execFile)
let work: string
const run = (file: string, args: string[], options: {timeout?: number; env?: NodeJS.ProcessEnv} = {}) =>
  execute(file, args, {...options, env: {...process.env, RAPPORTEUR_CACHE: path.join(work, 'cache'), ...options.env}})

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'rapporteur-installed-'))
  await cp(path.join(root, 'report'), path.join(work, 'report'), {recursive: true, filter: (source) => !source.includes(`${path.sep}dist`)})
})
afterAll(async () => {
  await rm(work, {recursive: true, force: true})
})

/** Each file of a folder with the time it was last written. */
async function modificationTimes(folder: string): Promise<Record<string, number>> {
  const names = await readdir(folder)
  return Object.fromEntries(await Promise.all(names.map(async (name) => [name, (await stat(path.join(folder, name))).mtimeMs] as const)))
}

describe('the command without its compiled code', () => {
  test('a checkout never built says what to run, on stderr, exit 2, no stack trace', async () => {
    const checkout = path.join(work, 'unbuilt')
    await cp(path.join(root, 'bin'), path.join(checkout, 'bin'), {recursive: true})
    const failed = await run(process.execPath, [path.join(checkout, 'bin/rapporteur.js'), 'check', 'report'], {timeout: 30_000}).then(
      () => undefined,
      (error: {code: number; stdout: string; stderr: string}) => error
    )
    expect(failed?.code).toBe(2)
    expect(failed?.stdout).toBe('')
    expect(failed?.stderr).toBe(`rapporteur: Cannot run: its compiled code is missing (\`${path.join(checkout, 'dist', 'cli')}${path.sep}\`)\n  Run \`npm ci\` (or \`npm run build:ts\`) in \`${checkout}\`, then try again.\n`)
  })
})

describe('the installed command (the bundle)', () => {
  test('the bundle is built, and the command says its version', async () => {
    // `npm ci` and `npm run build:ts` make it: without it the install is broken, not the test skipped.
    expect(bundled, 'dist/bundle/cli.cjs is missing: run `npm run build:ts`').toBe(true)
    const {stdout} = await run(process.execPath, [bin, '--version'])
    expect(stdout.trim()).toMatch(/^\d+\.\d+\.\d+/u)
    const chunks = await readdir(path.join(root, 'dist/bundle'))
    expect(chunks.length).toBeLessThan(60)
  })

  test("leaves out puppeteer's download proxy stack, whose stand-in says why if it is ever used", async () => {
    const dir = path.join(root, 'dist/bundle')
    for (const chunk of await readdir(dir)) {
      const code = await readFile(path.join(dir, chunk), 'utf8')
      // The PAC interpreter (WebAssembly) and the FTP client proxy-agent brings.
      expect(code.includes('quickjs-emscripten') || code.includes('basic-ftp'), chunk).toBe(false)
    }
    const {ProxyAgent} = (await import(path.join(root, 'scripts/bundle-stubs/proxy-agent.js'))) as {ProxyAgent: new () => unknown}
    expect(() => new ProxyAgent()).toThrow(/does not download browsers through puppeteer/u)
  })

  test('pdf-lib is in a chunk loaded only when needed, not in those a build loads before the browser lays out', async () => {
    const dir = path.join(root, 'dist/bundle')
    const chunks = await Promise.all((await readdir(dir)).map(async (name) => ({name, code: await readFile(path.join(dir, name), 'utf8')})))
    const holding = chunks.filter((chunk) => chunk.code.includes('node_modules/pdf-lib/'))
    expect(holding.map((chunk) => chunk.name.replace(/-[\w-]{8}\.cjs$/u, ''))).toEqual(['finalize-pdf'])
    // Required by a function when the PDF is to be finished (api/build-editions.ts), never at a chunk's top.
    const at = (chunk: {code: string}) => [...chunk.code.matchAll(new RegExp(String.raw`^.*require\("\./${holding[0]!.name}"\)`, 'gmu'))].map((match) => match[0])
    const requiring = chunks.flatMap(at)
    expect(requiring.length).toBeGreaterThan(0)
    for (const line of requiring) expect(line).toMatch(/=>\s*require\(/u)
  })

  test('citeproc is in the bundle, so that its compiled code is kept between runs', async () => {
    const dir = path.join(root, 'dist/bundle')
    const holding = []
    for (const chunk of await readdir(dir)) if ((await readFile(path.join(dir, chunk), 'utf8')).includes('CSL.Engine = function')) holding.push(chunk)
    expect(holding).toHaveLength(1)
  })

  test('checks the sample report, with a rule switched off by its id', async () => {
    const {stdout, stderr} = await run(process.execPath, [bin, 'check', path.join(work, 'report'), '--rule', 'unused-term=off'])
    expect(stderr).not.toMatch(/Error|at .*\.js:\d+/u)
    expect(`${stdout}${stderr}`).toMatch(/no problems/u)
    // A mistyped rule id: named, exit 2, no stack trace.
    const mistyped = run(process.execPath, [bin, 'check', path.join(work, 'report'), '--rule', 'no-such-rule=off'])
    await expect(mistyped).rejects.toMatchObject({code: 2, stderr: expect.stringMatching(/Unknown rule `no-such-rule`/u)})
    await expect(mistyped).rejects.toMatchObject({stderr: expect.not.stringMatching(/at .*\.js:\d+/u)})
  }, 60_000)

  test("reads a project's own stylesheet: css-tree, loaded only then, finds its grammar beside its code", async () => {
    const styled = path.join(work, 'styled')
    await cp(path.join(work, 'report'), styled, {recursive: true, filter: (source) => !source.includes(`${path.sep}dist`)})
    await mkdir(path.join(styled, 'theme'), {recursive: true})
    await writeFile(path.join(styled, 'theme/custom.css'), 'h1 { colr: #1e6b45; }\n')
    const {stdout, stderr} = await run(process.execPath, [bin, 'check', styled, '--no-color'])
    expect(stderr).not.toMatch(/internal error|at .*\.c?js:\d+/u)
    expect(stdout).toContain('theme/custom.css\n  1:6  warning  Unexpected property `colr`, which browsers skip, expected a CSS property, did you mean `color`?  stylesheet-declaration')
  }, 60_000)

  test('builds the sample report: both editions, HTML and PDF, with the theme, its fonts and Paged.js', async () => {
    await run(process.execPath, [bin, 'build', path.join(work, 'report')], {timeout: 120_000})
    const dist = path.join(work, 'report/dist')
    const outputs = await readdir(dist)
    for (const name of ['rapport.pdf', 'rapport.html', 'synthese.pdf', 'synthese.html']) expect(outputs).toContain(name)
    const pages = await pdfPages(new Uint8Array(await readFile(path.join(dist, 'rapport.pdf'))))
    expect(pages.length).toBeGreaterThanOrEqual(30)
    expect(pages.some((page) => /Recommandation 1/u.test(page.text))).toBe(true)
    // The build's compiled code is kept, and the next build reads it: a build changes V8's flags
    // for its collections and must set them back, or V8 refuses the copies and they are written again.
    const folder = codeCacheDir('build', path.join(root, 'dist/bundle'), {RAPPORTEUR_CACHE: path.join(work, 'cache')})!
    const kept = await modificationTimes(folder)
    expect(Object.keys(kept).length).toBeGreaterThan(5)
    const {stderr} = await run(process.execPath, [bin, 'build', path.join(work, 'report')])
    expect(stderr).toMatch(/nothing changed/u)
    expect(await modificationTimes(folder)).toEqual(kept)
  }, 150_000)

  test('keeps the compiled code of each command between runs, and uses it', async () => {
    const cache = path.join(work, 'code-cache')
    const check = () => run(process.execPath, [bin, 'check', path.join(work, 'report')], {env: {RAPPORTEUR_CACHE: cache}})
    await check()
    const folder = codeCacheDir('check', path.join(root, 'dist/bundle'), {RAPPORTEUR_CACHE: cache})!
    const kept = await modificationTimes(folder)
    expect(Object.keys(kept).filter((name) => /^cli\.cjs\.[\da-f]{16}\.v8$/u.test(name))).toHaveLength(1)
    // The second run reads them: V8 accepts them (the same flags, the same code), so none is written again.
    const {stdout} = await check()
    expect(stdout).toMatch(/no problems/u)
    expect(await modificationTimes(folder)).toEqual(kept)
    // Turned off, nothing is written.
    await run(process.execPath, [bin, 'check', path.join(work, 'report')], {env: {RAPPORTEUR_CACHE: path.join(work, 'no-cache'), RAPPORTEUR_CODE_CACHE: 'off'}})
    expect(existsSync(path.join(work, 'no-cache', 'code'))).toBe(false)
    // A value it does not understand: said on stderr, the command runs as usual.
    const misspelt = await run(process.execPath, [bin, 'check', path.join(work, 'report')], {env: {RAPPORTEUR_CACHE: cache, RAPPORTEUR_CODE_CACHE: 'of'}})
    expect(misspelt.stderr).toMatch(/RAPPORTEUR_CODE_CACHE="of" is not understood/u)
    expect(misspelt.stdout).toMatch(/no problems/u)
  }, 60_000)
})
