import {existsSync, readdirSync} from 'node:fs'
import {appendFile, readFile, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {deserialize, serialize} from 'node:v8'
import {describe, expect, test} from 'vitest'
import {openHyphenationStore} from '../../src/api/hyphenation-store.js'
import {main} from '../../src/cli/main.js'
import {hyphenateText, seedHyphenation, SOFT_HYPHEN} from '../../src/render/typography/index.js'
import {captureIo} from '../helpers/io.js'
import {temporaryFolders} from '../helpers/temporary.js'
import {removeProject, writeProject} from '../helpers/project.js'

/**
 * Where the print's soft hyphens go, kept between builds (api/hyphenation-store.ts): read back
 * before the render, written when a build worked out words the store did not hold, and never
 * able to change the text. The hyphenation's results live in the process (hyphenate.ts): each
 * test uses words of its own, made up, that no other test hyphenates.
 */
const {temporary, keep} = temporaryFolders()

/** Every entry file under a cache folder's `hyphenation/`. */
function entries(cache: string): string[] {
  const root = path.join(cache, 'hyphenation')
  if (!existsSync(root)) return []
  return readdirSync(root, {recursive: true, withFileTypes: true}).filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name))
}

type Stored = {words: Array<[string, string]>; chunks: Array<[string, string]>}

const shy = (...syllables: string[]) => syllables.join(SOFT_HYPHEN)

describe('seeding the hyphenation', () => {
  test('a word seeded is hyphenated as seeded, in a chunk never seen', () => {
    expect(seedHyphenation('fr', {words: new Map([['zorglubiens', shy('zor', 'glu', 'biens')]]), chunks: new Map()})).toBe(1)
    expect(hyphenateText('Les zorglubiens, dit-on.', 'fr')).toBe(`Les ${shy('zor', 'glu', 'biens')}, dit-on.`)
  })

  test('a result that is not its word with soft hyphens added is refused: the text never changes', () => {
    const damaged = {words: new Map([['brouffaniens', 'broufaniens'], ['klaxoniques', shy('klax', 'oni', 'qu')]]), chunks: new Map([['plouvastres.', 'plouvastre']])}
    expect(seedHyphenation('fr', damaged)).toBe(0)
    for (const text of ['brouffaniens', 'klaxoniques', 'plouvastres.']) expect(hyphenateText(text, 'fr').replaceAll(SOFT_HYPHEN, '')).toBe(text)
  })

  test('what the process worked out itself is not replaced by a seed', () => {
    const own = hyphenateText('tintinnabulants', 'fr')
    expect(seedHyphenation('fr', {words: new Map([['tintinnabulants', shy('tintinnabu', 'lants')]]), chunks: new Map([['tintinnabulants', shy('tintinnabu', 'lants')]])})).toBe(0)
    expect(hyphenateText('tintinnabulants', 'fr')).toBe(own)
  })
})

describe('the hyphenation store', () => {
  const options = async () => ({root: await temporary('rapporteur-hyphenation-'), fingerprint: 'one', project: '/reports/a'})

  test('saves what the run worked out, reads it back, and does not write again when nothing was added', async () => {
    const at = await options()
    const first = await openHyphenationStore(at)
    hyphenateText('Les gloubiboulgas abondent.', 'fr')
    await first.save()
    const [entry] = entries(at.root)
    expect(path.basename(entry!)).toBe('fr.v8')
    const stored = deserialize(await readFile(entry!)) as Stored
    expect(new Map(stored.chunks).get('gloubiboulgas')).toBe(hyphenateText('gloubiboulgas', 'fr'))

    // The next run takes it up; with nothing added, the entry is left as it is.
    await writeFile(entry!, serialize({...stored, words: [...stored.words, ['schtroumpfette', shy('schtroump', 'fette')]]}))
    const second = await openHyphenationStore(at)
    expect(second.read).toBeGreaterThan(0)
    hyphenateText('Les gloubiboulgas abondent.', 'fr')
    const before = await readFile(entry!)
    await second.save()
    expect(await readFile(entry!)).toEqual(before)
    // A seeded word in a stretch of text not met before: a result added, the entry written again.
    expect(hyphenateText('schtroumpfette!', 'fr')).toBe(`${shy('schtroump', 'fette')}!`)
    await second.save()
    expect(new Map((deserialize(await readFile(entry!)) as Stored).chunks).get('schtroumpfette!')).toBe(`${shy('schtroump', 'fette')}!`)
  })

  test('an entry this Node cannot read, or of another shape, is left out without a word', async () => {
    const at = await options()
    await openHyphenationStore(at).then(async (store) => {
      hyphenateText('Des marsupilamis.', 'fr')
      await store.save()
    })
    const [entry] = entries(at.root)
    for (const bytes of [Buffer.from('not v8 at all'), serialize({words: 'no'}), serialize({words: [['a']], chunks: []}), serialize(null)]) {
      await writeFile(entry!, bytes)
      expect((await openHyphenationStore(at)).read).toBe(0)
    }
  })

  test('rapporteur build keeps one unless RAPPORTEUR_HYPHENATION_CACHE=off, and takes it up in the next build', async () => {
    const dir = await writeProject({})
    keep(dir)
    const cache = await temporary('rapporteur-hyphenation-cli-')
    const build = async (setting: string | undefined) => {
      const io = captureIo(dir, {RAPPORTEUR_CACHE: cache, RAPPORTEUR_HYPHENATION_CACHE: setting})
      expect(await main(['build', '.', '--format', 'pdf', '--no-progress', '--force'], io)).toBe(0)
      return readFile(path.join(dir, 'dist', '.print', 'rapport.html'), 'utf8')
    }
    await build('on')
    const [entry] = entries(cache)
    expect(entry).toBeDefined()
    // Two words the build has not met, given break points of their own in the store.
    const stored = deserialize(await readFile(entry!)) as Stored
    const own = {marsupiaux: shy('marsu', 'piaux'), cornichonnerie: shy('cornichon', 'nerie')}
    await writeFile(entry!, serialize({...stored, words: [...stored.words, ...Object.entries(own)]}))
    const chapter = path.join(dir, 'chapters', 'intro.md')
    await appendFile(chapter, '\nDes marsupiaux.\n')
    const off = await build('off')
    expect(off.replaceAll(SOFT_HYPHEN, '')).toContain('Des marsupiaux.')
    expect(off).not.toContain(own.marsupiaux)
    await appendFile(chapter, '\nUne cornichonnerie.\n')
    expect(await build(undefined)).toContain(own.cornichonnerie)
    await removeProject(dir)
  }, 60_000)
})
