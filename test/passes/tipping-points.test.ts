// Numeric drivers: move one input across its tipping point and the choice flips exactly at `threshold`.
// Expected thresholds are derived here from the documented formulas, not read back from the output.
import type { SystemSpec } from '../../src/spec/types.js';
import { below, build, choice, decisionOf, minimalSpec, withValue } from './decision-helpers.js';

function hotSpec(traffic: NonNullable<SystemSpec['traffic']>): SystemSpec {
  return {
    ...minimalSpec(),
    traffic,
    entities: [{
      name: 'Product', module: 'core-domain',
      fields: [{ name: 'id', type: 'uuid', key: true }, { name: 'slug', type: 'string' }],
      access: [{ by: ['slug'], kind: 'get', hot: true }],
    }],
  };
}

describe('cache: projected read rate of hot access patterns', () => {
  // redis from peak_rps × growth^horizon × read_ratio >= 5000 reads/s
  const spec = hotSpec({ peak_rps: 100, read_ratio: 0.9, growth_per_year: 2, horizon_years: 3 });
  const expected = 5000 / (2 ** 3 * 0.9);

  test('tipping point on traffic.peak_rps', () => {
    const tp = decisionOf(build(spec), 'cache').tippingPoint!;
    expect(decisionOf(build(spec), 'cache').choice).toBe('none');
    expect(tp.input).toBe('traffic.peak_rps');
    expect(tp.value).toBe(100);
    expect(tp.flipsTo).toBe('redis');
    expect(tp.threshold).toBeCloseTo(expected, 9);
  });

  test('flips exactly at the threshold', () => {
    const tp = decisionOf(build(spec), 'cache').tippingPoint!;
    expect(choice(withValue(spec, 'traffic.peak_rps', expected * (1 - 1e-9)), 'cache')).toBe('none');
    expect(choice(withValue(spec, 'traffic.peak_rps', below(tp.threshold)), 'cache')).toBe('none');
    expect(choice(withValue(spec, 'traffic.peak_rps', tp.threshold), 'cache')).toBe('redis');
    expect(choice(withValue(spec, 'traffic.peak_rps', expected * (1 + 1e-9)), 'cache')).toBe('redis');
  });

  test('above the threshold the tipping point names the boundary below which it drops back', () => {
    const high = withValue(spec, 'traffic.peak_rps', 1000);
    const d = decisionOf(build(high), 'cache');
    expect(d.choice).toBe('redis');
    expect(d.tippingPoint!.threshold).toBeCloseTo(expected, 9);
    expect(d.tippingPoint!.flipsTo).toBe('none');
  });

  test('when peak_rps is assumed from users, the tipping point is on traffic.users', () => {
    // peak = users / 1000; growth 1, horizon 3 and read_ratio 0.8 assumed: users >= 5000 × 1000 / 0.8 = 6,250,000.
    const fromUsers = hotSpec({ users: 1_000_000 });
    const d = decisionOf(build(fromUsers), 'cache');
    expect(d.assumptions).toEqual(expect.arrayContaining(['traffic.peak_rps', 'traffic.read_ratio', 'traffic.growth_per_year', 'traffic.horizon_years']));
    expect(d.inputs.map((i) => i.path)).toContain('traffic.users');
    expect(d.tippingPoint).toEqual({ input: 'traffic.users', value: 1_000_000, threshold: 6_250_000, flipsTo: 'redis' });
    expect(choice(withValue(fromUsers, 'traffic.users', 6_249_999), 'cache')).toBe('none');
    expect(choice(withValue(fromUsers, 'traffic.users', 6_250_000), 'cache')).toBe('redis');
  });

  test('no hot access: no numeric driver, no tipping point', () => {
    const cold = hotSpec({ peak_rps: 1_000_000 });
    cold.entities![0]!.access = [{ by: ['slug'], kind: 'get' }];
    const d = decisionOf(build(cold), 'cache');
    expect(d.choice).toBe('none');
    expect(d.tippingPoint).toBeNull();
  });
});

describe('search: searched rows at the horizon', () => {
  function searchSpec(rows: number, rowsPerDay: number, retentionDays?: number): SystemSpec {
    return {
      ...minimalSpec(),
      traffic: { horizon_years: 2 },
      entities: [{
        name: 'Article', module: 'core-domain',
        fields: [{ name: 'id', type: 'uuid', key: true }, { name: 'body', type: 'text' }],
        volume: { rows, rows_per_day: rowsPerDay },
        ...(retentionDays ? { retention: { days: retentionDays } } : {}),
        access: [{ search: ['body'] }],
      }],
    };
  }

  test('rows + rows_per_day × 365 × years >= 10,000,000 flips postgres-fts to search-engine', () => {
    const spec = searchSpec(1_000_000, 1000);
    const expected = 10_000_000 - 1000 * 365 * 2; // 9,270,000
    const d = decisionOf(build(spec), 'search');
    expect(d.choice).toBe('postgres-fts');
    expect(d.tippingPoint).toEqual({ input: 'entities.Article.volume.rows', value: 1_000_000, threshold: expected, flipsTo: 'search-engine' });
    expect(choice(withValue(spec, 'entities.Article.volume.rows', expected - 1), 'search')).toBe('postgres-fts');
    expect(choice(withValue(spec, 'entities.Article.volume.rows', expected), 'search')).toBe('search-engine');
  });

  test('retention caps the rows at the larger of today and one retention window of inserts', () => {
    // 30-day retention: at most max(rows, 1000 × 30) rows are kept, so only today's rows can cross 10,000,000.
    const spec = searchSpec(1_000_000, 1000, 30);
    const d = decisionOf(build(spec), 'search');
    expect(d.tippingPoint!.threshold).toBe(10_000_000);
    expect(choice(withValue(spec, 'entities.Article.volume.rows', 9_999_999), 'search')).toBe('postgres-fts');
    expect(choice(withValue(spec, 'entities.Article.volume.rows', 10_000_000), 'search')).toBe('search-engine');
  });
});

describe('messaging: ordered flow rate', () => {
  const spec: SystemSpec = {
    ...minimalSpec(),
    modules: [{ name: 'core-domain' }, { name: 'ledger' }],
    traffic: { growth_per_year: 1.5, horizon_years: 2 },
    flows: [{ name: 'post-entry', kind: 'request', consumers: ['ledger'], ordered: true, rate_per_sec: 100 }],
  };
  const expected = 1000 / 1.5 ** 2; // 444.44…

  test('rate × growth^horizon >= 1000 messages/s moves an ordered flow from a queue to an event log', () => {
    const d = decisionOf(build(spec), 'messaging');
    expect(d.choice).toBe('queue');
    expect(d.tippingPoint!.input).toBe('flows.post-entry.rate_per_sec');
    expect(d.tippingPoint!.flipsTo).toBe('event-log');
    expect(d.tippingPoint!.threshold).toBeCloseTo(expected, 9);
    expect(choice(withValue(spec, 'flows.post-entry.rate_per_sec', expected * (1 - 1e-9)), 'messaging')).toBe('queue');
    expect(choice(withValue(spec, 'flows.post-entry.rate_per_sec', below(d.tippingPoint!.threshold)), 'messaging')).toBe('queue');
    expect(choice(withValue(spec, 'flows.post-entry.rate_per_sec', d.tippingPoint!.threshold), 'messaging')).toBe('event-log');
  });

  test('an ordered flow without a rate is assumed to run at the system peak', () => {
    const noRate = withValue(spec, 'flows.post-entry.rate_per_sec', undefined);
    const model = build(withValue(noRate, 'traffic.peak_rps', 50));
    const a = model.assumptions.find((x) => x.id === 'flows.post-entry.rate_per_sec')!;
    expect(a.value).toBe(50);
    expect(decisionOf(model, 'messaging').assumptions).toContain('flows.post-entry.rate_per_sec');
  });
});

describe('tenancy: tenant count caps isolation when no preference is stated', () => {
  const spec: SystemSpec = { ...minimalSpec(), data: { compliance: ['hipaa'] }, tenancy: { model: 'multi', tenants: 500 } };

  test('hipaa raises isolation to schema-per-tenant until 1,000 tenants', () => {
    const d = decisionOf(build(spec), 'tenancy');
    expect(d.choice).toBe('schema-per-tenant');
    expect(d.tippingPoint).toEqual({ input: 'tenancy.tenants', value: 500, threshold: 1000, flipsTo: 'shared-schema' });
    expect(choice(withValue(spec, 'tenancy.tenants', 999), 'tenancy')).toBe('schema-per-tenant');
    expect(choice(withValue(spec, 'tenancy.tenants', 1000), 'tenancy')).toBe('shared-schema');
  });
});

describe('deployment: availability and recovery objectives', () => {
  const spec: SystemSpec = { ...minimalSpec(), targets: { availability: 99.95, rpo_minutes: 15, rto_minutes: 120 } };

  test('availability 99.99 moves a multi-zone deployment to a second region', () => {
    const d = decisionOf(build(spec), 'deployment');
    expect(d.choice).toBe('multi-zone');
    expect(d.tippingPoint).toEqual({ input: 'targets.availability', value: 99.95, threshold: 99.99, flipsTo: 'multi-region-active-passive' });
    expect(choice(withValue(spec, 'targets.availability', below(99.99)), 'deployment')).toBe('multi-zone');
    expect(choice(withValue(spec, 'targets.availability', 99.99), 'deployment')).toBe('multi-region-active-passive');
  });

  test('availability 99.9 is the first multi-zone target', () => {
    const low = withValue(spec, 'targets.availability', 99.5);
    expect(decisionOf(build(low), 'deployment').tippingPoint).toEqual({ input: 'targets.availability', value: 99.5, threshold: 99.9, flipsTo: 'multi-zone' });
    expect(choice(withValue(spec, 'targets.availability', below(99.9)), 'deployment')).toBe('single-zone');
    expect(choice(withValue(spec, 'targets.availability', 99.9), 'deployment')).toBe('multi-zone');
  });

  test('across regions, an RTO of 15 minutes or more lets the second region stay passive', () => {
    const regions = { ...spec, targets: { availability: 99.9, rpo_minutes: 5, rto_minutes: 10 }, data: { residency: ['eu', 'us'] } };
    const d = decisionOf(build(regions), 'deployment');
    expect(d.choice).toBe('multi-region-active-active');
    expect(d.tippingPoint).toEqual({ input: 'targets.rto_minutes', value: 10, threshold: 15, flipsTo: 'multi-region-active-passive' });
    expect(choice(withValue(regions, 'targets.rto_minutes', 14), 'deployment')).toBe('multi-region-active-active');
    expect(choice(withValue(regions, 'targets.rto_minutes', 15), 'deployment')).toBe('multi-region-active-passive');
  });
});

describe('shape: team size and team count', () => {
  test('serverless for a spiky load holds up to 5 engineers', () => {
    const spec: SystemSpec = { ...minimalSpec(), team: { engineers: 4 }, traffic: { spiky: true } };
    const d = decisionOf(build(spec), 'shape');
    expect(d.choice).toBe('serverless');
    expect(d.tippingPoint).toEqual({ input: 'team.engineers', value: 4, threshold: 6, flipsTo: 'modular-monolith' });
    expect(choice(withValue(spec, 'team.engineers', 5), 'shape')).toBe('serverless');
    expect(choice(withValue(spec, 'team.engineers', 6), 'shape')).toBe('modular-monolith');
  });

  test('ownership splits modules from 3 teams when 3 distinct owners are set', () => {
    const spec: SystemSpec = {
      ...minimalSpec(),
      team: { engineers: 30, teams: 2 },
      modules: [{ name: 'billing', owner: 'team-a' }, { name: 'catalog', owner: 'team-b' }, { name: 'orders', owner: 'team-c' }],
    };
    const d = decisionOf(build(spec), 'shape');
    expect(d.choice).toBe('modular-monolith');
    expect(d.tippingPoint).toEqual({ input: 'team.teams', value: 2, threshold: 3, flipsTo: 'microservices' });
    expect(choice(withValue(spec, 'team.teams', 3), 'shape')).toBe('microservices');
    expect(decisionOf(build(withValue(spec, 'team.teams', 3)), 'shape').rule).toBe('shape/ownership-split');
  });
});
