import path from 'node:path'
import {check} from '../api/check.js'
import {CannotRunError} from '../load/cannot-run.js'
import type {BrowserProbe} from '../print/browser.js'
import {fail, skip, type DoctorLine} from './line.js'
import {browserLines, minimumNode, nodeLine} from './machine.js'
import {checkLines, outputLine, themeLines} from './project.js'

export interface DoctorOptions {
  /** An explicit browser executable, as `build --browser` takes. */
  browser?: string
  env: NodeJS.ProcessEnv
  /** The folder as the user typed it, for the messages; default the absolute path. */
  shownDir?: string
  /** The Node.js version to judge; default this process's. */
  nodeVersion?: string
  probe?: BrowserProbe
  timeoutMs?: number
}

export interface DoctorReport {
  lines: DoctorLine[]
  /** False when the folder is not a report (no folder, or no rapporteur.yaml): exit 2. */
  isProject: boolean
}

/**
 * Everything `build` needs, looked at in turn: this machine first (Node.js, the browser), then the
 * project (config, check, theme, fonts, output folder). Never prints; the CLI formats the lines.
 */
export async function doctor(dir: string, options: DoctorOptions): Promise<DoctorReport> {
  const shownDir = options.shownDir ?? dir
  const lines = [nodeLine(options.nodeVersion ?? process.versions.node, await minimumNode())]
  lines.push(...(await browserLines({explicit: options.browser, env: options.env, probe: options.probe, timeoutMs: options.timeoutMs ?? 30_000})))

  let checked: Awaited<ReturnType<typeof check>>
  try {
    checked = await check(dir)
  } catch (error) {
    // No folder or no rapporteur.yaml: the machine lines above still help, the project ones cannot run.
    if (!(error instanceof CannotRunError)) throw error
    lines.push(fail('Project', error.message, `Pass the folder that holds rapporteur.yaml, or start a new one with \`rapporteur init DIR\`.`))
    return {lines, isProject: false}
  }
  lines.push(...checkLines(checked, shownDir))
  if (checked.ok) lines.push(...(await themeLines(dir, checked.model.config.theme)))
  else lines.push(skip('Theme', 'not checked: the config is invalid'), skip('Fonts', 'not checked: the config is invalid'))
  lines.push(await outputLine(dir, shownDir))
  return {lines, isProject: true}
}

/** A path as the user would type it: relative to the working folder when inside it. */
export function shownPath(cwd: string, dir: string): string {
  const relative = path.relative(cwd, dir)
  return relative === '' ? '.' : relative.startsWith('..') ? dir : relative
}
