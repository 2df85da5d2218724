/** Branded units, so a bare number cannot be passed where degrees are meant. */
export type Degrees = number & { readonly __unit: 'deg' };
export type Radians = number & { readonly __unit: 'rad' };

export const degrees = (value: number): Degrees => value as Degrees;
export const radians = (value: number): Radians => value as Radians;
export const toDegrees = (angle: Radians): Degrees => degrees((angle * 180) / Math.PI);
export const toRadians = (angle: Degrees): Radians => radians((angle * Math.PI) / 180);
