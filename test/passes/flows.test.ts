import { modelOf, type PartialSpec } from './helpers/derived-model.js';

const pin = (id: string, choice: string) => ({ id, choice, reason: 'test' });

const spec: PartialSpec = {
  traffic: { peak_rps: 100, growth_per_year: 2, horizon_years: 3 },
  auth: { roles: ['clerk', 'review'] },
  modules: [{ name: 'ledger' }, { name: 'review' }],
  entities: [
    { name: 'Entry', module: 'ledger', fields: [{ name: 'id', type: 'uuid', key: true }] },
    { name: 'Trail', module: 'review', fields: [{ name: 'id', type: 'uuid', key: true }] },
  ],
  integrations: [{ name: 'bank', kind: 'payment', critical: true }],
  flows: [
    { name: 'post-entry', kind: 'request', actor: 'clerk', touches: ['Entry', 'Trail'], writes: ['Entry'], rate_per_sec: 10, latency_p99_ms: 250 },
    { name: 'audit-run', kind: 'batch', actor: 'review', touches: ['Trail'], writes: ['Trail'] },
    { name: 'bank-feed', kind: 'ingest', actor: 'bank', touches: ['Entry'], writes: ['Entry'], consistency: 'eventual' },
    { name: 'ledger-sync', kind: 'background', actor: 'ledger', touches: ['Entry'] },
    { name: 'mystery', kind: 'realtime', actor: 'ghost', touches: ['Entry'] },
    { name: 'orphan', kind: 'request', touches: ['Entry'] },
  ],
  decisions: [pin('consistency.post-entry', 'eventual')],
};

const model = modelOf(spec);
const flow = (name: string) => {
  const found = model.flows.find((f) => f.name === name);
  if (found === undefined) throw new Error(name);
  return found;
};

test.each([
  ['post-entry', 'role'],
  ['audit-run', 'role'], // `review` is a role and a module: roles resolve first
  ['bank-feed', 'integration'],
  ['ledger-sync', 'module'],
  ['mystery', 'unknown'],
  ['orphan', 'none'],
])('actor of %s resolves to %s', (name, kind) => {
  expect(flow(name).actorKind).toBe(kind);
});

test.each([
  ['post-entry', true],
  ['mystery', true],
  ['audit-run', false],
  ['bank-feed', false],
  ['ledger-sync', false],
])('%s synchronous: %s', (name, sync) => {
  expect(flow(name).synchronous).toBe(sync);
});

test('consistency comes from the consistency.<flow> decision (a pin wins over the rule)', () => {
  expect(flow('post-entry').consistency).toBe('eventual');
  expect(flow('bank-feed').consistency).toBe('eventual');
});

test('rate at the horizon: 10/s × 2^3 = 80/s; none when the spec gives none', () => {
  expect(flow('post-entry')).toMatchObject({ ratePerSecNow: 10, ratePerSecAtHorizon: 80 });
  expect(flow('audit-run')).toMatchObject({ ratePerSecNow: null, ratePerSecAtHorizon: null });
});

test('latency only when the spec states it; the timeout budget always exists and exceeds a stated target', () => {
  expect(flow('post-entry').latencyP99Ms).toBe(250);
  expect(flow('post-entry').timeoutMs).toBeGreaterThan(250);
  expect(flow('orphan').latencyP99Ms).toBeNull();
  expect(flow('orphan').timeoutMs).toBeGreaterThan(0);
});

test('modules are the owners of the touched entities, sorted', () => {
  expect(flow('post-entry').modules).toEqual(['ledger', 'review']);
  expect(flow('audit-run').modules).toEqual(['review']);
});

test('flows are sorted by name', () => {
  expect(model.flows.map((f) => f.name)).toEqual(['audit-run', 'bank-feed', 'ledger-sync', 'mystery', 'orphan', 'post-entry']);
});
