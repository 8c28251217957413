import {mkdir, rm, rmdir, writeFile} from 'node:fs/promises'
import path from 'node:path'
import type {CheckResult} from '../api/check.js'
import {countBySeverity, toJsonDiagnostics} from '../diagnostics/to-json.js'
import {CannotRunError} from '../load/cannot-run.js'
import {isInside} from '../load/sandbox.js'
import {customStyleName, loadTheme, packageRoot, styleNames, templateNames, themesRoot, type Theme, type ThemeFont} from '../load/theme.js'
import {declaredFamilies} from '../load/theme-fonts.js'
import {fail, ok, skip, type DoctorLine} from './line.js'

/** The config line, then the findings line: a broken config shows its first errors and stops the rest. */
export function checkLines(result: CheckResult, shownDir: string): DoctorLine[] {
  const diagnostics = toJsonDiagnostics(result.files)
  if (!result.ok) {
    const first = diagnostics.slice(0, 3).map((item) => `${item.file}:${item.line}:${item.column} ${item.message}`)
    const more = diagnostics.length > first.length ? ` (and ${diagnostics.length - first.length} more)` : ''
    return [
      fail('Config', `rapporteur.yaml is invalid: ${first.join('; ')}${more}`, `Fix rapporteur.yaml (docs/format.md describes each field); \`rapporteur check ${shownDir}\` shows where.`),
      skip('Check', 'not run: the config is invalid')
    ]
  }
  const counts = countBySeverity(diagnostics)
  const summary = `${counts.error} error${counts.error === 1 ? '' : 's'}, ${counts.warning} warning${counts.warning === 1 ? '' : 's'}, ${counts.info} info`
  const config = ok('Config', 'rapporteur.yaml is valid')
  if (counts.error > 0) return [config, fail('Check', summary, `Run \`rapporteur check ${shownDir}\` and fix the errors: build writes nothing until then.`)]
  return [config, ok('Check', `${summary}${diagnostics.length > 0 ? ` (\`rapporteur check ${shownDir}\` lists them)` : ''}`)]
}

/** The theme in use with where each of its files comes from, then the fonts its @font-face rules name. */
export async function themeLines(dir: string, themeName: string): Promise<DoctorLine[]> {
  let theme: Theme
  try {
    theme = await loadTheme(dir, themeName)
  } catch (error) {
    if (!(error instanceof CannotRunError)) throw error
    return [fail('Theme', error.message, error.hint), skip('Fonts', 'not checked: the theme could not be read')]
  }
  // In the order of the theme's file lists, not the order the reads happened to finish in.
  const files = [...templateNames.map((name) => `templates/${name}`), ...styleNames.map((name) => `styles/${name}`), customStyleName]
  const origins = files.filter((file) => theme.origins[file]).map((file) => `${file.padEnd(26)} ${theme.origins[file]!.map((origin) => originText(origin, dir)).join(' + ')}`)
  const name = theme.chain.length > 1 ? `${themeName} (extends ${theme.chain.slice(1).join(', then ')})` : themeName
  return [ok('Theme', name, origins), fontsLine(theme)]
}

/** `project (theme/styles/base.css)`, `sobre (themes/sobre/…)` or `default (styles/…)`. */
function originText(file: string, dir: string): string {
  if (isInside(dir, file)) return `project (${path.relative(dir, file)})`
  const underThemes = path.relative(themesRoot, file)
  if (!underThemes.startsWith('..') && !path.isAbsolute(underThemes)) return `${underThemes.split(path.sep)[0]} (${path.relative(packageRoot, file)})`
  return `default (${path.relative(packageRoot, file)})`
}

/**
 * The font families and their files, each with where it is read from; a file an @font-face names
 * that no folder holds is ✗, with the place that names it and what to do.
 */
function fontsLine(theme: Theme): DoctorLine {
  const families = declaredFamilies(theme.fonts)
  const what = `${families.join(', ') || 'no family'}: ${theme.fonts.length} file${theme.fonts.length === 1 ? '' : 's'}`
  const perFamily = families.map((family) => {
    const fonts = theme.fonts.filter((font) => font.declarations.some((declaration) => declaration.family === family))
    const counts = new Map<string, number>()
    for (const font of fonts) counts.set(fromText(font), (counts.get(fromText(font)) ?? 0) + 1)
    const from = [...counts].map(([where, count]) => (counts.size === 1 ? where : `${count} ${where}`)).join(', ')
    return `${family.padEnd(26)} ${fonts.length} file${fonts.length === 1 ? '' : 's'}, ${from}`
  })
  const missing = theme.fonts.filter((font) => !font.path)
  if (missing.length === 0) return ok('Fonts', `${what}, all found`, perFamily)
  const named = missing.slice(0, 3).map((font) => `${font.file} (named in ${placeText(font)})`).join(', ') + (missing.length > 3 ? `, and ${missing.length - 3} more` : '')
  // A font of the project's own, or not named the @fontsource way, is the project's to add; a
  // built-in theme's @fontsource font missing means the install is broken.
  const own = missing.filter((font) => !font.fontsource || font.declarations.some((declaration) => declaration.inProject))
  const fix = own.length > 0
    ? `Put ${own.slice(0, 3).map((font) => `\`${font.file}\``).join(', ')} in the project's theme/fonts/ folder (any file name: the one the @font-face's url() names), or correct the url() of its @font-face.`
    : 'Reinstall rapporteur with `npm ci` (the @fontsource packages), or put the files in the project\'s theme/fonts/ folder.'
  return {...fail('Fonts', `${what}, ${missing.length} missing: ${named}`, fix), more: perFamily}
}

function fromText(font: ThemeFont): string {
  if (!font.path) return 'missing'
  if (font.from === 'project') return 'from the project (theme/fonts/)'
  return font.from?.startsWith('@fontsource/') ? `from ${font.from}` : `from the ${font.from} theme (themes/${font.from}/fonts/)`
}

function placeText(font: ThemeFont): string {
  const declaration = font.declarations[0]!
  return `${declaration.shown}:${declaration.position.start.line}:${declaration.position.start.column}`
}

/**
 * Whether `build` can write its output: create and remove a file in `<dir>/dist`. A `dist` folder
 * this check had to create is removed again, so doctor leaves the project as it found it.
 */
export async function outputLine(dir: string, shownDir: string): Promise<DoctorLine> {
  const out = path.join(dir, 'dist')
  const shown = path.join(shownDir, 'dist')
  const probe = path.join(out, `.rapporteur-doctor-${process.pid}`)
  let created: string | undefined
  try {
    created = await mkdir(out, {recursive: true})
    await writeFile(probe, '')
    await rm(probe)
    return ok('Output folder', `${shown} is writable`)
  } catch (error) {
    return fail('Output folder', `cannot write in ${shown}: ${(error as Error).message}`, 'Check the folder\'s permissions, or build elsewhere with `rapporteur build --out DIR`.')
  } finally {
    await rm(probe, {force: true}).catch(() => {})
    if (created) await rmdir(out).catch(() => {})
  }
}
