/** Text made safe inside HTML, in an element or a quoted attribute: `&`, `<`, `>` and both quotes as character references. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/gu, (character) => `&#${character.charCodeAt(0)};`)
}
