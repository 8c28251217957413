import type {Config} from './schemas/config.js'

/** A Quarto shortcode as written, `{{< meta title >}}`: its name and arguments. */
export function shortcodeParts(written: string): {name: string; args: string[]} {
  const words = written.replace(/^\{\{[<%]\s*|\s*[>%]\}\}$/gu, '').split(/\s+/u).filter(Boolean)
  return {name: words[0]?.toLowerCase() ?? '', args: words.slice(1)}
}

/** The keys of rapporteur.yaml `{{< meta … >}}` prints, as Quarto prints the document's metadata. */
export const metaKeys = ['title', 'subtitle', 'organisation'] as const

/** What `{{< meta title >}}` prints: the value of that key of rapporteur.yaml, if it is one `metaKeys` names and it is set. */
export function metaValue(written: string, config: Pick<Config, (typeof metaKeys)[number]>): string | undefined {
  const {name, args} = shortcodeParts(written)
  const key = args[0]?.replace(/^["']|["']$/gu, '')
  if (name !== 'meta' || args.length !== 1 || !(metaKeys as readonly string[]).includes(key ?? '')) return undefined
  return config[key as (typeof metaKeys)[number]] || undefined
}
