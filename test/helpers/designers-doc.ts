/** The custom properties a section of docs/designers.md names, `--rp-space-1` … `--rp-space-5` and `--rp-axis-1` … `--rp-axis-6` spelt out. */
export function documentedProperties(text: string): Set<string> {
  const names = new Set([...text.matchAll(/--rp-[a-z0-9-]+[a-z0-9](?![a-z0-9-]*>)/g)].map((match) => match[0]))
  for (const [, stem, first, last] of text.matchAll(/`(--rp-[a-z-]+-)(\d)` … `--rp-[a-z-]+-(\d)`/g)) for (let step = Number(first); step <= Number(last); step++) names.add(`${stem}${step}`)
  return names
}

/** Every custom property a stylesheet sets in a `:root` block (inside `@media` too). */
export function rootProperties(css: string): Set<string> {
  return new Set([...css.matchAll(/:root\s*\{([^}]*)\}/g)].flatMap((match) => [...match[1]!.matchAll(/(--rp-[a-z0-9-]+)\s*:/g)].map((inner) => inner[1]!)))
}
