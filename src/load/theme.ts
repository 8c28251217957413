import {readFile} from 'node:fs/promises'
import path from 'node:path'
import type {Position} from 'unist'
import {VFile} from 'vfile'
import {styleNames, templateNames, type StyleName, type TemplateName} from '../model/schemas/theme.js'
import {CannotRunError} from './cannot-run.js'
import {isInside, resolveInside} from './sandbox.js'
import {checkTemplates} from './templates.js'
import {availableThemes, packageRoot, themeChain, themesRoot, type ThemeLayer} from './theme-chain.js'
import {fontFaceUrls, findFonts, packageRequire, withOutputFontUrls, type FontSheet, type ThemeFont} from './theme-fonts.js'
import {positionFromOffsets} from '../diagnostics/location.js'

export {availableThemes, packageRoot, styleNames, templateNames, themesRoot}
export type {ThemeFont}

/** The project's own stylesheet, loaded after every other: it adds to the theme rather than replacing a file. */
export const customStyleName = 'custom.css'

/** A stylesheet written beside the HTML: one of the theme's, or the project's `custom.css`. */
export type ThemeStyleName = StyleName | typeof customStyleName

/** A theme read from disk: template texts, stylesheet texts, and the font files to copy. */
export interface Theme {
  name: string
  /** The theme and those it extends, nearest first: `['sobre', 'default']`. */
  chain: string[]
  templates: Record<TemplateName, string>
  /** Each stylesheet as written into `assets/styles/`, in cascade order; `custom.css` last, when the project has one. */
  styles: Array<{name: ThemeStyleName; text: string}>
  /** Every font file an @font-face of the stylesheets names, and where it is read from. */
  fonts: ThemeFont[]
  /**
   * Where each file came from (`templates/cover.html`, `styles/base.css`, `custom.css`): one file for
   * a template; for a stylesheet, every file it is made of, in cascade order (a theme's own after the
   * one it extends).
   */
  origins: Record<string, string[]>
  /** The project's own stylesheets, as files a finding can point at (`theme/custom.css`). */
  files: VFile[]
  /** Fonts named by @font-face that no folder holds, and font urls that name no file of a `fonts/` folder. */
  problems: ThemeProblem[]
}

/** A problem with a theme's fonts, at the place its stylesheet names the font. */
export interface ThemeProblem {
  /** As shown: `theme/custom.css` for the project's own, `themes/sobre/styles/fonts.css` for a built-in theme. */
  file: string
  inProject: boolean
  position: Position
  message: string
  /** What to do about it. */
  hint: string
}

interface Part {
  origin: string
  shown: string
  text: string
  inProject: boolean
}

/**
 * Read a theme, in layers, nearest first: the project's own `theme/` folder, then the named theme,
 * then the themes it extends (`theme.yaml`), down to `default` (the package's root `templates/` and
 * `styles/`). A template is the nearest layer's. A stylesheet is the default theme's, followed by
 * each child theme's file of that name (so a child holds only what differs), unless the child's
 * theme.yaml `replaces` it; a project's `theme/styles/<file>` replaces it whole, and the project's
 * `theme/custom.css` is loaded after everything.
 */
export async function loadTheme(projectDir: string, themeName = 'default', options: {themesRoot?: string} = {}): Promise<Theme> {
  const root = options.themesRoot ?? themesRoot
  const chain = await themeChain(themeName, root)
  const shownBuiltIn = (file: string) => path.relative(isInside(packageRoot, file) ? packageRoot : path.dirname(root), file)
  const origins: Record<string, string[]> = {}
  const files: VFile[] = []

  /** The project's own file, inside the project (links included: load/sandbox.ts). */
  const readOwn = async (relative: string): Promise<Part | undefined> => {
    const resolved = await resolveInside(projectDir, relative)
    if (!resolved.ok && !resolved.missing) throw new CannotRunError(`Cannot read the theme file: ${resolved.reason}`, 'A theme file of the project must be a file inside the report folder.')
    if (!resolved.ok) return undefined
    const text = await readFile(resolved.path, 'utf8')
    if (relative.endsWith('.css')) files.push(new VFile({cwd: projectDir, path: relative, value: text}))
    return {origin: resolved.path, shown: relative, text, inProject: true}
  }
  const readBuiltIn = async (layer: ThemeLayer, relative: string): Promise<Part | undefined> => {
    const file = path.join(layer.dir, relative)
    const text = await readFile(file, 'utf8').catch(() => undefined)
    return text === undefined ? undefined : {origin: file, shown: shownBuiltIn(file), text, inProject: false}
  }
  const missing = (relative: string) => new CannotRunError(`Cannot find the theme file \`${relative}\``, `Reinstall rapporteur, or add \`theme/${relative}\` to the project.`)

  const templates = {} as Theme['templates']
  await Promise.all(
    templateNames.map(async (name) => {
      const relative = `templates/${name}`
      let part = await readOwn(path.join('theme', relative))
      for (const layer of chain) part ??= await readBuiltIn(layer, relative)
      if (!part) throw missing(relative)
      templates[name] = part.text
      origins[relative] = [part.origin]
    })
  )
  checkTemplates(templates, Object.fromEntries(Object.entries(origins).map(([key, value]) => [key, value[0]!])))

  const sheets: FontSheet[] = []
  const styles: Theme['styles'] = []
  for (const name of styleNames) {
    const relative = `styles/${name}`
    let parts: Part[] = []
    // From the default theme up to the named one: each adds to its parent's file, or replaces it.
    for (const layer of [...chain].reverse()) {
      const part = await readBuiltIn(layer, relative)
      if (!part) continue
      parts = layer.name === 'default' || layer.manifest.replaces.includes(name) ? [part] : [...parts, part]
    }
    const own = await readOwn(path.join('theme', relative))
    if (own) parts = [own]
    if (parts.length === 0) throw missing(relative)
    styles.push({name, text: joinParts(parts)})
    origins[relative] = parts.map((part) => part.origin)
    sheets.push(...parts.map((part) => fontSheet(part, files)))
  }
  const custom = await readOwn(path.join('theme', customStyleName))
  if (custom) {
    styles.push({name: customStyleName, text: withOutputFontUrls(custom.text)})
    origins[customStyleName] = [custom.origin]
    sheets.push(fontSheet(custom, files))
  }

  const fonts = await findFonts(sheets, {projectDir, themeDirs: chain, require: packageRequire(packageRoot)})
  return {name: themeName, chain: chain.map((layer) => layer.name), templates, styles, fonts, origins, files, problems: fontProblems(fonts, sheets)}
}

/** One stylesheet made of its layers, each after a comment that says where it comes from. */
function joinParts(parts: readonly Part[]): string {
  if (parts.length === 1) return withOutputFontUrls(parts[0]!.text)
  return parts.map((part, index) => `${index === 0 ? '' : `\n/* ${'-'.repeat(20)} ${part.shown}: adds to the above ${'-'.repeat(20)} */\n\n`}${withOutputFontUrls(part.text)}`).join('')
}

function fontSheet(part: Part, files: readonly VFile[]): FontSheet {
  const file = (part.inProject && files.find((item) => item.path === part.shown)) || new VFile({path: part.shown, value: part.text})
  return {text: part.text, shown: part.shown, inProject: part.inProject, file}
}

/** A finding for every place a missing font is named, and for every @font-face url that is not a theme font. */
function fontProblems(fonts: readonly ThemeFont[], sheets: readonly FontSheet[]): ThemeProblem[] {
  const problems: ThemeProblem[] = []
  for (const font of fonts) {
    if (font.path) continue
    const where = font.tried.map((place) => `\`${place}\``).join(' or ')
    for (const declaration of font.declarations) {
      problems.push({
        file: declaration.shown,
        inProject: declaration.inProject,
        position: declaration.position,
        message: font.refused
          ? `Cannot read the font file: ${font.refused}`
          : `Cannot find the font file \`${font.file}\`${declaration.family ? ` of \`${declaration.family}\`` : ''}, expected it at ${where}`,
        hint: declaration.inProject || !font.fontsource
          ? `Put \`${font.file}\` in the project's theme/fonts/ folder, or correct the url() of its @font-face.`
          : `It comes with the ${font.fontsource} package: reinstall rapporteur with \`npm ci\`, or put the file in the project's theme/fonts/ folder.`
      })
    }
  }
  // A project's url("inter.woff2") or url("/fonts/…"): build copies only the files of a fonts/ folder.
  for (const sheet of sheets.filter((item) => item.inProject)) {
    for (const url of fontFaceUrlsOf(sheet)) {
      if (url.file || /^(data:|https?:|local\()/u.test(url.url)) continue
      problems.push({
        file: sheet.shown,
        inProject: true,
        position: url.position,
        message: `Unexpected font url \`${url.url}\`, expected \`fonts/<file>\`, a file of the project's theme/fonts/ folder`,
        hint: 'Put the font file in theme/fonts/ and name it `url("fonts/<file>")` in theme/custom.css, or `url("../fonts/<file>")` in theme/styles/.'
      })
    }
  }
  return problems
}

function fontFaceUrlsOf(sheet: FontSheet) {
  return fontFaceUrls(sheet.text).map((url) => ({...url, position: positionFromOffsets(sheet.file, url.start, url.end)}))
}
