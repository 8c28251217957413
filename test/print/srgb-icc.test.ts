import {describe, expect, test} from 'vitest'
import {cmsFLAGS_NOCACHE, INTENT_RELATIVE_COLORIMETRIC, instantiate, TYPE_RGB_8} from 'lcms-wasm'
import {srgbProfile} from '../../src/print/srgb-icc.js'

/** The sRGB profile rapporteur writes for PDF/X's DefaultRGB, read by LittleCMS and compared with its own sRGB. */
describe('the sRGB ICC profile', () => {
  test('LittleCMS reads it as an RGB display profile and maps it onto its built-in sRGB exactly', async () => {
    const lcms = await instantiate()
    const bytes = srgbProfile()
    const profile = lcms.cmsOpenProfileFromMem(bytes, bytes.byteLength)
    expect(profile).toBeTruthy()
    expect(lcms.cmsGetColorSpaceASCII(profile)).toBe('RGB')
    const transform = lcms.cmsCreateTransform(profile, TYPE_RGB_8, lcms.cmsCreate_sRGBProfile(), TYPE_RGB_8, INTENT_RELATIVE_COLORIMETRIC, cmsFLAGS_NOCACHE)
    for (const rgb of [[255, 0, 0], [0, 255, 0], [0, 0, 255], [29, 78, 137], [128, 128, 128], [3, 3, 3], [255, 255, 255]]) {
      const out = Array.from(lcms.cmsDoTransform(transform, new Uint8Array(rgb), 1) as Uint8Array)
      for (const [index, value] of out.entries()) expect(Math.abs(value - rgb[index]!), `${rgb}`).toBeLessThanOrEqual(1)
    }
  })
})
