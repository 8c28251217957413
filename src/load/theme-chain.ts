import {readdir, readFile} from 'node:fs/promises'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {VFile} from 'vfile'
import type {Diagnostic} from '../diagnostics/message.js'
import {addMessage} from '../diagnostics/message.js'
import {themeManifestSchema, type ThemeManifest} from '../model/schemas/theme.js'
import {reportZodIssues} from '../model/zod-issues.js'
import {validationOptions} from '../model/validation-options.js'
import {parseYaml, positionOfPath} from '../parse/yaml.js'
import {CannotRunError} from './cannot-run.js'

/** The rapporteur package's own folder (two levels above src/load or dist/load). */
export const packageRoot = fileURLToPath(new URL('../../', import.meta.url))

/** Built-in themes other than `default` live in `themes/<name>/`, each holding only what differs from the theme it extends. */
export const themesRoot = path.join(packageRoot, 'themes')

/** One theme of a chain: its folder, and what its `theme.yaml` says (the default theme has none). */
export interface ThemeLayer {
  name: string
  dir: string
  manifest: ThemeManifest
}

/** The themes rapporteur ships: `default` and every folder of `themes/`. */
export async function availableThemes(root = themesRoot): Promise<string[]> {
  const entries = await readdir(root, {withFileTypes: true}).catch(() => [])
  return ['default', ...entries.filter((entry) => entry.isDirectory() && entry.name !== 'default').map((entry) => entry.name).sort()]
}

/**
 * A theme and the themes it extends, nearest first, ending with `default`: `sobre` → [sobre,
 * default]. Each theme's `theme.yaml` is validated like the project's YAML files; a broken one, an
 * unknown parent or a loop stops the command (exit 2) with the place of each error.
 */
export async function themeChain(themeName: string, root = themesRoot): Promise<ThemeLayer[]> {
  const available = await availableThemes(root)
  if (!available.includes(themeName)) {
    throw new CannotRunError(
      `Unknown theme \`${themeName}\`, expected one of: ${available.join(', ')}`,
      `Set \`theme:\` in rapporteur.yaml to one of them, or leave it out for \`default\`; a project changes a theme with its own theme/ folder (docs/designers.md).`
    )
  }
  const chain: ThemeLayer[] = []
  let name = themeName
  while (name !== 'default') {
    const dir = path.join(root, name)
    const {manifest, locate} = await readManifest(dir, root)
    chain.push({name, dir, manifest})
    const next = manifest.extends
    if (!available.includes(next)) throw locate(['extends'], `Unexpected theme \`${next}\` for \`extends\`, expected one of: ${available.filter((item) => item !== name).join(', ')}`)
    if (next === name || chain.some((layer) => layer.name === next)) {
      throw locate(['extends'], `Unexpected \`extends: ${next}\`: the themes extend each other in a loop (${[...chain.map((layer) => layer.name), next].join(' → ')}), expected a chain that ends at \`default\``)
    }
    name = next
  }
  chain.push({name: 'default', dir: packageRoot, manifest: themeManifestSchema.parse({})})
  return chain
}

/** A theme's `theme.yaml`, validated; a theme without one extends `default`. */
async function readManifest(dir: string, root: string) {
  const full = path.join(dir, 'theme.yaml')
  const shown = path.relative(path.dirname(root), full)
  const text = await readFile(full, 'utf8').catch(() => undefined)
  const file = new VFile({path: shown, value: text ?? ''})
  const source = parseYaml(file)
  const stop = () => new CannotRunError(`Cannot read the theme \`${path.basename(dir)}\`:\n${(file.messages as Diagnostic[]).map((message) => `  ${located(shown, message)}`).join('\n')}`, 'docs/designers.md describes theme.yaml: `extends:` the theme it adds to, `replaces:` the stylesheets it writes afresh.')
  const locate = (at: PropertyKey[], message: string) => {
    addMessage(file, message, {ruleId: 'schema', severity: 'error', place: positionOfPath(source, at)})
    return stop()
  }
  for (const error of source.errors) addMessage(file, error.message, {ruleId: 'schema', severity: 'error', place: error.position})
  if (source.errors.length > 0) throw stop()
  const result = themeManifestSchema.safeParse(source.data ?? {}, validationOptions())
  if (!result.success) {
    reportZodIssues(file, result.error.issues, (at, keyOnly) => positionOfPath(source, at, keyOnly), 'theme.yaml', themeManifestSchema)
    throw stop()
  }
  return {manifest: result.data, locate}
}

/** `themes/acme/theme.yaml:2:10  Unexpected …  schema`, the way `check` prints a finding. */
function located(shown: string, message: Diagnostic): string {
  const place = message.place && 'start' in message.place ? message.place.start : message.place
  return `${shown}:${place?.line ?? 1}:${place?.column ?? 1}  ${message.reason}  ${message.ruleId ?? 'schema'}`
}
