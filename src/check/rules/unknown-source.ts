import {defineRule} from '../rule.js'
import {quartoReference} from '../unsupported/syntaxes.js'
import {didYouMean} from '../../diagnostics/suggest.js'

/** `@fig:carte`, `@sec:methode`: pandoc-crossref's prefixes, with a colon where Quarto has a hyphen. */
const pandocCrossref = /^(fig|tbl|sec|eq|lst):(.+)$/u
const targetWords: Record<string, string> = {fig: 'image', tbl: 'table caption', sec: 'heading', eq: 'equation', lst: 'code block'}

export const unknownSource = defineRule({
  id: 'unknown-source',
  severity: 'error',
  summary: 'Every citation key and `stat` source must exist in the sources registry.',
  docs: `A citation \`[@key]\` or a \`stat\`'s \`source=key\` that the registry does not hold would print
as a broken reference. Add the source to \`sources.yaml\`, or fix the key (the message suggests the
closest one). When a registry could not be read at all (\`sources: ../sources.yaml\`, outside the
report folder; a link to a file outside it; a file not found) or did not parse, its keys are unknown:
each citation of one says so and names the \`schema\` finding, at its line and column, that says
why. Fix that one (move the registry into the report folder) and these go with it.

An \`@\` followed by a word in the prose is an in-text citation (\`@doe-2020 says\`, as in Pandoc), so a
social-media handle or an \`@\` meant as text is reported too when no source has that key. Write
it with a backslash: \`\\@ONG_Exemple\` prints \`@ONG_Exemple\`. E-mail addresses need nothing:
an \`@\` right after a letter or digit is not a citation. pandoc-crossref's cross-references
(\`@fig:carte\`, \`@sec:methode\`) are reported with Quarto's form to write, which rapporteur reads
(\`@fig-carte\` and \`{#fig-carte}\`).`,
  examples: {
    ok: [
      {'chapters/intro.md': 'Un constat [@enquete-2024] sur la :term[sextorsion].\n'},
      {'chapters/intro.md': 'Selon @enquete-2024 [p. 3], la :term[sextorsion] progresse. Écrire à contact@exemple.org ou suivre \\@FondationExemple.\n'}
    ],
    notOk: [
      {'chapters/intro.md': 'Un constat [@enquete-2042] sur la :term[sextorsion]. [@enquete-2024]\n'},
      {'chapters/intro.md': 'Suivez @FondationExemple sur les réseaux. [@enquete-2024] :term[sextorsion]\n'},
      {'chapters/intro.md': 'Comme le montre @enquete-2042, la :term[sextorsion] progresse. [@enquete-2024]\n'},
      {'chapters/intro.md': ':::stat{#stat-a value="12 %" source=enqute-2024}\ndes répondants.\n:::\n\n[@enquete-2024] :term[sextorsion]\n'},
      {'chapters/intro.md': '## Méthode {#sec-methode}\n\nVoir la @sec:methode. [@enquete-2024] :term[sextorsion]\n'}
    ]
  },
  check({model, report}) {
    const known = new Set(model.sources.map((entry) => entry.value.id))
    const rejected = new Map(model.rejectedSources.map(({id, file}) => [id, file]))
    // A key whose entry exists but is invalid gets its own message: the fix is in the registry.
    const unread = model.unparsedFiles.filter((file) => model.sourcesFiles.includes(file))
    // A registry named and not read at all (outside the folder, a link out of it, not found): its
    // keys are unknown, and the finding to read is the one at its place in rapporteur.yaml.
    const notRead = model.unreadRegistries.map((registry) => `\`${registry.name}\``)
    const notReadAt = model.unreadRegistries.map((registry) => `${registry.file}:${registry.position.start.line}:${registry.position.start.column}`)
    const cause = (key: string) => (unread.length > 0 || notRead.length > 0) && !didYouMean(key, known)
    const why = (key: string) =>
      rejected.has(key)
        ? `: its entry in ${rejected.get(key)} is invalid, see the \`schema\` finding there`
        : cause(key) && notRead.length > 0
          ? `: the sources registry ${notRead.join(', ')} could not be read, so none of its keys is known, see the \`schema\` finding at ${notReadAt.join(', ')}`
          : cause(key)
            ? `: the sources registry ${unread.map((file) => `\`${file}\``).join(', ')} could not be read, see the \`schema\` finding there`
            : `, expected a key of the sources registry${didYouMean(key, known)}`
    // The finding that says why a registry was not read, as a second place (the first one's, when several).
    const firstUnread = model.unreadRegistries[0]
    const related = (key: string) => (firstUnread && !rejected.has(key) && cause(key) ? {related: {file: firstUnread.file, place: firstUnread.position, message: `the sources registry \`${firstUnread.name}\` could not be read`}} : undefined)
    for (const citation of model.citations) {
      if (known.has(citation.key)) continue
      // `@fig-x`, `@tbl-x`: a Quarto cross-reference, which `unsupported-syntax` explains.
      if (quartoReference.test(citation.key)) continue
      // `@fig:carte`: pandoc-crossref's form of what rapporteur reads the Quarto way.
      const crossref = pandocCrossref.exec(citation.key)
      if (crossref) {
        const quarto = `${crossref[1]}-${crossref[2]}`
        report(citation, `Unexpected source key \`${citation.key}\`: \`@${citation.key}\` is pandoc-crossref's cross-reference, expected Quarto's, which rapporteur numbers: \`@${quarto}\`, with \`{#${quarto}}\` on the ${targetWords[crossref[1]!]}`)
        continue
      }
      // `@word` in the prose is an in-text citation, but often a handle or an `@` meant as text:
      // without a close key to suggest, say how to write those.
      if (citation.mode === 'in-text' && !rejected.has(citation.key) && !cause(citation.key) && !didYouMean(citation.key, known)) {
        report(citation, `Unexpected source key \`${citation.key}\` in the in-text citation \`@${citation.key}\`: no source has this key. For a social-media handle or an \`@\` meant as text, write \`\\@${citation.key}\``)
        continue
      }
      report(citation, `Unexpected source key \`${citation.key}\`${why(citation.key)}`, related(citation.key))
    }
    for (const stat of model.stats) {
      if (!known.has(stat.source)) {
        report({file: stat.file, position: stat.attributePositions.source ?? stat.position}, `Unexpected source \`${stat.source}\` in stat \`${stat.id}\`${why(stat.source)}`, related(stat.source))
      }
    }
  }
})
