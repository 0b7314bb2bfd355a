// fast-check arbitrary of valid raw SystemSpecs (schema-valid and semantically valid), for property tests of any stage.
// Names come from fixed pools so uniqueness and references hold by construction; every optional input is sometimes
// absent so the frame's assumptions are exercised too.
import fc from 'fast-check';
import type { Entity, Field, Flow, Integration, Module, SystemSpec } from '../../src/spec/types.js';
import { catalogue } from '../../src/passes/catalogue.js';

const modulePool = ['billing', 'catalog', 'identity', 'orders', 'reports', 'shipping'] as const;
const entityPool = ['Account', 'Invoice', 'Item', 'Ledger', 'Presence', 'Upload'] as const;
const flowPool = ['close-month', 'import-feed', 'live-feed', 'place-order', 'sync-partner'] as const;
const integrationPool = ['sendgrid', 'stripe', 'twilio'] as const;
const plainTypes = ['string', 'text', 'int', 'bigint', 'decimal', 'money', 'bool', 'date', 'timestamp', 'json', 'blob', 'uuid'] as const;
const sensitivities = ['public', 'internal', 'pii', 'phi', 'pci'] as const;
const flowKinds = ['request', 'background', 'realtime', 'batch', 'scheduled', 'ingest'] as const;

/** Drops undefined values so the object looks like parsed YAML (no explicit `key: undefined`). */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

const opt = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.option(arb, { nil: undefined });

function subsetOf<T>(items: readonly T[], minLength = 0): fc.Arbitrary<T[]> {
  return fc.subarray([...items], { minLength: Math.min(minLength, items.length) });
}

function moduleArb(name: string, earlier: readonly string[]): fc.Arbitrary<Module> {
  return fc.record({
    owner: opt(fc.constantFrom('team-a', 'team-b', 'team-c', 'team-d')),
    depends_on: opt(subsetOf(earlier)),
    needs: opt(fc.record({
      independent_scaling: opt(fc.boolean()),
      independent_deploys: opt(fc.boolean()),
      fault_isolation: opt(fc.boolean()),
    }).map(compact)),
  }).map((m) => compact({ name, ...m }));
}

function plainFieldArb(name: string): fc.Arbitrary<Field> {
  return fc.oneof(
    fc.record({ type: fc.constantFrom(...plainTypes), optional: opt(fc.boolean()), unique: opt(fc.boolean()), sensitivity: opt(fc.constantFrom(...sensitivities)) })
      .map((f) => compact({ name, ...f }) as Field),
    fc.record({ values: fc.uniqueArray(fc.constantFrom('new', 'open', 'closed', 'void'), { minLength: 1 }) })
      .map((f) => ({ name, type: 'enum', values: f.values as [string, ...string[]] }) as Field),
  );
}

function entityArb(name: string, modules: readonly string[], others: readonly string[]): fc.Arbitrary<Entity> {
  const refTargets = others.filter((o) => o !== name);
  return fc.record({
    module: fc.constantFrom(...modules),
    plain: fc.tuple(plainFieldArb('field_a'), opt(plainFieldArb('field_b')), opt(plainFieldArb('field_c'))),
    refs: subsetOf(refTargets),
    sensitivity: opt(fc.constantFrom(...sensitivities)),
    volume: opt(fc.record({
      rows: opt(fc.integer({ min: 0, max: 200_000_000 })),
      rows_per_day: opt(fc.integer({ min: 0, max: 2_000_000 })),
    }).map(compact)),
    retention: opt(fc.record({ days: fc.integer({ min: 1, max: 3650 }), then: opt(fc.constantFrom('archive', 'delete' as const)) }).map(compact)),
    ephemeral: opt(fc.boolean()),
    hot: fc.boolean(),
    kind: opt(fc.constantFrom('get', 'list' as const)),
    search: fc.boolean(),
    api: opt(subsetOf(['create', 'read', 'list', 'update', 'delete'] as const)),
  }).map((e) => {
    const plain = e.plain.filter((f): f is Field => f !== undefined);
    const refs: Field[] = e.refs.map((to) => ({ name: `link_${to.toLowerCase()}`, type: 'ref', to }));
    const fields: [Field, ...Field[]] = [{ name: 'id', type: 'uuid', key: true }, ...plain, ...refs];
    const access: NonNullable<Entity['access']> = [
      compact({ by: [plain[0]!.name] as [string], kind: e.kind, hot: e.hot }),
      ...(e.search ? [{ search: [plain[0]!.name] as [string] }] : []),
    ];
    return compact({
      name, module: e.module, fields, sensitivity: e.sensitivity, volume: e.volume, retention: e.retention,
      ephemeral: e.ephemeral, access, api: e.api,
    }) as Entity;
  });
}

function flowArb(name: string, entities: readonly string[], modules: readonly string[], integrations: readonly string[]): fc.Arbitrary<Flow> {
  return fc.record({
    kind: fc.constantFrom(...flowKinds),
    touches: subsetOf(entities),
    writeMask: fc.array(fc.boolean(), { minLength: entities.length, maxLength: entities.length }),
    calls: subsetOf(integrations),
    consumers: subsetOf(modules),
    consistency: opt(fc.constantFrom('strong', 'eventual' as const)),
    ordered: opt(fc.boolean()),
    replay: opt(fc.boolean()),
    bidirectional: opt(fc.boolean()),
    rate_per_sec: opt(fc.double({ min: 0.5, max: 50_000, noNaN: true })),
    latency_p99_ms: opt(fc.integer({ min: 5, max: 5000 })),
    actor: opt(fc.constantFrom(...modules)),
  }).map((f) => {
    const writes = f.touches.filter((_, i) => f.writeMask[i]);
    return compact({
      name, kind: f.kind, touches: f.touches, writes, calls: f.calls, consumers: f.consumers, consistency: f.consistency,
      ordered: f.ordered, replay: f.replay, bidirectional: f.bidirectional, rate_per_sec: f.rate_per_sec,
      latency_p99_ms: f.latency_p99_ms, actor: f.actor,
      schedule: f.kind === 'scheduled' ? '0 3 * * *' : undefined,
    }) as Flow;
  });
}

function integrationArb(name: string): fc.Arbitrary<Integration> {
  return fc.record({
    kind: fc.constantFrom('payment', 'email', 'sms', 'other' as const),
    direction: opt(fc.constantFrom('outbound', 'inbound', 'both' as const)),
    critical: opt(fc.boolean()),
  }).map((i) => compact({ name, ...i }) as Integration);
}

function pinsArb(flows: readonly string[]): fc.Arbitrary<NonNullable<SystemSpec['decisions']>> {
  const ids = [...Object.keys(catalogue).filter((k) => k !== 'consistency'), ...flows.map((f) => `consistency.${f}`)];
  return subsetOf(ids).chain((chosen) => fc.tuple(...chosen.map((id) => {
    const key = (id.startsWith('consistency.') ? 'consistency' : id) as keyof typeof catalogue;
    return fc.record({ choice: fc.constantFrom(...catalogue[key]), reason: opt(fc.constant('the team decided')) })
      .map((p) => compact({ id, ...p }));
  })));
}

const trafficArb = fc.record({
  users: opt(fc.integer({ min: 0, max: 50_000_000 })),
  peak_rps: opt(fc.double({ min: 0.1, max: 100_000, noNaN: true })),
  read_ratio: opt(fc.double({ min: 0, max: 1, noNaN: true })),
  growth_per_year: opt(fc.double({ min: 0.5, max: 5, noNaN: true })),
  horizon_years: opt(fc.integer({ min: 1, max: 10 })),
  spiky: opt(fc.boolean()),
}).map(compact);

const targetsArb = fc.record({
  availability: opt(fc.oneof(fc.constantFrom(99, 99.5, 99.9, 99.95, 99.99, 99.999), fc.double({ min: 90, max: 99.9999, noNaN: true }))),
  latency_p99_ms: opt(fc.integer({ min: 10, max: 2000 })),
  rpo_minutes: opt(fc.integer({ min: 0, max: 1440 })),
  rto_minutes: opt(fc.integer({ min: 0, max: 1440 })),
}).map(compact);

const tenancyArb = fc.oneof(
  fc.constant(undefined),
  fc.constant({ model: 'single' as const }),
  fc.record({
    tenants: opt(fc.integer({ min: 1, max: 5000 })),
    isolation: opt(fc.constantFrom('shared-schema', 'schema-per-tenant', 'database-per-tenant' as const)),
  }).map((t) => compact({ model: 'multi' as const, ...t })),
);

/** A valid raw spec (what a validated system.yaml parses to). */
export const systemSpecArb: fc.Arbitrary<SystemSpec> = fc.record({
  modules: subsetOf(modulePool, 1),
  entities: subsetOf(entityPool),
  flows: subsetOf(flowPool),
  integrations: subsetOf(integrationPool),
}).chain(({ modules, entities, flows, integrations }) => fc.record({
  modules: fc.tuple(...modules.map((m, i) => moduleArb(m, modules.slice(0, i)))),
  entities: fc.tuple(...entities.map((e) => entityArb(e, modules, entities))),
  flows: fc.tuple(...flows.map((f) => flowArb(f, entities, modules, integrations))),
  integrations: fc.tuple(...integrations.map(integrationArb)),
  team: opt(fc.record({ engineers: opt(fc.integer({ min: 1, max: 80 })), teams: opt(fc.integer({ min: 1, max: 8 })) }).map(compact)),
  traffic: opt(trafficArb),
  targets: opt(targetsArb),
  data: opt(fc.record({
    compliance: opt(subsetOf(['gdpr', 'hipaa', 'pci-dss', 'soc2', 'iso27001', 'ccpa'] as const)),
    residency: opt(subsetOf(['eu', 'us', 'de'])),
  }).map(compact)),
  tenancy: tenancyArb,
  api: opt(fc.record({
    style: opt(fc.constantFrom('rest', 'graphql', 'grpc' as const)),
    consumers: opt(subsetOf(['web', 'mobile', 'partners', 'internal'] as const)),
  }).map(compact)),
  decisions: fc.oneof({ weight: 3, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: pinsArb(flows) }),
}).map((parts) => compact({
  archc: 1 as const,
  system: { name: 'generated-system', summary: 'A generated system for property tests.' },
  team: parts.team,
  traffic: parts.traffic,
  targets: parts.targets,
  data: parts.data,
  tenancy: parts.tenancy,
  api: parts.api,
  modules: parts.modules as [Module, ...Module[]],
  entities: parts.entities,
  flows: parts.flows,
  integrations: parts.integrations,
  decisions: parts.decisions.length > 0 ? parts.decisions : undefined,
}) as SystemSpec));
