import {check, type CheckOptions} from '../api/check.js'
import {toJsonDiagnostics, type JsonDiagnostic} from '../diagnostics/to-json.js'
import {CannotRunError} from '../load/cannot-run.js'
import {loadTheme, type Theme} from '../load/theme.js'
import type {EditionName} from '../model/schemas/config.js'
import type {ReportModel} from '../model/types.js'
import type {RenderMode} from '../render/context.js'
import type {ChangeKind} from './changes.js'
import {renderPage} from './render.js'
import {openReportCitationStore} from '../api/citation-store.js'
import {memoryStore, type FormattedStore} from '../render/citations/collector.js'
import {shownText} from '../load/merge-conflicts.js'

/** What every page is told over the event stream. */
export interface PreviewState {
  /** Changes whenever what a page shows changes; a page served with another one reloads. */
  version: string
  /**
   * Changes with the stylesheets, fonts, templates and project assets. When only the version
   * moved, an open web page can swap in the new body instead of reloading everything.
   */
  assets: string
  diagnostics: JsonDiagnostic[]
  /** The pages are older than the files: some file could not be read or validated. */
  stale: boolean
}

/** What one rebuild did, for the terminal. */
export interface RebuildOutcome {
  /** The pages changed: pages open in a browser reload. */
  reloaded: boolean
  state: PreviewState
  /** File texts by path, for the code frames of the pretty reporter. */
  sources: ReadonlyMap<string, string>
}

/**
 * The preview's memory: the last model that could be read, the theme, the pages rendered from
 * them, and the current findings. Nothing here throws on bad input: a broken file becomes a
 * finding and the last good pages stay. Pages are rendered when asked for, once per change.
 */
export class PreviewSession {
  #model: ReportModel | undefined
  #theme: Theme | undefined
  /** Bumped when the rendered HTML must change (model or templates); the page cache's key. */
  #generation = 0
  /** Bumped when anything a page shows changes (also a stylesheet); unique across restarts. */
  #version = 0
  #assets = 0
  readonly #run = Date.now().toString(36)
  #found: JsonDiagnostic[] = []
  #themeProblem: JsonDiagnostic | undefined
  readonly #renderProblems = new Map<string, JsonDiagnostic>()
  #sources: ReadonlyMap<string, string> = new Map()
  #stale = false
  readonly #pages = new Map<string, {generation: number; html: string}>()
  readonly #rendering = new Map<string, {generation: number; html: Promise<string | undefined>}>()
  /** The last editions' citations this session formatted or read, by the collector's key (#citationsOf). */
  readonly #formatted = memoryStore()

  constructor(
    readonly dir: string,
    /** Called when a page failed to render after the rebuild reported: the findings changed. */
    private readonly onLateProblem: () => void = () => {},
    /**
     * How each check reads the Markdown's trees (check()'s `treeCache` and `env`), and whether
     * formatted citations are kept in the user's cache folder (`citationCache`, as `build` keeps them).
     */
    private readonly options: Pick<CheckOptions, 'treeCache' | 'env'> & {citationCache?: boolean} = {}
  ) {}

  get model(): ReportModel | undefined {
    return this.#model
  }

  get theme(): Theme | undefined {
    return this.#theme
  }

  get state(): PreviewState {
    const diagnostics = [...this.#found, ...(this.#themeProblem ? [this.#themeProblem] : []), ...this.#renderProblems.values()]
    return {version: `${this.#run}-${this.#version}`, assets: `${this.#run}-${this.#assets}`, diagnostics, stale: this.#stale}
  }

  /**
   * Re-read what `kinds` says changed. `first` is the start-up build: there, a folder that is not
   * a project (or a theme that cannot be read) throws `CannotRunError`, as `check` does (exit 2).
   */
  async rebuild(kinds: ReadonlySet<ChangeKind>, first = false): Promise<RebuildOutcome> {
    const before = this.#version
    // The theme's stylesheets and templates are checked too (stylesheet-declaration, missing-font,
    // template-resource…): a style edit checks again, or its findings stayed those of the start.
    if (first || kinds.has('model') || kinds.has('style') || kinds.has('template')) await this.#check(first)
    // The config names the theme: a new name is a new set of templates.
    const themeName = this.#model?.config.theme ?? 'default'
    const renamed = this.#theme !== undefined && this.#theme.name !== themeName
    if (first || renamed || kinds.has('template') || kinds.has('style')) await this.#loadTheme(themeName, first, renamed || kinds.has('template'))
    if (kinds.has('asset')) {
      this.#version++
      this.#assets++
    }
    return {reloaded: this.#version !== before, state: this.state, sources: this.#sources}
  }

  /** The HTML of an edition in a mode, from the last good model; undefined when there is none yet. */
  async page(edition: EditionName, mode: RenderMode): Promise<string | undefined> {
    const model = this.#model
    const theme = this.#theme
    if (!model || !theme) return undefined
    const key = `${edition}:${mode}`
    const generation = this.#generation
    const cached = this.#pages.get(key)
    if (cached?.generation === generation) return cached.html
    const running = this.#rendering.get(key)
    if (running?.generation === generation) return running.html
    const html = this.#render(key, generation, async () => {
      const citations = await this.#citationsOf(edition)
      const page = await renderPage(model, theme, edition, mode, citations?.store)
      await citations?.saved()
      return page
    })
    this.#rendering.set(key, {generation, html})
    return html
  }

  /**
   * Where an edition's citations are formatted through, with `citationCache`: this session's
   * memory first (a rebuild after an edit), then what `build` or an earlier preview kept in the
   * cache folder (api/citation-store.ts), read when the page is asked for; what is formatted goes
   * to both. A store that cannot be opened only means formatting them.
   */
  async #citationsOf(edition: EditionName): Promise<{store: FormattedStore; saved(): Promise<void>} | undefined> {
    if (!this.options.citationCache) return undefined
    const kept = await openReportCitationStore(this.dir, this.options.env)
    const folder = kept?.edition(edition)
    const memory = this.#formatted
    return {
      store: {
        get: (key) => memory.get(key) ?? folder?.get(key),
        set(key, formatted) {
          memory.set(key, formatted)
          folder?.set(key, formatted)
        }
      },
      saved: async () => {
        if (kept && kept.counts.formatted > 0) await kept.save()
      }
    }
  }

  async #render(key: string, generation: number, work: () => Promise<string>): Promise<string | undefined> {
    try {
      const html = await work()
      this.#pages.set(key, {generation, html})
      this.#renderProblems.delete(key)
      return html
    } catch (error) {
      // A renderer bug on odd input: keep the page this key had, and say what happened.
      this.#renderProblems.set(key, problem('rapporteur.yaml', `Cannot render the ${key.replace(':', ' edition, ')} view: ${(error as Error).message}`, 'preview-render'))
      this.onLateProblem()
      return this.#pages.get(key)?.html
    } finally {
      if (this.#rendering.get(key)?.generation === generation) this.#rendering.delete(key)
    }
  }

  async #loadTheme(name: string, first: boolean, templates: boolean): Promise<void> {
    try {
      this.#theme = await loadTheme(this.dir, name)
      this.#themeProblem = undefined
      this.#version++
      this.#assets++
      if (templates) this.#newGeneration()
    } catch (error) {
      if (first) throw error
      this.#themeProblem = problem('rapporteur.yaml', (error as Error).message, 'preview-theme')
    }
  }

  async #check(first: boolean): Promise<void> {
    try {
      const result = await check(this.dir, {treeCache: this.options.treeCache, env: this.options.env})
      this.#sources = new Map(result.files.map((file) => [file.path, shownText(file)]))
      this.#found = toJsonDiagnostics(result.files).filter((item) => item.severity !== 'info')
      // A file that cannot be parsed or validated (rule `schema`) leaves holes in the model: keep
      // the last good pages. Other findings (an uncited figure) do not stop the pages following.
      if (!result.ok || this.#found.some((item) => item.rule === 'schema' && item.severity === 'error')) {
        this.#stale = this.#model !== undefined
        return
      }
      this.#model = result.model
      this.#stale = false
      this.#newGeneration()
    } catch (error) {
      if (first && error instanceof CannotRunError) throw error
      // Half-saved or vanished files, or a bug on odd input: a finding, never a crash.
      this.#found = [problem('rapporteur.yaml', (error as Error).message, 'preview')]
      this.#stale = this.#model !== undefined
    }
  }

  #newGeneration(): void {
    this.#generation++
    this.#version++
    this.#renderProblems.clear()
  }
}

function problem(file: string, message: string, rule: string): JsonDiagnostic {
  return {file, line: 1, column: 1, endLine: 1, endColumn: 1, rule, severity: 'error', message}
}
