// A deterministic generator of valid system.yaml specs of any size, for the benchmark and scale tests.
// The same (entities, seed) always yields the same bytes: a seeded PRNG, never Math.random or a clock.
//
//   node bench/gen-spec.mjs <entities> [--seed n] [--out file]   print (or write) one spec
//   node bench/gen-spec.mjs --check                              validate 10, 100 and 1,000 with `archc validate`
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** mulberry32: a tiny seeded PRNG, good enough to vary shapes reproducibly. */
function seededRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Helpers drawing from one PRNG stream. */
function dice(seed) {
  const next = seededRandom(seed);
  const int = (min, max) => min + Math.floor(next() * (max - min + 1));
  const chance = (p) => next() < p;
  const pick = (items) => items[int(0, items.length - 1)];
  /** Up to `count` distinct items, in the list's own order. */
  const some = (items, count) => {
    const chosen = new Set();
    const want = Math.min(count, items.length);
    while (chosen.size < want) chosen.add(int(0, items.length - 1));
    return [...chosen].sort((a, b) => a - b).map((i) => items[i]);
  };
  return { int, chance, pick, some };
}

const ENTITY_WORDS = ['Account', 'Invoice', 'Ledger', 'Parcel', 'Booking', 'Device', 'Report', 'Ticket', 'Contract', 'Voucher',
  'Shipment', 'Sensor', 'Lesson', 'Claim', 'Policy', 'Quote', 'Visit', 'Batch', 'Rating', 'Badge'];
const MODULE_WORDS = ['billing', 'catalog', 'identity', 'fleet', 'support', 'ledger', 'search', 'routing', 'pricing', 'audit-trail',
  'scheduling', 'inventory', 'onboarding', 'payouts', 'messaging', 'insights'];
const PLAIN_TYPES = ['string', 'text', 'int', 'bigint', 'decimal', 'money', 'bool', 'date', 'timestamp', 'json', 'enum', 'blob', 'uuid'];
const FLOW_KINDS = ['request', 'background', 'realtime', 'batch', 'scheduled', 'ingest'];
const INTEGRATION_KINDS = ['payment', 'email', 'sms', 'identity', 'storage', 'search', 'analytics', 'other'];
const DIRECTIONS = ['outbound', 'inbound', 'both'];
const ROLES = ['customer', 'operator', 'admin'];
const API_OPS = ['create', 'read', 'list', 'update', 'delete'];
const SENSITIVITIES = ['public', 'internal', 'pii', 'phi', 'pci'];

const pad = (n, width) => String(n).padStart(width, '0');

function moduleList(count, d) {
  const width = String(count).length;
  return Array.from({ length: count }, (_, i) => {
    const earlier = Array.from({ length: i }, (_, j) => j);
    // Depend only on earlier modules, so depends_on can never form a cycle.
    const dependsOn = d.some(earlier, d.int(0, Math.min(3, i))).map((j) => j);
    return {
      name: `${MODULE_WORDS[i % MODULE_WORDS.length]}-${pad(i, width)}`,
      owner: `team-${pad(i % Math.max(1, Math.ceil(count / 3)), width)}`,
      dependsOn,
      scaling: d.chance(0.1),
    };
  });
}

/** Fields: `id` is the one key; refs point only at earlier entities; types cycle so every type appears. */
function fieldList(entityIndex, entityNames, d, typeCursor) {
  const fields = [{ name: 'id', type: 'uuid', key: true }];
  const count = d.int(5, 12);
  for (let k = 1; k < count; k++) {
    const useRef = entityIndex > 0 && (k === 1 || d.chance(0.15));
    if (useRef) {
      const target = d.int(Math.max(0, entityIndex - 50), entityIndex - 1);
      fields.push({ name: `ref_${k}`, type: 'ref', to: entityNames[target], optional: d.chance(0.3) });
      continue;
    }
    const type = PLAIN_TYPES[typeCursor.next++ % PLAIN_TYPES.length];
    const field = { name: `${type}_${k}`, type };
    if (type === 'enum') field.values = ['draft', 'active', 'closed'].slice(0, d.int(1, 3));
    if (type === 'string' && d.chance(0.2)) field.unique = true;
    if (d.chance(0.25)) field.optional = true;
    if (d.chance(0.15)) field.sensitivity = d.pick(SENSITIVITIES);
    if (type === 'int' && d.chance(0.5)) field.default = 0;
    fields.push(field);
  }
  return fields;
}

function accessList(fields, d) {
  const indexable = fields.filter((f) => !['json', 'blob', 'text'].includes(f.type));
  const access = [];
  const patterns = d.int(0, 3);
  for (let p = 0; p < patterns; p++) {
    const by = d.some(indexable, d.int(1, 3)).map((f) => f.name);
    access.push({ by, kind: d.pick(['get', 'list']), hot: d.chance(0.3) });
  }
  const text = fields.filter((f) => f.type === 'text' || f.type === 'string');
  if (text.length > 0 && d.chance(0.2)) access.push({ search: d.some(text, 2).map((f) => f.name) });
  return access;
}

function entityList(count, modules, d) {
  const width = String(count).length;
  const names = Array.from({ length: count }, (_, i) => `${ENTITY_WORDS[i % ENTITY_WORDS.length]}${pad(i, width)}`);
  const typeCursor = { next: 0 };
  return names.map((name, i) => {
    const fields = fieldList(i, names, d, typeCursor);
    return {
      name,
      module: modules[i % modules.length].name,
      sensitivity: d.chance(0.3) ? d.pick(SENSITIVITIES) : null,
      fields,
      volume: { rows: d.int(0, 50_000_000), rows_per_day: d.int(0, 100_000) },
      retention: d.chance(0.3) ? { days: d.int(30, 3000), then: d.pick(['archive', 'delete']) } : null,
      access: accessList(fields, d),
      api: d.chance(0.8) ? d.some(API_OPS, d.int(1, 5)) : [],
    };
  });
}

function integrationList(count, d) {
  const width = String(count).length;
  return Array.from({ length: count }, (_, i) => ({
    name: `vendor-${INTEGRATION_KINDS[i % INTEGRATION_KINDS.length]}-${pad(i, width)}`,
    kind: INTEGRATION_KINDS[i % INTEGRATION_KINDS.length],
    direction: DIRECTIONS[i % DIRECTIONS.length],
    critical: d.chance(0.3),
  }));
}

/** Flows cycle through every kind; actors follow each kind's natural source (a role, a module, an integration). */
function flowList(count, entities, modules, integrations, d) {
  const width = String(count).length;
  return Array.from({ length: count }, (_, i) => {
    const kind = FLOW_KINDS[i % FLOW_KINDS.length];
    const touches = d.some(entities, d.int(1, 4)).map((e) => e.name);
    const writes = kind === 'realtime' ? [] : d.some(touches, d.int(0, touches.length));
    const actor = kind === 'request' || kind === 'realtime' ? d.pick(ROLES)
      : kind === 'ingest' ? d.pick(integrations).name : d.pick(modules).name;
    return {
      name: `flow-${kind}-${pad(i, width)}`,
      kind,
      actor,
      consistency: writes.length > 0 && d.chance(0.5) ? 'strong' : 'eventual',
      touches,
      writes,
      calls: d.chance(0.4) ? d.some(integrations, d.int(1, 2)).map((x) => x.name) : [],
      consumers: d.chance(0.4) ? d.some(modules, d.int(1, 2)).map((m) => m.name) : [],
      ordered: kind !== 'request' && d.chance(0.2),
      replay: kind === 'ingest' && d.chance(0.5),
      bidirectional: kind === 'realtime' && d.chance(0.5),
      rate: kind === 'scheduled' ? null : d.int(1, 2000),
      latency: kind === 'request' && d.chance(0.5) ? d.int(50, 2000) : null,
      schedule: kind === 'scheduled' ? `${d.int(0, 59)} ${d.int(0, 23)} * * *` : null,
    };
  });
}

// YAML text: flow mappings of plain words and numbers, one item a line, as a team would write it.
const list = (items) => `[${items.join(', ')}]`;
const entries = (pairs) => `{ ${pairs.filter(([, v]) => v !== undefined).map(([k, v]) => `${k}: ${v}`).join(', ')} }`;

function fieldYaml(f) {
  return entries([
    ['name', f.name], ['type', f.type],
    ['key', f.key ? 'true' : undefined],
    ['to', f.to],
    ['values', f.values ? list(f.values) : undefined],
    ['unique', f.unique ? 'true' : undefined],
    ['optional', f.optional ? 'true' : undefined],
    ['sensitivity', f.sensitivity],
    ['default', f.default === undefined ? undefined : String(f.default)],
  ]);
}

function accessYaml(a) {
  return a.search ? entries([['search', list(a.search)]]) : entries([['by', list(a.by)], ['kind', a.kind], ['hot', a.hot ? 'true' : undefined]]);
}

function specYaml({ size: count, modules, entities, flows, integrations }) {
  const out = [
    `# Generated by bench/gen-spec.mjs: ${count} entities.`,
    'archc: 1',
    'system:',
    `  name: generated-${count}`,
    `  summary: A generated system with ${count} entities for measuring archc at scale.`,
    '  goals: [Measure compile time and memory]',
    'team: { engineers: 40, teams: 5 }',
    'traffic: { users: 2000000, peak_rps: 3000, read_ratio: 0.9, growth_per_year: 1.5, horizon_years: 3, spiky: false }',
    'targets: { availability: 99.95, latency_p99_ms: 400, rpo_minutes: 5, rto_minutes: 30 }',
    'data: { compliance: [gdpr, soc2], residency: [eu] }',
    'auth: { identity: [oidc, api-key], roles: [customer, operator, admin], admin_heavy: true }',
    'api: { style: rest, consumers: [web, mobile, partners] }',
    'modules:',
  ];
  for (const m of modules) {
    out.push(`  - name: ${m.name}`, `    description: Owns the ${m.name} records`, `    owner: ${m.owner}`);
    if (m.dependsOn.length > 0) out.push(`    depends_on: ${list(m.dependsOn.map((j) => modules[j].name))}`);
    if (m.scaling) out.push('    needs: { independent_scaling: true }');
  }
  out.push('entities:');
  for (const e of entities) {
    out.push(`  - name: ${e.name}`, `    module: ${e.module}`);
    if (e.sensitivity) out.push(`    sensitivity: ${e.sensitivity}`);
    out.push('    fields:', ...e.fields.map((f) => `      - ${fieldYaml(f)}`));
    out.push(`    volume: ${entries([['rows', e.volume.rows], ['rows_per_day', e.volume.rows_per_day]])}`);
    if (e.retention) out.push(`    retention: ${entries([['days', e.retention.days], ['then', e.retention.then]])}`);
    if (e.access.length > 0) out.push('    access:', ...e.access.map((a) => `      - ${accessYaml(a)}`));
    if (e.api.length > 0) out.push(`    api: ${list(e.api)}`);
  }
  out.push('flows:');
  for (const f of flows) {
    out.push(`  - name: ${f.name}`, `    kind: ${f.kind}`, `    actor: ${f.actor}`, `    consistency: ${f.consistency}`,
      `    touches: ${list(f.touches)}`);
    if (f.writes.length > 0) out.push(`    writes: ${list(f.writes)}`);
    if (f.calls.length > 0) out.push(`    calls: ${list(f.calls)}`);
    if (f.consumers.length > 0) out.push(`    consumers: ${list(f.consumers)}`);
    if (f.ordered) out.push('    ordered: true');
    if (f.replay) out.push('    replay: true');
    if (f.bidirectional) out.push('    bidirectional: true');
    if (f.rate !== null) out.push(`    rate_per_sec: ${f.rate}`);
    if (f.latency !== null) out.push(`    latency_p99_ms: ${f.latency}`);
    if (f.schedule !== null) out.push(`    schedule: "${f.schedule}"`);
  }
  out.push('integrations:');
  for (const x of integrations) {
    out.push(`  - ${entries([['name', x.name], ['kind', x.kind], ['direction', x.direction], ['critical', String(x.critical)]])}`);
  }
  return `${out.join('\n')}\n`;
}

/** The spec text for `entities` entities (≥ 1): ~entities/10 modules, ~entities/5 flows, ~entities/50 integrations. */
export function generateSpec(entities, seed = 1) {
  if (!Number.isInteger(entities) || entities < 1) throw new Error(`entities must be an integer >= 1, got ${entities}`);
  const d = dice(seed * 1_000_003 + entities);
  const modules = moduleList(Math.max(1, Math.round(entities / 10)), d);
  const entityItems = entityList(entities, modules, d);
  const integrations = integrationList(Math.max(FLOW_KINDS.length, Math.round(entities / 50)), d);
  const flows = flowList(Math.max(FLOW_KINDS.length, Math.round(entities / 5)), entityItems, modules, integrations, d);
  return specYaml({ size: entities, modules, entities: entityItems, flows, integrations });
}

/** Writes the spec for each size into a temporary directory and checks `archc validate` exits 0 on it. */
function selfCheck(sizes) {
  const dir = mkdtempSync(join(tmpdir(), 'archc-gen-'));
  let failed = 0;
  try {
    for (const size of sizes) {
      const file = join(dir, `system-${size}.yaml`);
      const text = generateSpec(size);
      writeFileSync(file, text);
      const again = generateSpec(size);
      const run = spawnSync(process.execPath, [join(root, 'bin', 'archc.js'), 'validate', file, '--format', 'json'], { encoding: 'utf8' });
      const ok = run.status === 0 && again === text;
      if (!ok) failed++;
      console.log(`${ok ? 'ok  ' : 'FAIL'} ${size} entities: ${text.length} bytes, validate exit ${run.status}${again === text ? '' : ', NOT deterministic'}`);
      if (run.status !== 0) console.log(run.stdout.slice(0, 2000), run.stderr.slice(0, 2000));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return failed === 0;
}

function cli(argv) {
  if (argv.includes('--check')) {
    process.exitCode = selfCheck([10, 100, 1000]) ? 0 : 1;
    return;
  }
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { seed: { type: 'string' }, out: { type: 'string' } } });
  const text = generateSpec(Number(positionals[0] ?? 100), Number(values.seed ?? 1));
  if (values.out) writeFileSync(values.out, text);
  else process.stdout.write(text);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) cli(process.argv.slice(2));
