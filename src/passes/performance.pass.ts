// Performance and scale (rulebook step 8): hot paths, the caching plan the cache decision allows, read and write
// amplification, bottlenecks, the horizontal scaling approach and batch versus real-time tradeoffs.
import type { ArchitectureModel, PerformanceModel, TableModel } from '../model/types.js';
import { columnName, schemaName, tableName } from '../model/naming.js';
import { compareNames } from '../spec/normalize.js';
import type { NormalizedEntity } from '../spec/normalized.js';
import { choiceOr } from './derived/decision-lookup.js';
import { peakRpsAtHorizon, rateAtHorizon, readRatioOf, round3, rowsAtHorizon } from './derived/projection.js';
import { definePass } from './pass.js';
import { findBy } from '../model/find-by.js';

/** Cache TTLs: single rows change rarely relative to reads; lists go stale as soon as any member changes. */
const GET_TTL_SECONDS = 300;
const LIST_TTL_SECONDS = 60;
/** Entries no flow writes expire by TTL only. */
const READ_ONLY_TTL_SECONDS = 3600;
/** Ephemeral state without a retention period (sessions, presence) lives one day. */
const EPHEMERAL_TTL_SECONDS = 86_400;

/** Secondary indexes at which each insert's index maintenance is worth calling out. */
const MANY_INDEXES = 3;

/** Projected read requests/s at the horizon: the capacity model's last year, else peak × read ratio × growth. */
function readRpsAtHorizon(model: ArchitectureModel): number | null {
  const last = model.capacity.years[model.capacity.years.length - 1];
  if (last !== undefined) return round3(last.readRps);
  const peak = peakRpsAtHorizon(model);
  return peak === null ? null : round3(peak * readRatioOf(model));
}

function writeRpsAtHorizon(model: ArchitectureModel): number | null {
  const last = model.capacity.years[model.capacity.years.length - 1];
  if (last !== undefined) return round3(last.writeRps);
  const peak = peakRpsAtHorizon(model);
  return peak === null ? null : round3(peak * (1 - readRatioOf(model)));
}

function accessText(access: { by: string[]; kind: string }): string {
  return `${access.kind} by [${access.by.join(', ')}]`;
}

function hotPathsOf(model: ArchitectureModel): PerformanceModel['hotPaths'] {
  const readRps = readRpsAtHorizon(model);
  return model.spec.entities.flatMap((entity) => entity.access.flatMap((access) => {
    if (!('by' in access) || !access.hot) return [];
    return [{
      entity: entity.name,
      access: accessText(access),
      readRpsAtHorizon: readRps ?? 0,
      reason: readRps === null
        ? 'marked hot; traffic.peak_rps is not set, so its read rate is unknown'
        : `marked hot; the projected read rate of ${readRps} requests/s at the horizon (peak × read ratio × growth) is its upper bound`,
    }];
  })).sort((a, b) => compareNames(a.entity, b.entity) || compareNames(a.access, b.access));
}

/**
 * Names of the flows listing each entity, in flow order and each flow once: for every entity at once what
 * `flows.filter((f) => entitiesOf(f).includes(entity))` gives for one (asked per hot access, it was flows × accesses).
 */
function flowNamesByEntity<F extends { name: string }>(flows: readonly F[], entitiesOf: (flow: F) => readonly string[]): Map<string, string[]> {
  const byEntity = new Map<string, string[]>();
  for (const flow of flows) {
    for (const entity of new Set(entitiesOf(flow))) {
      const names = byEntity.get(entity);
      if (names) names.push(flow.name);
      else byEntity.set(entity, [flow.name]);
    }
  }
  return byEntity;
}

function keyPrefix(table: TableModel | undefined, entity: NormalizedEntity): string {
  const tenant = table?.tenantScoped ? 'tenant_id={tenant_id}:' : '';
  return `${table?.schema ?? schemaName(entity.module)}:${table?.name ?? tableName(entity.name)}:${tenant}`;
}

function cachingOf(model: ArchitectureModel): PerformanceModel['caching'] {
  if (choiceOr(model, 'cache', 'none') !== 'redis') return [];
  const writersOf = flowNamesByEntity(model.spec.flows, (f) => f.writes);
  const strongReadersOf = flowNamesByEntity(model.flows.filter((f) => f.consistency === 'strong'), (f) => f.touches);
  const entries: PerformanceModel['caching'] = [];
  for (const entity of model.spec.entities) {
    const table = findBy(model.tables, 'entity', entity.name);
    if (table === undefined && entity.ephemeral) {
      const key = entity.fields.find((f) => f.key);
      entries.push({
        entity: entity.name,
        key: `${keyPrefix(table, entity)}{${key === undefined ? 'id' : columnName(key)}}`,
        ttlSeconds: entity.retention === undefined ? EPHEMERAL_TTL_SECONDS : entity.retention.days * 86_400,
        invalidation: `Redis holds the only copy (ephemeral entity): flows write and delete it there directly${entity.retention === undefined ? '; one-day TTL assumed because no retention is set' : ''}.`,
      });
      continue;
    }
    for (const access of entity.access) {
      if (!('by' in access) || !access.hot) continue;
      const columns = access.by.map((name) => {
        const field = entity.fields.find((f) => f.name === name);
        return field === undefined ? name : columnName(field);
      });
      const writers = writersOf.get(entity.name) ?? [];
      const strong = strongReadersOf.get(entity.name) ?? [];
      const ttl = writers.length === 0 ? READ_ONLY_TTL_SECONDS : access.kind === 'get' ? GET_TTL_SECONDS : LIST_TTL_SECONDS;
      const invalidation = writers.length === 0
        ? 'no flow writes it: entries expire by TTL'
        : `after commit, the writing flows (${writers.join(', ')}) delete the affected keys; the TTL bounds staleness if an invalidation is lost`;
      const bypass = strong.length > 0 ? `; strong-consistency flows (${strong.join(', ')}) read PostgreSQL, not the cache` : '';
      entries.push({
        entity: entity.name,
        key: `${keyPrefix(table, entity)}${access.kind}:${columns.map((c) => `${c}={${c}}`).join(':')}`,
        ttlSeconds: ttl,
        invalidation: `${invalidation}${bypass}.`,
      });
    }
  }
  return entries.sort((a, b) => compareNames(a.entity, b.entity) || compareNames(a.key, b.key));
}

function amplificationOf(model: ArchitectureModel, caching: PerformanceModel['caching']): string[] {
  const notes: string[] = [];
  for (const table of model.tables) {
    const secondary = table.indexes.length;
    if (secondary < MANY_INDEXES) continue;
    const perDay = findBy(model.spec.entities, 'name', table.entity)?.volume?.rows_per_day;
    notes.push(`${table.schema}.${table.name}: ${secondary} secondary indexes plus the primary key, so each insert writes ${secondary + 1} index entries${perDay === undefined ? '' : ` (${perDay} rows/day today)`}.`);
  }
  for (const event of model.events) {
    if (event.consumers.length < 2) continue;
    const flow = findBy(model.flows, 'name', event.flow);
    const rate = flow?.ratePerSecAtHorizon;
    notes.push(`${event.name} fans out to ${event.consumers.length} consumers (${event.consumers.join(', ')})${rate === null || rate === undefined ? '' : `: ${round3(rate * event.consumers.length)} deliveries/s at the horizon`}.`);
  }
  for (const flow of model.flows) {
    if (flow.writes.length >= 3) notes.push(`${flow.name} writes ${flow.writes.length} entities (${flow.writes.join(', ')}) per call; keep them in one transaction and in a fixed lock order to avoid deadlocks.`);
  }
  if (caching.length > 0) {
    notes.push('Every write to a cached entity adds a cache delete after commit.');
  }
  return notes;
}

function bottlenecksOf(model: ArchitectureModel): string[] {
  const spec = model.spec;
  const notes: string[] = [];
  const writes = writeRpsAtHorizon(model);
  if (model.tables.length > 0 && writes !== null) {
    notes.push(`The PostgreSQL primary takes every write: about ${writes} writes/s at the horizon; it scales vertically, then by moving a module's schema to its own database.`);
  }
  const largest = [...spec.entities]
    .filter((e) => findBy(model.tables, 'entity', e.name) !== undefined)
    .map((e) => ({ name: e.name, rows: rowsAtHorizon(model, e) }))
    .sort((a, b) => b.rows - a.rows || compareNames(a.name, b.name))[0];
  if (largest !== undefined && largest.rows > 0) {
    const table = model.tables.find((t) => t.entity === largest.name);
    notes.push(`${largest.name} is the largest table at about ${largest.rows} rows at the horizon${table?.partitioning ? `, partitioned by ${table.partitioning.column} per ${table.partitioning.interval}` : ''}; its index size decides the database memory.`);
  }
  const busiest = [...model.flows].filter((f) => f.ratePerSecAtHorizon !== null)
    .sort((a, b) => (b.ratePerSecAtHorizon as number) - (a.ratePerSecAtHorizon as number) || compareNames(a.name, b.name))[0];
  if (busiest !== undefined) notes.push(`${busiest.name} is the busiest flow at ${busiest.ratePerSecAtHorizon} calls/s at the horizon.`);
  for (const integration of spec.integrations.filter((i) => i.critical)) {
    const rate = spec.flows.filter((f) => f.calls.includes(integration.name)).reduce((sum, f) => sum + (f.rate_per_sec === undefined ? 0 : rateAtHorizon(model, f.rate_per_sec)), 0);
    notes.push(`${integration.name} is on the critical path${rate > 0 ? ` at ${round3(rate)} calls/s at the horizon` : ''}: its rate limit and availability cap the flows that call it.`);
  }
  if (choiceOr(model, 'cache', 'none') === 'none' && spec.entities.some((e) => e.access.some((a) => 'by' in a && a.hot))) {
    notes.push('Hot reads go to PostgreSQL (no cache decided): a read replica absorbs them before a cache is needed.');
  }
  for (const event of model.events.filter((e) => e.orderingKey !== null)) {
    notes.push(`${event.name} is ordered by ${event.orderingKey as string}: processing is serial per key, so one busy key cannot be parallelised.`);
  }
  return notes;
}

function horizontalScalingOf(model: ArchitectureModel): string {
  const services = model.modules.filter((m) => m.deployment === 'service').map((m) => m.name);
  const peak = peakRpsAtHorizon(model);
  const parts = [`Stateless API replicas behind the load balancer scale on CPU and request rate${peak === null ? '' : ` (${peak} requests/s projected at the horizon)`}, at least two replicas for availability.`];
  if (services.length > 0) parts.push(`Separately deployed services scale on their own metrics: ${services.join(', ')}.`);
  if (model.events.length > 0) parts.push('Workers scale on the oldest message age of their queue, up to the concurrency their database connections allow.');
  const eventual = model.flows.filter((f) => f.consistency === 'eventual' && f.writes.length === 0).map((f) => f.name);
  if (model.tables.length > 0) {
    const replicas = eventual.length > 0 ? `; read replicas may serve the read-only eventual-consistency flows (${eventual.join(', ')})` : '';
    parts.push(`PostgreSQL scales vertically${replicas}; connection pooling (PgBouncer) caps connections as API replicas grow.`);
  }
  if (choiceOr(model, 'realtime', 'none') !== 'none') parts.push('Realtime connections are spread over connection nodes that fan out through the broker, so any node can deliver any update.');
  return parts.join(' ');
}

function batchVsRealtimeOf(model: ArchitectureModel): string {
  const byKind = (kinds: string[]) => model.flows.filter((f) => kinds.includes(f.kind)).map((f) => f.name);
  const sync = byKind(['request', 'realtime']);
  const async = byKind(['background', 'ingest']);
  const batch = byKind(['batch', 'scheduled']);
  const parts: string[] = [];
  if (sync.length > 0) parts.push(`On the request path (a user waits): ${sync.join(', ')}.`);
  if (async.length > 0) parts.push(`Queued and processed continuously, so spikes are absorbed by queue depth instead of timeouts: ${async.join(', ')}.`);
  if (batch.length > 0) parts.push(`Batched on a schedule, trading freshness for fewer, larger transactions: ${batch.join(', ')}.`);
  const deferred = model.flows.filter((f) => f.synchronous && f.event !== null).map((f) => f.name);
  if (deferred.length > 0) parts.push(`These request flows commit first and hand the rest to events: ${deferred.join(', ')}.`);
  return parts.length === 0 ? 'The spec declares no flows.' : parts.join(' ');
}

export function buildPerformance(model: ArchitectureModel): PerformanceModel {
  const caching = cachingOf(model);
  return {
    hotPaths: hotPathsOf(model),
    caching,
    amplification: amplificationOf(model, caching),
    bottlenecks: bottlenecksOf(model),
    horizontalScaling: horizontalScalingOf(model),
    batchVsRealtime: batchVsRealtimeOf(model),
  };
}

export const performancePass = definePass({
  id: 'performance',
  title: 'Performance and scale',
  run: (_ctx, model): ArchitectureModel => ({ ...model, performance: buildPerformance(model) }),
});
