// One table: CREATE TABLE with its keys and constraints, then its partition, tenant policy, indexes, audit trigger and comments.
import type { ColumnModel, IndexModel, TableModel } from '../../src/model/types.js';
import { compareNames } from '../../src/spec/normalize.js';
import { columnChecks, defaultExpression, sqlType } from './column-types.js';
import {
  TENANT_COLUMN, columnsOf, foreignKeyTarget, isTenantTable, primaryKeyOf, tableKey, valueTypeOf,
  withPartitionColumn, type ForeignKeyTarget, type SqlContext,
} from './context.js';
import { commentLines, qualified, quoteIdent, quoteLiteral } from './sql-text.js';
import { columnComment, tableComment } from './comments.js';
import { tenantPolicyLines } from './tenant-policy.js';

export interface TableDdl {
  lines: string[];
  /** ALTER TABLE … ADD FOREIGN KEY statements for targets created later (self-references and cycles). */
  deferred: string[];
}

/**
 * What the parts of one table's DDL share, worked out once per table instead of again for each column, constraint and
 * index that needs it.
 */
interface TableFacts {
  table: TableModel;
  /** columnsOf: with tenant_id where the table needs it. */
  columns: readonly ColumnModel[];
  primaryKey: string[];
  /** table.indexes in the model's order, each with its columns resolved (indexColumns). */
  indexes: ReadonlyArray<{ index: IndexModel; columns: string[] }>;
}

function tableFacts(context: SqlContext, table: TableModel, columns: readonly ColumnModel[] = columnsOf(context, table)): TableFacts {
  return {
    table, columns, primaryKey: primaryKeyOf(table),
    indexes: table.indexes.map((index) => ({ index, columns: indexColumns(table, index) })),
  };
}

/** `created` holds the keys of tables already created; a foreign key to any other table is deferred. */
export function tableDdl(context: SqlContext, table: TableModel, created: ReadonlySet<string>): TableDdl {
  const name = qualified(table.schema, table.name);
  const facts = tableFacts(context, table);
  const { columns } = facts;
  const targets = columns.map((column) => foreignKeyTarget(context, table, column));
  const inline: string[] = [];
  const deferred: string[] = [];
  columns.forEach((column, i) => {
    const target = targets[i];
    const ref = column.references;
    if (target === null || ref === undefined) return;
    const clause = foreignKeyClauseTo(column, ref, target);
    if (created.has(tableKey(ref.schema, ref.table))) inline.push(clause);
    else deferred.push(`ALTER TABLE ${name} ADD ${clause};`);
  });
  const uniques = uniqueConstraintsOf(context, facts);
  const definitions = columns.map((column) => columnDefinition(context, facts, column));
  definitions.push(`PRIMARY KEY (${identList(facts.primaryKey)})`);
  for (const unique of uniques) definitions.push(uniqueClause(unique));
  for (const clause of inline) definitions.push(clause);

  const lines = aboveTableComments(table);
  lines.push(`CREATE ${context.unlogged.has(tableKey(table.schema, table.name)) ? 'UNLOGGED ' : ''}TABLE ${name} (`);
  const last = definitions.length - 1;
  definitions.forEach((definition, i) => lines.push(i < last ? `  ${definition},` : `  ${definition}`));
  const partition = table.partitioning;
  lines.push(partition === null ? ');' : `) PARTITION BY RANGE (${quoteIdent(partition.column)});`);
  const tenant = isTenantTable(context, table) ? tenantType(context, columns) : null;
  if (partition !== null) lines.push(...defaultPartitionLines(table, name, tenant));
  if (tenant !== null) lines.push(...tenantPolicyLines(name, tenant));
  const constraintNames = new Set(uniques.map((u) => u.name));
  const byName = [...facts.indexes].sort((a, b) => compareNames(a.index.name, b.index.name));
  for (const { index, columns: indexed } of byName) {
    // Not push(...): an index reason is free text, and spreading a very long array into arguments overflows the stack.
    if (!constraintNames.has(index.name)) for (const line of indexLinesOn(context, table, name, index, indexed)) lines.push(line);
  }
  for (const { column, target } of foreignKeyIndexTargetsOf(facts, uniques, targets)) {
    lines.push(
      `-- Covers the foreign key on ${column}: deletes in ${target} and joins look rows up by it.`,
      `CREATE INDEX ON ${name} (${quoteIdent(column)});`,
    );
  }
  lines.push(...auditTrigger(context, table, name), `COMMENT ON TABLE ${name} IS ${quoteLiteral(tableComment(table))};`);
  for (const column of columns) {
    const comment = columnComment(context, table, column);
    if (comment !== null) lines.push(`COMMENT ON COLUMN ${name}.${quoteIdent(column.name)} IS ${quoteLiteral(comment)};`);
  }
  return { lines, deferred };
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
  for (const note of table.notes ?? []) notes.push(note);
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
  return columnPartsOf(context, { table, primaryKey: primaryKeyOf(table) }, column);
}

function columnPartsOf(context: SqlContext, facts: Pick<TableFacts, 'table' | 'primaryKey'>, column: ColumnModel): ColumnParts {
  const { table } = facts;
  const type = valueTypeOf(context, column);
  const sql = sqlType(type, context.blobs);
  const isKey = facts.primaryKey.includes(column.name);
  const generated = generatedKey(table, column, type);
  let defaultSql: string | null = null;
  if (column.default !== undefined) defaultSql = defaultExpression(column.default, type, sql);
  else if (generated === 'uuid') defaultSql = 'gen_random_uuid()';
  return {
    name: column.name, sqlType: sql, identity: generated === 'identity', notNull: !column.nullable || isKey, defaultSql,
    checks: columnChecks(column, type),
  };
}

function columnDefinition(context: SqlContext, facts: TableFacts, column: ColumnModel): string {
  const pieces = columnPartsOf(context, facts, column);
  let definition = `${quoteIdent(pieces.name)} ${pieces.sqlType}`;
  if (pieces.identity) definition += ' GENERATED BY DEFAULT AS IDENTITY';
  if (pieces.notNull) definition += ' NOT NULL';
  if (pieces.defaultSql !== null) definition += ` DEFAULT ${pieces.defaultSql}`;
  for (const check of pieces.checks) definition += ` CHECK (${check})`;
  return definition;
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
  return uniqueConstraintsOf(context, tableFacts(context, table, columns));
}

function uniqueConstraintsOf(context: SqlContext, facts: TableFacts): UniqueConstraint[] {
  const { table, primaryKey } = facts;
  const tenantLead = isTenantTable(context, table) ? [TENANT_COLUMN] : [];
  const sets: string[][] = facts.columns
    .filter((column) => column.unique && !column.key && column.name !== TENANT_COLUMN)
    .map((column) => withPartitionColumn(table, [...tenantLead, column.name]));
  if (context.tenantReferenced.has(tableKey(table.schema, table.name))) {
    sets.push([TENANT_COLUMN, ...primaryKey.filter((name) => name !== TENANT_COLUMN)]);
  }
  if (sets.length === 0) return [];
  // The first constraint-like index per column list names it: one pass over the indexes, not one per constraint.
  const names = new Map<string, string>();
  for (const { index, columns } of facts.indexes) {
    if (!isConstraintIndex(table, index)) continue;
    const same = sameColumns(columns);
    if (!names.has(same)) names.set(same, index.name);
  }
  const seen = new Set([sameColumns(primaryKey)]);
  const out: UniqueConstraint[] = [];
  for (const set of sets) {
    const same = sameColumns(set);
    if (seen.has(same)) continue;
    seen.add(same);
    out.push({ columns: set, name: names.get(same) ?? null });
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
  return target === null || ref === undefined ? null : foreignKeyClauseTo(column, ref, target);
}

function foreignKeyClauseTo(column: ColumnModel, ref: NonNullable<ColumnModel['references']>, target: ForeignKeyTarget): string {
  const to = qualified(ref.schema, ref.table);
  if (!target.tenantMatched) {
    return `FOREIGN KEY (${quoteIdent(column.name)}) REFERENCES ${to} (${quoteIdent(ref.column)}) ON DELETE ${ref.onDelete}`;
  }
  // SET NULL must leave tenant_id alone (it is NOT NULL), hence the column list.
  const onDelete = ref.onDelete === 'SET NULL' ? `SET NULL (${quoteIdent(column.name)})` : ref.onDelete;
  return `FOREIGN KEY (${identList([TENANT_COLUMN, column.name])}) REFERENCES ${to} (${identList([TENANT_COLUMN, ref.column])}) ON DELETE ${onDelete}`;
}

/** The default partition of the partitioned table `name`; `tenantType` is null unless the table is a tenant table. */
function defaultPartitionLines(table: TableModel, name: string, tenantType: string | null): string[] {
  const partition = qualified(table.schema, `${table.name}_default`);
  return [
    `CREATE TABLE ${partition} PARTITION OF ${name} DEFAULT;`,
    // Policies of the parent do not apply to a partition queried directly.
    ...(tenantType === null ? [] : tenantPolicyLines(partition, tenantType)),
  ];
}

/** SQL type of the tenant_id column. */
export function tenantType(context: SqlContext, columns: readonly ColumnModel[]): string {
  const column = columns.find((c) => c.name === TENANT_COLUMN);
  return column === undefined ? 'uuid' : sqlType(valueTypeOf(context, column), context.blobs);
}

/** Resolves an index column given as a field name (`client`) to its column (`client_id`). */
function columnNameOf(table: TableModel, name: string): string {
  // One pass: a column named `name` wins wherever it is, else the first column whose field is `name`.
  let byField: string | undefined;
  for (const column of table.columns) {
    if (column.name === name) return name;
    if (byField === undefined && column.field === name) byField = column.name;
  }
  return byField ?? name;
}

export function indexColumns(table: TableModel, index: IndexModel): string[] {
  return index.columns.map((name) => columnNameOf(table, name));
}

export function indexLines(context: SqlContext, table: TableModel, index: IndexModel): string[] {
  return indexLinesOn(context, table, qualified(table.schema, table.name), index, indexColumns(table, index));
}

/** indexLines with the table's qualified name (`on`) and the index's resolved columns already at hand. */
function indexLinesOn(context: SqlContext, table: TableModel, on: string, index: IndexModel, columns: string[]): string[] {
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
    const type = valueTypeOf(context, column);
    if (type === 'date' || type === 'timestamp' || (type === 'blob' && context.blobs === 'bytea')) continue;
    const isText = type === 'string' || type === 'text' || type === 'enum' || type === 'blob';
    parts.push(`coalesce(${quoteIdent(name)}${isText ? '' : '::text'}, '')`);
  }
  return parts.length === 0 ? null : `to_tsvector('simple', ${parts.join(" || ' ' || ")})`;
}

/**
 * Foreign-key columns that get an unnamed index of their own, with the referenced table's name: those no key, unique
 * constraint or model index leads with (alone or after tenant_id), since ON DELETE checks and joins look child rows up
 * by them. The tables pass usually derives these indexes already.
 */
export function foreignKeyIndexTargets(context: SqlContext, table: TableModel, columns: readonly ColumnModel[]): Array<{ column: string; target: string }> {
  const facts = tableFacts(context, table, columns);
  const targets = columns.map((column) => foreignKeyTarget(context, table, column));
  return foreignKeyIndexTargetsOf(facts, uniqueConstraintsOf(context, facts), targets);
}

/** `targets` holds foreignKeyTarget of each of facts.columns, in order. */
function foreignKeyIndexTargetsOf(
  facts: TableFacts, uniques: readonly UniqueConstraint[], targets: ReadonlyArray<ForeignKeyTarget | null>,
): Array<{ column: string; target: string }> {
  const leading = new Set<string>();
  const addLeading = (names: readonly string[]): void => {
    if (names[0] !== undefined) leading.add(names[0]);
    if (names[0] === TENANT_COLUMN && names[1] !== undefined) leading.add(names[1]);
  };
  addLeading(facts.primaryKey);
  for (const unique of uniques) addLeading(unique.columns);
  for (const { index, columns } of facts.indexes) if (index.method === 'btree' && index.where === null) addLeading(columns);
  const out: Array<{ column: string; target: string }> = [];
  facts.columns.forEach((column, i) => {
    const target = targets[i];
    if (target === null || leading.has(column.name)) return;
    leading.add(column.name);
    out.push({ column: column.name, target: target.table.name });
  });
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
  return table.audited || context.auditedEntities.has(table.entity);
}
