import {metaKeys, shortcodeParts} from '../../model/shortcodes.js'

/**
 * What `unsupported-syntax` says of a Quarto shortcode rapporteur does not run, by its name:
 * each with what to write instead. `{{< meta title >}}` for a key rapporteur.yaml has is printed
 * (model/shortcodes.ts) and not reported.
 */
export function shortcodeMessage(written: string): string {
  const {name, args} = shortcodeParts(written)
  const start = `Unexpected Quarto shortcode \`${written}\``
  switch (name) {
    case 'include':
      return `${start}, expected plain Markdown (list an included file in \`editions.<name>.files\` in rapporteur.yaml): it is left out`
    case 'meta':
      return `${start}, expected the text itself: rapporteur prints \`{{< meta … >}}\` only for rapporteur.yaml's ${metaKeys.map((key) => `\`${key}\``).join(', ')}${args[0] ? `, not \`${args[0]}\`` : ''}, so it is left out`
    case 'var':
      return `${start}, expected the text itself: rapporteur does not read Quarto's \`_variables.yml\`, so it is left out`
    case 'env':
      return `${start}, expected the text itself: rapporteur does not print environment variables, so it is left out`
    case 'pagebreak':
      return `${start}, expected nothing: chapters start on a new page, and other breaks are the theme's print CSS (\`break-before: page\` in \`theme/custom.css\`); rapporteur has no page-break mark, so it is left out`
    case 'kbd':
      return `${start}, expected the keys as code (\`${'`'}${args.join(' ')}${'`'}\`): it is left out`
    case 'video':
      return `${start}, expected a link to the video (\`[title](${args[0] ?? 'https://…'})\`): the PDF cannot play one, so it is left out`
    default:
      return `${start}, expected plain Markdown: rapporteur runs no shortcode, so it is left out`
  }
}
