// Number formatting shared by the capacity charts and the proposal, so both print the same figures.
// Pure IEEE arithmetic and toFixed (exactly specified by ECMAScript): the same number always prints the same.

const BYTES_PER_GB = 1e9;

/** Decimal places that keep three significant digits of a number below 1, at most six. */
function decimalsBelowOne(magnitude: number): number {
  let decimals = 3;
  let bound = 0.1;
  while (magnitude < bound && decimals < 6) {
    decimals += 1;
    bound /= 10;
  }
  return decimals;
}

// From here on toFixed switches to exponent notation; such doubles are integers, printed exactly by BigInt.
const EXPONENT_FROM = 1e21;

/**
 * A chart number: two decimals from 1 up, three significant digits below 1 (down to 1e-6, then 0),
 * no trailing zeros, never exponent notation (Mermaid's xychart reads plain decimals only).
 */
export function formatChartNumber(value: number): string {
  if (!Number.isFinite(value)) return '0';
  const magnitude = Math.abs(value);
  if (magnitude >= EXPONENT_FROM) return BigInt(value).toString();
  const decimals = magnitude >= 1 ? 2 : decimalsBelowOne(magnitude);
  const fixed = value.toFixed(decimals);
  const trimmed = fixed.includes('.') ? fixed.replace(/0+$/, '').replace(/\.$/, '') : fixed;
  return trimmed === '-0' ? '0' : trimmed;
}

/** Bytes in decimal gigabytes (10^9), the storage chart's unit. */
export function bytesToGb(bytes: number): number {
  return bytes / BYTES_PER_GB;
}

/** Storage as the chart prints it, e.g. `12.5` (GB). */
export function formatStorageGb(bytes: number): string {
  return formatChartNumber(bytesToGb(bytes));
}
