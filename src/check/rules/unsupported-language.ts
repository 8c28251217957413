import {defineRule} from '../rule.js'
import {parseYaml, positionOfPath} from '../../parse/yaml.js'
import {primaryLanguage} from '../../render/typography/hast.js'
import {hasQuotationMarks} from '../../render/typography/quotation-marks.js'

/** The languages rapporteur writes its words in, hyphenates, and tuned its figure detector for. */
export const supportedLanguages: readonly string[] = ['fr', 'en']

const config = (lang: string) => `title: Beispiel\norganisation: Stiftung Beispiel\nlang: ${lang}\ndate: 2026-01\naxes:\n  - {id: prevention, label: Prävention}\neditions:\n  full: {title: Bericht, files: [chapters/intro.md], output: bericht}\n`

export const unsupportedLanguage = defineRule({
  id: 'unsupported-language',
  severity: 'warning',
  summary: 'A report in a language rapporteur does not know gets part of its output in English.',
  docs: `rapporteur knows French (\`fr\`) and English (\`en\`, with its regions: \`en-GB\`, \`en-US\`…). A
report in any other language (\`lang: de\`, \`es\`, \`it\`…) is checked and built, but part of what
rapporteur does itself is not in that language:

- the words it writes are English: "Contents", "Notes", "Table 1", "Recommendation 1", "Source:",
  "Skip to content", the callouts' titles;
- straight quotes become the language's own quotation marks in German, Spanish, Italian, Dutch,
  Portuguese, Polish, Swedish, Danish, Norwegian, Finnish, Czech and some twenty languages in all
  (\`„…“\` in German), English ones (“…” and ‘…’) in the others;
- words are not hyphenated;
- the figure detector's words (units, scale words, dates) are French and English: figures may be
  missed or flagged wrongly. Numbers are read as the language writes them (\`17.500\` is 17 500 in
  German), and the abbreviations of German, Spanish, Italian, Portuguese and Dutch end no sentence
  (\`1,5 Mrd. Euro\`, \`z. B.\`, \`p. ej.\`).

Citations and the bibliography are in the report's language (citeproc-js knows most languages).
The warning is at \`lang\` in rapporteur.yaml. Labels cannot be set in rapporteur.yaml yet; a
theme's templates may print their own words instead of \`{{labels.toc}}\` and the like (see the
designers' guide), but the words inside the text (notes, tables, recommendations) stay English.
Type the quotes you want (\`„…“\`, \`«…»\`): typed curly quotes are kept. Switch the rule off
(\`check.rules: {unsupported-language: off}\`) once you have accepted this.`,
  examples: {
    ok: [{'rapporteur.yaml': config('en-GB'), 'chapters/intro.md': 'A finding [@enquete-2024] on :term[sextorsion].\n'}],
    notOk: [{'rapporteur.yaml': config('de'), 'chapters/intro.md': 'Ein Befund [@enquete-2024] zur :term[sextorsion].\n'}]
  },
  check({model, report}) {
    const {lang} = model.config
    if (supportedLanguages.includes(primaryLanguage(lang))) return
    const configFile = model.files.get(model.configFile)
    const position = configFile ? positionOfPath(parseYaml(configFile), ['lang']) : {start: {line: 1, column: 1}, end: {line: 1, column: 1}}
    report(
      {file: model.configFile, position},
      `Unexpected \`lang: ${lang}\`, expected a language rapporteur knows (${supportedLanguages.map((each) => `\`${each}\``).join(', ')}): in \`${lang}\` it writes its own words in English (Contents, Notes, Table 1, Recommendation 1, Source:), ${hasQuotationMarks(lang) ? '' : 'makes straight quotes English “…”, '}does not hyphenate, and detects figures with French and English words; labels cannot be set in rapporteur.yaml yet (a theme's templates can print their own words), ${hasQuotationMarks(lang) ? '' : 'type the quotes you want, '}and switch this rule off once accepted`
    )
  }
})
