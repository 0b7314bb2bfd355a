// The frame pass: labelled assumptions, challenges of weak constraints, and the capacity projection.
import type { SystemSpec } from '../../src/spec/types.js';
import { build, decisionOf, minimalSpec } from './decision-helpers.js';
import { loadSpec } from '../../src/load/load-spec.js';
import { normalizeSpec } from '../../src/spec/normalize.js';
import { runPasses } from '../../src/passes/index.js';

describe('assumptions', () => {
  test('every missing input a pass needs is assumed, labelled and sorted by id', () => {
    const model = build(minimalSpec());
    expect(model.assumptions.map((a) => a.id)).toEqual([
      'targets.availability', 'targets.rpo_minutes', 'targets.rto_minutes', 'team.engineers', 'team.teams',
      'traffic.growth_per_year', 'traffic.horizon_years', 'traffic.peak_rps', 'traffic.read_ratio',
    ]);
    for (const a of model.assumptions) {
      expect(a.basis.length).toBeGreaterThan(10);
      expect(a.ifWrong.length).toBeGreaterThan(10);
    }
    expect(model.assumptions.find((a) => a.id === 'traffic.peak_rps')!.value).toBe(10);
    expect(model.assumptions.find((a) => a.id === 'traffic.growth_per_year')!.value).toBe(1);
  });

  test('peak_rps is assumed from users at one request/s per 1,000 monthly users, at least 1', () => {
    const peak = (users: number): unknown => build({ ...minimalSpec(), traffic: { users } }).assumptions.find((a) => a.id === 'traffic.peak_rps')!.value;
    expect(peak(200_000)).toBe(200);
    expect(peak(100)).toBe(1);
  });

  test('teams default to the distinct module owners, engineers to six per team', () => {
    const spec: SystemSpec = { ...minimalSpec(), modules: [{ name: 'a', owner: 'x' }, { name: 'b', owner: 'y' }, { name: 'c', owner: 'y' }] };
    const model = build(spec);
    expect(model.assumptions.find((a) => a.id === 'team.teams')!.value).toBe(2);
    expect(model.assumptions.find((a) => a.id === 'team.engineers')!.value).toBe(12);
  });

  test('stated inputs are never assumed; entity volumes and tenant counts are assumed only when missing', () => {
    const spec: SystemSpec = {
      ...minimalSpec(),
      team: { engineers: 3, teams: 1 },
      traffic: { peak_rps: 5, read_ratio: 0.5, growth_per_year: 1.2, horizon_years: 2 },
      targets: { availability: 99.9, rpo_minutes: 5, rto_minutes: 30 },
      tenancy: { model: 'multi' },
      entities: [{ name: 'Doc', module: 'core-domain', fields: [{ name: 'id', type: 'uuid', key: true }], volume: { rows: 5 } }],
    };
    expect(build(spec).assumptions.map((a) => a.id)).toEqual(['entities.Doc.volume.rows_per_day', 'tenancy.tenants']);
  });
});

describe('capacity', () => {
  const spec: SystemSpec = {
    ...minimalSpec(),
    traffic: { peak_rps: 2000, read_ratio: 0.75, growth_per_year: 2, horizon_years: 2 },
    entities: [
      {
        name: 'Order', module: 'core-domain',
        fields: [{ name: 'id', type: 'uuid', key: true }, { name: 'title', type: 'string' }, { name: 'total', type: 'money' }, { name: 'shop', type: 'ref', to: 'Shop' }],
        volume: { rows: 1000, rows_per_day: 10 },
      },
      { name: 'Shop', module: 'core-domain', fields: [{ name: 'code', type: 'int', key: true }], volume: { rows: 1000, rows_per_day: 100 }, retention: { days: 5 } },
      { name: 'Presence', module: 'core-domain', fields: [{ name: 'id', type: 'uuid', key: true }], volume: { rows: 50, rows_per_day: 0 }, ephemeral: true },
    ],
  };
  const c = build(spec).capacity;

  test('yearly rates compound growth from year 0 to the horizon', () => {
    expect(c.horizonYears).toBe(2);
    expect(c.years.map((y) => [y.peakRps, y.readRps, y.writeRps])).toEqual([[2000, 1500, 500], [4000, 3000, 1000], [8000, 6000, 2000]]);
  });

  test('bytes per row come from field types (a ref costs its target key), rows grow per day and stop at retention', () => {
    const order = c.entities.find((e) => e.entity === 'Order')!;
    expect(order.bytesPerRow).toBe(28 + 16 + 64 + 16 + 4);
    expect(order.rowsPerYear).toEqual([1000, 1000 + 3650, 1000 + 7300]);
    const shop = c.entities.find((e) => e.entity === 'Shop')!;
    // cap = max(1000 rows today, 100 × 5 days) = 1000
    expect(shop.rowsPerYear).toEqual([1000, 1000, 1000]);
    // Ephemeral rows are not primary-store bytes.
    expect(c.years[2]!.storageBytes).toBe(8300 * 128 + 1000 * (28 + 4));
  });

  test('thresholds record the first year their figure is reached', () => {
    const crossed = (id: string): number | null | undefined => c.thresholds.find((t) => t.id === id)?.crossedInYear;
    expect(crossed('read-replica')).toBe(1);
    expect(crossed('cache')).toBe(2);
    expect(crossed('primary-write-ceiling')).toBeNull();
    expect(crossed('partition:Order')).toBeNull();
    expect(crossed('partition:Presence')).toBeUndefined();
    expect(crossed('search-engine')).toBeUndefined();
  });
});

describe('challenges', () => {
  const codesOf = (spec: SystemSpec): string[] => build(spec).challenges.map((c) => c.code);
  const pii: SystemSpec = {
    ...minimalSpec(),
    entities: [{ name: 'Patient', module: 'core-domain', sensitivity: 'phi', fields: [{ name: 'id', type: 'uuid', key: true }, { name: 'email', type: 'string', sensitivity: 'pii' }] }],
    flows: [{ name: 'view-chart', kind: 'request', touches: ['Patient'] }],
  };

  test('weak constraints are challenged', () => {
    expect(codesOf(pii)).toEqual(expect.arrayContaining(['ARC0401', 'ARC0403', 'ARC0405', 'ARC0408']));
    expect(codesOf({ ...pii, data: { compliance: ['gdpr'], residency: ['eu'] } })).toContain('ARC0404');
    expect(codesOf({ ...pii, data: { compliance: ['gdpr', 'hipaa'], residency: ['eu'] } })).not.toContain('ARC0404');
    expect(codesOf({ ...minimalSpec(), targets: { availability: 99.9 } })).toContain('ARC0409');
    expect(codesOf({ ...minimalSpec(), team: { engineers: 2 }, targets: { availability: 99.99, rpo_minutes: 1, rto_minutes: 5 } })).toContain('ARC0414');
  });

  test('a well-specified spec raises none of the frame challenges', () => {
    const spec: SystemSpec = {
      ...pii,
      traffic: { peak_rps: 10, growth_per_year: 1.1, horizon_years: 3 },
      targets: { availability: 99.9, latency_p99_ms: 300, rpo_minutes: 5, rto_minutes: 30 },
      data: { compliance: ['hipaa', 'gdpr'], residency: ['eu'] },
    };
    expect(codesOf(spec).filter((c) => ['ARC0401', 'ARC0403', 'ARC0404', 'ARC0405', 'ARC0408', 'ARC0409', 'ARC0414'].includes(c))).toEqual([]);
  });
});

describe('source positions', () => {
  const text = [
    'archc: 1',
    'system: { name: positions, summary: Cites lines. }',
    'traffic:',
    '  peak_rps: 9000',
    '  read_ratio: 0.9',
    'modules:',
    '  - name: shop',
    'entities:',
    '  - name: Item',
    '    module: shop',
    '    fields: [{ name: id, type: uuid, key: true }]',
    '    access: [{ by: [id], kind: get, hot: true }]',
    '',
  ].join('\n');

  test('written inputs carry line and column; defaults and assumptions do not', () => {
    const { loaded } = loadSpec('system.yaml', new TextEncoder().encode(text));
    const model = runPasses(normalizeSpec(loaded!.value as SystemSpec), loaded!.locator);
    const cache = decisionOf(model, 'cache');
    expect(cache.inputs).toContainEqual({ path: 'traffic.peak_rps', line: 4, column: 13 });
    expect(cache.inputs).toContainEqual({ path: 'traffic.read_ratio', line: 5, column: 15 });
    expect(cache.assumptions).toEqual(['traffic.growth_per_year', 'traffic.horizon_years']);
    expect(decisionOf(model, 'shape').inputs).toContainEqual({ path: 'traffic.spiky' });
  });
});
