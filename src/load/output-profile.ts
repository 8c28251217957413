/** Why bytes are not a CMYK output profile PDF/X can carry, or undefined when they are. */
export function outputProfileProblem(bytes: Uint8Array): string | undefined {
  if (bytes.length < 132) return 'a file too short to be an ICC profile'
  const ascii = (at: number) => String.fromCharCode(...bytes.subarray(at, at + 4))
  if (ascii(36) !== 'acsp') return 'a file without the ICC signature `acsp`'
  if (ascii(12) !== 'prtr') return `an ICC profile of class \`${ascii(12).trim()}\`, expected an output (\`prtr\`) profile`
  if (ascii(16) !== 'CMYK') return `an ICC profile of colour space \`${ascii(16).trim()}\`, expected CMYK`
  return undefined
}
