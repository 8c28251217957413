import {afterAll, describe, expect, test} from 'vitest'
import {toHtml} from 'hast-util-to-html'
import {check} from '../../src/api/check.js'
import {renderEdition} from '../../src/render/edition.js'
import {baseProject, removeProject, writeProject} from '../helpers/project.js'
import {ruleFindings} from '../helpers/rule-findings.js'

/**
 * `[texte](#id)`: a link into the report. `check` reports one that names nothing the report holds
 * (`broken-ref`); one it passes leads somewhere in the HTML, in its edition or the other one.
 */
const brokenRefs = ruleFindings('broken-ref')
const duplicates = ruleFindings('duplicate-id')

const twoEditions = baseProject['rapporteur.yaml']!.replace(
  'full: {title: Rapport, files: [chapters/intro.md], output: rapport}',
  'full: {title: Rapport, files: [chapters/intro.md, chapters/suite.md], output: rapport}\n  synthesis: {title: Synthèse, files: [synthese.md], output: synthese}'
)

/** Every kind of target a link may name, and links to each, from both editions. */
const project = {
  'rapporteur.yaml': twoEditions,
  'chapters/intro.md': [
    '# Introduction',
    '',
    '## Méthode',
    '',
    'Un constat [@enquete-2024] sur la :term[sextorsion], [mis en avant]{#souligne}.',
    '',
    '::: {#encadre}',
    'Un encadré.',
    ':::',
    '',
    '::: {.callout-note #a-retenir}',
    'À retenir.',
    ':::',
    '',
    '![Carte des signalements](carte.svg){#fig-carte}',
    '',
    '`code`{#extrait} et [un lien](https://example.org){#lien}.',
    '',
    ':::recommendation{#rec-a axis=prevention}',
    '### Agir',
    'Texte.',
    ':::',
    ''
  ].join('\n'),
  'chapters/carte.svg': '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 2"></svg>\n',
  'chapters/suite.md': [
    '# Suite',
    '',
    'Voir [la méthode](#méthode), [le même](#m%C3%A9thode), [le passage](#souligne), [l’encadré](#encadre),',
    '[la remarque](#a-retenir), [la carte](#fig-carte), [l’extrait](#extrait), [le lien](#lien),',
    '[la recommandation](#rec-a), [l’introduction](#intro), [la source](#source-enquete-2024),',
    '[le terme](#term-sextorsion), [le haut](#top) et [la définition][d].',
    '',
    '::glossary',
    '',
    '[d]: #term-sextorsion',
    ''
  ].join('\n'),
  'synthese.md': '# Synthèse\n\nVoir [la méthode](#méthode) du rapport et [l’encadré][e] [@enquete-2024].\n\n[e]: #encadre\n'
}

const made: string[] = []
afterAll(async () => Promise.all(made.map((dir) => removeProject(dir))))

describe('links into the report', () => {
  test('a link to an id nothing has is reported at the link, with the closest id', async () => {
    expect(await brokenRefs({'chapters/intro.md': '# Introduction\n\n## Méthode\n\nUn constat [@enquete-2024] sur la :term[sextorsion] : voir [la méthode](#methode).\n\n[Plus loin][l].\n\n[l]: #conclusion\n'})).toEqual([
      'chapters/intro.md:5:60 Unexpected link to `#methode`, expected the id of a chapter, a section, a figure, a table, a recommendation, a stat or an element given `{#id}`: nothing in the report has this id, did you mean `méthode`?',
      'chapters/intro.md:7:1 Unexpected link to `#conclusion`, expected the id of a chapter, a section, a figure, a table, a recommendation, a stat or an element given `{#id}`: nothing in the report has this id'
    ])
  })

  test('every kind of target is accepted, in the edition or the other one', async () => {
    expect(await brokenRefs(project)).toEqual([])
  })

  test('a glossary entry is a target only where `::glossary` prints it', async () => {
    const findings = await brokenRefs({'chapters/intro.md': '# Introduction\n\nUn constat [@enquete-2024] sur la :term[sextorsion] ([définition](#term-sextorsion)).\n'})
    expect(findings).toHaveLength(1)
    expect(findings[0]).toContain('`#term-sextorsion`')
  })

  test('raw HTML: a link to a missing id is reported, an element’s id is a target (check.html: true)', async () => {
    const config = baseProject['rapporteur.yaml'] + 'check: {html: true}\n'
    expect(await brokenRefs({'rapporteur.yaml': config, 'chapters/intro.md': '# Introduction\n\n<div id="encadre">Un constat [@enquete-2024] sur la :term[sextorsion].</div>\n\nVoir <a href="#encadre">l’encadré</a> et <a href="#ailleurs">ailleurs</a>.\n'})).toEqual([
      'chapters/intro.md:5:42 Unexpected link to `#ailleurs`, expected the id of a chapter, a section, a figure, a table, a recommendation, a stat or an element given `{#id}`: nothing in the report has this id'
    ])
  })

  test('two elements given one id are reported, whatever they are', async () => {
    expect(await duplicates({'chapters/intro.md': '# Introduction\n\nUn [constat]{#a} [@enquete-2024] sur la :term[sextorsion].\n\n::: {#a}\nTexte.\n:::\n'})).toEqual([
      'chapters/intro.md:5:1 Unexpected duplicate id `a`, expected a unique one (first defined at chapters/intro.md:3:4)'
    ])
  })

  test('each link leads to an element of that id: here, or on the other edition’s page on the web; text alone in the other edition’s print', async () => {
    const dir = await writeProject(project)
    made.push(dir)
    const result = await check(dir)
    expect(result.ok && result.files.flatMap((file) => file.messages).filter((message) => message.fatal === true)).toEqual([])
    if (!result.ok) return
    const pageOf = {full: 'rapport.html', synthesis: 'synthese.html'}
    const html = async (edition: 'full' | 'synthesis', mode: 'web' | 'print') => (await renderEdition(result.model, edition, {mode, pageOf})).main.map((node) => toHtml(node)).join('\n')
    const full = await html('full', 'web')
    const ids = new Set([...full.matchAll(/ id="([^"]+)"/gu)].map((match) => match[1]))
    const links = [...full.matchAll(/<a href="#([^"]*)"/gu)].map((match) => decodeURIComponent(match[1]!)).filter((id) => id !== 'top' && !id.startsWith('note'))
    expect(links.length).toBeGreaterThanOrEqual(12)
    for (const id of links) expect(ids, `#${id}`).toContain(id)

    const web = await html('synthesis', 'web')
    expect(web).toContain('<a href="rapport.html#m%C3%A9thode">la méthode</a>')
    expect(web).toContain('<a href="rapport.html#encadre">l’encadré</a>')
    const print = await html('synthesis', 'print')
    expect(print).toContain('<span>la méthode</span>')
    expect(print).not.toMatch(/href="[^"]*(méthode|encadre)/u)
  })
})

describe('a Quarto section reference to a heading without its id', () => {
  const refFindings = ruleFindings('broken-ref')
  test('says what the heading’s id is, and the two ways to reach it', async () => {
    expect(await refFindings({'chapters/intro.md': '## Qui sont-ils\n\n## Santé\n\nVoir la @sec-qui-sont-ils et la @sec-sante. [@enquete-2024] :term[sextorsion]\n'})).toEqual([
      'chapters/intro.md:5:9 Unexpected reference `@sec-qui-sont-ils`, expected the id of a section: the heading “Qui sont-ils” has the id `qui-sont-ils`, which `@` cannot name; give the heading `{#sec-qui-sont-ils}` (`## Qui sont-ils {#sec-qui-sont-ils}`), or write `:ref[#qui-sont-ils]`',
      'chapters/intro.md:5:33 Unexpected reference `@sec-sante`, expected the id of a section: the heading “Santé” has the id `santé`, which `@` cannot name; give the heading `{#sec-sante}` (`## Santé {#sec-sante}`), or write `:ref[#santé]`'
    ])
  })
})
