// fast-check arbitrary of VALID specs with hostile but legal content: reserved words of SQL, TypeScript, GraphQL and
// Mermaid as names, 40-character names, free text full of quotes, unicode, markup and SQL fragments, every field
// type and flag. Validity holds by construction (unique names, existing references, one key, writes ⊆ touches), so
// any error archc reports for one of these specs is a finding, not noise.
import fc from 'fast-check';
import type { Entity, Field, Flow, Integration, Module, SystemSpec } from '../../src/spec/types.js';
import { catalogue } from '../../src/passes/catalogue.js';

/** Words with a meaning in SQL, TS, GraphQL, Mermaid or JS objects; all match the kebab and snake patterns. */
const RESERVED_WORDS = [
  'user', 'order', 'group', 'select', 'end', 'class', 'graph', 'default', 'delete', 'type', 'interface', 'from',
  'table', 'where', 'constructor', 'prototype', 'null', 'true', 'false', 'function', 'return', 'new', 'this', 'enum',
  'import', 'export', 'await', 'async', 'in', 'of', 'any', 'string', 'number', 'object', 'boolean', 'symbol', 'never',
  'unknown', 'is', 'as', 'keyof', 'readonly', 'declare', 'namespace', 'module', 'package', 'static', 'subgraph',
  'style', 'click', 'participant', 'note', 'loop', 'alt', 'flowchart', 'check', 'primary', 'references', 'key',
  'value', 'values', 'id', 'items', 'cursor', 'limit', 'query', 'mutation', 'schema', 'tenant', 'role', 'grant',
  'index', 'unique', 'not', 'and', 'or', 'x', 'a1', 'created_at', 'updated_at', 'version', 'search_vector',
] as const;

const PASCAL_WORDS = [
  'User', 'Order', 'Group', 'Select', 'End', 'Class', 'Graph', 'Default', 'Delete', 'Type', 'Interface',
  'Constructor', 'Object', 'String', 'Number', 'Array', 'Promise', 'Record', 'Date', 'Map', 'Set', 'Tenant', 'Query',
  'Mutation', 'Subscription', 'Boolean', 'Int', 'Float', 'ID', 'Symbol', 'Error', 'JSON', 'Any', 'Unknown', 'Partial',
  'Node', 'Table', 'Audit', 'AuditLog', 'HTTPRequest', 'OAuth2Token', 'UserV2', 'A', 'X1', 'Empty', 'PageInfo',
] as const;

/** Free-text fragments aimed at every output's escaping: Markdown, Mermaid, SQL, YAML, JSON, HTML, TS comments. */
export const HOSTILE_FRAGMENTS = [
  '"', "'", '`', '\\', '\\n', '\n', '\r\n', '\t', ';', '-->', '--->', '-.->', '==>', '%%', '%%{init: {"theme":"dark"}}%%',
  '{}', '{', '}', '[]', '[', ']', '(', ')', '((x))', '#', '#quot;', '#35;', '<script>alert(1)</script>', '&amp;', '&lt;',
  '</textarea>', '<!--', '-->', "'; DROP TABLE x; --", '$$', '$body$', '*/', '/*', '--', '${x}', '|', '||', ':::',
  '<br>', '\u202E', 'e\u0301', '\u{1F469}\u200D\u{1F469}\u200D\u{1F467}', '\u{1D54F}', '\u200B', '\uFEFF', '\u2028',
  '\u2029', '\u05E9\u05DC\u05D5\u05DD', '\u0627\u0644\u0639\u0631\u0628\u064A\u0629', '\u0007', '\u001B[31m', 'end',
  'subgraph', 'click x call alert()', '\\u0000', 'null', '~', '*', '&a', '*a', '!!js/function', '? ', ': ', '- ',
  '@', '```', '---', '...', '\\"', '\u00A0', '\u3000', 'ﷺ', '\u{10FFFD}', 'Ω', 'İı', 'ß', '\r', '\v', '\f', '0x1F',
  '1e309', 'NaN', '-0', '<<', '>>', '|-', '>-', '%', '&', '^', '\u0085',
] as const;

const opt = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.option(arb, { nil: undefined, freq: 3 });

function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** Any text without U+0000 (the one character the language forbids). */
export const hostileText: fc.Arbitrary<string> = fc.array(
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_FRAGMENTS) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary-ascii', maxLength: 6 }) },
  ),
  { minLength: 0, maxLength: 8 },
).map((parts) => parts.join('').replace(/\u0000/g, ''));

const textList = fc.array(hostileText, { maxLength: 4 });

/** Truncates to at most `limit` UTF-8 bytes on a code-point boundary. */
function truncateBytes(text: string, limit: number): string {
  const encoder = new TextEncoder();
  let out = '';
  for (const ch of text) {
    if (encoder.encode(out + ch).length > limit) break;
    out += ch;
  }
  return out;
}

const enumValue: fc.Arbitrary<string> = fc.oneof(hostileText, fc.string({ unit: 'grapheme', minLength: 40, maxLength: 70 }))
  .map((t) => truncateBytes(t, 63))
  .filter((t) => t.length > 0);

const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const LOWER_DIGIT = `${LOWER}0123456789`;
const ALNUM = `${LOWER_DIGIT}ABCDEFGHIJKLMNOPQRSTUVWXYZ`;

function charsFrom(alphabet: string, length: number): fc.Arbitrary<string> {
  return fc.array(fc.constantFrom(...alphabet), { minLength: length, maxLength: length }).map((c) => c.join(''));
}

/** A name of exactly `length` chars: first char from `first`, the rest from `rest`, separators sprinkled legally. */
function longName(first: string, rest: string, separator: string | null, length = 40): fc.Arbitrary<string> {
  return fc.tuple(charsFrom(first, 1), charsFrom(rest, length - 1), fc.array(fc.nat(length - 3), { maxLength: 6 })).map(([head, tail, cuts]) => {
    const chars = [...head + tail];
    if (separator !== null) {
      for (const cut of cuts) {
        const i = cut + 1;
        if (chars[i - 1] !== separator && chars[i + 1] !== separator && i < length - 1) chars[i] = separator;
      }
    }
    return chars.join('');
  });
}

const kebabName = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...RESERVED_WORDS).map((w) => w.replace(/_/g, '-')) },
  { weight: 1, arbitrary: longName(LOWER, LOWER_DIGIT, '-') },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...RESERVED_WORDS), fc.constantFrom(...RESERVED_WORDS)).map(([a, b]) => `${a}-${b}`.replace(/_/g, '-')) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...RESERVED_WORDS), fc.nat(999)).map(([w, n]) => `${w.replace(/_/g, '-')}-${n}`) },
);
const snakeName = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...RESERVED_WORDS) },
  { weight: 1, arbitrary: longName(LOWER, LOWER_DIGIT, '_') },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...RESERVED_WORDS), fc.nat(999)).map(([w, n]) => `${w}_${n}`) },
);
const pascalName = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...PASCAL_WORDS) },
  { weight: 1, arbitrary: longName('ABCDEFGHIJKLMNOPQRSTUVWXYZ', ALNUM, null) },
  { weight: 1, arbitrary: charsFrom('AB1', 39).map((t) => `A${t}`) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...PASCAL_WORDS), fc.nat(999)).map(([w, n]) => `${w}${n}`) },
);

/** Module schemas archc or PostgreSQL reserve (an error by design, not a finding). */
function isReservedModule(name: string): boolean {
  const schema = name.replace(/-/g, '_');
  return schema === 'audit' || schema === 'public' || schema === 'information_schema' || schema.startsWith('pg_');
}

function uniqueNames(arb: fc.Arbitrary<string>, min: number, max: number, reject: (n: string) => boolean = () => false): fc.Arbitrary<string[]> {
  // size 'max': the bounds given are the bounds meant (fast-check otherwise caps generated lengths near 10).
  return fc.uniqueArray(arb.filter((n) => !reject(n)), { minLength: min, maxLength: max, selector: (n) => n.toLowerCase(), size: 'max' });
}

const PLAIN_TYPES = ['uuid', 'string', 'text', 'int', 'bigint', 'decimal', 'money', 'bool', 'date', 'timestamp', 'json', 'blob'] as const;
const KEY_TYPES = ['uuid', 'string', 'int', 'bigint'] as const;
const SENSITIVITIES = ['public', 'internal', 'pii', 'phi', 'pci'] as const;
type FieldType = Field['type'];

/** A default of the right type for a field type (archc does not check defaults against types). */
function defaultFor(type: FieldType, values: readonly string[]): fc.Arbitrary<Field['default']> {
  switch (type) {
    case 'string': case 'text': return hostileText;
    case 'enum': return fc.constantFrom(...values);
    case 'int': return fc.integer({ min: -2147483648, max: 2147483647 });
    case 'bigint': return fc.maxSafeInteger();
    case 'decimal': return fc.oneof(fc.integer({ min: -999999, max: 999999 }), fc.constantFrom(0.5, -0.25, 123.456789));
    case 'money': return fc.constantFrom(0, 9.99, -12.5, 100);
    case 'bool': return fc.boolean();
    case 'date': return fc.constantFrom('2024-02-29', 'now', 'today');
    case 'timestamp': return fc.constantFrom('2024-01-01T00:00:00Z', 'now', 'now()');
    case 'json': return fc.constantFrom('{}', '[]', '{"a": "\'; DROP TABLE x; --"}', 'null');
    case 'uuid': return fc.constant('00000000-0000-0000-0000-000000000000');
    default: return fc.constant(null);
  }
}

interface FieldPlan {
  name: string;
  type: FieldType;
  key: boolean;
  to?: string;
}

function fieldArb(plan: FieldPlan): fc.Arbitrary<Field> {
  const values = plan.type === 'enum' ? fc.uniqueArray(enumValue, { minLength: 1, maxLength: 6 }) : fc.constant<string[]>([]);
  return values.chain((vals) => fc.record({
    optional: plan.key ? fc.constant(undefined) : opt(fc.boolean()),
    unique: opt(fc.boolean()),
    sensitivity: opt(fc.constantFrom(...SENSITIVITIES)),
    default: plan.type === 'ref' ? fc.constant(undefined) : opt(defaultFor(plan.type, vals)),
    description: opt(hostileText),
  }).map((f) => compact({
    name: plan.name, type: plan.type, key: plan.key ? true : undefined, to: plan.to,
    values: plan.type === 'enum' ? vals : undefined, ...f,
  }) as Field));
}

/** Field names and types for one entity: exactly one key (or none, then no field named id), refs to any entity. */
function fieldPlans(entities: readonly string[], [minFields, maxFields]: [number, number]): fc.Arbitrary<FieldPlan[]> {
  const types = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom<FieldType>(...PLAIN_TYPES) },
    { weight: 1, arbitrary: fc.constant<FieldType>('enum') },
    { weight: entities.length > 0 ? 1 : 0, arbitrary: fc.constant<FieldType>('ref') },
  );
  return fc.record({
    names: uniqueNames(snakeName, minFields, maxFields, (n) => n === 'tenant_id'),
    types: fc.array(types, { minLength: maxFields, maxLength: maxFields }),
    targets: fc.array(fc.constantFrom(...(entities.length > 0 ? entities : ['X'])), { minLength: maxFields, maxLength: maxFields }),
    keyAt: fc.option(fc.nat(maxFields), { nil: null, freq: 8 }),
    keyType: fc.constantFrom(...KEY_TYPES),
  }).map(({ names, types, targets, keyAt, keyType }) => {
    const keyIndex = keyAt === null ? -1 : keyAt % names.length;
    const plans = names.map((name, i): FieldPlan => {
      if (i === keyIndex) return { name, type: keyType, key: true };
      const type = types[i]!;
      if (type === 'ref') return { name, type, key: false, to: targets[i]! };
      return { name, type, key: false };
    });
    // The reserved-name rules: a ref named tenant points at Tenant; no `x_id` beside a ref `x`; no id without a key.
    const refNames = new Set(plans.filter((p) => p.type === 'ref').map((p) => p.name));
    return plans.filter((p) => {
      if (p.type === 'ref' && p.name === 'tenant' && p.to !== 'Tenant') return false;
      if (p.name.endsWith('_id') && refNames.has(p.name.slice(0, -3))) return false;
      return !(p.name === 'id' && keyIndex < 0);
    });
  }).filter((plans) => plans.length > 0);
}

function accessArb(plans: readonly FieldPlan[]): fc.Arbitrary<NonNullable<Entity['access']>[number]> {
  const byAccess = fc.record({
    by: fc.shuffledSubarray(plans.map((p) => p.name), { minLength: 1, maxLength: Math.min(3, plans.length) }),
    kind: opt(fc.constantFrom('get', 'list' as const)),
    hot: opt(fc.boolean()),
  }).map(compact) as fc.Arbitrary<NonNullable<Entity['access']>[number]>;
  const searchable = plans.filter((p) => p.type === 'string' || p.type === 'text').map((p) => p.name);
  if (searchable.length === 0) return byAccess;
  return fc.oneof(byAccess, fc.record({ search: fc.shuffledSubarray(searchable, { minLength: 1 }) }) as fc.Arbitrary<NonNullable<Entity['access']>[number]>);
}

function entityArb(name: string, modules: readonly string[], entities: readonly string[], fields: [number, number]): fc.Arbitrary<Entity> {
  return fieldPlans(entities, fields).chain((plans) => fc.record({
    module: fc.constantFrom(...modules),
    fields: fc.tuple(...plans.map(fieldArb)),
    description: opt(hostileText),
    sensitivity: opt(fc.constantFrom(...SENSITIVITIES)),
    volume: opt(fc.record({
      rows: opt(fc.oneof(fc.integer({ min: 0, max: 1_000_000_000 }), fc.constant(Number.MAX_SAFE_INTEGER))),
      rows_per_day: opt(fc.oneof(fc.integer({ min: 0, max: 50_000_000 }), fc.constant(0))),
    }).map(compact)),
    retention: opt(fc.record({ days: fc.integer({ min: 1, max: 36500 }), then: opt(fc.constantFrom('archive', 'delete' as const)) }).map(compact)),
    ephemeral: opt(fc.boolean()),
    access: fc.array(accessArb(plans), { maxLength: 3 }),
    api: opt(fc.subarray(['create', 'read', 'list', 'update', 'delete'] as const)),
  })).map((e) => compact({ name, ...e, access: e.access.length > 0 ? e.access : undefined }) as Entity);
}

function flowArb(name: string, entities: readonly string[], modules: readonly string[], integrations: readonly string[], actors: readonly string[]): fc.Arbitrary<Flow> {
  return fc.record({
    kind: fc.constantFrom('request', 'background', 'realtime', 'batch', 'scheduled', 'ingest' as const),
    touches: fc.subarray([...entities]),
    writeMask: fc.array(fc.boolean(), { minLength: entities.length, maxLength: entities.length }),
    calls: opt(fc.subarray([...integrations])),
    consumers: opt(fc.subarray([...modules])),
    consistency: opt(fc.constantFrom('strong', 'eventual' as const)),
    ordered: opt(fc.boolean()),
    replay: opt(fc.boolean()),
    bidirectional: opt(fc.boolean()),
    rate_per_sec: opt(fc.oneof(fc.double({ min: 1e-6, max: 1e7, noNaN: true, noDefaultInfinity: true }), fc.constant(Number.MIN_VALUE), fc.constant(1e15))),
    latency_p99_ms: opt(fc.oneof(fc.integer({ min: 1, max: 100_000 }), fc.constant(1))),
    actor: opt(fc.oneof(fc.constantFrom(...(actors.length > 0 ? actors : ['nobody'])), kebabName)),
    description: opt(hostileText),
    schedule: fc.constantFrom('0 3 * * *', '*/5 * * * *', ' 0 0 1 1 * ', '59 23 31 12 6'),
  }).map((f) => compact({
    name, kind: f.kind, description: f.description, actor: f.actor, consistency: f.consistency,
    touches: f.touches, writes: f.touches.filter((_, i) => f.writeMask[i]), calls: f.calls, consumers: f.consumers,
    ordered: f.ordered, replay: f.replay, bidirectional: f.bidirectional, rate_per_sec: f.rate_per_sec,
    latency_p99_ms: f.latency_p99_ms, schedule: f.kind === 'scheduled' ? f.schedule : undefined,
  }) as Flow);
}

function moduleArb(name: string, earlier: readonly string[]): fc.Arbitrary<Module> {
  return fc.record({
    description: opt(hostileText),
    owner: opt(kebabName),
    platform: opt(fc.boolean()),
    depends_on: opt(fc.subarray([...earlier])),
    needs: opt(fc.record({
      independent_scaling: opt(fc.boolean()), independent_deploys: opt(fc.boolean()), fault_isolation: opt(fc.boolean()),
    }).map(compact)),
  }).map((m) => compact({ name, ...m }));
}

function integrationArb(name: string): fc.Arbitrary<Integration> {
  return fc.record({
    kind: fc.constantFrom('payment', 'email', 'sms', 'identity', 'storage', 'search', 'analytics', 'other' as const),
    direction: opt(fc.constantFrom('outbound', 'inbound', 'both' as const)),
    critical: opt(fc.boolean()),
  }).map((i) => compact({ name, ...i }) as Integration);
}

function pinsArb(flows: readonly string[]): fc.Arbitrary<NonNullable<SystemSpec['decisions']>> {
  const ids = [...Object.keys(catalogue).filter((k) => k !== 'consistency'), ...flows.map((f) => `consistency.${f}`)];
  return fc.subarray(ids).chain((chosen) => fc.tuple(...chosen.map((id) => {
    const key = (id.startsWith('consistency.') ? 'consistency' : id) as keyof typeof catalogue;
    return fc.record({ choice: fc.constantFrom(...catalogue[key]), reason: opt(hostileText) }).map((p) => compact({ id, ...p }));
  })));
}

/** Inclusive [min, max] counts of the named lists. */
export interface HostileSize {
  modules: [number, number];
  entities: [number, number];
  fields: [number, number];
  flows: [number, number];
}

export const SMALL: HostileSize = { modules: [1, 5], entities: [0, 6], fields: [1, 8], flows: [0, 5] };
/** Hundreds of tables, or hundreds of columns: the sizes a real monorepo spec reaches. */
export const MANY_ENTITIES: HostileSize = { modules: [8, 16], entities: [120, 160], fields: [1, 6], flows: [20, 40] };
export const MANY_FIELDS: HostileSize = { modules: [1, 2], entities: [2, 3], fields: [150, 220], flows: [1, 3] };

/** A valid spec with hostile content; `size` bounds the named lists. */
export function hostileSpecArb(size: HostileSize = SMALL): fc.Arbitrary<SystemSpec> {
  return fc.record({
    modules: uniqueNames(kebabName, ...size.modules, isReservedModule),
    entities: uniqueNames(pascalName, ...size.entities),
    flows: uniqueNames(kebabName, ...size.flows),
    integrations: uniqueNames(kebabName, 0, 3),
    roles: uniqueNames(kebabName, 0, 4),
  }).chain(({ modules, entities, flows, integrations, roles }) => fc.record({
    modules: fc.tuple(...modules.map((m, i) => moduleArb(m, modules.slice(0, i)))),
    entities: fc.tuple(...entities.map((e) => entityArb(e, modules, entities, size.fields))),
    flows: fc.tuple(...flows.map((f) => flowArb(f, entities, modules, integrations, [...roles, ...modules, ...integrations]))),
    integrations: fc.tuple(...integrations.map(integrationArb)),
    roles: fc.constant(roles),
    system: fc.record({
      name: kebabName,
      summary: hostileText,
      goals: opt(textList),
      non_goals: opt(textList),
      deliverable: opt(fc.constantFrom('proposal', 'short', 'api', 'schema', 'review', 'migration' as const)),
    }).map(compact),
    team: opt(fc.record({ engineers: opt(fc.integer({ min: 1, max: 10_000 })), teams: opt(fc.integer({ min: 1, max: 500 })) }).map(compact)),
    traffic: opt(fc.record({
      users: opt(fc.oneof(fc.integer({ min: 0, max: 2_000_000_000 }), fc.constant(0))),
      peak_rps: opt(fc.oneof(fc.double({ min: 1e-3, max: 1e7, noNaN: true, noDefaultInfinity: true }), fc.constant(1e12))),
      read_ratio: opt(fc.oneof(fc.constantFrom(0, 1), fc.double({ min: 0, max: 1, noNaN: true }))),
      growth_per_year: opt(fc.oneof(fc.constantFrom(1e-6, 1, 100), fc.double({ min: 0.01, max: 50, noNaN: true, noDefaultInfinity: true }))),
      horizon_years: opt(fc.integer({ min: 1, max: 10 })),
      spiky: opt(fc.boolean()),
    }).map(compact)),
    targets: opt(fc.record({
      availability: opt(fc.oneof(fc.constantFrom(90, 99.9999, 99.95), fc.double({ min: 90, max: 99.9999, noNaN: true }))),
      latency_p99_ms: opt(fc.integer({ min: 1, max: 1_000_000 })),
      rpo_minutes: opt(fc.integer({ min: 0, max: 10_000_000 })),
      rto_minutes: opt(fc.integer({ min: 0, max: 10_000_000 })),
    }).map(compact)),
    data: opt(fc.record({
      compliance: opt(fc.subarray(['gdpr', 'hipaa', 'pci-dss', 'soc2', 'iso27001', 'ccpa'] as const)),
      residency: opt(fc.uniqueArray(fc.constantFrom('eu', 'us', 'de', 'eu-west-1', 'ap-southeast-2', 'cn', 'br'), { maxLength: 4 })),
    }).map(compact)),
    tenancy: opt(fc.oneof(
      fc.constant({ model: 'single' as const }),
      fc.record({
        tenants: opt(fc.integer({ min: 1, max: 1_000_000 })),
        isolation: opt(fc.constantFrom('shared-schema', 'schema-per-tenant', 'database-per-tenant' as const)),
      }).map((t) => compact({ model: 'multi' as const, ...t })),
    )),
    auth: opt(fc.record({
      identity: opt(fc.oneof(
        fc.constantFrom('oidc', 'saml', 'password', 'api-key' as const),
        fc.subarray(['oidc', 'saml', 'password', 'api-key'] as const, { minLength: 1 }),
      )),
      admin_heavy: opt(fc.boolean()),
    }).map(compact)),
    api: opt(fc.record({
      style: opt(fc.constantFrom('rest', 'graphql', 'grpc' as const)),
      consumers: opt(fc.subarray(['web', 'mobile', 'partners', 'internal'] as const)),
    }).map(compact)),
    current: opt(fc.record({
      summary: opt(hostileText),
      pain: opt(textList),
      components: opt(uniqueNames(kebabName, 0, 3).chain((names) => fc.tuple(...names.map((n) => fc.record({
        kind: fc.constantFrom('service', 'database', 'job', 'queue', 'other' as const), tech: opt(hostileText),
      }).map((c) => compact({ name: n, ...c })))))),
      downtime_minutes: opt(fc.integer({ min: 0, max: 100_000 })),
    }).map(compact)),
    decisions: fc.oneof({ weight: 2, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: pinsArb(flows) }),
  })).map((p) => compact({
    archc: 1 as const,
    system: p.system as SystemSpec['system'],
    team: p.team,
    traffic: p.traffic,
    targets: p.targets,
    data: p.data,
    tenancy: p.tenancy,
    auth: p.auth || p.roles.length > 0 ? compact({ ...(p.auth ?? {}), roles: p.roles.length > 0 ? p.roles : undefined }) : undefined,
    api: p.api,
    modules: p.modules as [Module, ...Module[]],
    entities: p.entities.length > 0 ? p.entities : undefined,
    flows: p.flows.length > 0 ? p.flows : undefined,
    integrations: p.integrations.length > 0 ? p.integrations : undefined,
    current: p.current,
    decisions: p.decisions.length > 0 ? p.decisions : undefined,
  }) as SystemSpec);
}
