import {positionFromOffsets} from '../../diagnostics/location.js'
import {mergeConflictMessage} from '../../load/merge-conflicts.js'
import {defineRule} from '../rule.js'

const config = 'title: Exemple\norganisation: Fondation Exemple\nlang: fr\ndate: 2026-01\naxes:\n  - {id: prevention, label: Prévention}\neditions:\n  full: {title: Rapport, files: [chapters/intro.md], output: rapport}\n'

export const mergeConflict = defineRule({
  id: 'merge-conflict',
  severity: 'error',
  summary: "No Git merge conflict is left in the report's files: its markers and both versions would be published.",
  docs: `When Git cannot merge two versions of the same lines (two authors edited the same paragraph,
the same source), it writes both in the file between markers and leaves the choice to you:

\`\`\`text
<<<<<<< HEAD
La sextorsion progresse de 12 % [@enquete-2024].
=======
La sextorsion progresse de 15 % [@enquete-2025].
>>>>>>> amira-edit
\`\`\`

(with \`merge.conflictStyle diff3\`, a \`||||||| base\` line and the common ancestor come before
\`=======\`). Read as written, a chapter would print both versions, \`>>>>>>>\` as a quotation seven
levels deep and \`=======\` as a heading of the line above it; a conflict in \`sources.yaml\`, the
glossary, a CSL JSON, BibTeX or RIS file would stop it from being read at all, and every citation of
it would be unknown. So each file rapporteur reads (chapters, the synthesis, \`rapporteur.yaml\`, the
sources registries, the glossary, the CSL style) is read as the **first side** of each conflict (the
lines between \`<<<<<<<\` and \`=======\`, your own branch's in a merge), the markers and the other
side blanked to empty lines so that every other finding keeps its line and column, and each conflict
is reported once, at its \`<<<<<<<\` line, with the names of both sides. The error stops \`build\`
until you resolve the conflict: keep the right version (or write one from both), delete the other
and the marker lines, then \`git add\` the file. A marker left alone, \`<<<<<<<\`, \`|||||||\` or
\`>>>>>>>\` with no conflict around it (one resolved by half), is reported too, and read as an
empty line. A line of \`=======\` alone is Markdown's underline of a heading, and no marker.`,
  examples: {
    ok: [{'chapters/intro.md': 'Un constat [@enquete-2024] sur la :term[sextorsion].\n\nUn titre souligné\n=======\n\nSon texte.\n'}],
    notOk: [
      {'chapters/intro.md': 'Un constat [@enquete-2024] sur la :term[sextorsion].\n\n<<<<<<< HEAD\nElle progresse chaque année.\n=======\nElle progresse depuis 2020.\n>>>>>>> amira-edit\n'},
      {'sources.yaml': '- id: enquete-2024\n  type: survey\n<<<<<<< HEAD\n  title: Enquête nationale\n||||||| 1a2b3c4\n  title: Enquête\n=======\n  title: Enquête nationale sur la sextorsion\n>>>>>>> amira-edit\n  author: Observatoire\n  date: 2024\n'},
      {'rapporteur.yaml': config.replace('lang: fr\n', '<<<<<<< HEAD\nlang: fr\n=======\nlang: fr-BE\n>>>>>>> amira-edit\n')}
    ]
  },
  check({model, report}) {
    for (const file of model.files.values()) {
      for (const conflict of file.data.mergeConflicts ?? []) report({file: file.path, position: positionFromOffsets(file, conflict.offset, conflict.offset)}, mergeConflictMessage(conflict))
    }
  }
})
