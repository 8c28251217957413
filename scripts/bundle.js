// The CLI as a few files (dist/bundle/), made from the compiled dist/ by `npm run build:ts` and
// `npm ci` (the `prepare` script). Why: Node's ES module loader costs about 0.3 s to find, read and
// link the hundreds of small modules `check` needs (micromark and the unified ecosystem) before
// any work starts, in every command; the bundle loads in a fraction of that (docs/building.md).
// bin/rapporteur.js runs the bundle when it is there (through dist/cli/load-bundle.js, which keeps
// V8's compiled code of each chunk between runs), dist/cli/main.js otherwise. The API
// (`import 'rapporteur'`) gets a bundle of its own, dist/bundle-api/, which dist/package-entry.js
// loads, for the same reason.
//
// The chunks are CommonJS because Node 20 gives no way to hand V8 a code cache for an ES module
// (`module.enableCompileCache` came with Node 22): load-bundle.js compiles each chunk itself with
// `vm.Script` and its cached data. Such a script cannot run `import()` (Node 20 asks for an
// experimental flag), so the externals' dynamic imports become `require()`, which loads ES modules
// since Node 20.19 (the `engines` floor), and the build fails if any `import()` is left.
//
// Packages that find files beside their own code (the browser, Paged.js, pdf.js, KaTeX, fonts,
// hyphenation patterns) stay outside the bundle and are loaded from node_modules as before, and so
// do the few that load fast. citeproc, one 0.97 MB CommonJS file, is bundled for the code cache:
// loaded from node_modules, Node compiled it afresh in every build, on its longest path (the
// sample 51 ms sooner, median of 20 interleaved; bench/README.md, point 40). image-size too (12 ms to
// load from node_modules, at the start of every check: point 41). puppeteer-core
// (0.2 s to import from node_modules, its proxy and download code included) and pdf-lib (0.18 s:
// ~200 CommonJS files) are bundled: a clean build of the sample took 0.23 s less (median of 6,
// interleaved). Without `proxy-agent`, which only puppeteer's browser downloads use (a stand-in
// in scripts/bundle-stubs/): its 1.6 MB (a PAC interpreter in WebAssembly, FTP and SOCKS clients)
// were read, hashed and compiled by every build, ~0.1 s (bench/README.md, point 32). dist/bundle/ sits as deep in the package as dist/*/, so the
// paths rapporteur builds from its own modules (the package's root, its themes and styles) are the
// same from both.
import {readdir, readFile, rm, writeFile} from 'node:fs/promises'
import {fileURLToPath} from 'node:url'
import {build} from 'rolldown'
import {parseAst} from 'rolldown/parseAst'
import {escapeNonAscii} from './ascii-chunks.js'

const external = [
  '@citation-js/',
  '@fontsource/',
  '@sparticuz/chromium',
  // Reads its grammar (data/patch.json) from beside its code; loaded only for a project with stylesheets.
  'css-tree',
  'csv-stringify',
  'fastest-levenshtein',
  'hyphen',
  'katex',
  'mustache',
  'pagedjs',
  'pdfjs-dist'
]

const isExternal = (id) => external.some((name) => (name.endsWith('/') ? id.startsWith(name) : id === name || id.startsWith(`${name}/`)))

// Two bundles from the same modules: the CLI's, and the API's (`import 'rapporteur'`, through
// dist/package-entry.js). Apart, because an entry point of its own changes how rolldown cuts the
// chunks: with both in one build, the CLI loaded more at its start (`rapporteur check` of the sample
// ~30 ms slower, bench/README.md, point 60).
const bundles = [
  {dir: '../dist/bundle/', input: {cli: '../dist/cli/main.js'}},
  {dir: '../dist/bundle-api/', input: {index: '../dist/index.js'}}
]

for (const {dir, input} of bundles) {
  const out = new URL(dir, import.meta.url)
  await rm(out, {recursive: true, force: true})
  await build({
    input: Object.fromEntries(Object.entries(input).map(([name, file]) => [name, fileURLToPath(new URL(file, import.meta.url))])),
    platform: 'node',
    external: isExternal,
    // puppeteer's browser downloads need a proxy stack rapporteur never uses (scripts/bundle-stubs/).
    resolve: {alias: {'proxy-agent': fileURLToPath(new URL('bundle-stubs/proxy-agent.js', import.meta.url))}},
    logLevel: 'warn',
    output: {dir: fileURLToPath(out), format: 'cjs', dynamicImportInCjs: false, entryFileNames: '[name].cjs', chunkFileNames: '[name]-[hash].cjs'}
  })
  await checkChunks(out, dir.slice('../'.length))
}

/** The first `import(…)` expression in a program, by walking its ESTree nodes. */
function findImportExpression(node) {
  if (node === null || typeof node !== 'object') return undefined
  if (node.type === 'ImportExpression') return node
  for (const value of Object.values(node)) {
    const found = Array.isArray(value) ? value.map(findImportExpression).find(Boolean) : findImportExpression(value)
    if (found) return found
  }
  return undefined
}

/** Each chunk free of `import()`, and written in ASCII where that keeps it the same program. */
async function checkChunks(out, shown) {
  for (const name of await readdir(out)) {
    const code = await readFile(new URL(name, out), 'utf8')
    const found = findImportExpression(parseAst(code, {sourceType: 'script'}, name))
    if (found) throw new Error(`${shown}${name} still has \`${code.slice(found.start, found.end)}\`, which load-bundle.js cannot run: make it a static import, or list the package in scripts/bundle.js`)
    // Read as Latin-1 by load-bundle.js when it is all ASCII (scripts/ascii-chunks.js).
    const escaped = escapeNonAscii(code, parseAst)
    if (escaped.code !== code) {
      parseAst(escaped.code, {sourceType: 'script'}, name)
      await writeFile(new URL(name, out), escaped.code)
    }
  }
}
