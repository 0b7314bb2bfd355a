import type { ModuleModel } from '../../src/model/types.js';
import { dependencyLayers } from '../../src/passes/delivery.pass.js';
import { modelOf, type PartialSpec } from './helpers/derived-model.js';

const moduleStub = (name: string, dependsOn: string[]): ModuleModel => ({
  name, schema: name, description: '', responsibility: '', owner: null, platform: false, entities: [], interfaces: [],
  dependsOn, dependents: [], splitNeeds: [], deployment: 'core', failureImpact: '',
});

test.each([
  ['a chain', [moduleStub('c', ['b']), moduleStub('b', ['a']), moduleStub('a', [])], [['a'], ['b'], ['c']]],
  ['a diamond', [moduleStub('d', ['b', 'c']), moduleStub('b', ['a']), moduleStub('c', ['a']), moduleStub('a', [])], [['a'], ['b', 'c'], ['d']]],
  ['a cycle (kept, not lost)', [moduleStub('x', ['y']), moduleStub('y', ['x']), moduleStub('z', [])], [['z'], ['x', 'y']]],
])('dependency layers of %s', (_name, modules, layers) => {
  expect(dependencyLayers(modules)).toEqual(layers);
});

const spec: PartialSpec = {
  targets: { availability: 99.99 },
  modules: [{ name: 'accounts' }, { name: 'orders', depends_on: ['accounts'] }],
  entities: [
    { name: 'Account', module: 'accounts', fields: [{ name: 'id', type: 'uuid', key: true }] },
    { name: 'Order', module: 'orders', fields: [{ name: 'id', type: 'uuid', key: true }, { name: 'account', type: 'ref', to: 'Account' }] },
  ],
  integrations: [{ name: 'payments', kind: 'payment', critical: true }],
  flows: [{ name: 'place-order', kind: 'request', touches: ['Order'], writes: ['Order'], calls: ['payments'] }],
};

describe('delivery plan', () => {
  const delivery = modelOf(spec).delivery;

  test('phases: foundation, modules in dependency order, integrations, hardening', () => {
    expect(delivery.phases.map((p) => p.name)).toEqual(['foundation', 'modules-1', 'modules-2', 'integrations-and-async', 'hardening']);
    expect(delivery.phases[1]!.goal).toContain('accounts');
    expect(delivery.phases[2]!.goal).toContain('orders');
  });

  test('risks trace to facts and come highest severity first', () => {
    const severities = delivery.risks.map((r) => r.severity);
    const rank = { high: 0, medium: 1, low: 2 };
    expect([...severities].sort((a, b) => rank[a] - rank[b])).toEqual(severities);
    expect(delivery.risks.some((r) => r.risk.includes('payments') && r.severity === 'high')).toBe(true);
    expect(delivery.risks.some((r) => r.risk.includes('99.99%'))).toBe(true);
  });

  test('no current system: no migration steps', () => {
    expect(delivery.migrationSteps).toEqual([]);
    expect(delivery.rollback.length).toBeGreaterThan(0);
    expect(delivery.validation.length).toBeGreaterThan(0);
  });
});

describe('strangler migration from the current system', () => {
  const current = (downtime: number) => modelOf({
    ...spec,
    current: { summary: 'One Rails app', components: [{ name: 'rails-app', kind: 'service' }, { name: 'mysql', kind: 'database' }, { name: 'cron', kind: 'job' }], downtime_minutes: downtime },
  }).delivery.migrationSteps;

  test('facade first, data replication, one step per module in dependency order, jobs, cutover, decommission', () => {
    const steps = current(0).map((s) => s.step);
    expect(steps[0]).toContain('facade in front of rails-app');
    expect(steps[1]).toContain('mysql');
    expect(steps.findIndex((s) => s.startsWith('Move accounts'))).toBeLessThan(steps.findIndex((s) => s.startsWith('Move orders')));
    expect(steps.some((s) => s.includes('cron'))).toBe(true);
    expect(steps[steps.length - 1]).toContain('Decommission');
    expect(current(0).every((s) => s.compatibility.length > 0 && s.rollback.length > 0)).toBe(true);
  });

  test('downtime_minutes drives the cutover: none means no write freeze, otherwise a bounded window', () => {
    expect(current(0).some((s) => s.step.includes('without downtime'))).toBe(true);
    expect(current(30).some((s) => s.step.includes('maintenance window of at most 30 minutes'))).toBe(true);
  });
});
