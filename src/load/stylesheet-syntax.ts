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

/**
 * The declarations of the project's own stylesheets that a browser would skip: a property it does
 * not know (`colr`), or a value its grammar refuses (`color: redd`), at the declaration, with the
 * closest known property or the grammar the value should follow. Read with css-tree,
 * the parser and grammar (from MDN's data) Paged.js's own is an older version of. Not checked:
 * custom properties, vendor prefixes, values with `var()` (known only once resolved), `content`
 * and paged media's own properties and values (Paged.js reads them). Pure: the texts are given.
 */
export function stylesheetDeclarations(files: readonly VFile[]): StylesheetDeclaration[] {
  const found: StylesheetDeclaration[] = []
  for (const file of files) {
    if (!file.path.endsWith('.css')) continue
    const ast = csstree.parse(String(file.value), {positions: true, parseCustomProperty: false, onParseError: () => {}})
    csstree.walk(ast, {
      visit: 'Declaration',
      enter(this: csstree.WalkContext, node: csstree.Declaration) {
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
        const position = {start: {line: node.loc.start.line, column: node.loc.start.column, offset: node.loc.start.offset}, end: {line: node.loc.end.line, column: node.loc.end.column, offset: node.loc.end.offset}}
        const unknown = match.error.name === 'SyntaxReferenceError' || /^Unknown /u.test(match.error.message)
        found.push({file: file.path, position, property: node.property, value, problem: unknown ? 'unknown-property' : 'invalid-value', syntax: unknown ? undefined : syntaxOf(property), closest: unknown ? didYouMean(property, knownProperties()) : ''})
      }
    })
  }
  return found
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
