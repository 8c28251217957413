import {z} from 'zod'

/**
 * A file of the report folder as its settings name it: relative, with `/`. Windows writers type
 * `chapters\01-intro.md`, which names no file here (a `\` is part of a name on Linux and macOS),
 * and in double quotes YAML reads `\0`, `\t`, `\n` as characters (`"chapters\01-intro.md"` holds a
 * NUL): said with the path to write, not as a file not found or a system error.
 */
export const projectPathSchema = z
  .string()
  .min(1)
  .superRefine((value, context) => {
    const written = value.replaceAll('\\', '/').replace(/^[A-Za-z]:\//u, '/')
    if (/[\u0000-\u001F]/u.test(value)) {
      context.addIssue({code: 'custom', message: `a path without control characters (\`${visible(value)}\`): in double quotes YAML reads \`\\0\`, \`\\t\` or \`\\n\` as one, so write the path with \`/\` (\`${visible(value).replaceAll('\\', '/')}\`)`})
    } else if (/^(?:[A-Za-z]:)?[\\/]/u.test(value)) {
      const inFolder = written.split('/').filter(Boolean).at(-1) ?? written
      context.addIssue({code: 'custom', message: `a path relative to the report folder, not from the root of the disk: copy the file into the report folder and name it from there (\`${inFolder}\`)`})
    } else if (value.includes('\\')) {
      context.addIssue({code: 'custom', message: `a path written with \`/\`, as on the web and on every system: \`${written}\``})
    }
  })

/** A string's control characters as YAML's double quotes write them (`\0`, `\t`), so that a message shows them. */
export function visible(value: string): string {
  const named: Record<string, string> = {'\0': '\\0', '\t': '\\t', '\n': '\\n', '\r': '\\r', '\b': '\\b', '\f': '\\f', '\v': '\\v', '\x07': '\\a', '\x1b': '\\e'}
  return value.replace(/[\u0000-\u001F]/gu, (char) => named[char] ?? `\\x${char.charCodeAt(0).toString(16).padStart(2, '0')}`)
}
