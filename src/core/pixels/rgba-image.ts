/**
 * A frame's pixels as plain data, 4 bytes a pixel (R, G, B, A), row by row from the top left,
 * the layout of the DOM's ImageData. Core code reads pixels only through this type.
 */
export interface RgbaImage {
  readonly data: Uint8ClampedArray | Uint8Array;
  readonly widthPx: number;
  readonly heightPx: number;
}
