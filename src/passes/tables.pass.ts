// The relational data layer (rulebook step 4): one table per durable entity with columns, keys, references,
// indexes derived from access patterns, partitioning, retention and audit flags.
//
// Rules this pass applies (each is also written into the model as a reason or note):
// - Ephemeral entities have no table when the cache decision is redis (they live there with a TTL); without a
//   cache they keep a table marked `ephemeral` (no durable store but PostgreSQL exists).
// - ON DELETE: an optional ref is SET NULL; a required ref is RESTRICT, except CASCADE for a required ref to an
//   entity of the same module when the child is not audited and nothing references the child (a leaf part of
//   its parent's aggregate, e.g. an invoice line). A reference that crosses a service boundary has no FK.
// - Indexes: unique constraints (leading with tenant_id under shared-schema), one btree per `by` access, one
//   per FK column, a GIN full-text index per `search` access under postgres-fts; an index equal to or a prefix
//   of another index (or of the primary key) is dropped and the drop is noted. An access-derived index is never
//   UNIQUE: archc adds no constraint the spec did not declare.
import type { ArchitectureModel, ColumnModel, SensitivityLevel, TableModel } from '../model/types.js';
import { columnName, schemaName, tableName } from '../model/naming.js';
import { compareNames } from '../spec/normalize.js';
import type { NormalizedEntity, NormalizedField, NormalizedSpec, Sensitivity } from '../spec/normalized.js';
import { choiceOr } from './derived/decision-lookup.js';
import { isPrivilegedRole } from './derived/privilege.js';
import { rowsAtHorizon } from './derived/projection.js';
import { TENANT_COLUMN, TENANT_ENTITY, crossesService, isCacheResident, isTenantRef, keyField, referencingEntities, tenantScoped, type TableContext } from './derived/table-context.js';
import { indexCandidates, selectIndexes, withSchemaUniqueIndexNames } from './derived/table-indexes.js';
import { partitioningOf, retentionOf } from './derived/table-lifecycle.js';
import { definePass } from './pass.js';
import { thresholds } from './thresholds.js';
import { findBy } from '../model/find-by.js';

const SENSITIVITY_ORDER: readonly SensitivityLevel[] = ['public', 'internal', 'pii', 'phi', 'pci'];
const AUDITED_LEVELS = new Set<SensitivityLevel>(['pii', 'phi', 'pci']);

/** The most sensitive of the entity's level and its fields' levels (the first one on a tie), at least public. */
function highestOf(entity: NormalizedEntity): SensitivityLevel {
  let max: SensitivityLevel = 'public';
  const raise = (level: Sensitivity): void => {
    if (SENSITIVITY_ORDER.indexOf(level) > SENSITIVITY_ORDER.indexOf(max)) max = level;
  };
  raise(entity.sensitivity);
  for (const field of entity.fields) raise(field.sensitivity);
  return max;
}

type OnDelete = NonNullable<ColumnModel['references']>['onDelete'];

function onDeleteRule(ctx: TableContext, entity: NormalizedEntity, field: NormalizedField, target: NormalizedEntity, audited: boolean): OnDelete {
  if (field.optional) return 'SET NULL';
  const referenced = ctx.referencedBy.has(entity.name);
  if (target.module === entity.module && !audited && !referenced && target.name !== entity.name) return 'CASCADE';
  return 'RESTRICT';
}

function referenceOf(ctx: TableContext, entity: NormalizedEntity, field: NormalizedField, audited: boolean): Pick<ColumnModel, 'refKeyType' | 'references' | 'description'> {
  const target = findBy(ctx.spec.entities, 'name', field.to);
  if (target === undefined) return {};
  const targetKey = keyField(target);
  const refKeyType = targetKey?.type ?? 'uuid';
  if (isCacheResident(target, ctx.cache)) {
    return { refKeyType, description: `Refers to ${target.name}, which is ephemeral and kept in Redis: no foreign key.` };
  }
  return {
    refKeyType,
    references: {
      entity: target.name,
      table: tableName(target.name),
      schema: schemaName(target.module),
      column: targetKey === undefined ? 'id' : columnName(targetKey),
      onDelete: onDeleteRule(ctx, entity, field, target, audited),
      crossesService: crossesService(ctx.modules, entity.module, target.module),
    },
  };
}

function fieldColumn(ctx: TableContext, entity: NormalizedEntity, field: NormalizedField, audited: boolean): ColumnModel {
  const tenantColumn = tenantScoped(ctx, entity) && isTenantRef(field);
  const column: ColumnModel = {
    name: columnName(field),
    field: field.name,
    type: field.type,
    nullable: field.optional && !field.key && !tenantColumn,
    unique: field.unique,
    key: field.key,
    sensitivity: field.sensitivity,
  };
  if (field.default !== undefined) column.default = field.default;
  if (field.values !== undefined) column.enumValues = [...field.values];
  if (field.description !== undefined) column.description = field.description;
  if (field.type === 'ref') Object.assign(column, referenceOf(ctx, entity, field, audited));
  return column;
}

function syntheticKey(): ColumnModel {
  return {
    name: 'id', field: 'id', type: 'uuid', nullable: false, unique: false, key: true, sensitivity: 'internal',
    synthetic: true, description: 'Assumed key: the entity declares no key field.',
  };
}

function syntheticTenantColumn(ctx: TableContext, entity: NormalizedEntity): ColumnModel {
  const column: ColumnModel = {
    name: TENANT_COLUMN, field: TENANT_COLUMN, type: 'uuid', nullable: false, unique: false, key: false,
    sensitivity: 'internal', synthetic: true,
    description: 'Owning tenant (shared-schema tenancy): every row belongs to one tenant and RLS filters on it.',
  };
  const tenant = ctx.spec.entities.find((e) => e.name === TENANT_ENTITY);
  const tenantKey = tenant === undefined ? undefined : keyField(tenant);
  if (tenant !== undefined && !isCacheResident(tenant, ctx.cache) && (tenantKey === undefined || tenantKey.type === 'uuid')) {
    column.refKeyType = 'uuid';
    column.references = {
      entity: TENANT_ENTITY, table: tableName(TENANT_ENTITY), schema: schemaName(tenant.module),
      column: tenantKey === undefined ? 'id' : columnName(tenantKey), onDelete: 'RESTRICT',
      crossesService: crossesService(ctx.modules, entity.module, tenant.module),
    };
  }
  return column;
}

/** Field columns in field order; an assumed key first; the tenant column right after the key when it is synthetic. */
function columnsOf(ctx: TableContext, entity: NormalizedEntity, audited: boolean): ColumnModel[] {
  const columns = entity.fields.map((field) => fieldColumn(ctx, entity, field, audited));
  if (keyField(entity) === undefined) columns.unshift(syntheticKey());
  if (tenantScoped(ctx, entity) && !entity.fields.some(isTenantRef)) {
    const keyIndex = columns.findIndex((c) => c.key);
    columns.splice(keyIndex + 1, 0, syntheticTenantColumn(ctx, entity));
  }
  return columns;
}

/** Tables written by a flow whose actor is a privileged role. */
/** Entities a privileged role's flow writes. */
function privilegedWrites(spec: NormalizedSpec): ReadonlySet<string> {
  return new Set(spec.flows.filter((f) => f.actor !== undefined && spec.auth.roles.includes(f.actor) && isPrivilegedRole(f.actor)).flatMap((f) => f.writes));
}

export function buildTable(ctx: TableContext, entity: NormalizedEntity): TableModel {
  const table = tableName(entity.name);
  const sensitivity = highestOf(entity);
  const audited = AUDITED_LEVELS.has(sensitivity) || (ctx.spec.auth.admin_heavy && ctx.privilegedWrites.has(entity.name));
  const columns = columnsOf(ctx, entity, audited);
  const { partitioning, notes: partitionNotes } = partitioningOf(ctx, entity, columns);
  const key = columns.find((c) => c.key) as ColumnModel;
  const primaryKey = partitioning === null || partitioning.column === key.name ? [key.name] : [key.name, partitioning.column];
  const { indexes, notes: indexNotes } = selectIndexes(indexCandidates(ctx, entity, table, columns), primaryKey);
  const notes = [...partitionNotes, ...indexNotes];
  if (entity.ephemeral) notes.push('Ephemeral entity without a cache store: kept in PostgreSQL; the DDL may declare it UNLOGGED since it need not survive a crash.');
  for (const column of columns) {
    if (column.references?.crossesService) {
      notes.push(`${column.name} references ${column.references.entity} in another service by id: no foreign key; the owning service validates it.`);
    }
  }
  return {
    entity: entity.name,
    name: table,
    schema: schemaName(entity.module),
    module: entity.module,
    description: entity.description ?? '',
    columns,
    primaryKey,
    indexes,
    tenantScoped: tenantScoped(ctx, entity),
    sensitivity,
    ephemeral: entity.ephemeral,
    audited,
    partitioning,
    retention: retentionOf(entity, partitioning),
    api: [...entity.api],
    notes,
  };
}

/** Tables for every entity that is not cache-resident, sorted by schema then name; none without PostgreSQL. */
export function buildTables(ctx: TableContext): TableModel[] {
  const tables = ctx.spec.entities
    .filter((entity) => !isCacheResident(entity, ctx.cache))
    .map((entity) => buildTable(ctx, entity))
    .sort((a, b) => compareNames(a.schema, b.schema) || compareNames(a.name, b.name));
  return withSchemaUniqueIndexNames(tables);
}

/** The tenancy choice the tenancy pass would make by default when it has not run. */
function fallbackTenancy(spec: NormalizedSpec): string {
  return spec.tenancy.model === 'multi' ? spec.tenancy.isolation ?? 'shared-schema' : 'none';
}

export function tableContextOf(model: ArchitectureModel): TableContext {
  const spec = model.spec;
  return {
    spec,
    tenancy: choiceOr(model, 'tenancy', fallbackTenancy(spec)),
    cache: choiceOr(model, 'cache', spec.entities.some((e) => e.ephemeral) ? 'redis' : 'none'),
    search: choiceOr(model, 'search', spec.entities.some((e) => e.access.some((a) => 'search' in a)) ? 'postgres-fts' : 'none'),
    partitionRows: thresholds.partitionRows,
    modules: model.modules,
    rowsAtHorizon: (entity) => rowsAtHorizon(model, entity),
    referencedBy: referencingEntities(spec),
    privilegedWrites: privilegedWrites(spec),
  };
}

export const tablesPass = definePass({
  id: 'tables',
  title: 'Tables, keys and indexes',
  run: (ctx, model): ArchitectureModel => {
    const store = choiceOr(model, 'primary-store', ctx.spec.entities.length > 0 ? 'postgresql' : 'none');
    if (store !== 'postgresql') return { ...model, tables: [] };
    return { ...model, tables: buildTables(tableContextOf(model)) };
  },
});
