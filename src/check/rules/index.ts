import type {Rule} from '../rule.js'
import {attributeQuotes} from './attribute-quotes.js'
import {axisContrast} from './axis-contrast.js'
import {brokenRef} from './broken-ref.js'
import {chapterWithoutTitle} from './chapter-without-title.js'
import {duplicateId} from './duplicate-id.js'
import {emptyAxis} from './empty-axis.js'
import {fileEncoding} from './file-encoding.js'
import {fragileLink} from './fragile-link.js'
import {extraTableCell} from './extra-table-cell.js'
import {handNumbered} from './hand-numbered.js'
import {headingLevel} from './heading-level.js'
import {figureNeedsCitation} from './figure-needs-citation.js'
import {figureNotInSource} from './figure-not-in-source.js'
import {imageResolution} from './image-resolution.js'
import {indentedCode} from './indented-code.js'
import {imageText} from './image-text.js'
import {svgWithoutViewbox} from './svg-without-viewbox.js'
import {imageAltText} from './image-alt-text.js'
import {imageWithoutAlt} from './image-without-alt.js'
import {invalidMath} from './invalid-math.js'
import {langCode} from './lang-code.js'
import {linkText} from './link-text.js'
import {localLink} from './local-link.js'
import {malformedCitation} from './malformed-citation.js'
import {mergeConflict} from './merge-conflict.js'
import {missingFont} from './missing-font.js'
import {missingGlyph} from './missing-glyph.js'
import {missingImage} from './missing-image.js'
import {templateResource} from './template-resource.js'
import {templateValue} from './template-value.js'
import {stylesheetDeclaration} from './stylesheet-declaration.js'
import {stylesheetResource} from './stylesheet-resource.js'
import {rawHtml} from './raw-html.js'
import {recommendationWithoutTitle} from './recommendation-without-title.js'
import {schema} from './schema.js'
import {sourceIncomplete} from './source-incomplete.js'
import {sourceTooOld} from './source-too-old.js'
import {statValueNotAFigure} from './stat-value-not-a-figure.js'
import {styleLanguage} from './style-language.js'
import {undefinedTerm} from './undefined-term.js'
import {unknownAttribute} from './unknown-attribute.js'
import {unknownAxis} from './unknown-axis.js'
import {unknownDirective} from './unknown-directive.js'
import {unknownSource} from './unknown-source.js'
import {unmatchedFootnote} from './unmatched-footnote.js'
import {unmatchedLinkReference} from './unmatched-link-reference.js'
import {unneededWaiver} from './unneeded-waiver.js'
import {numberFormat} from './number-format.js'
import {unreadField} from './unread-field.js'
import {unreadFile} from './unread-file.js'
import {unusedSource} from './unused-source.js'
import {unusedTerm} from './unused-term.js'
import {unsupportedSyntax} from './unsupported-syntax.js'
import {unsupportedLanguage} from './unsupported-language.js'

/** Every rule, in the order their findings are most useful to read. */
export const rules: readonly Rule[] = [
  mergeConflict,
  schema,
  unsupportedLanguage,
  fileEncoding,
  unknownDirective,
  attributeQuotes,
  unknownAttribute,
  langCode,
  duplicateId,
  unknownSource,
  malformedCitation,
  invalidMath,
  unsupportedSyntax,
  indentedCode,
  unmatchedFootnote,
  unmatchedLinkReference,
  extraTableCell,
  figureNeedsCitation,
  unneededWaiver,
  figureNotInSource,
  styleLanguage,
  statValueNotAFigure,
  numberFormat,
  undefinedTerm,
  brokenRef,
  fragileLink,
  localLink,
  linkText,
  unknownAxis,
  emptyAxis,
  axisContrast,
  recommendationWithoutTitle,
  handNumbered,
  chapterWithoutTitle,
  headingLevel,
  rawHtml,
  imageWithoutAlt,
  imageAltText,
  missingImage,
  missingFont,
  missingGlyph,
  templateResource,
  templateValue,
  stylesheetResource,
  stylesheetDeclaration,
  imageResolution,
  imageText,
  svgWithoutViewbox,
  sourceIncomplete,
  unreadField,
  unreadFile,
  sourceTooOld,
  unusedSource,
  unusedTerm
]
