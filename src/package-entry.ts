/**
 * The package's entry, what `import {build} from 'rapporteur'` loads: the API of index.ts, from
 * the bundle (dist/bundle-api/index.cjs, made beside the CLI's by scripts/bundle.js) when there is one,
 * from the compiled modules otherwise (a checkout whose bundle was never built, the tests).
 *
 * Why: Node's ES module loader finds, reads and links the hundreds of small modules of index.ts's
 * graph one by one (0.6–0.75 s on the machine of bench/README.md, point 60), where the bundle's
 * few files load in ~0.2 s; a program calling `build()` in a fresh process waited that long before
 * any work. Everything this file exports comes from one place, so a program holds one copy of
 * rapporteur's code and classes. Unlike the CLI, it keeps no compiled code between runs: a
 * library writes nothing to the user's cache folder unless asked (that cache would save ~0.1 s
 * more, bench/README.md, point 60).
 */
import {existsSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {loadBundle} from './cli/load-bundle.js'
import type * as Api from './index.js'

const bundle = fileURLToPath(new URL('bundle-api/index.cjs', import.meta.url))
const api = (existsSync(bundle) ? loadBundle(bundle).exports : await import('./index.js')) as typeof Api

// The same names as index.ts (test/api/package-entry.test.ts compares the two lists).
export const {check, buildModel, loadProject, rules, toJsonDiagnostics, exportRows, exportKinds, formatRows, csvDelimiters, build, loadTheme, availableThemes, main} = api
export type {BuildOptions, BuildResult, CheckOptions, CheckResult, CsvDelimiter, CsvOptions, ExportKind, JsonDiagnostic, ProjectInput, ReportModel, Row} from './index.js'
