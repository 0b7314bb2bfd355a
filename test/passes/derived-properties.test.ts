// Properties of the derived model over every sample and generated specs (fixed seed): budgets nest, every table's
// keys, indexes and references name existing columns and tables, no latency figure appears unless the spec gave one,
// named arrays are sorted, and the result is deterministic.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { parse } from 'yaml';
import { noPositions } from '../../src/load/locator.js';
import type { ArchitectureModel, CallBudget } from '../../src/model/types.js';
import { runPasses } from '../../src/passes/index.js';
import { worstCaseMs } from '../../src/passes/derived/call-budgets.js';
import { compareNames, normalizeSpec } from '../../src/spec/normalize.js';
import type { SystemSpec } from '../../src/spec/types.js';
import { systemSpecArb } from '../arbitraries/spec.js';

const SEED = 20_261_125;
const RUNS = 150;

function build(spec: SystemSpec): ArchitectureModel {
  return runPasses(normalizeSpec(spec), noPositions);
}

/** What a component waits for in the worst case: its callees one after another. */
function need(budgets: readonly CallBudget[], caller: string): number {
  return budgets.filter((b) => b.caller === caller).reduce((sum, b) => sum + worstCaseMs(b), 0);
}

function budgetViolations(model: ArchitectureModel): string[] {
  const budgets = model.reliability.budgets;
  const callers = new Set(budgets.map((b) => b.caller));
  const problems: string[] = [];
  for (const budget of budgets) {
    if (!callers.has(budget.callee)) continue;
    const inner = need(budgets, budget.callee);
    if (!(budget.timeoutMs > inner)) problems.push(`${budget.caller} → ${budget.callee}: ${budget.timeoutMs} ms ≤ ${inner} ms the callee may wait`);
  }
  for (const flow of model.flows) {
    const inner = need(budgets, `flow:${flow.name}`);
    if (!(flow.timeoutMs > inner)) problems.push(`flow ${flow.name}: timeout ${flow.timeoutMs} ms ≤ ${inner} ms`);
    for (const call of budgets.filter((b) => b.caller === `flow:${flow.name}`)) {
      if (!(flow.timeoutMs > call.timeoutMs * call.attempts + call.backoffMs.reduce((s, w) => s + w, 0))) problems.push(`flow ${flow.name} → ${call.callee} does not nest`);
    }
    const triggers = budgets.filter((b) => b.callee === `flow:${flow.name}`);
    if (triggers.length !== 1) problems.push(`flow ${flow.name} has ${triggers.length} triggers`);
  }
  for (const budget of budgets) {
    if (budget.backoffMs.length !== budget.attempts - 1) problems.push(`${budget.caller} → ${budget.callee}: ${budget.attempts} attempts with ${budget.backoffMs.length} backoffs`);
  }
  return problems;
}

function tableViolations(model: ArchitectureModel): string[] {
  const problems: string[] = [];
  const tables = new Set(model.tables.map((t) => `${t.schema}.${t.name}`));
  const relations = [...model.tables.map((t) => `${t.schema}.${t.name}`), ...model.tables.flatMap((t) => t.indexes.map((i) => `${t.schema}.${i.name}`))];
  if (new Set(relations).size !== relations.length) problems.push('two relations (tables or indexes) share a name in one schema');
  for (const table of model.tables) {
    const columns = new Set(table.columns.map((c) => c.name));
    const where = `${table.schema}.${table.name}`;
    if (columns.size !== table.columns.length) problems.push(`${where}: duplicate column`);
    for (const column of table.primaryKey) if (!columns.has(column)) problems.push(`${where}: primary key column ${column} missing`);
    for (const index of table.indexes) {
      for (const column of index.columns) if (!columns.has(column)) problems.push(`${where}: index ${index.name} names missing column ${column}`);
      if (Buffer.byteLength(index.name) > 63) problems.push(`${where}: index name ${index.name} over 63 bytes`);
      const soft = index.where?.match(/^(\w+)/)?.[1];
      if (soft !== undefined && !columns.has(soft)) problems.push(`${where}: partial index on missing column ${soft}`);
    }
    if (new Set(table.indexes.map((i) => i.name)).size !== table.indexes.length) problems.push(`${where}: duplicate index name`);
    if (table.partitioning !== null && !columns.has(table.partitioning.column)) problems.push(`${where}: partition column missing`);
    for (const column of table.columns) {
      const ref = column.references;
      if (ref === undefined) continue;
      const target = model.tables.find((t) => t.schema === ref.schema && t.name === ref.table);
      if (!tables.has(`${ref.schema}.${ref.table}`) || target === undefined) problems.push(`${where}.${column.name}: references missing table ${ref.schema}.${ref.table}`);
      else if (!target.columns.some((c) => c.name === ref.column)) problems.push(`${where}.${column.name}: references missing column ${ref.column}`);
      if (column.key && column.nullable) problems.push(`${where}.${column.name}: nullable key`);
    }
    if (table.tenantScoped && !table.columns.some((c) => c.name === 'tenant_id' && !c.nullable)) problems.push(`${where}: tenant-scoped without tenant_id NOT NULL`);
  }
  return problems;
}

function statesLatency(spec: SystemSpec): boolean {
  return spec.targets?.latency_p99_ms !== undefined || (spec.flows ?? []).some((f) => f.latency_p99_ms !== undefined);
}

/** The text of the derived sections (field names aside: `latencyP99Ms` is a key, null unless stated). */
function derivedText(model: ArchitectureModel): string {
  const { modules, tables, events, flows, api, security, reliability, performance, delivery } = model;
  return JSON.stringify({ modules, tables, events, flows, api, security, reliability, performance, delivery })
    .replace(/"latencyP99Ms":null/g, '');
}

const LATENCY_WORDING = /\bp50\b|\bp95\b|\bp99\b|latency|response time/i;

function sortedBy<T>(items: readonly T[], key: (item: T) => string): boolean {
  return items.every((item, i) => i === 0 || compareNames(key(items[i - 1] as T), key(item)) <= 0);
}

function checkModel(spec: SystemSpec): void {
  const model = build(spec);
  expect(budgetViolations(model)).toEqual([]);
  expect(tableViolations(model)).toEqual([]);
  if (!statesLatency(spec)) {
    expect(derivedText(model)).not.toMatch(LATENCY_WORDING);
    expect(model.reliability.slo.latencyP99Ms).toBeNull();
    expect(model.flows.every((f) => f.latencyP99Ms === null)).toBe(true);
  }
  expect(sortedBy(model.modules, (m) => m.name)).toBe(true);
  expect(sortedBy(model.flows, (f) => f.name)).toBe(true);
  expect(sortedBy(model.events, (e) => e.name)).toBe(true);
  expect(sortedBy(model.tables, (t) => `${t.schema}\u0000${t.name}`)).toBe(true);
  expect(JSON.stringify(build(spec))).toBe(JSON.stringify(model));
}

const samples = existsSync('samples')
  ? readdirSync('samples').filter((name) => existsSync(`samples/${name}/system.yaml`)).sort(compareNames)
  : [];

describe.each(samples)('sample %s', (name) => {
  test('budgets nest, tables are consistent, no unstated latency, sorted and deterministic', () => {
    checkModel(parse(readFileSync(`samples/${name}/system.yaml`, 'utf8')) as SystemSpec);
  });
});

test('generated specs: the same properties hold', () => {
  fc.assert(fc.property(systemSpecArb, (spec) => { checkModel(spec); }), { seed: SEED, numRuns: RUNS });
});

test('the nesting check can fail: a flow whose timeout is below its callees is reported', () => {
  const model = build(parse(readFileSync(`samples/${samples[0] ?? 'clinic'}/system.yaml`, 'utf8')) as SystemSpec);
  const flow = model.flows.find((f) => model.reliability.budgets.some((b) => b.caller === `flow:${f.name}`));
  if (flow === undefined) return;
  const broken = { ...model, flows: model.flows.map((f) => (f === flow ? { ...f, timeoutMs: 1 } : f)) };
  expect(budgetViolations(broken).length).toBeGreaterThan(0);
});
