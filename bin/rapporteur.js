#!/usr/bin/env node
// The compiled CLI lives in dist/ (built by `npm ci` through the `prepare` script).
import {main} from '../dist/cli/main.js'

process.on('SIGINT', () => {
  process.exitCode = 130
  process.exit()
})

process.exitCode = await main(process.argv.slice(2))
