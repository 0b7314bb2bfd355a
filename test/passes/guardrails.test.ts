// Guardrails from the rulebook: no distribution, event logs or Redis without a concrete driver, no Kubernetes by
// default, and no latency figure unless the spec supplied one.
import type { SystemSpec } from '../../src/spec/types.js';
import { build, choice, minimalSpec } from './decision-helpers.js';

/** A large, busy system that states no split need, no fan-out, no replay and no hot path. */
const bigButSimple: SystemSpec = {
  ...minimalSpec(),
  team: { engineers: 120, teams: 12 },
  traffic: { users: 50_000_000, peak_rps: 80_000, read_ratio: 0.99, growth_per_year: 3, horizon_years: 5 },
  targets: { availability: 99.95, rpo_minutes: 5, rto_minutes: 30 },
  modules: [{ name: 'accounts', owner: 'team-a' }, { name: 'catalog', owner: 'team-a' }, { name: 'orders', owner: 'team-b' }, { name: 'payments' }],
  entities: [
    { name: 'Account', module: 'accounts', fields: [{ name: 'id', type: 'uuid', key: true }, { name: 'email', type: 'string' }], access: [{ by: ['email'], kind: 'get' }], volume: { rows: 90_000_000, rows_per_day: 100_000 } },
    { name: 'Order', module: 'orders', fields: [{ name: 'id', type: 'uuid', key: true }, { name: 'account', type: 'ref', to: 'Account' }], volume: { rows: 500_000_000, rows_per_day: 2_000_000 } },
  ],
  flows: [
    { name: 'place-order', kind: 'request', touches: ['Order'], writes: ['Order'], consumers: ['payments'], rate_per_sec: 20_000, consistency: 'strong' },
    { name: 'browse', kind: 'request', touches: ['Account'], rate_per_sec: 60_000, consistency: 'eventual' },
  ],
};

test('no microservices or hybrid without a split need, however large the team and traffic', () => {
  expect(choice(bigButSimple, 'shape')).toBe('modular-monolith');
  expect(choice(bigButSimple, 'internal-comm')).toBe('in-process');
});

test('no event log for a single consumer at any rate: a queue does the work', () => {
  expect(choice(bigButSimple, 'messaging')).toBe('queue');
});

test('no Redis without a hot access pattern or ephemeral state, whatever the read rate', () => {
  expect(choice(bigButSimple, 'cache')).toBe('none');
});

test('a pin is a driver: pinned microservices and event log are honoured', () => {
  const pinned: SystemSpec = {
    ...bigButSimple,
    decisions: [{ id: 'shape', choice: 'microservices', reason: 'org mandate' }, { id: 'messaging', choice: 'event-log', reason: 'audit stream' }],
  };
  expect(choice(pinned, 'shape')).toBe('microservices');
  expect(choice(pinned, 'messaging')).toBe('event-log');
  expect(choice(pinned, 'internal-comm')).toBe('events');
});

test('no decision mentions Kubernetes or a container orchestrator by default', () => {
  const text = JSON.stringify(build(bigButSimple).decisions);
  expect(text).not.toMatch(/kubernetes|k8s|orchestrat/i);
});

test('no latency figure unless the spec supplied one', () => {
  const text = JSON.stringify([build(bigButSimple).decisions, build(bigButSimple).assumptions]);
  expect(text).not.toMatch(/\d\s*ms\b|\bp(50|95|99)\b|millisecond|latency (of|under|below) \d/i);
  expect(build(bigButSimple).assumptions.map((a) => a.id)).not.toContain('targets.latency_p99_ms');
});

test('no filler phrases in decision text', () => {
  const text = JSON.stringify(build(bigButSimple).decisions);
  expect(text).not.toMatch(/ensure scalability|best practices|robust|seamless|leverage|state-of-the-art/i);
});

test('absurd magnitudes still give finite, serializable figures', () => {
  const huge: SystemSpec = {
    ...minimalSpec(),
    traffic: { peak_rps: 1e300, growth_per_year: 1e10, horizon_years: 10, read_ratio: 1 },
    entities: [{ name: 'Blob', module: 'core-domain', fields: [{ name: 'id', type: 'uuid', key: true }, { name: 'body', type: 'text' }], volume: { rows: 1e300, rows_per_day: 1e300 }, access: [{ by: ['id'], kind: 'get', hot: true }, { search: ['body'] }] }],
  };
  const model = build(huge);
  const json = JSON.stringify(model);
  expect(JSON.parse(json).capacity.years.every((y: { peakRps: unknown; storageBytes: unknown }) => typeof y.peakRps === 'number' && typeof y.storageBytes === 'number')).toBe(true);
  expect(model.decisions.find((d) => d.id === 'cache')!.choice).toBe('redis');
  expect(model.decisions.find((d) => d.id === 'search')!.choice).toBe('search-engine');
  expect(json).not.toContain('undefined');
});

test('vanishing traffic and zero volumes decide without a tipping point that cannot exist', () => {
  const tiny: SystemSpec = {
    ...minimalSpec(),
    traffic: { peak_rps: 1e-9, read_ratio: 0, growth_per_year: 0.01, horizon_years: 10 },
    entities: [{ name: 'Item', module: 'core-domain', fields: [{ name: 'id', type: 'uuid', key: true }], volume: { rows: 0, rows_per_day: 0 }, retention: { days: 1 }, access: [{ by: ['id'], kind: 'get', hot: true }] }],
  };
  const cache = build(tiny).decisions.find((d) => d.id === 'cache')!;
  expect(cache.choice).toBe('none');
  // read_ratio 0: no peak rate ever reaches the cache threshold.
  expect(cache.tippingPoint).toBeNull();
});
