// Cache: Redis only for a hot read path PostgreSQL should not serve alone, or for ephemeral state.
import type { ArchitectureModel, TippingPoint } from '../model/types.js';
import type { NormalizedSpec } from '../spec/normalized.js';
import { definePass, type PassContext } from './pass.js';
import { briefList, decide, findTippingPoint, formatNumber, listProse, smallestAtLeast, type Consequences } from './decision.js';
import { peakRpsFromUsers } from './frame/assumptions.js';
import { projectReadRps, trafficFigures, type TrafficFigures } from './projection.js';
import { thresholds } from './thresholds.js';

export const cacheRules = {
  noHotPath: 'cache/no-hot-path',
  belowReadThreshold: 'cache/below-read-threshold',
  hotReadPath: 'cache/hot-read-path',
  ephemeralState: 'cache/ephemeral-state',
} as const;

/** Cost and operations per choice; Redis names what it would hold. */
function consequencesFor(hotEntities: readonly string[], ephemeral: readonly string[]): Record<string, Consequences> {
  const held = [
    ...(ephemeral.length > 0 ? [`ephemeral ${listProse(ephemeral)}`] : []),
    ...(hotEntities.length > 0 ? [`hot ${listProse(hotEntities)} reads`] : []),
  ];
  const sized = held.length > 0 ? listProse(held) : 'the hot key set';
  return {
    none: consequences.none!,
    redis: {
      cost: `A managed Redis primary with a replica, priced by memory and sized to ${sized}.`,
      operations: consequences.redis!.operations,
    },
  };
}

const consequences: Record<string, Consequences> = {
  none: {
    cost: 'No cache nodes: read capacity grows with PostgreSQL instance size and read replicas.',
    operations: 'One store to operate: no invalidation logic, no stale reads, no second failure mode on the read path.',
  },
  redis: {
    cost: 'A managed Redis primary with a replica, priced by memory and sized to the hot key set and ephemeral state.',
    operations: 'Invalidate or expire entries on every write to a cached entity, pick TTLs and an eviction policy, alert on memory and hit rate, and fall back to PostgreSQL reads when Redis is down.',
  },
};

export interface CacheFacts {
  hotAccesses: number;
  ephemeral: number;
  readRpsAtHorizon: number;
}

export function cacheRule(f: CacheFacts): string {
  if (f.ephemeral > 0) return 'redis';
  return f.hotAccesses > 0 && f.readRpsAtHorizon >= thresholds.cacheReadRps ? 'redis' : 'none';
}

function hotAccesses(spec: NormalizedSpec): Array<{ entity: string; by: string[] }> {
  return spec.entities.flatMap((e) => e.access.flatMap((a) => ('by' in a && a.hot ? [{ entity: e.name, by: a.by }] : [])));
}

/** The traffic input the read rate is driven by: peak_rps as written or assumed, or users when peak_rps came from them. */
function peakProbe(spec: NormalizedSpec, t: TrafficFigures, facts: CacheFacts): TippingPoint | null {
  const readAt = (peak: number): number => projectReadRps(peak, t.growthPerYear, t.horizonYears, t.readRatio);
  const decideWith = (peak: number): string => cacheRule({ ...facts, readRpsAtHorizon: readAt(peak) });
  if (spec.traffic.peak_rps === undefined && spec.traffic.users !== undefined) {
    const users = spec.traffic.users;
    const f = (u: number): number => readAt(peakRpsFromUsers(u));
    return findTippingPoint({
      input: 'traffic.users', value: users, integer: true, min: 0,
      breakpoints: [smallestAtLeast(f, thresholds.cacheReadRps, 0, true)],
      decideAt: (u) => decideWith(peakRpsFromUsers(u)),
    });
  }
  return findTippingPoint({
    input: 'traffic.peak_rps', value: t.peakRps, integer: false, min: Number.MIN_VALUE,
    breakpoints: [smallestAtLeast(readAt, thresholds.cacheReadRps, Number.MIN_VALUE, false)],
    decideAt: decideWith,
  });
}

function readRateProse(t: TrafficFigures, readRps: number): string {
  return `${formatNumber(readRps)} reads/s at year ${t.horizonYears} (peak_rps ${formatNumber(t.peakRps)} × growth ${formatNumber(t.growthPerYear)}^${t.horizonYears} × read_ratio ${formatNumber(t.readRatio)})`;
}

function decideCache(ctx: PassContext, model: ArchitectureModel): ArchitectureModel {
  const spec = ctx.spec;
  const t = trafficFigures(spec, model);
  const hot = hotAccesses(spec);
  const ephemeral = spec.entities.filter((e) => e.ephemeral).map((e) => e.name);
  const readRps = model.capacity.years[t.horizonYears]!.readRps;
  const facts: CacheFacts = { hotAccesses: hot.length, ephemeral: ephemeral.length, readRpsAtHorizon: readRps };
  const choice = cacheRule(facts);
  const hotProse = briefList(hot.map((h) => `${h.entity} by [${h.by.join(', ')}]`), 5);
  const hotPaths = [...new Set(hot.map((h) => `entities.${h.entity}.access`))];
  const trafficPaths = [
    ...(spec.traffic.peak_rps === undefined && spec.traffic.users !== undefined ? ['traffic.users'] : []),
    'traffic.peak_rps', 'traffic.read_ratio', 'traffic.growth_per_year', 'traffic.horizon_years',
  ];
  const aboveThreshold = hot.length > 0 && readRps >= thresholds.cacheReadRps;
  const threshold = formatNumber(thresholds.cacheReadRps);

  let rule: string;
  let rationale: string;
  let rejectRedis = '';
  let rejectNone = '';
  if (ephemeral.length > 0) {
    rule = cacheRules.ephemeralState;
    rationale = `Keep ${listProse(ephemeral)} in Redis with TTLs because ${ephemeral.length === 1 ? 'it is' : 'they are'} ephemeral state that need not be durable, which PostgreSQL would churn through as dead rows and vacuum work.${aboveThreshold ? ` Project the hot read path (${hotProse}) to Redis as well: ${readRateProse(t, readRps)} reach the ${threshold} reads/s threshold.` : ''}`;
    rejectNone = `Ephemeral entities ${listProse(ephemeral)} would turn into short-lived PostgreSQL rows with vacuum and write amplification for state that need not survive a restart.`;
  } else if (aboveThreshold) {
    rule = cacheRules.hotReadPath;
    rationale = `Store the source of truth in PostgreSQL and project to Redis only for the hot read path (${hotProse}) because ${readRateProse(t, readRps)} reach the ${threshold} reads/s from which replicas holding the same hot pages cost more than an in-memory cache.`;
    rejectNone = `${readRateProse(t, readRps)} on hot access patterns would need read replicas that all hold the same hot pages.`;
  } else if (hot.length > 0) {
    rule = cacheRules.belowReadThreshold;
    rationale = `Serve the hot access patterns (${hotProse}) from PostgreSQL indexes and its buffer cache because ${readRateProse(t, readRps)} stay below the ${threshold} reads/s from which a cache pays for its invalidation work.`;
    rejectRedis = `${formatNumber(readRps)} projected reads/s are below ${threshold}/s: PostgreSQL serves the hot patterns from memory already, and Redis would add a store to run and invalidate.`;
  } else {
    rule = cacheRules.noHotPath;
    rationale = 'Keep every read on PostgreSQL with no cache because no access pattern is marked hot and no entity is ephemeral: a second store would need invalidation on every write without a read path that needs it.';
    rejectRedis = 'No access pattern is hot and no entity is ephemeral: Redis has no caching, locking or ephemeral-state need to serve.';
  }
  const uses = [
    ...(hot.length === 0 && ephemeral.length === 0 ? ['entities'] : []),
    ...hotPaths,
    ...spec.entities.filter((e) => e.ephemeral).map((e) => `entities.${e.name}.ephemeral`),
    ...(hot.length > 0 ? trafficPaths : []),
  ];
  return decide(ctx, model, {
    id: 'cache', choice, rule, rationale,
    rejected: choice === 'redis' ? { none: rejectNone } : { redis: rejectRedis },
    uses,
    tippingPoint: hot.length > 0 ? peakProbe(spec, t, facts) : null,
    consequences: consequencesFor([...new Set(hot.map((h) => h.entity))], ephemeral),
    contradicts: {
      ...(ephemeral.length > 0 ? { none: `entities ${listProse(ephemeral)} are ephemeral state that needs an in-memory store` } : {}),
      ...(!aboveThreshold && ephemeral.length === 0
        ? { redis: hot.length > 0 ? `the projected read rate (${formatNumber(readRps)}/s) is below ${threshold}/s and no entity is ephemeral` : 'no access pattern is hot and no entity is ephemeral' }
        : {}),
    },
  });
}

export const cachePass = definePass({
  id: 'cache',
  title: 'Decide on a cache',
  run: decideCache,
});
