// The sql emitter's shortcuts against the plain rules they replace: quoting and comment text without the slow path for
// the common case, table lookups without building `schema.table` keys, and UNLOGGED tables by a worklist, not a fixpoint.
// Also: lines are appended without spreading arrays into arguments, so very long free text cannot overflow the stack.
import fc from 'fast-check';
import {
  TENANT_COLUMN, buildContext, foreignKeyTarget, isTenantTable, missingForeignKeyReason, tableKey, type SqlContext,
} from '../../generators/sql/context.js';
import { renderSchema } from '../../generators/sql/render.js';
import { commentLines, quoteIdent, quoteLiteral } from '../../generators/sql/sql-text.js';
import { shortenIdentifier } from '../../src/model/naming.js';
import type { ArchitectureModel, ColumnModel, TableModel } from '../../src/model/types.js';
import { emptyModel } from '../../src/passes/pass.js';
import { decision, spec } from '../fixtures/models/sql-models.js';

/** Text rich in what the shortcuts skip: quotes, line breaks, trailing blanks of every kind, multi-byte and lone surrogates. */
const awkwardText = (maxLength: number): fc.Arbitrary<string> => fc.array(
  fc.oneof(
    fc.constantFrom('a', 'Z', '_', '"', "'", '\n', '\r', '\r\n', ' ', '\t', '\u00a0', '\u2028', '\u3000', '\ufeff', 'é', 'ü', '語', '😀', '\ud800'),
    fc.string({ unit: 'binary', maxLength: 3 }),
  ),
  { maxLength },
).map((parts) => parts.join(''));

describe('text shortcuts', () => {
  test('quoteIdent: shortened by bytes, double quotes doubled (property-based, lengths around the 21-unit shortcut)', () => {
    const plain = (name: string): string => `"${shortenIdentifier(name).replace(/"/g, '""')}"`;
    fc.assert(fc.property(awkwardText(40), (name) => {
      expect(quoteIdent(name)).toBe(plain(name));
    }), { seed: 11, numRuns: 1500 });
    for (const unit of ['a', 'é', '語', '😀', '"', '\ud800']) {
      for (let length = 15; length <= 70; length += 1) {
        const name = unit.repeat(length).slice(0, length);
        expect(quoteIdent(name)).toBe(plain(name));
      }
    }
  });

  test('quoteLiteral doubles single quotes (property-based)', () => {
    fc.assert(fc.property(awkwardText(30), (text) => {
      expect(quoteLiteral(text)).toBe(`'${text.replace(/'/g, "''")}'`);
    }), { seed: 12, numRuns: 2000 });
  });

  test('commentLines: one line per line break, trailing white space dropped (property-based)', () => {
    const plain = (text: string, indent: string): string[] => text
      .split(/\r\n|\r|\n/)
      .map((line) => line.replace(/\s+$/u, ''))
      .map((line) => (line === '' ? `${indent}--` : `${indent}-- ${line}`));
    fc.assert(fc.property(awkwardText(30), fc.constantFrom('', '  '), (text, indent) => {
      expect(commentLines(text, indent)).toEqual(plain(text, indent));
    }), { seed: 13, numRuns: 3000 });
  });
});

// Names with dots, so distinct (schema, table) pairs can share a `schema.table` key: the flat map keeps the last.
const SCHEMAS = ['a', 'a.b', 'b'];
const TABLES = ['b.c', 'c', 'd', 'tenant_id'];

const referenceArb = fc.record({
  schema: fc.constantFrom(...SCHEMAS), table: fc.constantFrom(...TABLES, 'missing'), column: fc.constantFrom('id', TENANT_COLUMN),
  crossesService: fc.boolean(),
});

const tableArb = fc.record({
  schema: fc.constantFrom(...SCHEMAS), name: fc.constantFrom(...TABLES),
  ephemeral: fc.boolean(), partitioned: fc.boolean(), tenantScoped: fc.boolean(),
  references: fc.array(fc.tuple(fc.constantFrom('ref_id', TENANT_COLUMN), referenceArb), { maxLength: 3 }),
});

const modelArb = fc.record({
  tables: fc.array(tableArb, { maxLength: 9 }),
  tenancy: fc.constantFrom('shared-schema', 'schema-per-tenant', null),
}).map(({ tables, tenancy }): ArchitectureModel => {
  const model = emptyModel(spec('lookup-fixture'));
  model.decisions = [decision('primary-store', 'postgresql'), ...(tenancy === null ? [] : [decision('tenancy', tenancy)])];
  model.tables = tables.map((t, i): TableModel => ({
    entity: `E${i}`, name: t.name, schema: t.schema, module: t.schema, description: '',
    columns: [
      { name: 'id', field: 'id', type: 'uuid', nullable: false, unique: false, key: true, sensitivity: 'internal' },
      ...t.references.map(([name, ref], j): ColumnModel => ({
        name: `${name}_${j}`, field: `${name}_${j}`, type: 'ref', nullable: true, unique: false, key: false, sensitivity: 'internal',
        references: { entity: 'X', onDelete: 'CASCADE', ...ref },
      })),
    ],
    primaryKey: ['id'], indexes: [], tenantScoped: t.tenantScoped, sensitivity: 'internal', ephemeral: t.ephemeral, audited: false,
    partitioning: t.partitioned ? { column: 'id', interval: 'month', reason: 'Fixture.' } : null,
    retention: null, api: [], notes: [],
  }));
  return model;
});

/** The foreign key rule read straight off the flat `schema.table` map. */
function plainTarget(context: SqlContext, table: TableModel, column: ColumnModel): { table: TableModel; tenantMatched: boolean } | null {
  const ref = column.references;
  if (ref === undefined || ref.crossesService) return null;
  const target = context.tables.get(tableKey(ref.schema, ref.table));
  if (target === undefined || target.partitioning !== null) return null;
  const tenantMatched = isTenantTable(context, table) && isTenantTable(context, target)
    && column.name !== TENANT_COLUMN && ref.column !== TENANT_COLUMN;
  return { table: target, tenantMatched };
}

/** UNLOGGED as first written: sweep every table until a sweep changes nothing. */
function plainUnlogged(context: SqlContext): Set<string> {
  const tables = context.model.tables;
  const unlogged = new Set(tables.filter((t) => t.ephemeral && t.partitioning === null).map((t) => tableKey(t.schema, t.name)));
  let changed = true;
  while (changed) {
    changed = false;
    for (const table of tables) {
      if (unlogged.has(tableKey(table.schema, table.name))) continue;
      for (const column of table.columns) {
        const target = plainTarget(context, table, column);
        if (target !== null && unlogged.delete(tableKey(target.table.schema, target.table.name))) changed = true;
      }
    }
  }
  return unlogged;
}

function plainTenantReferenced(context: SqlContext): Set<string> {
  const referenced = new Set<string>();
  for (const table of context.model.tables) {
    for (const column of table.columns) {
      const target = plainTarget(context, table, column);
      if (target !== null && target.tenantMatched) referenced.add(tableKey(target.table.schema, target.table.name));
    }
  }
  return referenced;
}

describe('context shortcuts', () => {
  test('foreign key targets, UNLOGGED tables and tenant-referenced tables match the plain rules (property-based)', () => {
    let unloggedSeen = 0;
    let durableMade = 0;
    fc.assert(fc.property(modelArb, (model) => {
      const context = buildContext(model);
      for (const table of model.tables) {
        for (const column of table.columns) {
          const plain = plainTarget(context, table, column);
          const target = foreignKeyTarget(context, table, column);
          expect(target?.table).toBe(plain?.table);
          expect(target?.tenantMatched).toBe(plain?.tenantMatched);
          expect(missingForeignKeyReason(context, column) === null).toBe(column.references === undefined || plain !== null);
        }
      }
      const unlogged = plainUnlogged(context);
      expect([...context.unlogged].sort()).toEqual([...unlogged].sort());
      expect([...context.tenantReferenced].sort()).toEqual([...plainTenantReferenced(context)].sort());
      unloggedSeen += unlogged.size;
      durableMade += model.tables.filter((t) => t.ephemeral && t.partitioning === null && !unlogged.has(tableKey(t.schema, t.name))).length;
    }), { seed: 14, numRuns: 600 });
    // The generator reaches both outcomes: ephemeral tables that stay UNLOGGED and ones a durable table references.
    expect(unloggedSeen).toBeGreaterThan(40);
    expect(durableMade).toBeGreaterThan(40);
  });

  test('a chain of ephemeral references ending at a durable table is all durable, however it is ordered', () => {
    const model = emptyModel(spec('lookup-fixture'));
    model.decisions = [decision('primary-store', 'postgresql')];
    const link = (i: number, next: number | null, ephemeral: boolean): TableModel => ({
      entity: `E${i}`, name: `t${i}`, schema: 's', module: 's', description: '',
      columns: [
        { name: 'id', field: 'id', type: 'uuid', nullable: false, unique: false, key: true, sensitivity: 'internal' },
        ...(next === null ? [] : [{
          name: 'next_id', field: 'next', type: 'ref' as const, nullable: true, unique: false, key: false, sensitivity: 'internal' as const,
          references: { entity: `E${next}`, schema: 's', table: `t${next}`, column: 'id', onDelete: 'CASCADE' as const, crossesService: false },
        }]),
      ],
      primaryKey: ['id'], indexes: [], tenantScoped: false, sensitivity: 'internal', ephemeral, audited: false,
      partitioning: null, retention: null, api: [], notes: [],
    });
    // t0 (durable) → t1 → … → t199, listed last-first so each sweep of the old fixpoint freed one table.
    const count = 200;
    model.tables = Array.from({ length: count }, (_, i) => link(i, i + 1 < count ? i + 1 : null, i > 0)).reverse();
    model.tables.push(link(count, null, true));
    const context = buildContext(model);
    expect([...context.unlogged]).toEqual([`s.t${count}`]);
  });

  test('every table under a key that stops being UNLOGGED has its references read, not just the first', () => {
    const model = emptyModel(spec('lookup-fixture'));
    model.decisions = [decision('primary-store', 'postgresql')];
    const table = (schema: string, name: string, ephemeral: boolean, to: { schema: string; table: string } | null): TableModel => ({
      entity: `${schema}.${name}`, name, schema, module: 's', description: '',
      columns: [
        { name: 'id', field: 'id', type: 'uuid', nullable: false, unique: false, key: true, sensitivity: 'internal' },
        ...(to === null ? [] : [{
          name: 'to_id', field: 'to', type: 'ref' as const, nullable: true, unique: false, key: false, sensitivity: 'internal' as const,
          references: { entity: 'X', ...to, column: 'id', onDelete: 'CASCADE' as const, crossesService: false },
        }]),
      ],
      primaryKey: ['id'], indexes: [], tenantScoped: false, sensitivity: 'internal', ephemeral, audited: false,
      partitioning: null, retention: null, api: [], notes: [],
    });
    // `a.b`.`c` and `a`.`b.c` share the key a.b.c; the second one references the ephemeral `z`.`z`.
    model.tables = [
      table('d', 'd', false, { schema: 'a.b', table: 'c' }),
      table('a.b', 'c', true, null),
      table('a', 'b.c', false, { schema: 'z', table: 'z' }),
      table('z', 'z', true, null),
    ];
    expect([...buildContext(model).unlogged]).toEqual([]);
    expect([...plainUnlogged(buildContext(model))]).toEqual([]);
  });
});

test('an index reason, table notes and role grants of 200,000 lines each render (no spread overflows the stack)', () => {
  const model = emptyModel(spec('lookup-fixture'));
  model.decisions = [decision('primary-store', 'postgresql')];
  const long = 'line\n'.repeat(200_000);
  model.tables = [{
    entity: 'E', name: 't', schema: 's', module: 's', description: '',
    columns: [{ name: 'id', field: 'id', type: 'uuid', nullable: false, unique: false, key: true, sensitivity: 'internal' }],
    primaryKey: ['id'], indexes: [{ name: 't_id_idx', columns: ['id'], unique: false, where: null, method: 'btree', reason: long }],
    tenantScoped: false, sensitivity: 'internal', ephemeral: false, audited: false, partitioning: null, retention: null, api: [],
    notes: Array.from({ length: 200_000 }, (_, i) => `note ${i}`),
  }];
  model.security.dbRoles = [{ name: 'reader', grants: long }];
  const sql = renderSchema(model);
  expect(sql).toContain('-- note 199999\n');
  // The index reason's lines, then the role's (after its first, `-- reader: line`).
  expect(sql.split('\n').filter((line) => line === '-- line')).toHaveLength(200_000 + 199_999);
  expect(sql).toContain('CREATE INDEX "t_id_idx" ON "s"."t" ("id");');
});
