import {access} from 'node:fs/promises'
import {constants} from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import type {Position} from 'unist'
import type {VFile} from 'vfile'
import {positionFromOffsets} from '../diagnostics/location.js'
import {blankComments, fontFaceBlocks} from './css-text.js'
import {resolveInside} from './sandbox.js'

/** A `url()` in the `src` of an `@font-face`, with its place in the stylesheet. */
export interface FontFaceUrl {
  /** The url as written, without quotes. */
  url: string
  /** The font file it names when it is `fonts/<file>` or `../fonts/<file>`: a file of a theme's `fonts/` folder. */
  file: string | undefined
  /** The family the @font-face declares. */
  family: string | undefined
  /** Offsets of the url (inside the parentheses) in the stylesheet's text. */
  start: number
  end: number
}

/** Where a stylesheet names a font file. */
export interface FontDeclaration {
  /** The stylesheet as shown to the user: `theme/custom.css` (project), `themes/sobre/styles/fonts.css`. */
  shown: string
  inProject: boolean
  position: Position
  family: string | undefined
}

/** A font file a theme's stylesheets name, and the file build copies to `assets/fonts/<file>`. */
export interface ThemeFont {
  file: string
  /** Absent when no folder holds it: a `missing-font` finding (or a broken install, for a built-in theme's font). */
  path: string | undefined
  /** Where it was found: `project` (theme/fonts/), a built-in theme's name, or `@fontsource/<package>`. */
  from: string | undefined
  /** Where it would have come from, had it been there: the places looked in, as shown to the user. */
  tried: string[]
  /** The @fontsource package that would hold it, for a file named the @fontsource way. */
  fontsource: string | undefined
  /** Why the project's own file cannot be used (a link out of the project, too large…): never read. */
  refused?: string
  declarations: FontDeclaration[]
}

/** A stylesheet with the places of its font urls, read from one layer of the theme. */
export interface FontSheet {
  text: string
  shown: string
  inProject: boolean
  /** A file to locate offsets in (the project's own stylesheet is also a finding's file). */
  file: VFile
}

const fontFile = /^(?:\.\.\/)?fonts\/([\w-][\w.-]*)$/u

/** Every url() in the src of the stylesheet's @font-face rules. */
export function fontFaceUrls(css: string): FontFaceUrl[] {
  const text = blankComments(css)
  const urls: FontFaceUrl[] = []
  for (const face of fontFaceBlocks(text)) {
    const {block} = face
    const family = /font-family\s*:\s*["']?([^;"'}]+?)["']?\s*(?:;|\})/u.exec(block)?.[1]?.trim()
    for (const match of block.matchAll(/url\(\s*(["']?)([^"')]*)\1\s*\)/gu)) {
      const url = match[2]!.trim()
      const start = face.index + match.index + match[0].indexOf(match[2]!)
      urls.push({url, file: fontFile.exec(url)?.[1], family, start, end: start + match[2]!.length})
    }
  }
  return urls
}

/** The stylesheet with each theme font's url as the output has it: `../fonts/<file>`, from `assets/styles/`. */
export function withOutputFontUrls(css: string): string {
  const edits = fontFaceUrls(css).filter((url) => url.file !== undefined)
  let out = css
  for (const edit of edits.reverse()) out = out.slice(0, edit.start) + `../fonts/${edit.file}` + out.slice(edit.end)
  return out
}

/** `source-serif-4-latin-400-normal.woff2` → `source-serif-4`: the package @fontsource names its files after. */
const fontsourceFile = /^(.+?)-(?:latin|latin-ext|cyrillic|cyrillic-ext|greek|greek-ext|vietnamese|math|symbols)-(?:\d{3}|variable|wght)-(?:normal|italic)\.woff2?$/u

export function fontsourcePackage(file: string): string | undefined {
  const match = fontsourceFile.exec(file)
  return match ? `@fontsource/${match[1]}` : undefined
}

/**
 * Find each font file the stylesheets name with `url("fonts/<file>")` or `url("../fonts/<file>")`,
 * under any name: in the project's `theme/fonts/` first (inside the project, links included), then in
 * each built-in theme's `fonts/` folder, nearest first, then, for a file named the @fontsource way
 * (`<package>-<subset>-<weight>-<style>.woff2`), in that installed package.
 */
export async function findFonts(sheets: readonly FontSheet[], places: {projectDir: string; themeDirs: ReadonlyArray<{name: string; dir: string}>; require: NodeJS.Require}): Promise<ThemeFont[]> {
  const byFile = new Map<string, ThemeFont>()
  for (const sheet of sheets) {
    for (const url of fontFaceUrls(sheet.text)) {
      if (!url.file) continue
      let font = byFile.get(url.file)
      if (!font) {
        font = {file: url.file, path: undefined, from: undefined, tried: [], fontsource: fontsourcePackage(url.file), declarations: []}
        byFile.set(url.file, font)
      }
      font.declarations.push({shown: sheet.shown, inProject: sheet.inProject, position: positionFromOffsets(sheet.file, url.start, url.end), family: url.family})
    }
  }
  await Promise.all([...byFile.values()].map((font) => locate(font, places)))
  return [...byFile.values()]
}

async function locate(font: ThemeFont, places: {projectDir: string; themeDirs: ReadonlyArray<{name: string; dir: string}>; require: NodeJS.Require}): Promise<void> {
  const own = await resolveInside(places.projectDir, path.join('theme', 'fonts', font.file))
  font.tried.push(`theme/fonts/${font.file}`)
  if (own.ok) return void Object.assign(font, {path: own.path, from: 'project'})
  if (!own.missing) return void (font.refused = own.reason)
  for (const theme of places.themeDirs) {
    const candidate = path.join(theme.dir, 'fonts', font.file)
    if (await readable(candidate)) return void Object.assign(font, {path: candidate, from: theme.name})
  }
  if (!font.fontsource) return
  font.tried.push(`${font.fontsource}/files/${font.file}`)
  try {
    // Resolved like an import, so it works when npm hoists @fontsource beside rapporteur.
    const candidate = places.require.resolve(`${font.fontsource}/files/${font.file}`)
    if (await readable(candidate)) Object.assign(font, {path: candidate, from: font.fontsource})
  } catch {
    // Not installed: missing.
  }
}

function readable(file: string): Promise<boolean> {
  return access(file, constants.R_OK).then(() => true, () => false)
}

/** The font families a theme declares with @font-face, in order. */
export function declaredFamilies(fonts: readonly ThemeFont[]): string[] {
  return [...new Set(fonts.flatMap((font) => font.declarations.map((declaration) => declaration.family)).filter((family): family is string => Boolean(family)))]
}

/** A require() from the package's folder, for the @fontsource packages. */
export function packageRequire(packageRoot: string): NodeJS.Require {
  return createRequire(path.join(packageRoot, 'package.json'))
}
