// Numbers in Markdown prose. A number prints as the model holds it, rounded to two decimals; both derived forms
// (rounding, byte sizes) are exported so traceability tests accept exactly what the emitters print.

const BYTE_UNITS = ['B', 'kB', 'MB', 'GB', 'TB', 'PB'] as const;

/** Decimal byte size with at most one decimal place, e.g. 12400000000 -> "12.4 GB". */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (Math.abs(value) >= 1000 && unit < BYTE_UNITS.length - 1) {
    value /= 1000;
    unit += 1;
  }
  const rounded = unit === 0 ? value : Number(value.toFixed(1));
  return `${String(rounded)} ${BYTE_UNITS[unit]}`;
}

/**
 * A model number for prose: integers as they are, fractions rounded to two decimals (toFixed is exactly specified,
 * so this is deterministic). Projections such as 120 × 1.3³ carry float noise (52.72799999999999) in the model.
 */
export function formatNumber(value: number): string {
  if (Number.isInteger(value) || !Number.isFinite(value)) return String(value);
  return String(Number(value.toFixed(2)));
}
