/**
 * Split the text after a citation key into locator and suffix.
 *
 * This works on one already-extracted item string (`, pp. 33-35 and passim`), never on the
 * document, so plain regular expressions are fine here.
 */

/** Locator labels, French and English, matched case-insensitively. */
const labels = [
  'p.',
  'pp.',
  'page',
  'pages',
  'chap.',
  'chapitre',
  'chapter',
  'ch.',
  'sec.',
  'section',
  '§',
  'art.',
  'article',
  'fig.',
  'figure',
  'vol.',
  'volume',
  'n°',
  'no.',
  't.',
  'tome',
  'para.',
  'al.',
  'l.',
  'll.',
  'annexe',
  'appendix'
]

/** Arabic number (`16`, `16a`) or Roman numeral (`III`, `iv`) after a label. */
const labelledNumber = String.raw`(?:\d+[a-z]?|[ivxlcdm]+)`
/** Dash, en dash or em dash between the ends of a range. */
const rangeDash = String.raw`\s*[-–—]\s*`
/** A locator must not stop in the middle of a word: `p. 16th` is not `p. 16` plus `th`. */
const wordEnd = String.raw`(?![\p{L}\p{N}_])`

const labelledLocator = new RegExp(
  String.raw`^(?:${labelAlternatives()})${labelledNumber}(?:${rangeDash}${labelledNumber})?${wordEnd}`,
  'iu'
)

const bareLocator = new RegExp(String.raw`^\d+(?:${rangeDash}\d+)?${wordEnd}`, 'u')

/** Locator and suffix of one item. */
export interface LocatorAndSuffix {
  locator: string
  suffix: string
}

/**
 * Split raw text following a key (`, p. 16, passim`) into `{locator: 'p. 16', suffix:
 * 'passim'}`. Text that does not start with a locator is all suffix.
 */
export function splitLocator(raw: string): LocatorAndSuffix {
  const text = withoutLeadingComma(collapseWhitespace(raw))
  const match = labelledLocator.exec(text) ?? bareLocator.exec(text)
  if (!match) return {locator: '', suffix: text}
  const locator = match[0]
  return {locator, suffix: withoutLeadingComma(text.slice(locator.length))}
}

/** Collapse whitespace runs (line endings of wrapped prose included) and trim. */
export function collapseWhitespace(value: string): string {
  return value.replace(/\s+/g, ' ').trim()
}

function withoutLeadingComma(value: string): string {
  const trimmed = value.trimStart()
  return trimmed.startsWith(',') ? trimmed.slice(1).trimStart() : trimmed
}

/**
 * Labels as regex alternatives, longest first so that `pp.` wins over `p.` and `pages` over
 * `page`. A label ending in a letter needs a space before its number (`page 3`, not `page3`);
 * one ending in `.`, `°` or `§` does not (`p.16`, `n°3`, `§4`).
 */
function labelAlternatives(): string {
  return [...labels]
    .sort((a, b) => b.length - a.length)
    .map((label) => escapeRegExp(label) + (/\p{L}$/u.test(label) ? String.raw`\s+` : String.raw`\s*`))
    .join('|')
}

function escapeRegExp(value: string): string {
  return value.replace(/[$()*+.?[\\\]^{|}]/g, String.raw`\$&`)
}
