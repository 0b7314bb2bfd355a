import { modelOf, type PartialSpec } from './helpers/derived-model.js';

const pin = (id: string, choice: string) => ({ id, choice, reason: 'test' });

const spec: PartialSpec = {
  traffic: { peak_rps: 1000, read_ratio: 0.9, growth_per_year: 2, horizon_years: 2 },
  modules: [{ name: 'catalog' }, { name: 'sessions' }],
  entities: [
    {
      name: 'Product', module: 'catalog',
      fields: [{ name: 'id', type: 'uuid', key: true }, { name: 'sku', type: 'string', unique: true }, { name: 'shop', type: 'string' }],
      access: [{ by: ['sku'], kind: 'get', hot: true }, { by: ['shop'], kind: 'list' }],
    },
    { name: 'Session', module: 'sessions', ephemeral: true, fields: [{ name: 'token', type: 'string', key: true }], retention: { days: 1, then: 'delete' } },
  ],
  flows: [
    { name: 'edit-product', kind: 'request', touches: ['Product'], writes: ['Product'], consistency: 'strong' },
    { name: 'browse', kind: 'request', touches: ['Product'], consistency: 'eventual' },
  ],
};

test('hot paths carry the projected read rate: 1000 × 0.9 × 2² = 3600/s', () => {
  const performance = modelOf({ ...spec, decisions: [pin('cache', 'none')] }).performance;
  expect(performance.hotPaths).toEqual([expect.objectContaining({ entity: 'Product', access: 'get by [sku]', readRpsAtHorizon: 3600 })]);
});

test('no cache decided: no cache entries, and the hot read is named a database load', () => {
  const performance = modelOf({ ...spec, decisions: [pin('cache', 'none')] }).performance;
  expect(performance.caching).toEqual([]);
  expect(performance.bottlenecks.some((b) => b.includes('no cache decided'))).toBe(true);
});

test('redis: a key per hot read path with TTL and invalidation by the writing flows; ephemeral state lives only there', () => {
  const caching = modelOf({ ...spec, decisions: [pin('cache', 'redis')] }).performance.caching;
  expect(caching.map((c) => [c.entity, c.key, c.ttlSeconds])).toEqual([
    ['Product', 'catalog:product:get:sku={sku}', 300],
    ['Session', 'sessions:session:{token}', 86_400],
  ]);
  expect(caching[0]!.invalidation).toContain('edit-product');
  expect(caching[1]!.invalidation).toContain('only copy');
});

test('batch versus real time lists the flows by how they run', () => {
  const performance = modelOf(spec).performance;
  expect(performance.batchVsRealtime).toContain('browse, edit-product');
  expect(performance.horizontalScaling).toContain('4000 requests/s');
});
