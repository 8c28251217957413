import {cp, readFile, writeFile} from 'node:fs/promises'
import {existsSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {deserialize, serialize} from 'node:v8'
import {describe, expect, test} from 'vitest'
import {build} from '../../src/api/build.js'
import {openCitationStore} from '../../src/api/citation-store.js'
import {main} from '../../src/cli/main.js'
import type {FormattedEdition} from '../../src/render/citations/collector.js'
import {captureIo} from '../helpers/io.js'
import {temporaryFolders} from '../helpers/temporary.js'

/**
 * Each edition's formatted citations kept between builds (api/citation-store.ts): read back while
 * the citations are the same, formatted again when they change, the same pages either way.
 * HTML-only builds: the store is used before the browser, for the print HTML and the web page alike.
 */
const {temporary} = temporaryFolders()

/** Every entry under a cache folder's `citations/`, relative. */
function entries(cache: string): string[] {
  const root = path.join(cache, 'citations')
  if (!existsSync(root)) return []
  return readdirSync(root, {recursive: true, withFileTypes: true})
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
    .sort()
}

const edition = (marker: string): FormattedEdition => ({clusters: [`<i>${marker}</i>, p. 3`, 'Ibid.'], authors: [undefined, 'Dupont'], bibliography: [{id: 'dupont-2024', html: `Dupont. ${marker}.`}]})

describe('the citation store', () => {
  const options = async () => ({root: await temporary('rapporteur-citations-'), fingerprint: 'one', project: '/reports/a'})
  /** A run that formatted these editions (each under one key), its store saved. */
  const formattedRun = async (at: Awaited<ReturnType<typeof options>>, editions: Record<string, [key: string, FormattedEdition]>) => {
    const store = await openCitationStore(at)
    for (const [name, [key, formatted]] of Object.entries(editions)) store.edition(name).set(key, formatted)
    await store.save()
  }

  test('reads back what an earlier run formatted, undefined author forms included, by edition and key', async () => {
    const at = await options()
    const first = await openCitationStore(at)
    expect(first.edition('full').get('k1')).toBeUndefined()
    first.edition('full').set('k1', edition('Rapport'))
    first.edition('synthesis').set('k2', edition('Synthèse'))
    await first.save()
    expect(entries(at.root)).toHaveLength(2)

    const second = await openCitationStore(at)
    expect(second.edition('full').get('k1')).toEqual(edition('Rapport'))
    expect(second.edition('full').get('k1')!.authors).toHaveLength(2)
    // Another edition's entry is not handed out under the same key.
    expect(second.edition('synthesis').get('k1')).toBeUndefined()
    expect(second.counts).toEqual({read: 1, formatted: 0})
  })

  test('an edition built again keeps its newest entry only; an edition the run left out keeps its own', async () => {
    const at = await options()
    await formattedRun(at, {full: ['k1', edition('Rapport')], synthesis: ['k2', edition('Synthèse')]})
    // The full edition alone, its citations changed: its old entry goes, the synthesis's stays.
    await formattedRun(at, {full: ['k3', edition('Rapport modifié')]})
    expect(entries(at.root)).toHaveLength(2)
    const third = await openCitationStore(at)
    expect(third.edition('full').get('k1')).toBeUndefined()
    expect(third.edition('full').get('k3')).toEqual(edition('Rapport modifié'))
    expect(third.edition('synthesis').get('k2')).toEqual(edition('Synthèse'))
    // Read back unchanged, the full edition's entry stays as it was.
    await third.save()
    expect(entries(at.root)).toHaveLength(2)
  })

  test('another rapporteur starts afresh; the one used before it keeps its entries until a third comes', async () => {
    const at = await options()
    const later = () => new Promise((resolve) => setTimeout(resolve, 20))
    await formattedRun(at, {full: ['k1', edition('Rapport')]})
    await later()
    const other = await openCitationStore({...at, fingerprint: 'two'})
    expect(other.edition('full').get('k1')).toBeUndefined()
    other.edition('full').set('k1', edition('Autre'))
    await other.save()
    expect(entries(at.root)).toHaveLength(2)
    expect((await openCitationStore(at)).edition('full').get('k1')).toEqual(edition('Rapport'))
    await later()
    await formattedRun({...at, fingerprint: 'three'}, {full: ['k1', edition('Troisième')]})
    expect(entries(at.root)).toHaveLength(2)
    // The first was used before the second: it is the one removed.
    expect((await openCitationStore(at)).edition('full').get('k1')).toBeUndefined()
    expect((await openCitationStore({...at, fingerprint: 'two'})).edition('full').get('k1')).toEqual(edition('Autre'))
  })

  test('a damaged entry, or one written for another key, is not handed out', async () => {
    const at = await options()
    await formattedRun(at, {full: ['k1', edition('Rapport')], synthesis: ['k2', edition('Synthèse')]})
    const [full, synthesis] = entries(at.root).map((name) => path.join(at.root, 'citations', name))
    writeFileSync(full!, 'not a cache entry')
    writeFileSync(synthesis!, serialize({key: 'another', formatted: edition('Autre')}))
    const again = await openCitationStore(at)
    expect([again.edition('full').get('k1'), again.edition('synthesis').get('k2')]).toEqual([undefined, undefined])
    expect(again.counts).toEqual({read: 0, formatted: 0})
  })

  test('a cache folder that cannot be written only means formatting again', async () => {
    const root = path.join(await temporary('rapporteur-citations-'), 'file')
    await writeFile(root, 'a file where the cache folder would be')
    const store = await openCitationStore({root, fingerprint: 'one', project: '/reports/a'})
    store.edition('full').set('k1', edition('Rapport'))
    await expect(store.save()).resolves.toBeUndefined()
  })
})

describe('build() with the citation store', () => {
  const sample = path.resolve(import.meta.dirname, '../../report')

  async function project(): Promise<{dir: string; cache: string; out: string}> {
    const dir = await temporary('rapporteur-citations-report-')
    await cp(sample, dir, {recursive: true, filter: (source) => !source.includes(`${path.sep}dist`)})
    return {dir, cache: await temporary('rapporteur-citations-cache-'), out: path.join(dir, 'out')}
  }

  const htmlOf = async (out: string) => Promise.all(['rapport.html', 'synthese.html'].map((name) => readFile(path.join(out, name), 'utf8')))

  test('keeps each edition’s citations, reads them back, and makes the same pages; an edited citation is formatted again', async () => {
    const {dir, cache, out} = await project()
    const run = async (citationCache: boolean) => {
      const result = await build(dir, {out, formats: ['html'], citationCache, env: {RAPPORTEUR_CACHE: cache}})
      expect(result.ok).toBe(true)
      return htmlOf(out)
    }
    const cold = await run(true)
    const stored = entries(cache)
    expect(stored).toHaveLength(2)
    expect(await run(true)).toEqual(cold)
    expect(entries(cache)).toEqual(stored)

    // Read from the folder, not formatted again: a mark put into the full edition's entry shows in its pages.
    const clusters = (file: string) => (deserialize(readFileSync(file)) as {formatted: FormattedEdition}).formatted.clusters.length
    // The full edition's entry: the one with the most citations.
    const [full] = stored.map((name) => path.join(cache, 'citations', name)).sort((a, b) => clusters(b) - clusters(a))
    const entry = deserialize(readFileSync(full!)) as {key: string; formatted: FormattedEdition}
    entry.formatted.clusters[0] = `${entry.formatted.clusters[0]} MARQUE-DU-CACHE`
    writeFileSync(full!, serialize(entry))
    const [marked] = await run(true)
    expect(marked).toContain('MARQUE-DU-CACHE')

    // One with a cluster missing does not fit the edition's citations: formatted again, as without the store.
    entry.formatted.clusters.pop()
    writeFileSync(full!, serialize(entry))
    expect(await run(true)).toEqual(cold)

    // A citation added: that edition is formatted again and its old entry removed.
    const chapter = path.join(dir, 'chapters', readdirSync(path.join(dir, 'chapters')).find((name) => name.endsWith('.md'))!)
    const text = await readFile(chapter, 'utf8')
    const key = /\[@([\w:.-]+)/u.exec(text)![1]
    await writeFile(chapter, `${text}\nUne phrase ajoutée [@${key}].\n`)
    await run(true)
    const after = entries(cache)
    expect(after).toHaveLength(2)
    expect(after.filter((name) => stored.includes(name))).toHaveLength(1)
  })

  test('a build of one edition leaves the other’s entry: the next build of both reads it back', async () => {
    const {dir, cache, out} = await project()
    const run = async (editions?: Array<'full' | 'synthesis'>) => {
      const result = await build(dir, {out, formats: ['html'], citationCache: true, env: {RAPPORTEUR_CACHE: cache}, ...(editions ? {editions} : {})})
      expect(result.ok).toBe(true)
    }
    await run()
    const stored = entries(cache)
    expect(stored.map((name) => path.basename(name).split('.')[0]).sort()).toEqual(['full', 'synthesis'])
    // A mark in the full edition's entry shows only if that entry is read back.
    const full = path.join(cache, 'citations', stored.find((name) => path.basename(name).startsWith('full.'))!)
    const entry = deserialize(readFileSync(full)) as {key: string; formatted: FormattedEdition}
    entry.formatted.clusters[0] = `${entry.formatted.clusters[0]} MARQUE-DU-CACHE`
    writeFileSync(full, serialize(entry))
    await run(['synthesis'])
    expect(entries(cache)).toEqual(stored)
    await run()
    const [rapport] = await htmlOf(out)
    expect(rapport).toContain('MARQUE-DU-CACHE')
  })

  test('a cache folder that is a file only means formatting the citations: the build makes the same pages', async () => {
    const {dir, out} = await project()
    const plain = await build(dir, {out, formats: ['html']})
    expect(plain.ok).toBe(true)
    const pages = await htmlOf(out)
    const file = path.join(await temporary('rapporteur-citations-file-'), 'cache')
    await writeFile(file, 'a file where the cache folder would be')
    const result = await build(dir, {out, formats: ['html'], citationCache: true, treeCache: true, env: {RAPPORTEUR_CACHE: file}})
    expect(result.ok).toBe(true)
    expect(await htmlOf(out)).toEqual(pages)
  })

  test('rapporteur build keeps them unless RAPPORTEUR_CITATION_CACHE=off; a value it does not take is said', async () => {
    const {dir, cache} = await project()
    const run = async (setting: string | undefined) => {
      const io = captureIo(dir, {RAPPORTEUR_CACHE: cache, RAPPORTEUR_CITATION_CACHE: setting})
      const code = await main(['build', '.', '--format', 'html', '--no-progress', '--force'], io)
      expect(code).toBe(0)
      return io.err()
    }
    await run('off')
    expect(entries(cache)).toEqual([])
    expect(await run('of')).toContain('rapporteur: RAPPORTEUR_CITATION_CACHE="of" is not understood, so the citation cache stays on; set it to `off` (or `on`).\n')
    expect(entries(cache)).toHaveLength(2)
  })
})
