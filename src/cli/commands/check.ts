import path from 'node:path'
import {check} from '../../api/check.js'
import {renderAudit} from '../../audit/render-audit.js'
import {rules} from '../../check/rules/index.js'
import {formatGithub, type GithubOptions} from '../../diagnostics/reporters/github.js'
import {formatGitlab} from '../../diagnostics/reporters/gitlab.js'
import {formatPretty} from '../../diagnostics/reporters/pretty.js'
import {formatSarif} from '../../diagnostics/reporters/sarif.js'
import {countBySeverity, toJsonDiagnostics} from '../../diagnostics/to-json.js'
import {pathFromRoot} from '../../diagnostics/report-place.js'
import type {SeveritySetting} from '../../diagnostics/severity.js'
import {CannotRunError} from '../../load/cannot-run.js'
import {locateReport} from '../../load/repository.js'
import {defaultReviewName, type ReviewSource} from '../../load/review-file.js'
import {writeFileAtomic} from '../../print/write-atomic.js'
import {exitCodes, useColor, type Io} from '../io.js'
import {version} from '../version.js'
import {treeCacheWanted} from '../cache-setting.js'
import {changedFiles} from '../changed-files.js'
import {shownText} from '../../load/merge-conflicts.js'

export interface CheckCommandOptions {
  /** `html` writes the reviewer's audit page instead of the findings (they are in the page). */
  format: 'pretty' | 'json' | 'sarif' | 'github' | 'gitlab' | 'html'
  /** Also write the audit page to this file, whatever `format` prints. */
  audit?: string
  /**
   * The reviewer's marks for the audit page: a `review.json` saved from the page (`--review FILE`),
   * `false` for none (`--no-review`); left out, the report folder's `review.json` when there is one.
   */
  review?: string | false
  maxWarnings?: number
  rule?: Record<string, SeveritySetting>
  listWaivers?: boolean
  color?: boolean
}

/** `rapporteur check [dir]`: report every finding; exit 1 on errors or too many warnings. */
export async function runCheck(dir: string, options: CheckCommandOptions, io: Io): Promise<number> {
  const folder = path.resolve(io.cwd, dir)
  const wantsPage = options.format === 'html' || options.audit !== undefined
  const result = await check(folder, {rules: options.rule ?? {}, review: reviewSource(folder, options.review, wantsPage, io), treeCache: treeCacheWanted(io), env: io.env})
  const diagnostics = toJsonDiagnostics(result.files)
  const sources = new Map(result.files.map((file) => [file.path, shownText(file)]))
  // Rendered once for stdout and --audit alike; without a readable config there is no model, so no page.
  const review = result.ok ? result.review : undefined
  const page = result.ok && wantsPage ? renderAudit(result.model, diagnostics, {generatedAt: generatedAt(io), ...(review ? {review} : {})}) : undefined
  switch (options.format) {
    case 'html':
      // Without a page, the findings say why on stderr, and stdout stays empty rather than half a page.
      if (page !== undefined) io.stdout(page)
      else io.stderr(formatPretty(diagnostics, {color: useColor(io, options.color), sources}))
      break
    case 'json':
      io.stdout(JSON.stringify(diagnostics, null, 2) + '\n')
      break
    case 'sarif':
      io.stdout(formatSarif(diagnostics, {rules, version, place: await locateReport(folder), sources}))
      break
    case 'github':
      io.stdout(formatGithub(diagnostics, await repositoryPaths(folder, io), await githubOptions(folder, io)))
      break
    case 'gitlab':
      io.stdout(formatGitlab(diagnostics, sources, await repositoryPaths(folder, io)))
      break
    default:
      io.stdout(formatPretty(diagnostics, {color: useColor(io, options.color), sources}))
  }
  if (options.listWaivers && result.ok) {
    const waivers = result.model.waivers
    io.stderr(waivers.length === 0 ? 'No waivers.\n' : `${waivers.length} waiver${waivers.length > 1 ? 's' : ''}:\n` + waivers.map((waiver) => `  ${waiver.file}:${waiver.position.start.line}:${waiver.position.start.column}  ${waiver.text}  — ${waiver.reason}\n`).join(''))
  }
  if (options.audit !== undefined) await writeAudit(path.resolve(io.cwd, options.audit), page, io)
  if (!result.ok) return exitCodes.cannotRun
  const counts = countBySeverity(diagnostics)
  if (counts.error > 0) return exitCodes.findings
  if (options.maxWarnings !== undefined && counts.warning > options.maxWarnings) {
    const said = `${counts.warning} warning${counts.warning === 1 ? '' : 's'}, more than --max-warnings ${options.maxWarnings}`
    io.stderr(`rapporteur: ${said}\n`)
    // In GitHub Actions, an annotation says why the job fails, beside the warnings' own.
    if (options.format === 'github') io.stdout(`::error title=rapporteur::${said}\n`)
    return exitCodes.findings
  }
  return exitCodes.clean
}

/** A finding's path as GitHub and GitLab read it: from the repository's root; outside one, from where rapporteur runs. */
async function repositoryPaths(folder: string, io: Io): Promise<(file: string) => string> {
  const place = await locateReport(folder)
  const prefix = path.relative(io.cwd, folder).split(path.sep).join('/')
  return (file) => (place.root !== undefined ? pathFromRoot(place, file) : prefix ? `${prefix}/${file}` : file)
}

/** The files the pull request changed, when git can say so from the clone alone (`changed-files.ts`). */
async function githubOptions(folder: string, io: Io): Promise<GithubOptions> {
  const changed = await changedFiles((await locateReport(folder)).root, io.env)
  return changed ? {changed} : {}
}

/**
 * Which review file to read. One named with `--review` is always read (and checked, page or not);
 * the report folder's own `review.json` only for a page, and only when it is there.
 */
function reviewSource(folder: string, option: string | false | undefined, wantsPage: boolean, io: Io): ReviewSource | undefined {
  if (option === false) return undefined
  if (typeof option === 'string') return {file: path.resolve(io.cwd, option), optional: false, written: option}
  return wantsPage ? {file: path.join(folder, defaultReviewName), optional: true} : undefined
}

/** `--audit FILE`: the page goes to the file all at once, so a reader never opens half of it. */
async function writeAudit(file: string, page: string | undefined, io: Io): Promise<void> {
  if (page === undefined) {
    io.stderr(`rapporteur: no audit written to ${path.relative(io.cwd, file) || file}: the config could not be read\n`)
    return
  }
  try {
    await writeFileAtomic(file, new TextEncoder().encode(page))
  } catch (error) {
    throw new CannotRunError(`Cannot write the audit to \`${file}\`: ${(error as Error).message}`, 'Check that its folder exists and can be written to.')
  }
}

/** The audit's timestamp: SOURCE_DATE_EPOCH when set, so reproducible pipelines get the same bytes. */
function generatedAt(io: Io): string {
  const epoch = io.env.SOURCE_DATE_EPOCH
  return (epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : new Date()).toISOString()
}
