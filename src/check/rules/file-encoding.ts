import {positionFromOffsets} from '../../diagnostics/location.js'
import {defineRule} from '../rule.js'

const names = {'utf-16le': 'UTF-16', 'utf-16be': 'UTF-16', 'windows-1252': 'Windows-1252'} as const

export const fileEncoding = defineRule({
  id: 'file-encoding',
  severity: 'warning',
  summary: "The project's text files are UTF-8: a file saved in another encoding is read as written, and said so.",
  docs: `Markdown, YAML, BibTeX and CSL are UTF-8 for every tool that reads them (Git, Pandoc, editors, the
web). A file saved otherwise, by Word's *Text only* (Windows-1252, where \`é\` is one byte) or by Notepad's
*Unicode* (UTF-16), would print every accented letter as \`�\` if it were read as UTF-8. rapporteur reads
it in the encoding it was saved in (UTF-16 by its byte order mark; Windows-1252 when no byte of it forms
UTF-8), so the report comes out right, and reports it at its first letter that is not ASCII: save it as
UTF-8 (in most editors, *Save with encoding* or *Reopen with encoding*, then save). A file that mixes the
two (UTF-8 with a few bytes that are not) cannot be read either way: the bytes that are not UTF-8 print as
\`�\`, and the first is reported with how many there are; retype those letters.`,
  examples: {
    ok: [{'chapters/intro.md': 'La :term[sextorsion] progresse [@enquete-2024] : « été », œuvre, 12 €.\n'}],
    notOk: [
      {'chapters/intro.md': {encoding: 'windows-1252', text: 'La :term[sextorsion] progresse [@enquete-2024] depuis l’été 2024.\n'.replace('’', "'")}},
      {'glossary.yaml': {encoding: 'utf-16le', text: '- id: sextorsion\n  term: sextorsion\n  definition: Chantage à la diffusion d’images intimes.\n'}}
    ]
  },
  check({model, report}) {
    for (const file of model.files.values()) {
      const encoding = file.data.encoding
      if (!encoding) continue
      const text = String(file.value)
      if (encoding.invalid) {
        const {offset, count} = encoding.invalid
        report({file: file.path, position: positionFromOffsets(file, offset, offset + 1)}, `Unexpected bytes that are not UTF-8 (${count === 1 ? 'here' : `${count} places, the first here`}), expected UTF-8 throughout: the file mixes two encodings, and ${count === 1 ? 'this letter prints' : 'these letters print'} as \`�\` (retype ${count === 1 ? 'it' : 'them'}, then save the file as UTF-8)`)
        continue
      }
      if (encoding.name === 'utf-8') continue
      const first = text.search(/[^\u0000-\u007F\uFEFF]/u)
      const at = first === -1 ? 0 : first
      const letter = first === -1 ? '' : ` (\`${text[first]}\` here)`
      report({file: file.path, position: positionFromOffsets(file, at, at + (first === -1 ? 0 : 1))}, `Unexpected ${names[encoding.name]}${encoding.name === 'windows-1252' ? ' (Latin-1)' : ''} text${letter}, expected UTF-8: it was read as ${names[encoding.name]}, but Git, Pandoc and most tools read UTF-8: save the file as UTF-8`)
    }
  }
})
