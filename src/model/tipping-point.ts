// Which way a tipping point lies: the threshold is the boundary (the choice at or above it differs from the
// choice below it), so a value already at or above it flips when the input falls below.
import type { TippingPoint } from './types.js';

export type TippingDirection = 'reaches' | 'falls below';

export function tippingDirection(tp: TippingPoint): TippingDirection {
  return tp.value >= tp.threshold ? 'falls below' : 'reaches';
}
