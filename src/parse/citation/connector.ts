/**
 * The words and signs a writer puts between two works when they forget Pandoc's `;`: `[@a, @b]`,
 * `[@a et @b]`, `[@a and @b]`. Pandoc reads the second key as an in-text citation inside the
 * first one's suffix; `malformed-citation` reports it, and the render prints the works as listed.
 */
const connectors = String.raw`(?:,|;|&|\bet|\band|\bou|\bor)?`

/** A connector at the end of a text (what stands before the nested key). */
export const connectorAtEnd = new RegExp(String.raw`\s*${connectors}\s*$`, 'iu')

/** A text that is only a connector, or nothing. */
export const onlyConnector = new RegExp(String.raw`^\s*${connectors}\s*$`, 'iu')
