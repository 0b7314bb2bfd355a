// capacity-rps.mmd and capacity-storage.mmd: projected peak requests/s and storage (GB) per year over the
// horizon, each capacity threshold of that metric drawn as a flat line (xychart has no legend, so the title
// names them). The y-axis starts at 0 so growth is not exaggerated.
import type { ArchitectureModel, CapacityThreshold, CapacityYear } from '../../src/model/types.js';
import { bytesToGb, formatChartNumber } from './chart-numbers.js';
import { quoted } from './escape.js';
import { compareNames } from '../../src/spec/normalize.js';

interface ChartSpec {
  title: string;
  unit: string;
  value: (year: CapacityYear) => number;
  metric: CapacityThreshold['metric'];
  scale: (value: number) => number;
}

const CHARTS: Readonly<Record<'rps' | 'storage', ChartSpec>> = {
  rps: {
    title: 'Projected peak requests per second by year',
    unit: 'requests per second',
    value: (year) => year.peakRps,
    metric: 'rps',
    scale: (value) => value,
  },
  storage: {
    title: 'Projected storage in GB by year',
    unit: 'GB',
    value: (year) => year.storageBytes,
    metric: 'storageBytes',
    scale: bytesToGb,
  },
};

/** The smallest 1, 2, 2.5, 5 or 10 × 10^k at or above `value`, at least 0.001: a readable axis end. */
export function axisCeiling(value: number): number {
  if (!(value > 0)) return 1;
  let power = 1;
  while (power * 10 <= value) power *= 10;
  while (power > value && power > 0.001) power /= 10;
  for (const step of [1, 2, 2.5, 5]) if (step * power >= value) return step * power;
  return 10 * power;
}

function series(values: readonly number[]): string {
  return `[${values.map(formatChartNumber).join(', ')}]`;
}

function renderChart(model: ArchitectureModel, spec: ChartSpec): string {
  const years = [...model.capacity.years].sort((a, b) => a.year - b.year);
  const thresholds = model.capacity.thresholds
    .filter((t) => t.metric === spec.metric)
    .sort((a, b) => a.value - b.value || compareNames(a.id, b.id));
  const lines = ['xychart-beta'];
  if (years.length === 0) {
    lines.push(`  title ${quoted(`${spec.title} · no projection in the model`)}`, '  x-axis ["Y0"]', `  y-axis ${quoted(spec.unit)} 0 --> 1`, '  line [0]');
    return `${lines.join('\n')}\n`;
  }
  const projected = years.map((y) => spec.scale(spec.value(y)));
  const flat = thresholds.map((t) => spec.scale(t.value));
  const named = thresholds.map((t, i) => `${t.label} at ${formatChartNumber(flat[i]!)}`);
  const title = named.length > 0
    ? `${spec.title} · flat lines are thresholds: ${named.join('; ')}`
    : spec.title;
  const top = axisCeiling(Math.max(...projected, ...flat));
  lines.push(`  title ${quoted(title)}`);
  lines.push(`  x-axis [${years.map((y) => quoted(`Y${y.year}`)).join(', ')}]`);
  lines.push(`  y-axis ${quoted(spec.unit)} 0 --> ${formatChartNumber(top)}`);
  lines.push(`  line ${series(projected)}`);
  for (const value of flat) lines.push(`  line ${series(years.map(() => value))}`);
  return `${lines.join('\n')}\n`;
}

export function renderCapacityRps(model: ArchitectureModel): string {
  return renderChart(model, CHARTS.rps);
}

export function renderCapacityStorage(model: ArchitectureModel): string {
  return renderChart(model, CHARTS.storage);
}
