/** The public API: what the CLI calls, and what other programs and tests can call. */
export {check, type CheckOptions, type CheckResult} from './api/check.js'
export {buildModel, type ProjectInput} from './model/build.js'
export {loadProject} from './load/load-project.js'
export {rules} from './check/rules/index.js'
export {toJsonDiagnostics, type JsonDiagnostic} from './diagnostics/to-json.js'
export {exportRows, exportKinds, type ExportKind} from './export/tables.js'
export type {ReportModel} from './model/types.js'
export {main} from './cli/main.js'
