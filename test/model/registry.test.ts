import {afterAll, describe, expect, test} from 'vitest'
import {check} from '../../src/api/check.js'
import {removeProject, writeProject} from '../helpers/project.js'

/** The sources registry in its three formats maps onto one model, with places for each finding. */
const made: string[] = []
afterAll(async () => Promise.all(made.map((dir) => removeProject(dir))))

const chapter = {'chapters/intro.md': '# Intro\n\n40 % des répondants [@enquete-2024] et 12 % [@doe-2020, p. 3] parlent de :term[sextorsion].\n'}

async function load(files: Record<string, string>) {
  const dir = await writeProject({...chapter, ...files})
  made.push(dir)
  const result = await check(dir)
  if (!result.ok) throw new Error('project did not load')
  const findings = result.files.flatMap((file) => file.messages.map((message) => `${file.path}:${message.line}:${message.column} ${message.ruleId}: ${message.reason}`))
  return {model: result.model, findings}
}

describe('sources registry formats', () => {
  test('CSL-JSON (sources.json), e.g. exported from Zotero', async () => {
    const json = JSON.stringify(
      [
        {id: 'enquete-2024', type: 'report', genre: 'survey', title: 'Enquête nationale', author: [{literal: 'Observatoire'}], issued: {'date-parts': [[2024]]}},
        {id: 'doe-2020', type: 'article-journal', title: 'Un article', author: [{family: 'Doe', given: 'Jane'}], issued: {'date-parts': [[2020, 5]]}, 'container-title': 'Revue'}
      ],
      null,
      2
    )
    const {model, findings} = await load({'sources.json': json, 'sources.yaml': undefined as unknown as string})
    expect(model.sourcesFiles).toEqual(['sources.json'])
    expect(model.sources.map((entry) => [entry.value.id, entry.value.type, entry.value.kind, entry.value.author, entry.value.date, entry.value.publisher, entry.value.container])).toEqual([
      ['enquete-2024', 'report', 'survey', ['Observatoire'], '2024', undefined, undefined],
      ['doe-2020', 'article-journal', 'article', ['Jane Doe'], '2020-05', undefined, 'Revue']
    ])
    expect(findings).toEqual([])
  })

  test('BibTeX (sources.bib) through citation-js, entries placed at their @type{key line', async () => {
    const bib = `@report{enquete-2024,
  title = {Enquête nationale},
  author = {{Observatoire}},
  year = {2024},
  institution = {Observatoire}
}

@article{doe-2020,
  title = {Un article},
  author = {Doe, Jane},
  journal = {Revue},
  date = {2020-05}
}

@online{orphan-2023,
  title = {Page},
  author = {{Org}},
  year = {2023}
}
`
    const {model, findings} = await load({'sources.bib': bib, 'sources.yaml': undefined as unknown as string})
    expect(model.sourcesFiles).toEqual(['sources.bib'])
    expect(model.sources.map((entry) => entry.value.id)).toEqual(['enquete-2024', 'doe-2020', 'orphan-2023'])
    expect(findings).toEqual([
      'sources.bib:15:1 source-incomplete: Unexpected @online `orphan-2023` without `url`, expected what a reader needs to find it again',
      'sources.bib:15:1 unused-source: Unexpected unused source `orphan-2023`, expected a citation of it somewhere in the report'
    ])
  })

  test('a YAML registry entry with a bad field is reported at that field, and the rest still loads', async () => {
    const {model, findings} = await load({
      'sources.yaml': `- id: enquete-2024
  type: survey
  title: Enquête
  author: Observatoire
  date: 2024
- id: doe-2020
  type: journal
  title: Un article
  author: Jane Doe
  date: 2020
`
    })
    expect(model.sources.map((entry) => entry.value.id)).toEqual(['enquete-2024'])
    expect(findings).toContainEqual(
      'sources.yaml:7:9 schema: Unexpected value `journal` for `type`, expected one of report, survey, article, law, dataset, webpage, interview, press-release, book, hearing, or a CSL type such as article-journal, chapter, thesis, paper-conference or legislation in entry `doe-2020`'
    )
    expect(findings).toContainEqual("chapters/intro.md:3:46 unknown-source: Unexpected source key `doe-2020`: its entry in sources.yaml is invalid, see the `schema` finding there")
  })

  test('CSL-JSON of the wrong shape is a located finding, never a crash, and the other items load', async () => {
    const json = `[
  {"id": "enquete-2024", "type": "report", "title": "Enquête", "author": [{"literal": "Observatoire"}], "issued": {"date-parts": [[2024]]}},
  {"id": "doe-2020", "type": "article-journal", "title": "Un article", "author": "Jane Doe", "issued": {"date-parts": [[2020]]}},
  {"id": "roe-2021", "type": "article-journal", "title": "Un autre", "author": [{"family": "Roe"}], "issued": 2021}
]
`
    const {model, findings} = await load({'sources.json': json})
    expect(model.sources.map((entry) => entry.value.id)).toEqual(['enquete-2024'])
    expect(findings).toContainEqual('sources.json:3:82 schema: Unexpected string "Jane Doe" for `author`, expected a list in entry `doe-2020`')
    expect(findings).toContainEqual('sources.json:4:111 schema: Unexpected value for `issued`, expected a date such as {"date-parts": [[2024, 5, 1]]} or "2024-05-01" in entry `roe-2021`')
  })

  test('sources.yaml keeps every CSL variable and structured names, in the whole CSL item', async () => {
    const {model, findings} = await load({
      'sources.yaml': `- id: enquete-2024
  type: survey
  title: Enquête
  author: Observatoire
  date: 2024
- id: doe-2020
  type: article
  title: Un article
  author:
    - {family: Hoogh, given: Kees, non-dropping-particle: de}
    - Fondation Exemple
  date: 2020-05-04
  container-title: Revue
  volume: 12
  issue: "3"
  DOI: 10.1000/xyz
  publisher-place: Paris
`
    })
    expect(findings).toEqual([])
    const doe = model.sources.find((entry) => entry.value.id === 'doe-2020')!.value
    expect(doe.author).toEqual(['Kees de Hoogh', 'Fondation Exemple'])
    expect(doe.csl).toMatchObject({
      type: 'article-journal',
      author: [{family: 'Hoogh', given: 'Kees', 'non-dropping-particle': 'de'}, {literal: 'Fondation Exemple'}],
      issued: {'date-parts': [[2020, 5, 4]]},
      'container-title': 'Revue',
      volume: 12,
      issue: '3',
      DOI: '10.1000/xyz',
      'publisher-place': 'Paris'
    })
    expect(model.sources[0]!.value.csl).toMatchObject({type: 'report', genre: 'enquête'})
  })

  test('a field given twice, friendly and CSL, and a misspelt field are schema findings at their keys', async () => {
    const {findings} = await load({
      'sources.yaml': `- id: enquete-2024
  type: survey
  title: Enquête
  author: Observatoire
  date: 2024
  issued: 2024
- id: doe-2020
  type: report
  title: Un rapport
  author: Observatoire
  date: 2020
  jornal: Revue
`
    })
    expect(findings).toContainEqual('sources.yaml:6:11 schema: Unexpected value for `issued`, expected either `date` or `issued`, not both in entry `enquete-2024`')
    expect(findings).toContainEqual('sources.yaml:12:3 schema: Unexpected key `jornal` in entry `doe-2020`')
  })
})

/** Pandoc's `bibliography: [a.bib, b.json]`: `sources:` lists several registries, read in turn. */
describe('several registries', () => {
  const config = (sources: string) => `title: Exemple\norganisation: Fondation\nlang: fr\ndate: 2026-01\naxes: [{id: prevention, label: Prévention}]\nsources:\n${sources}\neditions:\n  full: {title: Rapport, files: [chapters/intro.md], output: rapport}\n`
  const zotero = (items: object[]) => JSON.stringify(items, null, 2)
  const doe = {id: 'doe-2020', type: 'article-journal', title: 'Un article', author: [{family: 'Doe', given: 'Jane'}], issued: {'date-parts': [[2020, 5]]}, 'container-title': 'Revue'}

  test('entries of every registry listed are citable, in the order of the list, and none is reported unread', async () => {
    const {model, findings} = await load({'rapporteur.yaml': config('  - sources.yaml\n  - biblio/zotero.json'), 'biblio/zotero.json': zotero([doe])})
    expect(model.sourcesFiles).toEqual(['sources.yaml', 'biblio/zotero.json'])
    expect(model.sources.map((entry) => [entry.file, entry.value.id])).toEqual([
      ['sources.yaml', 'enquete-2024'],
      ['biblio/zotero.json', 'doe-2020']
    ])
    expect(findings).toEqual([])
  })

  test('one file as a string, or as a list of one, reads the same', async () => {
    const {model, findings} = await load({'rapporteur.yaml': config('  [biblio/zotero.json]'), 'biblio/zotero.json': zotero([doe, {...doe, id: 'enquete-2024'}]), 'sources.yaml': undefined as unknown as string})
    expect(model.sourcesFiles).toEqual(['biblio/zotero.json'])
    expect(findings).toEqual([])
  })

  test('an id in two registries is a duplicate at the second, pointing at the first', async () => {
    const {findings} = await load({'rapporteur.yaml': config('  - sources.yaml\n  - sources.json'), 'sources.json': zotero([doe, {...doe, id: 'enquete-2024'}]), 'sources.yaml': baseSources})
    expect(findings).toEqual(['sources.json:23:11 duplicate-id: Unexpected duplicate source id `enquete-2024`, expected a unique one (first defined at sources.yaml:1:7)'])
  })

  test('a missing registry is reported at its place in the list, and the others are read', async () => {
    const {model, findings} = await load({'rapporteur.yaml': config('  - sources.yaml\n  - zotero.json'), 'sources.yaml': baseSources})
    expect(findings).toEqual(['rapporteur.yaml:8:5 schema: Cannot find the sources registry `zotero.json`, expected a file in the report folder', 'chapters/intro.md:3:46 unknown-source: Unexpected source key `doe-2020`: the sources registry `zotero.json` could not be read, so none of its keys is known, see the `schema` finding at rapporteur.yaml:8:5'])
    expect(model.sourcesFiles).toEqual(['sources.yaml'])
  })

  test('a file listed twice stops the project at its second place', async () => {
    const dir = await writeProject({'rapporteur.yaml': config('  - sources.yaml\n  - ./sources.yaml')})
    made.push(dir)
    const result = await check(dir)
    expect(result.ok).toBe(false)
    expect(result.files.flatMap((file) => file.messages.map((message) => `${file.path}:${message.line}:${message.column} ${message.reason}`))).toEqual(['rapporteur.yaml:8:5 Unexpected value for `sources[1]`: `./sources.yaml` is listed twice in `sources`, expected each file once'])
  })

  test('a citation of an entry a registry rejected names that registry', async () => {
    const {findings} = await load({'rapporteur.yaml': config('  - sources.yaml\n  - zotero.json'), 'zotero.json': zotero([{...doe, author: 'Doe'}])})
    expect(findings).toContainEqual('chapters/intro.md:3:46 unknown-source: Unexpected source key `doe-2020`: its entry in zotero.json is invalid, see the `schema` finding there')
  })
})

const baseSources = `- id: enquete-2024
  type: survey
  title: Enquête nationale
  author: Observatoire
  date: 2024
`

describe('a registry or glossary with a typo', () => {
  test('one BibTeX entry with a comma left out is reported where the parser stopped; the others are read', async () => {
    const bib = '@report{one,\n  title = {Un},\n  author = {{Observatoire}},\n  year = {2020}\n}\n\n@report{two,\n  title = {Deux},\n  author = {Dupont, Jean}\n  year = {2021}\n}\n\n@string{obs = {Observatoire}}\n@report{three,\n  title = {Trois},\n  author = obs,\n  year = {2022}\n}\n'
    const {model, findings} = await load({'sources.bib': bib, 'chapters/intro.md': '# Intro\n\nUn [@one], deux [@two], trois [@three] sur la :term[sextorsion].\n'})
    expect(model.sources.map((entry) => [entry.value.id, entry.value.author])).toEqual([['one', ['Observatoire']], ['three', ['Observatoire']]])
    expect(findings.filter((finding) => !finding.includes('source-incomplete'))).toEqual([
      'sources.bib:10:3 schema: Cannot parse BibTeX entry `two` here: expected `}`, found a name (is a comma missing at the end of the field before?); the entry is left out',
      'chapters/intro.md:3:18 unknown-source: Unexpected source key `two`: its entry in sources.bib is invalid, see the `schema` finding there'
    ])
  })

  test('a YAML syntax error in one source loses that source only: the others are read, its citations pointed at it', async () => {
    const yaml = `${baseSources}- id: brouillon-2025
  type: report
  title: [Brouillon] note interne
  author: Observatoire
  date: 2025
- id: suivi-2025
  type: report
  title: Suivi
  author: Observatoire
  date: 2025
`
    const {model, findings} = await load({'sources.yaml': yaml, 'chapters/intro.md': '# Intro\n\nUn [@enquete-2024], deux [@brouillon-2025], trois [@suivi-2025] sur la :term[sextorsion].\n'})
    expect(model.sources.map((entry) => entry.value.id)).toEqual(['enquete-2024', 'suivi-2025'])
    expect(findings).toEqual([
      'sources.yaml:8:22 schema: Cannot parse YAML: Unexpected scalar at node end, expected the whole value in quotes when it starts with `[` (`key: "[Brouillon] suite"`, `key: \'"OMS" et al.\'`)',
      'chapters/intro.md:3:27 unknown-source: Unexpected source key `brouillon-2025`: its entry in sources.yaml is invalid, see the `schema` finding there'
    ])
  })

  test('a YAML syntax error in one glossary entry loses that entry only; one between the entries, the whole file', async () => {
    const two = '- id: sextorsion\n  term: sextorsion\n  definition: Chantage à la diffusion d’images intimes.\n- id: grooming\n  term: pédopiégeage\n  definition: "Mise en confiance" d’un enfant.\n'
    const {model, findings} = await load({'glossary.yaml': two})
    expect(model.glossary.map((entry) => entry.value.id)).toEqual(['sextorsion'])
    expect(findings).toEqual([`glossary.yaml:6:35 schema: Cannot parse YAML: Unexpected scalar at node end, expected the whole value in quotes when it starts with \`"\` (\`key: "[Brouillon] suite"\`, \`key: '"OMS" et al.'\`)`, 'chapters/intro.md:3:46 unknown-source: Unexpected source key `doe-2020`, expected a key of the sources registry'])
    // Text at the top level, outside every entry: nothing in the file can be trusted.
    const outside = await load({'glossary.yaml': `${two.split('\n- id: grooming')[0]}\n]\n`})
    expect(outside.model.glossary).toEqual([])
  })

  test('the hint for a colon in a value names its field, with the value in quotes: `title` in sources.yaml, not `definition`', async () => {
    const sources = "- id: ce-2023\n  type: law\n  title: Décision du Conseil d'État 2023 : M. X\n  author: Conseil d'État\n  date: 2023\n"
    const {findings} = await load({'sources.yaml': sources})
    expect(findings[0]).toBe(`sources.yaml:3:10 schema: Cannot parse YAML: Nested mappings are not allowed in compact mappings, expected a value in quotes when it holds a colon and a space (\`title: "Décision du Conseil d'État 2023 : M. X"\`)`)
  })

  test('a glossary whose YAML does not parse: the hint for the colon, and terms pointed at it', async () => {
    const {findings} = await load({'glossary.yaml': '- id: sextorsion\n  term: sextorsion\n  definition: Chantage : à la diffusion d’images intimes.\n'})
    expect(findings).toEqual([
      'glossary.yaml:3:15 schema: Cannot parse YAML: Nested mappings are not allowed in compact mappings, expected a value in quotes when it holds a colon and a space (`definition: "Chantage : à la diffusion d’images intimes."`)',
      'chapters/intro.md:3:46 unknown-source: Unexpected source key `doe-2020`, expected a key of the sources registry',
      'chapters/intro.md:3:74 undefined-term: Unexpected term `sextorsion`: the glossary `glossary.yaml` could not be read, see the `schema` finding there'
    ])
  })
})
