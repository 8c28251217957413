#!/usr/bin/env node
// The compiled CLI lives in dist/ (built by `npm ci` through the `prepare` script), and as a bundle
// in dist/bundle/ that loads faster (scripts/bundle.js), run with V8's compiled code kept between
// runs (dist/cli/load-bundle.js); the compiled modules when there is no bundle.
import {existsSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

// A checkout whose compiled code was never built (or whose build failed) says so, not a stack trace.
const compiled = fileURLToPath(new URL('../dist/cli/', import.meta.url))
if (!existsSync(path.join(compiled, 'main.js')) || !existsSync(path.join(compiled, 'tier-up.js'))) {
  const root = path.dirname(path.dirname(compiled))
  process.stderr.write(`rapporteur: Cannot run: its compiled code is missing (\`${compiled}\`)\n  Run \`npm ci\` (or \`npm run build:ts\`) in \`${root}\`, then try again.\n`)
  process.exit(2)
}

// First: V8 optimises code later than by default, which suits a command (dist/cli/tier-up.js).
const {tierUpLater} = await import('../dist/cli/tier-up.js')
tierUpLater()

const bundle = fileURLToPath(new URL('../dist/bundle/cli.cjs', import.meta.url))
const args = process.argv.slice(2)
const {main} = existsSync(bundle) ? await runBundle() : await import('../dist/cli/main.js')

async function runBundle() {
  const {codeCacheDir, codeCacheSetting, loadBundle} = await import('../dist/cli/load-bundle.js')
  const {warning} = codeCacheSetting()
  if (warning) process.stderr.write(`${warning}\n`)
  return loadBundle(bundle, codeCacheDir(args.find((arg) => !arg.startsWith('-')), path.dirname(bundle))).exports
}

// `rapporteur export figures | head`: the reader closed the pipe, which is not an error of ours.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0)
    throw error
  })
}

process.on('SIGINT', () => {
  process.exitCode = 130
  process.exit()
})

process.exitCode = await main(args)
