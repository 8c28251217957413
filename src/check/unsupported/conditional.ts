import {conditionOf, knownFormats} from '../../model/conditional-content.js'
import type {Attributes} from '../../parse/attributes/attribute-list.js'
import {didYouMean} from '../../diagnostics/suggest.js'

/**
 * What `unsupported-syntax` says of Quarto's conditional content (model/conditional-content.ts):
 * a condition on Quarto's metadata or profiles, which rapporteur does not have; a format name no
 * one knows; content for formats rapporteur does not make, left out of both outputs.
 */
export function conditionMessages(attributes: Attributes): string[] {
  const condition = conditionOf(attributes)
  if (!condition) return []
  const messages = condition.unread.map((key) => `Unexpected \`${key}\`, expected \`when-format\` or \`unless-format\` (\`html\` for the web page, \`pdf\` for the PDF): rapporteur has no Quarto metadata or profiles, so the content is shown as if the condition held`)
  for (const name of condition.unknownFormats) messages.push(`Unexpected format \`${name}\`, expected \`html\` (the web page) or \`pdf\` (the PDF)${didYouMean(name, knownFormats)}: it matches neither`)
  if (!condition.shown.web && !condition.shown.print && condition.unread.length === 0) messages.push('Unexpected content for neither the web page nor the PDF (the two outputs rapporteur makes): it is left out of both')
  return messages
}
