/**
 * What an XML file's parse error says, in the parser's own words: `Missing end tag for element
 * rect`, where xast-util-from-xml's message only names the library it used ("Could not parse XML
 * with `@rgrove/parse-xml`"), which tells a writer nothing. The line and column are the error's.
 */
export function xmlErrorReason(error: unknown): string {
  const cause = (error as {cause?: unknown}).cause
  const own = cause instanceof Error ? cause.message.split('\n', 1)[0]!.replace(/\s*\(line \d+, column \d+\)\s*$/u, '').trim() : ''
  if (own) return own
  return error instanceof Error ? ((error as {reason?: string}).reason ?? error.message) : String(error)
}
