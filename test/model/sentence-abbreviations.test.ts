import {afterAll, describe, expect, test} from 'vitest'
import {check} from '../../src/api/check.js'
import {sentenceRanges} from '../../src/model/figures/sentences.js'
import {baseProject, removeProject, writeProject} from '../helpers/project.js'

const sentences = (text: string, lang: string) => sentenceRanges(text, lang).map(([start, end]) => text.slice(start, end).trim())

describe("a language's abbreviations end no sentence", () => {
  test('German: `Mrd.`, `z. B.`, `u. a.`, `d. h.`, `bzw.`, `ggf.`, `insb.`, `vgl.`, `Abb.`, `Tab.`, `Abs.`, `Nr.` before a capitalised noun', () => {
    expect(sentences('Der Bund sollte 1,5 Mrd. Euro bereitstellen. Das reicht.', 'de')).toEqual(['Der Bund sollte 1,5 Mrd. Euro bereitstellen.', 'Das reicht.'])
    for (const abbreviation of ['z. B.', 'z.B.', 'u. a.', 'd. h.', 'bzw.', 'ggf.', 'insb.', 'vgl.', 'Abb.', 'Tab.', 'Abs.', 'Nr.']) {
      expect(sentences(`Es gibt ${abbreviation} Beratungsstellen mit 40 % Anteil.`, 'de'), abbreviation).toHaveLength(1)
    }
  })

  test('Spanish and Italian: `p. ej.`, `aprox.`, `núm.`, `pág.`; `ecc.`', () => {
    for (const abbreviation of ['p. ej.', 'aprox.', 'núm.', 'pág.']) expect(sentences(`Hay ${abbreviation} 40 familias.`, 'es'), abbreviation).toHaveLength(1)
    expect(sentences('Scuole, ospedali ecc. sono 40.', 'it')).toHaveLength(1)
  })

  test('`etc.` and `usw.` still end a sentence before a capital, and the abbreviations are the language\'s: `Mrd.` in an English report is read as before', () => {
    expect(sentences('Schulen, Kitas usw. Im Jahr 2024 waren es 40 %.', 'de')).toHaveLength(2)
    expect(sentences('Spain etc. It was 40%.', 'en')).toHaveLength(2)
    expect(sentences('They use Mrd. The rest is 40%.', 'en')).toHaveLength(2)
  })
})

const made: string[] = []
afterAll(async () => Promise.all(made.map((dir) => removeProject(dir))))

test('a German figure before an abbreviation is covered by the citation at its sentence\'s end', async () => {
  const dir = await writeProject({
    'rapporteur.yaml': String(baseProject['rapporteur.yaml']).replace('lang: fr', 'lang: de'),
    'chapters/intro.md': '# Befunde\n\nDer Bund sollte 1,5 Mrd. Euro bereitstellen [@enquete-2024]. Das betrifft z. B. 40 % der Familien [@enquete-2024]. Die :term[sextorsion] nimmt zu.\n'
  })
  made.push(dir)
  const result = await check(dir)
  expect(result.files.flatMap((file) => file.messages).filter((message) => message.ruleId === 'figure-needs-citation').map((message) => message.reason)).toEqual([])
})

test('a German count after a capitalised noun is a figure, its points grouping thousands (it was read as a name and its version, `Windows 11`)', async () => {
  const dir = await writeProject({
    'rapporteur.yaml': String(baseProject['rapporteur.yaml']).replace('lang: fr', 'lang: de'),
    'chapters/intro.md': '# Befunde\n\nRund 40.000 Haushalte waren betroffen. Im Jahr 2023 zählte die Bundesnetzagentur 205.000 Stromsperren. Die :term[sextorsion] nimmt zu [@enquete-2024].\n'
  })
  made.push(dir)
  const result = await check(dir)
  expect(result.files.flatMap((file) => file.messages).filter((message) => message.ruleId === 'figure-needs-citation').map((message) => /`([^`]+)`/u.exec(message.reason)?.[1])).toEqual(['40.000', '205.000'])
})

test('German dates and times are no figures: a day as an ordinal with a point before its month, a time in Uhr', async () => {
  const dir = await writeProject({
    'rapporteur.yaml': String(baseProject['rapporteur.yaml']).replace('lang: fr', 'lang: de'),
    'chapters/intro.md': '# Befunde\n\nZwischen dem 1. November und dem 31. März gilt die Regel. Am Mittwoch, 14. Februar tagte der Ausschuss. Die Beratung ist von 9 bis 17 Uhr und ab 20 Uhr geöffnet. Es waren 12 Sitzungen. Die :term[sextorsion] nimmt zu [@enquete-2024].\n'
  })
  made.push(dir)
  const result = await check(dir)
  expect(result.files.flatMap((file) => file.messages).filter((message) => message.ruleId === 'figure-needs-citation').map((message) => /`([^`]+)`/u.exec(message.reason)?.[1])).toEqual(['12'])
})
