import {normalProjectPath} from '../../model/project-path.js'
import {defineRule} from '../rule.js'

export const unreadFile = defineRule({
  id: 'unread-file',
  severity: 'warning',
  summary: 'Every file of the report folder that looks like its input is read: no chapter, registry, glossary or CSL style is left out without a word.',
  docs: `rapporteur reads the files \`rapporteur.yaml\` names: the Markdown of each edition's \`files\`,
one sources registry (\`sources:\`, else the first of \`sources.yaml\`, \`sources.yml\`, \`sources.json\`,
\`sources.bib\`), one glossary (\`glossary:\`, default \`glossary.yaml\`) and the CSL style of
\`citations: {csl: …}\`. A file beside them that looks like one of these but is not named would be left
out of the report: a chapter added to \`chapters/\` but not to an edition, a Zotero export
\`library.bib\` next to \`sources.yaml\`, a \`glossary.yml\`, a \`citations.csl\` dropped in the folder as
Pandoc would read it. \`check\` reports each at its first line, with the setting that would read it.

Looked at: Markdown (\`.md\`, \`.markdown\`, \`.qmd\`, \`.Rmd\`) in every folder of the report
(\`chapters/case-studies/x.md\` too), but for the build's \`dist\`, \`node_modules\`, a folder whose name
starts with \`_\` or \`.\` (\`.git\`, \`.github\`) and a folder that holds a report of its own (its
\`rapporteur.yaml\`); and in the report folder and the folders of the files it reads, \`sources.*\` and
\`.bib\`, \`glossary.yaml\`/\`.yml\`, \`.csl\`, and a \`rapporteur.yml\`. A repository's own files (\`README.md\`, \`LICENSE.md\`, \`CHANGELOG.md\`,
\`CONTRIBUTING.md\`…) are not reported, nor a source's archived copy (its \`file:\`), nor a name that starts with \`_\` or \`.\`: name a draft
or a note to yourself \`_brouillon.md\` to keep it out on purpose, as Quarto does. Or turn the rule off
in \`check.rules\`.`,
  examples: {
    ok: [
      {'chapters/intro.md': 'Un constat [@enquete-2024] sur la :term[sextorsion].\n', 'README.md': '# Le rapport\n', 'chapters/_brouillon.md': 'Des notes.\n'},
      // A source's archived copy (`file:`) is read, Markdown or not.
      {'sources.yaml': '- id: enquete-2024\n  type: survey\n  title: Enquête nationale\n  author: Observatoire\n  date: 2024\n  file: ./enquete-2024.md\n', 'enquete-2024.md': '# Enquête nationale\n\nLe texte de l’enquête.\n'}
    ],
    notOk: [
      {
        'rapporteur.yaml': 'title: Exemple\norganisation: Fondation Exemple\nlang: fr\ndate: 2026-01\naxes:\n  - {id: prevention, label: Prévention}\neditions:\n  full: {title: Rapport, files: [chapters/intro.md], output: rapport}\n',
        'chapters/annexe.md': '# Annexe\n'
      },
      // A chapter in a folder of its own that no edition reads from.
      {
        'rapporteur.yaml': 'title: Exemple\norganisation: Fondation Exemple\nlang: fr\ndate: 2026-01\naxes:\n  - {id: prevention, label: Prévention}\neditions:\n  full: {title: Rapport, files: [chapters/intro.md], output: rapport}\n',
        'chapters/etudes-de-cas/lyon.md': '# Lyon\n'
      },
      {'sources.bib': '@report{enquete-2024,\n  title = {Enquête nationale},\n  author = {{Observatoire}},\n  year = {2024}\n}\n', 'sources.yaml': '- id: enquete-2024\n  type: survey\n  title: Enquête nationale\n  author: Observatoire\n  date: 2024\n'},
      {'citations.csl': '<?xml version="1.0" encoding="utf-8"?>\n<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0"/>\n'}
    ]
  },
  check({model, report}) {
    // An archived copy (`file:` of a source, which may be Markdown) is read by the figure checks.
    const archived = new Set(model.sources.flatMap((entry) => (entry.value.file ? [normalProjectPath(entry.value.file)] : [])))
    for (const file of model.unreadFiles) if (!archived.has(file.file)) report(file, file.message)
  }
})
