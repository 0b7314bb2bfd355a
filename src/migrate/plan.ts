// The migration plan: every step that turns the database schema.sql built for the old spec into the one schema.sql
// builds for the new spec, sorted into expand, backfill, constrain and contract.
import { auditLines } from '../../generators/sql/audit.js';
import { buildContext, schemasOf, tableKey, type SqlContext } from '../../generators/sql/context.js';
import { schemaCommentLine, tableOrder } from '../../generators/sql/render.js';
import { grantLines, roleCreateLines, type DbRole } from '../../generators/sql/roles.js';
import { qualified, quoteIdent, quoteLiteral } from '../../generators/sql/sql-text.js';
import { tableDdl } from '../../generators/sql/table-ddl.js';
import { shortenIdentifier } from '../model/naming.js';
import type { ArchitectureModel, TableModel } from '../model/types.js';
import { choiceOf } from '../passes/decision.js';
import { compareNames } from '../spec/normalize.js';
import { pairTables, renamedModules, type TablePair } from './correspondence.js';
import { withoutForcedRls } from './backfill-rls.js';
import type { MigrationNotice } from './notice.js';
import { BACKFILL, CONSTRAIN, CONTRACT, EXPAND, type Step } from './steps.js';
import { planTableChanges } from './table-changes.js';
import { tableShape } from './table-shape.js';
import { castExpression } from './type-change.js';

export interface PlanResult {
  steps: Step[];
  notices: MigrationNotice[];
}

/** The database a model's schema.sql creates: nothing at all when the primary store is not PostgreSQL. */
export function databaseModel(model: ArchitectureModel): ArchitectureModel {
  if (choiceOf(model, 'primary-store') === 'postgresql') return model;
  return {
    ...model, tables: [], modules: [],
    security: { ...model.security, dbRoles: [], audit: { ...model.security.audit, table: null } },
  };
}

export function planMigration(oldInput: ArchitectureModel, newInput: ArchitectureModel): PlanResult {
  const oldModel = databaseModel(oldInput);
  const newModel = databaseModel(newInput);
  const before = buildContext(oldModel);
  const after = buildContext(newModel);
  const steps: Step[] = [];
  const notices: MigrationNotice[] = [];
  const pairs = pairTables(oldModel, newModel);
  const key = (table: TableModel): string => tableKey(table.schema, table.name);
  const inPlace = pairs.filter((p): p is TablePair & { old: TableModel } => p.old !== null && key(p.old) === key(p.now));
  const created = pairs.filter((p) => p.old === null || key(p.old) !== key(p.now));

  steps.push(...schemaSteps(before, after, renamedModules(oldModel, newModel)));
  steps.push(...auditSteps(before, after));
  for (const pair of [...inPlace].sort((a, b) => compareNames(key(a.now), key(b.now)))) {
    const changes = planTableChanges({ before, after, oldModel, newModel, pair, old: tableShape(before, pair.old), now: tableShape(after, pair.now) });
    steps.push(...changes.steps);
    notices.push(...changes.notices);
  }
  steps.push(...createdTableSteps(before, after, created));
  steps.push(...droppedTableSteps(before, oldModel, newModel, pairs));
  steps.push(...roleSteps(before, after, created.map((p) => p.now.schema)));
  for (const step of steps) {
    if (step.destructive === undefined) continue;
    const { what, why, path } = step.destructive;
    notices.push({ code: 'ARC0040', args: { what, why }, path: path ?? null, spec: 'new' });
  }
  return { steps, notices };
}

function schemaSteps(before: SqlContext, after: SqlContext, renamed: ReadonlyMap<string, string>): Step[] {
  const oldSchemas = schemasOf(before.model);
  const newSchemas = schemasOf(after.model);
  const steps: Step[] = [];
  for (const schema of newSchemas) {
    const comment = schemaCommentLine(after, schema);
    if (!oldSchemas.includes(schema)) {
      steps.push({ phase: 'expand', rank: EXPAND.schema, lines: [`CREATE SCHEMA ${quoteIdent(schema)};`, ...(comment === null ? [] : [comment])] });
    } else if (comment !== null && comment !== schemaCommentLine(before, schema)) {
      steps.push({ phase: 'constrain', rank: CONSTRAIN.comment, lines: [comment] });
    }
  }
  const renamedTo = new Map([...renamed].map(([now, from]) => [from.replace(/-/g, '_'), now.replace(/-/g, '_')] as const));
  for (const schema of oldSchemas.filter((s) => !newSchemas.includes(s))) {
    const successor = renamedTo.get(schema);
    steps.push({
      phase: 'contract', rank: CONTRACT.schema, lines: [`DROP SCHEMA ${quoteIdent(schema)};`],
      destructive: {
        what: `drop schema ${schema}`,
        why: successor === undefined
          ? 'its module is no longer in the spec; the running release may still use its tables'
          : `its module was renamed (schema ${successor}); the running release still uses the old schema's tables`,
      },
    });
  }
  return steps;
}

function auditSteps(before: SqlContext, after: SqlContext): Step[] {
  if (before.audit === null && after.audit !== null) return [{ phase: 'expand', rank: EXPAND.audit, lines: auditLines(after) }];
  if (before.audit !== null && after.audit === null) {
    return [{
      phase: 'contract', rank: CONTRACT.schema, lines: [`DROP SCHEMA ${quoteIdent(before.audit.schema)} CASCADE;`],
      destructive: { what: `drop the audit trail (schema ${before.audit.schema})`, why: 'no table is audited any more, and dropping it deletes the recorded history' },
    }];
  }
  return [];
}

/** New tables (and tables that continue an old one under a new name) in foreign-key order, then their rows. */
function createdTableSteps(before: SqlContext, after: SqlContext, created: readonly TablePair[]): Step[] {
  const byKey = new Map(created.map((p) => [tableKey(p.now.schema, p.now.name), p] as const));
  const steps: Step[] = [];
  const done = new Set<string>();
  for (const key of tableOrder(after)) {
    const pair = byKey.get(key);
    if (pair === undefined) continue;
    // Foreign keys to tables that already exist are added in the constrain phase, after their unique keys.
    const ddl = tableDdl(after, pair.now, done);
    done.add(key);
    steps.push({ phase: 'expand', rank: EXPAND.table, lines: ddl.lines });
    if (ddl.deferred.length > 0) steps.push({ phase: 'constrain', rank: CONSTRAIN.foreign, lines: ddl.deferred });
    if (pair.old !== null) steps.push(copyRowsStep(before, after, pair as TablePair & { old: TableModel }));
  }
  return steps;
}

function copyRowsStep(before: SqlContext, after: SqlContext, pair: TablePair & { old: TableModel }): Step {
  const now = tableShape(after, pair.now);
  const old = tableShape(before, pair.old);
  const targets: string[] = [];
  const sources: string[] = [];
  for (const column of now.columns) {
    const source = old.columns.find((c) => c.name === column.name) ?? old.columns.find((c) => c.model.synthetic !== true && c.model.field === column.model.field);
    if (source === undefined) continue;
    targets.push(quoteIdent(column.name));
    sources.push(castExpression(quoteIdent(source.name), source.sqlType, column.sqlType));
  }
  const lines = [
    `-- ${pair.now.schema}.${pair.now.name} continues ${pair.old.schema}.${pair.old.name}: copy its rows (in batches on a large table; the running release writes both until it reads the new table only).`,
    ...withoutForcedRls([old, now], [`INSERT INTO ${now.qualified} (${targets.join(', ')}) SELECT ${sources.join(', ')} FROM ${old.qualified};`]),
  ];
  for (const column of now.columns.filter((c) => c.identity)) {
    lines.push(`SELECT setval(pg_get_serial_sequence(${quoteLiteral(now.qualified)}, ${quoteLiteral(column.name)}), coalesce(max(${quoteIdent(column.name)}), 0) + 1, false) FROM ${now.qualified};`);
  }
  return { phase: 'backfill', rank: BACKFILL.tableCopy, lines };
}

/** Old tables nothing continues in place: dropped entities, and the old names of renamed or moved ones. */
function droppedTableSteps(before: SqlContext, oldModel: ArchitectureModel, newModel: ArchitectureModel, pairs: readonly TablePair[]): Step[] {
  const successors = new Map<string, TableModel>();
  for (const pair of pairs) if (pair.old !== null) successors.set(tableKey(pair.old.schema, pair.old.name), pair.now);
  const keptKeys = new Set(newModel.tables.map((t) => tableKey(t.schema, t.name)));
  // Dependents first: the reverse of the creation order.
  const order = tableOrder(before).reverse();
  const steps: Step[] = [];
  for (const key of order) {
    const successor = successors.get(key);
    if (keptKeys.has(key) && successor !== undefined && tableKey(successor.schema, successor.name) === key) continue;
    const table = oldModel.tables.find((t) => tableKey(t.schema, t.name) === key);
    if (table === undefined) continue;
    steps.push({
      phase: 'contract', rank: CONTRACT.table, lines: [`DROP TABLE ${qualified(table.schema, table.name)};`],
      destructive: {
        what: `drop table ${key}`,
        why: successor === undefined
          ? `entity ${table.entity} is no longer in the spec, and dropping the table deletes its rows; the running release may still read them`
          : `its rows were copied to ${successor.schema}.${successor.name} (entity ${successor.entity}), but the running release still reads and writes ${key}`,
        ...(successor === undefined ? {} : { path: `entities.${successor.entity}` }),
      },
    });
  }
  return steps;
}

/** New roles with their grants; new grants of existing roles; revokes; roles no longer in the design. */
function roleSteps(before: SqlContext, after: SqlContext, schemasWithNewTables: readonly string[]): Step[] {
  const steps: Step[] = [];
  const byName = (roles: readonly DbRole[]): DbRole[] => [...roles].sort((a, b) => compareNames(a.name, b.name));
  const oldRoles = byName(before.model.security.dbRoles);
  const newSchemas = new Set(schemasOf(after.model));
  const newTables = new Set(after.model.tables.map((t) => qualified(t.schema, t.name)));
  for (const role of byName(after.model.security.dbRoles)) {
    const previous = oldRoles.find((r) => r.name === role.name);
    const grants = grantLines(after, role);
    if (previous === undefined) {
      steps.push({ phase: 'constrain', rank: CONSTRAIN.grant, lines: [...roleCreateLines(role), ...grants] });
      continue;
    }
    const oldGrants = grantLines(before, previous);
    // ALL TABLES IN SCHEMA covers the tables that existed when it ran: it is granted again for new tables.
    const refreshed = grants.filter((line) => !oldGrants.includes(line)
      || schemasWithNewTables.some((schema) => line.includes(`ON ALL TABLES IN SCHEMA ${quoteIdent(schema)} `)));
    if (refreshed.length > 0) steps.push({ phase: 'constrain', rank: CONSTRAIN.grant, lines: refreshed });
    const revokes = oldGrants.filter((line) => !grants.includes(line)).flatMap((line) => revokeOf(line, newSchemas, newTables));
    if (revokes.length > 0) steps.push({ phase: 'contract', rank: CONTRACT.column - 5, lines: revokes });
  }
  for (const role of oldRoles.filter((r) => !after.model.security.dbRoles.some((n) => n.name === r.name))) {
    const name = quoteIdent(shortenIdentifier(role.name));
    steps.push({
      phase: 'contract', rank: CONTRACT.role, lines: [`DROP OWNED BY ${name};`, `DROP ROLE ${name};`],
      destructive: {
        what: `drop role ${role.name}`,
        why: 'it is no longer in the design, but the running release may still connect as a member of it (roles are cluster-wide: drop it after every database that uses it is migrated)',
      },
    });
  }
  return steps;
}

/** The REVOKE undoing a GRANT line, when the object it names still exists (a dropped object takes its grants along). */
function revokeOf(grant: string, schemas: ReadonlySet<string>, tables: ReadonlySet<string>): string[] {
  const match = /^GRANT (.+) ON (.+) TO (.+);$/.exec(grant);
  if (match === null) return [];
  const [, privileges, object, grantee] = match as unknown as [string, string, string, string];
  const schema = /^(?:SCHEMA|ALL TABLES IN SCHEMA) (.+)$/.exec(object)?.[1];
  const exists = schema !== undefined ? [...schemas].some((s) => quoteIdent(s) === schema) : tables.has(object);
  return exists ? [`REVOKE ${privileges} ON ${object} FROM ${grantee};`] : [];
}
