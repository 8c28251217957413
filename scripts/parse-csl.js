// rapporteur's CSL styles and citation-js's locales, parsed once here for citeproc-js instead of in
// every build (src/render/citations/parsed-xml.ts): dist/csl/, made afresh.
import {rm} from 'node:fs/promises'
import {parsedCslFolder, writeParsedCsl} from '../dist/render/citations/parsed-xml.js'

await rm(parsedCslFolder, {recursive: true, force: true})
writeParsedCsl()
