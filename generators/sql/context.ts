// What the DDL renderer needs to know about the whole model, computed once.
import type { ArchitectureModel, ColumnModel, FieldTypeName, TableModel } from '../../src/model/types.js';
import { choiceOf } from '../../src/passes/decision.js';
import { compareNames } from '../../src/spec/normalize.js';
import type { BlobStorage } from './column-types.js';

export type Tenancy = 'none' | 'shared-schema' | 'schema-per-tenant' | 'database-per-tenant';

/** The column every shared-schema tenant table carries. */
export const TENANT_COLUMN = 'tenant_id';

export interface SqlContext {
  readonly model: ArchitectureModel;
  readonly tenancy: Tenancy;
  readonly blobs: BlobStorage;
  /** Tables by `schema.table`. */
  readonly tables: ReadonlyMap<string, TableModel>;
  /** `tables` by each table's own schema, then name: a lookup that builds no `schema.table` key (see tablesBySchema). */
  readonly tablesBySchema: ReadonlyMap<string, ReadonlyMap<string, TableModel>>;
  /** Tables whose rows other tenant tables reference: they get UNIQUE (tenant_id, key) for a tenant-matching foreign key. */
  readonly tenantReferenced: ReadonlySet<string>;
  /** Ephemeral tables created UNLOGGED. */
  readonly unlogged: ReadonlySet<string>;
  /** Audit trail location, or null without an audit table. */
  readonly audit: { schema: string; table: string } | null;
  /** Entities whose tables get the audit trigger (security.audit.entities), for a lookup per table instead of a scan. */
  readonly auditedEntities: ReadonlySet<string>;
  /** schemasOf(model): the schema list, the schema lines and every role's grants read it, so it is sorted once. */
  readonly schemas: readonly string[];
}

export function tableKey(schema: string, name: string): string {
  return `${schema}.${name}`;
}

export function buildContext(model: ArchitectureModel): SqlContext {
  const tables = new Map(model.tables.map((table) => [tableKey(table.schema, table.name), table] as const));
  const tenancy = tenancyOf(model);
  const context: SqlContext = {
    model,
    tenancy,
    blobs: choiceOf(model, 'blob-store') === 'none' ? 'bytea' : 'object-key',
    tables,
    tablesBySchema: tablesBySchema(model.tables, tables),
    tenantReferenced: new Set(),
    unlogged: new Set(),
    audit: auditLocation(model.security.audit.table),
    auditedEntities: new Set(model.security.audit.entities),
    schemas: schemasOf(model),
  };
  const referenced = new Set<string>();
  // Only a foreign key from a tenant table can be tenant-matched.
  for (const table of model.tables) {
    if (!isTenantTable(context, table)) continue;
    for (const column of table.columns) {
      const target = foreignKeyTarget(context, table, column);
      if (target !== null && target.tenantMatched) referenced.add(tableKey(target.table.schema, target.table.name));
    }
  }
  return { ...context, tenantReferenced: referenced, unlogged: unloggedTables(context) };
}

/**
 * Each table's own schema and name, mapped to what `tables` holds under its key (the last table with that key, as the
 * map was built). A pair no table has may still share a key with one (a dot inside a name), so it falls back to `tables`.
 */
function tablesBySchema(list: readonly TableModel[], tables: ReadonlyMap<string, TableModel>): Map<string, Map<string, TableModel>> {
  const bySchema = new Map<string, Map<string, TableModel>>();
  for (const table of list) {
    let byName = bySchema.get(table.schema);
    if (byName === undefined) bySchema.set(table.schema, (byName = new Map()));
    byName.set(table.name, tables.get(tableKey(table.schema, table.name)) as TableModel);
  }
  return bySchema;
}

/**
 * Ephemeral state skips the write-ahead log (faster writes; emptied after a crash, absent on replicas). Not when
 * partitioned, nor when a durable table holds a foreign key to it (PostgreSQL forbids that): a candidate a durable
 * table references becomes durable, and so does everything it references in turn. The durable tables are a worklist,
 * so each table's columns are read once, however long a chain of ephemeral references is.
 */
function unloggedTables(context: SqlContext): Set<string> {
  const tables = context.model.tables;
  const unlogged = new Set(tables.filter((t) => t.ephemeral && t.partitioning === null).map((t) => tableKey(t.schema, t.name)));
  if (unlogged.size === 0) return unlogged;
  const durable: TableModel[] = [];
  /** Tables skipped while their key is a candidate: all of them are read once it is not. */
  const candidates = new Map<string, TableModel[]>();
  for (const table of tables) {
    const key = tableKey(table.schema, table.name);
    if (!unlogged.has(key)) durable.push(table);
    else if (candidates.has(key)) candidates.get(key)?.push(table);
    else candidates.set(key, [table]);
  }
  for (let i = 0; i < durable.length; i += 1) {
    const table = durable[i] as TableModel;
    for (const column of table.columns) {
      const target = foreignKeyTarget(context, table, column);
      if (target === null) continue;
      const key = tableKey(target.table.schema, target.table.name);
      if (unlogged.delete(key)) for (const same of candidates.get(key) ?? []) durable.push(same);
    }
  }
  return unlogged;
}

/** The tenancy decision; without one, tenant-scoped tables imply shared-schema (the tables pass's own fallback). */
function tenancyOf(model: ArchitectureModel): Tenancy {
  const choice = choiceOf(model, 'tenancy');
  if (choice === 'shared-schema' || choice === 'schema-per-tenant' || choice === 'database-per-tenant') return choice;
  return choice === null && model.tables.some((t) => t.tenantScoped) ? 'shared-schema' : 'none';
}

/** `audit.audit_log`, `audit_log` or any `schema.table` spelling of the model's audit table. */
function auditLocation(name: string | null): { schema: string; table: string } | null {
  if (name === null || name.trim() === '') return null;
  const dot = name.indexOf('.');
  return dot < 0 ? { schema: 'audit', table: name } : { schema: name.slice(0, dot), table: name.slice(dot + 1) };
}

/** Rows carry tenant_id and are guarded by row-level security. */
export function isTenantTable(context: SqlContext, table: TableModel): boolean {
  return context.tenancy === 'shared-schema' && table.tenantScoped;
}

/** The table's columns, with tenant_id added after the key when a shared-schema tenant table lacks it. */
export function columnsOf(context: SqlContext, table: TableModel): ColumnModel[] {
  if (!isTenantTable(context, table) || table.columns.some((c) => c.name === TENANT_COLUMN)) return table.columns;
  const tenant: ColumnModel = {
    name: TENANT_COLUMN, field: TENANT_COLUMN, type: 'uuid', nullable: false, unique: false, key: false,
    sensitivity: 'internal', synthetic: true,
  };
  const keyCount = table.columns.filter((c) => c.key).length;
  return [...table.columns.slice(0, keyCount), tenant, ...table.columns.slice(keyCount)];
}

/** Primary key columns; a partitioned table's key must include the partition column. */
export function primaryKeyOf(table: TableModel): string[] {
  const key = table.primaryKey.length > 0 ? table.primaryKey : table.columns.filter((c) => c.key).map((c) => c.name);
  return withPartitionColumn(table, key);
}

export function withPartitionColumn(table: TableModel, columns: string[]): string[] {
  const partition = table.partitioning?.column;
  return partition === undefined || columns.includes(partition) ? columns : [...columns, partition];
}

/** The type a column's values have after resolving a ref to the referenced key's type. */
export function valueTypeOf(context: SqlContext, column: ColumnModel): FieldTypeName {
  if (column.type !== 'ref') return column.type;
  const target = column.refKeyType ?? refKeyTypeOf(context, column);
  return target === 'ref' ? 'uuid' : target;
}

/** The type of a ref column's target key, looked up in the referenced table when the column does not carry it. */
export function refKeyTypeOf(context: SqlContext, column: ColumnModel): FieldTypeName {
  const ref = column.references;
  if (ref === undefined) return 'uuid';
  const target = context.tables.get(tableKey(ref.schema, ref.table))?.columns.find((c) => c.name === ref.column);
  if (target === undefined) return 'uuid';
  return target.type === 'ref' ? (target.refKeyType ?? 'uuid') : target.type;
}

export interface ForeignKeyTarget {
  table: TableModel;
  column: string;
  /** Both sides are shared-schema tenant tables: the key is (tenant_id, column), so a row never points at another tenant's row. */
  tenantMatched: boolean;
}

type ForeignKeyBlock = 'crosses-service' | 'not-in-database' | 'partitioned';

/** The table a reference points at, when this database has it. */
function referencedTable(context: SqlContext, ref: NonNullable<ColumnModel['references']>): TableModel | undefined {
  return context.tablesBySchema.get(ref.schema)?.get(ref.table) ?? context.tables.get(tableKey(ref.schema, ref.table));
}

/** What keeps a reference from having a FOREIGN KEY, or null when nothing does. */
function foreignKeyBlock(ref: NonNullable<ColumnModel['references']>, target: TableModel | undefined): ForeignKeyBlock | null {
  if (ref.crossesService) return 'crosses-service';
  if (target === undefined) return 'not-in-database';
  return target.partitioning === null ? null : 'partitioned';
}

/** Why a reference gets no FOREIGN KEY, or null when it gets one. */
export function missingForeignKeyReason(context: SqlContext, column: ColumnModel): string | null {
  const ref = column.references;
  if (ref === undefined) return null;
  const target = referencedTable(context, ref);
  const block = foreignKeyBlock(ref, target);
  if (block === null) return null;
  const byId = `By-id reference to ${ref.schema}.${ref.table}.${ref.column}, no foreign key`;
  switch (block) {
    case 'crosses-service':
      return `${byId}: module ${target?.module ?? ref.schema} deploys as a separate service and owns that table; its API checks that the id exists and its events announce deletes.`;
    case 'not-in-database':
      return `${byId}: that table is not in this database.`;
    case 'partitioned':
      return `${byId}: that table is partitioned, so ${ref.column} alone is not unique at the database level.`;
  }
}

export function foreignKeyTarget(context: SqlContext, table: TableModel, column: ColumnModel): ForeignKeyTarget | null {
  const ref = column.references;
  if (ref === undefined) return null;
  const target = referencedTable(context, ref);
  if (target === undefined || foreignKeyBlock(ref, target) !== null) return null;
  const tenantMatched = isTenantTable(context, table) && isTenantTable(context, target)
    && column.name !== TENANT_COLUMN && ref.column !== TENANT_COLUMN;
  return { table: target, column: ref.column, tenantMatched };
}

/** Module schemas plus any schema a table names, sorted. */
export function schemasOf(model: ArchitectureModel): string[] {
  const names = new Set([...model.modules.map((m) => m.schema), ...model.tables.map((t) => t.schema)]);
  return [...names].sort(compareNames);
}
