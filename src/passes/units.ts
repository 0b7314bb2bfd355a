// Human units for rationales (binary byte units, locale-free).
import { formatNumber } from './decision.js';

const byteUnits = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB'] as const;

export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < byteUnits.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${formatNumber(value)} ${byteUnits[unit]}`;
}
