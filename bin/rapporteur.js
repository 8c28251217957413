#!/usr/bin/env node
// The compiled CLI lives in dist/ (built by `npm ci` through the `prepare` script), and as a bundle
// in dist/bundle/ that loads faster (scripts/bundle.js); the compiled modules when there is none.
import {existsSync} from 'node:fs'

const bundle = new URL('../dist/bundle/cli.js', import.meta.url)
const {main} = await import(existsSync(bundle) ? bundle.href : '../dist/cli/main.js')

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

process.exitCode = await main(process.argv.slice(2))
