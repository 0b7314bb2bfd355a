// Byte sizes in prose, one convention for every output (decimal units, as the capacity charts use GB):
// the engine's rationales, the proposal's tables and the charts must print the same figure for the same bytes.

const BYTE_UNITS = ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB'] as const;

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
