import {readdir, readFile} from 'node:fs/promises'
import {resolveInside} from './sandbox.js'
import {checkTemplates} from './templates.js'
import {createRequire} from 'node:module'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {CannotRunError} from './cannot-run.js'

/** The rapporteur package's own folder (two levels above src/load or dist/load). */
export const packageRoot = fileURLToPath(new URL('../../', import.meta.url))

/** Built-in themes other than `default` live in `themes/<name>/`, each a partial copy of the root `templates/` and `styles/`. */
export const themesRoot = path.join(packageRoot, 'themes')

export const templateNames = ['document.html', 'cover.html', 'back-cover.html'] as const
export const styleNames = ['fonts.css', 'base.css', 'screen.css', 'print-core.css', 'print.css'] as const

/** A theme read from disk: template texts, stylesheet texts, and the font files to copy. */
export interface Theme {
  name: string
  templates: Record<(typeof templateNames)[number], string>
  styles: Array<{name: (typeof styleNames)[number]; text: string}>
  /** Every font file `fonts.css` declares, and where it is read from (it may be missing: `doctor` says so). */
  fonts: Array<{file: string; path: string}>
  /** Where each file came from, so an override is visible in `doctor` and in tests. */
  origins: Record<string, string>
}

/** The themes rapporteur ships: `default` and every folder of `themes/`. */
export async function availableThemes(): Promise<string[]> {
  const entries = await readdir(themesRoot, {withFileTypes: true}).catch(() => [])
  return ['default', ...entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort()]
}

/**
 * Read a theme. Each file is looked up in three places, first found wins: the project's own
 * `theme/templates/` or `theme/styles/`, then the named built-in theme's `themes/<name>/`, then the
 * default theme (the package's root `templates/` and `styles/`). A theme is thus only the files it
 * changes.
 */
export async function loadTheme(projectDir: string, themeName = 'default'): Promise<Theme> {
  const available = await availableThemes()
  if (!available.includes(themeName)) {
    throw new CannotRunError(
      `Unknown theme \`${themeName}\`, expected one of: ${available.join(', ')}`,
      `Set \`theme:\` in rapporteur.yaml to one of them, or leave it out for \`default\`; a project changes a theme with its own theme/ folder (docs/designers.md).`
    )
  }
  const layers = [path.join(projectDir, 'theme'), ...(themeName === 'default' ? [] : [path.join(themesRoot, themeName)]), packageRoot]
  const origins: Record<string, string> = {}
  const read = async (kind: 'templates' | 'styles', name: string) => {
    for (const layer of layers) {
      let candidate = path.join(layer, kind, name)
      // The project's own theme files are inside the project, links included (load/sandbox.ts).
      if (layer === layers[0]) {
        const resolved = await resolveInside(projectDir, path.join('theme', kind, name))
        if (!resolved.ok && !resolved.missing) throw new CannotRunError(`Cannot read the theme file: ${resolved.reason}`, 'A theme file of the project must be a file inside the report folder.')
        if (!resolved.ok) continue
        candidate = resolved.path
      }
      const text = await readFile(candidate, 'utf8').catch(() => undefined)
      if (text !== undefined) {
        origins[`${kind}/${name}`] = candidate
        return text
      }
    }
    throw new CannotRunError(`Cannot find the theme file \`${kind}/${name}\``, `Reinstall rapporteur, or add \`theme/${kind}/${name}\` to the project.`)
  }
  const templates = Object.fromEntries(await Promise.all(templateNames.map(async (name) => [name, await read('templates', name)]))) as Theme['templates']
  checkTemplates(templates, origins)
  const styles = await Promise.all(styleNames.map(async (name) => ({name, text: await read('styles', name)})))
  const fontsCss = styles.find((style) => style.name === 'fonts.css')!.text
  return {name: themeName, templates, styles, fonts: declaredFonts(fontsCss, projectDir), origins}
}

/**
 * The font files a `fonts.css` uses, from its `url("../fonts/<file>")` references: the stylesheet
 * is the one list of a theme's fonts, so a theme needs no other file to change them. A file named
 * the @fontsource way (`<package>-<subset>-<weight>-<style>.woff2`) comes from that package;
 * any other is the project's own, in `theme/fonts/`.
 */
export function declaredFonts(fontsCss: string, projectDir: string): Theme['fonts'] {
  const withoutComments = fontsCss.replace(/\/\*[\s\S]*?\*\//gu, '')
  // A font is a plain file name in fonts/: no folder, no `..` (it is copied into the output by that name).
  const files = [...new Set([...withoutComments.matchAll(/url\(\s*["']?\.\.\/fonts\/([^"')]+)["']?\s*\)/gu)].map((match) => match[1]!))].filter((file) => /^[\w-][\w.-]*$/u.test(file))
  return files.map((file) => ({file, path: fontPath(file, projectDir)}))
}

const fontsourceFile = /^(.+?)-(?:latin|latin-ext|cyrillic|cyrillic-ext|greek|greek-ext|vietnamese)-\d{3}-(?:normal|italic)\.woff2?$/u
const requireFromPackage = createRequire(path.join(packageRoot, 'package.json'))

function fontPath(file: string, projectDir: string): string {
  const fontsource = fontsourceFile.exec(file)
  if (!fontsource) return path.join(projectDir, 'theme', 'fonts', file)
  const specifier = `@fontsource/${fontsource[1]}/files/${file}`
  try {
    // Resolved like an import, so it works when npm hoists @fontsource beside rapporteur.
    return requireFromPackage.resolve(specifier)
  } catch {
    // Not installed: the expected place, which `doctor` reports as missing.
    return path.join(packageRoot, 'node_modules', specifier)
  }
}
