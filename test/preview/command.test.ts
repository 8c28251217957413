import {createServer} from 'node:http'
import type {AddressInfo} from 'node:net'
import {mkdtemp, readdir, readFile, writeFile} from 'node:fs/promises'
import os from 'node:os'
import {deserialize, serialize} from 'node:v8'
import path from 'node:path'
import {afterAll, describe, expect, test} from 'vitest'
import {preview, type RebuildReport} from '../../src/api/preview.js'
import {runPreview} from '../../src/cli/commands/preview.js'
import {packageRoot, themesRoot} from '../../src/load/theme.js'
import {captureIo} from '../helpers/io.js'
import {baseProject, removeProject, writeProject} from '../helpers/project.js'
import {rawGet} from './helpers.js'

const made: string[] = []
afterAll(async () => Promise.all(made.map((dir) => removeProject(dir))))

async function project(files: Record<string, string> = {}): Promise<string> {
  const dir = await writeProject(files)
  made.push(dir)
  return dir
}

/** captureIo, plus a promise that resolves once stdout has printed `text`. */
function watchIo(cwd: string, env: NodeJS.ProcessEnv, text: string) {
  const io = captureIo(cwd, env)
  let seen: () => void = () => {}
  const printed = new Promise<void>((resolve) => (seen = resolve))
  const stdout = io.stdout
  io.stdout = (chunk) => {
    stdout(chunk)
    if (io.out().includes(text)) seen()
  }
  return {io, printed}
}

describe('rapporteur preview (command)', () => {
  test('a folder that is not a project exits 2 with what to do', async () => {
    const io = captureIo(os.tmpdir())
    expect(await runPreview(path.join(os.tmpdir(), 'no-such-report-folder'), {}, io)).toBe(2)
    expect(io.err()).toContain('Cannot find the report folder')
  })

  test('a bad --port exits 2; a port in use exits 2', async () => {
    const dir = await project()
    expect(await runPreview(dir, {port: 70_000}, captureIo(dir))).toBe(2)
    const taken = createServer()
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve))
    try {
      const io = captureIo(dir)
      expect(await runPreview(dir, {port: (taken.address() as AddressInfo).port}, io)).toBe(2)
      expect(io.err()).toContain('the port is in use')
    } finally {
      await new Promise((resolve) => taken.close(resolve))
    }
  })

  test('prints the URLs and the first build, warns when no browser can be opened, exits 0 when stopped', async () => {
    const dir = await project({'chapters/intro.md': '# Introduction\n\n40 % des affaires. Un constat [@enquete-2024] sur la :term[sextorsion].\n'})
    const {io, printed} = watchIo(dir, {PATH: '/nonexistent'}, 'Watching for changes')
    const stop = new AbortController()
    const running = runPreview(dir, {open: true}, io, stop.signal)
    await printed
    stop.abort()
    expect(await running).toBe(0)
    expect(io.out()).toMatch(/^rapporteur: previewing \. at http:\/\/127\.0\.0\.1:\d+\/\n {2}Rapport: http:\/\/127\.0\.0\.1:\d+\/rapport\.html \(paged: http:\/\/127\.0\.0\.1:\d+\/paged\/rapport\.html\)\n/u)
    // The pretty reporter's findings, then one status line with the time.
    expect(io.err()).toContain('chapters/intro.md\n  3:1  error  Unexpected figure `40 %`')
    expect(io.err()).toMatch(/\[\d\d:\d\d:\d\d\] built in \d+ ms: 1 error\n/u)
    expect(io.err()).toContain('warning: Cannot open a browser')
  })

  test('serves the theme the config names, and switches when the config changes', async () => {
    const dir = await project({'rapporteur.yaml': `${baseProject['rapporteur.yaml']}theme: sobre\n`})
    let rebuilt: (report: RebuildReport) => void = () => {}
    const server = await preview(dir, {onRebuild: (report) => rebuilt(report)})
    try {
      const port = Number(new URL(server.url).port)
      const sobre = await readFile(path.join(themesRoot, 'sobre', 'styles', 'base.css'), 'utf8')
      // sobre's base.css follows the default one, in one stylesheet (load/theme.ts).
      expect((await rawGet(port, '/assets/styles/base.css')).body.endsWith(sobre)).toBe(true)
      expect((await rawGet(port, '/assets/styles/axes.css')).body).toContain('[data-axis="prevention"]')
      const switched = new Promise<RebuildReport>((resolve) => (rebuilt = resolve))
      await writeFile(path.join(dir, 'rapporteur.yaml'), baseProject['rapporteur.yaml']!)
      expect((await switched).reloaded).toBe(true)
      expect((await rawGet(port, '/assets/styles/base.css')).body).toBe(await readFile(path.join(packageRoot, 'styles', 'base.css'), 'utf8'))
    } finally {
      await server.close()
    }
  })

  test('a report with maths links KaTeX’s stylesheet, served with its fonts, and nothing else of KaTeX', async () => {
    const dir = await project({'chapters/intro.md': '# Introduction\n\nLe seuil $\\alpha = 0.05$ [@enquete-2024] sur la :term[sextorsion].\n'})
    const server = await preview(dir, {})
    try {
      const port = Number(new URL(server.url).port)
      expect((await rawGet(port, '/rapport.html')).body.replaceAll('&#x2F;', '/')).toContain('href="assets/katex/katex.min.css"')
      expect((await rawGet(port, '/paged/rapport.html')).body.replaceAll('&#x2F;', '/')).toContain('href="../assets/katex/katex.min.css"')
      for (const file of ['/assets/katex/katex.min.css', '/paged/assets/katex/katex.min.css', '/assets/katex/fonts/KaTeX_Main-Regular.woff2']) expect((await rawGet(port, file)).status, file).toBe(200)
      for (const file of ['/assets/katex/katex.js', '/assets/katex/fonts/KaTeX_Main-Regular.ttf']) expect((await rawGet(port, file)).status, file).toBe(404)
    } finally {
      await server.close()
    }
  })

  test('with the tree cache, a rebuild reads back the trees of the files that did not change', async () => {
    const dir = await project({'chapters/02-suite.md': '# Suite\n\nUn second chapitre.\n'})
    const cache = await mkdtemp(path.join(os.tmpdir(), 'rapporteur-preview-trees-'))
    made.push(cache)
    let rebuilt: (report: RebuildReport) => void = () => {}
    const next = () => new Promise<RebuildReport>((resolve) => (rebuilt = resolve))
    const server = await preview(dir, {onRebuild: (report) => rebuilt(report), treeCache: true, env: {...process.env, RAPPORTEUR_CACHE: cache}})
    const trees = async () => (await readdir(path.join(cache, 'trees'), {recursive: true})).filter((name) => name.endsWith('.v8')).sort()
    try {
      const before = await trees()
      expect(before.length).toBeGreaterThanOrEqual(2)
      const edited = next()
      await writeFile(path.join(dir, 'chapters/02-suite.md'), '# Suite\n\nUn second chapitre, revu.\n')
      expect((await edited).reloaded).toBe(true)
      expect((await rawGet(Number(new URL(server.url).port), '/rapport.html')).body).toContain('revu')
      // The edited file's two entries replaced (its tree, what figure detection found in it), the others kept.
      const after = await trees()
      expect(after).toHaveLength(before.length)
      expect(after.filter((name) => !before.includes(name))).toHaveLength(2)
    } finally {
      await server.close()
    }
  })

  test('with the citation cache, a page reads the citations a build kept, and a preview keeps what it formats', async () => {
    const dir = await project()
    const cache = await mkdtemp(path.join(os.tmpdir(), 'rapporteur-preview-citations-'))
    made.push(cache)
    const env = {...process.env, RAPPORTEUR_CACHE: cache}
    const entries = async () => (await readdir(path.join(cache, 'citations'), {recursive: true}).catch(() => [] as string[])).filter((name) => name.endsWith('.v8'))
    const page = async (citationCache: boolean) => {
      const server = await preview(dir, {citationCache, env})
      try {
        return (await rawGet(Number(new URL(server.url).port), '/rapport.html')).body
      } finally {
        await server.close()
      }
    }
    // A first preview formats the full edition's citations and keeps them.
    const formatted = await page(true)
    const [full] = (await entries()).filter((name) => path.basename(name).startsWith('full.'))
    expect(full).toBeDefined()
    // A mark put into the kept entry shows in the next preview's page: read back, not formatted.
    const file = path.join(cache, 'citations', full!)
    const entry = deserialize(await readFile(file)) as {key: string; formatted: {clusters: string[]}}
    entry.formatted.clusters[0] = `${entry.formatted.clusters[0]} MARQUE-DU-CACHE`
    await writeFile(file, serialize(entry))
    expect(await page(true)).toContain('MARQUE-DU-CACHE')
    // Without it, formatted here as before, the same page as the first.
    const without = await page(false)
    expect(without).not.toContain('MARQUE-DU-CACHE')
    const unversioned = (html: string) => html.replaceAll(/data-(version|assets)="[^"]*"/gu, '')
    expect(unversioned(without)).toEqual(unversioned(formatted))
  })

  test('a broken config at start serves an error page, then the report once fixed', async () => {
    const dir = await project({'rapporteur.yaml': baseProject['rapporteur.yaml']!.replace('lang: fr', 'lang: [fr')})
    let rebuilt: (report: RebuildReport) => void = () => {}
    const next = () => new Promise<RebuildReport>((resolve) => (rebuilt = resolve))
    const server = await preview(dir, {onRebuild: (report) => rebuilt(report)})
    try {
      const port = Number(new URL(server.url).port)
      expect(server.pages).toEqual([])
      const broken = await rawGet(port, '/')
      expect(broken.status).toBe(503)
      expect(broken.body).toMatch(/<code>rapporteur\.yaml:\d+:\d+<\/code> error Cannot parse YAML/u)
      expect(broken.body).toContain('/__rapporteur/client.js')
      const fixed = next()
      await writeFile(path.join(dir, 'rapporteur.yaml'), baseProject['rapporteur.yaml']!)
      expect((await fixed).reloaded).toBe(true)
      expect((await rawGet(port, '/rapport.html')).body).toContain('Un constat')
    } finally {
      await server.close()
    }
  })
})
