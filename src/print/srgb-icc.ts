/**
 * An ICC v2 sRGB profile (IEC 61966-2-1), written from the standard's published values: D50
 * white point, the Bradford-adapted primaries of the ICC's own sRGB profile, and the sRGB tone
 * curve sampled at 1,024 points. PDF/X-4 wants the RGB that Chromium writes as DeviceRGB to be
 * device-independent: this profile, as each page's DefaultRGB, says the RGB is sRGB. Written here,
 * not copied from a file, so that its licence is the project's.
 */
export function srgbProfile(): Uint8Array {
  const tags: Array<[string, Uint8Array]> = [
    ['desc', description('sRGB IEC61966-2.1 (rapporteur)')],
    ['cprt', text('No copyright, use freely')],
    ['wtpt', xyz(0.9642, 1, 0.8249)],
    ['rXYZ', xyz(0.4361, 0.2225, 0.0139)],
    ['gXYZ', xyz(0.3851, 0.7169, 0.0971)],
    ['bXYZ', xyz(0.1431, 0.0606, 0.7141)],
    ['rTRC', curve()]
  ]
  // The three tone curves share one tag's data.
  const table: Array<[string, number]> = []
  const blobs: Uint8Array[] = []
  let offset = 128 + 4 + (tags.length + 2) * 12
  for (const [signature, data] of tags) {
    table.push([signature, offset])
    blobs.push(data)
    offset += align(data.length)
  }
  const curveEntry = table.at(-1)!
  const entries = [...table.map(([signature, at], index) => [signature, at, tags[index]![1].length] as const), ['gTRC', curveEntry[1], tags.at(-1)![1].length] as const, ['bTRC', curveEntry[1], tags.at(-1)![1].length] as const]
  const size = offset
  const bytes = new Uint8Array(size)
  const view = new DataView(bytes.buffer)
  // Header (ICC.1:2001-04, 6.1).
  view.setUint32(0, size)
  ascii(bytes, 4, 'lcms')
  view.setUint32(8, 0x02100000) // version 2.1
  ascii(bytes, 12, 'mntr')
  ascii(bytes, 16, 'RGB ')
  ascii(bytes, 20, 'XYZ ')
  view.setUint16(24, 2026)
  view.setUint16(26, 1)
  view.setUint16(28, 1)
  ascii(bytes, 36, 'acsp')
  ascii(bytes, 40, 'APPL')
  view.setUint32(64, 0) // perceptual
  // The illuminant of the profile connection space: D50.
  view.setInt32(68, fixed(0.9642))
  view.setInt32(72, fixed(1))
  view.setInt32(76, fixed(0.8249))
  // Tag table.
  view.setUint32(128, entries.length)
  entries.forEach(([signature, at, length], index) => {
    ascii(bytes, 132 + index * 12, signature)
    view.setUint32(136 + index * 12, at)
    view.setUint32(140 + index * 12, length)
  })
  let at = 128 + 4 + entries.length * 12
  for (const blob of blobs) {
    bytes.set(blob, at)
    at += align(blob.length)
  }
  return bytes
}

function align(length: number): number {
  return Math.ceil(length / 4) * 4
}

function fixed(value: number): number {
  return Math.round(value * 65536)
}

function ascii(bytes: Uint8Array, at: number, value: string): void {
  for (let index = 0; index < value.length; index++) bytes[at + index] = value.charCodeAt(index)
}

function xyz(x: number, y: number, z: number): Uint8Array {
  const bytes = new Uint8Array(20)
  const view = new DataView(bytes.buffer)
  ascii(bytes, 0, 'XYZ ')
  view.setInt32(8, fixed(x))
  view.setInt32(12, fixed(y))
  view.setInt32(16, fixed(z))
  return bytes
}

/** The sRGB transfer function, linear toe and 2.4 power, as a 1,024-entry `curv`. */
function curve(): Uint8Array {
  const count = 1024
  const bytes = new Uint8Array(12 + count * 2)
  const view = new DataView(bytes.buffer)
  ascii(bytes, 0, 'curv')
  view.setUint32(8, count)
  for (let index = 0; index < count; index++) {
    const encoded = index / (count - 1)
    const linear = encoded <= 0.04045 ? encoded / 12.92 : ((encoded + 0.055) / 1.055) ** 2.4
    view.setUint16(12 + index * 2, Math.round(linear * 65535))
  }
  return bytes
}

function text(value: string): Uint8Array {
  const bytes = new Uint8Array(8 + value.length + 1)
  ascii(bytes, 0, 'text')
  ascii(bytes, 8, value)
  return bytes
}

/** A v2 `desc` tag: the ASCII description, and empty Unicode and ScriptCode parts. */
function description(value: string): Uint8Array {
  const bytes = new Uint8Array(12 + value.length + 1 + 4 + 4 + 2 + 1 + 67)
  const view = new DataView(bytes.buffer)
  ascii(bytes, 0, 'desc')
  view.setUint32(8, value.length + 1)
  ascii(bytes, 12, value)
  return bytes
}
