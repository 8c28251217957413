/** The few parts of lcms-wasm (LittleCMS in WebAssembly, no types of its own) the tests use. */
declare module 'lcms-wasm' {
  export const TYPE_RGB_8: number
  export const INTENT_RELATIVE_COLORIMETRIC: number
  export const cmsFLAGS_NOCACHE: number
  interface Lcms {
    cmsOpenProfileFromMem(bytes: Uint8Array, length: number): number
    cmsCreate_sRGBProfile(): number
    cmsGetColorSpaceASCII(profile: number): string
    cmsCreateTransform(input: number, inputFormat: number, output: number, outputFormat: number, intent: number, flags: number): number
    cmsDoTransform(transform: number, input: Uint8Array, count: number): Uint8Array
  }
  export function instantiate(): Promise<Lcms>
}
