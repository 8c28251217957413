// Writes a bundle chunk's characters outside ASCII as escapes, where that leaves the program the
// same, so that src/cli/load-bundle.ts reads the chunk as Latin-1 (a copy of its bytes) instead of
// decoding UTF-8: reading the chunks a build loads before its layout took ~55 ms, a third of that
// as Latin-1 (bench/README.md, point 50). A chunk that holds such a character anywhere else is
// left as it is, and read as UTF-8.
//
// Where a character is escaped: in a string literal, a regular expression, a name and a template
// that no tag reads (`\uXXXX` gives the same value in each; a tag would see the escape in the raw
// text, and String.raw gives it back: such a template is left alone), and in a comment. An identity
// escape (`"\é"`) becomes one escape with its backslash. A regular expression's `source` then shows
// the escape, and a pattern made from it matches the same.

/**
 * `code`'s characters outside ASCII escaped where that is safe; `ascii` is false when one stands
 * elsewhere (a tagged template), and `code` then comes back unchanged.
 */
export function escapeNonAscii(code, parseAst) {
  // eslint-disable-next-line no-control-regex
  if (!/[^\x00-\x7f]/u.test(code)) return {code, ascii: true}
  const literals = []
  collectLiterals(parseAst(code, {sourceType: 'script'}), literals, false)
  literals.sort((a, b) => a.start - b.start)
  const escapable = [...literals.filter((range) => range.escape), ...commentsBetween(code, literals)].sort((a, b) => a.start - b.start)
  let out = ''
  let from = 0
  let at = 0
  for (let index = 0; index < code.length; index++) {
    const unit = code.charCodeAt(index)
    if (unit < 0x80) continue
    while (at < escapable.length && escapable[at].end <= index) at++
    const range = escapable[at]
    if (!range || range.start > index) return {code, ascii: false}
    // An identity escape (`\é`) is replaced whole: its backslash would escape ours.
    let start = index
    let backslashes = 0
    while (code[index - 1 - backslashes] === '\\') backslashes++
    if (range.kind !== 'comment' && backslashes % 2 === 1) start = index - 1
    out += code.slice(from, start) + `\\u${unit.toString(16).padStart(4, '0')}`
    from = index + 1
  }
  return {code: out + code.slice(from), ascii: true}
}

/** String and regular-expression literals, template elements and names, each with whether it may be escaped. */
function collectLiterals(node, out, tagged) {
  if (node === null || typeof node !== 'object') return
  if (Array.isArray(node)) {
    for (const child of node) collectLiterals(child, out, tagged)
    return
  }
  if (node.type === 'Literal' && (typeof node.value === 'string' || node.regex)) out.push({start: node.start, end: node.end, escape: true, kind: 'literal'})
  else if (node.type === 'TemplateElement') out.push({start: node.start, end: node.end, escape: !tagged, kind: 'template'})
  // `moitié: 1 / 2` as `moiti\u00e9: 1 / 2`: the same name.
  else if (node.type === 'Identifier' || node.type === 'PrivateIdentifier') out.push({start: node.start, end: node.end, escape: true, kind: 'identifier'})
  for (const [key, value] of Object.entries(node)) {
    if (key === 'type') continue
    // The template a tag reads: its own elements only, not those of templates in its expressions.
    const isTagged = node.type === 'TaggedTemplateExpression' ? key === 'quasi' : node.type === 'TemplateLiteral' ? tagged && key === 'quasis' : false
    collectLiterals(value, out, isTagged)
  }
}

/**
 * The comments of `code`, found in the stretches between literals (sorted): there, `//` and `/*`
 * can only open a comment, a regular expression's slashes being inside a literal.
 */
function commentsBetween(code, literals) {
  const comments = []
  let index = 0
  let next = 0
  while (index < code.length) {
    while (next < literals.length && literals[next].end <= index) next++
    if (next < literals.length && literals[next].start <= index) {
      index = literals[next].end
      continue
    }
    const limit = next < literals.length ? literals[next].start : code.length
    const line = code.indexOf('//', index)
    const block = code.indexOf('/*', index)
    const open = [line, block].filter((at) => at !== -1 && at < limit).sort((a, b) => a - b)[0]
    if (open === undefined) {
      index = limit
      continue
    }
    const close = open === line ? code.indexOf('\n', open) : code.indexOf('*/', open + 2)
    const end = close === -1 ? code.length : open === line ? close : close + 2
    comments.push({start: open, end, escape: true, kind: 'comment'})
    index = end
  }
  return comments
}
