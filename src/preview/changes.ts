import path from 'node:path'
import {packageRoot, themesRoot} from '../load/theme.js'

/**
 * What a changed file asks of the preview, cheapest last:
 * `model` re-check and re-render (Markdown, YAML, sources, CSL), `template` re-read the theme and
 * re-render, `style` re-read the theme and reload, `asset` reload only.
 */
export type ChangeKind = 'model' | 'template' | 'style' | 'asset'

const modelExtensions = new Set(['.md', '.markdown', '.yaml', '.yml', '.json', '.bib', '.csl'])

/** The kind of change an absolute path is, or undefined when no page depends on it. */
export function classifyChange(file: string, projectDir: string): ChangeKind | undefined {
  const inside = (folder: string) => file === folder || file.startsWith(folder + path.sep)
  const project = (...parts: string[]) => path.join(projectDir, ...parts)
  // A theme is the project's theme/, then themes/<name>/ and the themes it extends, then the package's own folders.
  const underThemes = path.relative(themesRoot, file)
  const themeKind = underThemes.startsWith('..') || path.isAbsolute(underThemes) ? undefined : underThemes.split(path.sep)[1]
  // A theme.yaml may change the theme a built-in one extends, templates included.
  if (inside(project('theme', 'templates')) || inside(path.join(packageRoot, 'templates')) || themeKind === 'templates' || themeKind === 'theme.yaml') return 'template'
  // Fonts come with the stylesheets that declare them; theme/custom.css is the project's last stylesheet.
  if (inside(project('theme', 'styles')) || inside(project('theme', 'fonts')) || file === project('theme', 'custom.css') || inside(path.join(packageRoot, 'styles')) || themeKind === 'styles' || themeKind === 'fonts') return 'style'
  if (inside(project('assets'))) return 'asset'
  // Images may sit beside their chapter (load/images.ts): found or lost, `check` must look again.
  if (inside(projectDir) && imageExtensions.has(path.extname(file).toLowerCase())) return 'model'
  // A folder event without a name (or a folder renamed) may hide any file: re-check to be safe.
  if (file === projectDir || path.extname(file) === '') return 'model'
  return inside(projectDir) && modelExtensions.has(path.extname(file).toLowerCase()) ? 'model' : undefined
}

const imageExtensions = new Set(['.png', '.jpg', '.jpeg', '.gif', '.webp', '.svg'])

/** The kinds a batch of changed files asks for. */
export function classifyChanges(files: readonly string[], projectDir: string): Set<ChangeKind> {
  const kinds = new Set<ChangeKind>()
  for (const file of files) {
    const kind = classifyChange(file, projectDir)
    if (kind) kinds.add(kind)
  }
  return kinds
}

/** Short names of changed files for the status line: relative to the project, or to the package. */
export function describeChanges(files: readonly string[], projectDir: string): string {
  // Editors' and sed's temporary files have no extension: name the real files when there are some.
  const named = files.filter((file) => path.extname(file) !== '')
  const names = (named.length > 0 ? named : files).map((file) => {
    const relative = path.relative(projectDir, file)
    return relative.startsWith('..') ? path.relative(packageRoot, file) : relative || '.'
  })
  return names.length > 3 ? `${names.slice(0, 3).join(', ')} and ${names.length - 3} more` : names.join(', ')
}
