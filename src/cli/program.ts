import {Command, Option} from 'commander'
import {exportKinds, type ExportKind} from '../export/tables.js'
import type {CheckCommandOptions} from './commands/check.js'
import type {BuildCommandOptions} from './commands/build.js'
import type {DoctorCommandOptions} from './commands/doctor.js'
import type {ExportCommandOptions} from './commands/export.js'
import type {InitCommandOptions} from './commands/init.js'
import type {Io} from './io.js'
import {collectRule, parseCount, parseDelimiter, parsePositive} from './options.js'
import {version} from './version.js'

/**
 * The command tree; each action sets the exit code through `setExit`, never process.exit(). A
 * command's module is loaded when it runs: loading all of them (the browser driver, the PDF library,
 * the preview server…) took a second before `check` or `build` could start.
 */
export function createProgram(io: Io, setExit: (code: number) => void): Command {
  const program = new Command('rapporteur')
    .description('Write advocacy reports as structured Markdown; check every figure; build PDF and HTML.')
    .version(version)
    .configureOutput({writeOut: io.stdout, writeErr: io.stderr})
    .exitOverride()
    .showSuggestionAfterError()

  program
    .command('check')
    .description('validate the report: schemas, sources, references, glossary, and a source for every figure')
    .argument('[dir]', 'report folder', 'report')
    .addOption(new Option('--format <format>', 'output format (html: the reviewer\'s audit page)').choices(['pretty', 'json', 'sarif', 'github', 'gitlab', 'html']).default('pretty'))
    .option('--audit <file>', 'also write the audit report (one self-contained HTML page) to this file')
    .option('--review <file>', "the reviewer's marks to show in the audit page: a review.json saved from it (default: review.json in the report folder, when there is one)")
    .option('--no-review', 'show no review in the audit page, even if the report folder has a review.json')
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this', parseCount)
    .option('--rule <id=severity>', 'override a rule severity (off, info, warning, error); repeatable', collectRule)
    .option('--list-waivers', 'list the figures waived with :waive[…]{reason=…} (on stderr)')
    .option('--color', 'force colours')
    .option('--no-color', 'plain output, no colours')
    .action(async (dir: string, options: CheckCommandOptions) => setExit(await (await import('./commands/check.js')).runCheck(dir, options, io)))

  program
    .command('build')
    .description('check, then build the full report and its synthesis as PDF and HTML')
    .argument('[dir]', 'report folder', 'report')
    .addOption(new Option('--edition <edition>', 'build one edition only').choices(['full', 'synthesis']))
    .addOption(new Option('--format <format>', 'build one format only').choices(['pdf', 'html']))
    .option('--out <dir>', 'output folder (default: dist inside the report folder)')
    .option('--browser <path>', 'Chromium or Chrome to print with (else PUPPETEER_EXECUTABLE_PATH, @sparticuz/chromium, a system Chromium)')
    .option('--force', 'build from scratch: every PDF printed again, every part laid out again, even when nothing changed')
    .option('--jobs <n>', 'parts of the PDFs laid out at once, each a browser process (default: the cores, at most 4; 1 uses the least memory)', parsePositive)
    .option('--progress', 'progress lines on stderr (the default on a terminal, outside CI)')
    .option('--no-progress', 'no progress lines')
    .option('--color', 'force colours')
    .option('--no-color', 'plain output, no colours')
    .action(async (dir: string, options: BuildCommandOptions) => setExit(await (await import('./commands/build.js')).runBuild(dir, options, io)))

  program
    .command('preview')
    .description('serve both editions (web and paged views), rebuild and reload on save')
    .argument('[dir]', 'report folder', 'report')
    .option('--port <n>', 'port to listen on (default: a free one)', parseCount)
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--open', 'open the index in your browser')
    .action(async (dir: string, options: {port?: number; host?: string; open?: boolean}) => setExit(await (await import('./commands/preview.js')).runPreview(dir, options, io)))

  program
    .command('init')
    .description('write a small, valid, commented example report into a new folder')
    .argument('<dir>', 'folder to create')
    .addOption(new Option('--lang <lang>', 'language of the example').choices(['fr', 'en']).default('fr'))
    .option('--force', 'write into a folder that is not empty (files of the same name are replaced)')
    .action(async (dir: string, options: InitCommandOptions) => setExit(await (await import('./commands/init.js')).runInit(dir, options, io)))

  program
    .command('doctor')
    .description('check Node.js, the browser, the config, the theme, its fonts and the output folder')
    .argument('[dir]', 'report folder', 'report')
    .option('--browser <path>', 'Chromium or Chrome to check, as for build --browser')
    .action(async (dir: string, options: DoctorCommandOptions) => setExit(await (await import('./commands/doctor.js')).runDoctor(dir, options, io)))

  program
    .command('export')
    .description('export recommendations, stats, sources, citations or figures as JSON or CSV')
    .addArgument(program.createArgument('<what>', 'what to export').choices(exportKinds))
    .argument('[dir]', 'report folder', 'report')
    .addOption(new Option('--format <format>', 'output format').choices(['json', 'csv']).default('json'))
    .option('--delimiter <char>', 'CSV field separator: `,` (the default), `;` (Excel in French) or `tab`', parseDelimiter)
    .option('--no-bom', 'CSV without the UTF-8 byte order mark (Excel needs it to read accents)')
    .option('--out <file>', 'write the export into this file instead of stdout (the same bytes)')
    .option('--color', 'force colours')
    .option('--no-color', 'plain output, no colours')
    .action(async (what: ExportKind, dir: string, options: ExportCommandOptions, command: Command) => {
      // A separator or a missing mark asked of JSON is a CSV export forgotten: say so rather than ignore it.
      const csvOnly = options.delimiter !== undefined ? '--delimiter <char>' : options.bom === false ? '--no-bom' : undefined
      if (options.format === 'json' && csvOnly) command.error(`error: option '${csvOnly}' applies to CSV only and the format is JSON: add \`--format csv\``)
      setExit(await (await import('./commands/export.js')).runExport(what, dir, options, io))
    })

  return program
}
