import {afterAll, expect, test} from 'vitest'
import {check} from '../../src/api/check.js'
import {codeOfLanguageName, iso6391Codes, languageName, languageTagProblem} from '../../src/model/language-tag.js'
import {baseProject, removeProject, writeProject} from '../helpers/project.js'

const made: string[] = []
afterAll(async () => Promise.all(made.map((dir) => removeProject(dir))))

async function findings(files: Record<string, string>, rule = 'lang-code'): Promise<string[]> {
  const dir = await writeProject(files)
  made.push(dir)
  const result = await check(dir)
  return result.files.flatMap((file) => file.messages).filter((message) => message.ruleId === rule).map((message) => `${message.file}:${message.line}:${message.column}-${message.place && 'end' in message.place ? message.place.end.column : '?'} ${message.reason}`)
}

test('well-formed tags of known languages pass; names, malformed tags and unknown subtags do not', () => {
  for (const tag of ['fr', 'en-GB', 'cy', 'zh-Hant', 'es-419', 'de-CH-1901', 'EN-us', 'fra', 'tlh', 'und', 'mul', 'zxx']) expect(languageTagProblem(tag), tag).toBeUndefined()
  expect(languageTagProblem('welsh')).toEqual({kind: 'unknown-language', suggestion: 'cy'})
  expect(languageTagProblem('English')).toEqual({kind: 'unknown-language', suggestion: 'en'})
  expect(languageTagProblem('français')).toEqual({kind: 'malformed', suggestion: 'fr'})
  expect(languageTagProblem('fr_FR')).toEqual({kind: 'malformed', suggestion: 'fr-FR'})
  expect(languageTagProblem('xx-YY')).toEqual({kind: 'unknown-language', suggestion: undefined})
  expect(languageTagProblem('en-AA')).toEqual({kind: 'unknown-subtag', suggestion: 'en'})
  expect(languageTagProblem('x-klingon')?.kind).toBe('malformed')
})

test('a language is found by its name in English, in French and in itself, whatever the case and accents', () => {
  expect(['Welsh', 'gallois', 'Cymraeg', 'FRANÇAIS', 'francais', 'anglais', 'Deutsch', 'español'].map(codeOfLanguageName)).toEqual(['cy', 'cy', 'cy', 'fr', 'fr', 'en', 'de', 'es'])
  expect(codeOfLanguageName('Klingonish')).toBeUndefined()
})

test('each place a `lang` is written is reported at its value', async () => {
  const text = [
    '# Introduction {lang=welsh}',
    '',
    'Un [mot]{lang=welsh} et :term[sextorsion]{lang="Français"} [@enquete-2024], [lien](https://exemple.org){lang=xx-YY}.',
    '',
    '::: {.note lang=fr_FR}',
    'Un constat.',
    ':::',
    '',
    ':::viewpoint{author="Jane Doe" lang=en-AA}',
    'A view.',
    ':::',
    '',
    '[bien]{lang=cy} [vide]{lang=""}',
    ''
  ].join('\n')
  expect(await findings({'chapters/intro.md': text})).toEqual([
    'chapters/intro.md:1:22-27 Unexpected language `welsh` in `lang`, expected its language code, `cy` (Welsh): screen readers pick their voice by the code, and would read the passage with the wrong one',
    'chapters/intro.md:3:15-20 Unexpected language `welsh` in `lang`, expected its language code, `cy` (Welsh): screen readers pick their voice by the code, and would read the passage with the wrong one',
    'chapters/intro.md:3:48-58 Unexpected language `Français` in `lang`, expected its language code, `fr` (French): screen readers pick their voice by the code, and would read the passage with the wrong one',
    'chapters/intro.md:3:110-115 Unexpected language `xx-YY` in `lang`, expected the code of a known language (a BCP 47 tag), such as `fr`, `en` or `en-GB`: screen readers pick their voice by the code, and would read the passage with the wrong one',
    'chapters/intro.md:5:17-22 Unexpected language `fr_FR` in `lang`, expected its language code, `fr-FR` (French (France)): screen readers pick their voice by the code, and would read the passage with the wrong one',
    'chapters/intro.md:9:37-42 Unexpected language `en-AA` in `lang`, expected a tag whose region, script or variant is known, such as `en` (English): screen readers pick their voice by the code, and would read the passage with the wrong one'
  ])
})

test('raw HTML `lang` is read with check.html: true, at its value', async () => {
  const config = String(baseProject['rapporteur.yaml']) + 'check: {html: true}\n'
  const text = '# Introduction\n\nUn constat [@enquete-2024] sur la :term[sextorsion], <q lang="deutsch">Ja</q> <span xml:lang="fr" lang=de>Ja</span>.\n'
  expect(await findings({'rapporteur.yaml': config, 'chapters/intro.md': text})).toEqual([
    'chapters/intro.md:3:62-71 Unexpected language `deutsch` in `lang`, expected its language code, `de` (German): screen readers pick their voice by the code, and would read the passage with the wrong one'
  ])
})

test('lang in rapporteur.yaml is a known language, with its code when it is named', async () => {
  const config = (lang: string) => ({'rapporteur.yaml': String(baseProject['rapporteur.yaml']).replace('lang: fr', `lang: ${lang}`)})
  expect(await findings(config('welsh'), 'schema')).toEqual(['rapporteur.yaml:3:7-12 Unexpected value `welsh` for `lang`, expected its language code, `cy` (Welsh)'])
  expect(await findings(config('xx-YY'), 'schema')).toEqual(['rapporteur.yaml:3:7-12 Unexpected value `xx-YY` for `lang`, expected the code of a known language (a BCP 47 tag), such as `fr`, `en` or `en-GB`'])
  expect(await findings(config('en-GB'), 'schema')).toEqual([])
})

test('a bare ISO 639-1 code is known without loading CLDR’s names, as CLDR would have it', () => {
  // The fast path must say what the slow one says: every such code is one CLDR names.
  for (const code of iso6391Codes) {
    expect(languageTagProblem(code)).toBeUndefined()
    expect(languageName(code), code).toBeDefined()
  }
})
