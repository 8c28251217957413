import {describe, expect, test} from 'vitest'
import {check} from '../../src/api/check.js'
import {resolveMergeConflicts} from '../../src/load/merge-conflicts.js'
import {ruleFindings} from '../helpers/rule-findings.js'
import {removeProject, writeProject} from '../helpers/project.js'

const findings = ruleFindings('merge-conflict', {length: 60})

describe('resolveMergeConflicts', () => {
  test('a conflict is read as its first side, markers and the other side blanked, every line kept', () => {
    const {text, conflicts} = resolveMergeConflicts('a\n<<<<<<< HEAD\nours\n=======\ntheirs\nmore\n>>>>>>> amira-edit\nb\n')
    expect(text).toBe('a\n\nours\n\n\n\n\nb\n')
    expect(conflicts).toEqual([{marker: '<<<<<<< HEAD', offset: 2, ours: 'HEAD', theirs: 'amira-edit', oursLines: 1, theirsLines: 2}])
  })

  test("diff3's common ancestor is blanked with the second side; CRLF line endings are kept", () => {
    const {text, conflicts} = resolveMergeConflicts('<<<<<<< HEAD\r\nours\r\n||||||| 1a2b3c4\r\nbase\r\n=======\r\ntheirs\r\n>>>>>>> b\r\nafter\r\n')
    expect(text).toBe('\r\nours\r\n\r\n\r\n\r\n\r\n\r\nafter\r\n')
    expect(conflicts.map((conflict) => [conflict.ours, conflict.theirs, conflict.oursLines])).toEqual([['HEAD', 'b', 1]])
  })

  test('several conflicts, and longer markers of a conflict within a conflict, each placed in the text as read', () => {
    const {text, conflicts} = resolveMergeConflicts('x\n<<<<<<<<< HEAD\none\n=========\ntwo\n>>>>>>>>> b\ny\n<<<<<<< HEAD\nthree\n=======\nfour\n>>>>>>> c\n')
    expect(text).toBe('x\n\none\n\n\n\ny\n\nthree\n\n\n\n')
    expect(conflicts.map((conflict) => [conflict.offset, text.slice(conflict.offset + 1, conflict.offset + 6)])).toEqual([[2, 'one\n\n'], [12, 'three']])
  })

  test("Markdown's `=======` under a heading is no marker; a marker left alone is one, its line blanked", () => {
    expect(resolveMergeConflicts('Title\n=======\n\nText\n')).toEqual({text: 'Title\n=======\n\nText\n', conflicts: []})
    const {text, conflicts} = resolveMergeConflicts('ours\n>>>>>>> amira-edit\nafter\n')
    expect(text).toBe('ours\n\nafter\n')
    expect(conflicts).toMatchObject([{marker: '>>>>>>> amira-edit', stray: true}])
  })
})

describe('merge-conflict', () => {
  const conflict = (ours: string, theirs: string) => `<<<<<<< HEAD\n${ours}=======\n${theirs}>>>>>>> amira-edit\n`

  test('in a chapter: one finding at `<<<<<<<`, the first side printed, no heading made of `=======`', async () => {
    const dir = await writeProject({'chapters/intro.md': `# Introduction\n\nUn constat [@enquete-2024] sur la :term[sextorsion].\n${conflict('Notre version.\n', 'Leur version.\n')}`})
    try {
      const result = await check(dir)
      expect(result.ok).toBe(true)
      if (!result.ok) return
      const messages = result.files.flatMap((file) => file.messages.map((message) => `${file.path}:${message.line}:${message.column} ${message.ruleId} ${message.reason.slice(0, 70)}`))
      expect(messages).toEqual(['chapters/intro.md:4:1 merge-conflict Unexpected merge conflict between `HEAD` (1 line) and `amira-edit` (1 '])
      const chapter = result.model.documents[0]!
      expect(JSON.stringify(chapter.tree)).toContain('Notre version.')
      expect(JSON.stringify(chapter.tree)).not.toContain('Leur version.')
      expect(JSON.stringify(chapter.tree)).not.toContain('blockquote')
      expect(chapter.tree.children.filter((node) => node.type === 'heading')).toHaveLength(1)
    } finally {
      await removeProject(dir)
    }
  })

  test('in every registry format and the glossary: one finding each, and no schema error, unknown source or undefined term after it', async () => {
    const projects: Array<Record<string, string>> = [
      {'sources.yaml': `- id: enquete-2024\n  type: survey\n${conflict('  title: Enquête nationale\n', '  title: Enquête\n  publisher: X\n')}  author: Observatoire\n  date: 2024\n`},
      {'sources.json': `[\n  {\n    "id": "enquete-2024",\n    "type": "report",\n${conflict('    "title": "Enquête nationale",\n', '    "title": "Enquête",\n')}    "issued": {"date-parts": [[2024]]}\n  }\n]\n`},
      {'sources.bib': `@report{enquete-2024,\n${conflict('  title = {Enquête nationale},\n', '  title = {Enquête},\n')}  author = {{Observatoire}},\n  year = {2024}\n}\n`},
      {'sources.ris': `TY  - RPRT\nID  - enquete-2024\n${conflict('TI  - Enquête nationale\n', 'TI  - Enquête\n')}AU  - Observatoire\nPY  - 2024\nER  - \n`},
      {'glossary.yaml': `- id: sextorsion\n${conflict('  term: sextorsion\n', '  term: la sextorsion\n')}  definition: Chantage.\n`}
    ]
    for (const files of projects) {
      const dir = await writeProject(files)
      try {
        const result = await check(dir)
        const name = Object.keys(files)[0]!
        const cascade = new Set(['merge-conflict', 'schema', 'unknown-source', 'undefined-term', 'unused-source', 'unused-term'])
        const messages = result.files.flatMap((file) => file.messages.filter((message) => cascade.has(message.ruleId ?? '')).map((message) => `${file.path}:${message.line}:${message.column} ${message.ruleId}`))
        expect(messages, name).toEqual([`${name}:${name === 'sources.json' ? 5 : name === 'sources.ris' ? 3 : 2 + Number(name === 'sources.yaml')}:1 merge-conflict`])
      } finally {
        await removeProject(dir)
      }
    }
  })

  test("in rapporteur.yaml: the first side is read; a config that stops even so says the conflict, not a YAML hint", async () => {
    expect(await findings({'rapporteur.yaml': 'title: Exemple\norganisation: Fondation\n<<<<<<< HEAD\nlang: fr\n=======\nlang: fr-BE\n>>>>>>> amira-edit\ndate: 2026-01\naxes: [{id: prevention, label: Prévention}]\neditions:\n  full: {title: Rapport, files: [chapters/intro.md], output: rapport}\n'})).toEqual([
      'rapporteur.yaml:3:1 Unexpected merge conflict between `HEAD` (1 line) and `amira'
    ])
    // The first side leaves out a required key: the config stops (exit 2), with the conflict said.
    const dir = await writeProject({'rapporteur.yaml': 'title: Exemple\norganisation: Fondation\n<<<<<<< HEAD\n=======\nlang: fr\ndate: 2026-01\n>>>>>>> amira-edit\naxes: [{id: prevention, label: Prévention}]\neditions:\n  full: {title: Rapport, files: [chapters/intro.md], output: rapport}\n'})
    try {
      const result = await check(dir)
      expect(result.ok).toBe(false)
      const messages = result.files.flatMap((file) => file.messages.map((message) => `${message.line}:${message.column} ${message.ruleId} ${message.reason.slice(0, 40)}`))
      expect(messages).toContain('3:1 merge-conflict Unexpected merge conflict between `HEAD`')
      expect(messages.join('\n')).not.toMatch(/quotes|Cannot parse YAML/u)
    } finally {
      await removeProject(dir)
    }
  })

  test('a marker left alone after a conflict resolved by half is reported and read as an empty line', async () => {
    expect(await findings({'chapters/intro.md': '# Introduction\n\nUn constat [@enquete-2024].\n>>>>>>> amira-edit\n'})).toEqual(['chapters/intro.md:4:1 Unexpected merge-conflict marker `>>>>>>> amira-edit` with n'])
  })
})
