// One table: CREATE TABLE with its keys and constraints, then its partition, tenant policy, indexes, audit trigger and comments.
import type { ColumnModel, IndexModel, TableModel } from '../../src/model/types.js';
import { compareNames } from '../../src/spec/normalize.js';
import { columnChecks, defaultExpression, sqlType, valueType } from './column-types.js';
import {
  TENANT_COLUMN, columnsOf, foreignKeyTarget, isTenantTable, primaryKeyOf, refKeyTypeOf,
  tableKey, withPartitionColumn, type SqlContext,
} from './context.js';
import { commentLines, qualified, quoteIdent, quoteLiteral } from './sql-text.js';
import { columnComment, tableComment } from './comments.js';
import { tenantPolicyLines } from './tenant-policy.js';

export interface TableDdl {
  lines: string[];
  /** ALTER TABLE … ADD FOREIGN KEY statements for targets created later (self-references and cycles). */
  deferred: string[];
}

/** `created` holds the keys of tables already created; a foreign key to any other table is deferred. */
export function tableDdl(context: SqlContext, table: TableModel, created: ReadonlySet<string>): TableDdl {
  const name = qualified(table.schema, table.name);
  const columns = columnsOf(context, table);
  const inline: string[] = [];
  const deferred: string[] = [];
  for (const column of columns) {
    const clause = foreignKeyClause(context, table, column);
    if (clause === null) continue;
    const ref = column.references as NonNullable<ColumnModel['references']>;
    if (created.has(tableKey(ref.schema, ref.table))) inline.push(clause);
    else deferred.push(`ALTER TABLE ${name} ADD ${clause};`);
  }
  const uniques = uniqueConstraints(context, table, columns);
  const constraintNames = new Set(uniques.map((u) => u.name));
  const definitions = [
    ...columns.map((column) => columnDefinition(context, table, column)),
    `PRIMARY KEY (${identList(primaryKeyOf(table))})`,
    ...uniques.map(uniqueClause),
    ...inline,
  ];
  const partition = table.partitioning;
  return {
    lines: [
      ...aboveTableComments(table),
      `CREATE ${context.unlogged.has(tableKey(table.schema, table.name)) ? 'UNLOGGED ' : ''}TABLE ${name} (`,
      ...definitions.map((definition, i) => `  ${definition}${i < definitions.length - 1 ? ',' : ''}`),
      partition === null ? ');' : `) PARTITION BY RANGE (${quoteIdent(partition.column)});`,
      ...defaultPartition(context, table, columns),
      ...(isTenantTable(context, table) ? tenantPolicyLines(name, tenantType(context, columns)) : []),
      ...[...table.indexes].sort((a, b) => compareNames(a.name, b.name))
        .filter((index) => !constraintNames.has(index.name)).flatMap((index) => indexLines(context, table, index)),
      ...foreignKeyIndexes(context, table, columns),
      ...auditTrigger(context, table, name),
      `COMMENT ON TABLE ${name} IS ${quoteLiteral(tableComment(table))};`,
      ...columns.flatMap((column) => {
        const comment = columnComment(context, table, column);
        return comment === null ? [] : [`COMMENT ON COLUMN ${name}.${quoteIdent(column.name)} IS ${quoteLiteral(comment)};`];
      }),
    ],
    deferred,
  };
}

function identList(names: readonly string[]): string {
  return names.map(quoteIdent).join(', ');
}

function aboveTableComments(table: TableModel): string[] {
  const notes = [`${table.schema}.${table.name}: entity ${table.entity}, module ${table.module}.`];
  if (table.partitioning !== null) {
    const { column, interval, reason } = table.partitioning;
    notes.push(
      `Partitioned by range on ${column}, one partition per ${interval}: ${reason}`,
      `Create each ${interval}'s partition before its rows arrive (a scheduled job); the default partition only catches`,
      'stray rows, and a new partition cannot be attached while the default holds rows of its range.',
    );
  }
  if (table.retention !== null) {
    const { days, then, mechanism } = table.retention;
    notes.push(`Retention: ${days} days, then ${then}: ${mechanism.trim().replace(/\.?$/, '.')}`);
  }
  if (table.ephemeral) notes.push('Ephemeral: short-lived state that need not survive a crash.');
  notes.push(...(table.notes ?? []));
  return commentLines(notes.join('\n'));
}

/** A column's DDL pieces: what CREATE TABLE writes, and what a migration adds or changes one at a time. */
export interface ColumnParts {
  name: string;
  /** SQL type, e.g. `text`, `numeric(19,4)`. */
  sqlType: string;
  identity: boolean;
  notNull: boolean;
  /** DEFAULT expression, or null. */
  defaultSql: string | null;
  /** Column CHECK expressions (without `CHECK (…)`). */
  checks: string[];
}

export function columnParts(context: SqlContext, table: TableModel, column: ColumnModel): ColumnParts {
  const type = valueType(column, (c) => refKeyTypeOf(context, c));
  const sql = sqlType(type, context.blobs);
  const isKey = primaryKeyOf(table).includes(column.name);
  const generated = generatedKey(table, column, type);
  let defaultSql: string | null = null;
  if (column.default !== undefined) defaultSql = defaultExpression(column.default, type, sql);
  else if (generated === 'uuid') defaultSql = 'gen_random_uuid()';
  return {
    name: column.name, sqlType: sql, identity: generated === 'identity', notNull: !column.nullable || isKey, defaultSql,
    checks: columnChecks(column, type),
  };
}

function columnDefinition(context: SqlContext, table: TableModel, column: ColumnModel): string {
  const pieces = columnParts(context, table, column);
  const parts = [quoteIdent(pieces.name), pieces.sqlType];
  if (pieces.identity) parts.push('GENERATED BY DEFAULT AS IDENTITY');
  if (pieces.notNull) parts.push('NOT NULL');
  if (pieces.defaultSql !== null) parts.push(`DEFAULT ${pieces.defaultSql}`);
  for (const check of pieces.checks) parts.push(`CHECK (${check})`);
  return parts.join(' ');
}

/** A single-column uuid or integer key the model gives no default gets one generated by the database. */
function generatedKey(table: TableModel, column: ColumnModel, type: ColumnModel['type']): 'uuid' | 'identity' | null {
  if (!column.key || column.type === 'ref' || column.default !== undefined) return null;
  if (table.columns.filter((c) => c.key).length !== 1) return null;
  if (type === 'uuid') return 'uuid';
  return type === 'int' || type === 'bigint' ? 'identity' : null;
}

export interface UniqueConstraint {
  columns: string[];
  /** The model's name for it (its unique index), or null for PostgreSQL's default name. */
  name: string | null;
}

/**
 * Column UNIQUEs (led by tenant_id in a tenant table) and the (tenant_id, key) target of tenant-matched foreign keys.
 * A model unique index on the same columns becomes the constraint's name, so it is not created twice.
 */
export function uniqueConstraints(context: SqlContext, table: TableModel, columns: readonly ColumnModel[]): UniqueConstraint[] {
  const tenantLead = isTenantTable(context, table) ? [TENANT_COLUMN] : [];
  const primaryKey = primaryKeyOf(table);
  const sets: string[][] = columns
    .filter((column) => column.unique && !column.key && column.name !== TENANT_COLUMN)
    .map((column) => withPartitionColumn(table, [...tenantLead, column.name]));
  if (context.tenantReferenced.has(tableKey(table.schema, table.name))) {
    sets.push([TENANT_COLUMN, ...primaryKey.filter((name) => name !== TENANT_COLUMN)]);
  }
  const seen = new Set([sameColumns(primaryKey)]);
  const out: UniqueConstraint[] = [];
  for (const set of sets) {
    if (seen.has(sameColumns(set))) continue;
    seen.add(sameColumns(set));
    const index = table.indexes.find((i) => isConstraintIndex(table, i) && sameColumns(indexColumns(table, i)) === sameColumns(set));
    out.push({ columns: set, name: index?.name ?? null });
  }
  return out;
}

function sameColumns(columns: readonly string[]): string {
  return columns.join('\u0000');
}

/** A plain unique btree index: the kind a UNIQUE constraint creates. */
function isConstraintIndex(table: TableModel, index: IndexModel): boolean {
  return index.unique && index.method === 'btree' && index.where === null && table.partitioning === null;
}

function uniqueClause(constraint: UniqueConstraint): string {
  const clause = `UNIQUE (${identList(constraint.columns)})`;
  return constraint.name === null ? clause : `CONSTRAINT ${quoteIdent(constraint.name)} ${clause}`;
}

/** The FOREIGN KEY clause for a ref column, or null when it has none (by-id references get a column comment instead). */
export function foreignKeyClause(context: SqlContext, table: TableModel, column: ColumnModel): string | null {
  const target = foreignKeyTarget(context, table, column);
  const ref = column.references;
  if (target === null || ref === undefined) return null;
  const to = qualified(ref.schema, ref.table);
  if (!target.tenantMatched) {
    return `FOREIGN KEY (${quoteIdent(column.name)}) REFERENCES ${to} (${quoteIdent(ref.column)}) ON DELETE ${ref.onDelete}`;
  }
  // SET NULL must leave tenant_id alone (it is NOT NULL), hence the column list.
  const onDelete = ref.onDelete === 'SET NULL' ? `SET NULL (${quoteIdent(column.name)})` : ref.onDelete;
  return `FOREIGN KEY (${identList([TENANT_COLUMN, column.name])}) REFERENCES ${to} (${identList([TENANT_COLUMN, ref.column])}) ON DELETE ${onDelete}`;
}

function defaultPartition(context: SqlContext, table: TableModel, columns: readonly ColumnModel[]): string[] {
  if (table.partitioning === null) return [];
  const partition = qualified(table.schema, `${table.name}_default`);
  return [
    `CREATE TABLE ${partition} PARTITION OF ${qualified(table.schema, table.name)} DEFAULT;`,
    // Policies of the parent do not apply to a partition queried directly.
    ...(isTenantTable(context, table) ? tenantPolicyLines(partition, tenantType(context, columns)) : []),
  ];
}

/** SQL type of the tenant_id column. */
export function tenantType(context: SqlContext, columns: readonly ColumnModel[]): string {
  const column = columns.find((c) => c.name === TENANT_COLUMN);
  return column === undefined ? 'uuid' : sqlType(valueType(column, (c) => refKeyTypeOf(context, c)), context.blobs);
}

/** Resolves an index column given as a field name (`client`) to its column (`client_id`). */
function columnNameOf(table: TableModel, name: string): string {
  if (table.columns.some((c) => c.name === name)) return name;
  return table.columns.find((c) => c.field === name)?.name ?? name;
}

export function indexColumns(table: TableModel, index: IndexModel): string[] {
  return index.columns.map((name) => columnNameOf(table, name));
}

export function indexLines(context: SqlContext, table: TableModel, index: IndexModel): string[] {
  const on = qualified(table.schema, table.name);
  const columns = indexColumns(table, index);
  const reason = index.reason.trim() === '' ? [] : commentLines(index.reason);
  if (index.method === 'gin') {
    const document = searchDocument(context, table, columns);
    if (document === null) return commentLines(`No full-text index ${index.name}: none of ${columns.join(', ')} has an immutable text form.`);
    return [
      ...reason,
      `-- Queries use the same expression: ${document} @@ websearch_to_tsquery('simple', $1)`,
      `CREATE INDEX ${quoteIdent(index.name)} ON ${on} USING gin (${document})${whereClause(index)};`,
    ];
  }
  // Column order is the model's (tenant_id already leads where the tables pass wants it); a unique index on a
  // partitioned table must include the partition column.
  const indexed = index.unique ? withPartitionColumn(table, columns) : columns;
  return [
    ...reason,
    `CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX ${quoteIdent(index.name)} ON ${on} (${identList(indexed)})${whereClause(index)};`,
  ];
}

function whereClause(index: IndexModel): string {
  return index.where === null || index.where.trim() === '' ? '' : ` WHERE ${index.where}`;
}

/**
 * The tsvector a GIN index and its queries share: the 'simple' configuration (no language stemming, so any language
 * matches literally) over the searched columns. Dates and timestamps are left out: their text form depends on settings,
 * which an index expression may not.
 */
function searchDocument(context: SqlContext, table: TableModel, columns: readonly string[]): string | null {
  const parts: string[] = [];
  for (const name of columns) {
    const column = table.columns.find((c) => c.name === name);
    if (column === undefined) continue;
    const type = valueType(column, (c) => refKeyTypeOf(context, c));
    if (type === 'date' || type === 'timestamp' || (type === 'blob' && context.blobs === 'bytea')) continue;
    const isText = type === 'string' || type === 'text' || type === 'enum' || type === 'blob';
    parts.push(`coalesce(${quoteIdent(name)}${isText ? '' : '::text'}, '')`);
  }
  return parts.length === 0 ? null : `to_tsvector('simple', ${parts.join(" || ' ' || ")})`;
}

/**
 * An index for each foreign key that no key, unique constraint or model index leads with (alone or after tenant_id):
 * ON DELETE checks and joins look child rows up by it. The tables pass usually derives these already.
 */
function foreignKeyIndexes(context: SqlContext, table: TableModel, columns: readonly ColumnModel[]): string[] {
  const on = qualified(table.schema, table.name);
  return foreignKeyIndexTargets(context, table, columns).flatMap(({ column, target }) => [
    `-- Covers the foreign key on ${column}: deletes in ${target} and joins look rows up by it.`,
    `CREATE INDEX ON ${on} (${quoteIdent(column)});`,
  ]);
}

/** Foreign-key columns that get an unnamed index of their own, with the referenced table's name. */
export function foreignKeyIndexTargets(context: SqlContext, table: TableModel, columns: readonly ColumnModel[]): Array<{ column: string; target: string }> {
  const leading = new Set<string>();
  const addLeading = (names: readonly string[]): void => {
    if (names[0] !== undefined) leading.add(names[0]);
    if (names[0] === TENANT_COLUMN && names[1] !== undefined) leading.add(names[1]);
  };
  addLeading(primaryKeyOf(table));
  for (const unique of uniqueConstraints(context, table, columns)) addLeading(unique.columns);
  for (const index of table.indexes) if (index.method === 'btree' && index.where === null) addLeading(indexColumns(table, index));
  const out: Array<{ column: string; target: string }> = [];
  for (const column of columns) {
    const target = foreignKeyTarget(context, table, column);
    if (target === null || leading.has(column.name)) continue;
    leading.add(column.name);
    out.push({ column: column.name, target: target.table.name });
  }
  return out;
}

export function auditTrigger(context: SqlContext, table: TableModel, name: string): string[] {
  const audit = context.audit;
  if (audit === null || !isAudited(context, table)) return [];
  const rowId = primaryKeyOf(table)[0] ?? 'id';
  return [
    `CREATE TRIGGER "audit_row_change" AFTER INSERT OR UPDATE OR DELETE ON ${name}`,
    `  FOR EACH ROW EXECUTE FUNCTION ${qualified(audit.schema, 'record_change')}(${quoteLiteral(rowId)});`,
  ];
}

export function isAudited(context: SqlContext, table: TableModel): boolean {
  return table.audited || context.model.security.audit.entities.includes(table.entity);
}
