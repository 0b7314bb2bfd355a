// A table as the DDL emitter builds it, broken into the objects a migration adds, changes or drops one at a time:
// columns, named constraints, indexes, row-level security, the audit trigger and comments. Built from the emitter's
// own pieces (generators/sql), so a migrated table ends up exactly like one created from schema.sql.
import { columnComment, tableComment } from '../../generators/sql/comments.js';
import {
  TENANT_COLUMN, columnsOf, foreignKeyTarget, isTenantTable, primaryKeyOf, tableKey, type SqlContext,
} from '../../generators/sql/context.js';
import { qualified, quoteIdent, quoteLiteral } from '../../generators/sql/sql-text.js';
import {
  auditTrigger, columnParts, foreignKeyClause, foreignKeyIndexTargets, indexColumns, indexLines, tenantType,
  uniqueConstraints, type ColumnParts,
} from '../../generators/sql/table-ddl.js';
import { tenantPolicyLines } from '../../generators/sql/tenant-policy.js';
import type { ColumnModel, TableModel } from '../model/types.js';
import { compareNames } from '../spec/normalize.js';
import { checkName, columnsConstraintName, primaryKeyName } from './pg-names.js';

export interface ColumnShape extends ColumnParts {
  /** The model column (field name, enum values, type) behind it. */
  model: ColumnModel;
  comment: string | null;
}

export type ConstraintKind = 'primary' | 'unique' | 'check' | 'foreign';

export interface ConstraintShape {
  name: string;
  kind: ConstraintKind;
  /** The clause after `CONSTRAINT <name>`, e.g. `CHECK (…)`, `UNIQUE (…)`, `FOREIGN KEY (…) REFERENCES …`. */
  clause: string;
  columns: string[];
  /** For a CHECK: the expression inside CHECK (…). */
  expression?: string;
}

export interface IndexShape {
  name: string;
  /** Reason comments and the CREATE INDEX statement, as schema.sql writes them (with the name made explicit). */
  lines: string[];
  columns: string[];
}

export interface TableShape {
  key: string;
  model: TableModel;
  /** `"schema"."table"`. */
  qualified: string;
  columns: ColumnShape[];
  constraints: ConstraintShape[];
  indexes: IndexShape[];
  /** ENABLE/FORCE row level security and the tenant policy, or empty. */
  policyLines: string[];
  /** The partition that catches stray rows (its own policy lines), for partitioned tenant tables. */
  partitionPolicyLines: string[];
  auditTrigger: string[];
  unlogged: boolean;
  /** `RANGE (column)` or null. */
  partitioning: string | null;
  comment: string;
}

function identList(names: readonly string[]): string {
  return names.map(quoteIdent).join(', ');
}

export function tableShape(context: SqlContext, table: TableModel): TableShape {
  const name = qualified(table.schema, table.name);
  const modelColumns = columnsOf(context, table);
  const columns = modelColumns.map((column) => ({
    ...columnParts(context, table, column),
    model: column,
    comment: columnComment(context, table, column),
  }));
  const primaryKey = primaryKeyOf(table);
  const constraints: ConstraintShape[] = [
    { name: primaryKeyName(table.name), kind: 'primary', clause: `PRIMARY KEY (${identList(primaryKey)})`, columns: primaryKey },
  ];
  for (const column of columns) {
    for (const expression of column.checks) {
      constraints.push({ name: checkName(table.name, column.name), kind: 'check', clause: `CHECK (${expression})`, columns: [column.name], expression });
    }
  }
  const uniques = uniqueConstraints(context, table, modelColumns);
  for (const unique of uniques) {
    constraints.push({
      name: unique.name ?? columnsConstraintName(table.name, unique.columns, 'key'), kind: 'unique',
      clause: `UNIQUE (${identList(unique.columns)})`, columns: unique.columns,
    });
  }
  for (const column of modelColumns) {
    const clause = foreignKeyClause(context, table, column);
    if (clause === null) continue;
    const keyColumns = foreignKeyTarget(context, table, column)?.tenantMatched === true ? [TENANT_COLUMN, column.name] : [column.name];
    constraints.push({ name: columnsConstraintName(table.name, keyColumns, 'fkey'), kind: 'foreign', clause, columns: keyColumns });
  }
  const constraintNames = new Set(uniques.map((u) => u.name));
  const indexes: IndexShape[] = table.indexes.filter((index) => !constraintNames.has(index.name)).map((index) => ({
    name: index.name,
    lines: indexLines(context, table, index),
    columns: indexColumns(table, index),
  })).filter((index) => index.lines.some((line) => line.startsWith('CREATE ')));
  for (const { column, target } of foreignKeyIndexTargets(context, table, modelColumns)) {
    const indexName = columnsConstraintName(table.name, [column], 'idx');
    indexes.push({
      name: indexName,
      lines: [
        `-- Covers the foreign key on ${column}: deletes in ${target} and joins look rows up by it.`,
        `CREATE INDEX ${quoteIdent(indexName)} ON ${name} (${quoteIdent(column)});`,
      ],
      columns: [column],
    });
  }
  const tenant = isTenantTable(context, table);
  const partition = table.partitioning === null ? null : qualified(table.schema, `${table.name}_default`);
  return {
    key: tableKey(table.schema, table.name),
    model: table,
    qualified: name,
    columns,
    constraints: constraints.sort((a, b) => compareNames(a.name, b.name)),
    indexes: indexes.sort((a, b) => compareNames(a.name, b.name)),
    policyLines: tenant ? tenantPolicyLines(name, tenantType(context, modelColumns)) : [],
    partitionPolicyLines: tenant && partition !== null ? tenantPolicyLines(partition, tenantType(context, modelColumns)) : [],
    auditTrigger: auditTrigger(context, table, name),
    unlogged: context.unlogged.has(tableKey(table.schema, table.name)),
    partitioning: table.partitioning === null ? null : `RANGE (${table.partitioning.column})`,
    comment: tableComment(table),
  };
}

/** COMMENT ON TABLE. */
export function tableCommentLine(shape: TableShape): string {
  return `COMMENT ON TABLE ${shape.qualified} IS ${quoteLiteral(shape.comment)};`;
}

/** COMMENT ON COLUMN, setting NULL when the column has nothing to say. */
export function columnCommentLine(shape: TableShape, column: ColumnShape): string {
  return `COMMENT ON COLUMN ${shape.qualified}.${quoteIdent(column.name)} IS ${column.comment === null ? 'NULL' : quoteLiteral(column.comment)};`;
}
