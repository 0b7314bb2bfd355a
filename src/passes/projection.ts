// Capacity math shared by the frame (which records it in model.capacity) and the rules that invert it for tipping points.
import type { NormalizedEntity, NormalizedSpec } from '../spec/normalized.js';
import type { ArchitectureModel } from '../model/types.js';
import { fieldBytes, rowOverheadBytes } from './thresholds.js';
import { findBy } from '../model/find-by.js';

export const DAYS_PER_YEAR = 365;

/** Caps a projection at the largest finite double: JSON has no Infinity, and absurd inputs must still serialize. */
export function finite(x: number): number {
  return Math.min(x, Number.MAX_VALUE);
}

/** A rate after `years` of compound growth. */
export function projectRate(rate: number, growthPerYear: number, years: number): number {
  return finite(rate * Math.pow(growthPerYear, years));
}

export function projectReadRps(peakRps: number, growthPerYear: number, years: number, readRatio: number): number {
  return projectRate(peakRps, growthPerYear, years) * readRatio;
}

export function projectWriteRps(peakRps: number, growthPerYear: number, years: number, readRatio: number): number {
  return projectRate(peakRps, growthPerYear, years) * (1 - readRatio);
}

/**
 * Rows after `years`: today's rows plus a year of inserts per year, capped by retention at the larger of today's rows
 * and one retention window of inserts (old rows leave the primary store; today's rows are not assumed to be old).
 */
export function rowsAtYear(rows: number, rowsPerDay: number, retentionDays: number | undefined, years: number): number {
  const grown = finite(rows + rowsPerDay * DAYS_PER_YEAR * years);
  if (retentionDays === undefined) return grown;
  return Math.min(grown, Math.max(rows, rowsPerDay * retentionDays));
}

/** Estimated heap bytes of one row, from its field types (a ref costs its target's key type). */
export function bytesPerRow(entity: NormalizedEntity, entities: readonly NormalizedEntity[]): number {
  let bytes = rowOverheadBytes;
  for (const field of entity.fields) {
    if (field.type === 'ref') {
      const target = findBy(entities, 'name', field.to);
      const keyType = target?.fields.find((f) => f.key)?.type;
      bytes += keyType !== undefined && keyType !== 'ref' ? fieldBytes[keyType] : fieldBytes.ref;
    } else {
      bytes += fieldBytes[field.type];
    }
  }
  return bytes;
}

/** First index (year) whose figure reaches the value, or null. */
export function firstYearAtLeast(series: readonly number[], value: number): number | null {
  const index = series.findIndex((x) => x >= value);
  return index < 0 ? null : index;
}

const namedLists = new Set(['modules', 'entities', 'flows', 'integrations']);

/** The value at a dotted spec path (list items by name), or undefined when the spec does not state it. */
export function specValue(spec: NormalizedSpec, path: string): unknown {
  return specValueAt(spec, path.split('.'));
}

/** `specValue` of a path already split into its parts. */
function specValueAt(spec: NormalizedSpec, parts: readonly string[]): unknown {
  let current: unknown = spec;
  let previous = '';
  for (const part of parts) {
    if (Array.isArray(current)) {
      // Normalized named lists hold objects only; findBy indexes each list once instead of scanning per lookup.
      current = namedLists.has(previous) ? findBy(current as Array<{ name?: unknown }>, 'name', part) : undefined;
    } else if (current !== null && typeof current === 'object') {
      current = (current as Record<string, unknown>)[part];
    } else {
      return undefined;
    }
    previous = part;
  }
  return current;
}

/** A numeric input as written, else as the frame assumed it; null when neither exists. */
export function numberInput(spec: NormalizedSpec, model: ArchitectureModel, path: string): number | null {
  const written = specValue(spec, path);
  if (typeof written === 'number') return written;
  // Specs without volumes have an assumption per entity: an index, not a scan per lookup.
  const assumed = findBy(model.assumptions, 'id', path)?.value;
  return typeof assumed === 'number' ? assumed : null;
}

/** Like numberInput, for inputs the frame always resolves. */
export function requiredNumber(spec: NormalizedSpec, model: ArchitectureModel, path: string): number {
  const value = numberInput(spec, model, path);
  if (value === null) throw new Error(`archc bug: the frame did not resolve ${path}`);
  return value;
}

/** The traffic figures every numeric rule projects from, as written or assumed. */
export interface TrafficFigures {
  peakRps: number;
  readRatio: number;
  growthPerYear: number;
  horizonYears: number;
}

export function trafficFigures(spec: NormalizedSpec, model: ArchitectureModel): TrafficFigures {
  return {
    peakRps: requiredNumber(spec, model, 'traffic.peak_rps'),
    readRatio: requiredNumber(spec, model, 'traffic.read_ratio'),
    growthPerYear: requiredNumber(spec, model, 'traffic.growth_per_year'),
    horizonYears: requiredNumber(spec, model, 'traffic.horizon_years'),
  };
}

/** Entity volume as written or assumed. */
export function entityVolume(spec: NormalizedSpec, model: ArchitectureModel, entity: string): { rows: number; rowsPerDay: number } {
  return {
    rows: volumeFigure(spec, model, entity, 'rows'),
    rowsPerDay: volumeFigure(spec, model, entity, 'rows_per_day'),
  };
}

/**
 * `requiredNumber` of `entities.<entity>.volume.<figure>`. The path of a name without a dot splits into exactly
 * these parts, so a written figure is read from them without building and splitting the path (the frame asks per
 * entity); the path is built when the figure is not written.
 */
function volumeFigure(spec: NormalizedSpec, model: ArchitectureModel, entity: string, figure: 'rows' | 'rows_per_day'): number {
  if (typeof entity === 'string' && !entity.includes('.')) {
    const written = specValueAt(spec, ['entities', entity, 'volume', figure]);
    if (typeof written === 'number') return written;
  }
  return requiredNumber(spec, model, `entities.${entity}.volume.${figure}`);
}
