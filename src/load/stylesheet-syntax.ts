import * as csstree from 'css-tree'
import type {VFile} from 'vfile'
import {didYouMean} from '../diagnostics/suggest.js'
import type {StylesheetDeclaration} from '../model/types.js'

/**
 * Properties of paged media (CSS GCPM and Paged Media, which Paged.js reads and browsers do not
 * know) and of Paged.js itself: not unknown, whatever CSS's own lists say.
 */
const pagedProperties: ReadonlySet<string> = new Set(['size', 'marks', 'bleed', 'string-set', 'footnote-display', 'footnote-policy', 'bookmark-level', 'bookmark-label', 'bookmark-state', 'page', 'prince-pdf-destination'])

/** Values of paged media, whose grammar CSS's own does not have: such a value is not matched. */
const pagedValue = /\b(?:footnote|running|element|string|target-counters?|target-text|leader|counter\(\s*pages?\b)|\bcontent\(/u

/** Paged media's at-rules inside `@page` (its margin boxes, the footnote area): Paged.js reads them. */
const pagedAtRules: ReadonlySet<string> = new Set(['footnote', ...['top', 'bottom'].flatMap((edge) => ['left-corner', 'left', 'center', 'right', 'right-corner'].map((box) => `${edge}-${box}`)), ...['left', 'right'].flatMap((edge) => ['top', 'middle', 'bottom'].map((box) => `${edge}-${box}`))])

/** Media types (Media Queries 4; the deprecated ones still match nothing, but are CSS). */
const mediaTypes: ReadonlySet<string> = new Set(['all', 'print', 'screen', 'speech', 'tty', 'tv', 'projection', 'handheld', 'braille', 'embossed', 'aural'])

/** Media features (Media Queries 4 and 5), without their `min-` and `max-`. */
const mediaFeatures: ReadonlySet<string> = new Set(['width', 'height', 'aspect-ratio', 'orientation', 'resolution', 'scan', 'grid', 'update', 'overflow-block', 'overflow-inline', 'color', 'color-gamut', 'color-index', 'monochrome', 'dynamic-range', 'video-dynamic-range', 'inverted-colors', 'pointer', 'hover', 'any-pointer', 'any-hover', 'prefers-reduced-motion', 'prefers-reduced-transparency', 'prefers-contrast', 'forced-colors', 'prefers-color-scheme', 'prefers-reduced-data', 'scripting', 'display-mode', 'device-width', 'device-height', 'device-aspect-ratio', 'environment-blending', 'light-level', 'nav-controls', 'video-color-gamut', 'device-posture', 'horizontal-viewport-segments', 'vertical-viewport-segments'])

/**
 * What a browser would skip in the project's own stylesheets, each at its place: text the CSS
 * parser cannot read (`font-size 12pt`: a colon is expected; the browser drops the declaration or the
 * rule), an at-rule it does not know (`@pgae`), a media type or feature it does not know (`@media prnt`,
 * `(min-widht: …)`: the rules inside never apply), a property it does not know (`colr`), or a value
 * its grammar refuses (`color: redd`), with the closest known name or the grammar the value should
 * follow. Read with css-tree, the parser and grammar (from MDN's data) Paged.js's own is an older
 * version of. Not checked: custom properties, vendor prefixes, values with `var()` (known only
 * once resolved), `content`, paged media's own properties, values and at-rules (Paged.js reads
 * them), and the declarations of `@page` and its margin boxes. Pure: the texts are given.
 */
export function stylesheetDeclarations(files: readonly VFile[]): StylesheetDeclaration[] {
  const found: StylesheetDeclaration[] = []
  for (const file of files) {
    if (!file.path.endsWith('.css')) continue
    const at = (start: csstree.CssLocation['start'], end = start) => ({start: {line: start.line, column: start.column, offset: start.offset}, end: {line: end.line, column: end.column, offset: end.offset}})
    const onParseError = (error: csstree.SyntaxParseError) => {
      const point = {line: error.line, column: error.column, offset: error.offset}
      found.push({file: file.path, position: at(point), property: '', value: error.message, problem: 'parse-error', closest: ''})
    }
    const ast = csstree.parse(String(file.value), {positions: true, parseCustomProperty: false, onParseError})
    csstree.walk(ast, {
      enter(this: csstree.WalkContext, node: csstree.CssNode) {
        if (node.type === 'Atrule' && node.loc) {
          const name = node.name.toLowerCase()
          if (name.startsWith('-') || pagedAtRules.has(name) || !csstree.lexer.checkAtruleName(name)) return
          found.push({file: file.path, position: at(node.loc.start, {...node.loc.start, column: node.loc.start.column + name.length + 1, offset: node.loc.start.offset + name.length + 1}), property: `@${node.name}`, value: '', problem: 'unknown-at-rule', closest: didYouMean(name, [...knownAtRules(), ...pagedAtRules]).replace(/`([^`]+)`/u, '`@$1`')})
          return
        }
        if (node.type === 'MediaQuery' && node.mediaType && node.loc) {
          const type = node.mediaType.toLowerCase()
          // Where the type is written: after `not` or `only`, if given.
          const offset = String(file.value).toLowerCase().indexOf(type, node.loc.start.offset)
          if (!mediaTypes.has(type)) found.push({file: file.path, position: at({...node.loc.start, offset, column: node.loc.start.column + (offset - node.loc.start.offset)}, {...node.loc.start, offset: offset + type.length, column: node.loc.start.column + (offset - node.loc.start.offset) + type.length}), property: node.mediaType, value: '', problem: 'unknown-media-type', closest: didYouMean(type, ['print', 'screen', 'all'])})
          return
        }
        if (node.type === 'Feature' && node.kind === 'media' && node.loc) {
          const name = node.name.toLowerCase()
          if (!name.startsWith('-') && !mediaFeatures.has(name.replace(/^(?:min|max)-/u, ''))) {
            found.push({file: file.path, position: at(node.loc.start, node.loc.end), property: node.name, value: '', problem: 'unknown-media-feature', closest: didYouMean(name, [...mediaFeatures].flatMap((feature) => [feature, `min-${feature}`, `max-${feature}`]))})
          }
          return
        }
        if (node.type !== 'Declaration') return
        const property = node.property.toLowerCase()
        if (property.startsWith('--') || property.startsWith('-') || pagedProperties.has(property) || property === 'content' || !node.loc) return
        const value = csstree.generate(node.value)
        if (pagedValue.test(value) || /\bvar\(/iu.test(value)) return
        // Right inside an at-rule, a descriptor: `@font-face`'s are checked as such; `@page`'s and
        // its margin boxes' are properties and paged media's own, left to Paged.js.
        const atrule = this.rule ? undefined : this.atrule?.name.toLowerCase()
        if (atrule !== undefined && atrule !== 'font-face') return
        const match = atrule ? csstree.lexer.matchAtruleDescriptor(atrule, property, node.value) : csstree.lexer.matchDeclaration(node)
        if (!match.error) return
        const unknown = match.error.name === 'SyntaxReferenceError' || /^Unknown /u.test(match.error.message)
        found.push({file: file.path, position: at(node.loc.start, node.loc.end), property: node.property, value, problem: unknown ? 'unknown-property' : 'invalid-value', syntax: unknown ? undefined : syntaxOf(property), closest: unknown ? didYouMean(property, knownProperties()) : ''})
      }
    })
  }
  return found.sort((a, b) => (a.file === b.file ? (a.position.start.offset ?? 0) - (b.position.start.offset ?? 0) : 0))
}

/** The grammar of a property's value (`<color>`), when it is short enough to read in a message. */
function syntaxOf(property: string): string | undefined {
  const syntax = csstree.lexer.getProperty(property)?.syntax
  const written = syntax ? csstree.definitionSyntax.generate(syntax) : undefined
  return written && written.length <= 80 ? written : undefined
}

/** Every property CSS knows (css-tree's types leave the table out). */
function knownProperties(): string[] {
  return Object.keys((csstree.lexer as unknown as {properties: Record<string, unknown>}).properties)
}

/** Every at-rule CSS knows. */
function knownAtRules(): string[] {
  return Object.keys((csstree.lexer as unknown as {atrules: Record<string, unknown>}).atrules)
}
