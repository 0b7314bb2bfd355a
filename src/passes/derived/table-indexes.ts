// Index derivation for one table: unique constraints, access-pattern btrees, FK indexes and full-text GIN indexes,
// minus any index another index or the primary key already serves (each drop is noted).
import type { ColumnModel, IndexModel, TableModel } from '../../model/types.js';
import { columnName, shortenIdentifier } from '../../model/naming.js';
import { compareNames } from '../../spec/normalize.js';
import type { NormalizedEntity } from '../../spec/normalized.js';
import { TENANT_COLUMN, tenantScoped, type TableContext } from './table-context.js';

/** Soft-delete predicate from an existing field (never an invented one), for partial indexes. */
function liveRowsPredicate(entity: NormalizedEntity): string | null {
  const deletedAt = entity.fields.find((f) => f.name === 'deleted_at' && f.optional && (f.type === 'timestamp' || f.type === 'date'));
  if (deletedAt !== undefined) return 'deleted_at IS NULL';
  const flag = entity.fields.find((f) => (f.name === 'deleted' || f.name === 'is_deleted') && f.type === 'bool');
  return flag === undefined ? null : `${flag.name} = false`;
}

interface IndexCandidate extends IndexModel {
  /** Drop-notes use the spec wording of the access that asked for the index. */
  origin: string;
}

function indexName(table: string, columns: readonly string[], suffix: string): string {
  return shortenIdentifier(`${table}_${columns.join('_')}_${suffix}`);
}

function scopedColumns(scoped: boolean, columns: readonly string[]): string[] {
  return scoped && !columns.includes(TENANT_COLUMN) ? [TENANT_COLUMN, ...columns] : [...columns];
}

function startsWith(longer: readonly string[], prefix: readonly string[]): boolean {
  return prefix.length <= longer.length && prefix.every((c, i) => longer[i] === c);
}

function fieldColumnName(entity: NormalizedEntity, field: string): string {
  const found = entity.fields.find((f) => f.name === field);
  return found === undefined ? field : columnName(found);
}

export function indexCandidates(ctx: TableContext, entity: NormalizedEntity, table: string, columns: readonly ColumnModel[]): IndexCandidate[] {
  const scoped = tenantScoped(ctx, entity);
  const tenantNote = scoped ? '; tenant_id leads because every query is tenant-scoped under shared-schema tenancy' : '';
  const candidates: IndexCandidate[] = [];
  for (const column of columns.filter((c) => c.unique && !c.key)) {
    const cols = scopedColumns(scoped, [column.name]);
    candidates.push({
      name: indexName(table, cols, 'key'), columns: cols, unique: true, where: null, method: 'btree', origin: `unique ${column.field}`,
      reason: scoped ? `${column.name} is unique within a tenant (the constraint leads with tenant_id)` : `${column.name} is unique`,
    });
  }
  const where = liveRowsPredicate(entity);
  for (const access of entity.access) {
    if (!('by' in access)) continue;
    const cols = scopedColumns(scoped, access.by.map((field) => fieldColumnName(entity, field)));
    const wording = `${access.kind} by [${access.by.join(', ')}]`;
    const purpose = access.kind === 'get'
      ? `serves ${wording}; not UNIQUE because the spec does not declare these fields unique`
      : `serves ${wording}: equality on the leading columns, range and order on the last`;
    candidates.push({
      name: indexName(table, cols, 'idx'), columns: cols, unique: false, where, method: 'btree', origin: wording,
      reason: `${purpose}${access.hot ? ' (hot path)' : ''}${tenantNote}${where === null ? '' : `; partial: only live rows (${where})`}`,
    });
  }
  for (const column of columns.filter((c) => c.references !== undefined)) {
    const ref = column.references as NonNullable<ColumnModel['references']>;
    const purpose = ref.crossesService
      ? `looks up rows by the ${ref.entity} id held across the service boundary`
      : `lets PostgreSQL check ON DELETE ${ref.onDelete} without a sequential scan when the referenced ${ref.entity} row is deleted`;
    candidates.push({
      name: indexName(table, [column.name], 'idx'), columns: [column.name], unique: false, where: null, method: 'btree',
      origin: `reference ${column.name}`, reason: `foreign key ${column.name}: ${purpose}`,
    });
  }
  if (ctx.search === 'postgres-fts') {
    for (const access of entity.access) {
      if (!('search' in access)) continue;
      // Full-text search reads text: other field types (the validator warns about them) stay out of the vector.
      const textual = access.search.filter((name) => entity.fields.some((f) => f.name === name && (f.type === 'string' || f.type === 'text')));
      if (textual.length === 0) continue;
      const cols = textual.map((field) => fieldColumnName(entity, field));
      candidates.push({
        name: indexName(table, cols, 'fts'), columns: cols, unique: false, where: null, method: 'gin', origin: `search [${textual.join(', ')}]`,
        reason: `full-text search over [${textual.join(', ')}] (search: postgres-fts): GIN over to_tsvector('simple', …) of these columns${scoped ? '; RLS still filters by tenant_id after the match' : ''}`,
      });
    }
  }
  return candidates;
}

/** Whether `other` makes `candidate` redundant: same method, a matching or wider predicate, and `candidate` a prefix. */
function covers(other: IndexCandidate, otherIndex: number, candidate: IndexCandidate, index: number): boolean {
  if (other.method !== 'btree' || candidate.method !== 'btree' || candidate.unique) return false;
  if (other.where !== null && other.where !== candidate.where) return false;
  if (!startsWith(other.columns, candidate.columns)) return false;
  if (other.columns.length > candidate.columns.length) return true;
  return other.unique || otherIndex < index || (other.where === null && candidate.where !== null);
}

/** Keeps the candidates no other index or the primary key covers; notes each drop. */
export function selectIndexes(candidates: readonly IndexCandidate[], primaryKey: readonly string[]): { indexes: IndexModel[]; notes: string[] } {
  const indexes: IndexModel[] = [];
  const notes: string[] = [];
  candidates.forEach((candidate, index) => {
    if (candidate.method === 'btree' && !candidate.unique && startsWith(primaryKey, candidate.columns)) {
      notes.push(`No separate index for ${candidate.origin}: the primary key (${primaryKey.join(', ')}) serves it.`);
      return;
    }
    const coveringIndex = candidates.findIndex((other, otherIndex) => otherIndex !== index && covers(other, otherIndex, candidate, index));
    if (coveringIndex >= 0) {
      const covering = candidates[coveringIndex] as IndexCandidate;
      const how = covering.columns.length > candidate.columns.length ? ' as a prefix' : '';
      notes.push(`No separate index for ${candidate.origin}: ${covering.name} (${covering.columns.join(', ')}) serves it${how}.`);
      return;
    }
    if (indexes.some((kept) => kept.name === candidate.name)) return;
    const { origin: _origin, ...model } = candidate;
    indexes.push(model);
  });
  return { indexes: indexes.sort((a, b) => compareNames(a.name, b.name)), notes };
}

/**
 * Index names share PostgreSQL's relation namespace with tables (and primary-key indexes) in a schema: a derived
 * name that is already taken (`order` + `line_x` vs `order_line` + `x`) gets the first free `_<n>` suffix.
 */
export function withSchemaUniqueIndexNames(tables: TableModel[]): TableModel[] {
  const used = new Map<string, Set<string>>();
  for (const table of tables) {
    const names = used.get(table.schema) ?? new Set<string>();
    names.add(table.name);
    names.add(shortenIdentifier(`${table.name}_pkey`));
    used.set(table.schema, names);
  }
  return tables.map((table) => {
    const names = used.get(table.schema) as Set<string>;
    const indexes = table.indexes.map((index) => {
      let name = index.name;
      for (let n = 2; names.has(name); n += 1) name = shortenIdentifier(`${index.name}_${n}`);
      names.add(name);
      return name === index.name ? index : { ...index, name };
    });
    return { ...table, indexes: indexes.sort((a, b) => compareNames(a.name, b.name)) };
  });
}
