// The capacity model: yearly rates and storage to the horizon, rows per entity, and the first year each limit a
// later pass compares against is crossed.
import type { NormalizedSpec } from '../../spec/normalized.js';
import type {
  ArchitectureModel, CapacityModel, CapacityThreshold, CapacityYear, EntityCapacity,
} from '../../model/types.js';
import { thresholds } from '../thresholds.js';
import {
  bytesPerRow, entityVolume, finite, firstYearAtLeast, projectRate, projectReadRps, projectWriteRps, rowsAtYear, trafficFigures,
} from '../projection.js';

function yearRange(horizon: number): number[] {
  return Array.from({ length: horizon + 1 }, (_, y) => y);
}

function entityCapacity(spec: NormalizedSpec, model: ArchitectureModel, horizon: number): EntityCapacity[] {
  return spec.entities.map((entity) => {
    const { rows, rowsPerDay } = entityVolume(spec, model, entity.name);
    const rowsPerYear = yearRange(horizon).map((y) => rowsAtYear(rows, rowsPerDay, entity.retention?.days, y));
    const perRow = bytesPerRow(entity, spec.entities);
    const rowsAtHorizon = rowsPerYear[horizon]!;
    return {
      entity: entity.name, bytesPerRow: perRow, rowsNow: rows, rowsAtHorizon, rowsPerYear,
      storageBytesAtHorizon: finite(rowsAtHorizon * perRow),
    };
  });
}

/** Names of entities with a full-text access pattern. */
export function searchedEntities(spec: NormalizedSpec): string[] {
  return spec.entities.filter((e) => e.access.some((a) => 'search' in a)).map((e) => e.name);
}

function threshold(
  id: string, label: string, metric: CapacityThreshold['metric'], value: number, series: readonly number[], consequence: string,
): CapacityThreshold {
  return { id, label, metric, value, crossedInYear: firstYearAtLeast(series, value), consequence };
}

function capacityThresholds(spec: NormalizedSpec, years: CapacityYear[], entities: EntityCapacity[]): CapacityThreshold[] {
  const durable = new Set(spec.entities.filter((e) => !e.ephemeral).map((e) => e.name));
  const searched = new Set(searchedEntities(spec));
  const out: CapacityThreshold[] = [
    threshold('read-replica', 'reads per second one primary serves', 'rps', thresholds.readReplicaReadRps,
      years.map((y) => y.readRps), 'add a PostgreSQL read replica and route list and report queries to it'),
    threshold('cache', 'reads per second from which hot access patterns are cached', 'rps', thresholds.cacheReadRps,
      years.map((y) => y.readRps), 'serve hot access patterns from a Redis read-through cache'),
    threshold('primary-write-ceiling', 'writes per second one primary sustains', 'rps', thresholds.primaryWriteRps,
      years.map((y) => y.writeRps), 'partition the busiest tables by key or batch writes through the queue'),
    threshold('single-node-storage', 'primary-store bytes one node backs up and restores in time', 'storageBytes',
      thresholds.singleNodeStorageBytes, years.map((y) => y.storageBytes), 'archive cold rows and partition the largest tables'),
  ];
  if (searched.size > 0) {
    const series = years.map((_, y) => finite(entities.filter((e) => searched.has(e.entity)).reduce((sum, e) => sum + e.rowsPerYear[y]!, 0)));
    out.push(threshold('search-engine', 'searched rows PostgreSQL full-text search serves', 'rows', thresholds.searchEngineRows,
      series, 'index the searched entities in a dedicated search engine fed from the primary store'));
  }
  for (const e of entities) {
    if (!durable.has(e.entity)) continue;
    out.push(threshold(`partition:${e.entity}`, `${e.entity} rows in one table`, 'rows', thresholds.partitionRows,
      e.rowsPerYear, `partition ${e.entity} by time or key`));
  }
  return out;
}

export function buildCapacity(spec: NormalizedSpec, model: ArchitectureModel): CapacityModel {
  const t = trafficFigures(spec, model);
  const entities = entityCapacity(spec, model, t.horizonYears);
  const perRowOf = new Map(entities.map((e) => [e.entity, e]));
  const durable = spec.entities.filter((e) => !e.ephemeral);
  const years: CapacityYear[] = yearRange(t.horizonYears).map((year) => ({
    year,
    peakRps: projectRate(t.peakRps, t.growthPerYear, year),
    readRps: projectReadRps(t.peakRps, t.growthPerYear, year, t.readRatio),
    writeRps: projectWriteRps(t.peakRps, t.growthPerYear, year, t.readRatio),
    // Ephemeral entities live in memory, not in the primary store.
    storageBytes: finite(durable.reduce((sum, e) => {
      const c = perRowOf.get(e.name)!;
      return sum + c.rowsPerYear[year]! * c.bytesPerRow;
    }, 0)),
  }));
  return {
    horizonYears: t.horizonYears,
    growthPerYear: t.growthPerYear,
    years,
    entities,
    thresholds: capacityThresholds(spec, years, entities),
  };
}
