import path from 'node:path'

/** The formats a sources registry may be written in, each read by its own module. */
export type RegistryFormat = 'yaml' | 'csl-json' | 'bibtex' | 'ris'

/** By extension, as Pandoc tells its bibliography formats apart (`.bibtex` and `.biblatex` too). */
const formatOfExtension: Record<string, RegistryFormat> = {
  '.yaml': 'yaml',
  '.yml': 'yaml',
  '.json': 'csl-json',
  '.bib': 'bibtex',
  '.bibtex': 'bibtex',
  '.biblatex': 'bibtex',
  '.ris': 'ris'
}

/** The extensions a registry may have, for a message: `.yaml`, `.yml`, … */
export const registryExtensions: readonly string[] = Object.keys(formatOfExtension)

/** A registry file's format, from its extension (any case); undefined for one rapporteur does not read. */
export function registryFormat(file: string): RegistryFormat | undefined {
  return formatOfExtension[path.posix.extname(file).toLowerCase()]
}
