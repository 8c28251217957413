import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {z} from 'zod'
import {CannotRunError} from './cannot-run.js'

/** The rapporteur package's own folder (two levels above src/load or dist/load). */
export const packageRoot = fileURLToPath(new URL('../../', import.meta.url))

export const templateNames = ['document.html', 'cover.html', 'back-cover.html'] as const
export const styleNames = ['fonts.css', 'base.css', 'screen.css', 'print.css'] as const

const fontListSchema = z.array(z.object({package: z.string(), file: z.string()}))

/** A theme read from disk: template texts, stylesheet texts, and the font files to copy. */
export interface Theme {
  templates: Record<(typeof templateNames)[number], string>
  styles: Array<{name: (typeof styleNames)[number]; text: string}>
  fonts: Array<{file: string; path: string}>
  /** Where each file came from, so an override is visible in `doctor` and in tests. */
  origins: Record<string, string>
}

/**
 * Read the built-in theme, with any file overridden by the project's `theme/templates/` or
 * `theme/styles/` folder of the same name.
 */
export async function loadTheme(projectDir: string): Promise<Theme> {
  const origins: Record<string, string> = {}
  const read = async (kind: 'templates' | 'styles', name: string) => {
    const own = path.join(projectDir, 'theme', kind, name)
    const builtIn = path.join(packageRoot, kind, name)
    for (const candidate of [own, builtIn]) {
      const text = await readFile(candidate, 'utf8').catch(() => undefined)
      if (text !== undefined) {
        origins[`${kind}/${name}`] = candidate
        return text
      }
    }
    throw new CannotRunError(`Cannot find the theme file \`${kind}/${name}\``, `Reinstall rapporteur, or add \`theme/${kind}/${name}\` to the project.`)
  }
  const templates = Object.fromEntries(await Promise.all(templateNames.map(async (name) => [name, await read('templates', name)]))) as Theme['templates']
  const styles = await Promise.all(styleNames.map(async (name) => ({name, text: await read('styles', name)})))
  const fontList = fontListSchema.parse(JSON.parse(await readFile(path.join(packageRoot, 'styles', 'fonts.json'), 'utf8')))
  const fonts = fontList.map((font) => ({file: font.file, path: path.join(packageRoot, 'node_modules', '@fontsource', font.package, 'files', font.file)}))
  return {templates, styles, fonts, origins}
}
