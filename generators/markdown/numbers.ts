// Numbers in Markdown prose. A number prints as the model holds it, rounded to two decimals; both derived forms
// (rounding, byte sizes) are exported so traceability tests accept exactly what the emitters print.

/** Byte sizes: the one convention shared with the engine's rationales (src/model/units.ts). */
export { formatBytes } from '../../src/model/units.js';

/**
 * A model number for prose: integers as they are, fractions rounded to two decimals (toFixed is exactly specified,
 * so this is deterministic). Projections such as 120 × 1.3³ carry float noise (52.72799999999999) in the model.
 */
export function formatNumber(value: number): string {
  if (Number.isInteger(value) || !Number.isFinite(value)) return String(value);
  return String(Number(value.toFixed(2)));
}
