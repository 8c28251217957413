import {defineRule} from '../rule.js'

export const unreadField = defineRule({
  id: 'unread-field',
  severity: 'warning',
  summary: 'Fields of a CSL-JSON or BibTeX registry that no style prints, and LaTeX commands no decoder reads, are reported, once per name.',
  docs: `rapporteur keeps every source whole, as CSL-JSON, and formats it with a CSL style. A field that
is not a CSL variable (in \`sources.json\` or Pandoc's CSL YAML), or that citation-js does not map to one
(in \`sources.bib\`, a BibTeX field; in \`sources.ris\`, a RIS tag), cannot be printed by any style, so a
reference may lack what the writer thought it held: rename the field to its CSL or BibLaTeX name
(\`journaltitle\`, \`urldate\`, \`institution\`…) or the tag to its RIS one, or drop it. Each field name is
reported once, at its first place, with the number of entries that hold it. An unknown BibTeX entry type
or RIS type is reported the same way, with the CSL type it is read as. The file a reference manager
attached (BibTeX's \`file\`, RIS's \`L1\`) is not read: archived copies are given as \`file:\` in
\`sources.yaml\`. A LaTeX command in a BibTeX value that rapporteur does not decode (\`\\foo{x}\`, a
macro of the writer's own preamble) would be printed as written: it is reported at its place, once
per command, so that the character or text it stands for can be written instead.`,
  examples: {
    ok: [{'sources.json': '[{"id": "enquete-2024", "type": "report", "title": "Enquête", "author": [{"literal": "Observatoire"}], "issued": {"date-parts": [[2024]]}}]\n'}],
    notOk: [
      {'sources.json': '[{"id": "enquete-2024", "type": "report", "title": "Enquête", "author": [{"literal": "Observatoire"}], "issued": {"date-parts": [[2024]]}, "journal": "Revue"}]\n'},
      {'sources.bib': '@report{enquete-2024,\n  title = {Enquête},\n  author = {{Observatoire}},\n  year = {2024},\n  file = {/home/me/Zotero/enquete.pdf}\n}\n'},
      {'sources.ris': 'TY  - RPRT\nID  - enquete-2024\nTI  - Enquête\nAU  - Observatoire\nPY  - 2024\nZZ  - Classée\nER  - \n'},
      {'sources.bib': '@report{enquete-2024,\n  title = {Enquête \\citeorg{ONPE}},\n  author = {{Observatoire}},\n  year = {2024}\n}\n'}
    ]
  },
  check({model, report}) {
    for (const finding of model.unreadFields) report(finding, finding.message)
  }
})
