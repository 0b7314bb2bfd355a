// Steps for one table that exists before and after (same schema and name): columns added, renamed, retyped,
// re-defaulted, made required or optional, dropped; constraints, indexes, row-level security, trigger and comments.
import type { SqlContext } from '../../generators/sql/context.js';
import { qualified, quoteIdent, quoteLiteral } from '../../generators/sql/sql-text.js';
import type { ArchitectureModel } from '../model/types.js';
import { previousColumn, type TablePair } from './correspondence.js';
import { pgObjectName } from './pg-names.js';
import type { MigrationNotice } from './notice.js';
import { withoutForcedRls } from './backfill-rls.js';
import { BACKFILL, CONSTRAIN, CONTRACT, EXPAND, type Step } from './steps.js';
import { columnCommentLine, tableCommentLine, type ColumnShape, type ConstraintShape, type TableShape } from './table-shape.js';
import { castExpression, isWidening } from './type-change.js';

export interface TableChangeInput {
  before: SqlContext;
  after: SqlContext;
  oldModel: ArchitectureModel;
  newModel: ArchitectureModel;
  pair: TablePair;
  old: TableShape;
  now: TableShape;
}

/** Loosening steps run first; foreign keys are dropped before the unique keys they may rely on. */
const LOOSEN_FOREIGN = EXPAND.loosen;
const LOOSEN = EXPAND.loosen + 1;

export function planTableChanges(input: TableChangeInput): { steps: Step[]; notices: MigrationNotice[] } {
  const { old, now } = input;
  const steps: Step[] = [];
  const notices: MigrationNotice[] = [];
  const alter = `ALTER TABLE ${now.qualified}`;
  const entityPath = `entities.${now.model.entity}`;
  const fieldPath = (column: ColumnShape): string => (column.model.synthetic === true ? entityPath : `${entityPath}.fields.${column.model.field}`);

  // Which old column each new one continues.
  const sources = new Map<string, ColumnShape | null>();
  for (const column of now.columns) {
    const previous = previousColumn(input.pair, input.oldModel, input.newModel, column.model);
    sources.set(column.name, previous === null ? null : old.columns.find((c) => c.name === previous.name) ?? null);
  }
  // Old columns whose name the new table no longer has: dropped fields and the old names of renamed ones.
  const leavingNames = new Set(old.columns.filter((c) => !now.columns.some((n) => n.name === c.name)).map((c) => c.name));

  for (const column of old.columns.filter((c) => leavingNames.has(c.name))) {
    if (!column.notNull || old.constraints.some((k) => k.kind === 'primary' && k.columns.includes(column.name))) continue;
    steps.push({
      phase: 'expand', rank: LOOSEN,
      lines: [`-- ${column.name} leaves the design: nullable now, so the new release can insert rows without it.`, `${alter} ALTER COLUMN ${quoteIdent(column.name)} DROP NOT NULL;`],
    });
  }

  for (const column of now.columns) {
    const source = sources.get(column.name) ?? null;
    const sameColumn = old.columns.find((c) => c.name === column.name);
    const name = quoteIdent(column.name);
    if (sameColumn !== undefined && (source === null || source.name === column.name)) {
      steps.push(...inPlaceColumnSteps(input, column, sameColumn, notices, fieldPath(column)));
      continue;
    }
    // A new column, or a renamed one: added nullable, filled, then constrained.
    steps.push({ phase: 'expand', rank: EXPAND.column, lines: [`${alter} ADD COLUMN ${name} ${column.sqlType};`] });
    if (column.defaultSql !== null) steps.push({ phase: 'expand', rank: EXPAND.setting, lines: [`${alter} ALTER COLUMN ${name} SET DEFAULT ${column.defaultSql};`] });
    if (source !== null) {
      const value = castExpression(quoteIdent(source.name), source.sqlType, column.sqlType);
      steps.push({
        phase: 'backfill', rank: BACKFILL.columnCopy,
        lines: [
          `-- ${column.name} replaces ${source.name}: copy it (the running release keeps writing ${source.name}; write both until every reader uses ${column.name}).`,
          ...withoutForcedRls([forcedDuringBackfill(input)], [`UPDATE ${now.qualified} SET ${name} = ${value} WHERE ${name} IS NULL;`]),
        ],
      });
    }
    steps.push(...defaultFillSteps(input, column));
    if (column.notNull) steps.push(...notNullSteps(input, column, notices, fieldPath(column), source?.notNull === true));
  }

  steps.push(...constraintSteps(input, leavingNames));
  steps.push(...indexSteps(input, leavingNames));
  steps.push(...tableSettingSteps(input, notices));

  const table = `${now.model.schema}.${now.model.name}`;
  for (const column of old.columns.filter((c) => leavingNames.has(c.name))) {
    const successor = now.columns.find((n) => sources.get(n.name)?.name === column.name);
    steps.push({
      phase: 'contract', rank: CONTRACT.column, lines: [`${alter} DROP COLUMN ${quoteIdent(column.name)};`],
      destructive: {
        what: `drop column ${table}.${column.name}`,
        why: successor === undefined
          ? 'its field is no longer in the spec, and dropping the column deletes its data; the running release may still read it'
          : `it was renamed to ${successor.name} and copied, but the running release still reads and writes ${column.name}`,
        path: successor === undefined ? entityPath : `${entityPath}.fields.${successor.model.field}`,
      },
    });
  }

  if (old.comment !== now.comment) steps.push({ phase: 'constrain', rank: CONSTRAIN.comment, lines: [tableCommentLine(now)] });
  for (const column of now.columns) {
    const before = old.columns.find((c) => c.name === column.name)?.comment ?? null;
    if (before !== column.comment) steps.push({ phase: 'constrain', rank: CONSTRAIN.comment, lines: [columnCommentLine(now, column)] });
  }
  return { steps, notices };
}

function inPlaceColumnSteps(input: TableChangeInput, column: ColumnShape, old: ColumnShape, notices: MigrationNotice[], path: string | null): Step[] {
  const steps: Step[] = [];
  const alter = `ALTER TABLE ${input.now.qualified}`;
  const name = quoteIdent(column.name);
  const typeChanges = old.sqlType !== column.sqlType;
  const defaultChanges = old.defaultSql !== column.defaultSql || typeChanges;
  if (defaultChanges && old.defaultSql !== null && !old.identity) {
    steps.push({ phase: 'expand', rank: LOOSEN, lines: [`${alter} ALTER COLUMN ${name} DROP DEFAULT;`] });
  }
  if (old.notNull && !column.notNull) steps.push({ phase: 'expand', rank: LOOSEN, lines: [`${alter} ALTER COLUMN ${name} DROP NOT NULL;`] });
  if (old.identity && !column.identity) steps.push({ phase: 'expand', rank: LOOSEN, lines: [`${alter} ALTER COLUMN ${name} DROP IDENTITY;`] });
  if (typeChanges) {
    const statement = `${alter} ALTER COLUMN ${name} TYPE ${column.sqlType} USING ${castExpression(name, old.sqlType, column.sqlType)};`;
    const table = `${input.now.model.schema}.${input.now.model.name}`;
    if (isWidening(old.sqlType, column.sqlType)) {
      steps.push({ phase: 'expand', rank: EXPAND.type, lines: [`-- ${column.name}: ${old.sqlType} → ${column.sqlType} keeps every value (the table is rewritten under an exclusive lock).`, statement] });
    } else {
      steps.push({
        phase: 'expand', rank: EXPAND.type, lines: [statement],
        destructive: {
          what: `change ${table}.${column.name} from ${old.sqlType} to ${column.sqlType}`,
          why: 'the new type cannot hold every old value, so the change can fail, round or cut data',
          ...(path === null ? {} : { path }),
        },
      });
    }
  }
  if (defaultChanges && column.defaultSql !== null && !column.identity) {
    steps.push({ phase: 'expand', rank: EXPAND.setting, lines: [`${alter} ALTER COLUMN ${name} SET DEFAULT ${column.defaultSql};`] });
  }
  if (column.identity && !old.identity) {
    steps.push({ phase: 'expand', rank: EXPAND.setting, lines: [`${alter} ALTER COLUMN ${name} ADD GENERATED BY DEFAULT AS IDENTITY;`] });
    // The new sequence starts above the keys the table already holds.
    steps.push({
      phase: 'backfill', rank: BACKFILL.defaultFill,
      lines: [`SELECT setval(pg_get_serial_sequence(${quoteLiteral(input.now.qualified)}, ${quoteLiteral(column.name)}), coalesce(max(${name}), 0) + 1, false) FROM ${input.now.qualified};`],
    });
  }
  if (column.notNull && !old.notNull) {
    steps.push(...defaultFillSteps(input, column));
    steps.push(...notNullSteps(input, column, notices, path, false));
  }
  return steps;
}

/**
 * The table as row-level security stands while backfills run: FORCEd only when it was before and stays so after
 * (the expand phase already turned it off for a table leaving tenancy; the constrain phase turns it on for one joining).
 */
function forcedDuringBackfill(input: TableChangeInput): { qualified: string; policyLines: readonly string[] } {
  const forced = input.old.policyLines.length > 0 && input.now.policyLines.length > 0;
  return { qualified: input.now.qualified, policyLines: forced ? input.now.policyLines : [] };
}

/** `fields[].default` is the backfill value: rows that hold NULL get it. */
function defaultFillSteps(input: TableChangeInput, column: ColumnShape): Step[] {
  if (column.defaultSql === null || column.identity) return [];
  const name = quoteIdent(column.name);
  return [{
    phase: 'backfill', rank: BACKFILL.defaultFill,
    lines: [
      `-- Backfill ${column.name} with its default (in batches on a large table).`,
      ...withoutForcedRls([forcedDuringBackfill(input)], [`UPDATE ${input.now.qualified} SET ${name} = ${column.defaultSql} WHERE ${name} IS NULL;`]),
    ],
  }];
}

/** SET NOT NULL behind a validated CHECK, so the ALTER that takes the exclusive lock does not scan the table. */
function notNullSteps(input: TableChangeInput, column: ColumnShape, notices: MigrationNotice[], path: string | null, copiedFromNotNull: boolean): Step[] {
  const alter = `ALTER TABLE ${input.now.qualified}`;
  const name = quoteIdent(column.name);
  const helper = quoteIdent(pgObjectName(input.now.model.name, column.name, 'not_null_check'));
  const unfilled = column.defaultSql === null && !copiedFromNotNull;
  if (unfilled) {
    notices.push({
      code: 'ARC0041', path, spec: 'new',
      args: { column: `${input.now.model.schema}.${input.now.model.name}.${column.name}` },
    });
  }
  return [{
    phase: 'constrain', rank: CONSTRAIN.notNull,
    lines: [
      ...(unfilled ? [`-- ${column.name} has no default to backfill with: fill it before this runs, or SET NOT NULL fails while a row holds NULL.`] : []),
      `${alter} ADD CONSTRAINT ${helper} CHECK (${name} IS NOT NULL) NOT VALID;`,
      `${alter} VALIDATE CONSTRAINT ${helper};`,
      `${alter} ALTER COLUMN ${name} SET NOT NULL;`,
      `${alter} DROP CONSTRAINT ${helper};`,
    ],
  }];
}

/** Values an enum CHECK allows, or null for another kind of CHECK. */
function enumValues(table: TableShape, constraint: ConstraintShape): string[] | null {
  if (constraint.kind !== 'check' || constraint.expression === undefined || !/ IN \(/.test(constraint.expression)) return null;
  const column = table.columns.find((c) => c.name === constraint.columns[0]);
  return column?.model.enumValues ?? null;
}

function addConstraintLines(table: TableShape, constraint: ConstraintShape): string[] {
  const alter = `ALTER TABLE ${table.qualified}`;
  const name = quoteIdent(constraint.name);
  const partitioned = table.partitioning !== null;
  if ((constraint.kind === 'check' || constraint.kind === 'foreign') && !partitioned) {
    // NOT VALID takes a brief lock; VALIDATE scans without blocking writes.
    return [`${alter} ADD CONSTRAINT ${name} ${constraint.clause} NOT VALID;`, `${alter} VALIDATE CONSTRAINT ${name};`];
  }
  if (constraint.kind === 'unique' && !partitioned) {
    const columns = constraint.columns.map(quoteIdent).join(', ');
    return [
      `-- On a busy table build this index alone first with CREATE UNIQUE INDEX CONCURRENTLY (outside a transaction).`,
      `CREATE UNIQUE INDEX ${name} ON ${table.qualified} (${columns});`,
      `${alter} ADD CONSTRAINT ${name} UNIQUE USING INDEX ${name};`,
    ];
  }
  return [`${alter} ADD CONSTRAINT ${name} ${constraint.clause};`];
}

const ADD_RANK: Record<ConstraintShape['kind'], number> = {
  check: CONSTRAIN.check, primary: CONSTRAIN.unique, unique: CONSTRAIN.unique, foreign: CONSTRAIN.foreign,
};

function constraintSteps(input: TableChangeInput, leaving: ReadonlySet<string>): Step[] {
  const { old, now } = input;
  const steps: Step[] = [];
  // A foreign key cannot hold while its two sides change type one after the other: it is dropped and added again.
  const retyped = new Set(now.columns.filter((c) => {
    const before = old.columns.find((o) => o.name === c.name);
    return before !== undefined && before.sqlType !== c.sqlType;
  }).map((c) => c.name));
  const unchanged = (a: ConstraintShape, b: ConstraintShape): boolean =>
    a.clause === b.clause && !(a.kind === 'foreign' && a.columns.some((c) => retyped.has(c)));
  const alter = `ALTER TABLE ${now.qualified}`;
  const table = `${now.model.schema}.${now.model.name}`;
  for (const constraint of old.constraints) {
    const next = now.constraints.find((c) => c.name === constraint.name);
    if (next !== undefined && unchanged(constraint, next)) continue;
    // A constraint on a column that leaves goes with the column (in the contract phase); a foreign key is dropped
    // now all the same, since the unique key it references may go with a column of another table.
    if (next === undefined && constraint.kind !== 'foreign' && constraint.columns.some((c) => leaving.has(c))) continue;
    if (next !== undefined && isEnumNarrowing(old, constraint, now, next)) continue;
    steps.push({ phase: 'expand', rank: constraint.kind === 'foreign' ? LOOSEN_FOREIGN : LOOSEN, lines: [`${alter} DROP CONSTRAINT ${quoteIdent(constraint.name)};`] });
  }
  for (const constraint of now.constraints) {
    const previous = old.constraints.find((c) => c.name === constraint.name);
    if (previous !== undefined && unchanged(previous, constraint)) continue;
    if (previous !== undefined && isEnumNarrowing(old, previous, now, constraint)) {
      const removed = (enumValues(old, previous) ?? []).filter((v) => !(enumValues(now, constraint) ?? []).includes(v));
      steps.push({
        phase: 'constrain', rank: CONSTRAIN.check,
        lines: [`${alter} DROP CONSTRAINT ${quoteIdent(previous.name)};`, ...addConstraintLines(now, constraint)],
        destructive: {
          what: `remove ${removed.map((v) => JSON.stringify(v)).join(', ')} from the values of ${table}.${constraint.columns[0]}`,
          why: 'rows and the running release may still use those values: move them to another value first, as VALIDATE fails while one remains',
          path: `entities.${now.model.entity}.fields.${now.columns.find((c) => c.name === constraint.columns[0])?.model.field ?? constraint.columns[0]}`,
        },
      });
      continue;
    }
    steps.push({ phase: 'constrain', rank: ADD_RANK[constraint.kind], lines: addConstraintLines(now, constraint) });
  }
  return steps;
}

function isEnumNarrowing(old: TableShape, before: ConstraintShape, now: TableShape, after: ConstraintShape): boolean {
  const was = enumValues(old, before);
  const is = enumValues(now, after);
  return was !== null && is !== null && was.some((value) => !is.includes(value));
}

function createLine(lines: readonly string[]): string {
  return lines.find((line) => line.startsWith('CREATE ')) ?? '';
}

function indexSteps(input: TableChangeInput, leaving: ReadonlySet<string>): Step[] {
  const { old, now } = input;
  const steps: Step[] = [];
  for (const index of old.indexes) {
    const next = now.indexes.find((i) => i.name === index.name);
    if (next !== undefined && createLine(next.lines) === createLine(index.lines)) continue;
    if (next === undefined && index.columns.some((c) => leaving.has(c))) continue;
    steps.push({ phase: 'expand', rank: LOOSEN, lines: [`DROP INDEX ${qualified(now.model.schema, index.name)};`] });
  }
  for (const index of now.indexes) {
    const previous = old.indexes.find((i) => i.name === index.name);
    if (previous !== undefined && createLine(previous.lines) === createLine(index.lines)) continue;
    steps.push({ phase: 'constrain', rank: CONSTRAIN.index, lines: index.lines });
  }
  return steps;
}

/** Row-level security, the audit trigger, UNLOGGED and partitioning. */
function tableSettingSteps(input: TableChangeInput, notices: MigrationNotice[]): Step[] {
  const { old, now } = input;
  const steps: Step[] = [];
  const alter = `ALTER TABLE ${now.qualified}`;
  const policy = (lines: readonly string[]): string => lines.join('\n');
  for (const [before, after, name] of [
    [old.policyLines, now.policyLines, now.qualified],
    [old.partitionPolicyLines, now.partitionPolicyLines, qualified(now.model.schema, `${now.model.name}_default`)],
  ] as const) {
    if (policy(before) === policy(after)) continue;
    if (before.length > 0) {
      const off = after.length > 0 ? [] : [`ALTER TABLE ${name} NO FORCE ROW LEVEL SECURITY;`, `ALTER TABLE ${name} DISABLE ROW LEVEL SECURITY;`];
      steps.push({ phase: 'expand', rank: LOOSEN, lines: [`DROP POLICY "tenant_isolation" ON ${name};`, ...off] });
    }
    if (after.length > 0) steps.push({ phase: 'constrain', rank: CONSTRAIN.policy, lines: [...after] });
  }
  if (policy(old.auditTrigger) !== policy(now.auditTrigger)) {
    if (old.auditTrigger.length > 0) steps.push({ phase: 'expand', rank: LOOSEN, lines: [`DROP TRIGGER "audit_row_change" ON ${now.qualified};`] });
    if (now.auditTrigger.length > 0) steps.push({ phase: 'constrain', rank: CONSTRAIN.trigger, lines: [...now.auditTrigger] });
  }
  if (old.unlogged !== now.unlogged) {
    steps.push({ phase: 'expand', rank: EXPAND.setting, lines: [`${alter} SET ${now.unlogged ? 'UNLOGGED' : 'LOGGED'};`] });
  }
  if (old.partitioning !== now.partitioning) {
    const what = `${now.model.schema}.${now.model.name} partitioning (${old.partitioning ?? 'none'} → ${now.partitioning ?? 'none'})`;
    notices.push({ code: 'ARC0042', path: `entities.${now.model.entity}`, spec: 'new', args: { what, why: 'PostgreSQL cannot partition or unpartition a table in place' } });
    steps.push({
      phase: 'expand', rank: EXPAND.setting,
      lines: [`-- Not migrated: ${what}. Create the new table beside it, copy the rows in batches, switch readers, then drop the old one.`],
    });
  }
  return steps;
}
