import type {Attributes} from '../../parse/attributes/attribute-list.js'

/** Pandoc's Word tracked changes and comments (`--track-changes=all`), by class. */
const trackedChanges: Record<string, [string, string]> = {
  insertion: ['tracked insertion', 'it prints as if accepted'],
  deletion: ['tracked deletion', 'the deleted text prints as if it were kept'],
  'paragraph-insertion': ['tracked paragraph insertion', 'it prints as if accepted'],
  // Its `.comment-end` (an empty span) is the same comment: said once, at its start.
  'comment-start': ["reviewer's comment", 'it prints as text of the report']
}

/**
 * What `unsupported-syntax` says of a span Pandoc made from Word's tracked changes or comments
 * (`[texte]{.deletion author="Marie"}`): it would publish deleted text and reviewers' comments
 * without a word.
 */
export function trackedChangeMessages(attributes: Attributes): string[] {
  return attributes.classes.filter((name) => name in trackedChanges).map((name) => {
    const [what, fate] = trackedChanges[name]!
    return `Unexpected ${what} from Word (\`.${name}\`${attributes.pairs.author ? ` by ${attributes.pairs.author}` : ''}), expected the text as it is to be published (accept or reject the changes and delete the comments in Word, or convert with \`pandoc --track-changes=accept\`): ${fate}`
  })
}
