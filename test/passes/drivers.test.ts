// Non-numeric drivers (flags, kinds, sets) and pins of each catalogue decision.
import type { Entity, Flow, SystemSpec } from '../../src/spec/types.js';
import { build, choice, decisionOf, minimalSpec } from './decision-helpers.js';

function entity(name: string, module: string, extra: Partial<Entity> = {}): Entity {
  return { name, module, fields: [{ name: 'id', type: 'uuid', key: true }, { name: 'title', type: 'string' }], ...extra };
}

function flow(name: string, extra: Partial<Flow> = {}): Flow {
  return { name, kind: 'request', ...extra };
}

function codes(spec: SystemSpec): string[] {
  return build(spec).challenges.map((c) => c.code);
}

const twoModules: SystemSpec = { ...minimalSpec(), modules: [{ name: 'billing' }, { name: 'catalog' }] };

describe('shape', () => {
  test('no split need: modular monolith', () => {
    expect(decisionOf(build(twoModules), 'shape')).toMatchObject({ choice: 'modular-monolith', rule: 'shape/no-split-need' });
  });
  test('one module with a needs flag: hybrid with that module extracted', () => {
    const spec: SystemSpec = { ...twoModules, modules: [{ name: 'billing', needs: { fault_isolation: true } }, { name: 'catalog' }] };
    const d = decisionOf(build(spec), 'shape');
    expect(d).toMatchObject({ choice: 'hybrid', rule: 'shape/some-modules-split' });
    expect(d.rationale).toContain('billing (fault_isolation)');
    expect(d.inputs.map((i) => i.path)).toContain('modules.billing.needs.fault_isolation');
  });
  test('every module with a need: microservices', () => {
    const spec: SystemSpec = { ...twoModules, modules: [{ name: 'billing', needs: { fault_isolation: true } }, { name: 'catalog', needs: { independent_scaling: true } }] };
    expect(decisionOf(build(spec), 'shape')).toMatchObject({ choice: 'microservices', rule: 'shape/every-module-splits' });
  });
  test('a single module never splits, whatever its needs', () => {
    const spec: SystemSpec = { ...minimalSpec(), modules: [{ name: 'core-domain', needs: { independent_scaling: true } }] };
    expect(decisionOf(build(spec), 'shape')).toMatchObject({ choice: 'modular-monolith', rule: 'shape/single-module' });
  });
  test('ownership needs three distinct owners, not just three teams', () => {
    const spec: SystemSpec = { ...minimalSpec(), team: { teams: 5, engineers: 40 }, modules: [{ name: 'a', owner: 'x' }, { name: 'b', owner: 'y' }, { name: 'c', owner: 'y' }] };
    expect(choice(spec, 'shape')).toBe('modular-monolith');
  });
  test('a realtime flow rules out serverless even for a small spiky team', () => {
    const spec: SystemSpec = { ...minimalSpec(), team: { engineers: 3 }, traffic: { spiky: true }, flows: [flow('live', { kind: 'realtime' })] };
    const d = decisionOf(build(spec), 'shape');
    expect(d.choice).toBe('modular-monolith');
    expect(d.rationale).toContain('realtime flow live');
  });
});

describe('primary-store', () => {
  test('no entities: none', () => expect(choice(minimalSpec(), 'primary-store')).toBe('none'));
  test('only ephemeral entities: none', () => {
    expect(choice({ ...minimalSpec(), entities: [entity('Presence', 'core-domain', { ephemeral: true })] }, 'primary-store')).toBe('none');
  });
  test('a durable entity: postgresql', () => {
    expect(decisionOf(build({ ...minimalSpec(), entities: [entity('Order', 'core-domain')] }), 'primary-store'))
      .toMatchObject({ choice: 'postgresql', rule: 'primary-store/relational-entities' });
  });
});

describe('cache', () => {
  test('an ephemeral entity needs Redis at any traffic', () => {
    const spec = { ...minimalSpec(), traffic: { peak_rps: 1 }, entities: [entity('Session', 'core-domain', { ephemeral: true })] };
    expect(decisionOf(build(spec), 'cache')).toMatchObject({ choice: 'redis', rule: 'cache/ephemeral-state', tippingPoint: null });
  });
});

describe('messaging', () => {
  const base: SystemSpec = { ...twoModules, integrations: [{ name: 'mailer', kind: 'email' }, { name: 'bank', kind: 'payment', critical: true }] };
  test.each([
    ['a background flow', [flow('reindex', { kind: 'background' })], 'queue'],
    ['a scheduled flow', [flow('nightly', { kind: 'scheduled', schedule: '0 3 * * *' })], 'queue'],
    ['a flow with one consumer', [flow('checkout', { consumers: ['billing'] })], 'queue'],
    ['a call to a non-critical integration', [flow('signup', { calls: ['mailer'] })], 'queue'],
    ['only a call to a critical integration', [flow('pay', { calls: ['bank'] })], 'none'],
    ['two consumers', [flow('checkout', { consumers: ['billing', 'catalog'] })], 'event-log'],
    ['replay', [flow('audit', { kind: 'background', replay: true })], 'event-log'],
    ['only request flows', [flow('browse')], 'none'],
  ] as const)('%s → %s', (_, flows, expected) => {
    expect(choice({ ...base, flows: [...flows] }, 'messaging')).toBe(expected);
  });
});

describe('search, blob-store, realtime', () => {
  test('a search access at small volume: postgres-fts', () => {
    const spec = { ...minimalSpec(), entities: [entity('Doc', 'core-domain', { access: [{ search: ['title'] }], volume: { rows: 1000, rows_per_day: 10 } })] };
    expect(decisionOf(build(spec), 'search')).toMatchObject({ choice: 'postgres-fts', rule: 'search/postgres-fts-volume' });
  });
  test('no search access: none, without a tipping point', () => {
    expect(decisionOf(build(minimalSpec()), 'search')).toMatchObject({ choice: 'none', tippingPoint: null });
  });
  test('a blob field: object storage, citing the field', () => {
    const spec: SystemSpec = { ...minimalSpec(), entities: [{ ...entity('Scan', 'core-domain'), fields: [{ name: 'id', type: 'uuid', key: true }, { name: 'image', type: 'blob' }] }] };
    const d = decisionOf(build(spec), 'blob-store');
    expect(d.choice).toBe('object-storage');
    expect(d.inputs).toEqual([{ path: 'entities.Scan.fields.image' }]);
  });
  test.each([
    [[], 'none'],
    [[flow('ticker', { kind: 'realtime' })], 'sse'],
    [[flow('ticker', { kind: 'realtime' }), flow('chat', { kind: 'realtime', bidirectional: true })], 'websocket'],
    [[flow('upload', { bidirectional: true })], 'none'],
  ] as const)('realtime flows %j → %s', (flows, expected) => {
    expect(choice({ ...minimalSpec(), flows: [...flows] }, 'realtime')).toBe(expected);
  });
});

describe('external-api', () => {
  const withApi = { ...minimalSpec(), entities: [entity('Order', 'core-domain', { api: ['read', 'create'] })] };
  test('operations without a preference: rest', () => expect(choice(withApi, 'external-api')).toBe('rest'));
  test('the api.style preference is honoured', () => {
    expect(decisionOf(build({ ...withApi, api: { style: 'graphql' } }), 'external-api')).toMatchObject({ choice: 'graphql', rule: 'external-api/style-preference' });
  });
  test('no operations anywhere: none, and a stated style is challenged as overridden', () => {
    const spec = { ...minimalSpec(), api: { style: 'grpc' as const } };
    expect(choice(spec, 'external-api')).toBe('none');
    expect(build(spec).challenges).toContainEqual(expect.objectContaining({ code: 'ARC0410', path: 'api.style' }));
  });
});

describe('internal-comm', () => {
  const split: SystemSpec = {
    ...minimalSpec(),
    modules: [{ name: 'orders', needs: { independent_deploys: true } }, { name: 'billing', needs: { fault_isolation: true } }],
    entities: [entity('Order', 'orders'), entity('Invoice', 'billing')],
  };
  test('a monolith calls in-process', () => expect(choice(twoModules, 'internal-comm')).toBe('in-process'));
  test('serverless calls in-process (modules are bundled into the functions)', () => {
    const spec: SystemSpec = { ...twoModules, team: { engineers: 2 }, traffic: { spiky: true } };
    expect(choice(spec, 'shape')).toBe('serverless');
    expect(decisionOf(build(spec), 'internal-comm').rationale).toContain('serverless');
    expect(choice(spec, 'internal-comm')).toBe('in-process');
  });
  test('services without crossing consumers: rest', () => expect(choice(split, 'internal-comm')).toBe('rest'));
  test('services with api.style grpc: grpc', () => expect(choice({ ...split, api: { style: 'grpc' } }, 'internal-comm')).toBe('grpc'));
  test('a flow whose consumer is another service: events', () => {
    const spec = { ...split, flows: [flow('place-order', { touches: ['Order'], writes: ['Order'], consumers: ['billing'] })] };
    expect(decisionOf(build(spec), 'internal-comm')).toMatchObject({ choice: 'events', rule: 'internal-comm/events-across-services' });
  });
  test('a consumer in the same service does not cross', () => {
    const spec = { ...split, flows: [flow('place-order', { touches: ['Order'], writes: ['Order'], consumers: ['orders'] })] };
    expect(choice(spec, 'internal-comm')).toBe('rest');
  });
});

describe('tenancy', () => {
  test('single tenant: none', () => expect(choice(minimalSpec(), 'tenancy')).toBe('none'));
  test('multi tenant without preference or regime: shared-schema', () => {
    expect(decisionOf(build({ ...minimalSpec(), tenancy: { model: 'multi', tenants: 20 } }), 'tenancy'))
      .toMatchObject({ choice: 'shared-schema', rule: 'tenancy/shared-schema-default' });
  });
  test('pci-dss raises isolation to schema-per-tenant', () => {
    expect(choice({ ...minimalSpec(), data: { compliance: ['pci-dss'] }, tenancy: { model: 'multi', tenants: 20 } }, 'tenancy')).toBe('schema-per-tenant');
  });
  test('a preference is honoured, with a warning when the tenant count argues against it', () => {
    const spec: SystemSpec = { ...minimalSpec(), tenancy: { model: 'multi', tenants: 5000, isolation: 'database-per-tenant' } };
    expect(decisionOf(build(spec), 'tenancy')).toMatchObject({ choice: 'database-per-tenant', rule: 'tenancy/isolation-preference' });
    expect(codes(spec)).toContain('ARC0416');
  });
  test('an assumed tenant count is an assumption, not an input', () => {
    const d = decisionOf(build({ ...minimalSpec(), tenancy: { model: 'multi' } }), 'tenancy');
    expect(d.assumptions).toContain('tenancy.tenants');
    expect(d.inputs.map((i) => i.path)).not.toContain('tenancy.tenants');
  });
});

describe('deployment', () => {
  test('two residency regions: multi-region even at a modest availability', () => {
    const spec: SystemSpec = { ...minimalSpec(), targets: { availability: 99, rpo_minutes: 60, rto_minutes: 240 }, data: { residency: ['eu', 'us'] } };
    expect(decisionOf(build(spec), 'deployment')).toMatchObject({ choice: 'multi-region-active-passive', rule: 'deployment/residency-regions' });
  });
  test('a tight RPO needs a second zone', () => {
    const spec: SystemSpec = { ...minimalSpec(), targets: { availability: 99, rpo_minutes: 1, rto_minutes: 240 } };
    expect(decisionOf(build(spec), 'deployment')).toMatchObject({ choice: 'multi-zone', rule: 'deployment/recovery-objectives' });
  });
  test('99.95% in one region is challenged; multi-region inside one residency region is challenged', () => {
    expect(codes({ ...minimalSpec(), targets: { availability: 99.95, rpo_minutes: 5, rto_minutes: 60 } })).toContain('ARC0406');
    expect(codes({ ...minimalSpec(), targets: { availability: 99.99, rpo_minutes: 5, rto_minutes: 60 }, data: { residency: ['de'] } })).toContain('ARC0407');
  });
});

describe('consistency', () => {
  const money = entity('Payment', 'core-domain', { fields: [{ name: 'id', type: 'uuid', key: true }, { name: 'amount', type: 'money' }] });
  const spec = (f: Flow): SystemSpec => ({ ...minimalSpec(), entities: [money, entity('Note', 'core-domain')], flows: [f] });
  test.each([
    ['a request flow that writes', flow('pay', { touches: ['Payment'], writes: ['Payment'] }), 'strong', 'consistency/request-writes'],
    ['a read-only request flow', flow('view', { touches: ['Payment'] }), 'eventual', 'consistency/read-only'],
    ['a background flow that writes', flow('settle', { kind: 'background', touches: ['Payment'], writes: ['Payment'] }), 'eventual', 'consistency/async-kind'],
    ['a stated strong background flow', flow('settle', { kind: 'background', touches: ['Payment'], writes: ['Payment'], consistency: 'strong' }), 'strong', 'consistency/stated'],
  ] as const)('%s → %s', (_, f, expected, rule) => {
    expect(decisionOf(build(spec(f)), `consistency.${f.name}`)).toMatchObject({ choice: expected, rule });
  });
  test('an unstated consistency on a writing flow is challenged', () => {
    expect(build(spec(flow('pay', { touches: ['Payment'], writes: ['Payment'] }))).challenges)
      .toContainEqual(expect.objectContaining({ code: 'ARC0402', path: 'flows.pay' }));
  });
  test('eventual money writes on a request flow are honoured with a warning', () => {
    const s = spec(flow('pay', { touches: ['Payment'], writes: ['Payment'], consistency: 'eventual' }));
    expect(choice(s, 'consistency.pay')).toBe('eventual');
    expect(codes(s)).toContain('ARC0413');
    expect(codes(spec(flow('note', { touches: ['Note'], writes: ['Note'], consistency: 'eventual' })))).not.toContain('ARC0413');
  });
  test('writes across services: eventual unless stated; stated strong is honoured with a warning', () => {
    const services: SystemSpec = {
      ...minimalSpec(),
      modules: [{ name: 'orders', needs: { independent_deploys: true } }, { name: 'billing', needs: { fault_isolation: true } }],
      entities: [entity('Order', 'orders'), entity('Invoice', 'billing')],
      flows: [flow('checkout', { touches: ['Order', 'Invoice'], writes: ['Order', 'Invoice'] })],
    };
    expect(decisionOf(build(services), 'consistency.checkout')).toMatchObject({ choice: 'eventual', rule: 'consistency/cross-service-writes' });
    const strong = { ...services, flows: [{ ...services.flows![0]!, consistency: 'strong' as const }] };
    expect(choice(strong, 'consistency.checkout')).toBe('strong');
    expect(codes(strong)).toContain('ARC0415');
  });
});

describe('pins', () => {
  test('a pin wins over the rules, says what the rules would choose, and keeps that choice among the alternatives', () => {
    const spec: SystemSpec = { ...minimalSpec(), decisions: [{ id: 'cache', choice: 'redis', reason: 'shared session state' }] };
    const d = decisionOf(build(spec), 'cache');
    expect(d.choice).toBe('redis');
    expect(d.pinned).toEqual({ reason: 'shared session state' });
    expect(d.rationale).toContain('Pinned to redis: shared session state');
    expect(d.rationale).toContain('would choose none');
    expect(d.alternatives).toEqual([expect.objectContaining({ choice: 'none', reason: expect.stringContaining('overridden by the pin') })]);
    expect(d.inputs.map((i) => i.path)).toContain('decisions.cache');
    expect(d.consequences.cost).toContain('Redis');
  });
  test('a pin contradicting a fact is honoured with ARC0411', () => {
    const spec: SystemSpec = {
      ...minimalSpec(),
      entities: [{ name: 'Scan', module: 'core-domain', fields: [{ name: 'id', type: 'uuid', key: true }, { name: 'image', type: 'blob' }] }],
      decisions: [{ id: 'blob-store', choice: 'none', reason: 'later' }],
    };
    expect(choice(spec, 'blob-store')).toBe('none');
    expect(build(spec).challenges).toContainEqual(expect.objectContaining({ code: 'ARC0411', path: 'decisions.blob-store' }));
  });
  test('a pin equal to the rule is flagged as without effect', () => {
    const spec: SystemSpec = { ...minimalSpec(), decisions: [{ id: 'shape', choice: 'modular-monolith', reason: 'team call' }] };
    expect(codes(spec)).toContain('ARC0412');
    expect(decisionOf(build(spec), 'shape').pinned).toEqual({ reason: 'team call' });
  });
  test('a pinned shape drives internal-comm: pinned microservices talk over the network', () => {
    const spec: SystemSpec = { ...twoModules, decisions: [{ id: 'shape', choice: 'microservices', reason: 'org mandate' }] };
    expect(choice(spec, 'shape')).toBe('microservices');
    expect(choice(spec, 'internal-comm')).toBe('rest');
  });
  test('a consistency pin wins for its flow', () => {
    const spec: SystemSpec = { ...minimalSpec(), entities: [entity('Note', 'core-domain')], flows: [flow('edit', { touches: ['Note'], writes: ['Note'] })], decisions: [{ id: 'consistency.edit', choice: 'eventual', reason: 'offline edits' }] };
    expect(choice(spec, 'consistency.edit')).toBe('eventual');
  });
});
