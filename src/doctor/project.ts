import {constants} from 'node:fs'
import {access, mkdir, rm, rmdir, writeFile} from 'node:fs/promises'
import path from 'node:path'
import type {CheckResult} from '../api/check.js'
import {countBySeverity, toJsonDiagnostics} from '../diagnostics/to-json.js'
import {CannotRunError} from '../load/cannot-run.js'
import {loadTheme, packageRoot, styleNames, templateNames, themesRoot, type Theme} from '../load/theme.js'
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

/** The theme in use with where each of its files comes from, then the fonts its fonts.css declares. */
export async function themeLines(dir: string, themeName: string): Promise<DoctorLine[]> {
  let theme: Theme
  try {
    theme = await loadTheme(dir, themeName)
  } catch (error) {
    if (!(error instanceof CannotRunError)) throw error
    return [fail('Theme', error.message, error.hint), skip('Fonts', 'not checked: the theme could not be read')]
  }
  // In the order of the theme's file lists, not the order the reads happened to finish in.
  const files = [...templateNames.map((name) => `templates/${name}`), ...styleNames.map((name) => `styles/${name}`)]
  const origins = files.filter((file) => theme.origins[file]).map((file) => `${file.padEnd(26)} ${originText(theme.origins[file]!, dir, themeName)}`)
  return [ok('Theme', themeName, origins), await fontsLine(theme)]
}

/** `project (theme/styles/base.css)`, `sobre (themes/sobre/…)` or `default (styles/…)`. */
function originText(file: string, dir: string, themeName: string): string {
  if (!path.relative(dir, file).startsWith('..')) return `project (${path.relative(dir, file)})`
  if (!path.relative(themesRoot, file).startsWith('..')) return `${themeName} (${path.relative(packageRoot, file)})`
  return `default (${path.relative(packageRoot, file)})`
}

async function fontsLine(theme: Theme): Promise<DoctorLine> {
  const fontsCss = theme.styles.find((style) => style.name === 'fonts.css')?.text ?? ''
  const families = [...new Set([...fontsCss.matchAll(/font-family:\s*["']?([^;"']+)["']?\s*;/gu)].map((match) => match[1]!.trim()))]
  const missing: string[] = []
  for (const font of theme.fonts) if (!(await access(font.path, constants.R_OK).then(() => true, () => false))) missing.push(font.file)
  const what = `${families.join(', ') || 'no family'}: ${theme.fonts.length} file${theme.fonts.length === 1 ? '' : 's'}`
  if (missing.length === 0) return ok('Fonts', `${what}, all found`)
  const named = missing.slice(0, 3).join(', ') + (missing.length > 3 ? `, and ${missing.length - 3} more` : '')
  return fail('Fonts', `${what}, ${missing.length} missing: ${named}`, 'Reinstall with `npm ci` (the @fontsource packages); a font of the project\'s own goes in theme/fonts/.')
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
