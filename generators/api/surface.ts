// Which entities the external API exposes and which of their columns each request and response carries.
// Shared by every API style and by the TypeScript types, so all of them agree on the same fields.
import type { ApiOperationModel, ApiResourceModel, ArchitectureModel, ColumnModel, FieldTypeName, TableModel } from '../../src/model/types.js';
import { compareNames } from '../../src/spec/normalize.js';
import { choiceOf } from '../../src/passes/decision.js';

export type ApiOp = ApiOperationModel['op'];

export interface ExposedEntity {
  resource: ApiResourceModel;
  table: TableModel;
  key: ColumnModel;
  /** Columns in responses: every column but the tenant column the server takes from the token. */
  columns: ColumnModel[];
  /** Columns a create request may carry. */
  createColumns: ColumnModel[];
  /** Columns an update request may carry (all optional). */
  updateColumns: ColumnModel[];
}

/** Key types the server generates itself (uuid via gen_random_uuid(), integers via identity); other keys are client-chosen. */
const GENERATED_KEY_TYPES: ReadonlySet<FieldTypeName> = new Set(['uuid', 'int', 'bigint']);

/** The tenant column is set from the caller's token, never from the request body (a client could otherwise pick another tenant). */
export function isTokenDerived(column: ColumnModel, table: TableModel): boolean {
  return column.name === 'tenant_id' && (table.tenantScoped || column.synthetic === true);
}

export function isServerGeneratedKey(column: ColumnModel): boolean {
  return column.key && GENERATED_KEY_TYPES.has(column.type);
}

/** Columns the server owns: readOnly in responses, absent from requests. */
export function isServerOwned(column: ColumnModel): boolean {
  return column.synthetic === true || isServerGeneratedKey(column);
}

/** Secret-like columns (passwords, tokens, keys): accepted in requests, never returned. A key is an identifier, never a secret. */
export function isSecretLike(column: ColumnModel): boolean {
  return !column.key && /(^|_)(password|passwd|passphrase|secret|token|api_key|private_key|pin)(_|$)/.test(column.name);
}

/** The key column: a column flagged key, else the primary key's first column. */
export function keyColumn(table: TableModel): ColumnModel | undefined {
  return table.columns.find((c) => c.key) ?? table.columns.find((c) => c.name === table.primaryKey[0]);
}

export function createColumnsOf(table: TableModel): ColumnModel[] {
  return table.columns.filter((c) => !isTokenDerived(c, table) && !isServerOwned(c));
}

export function updateColumnsOf(table: TableModel): ColumnModel[] {
  return table.columns.filter((c) => !isTokenDerived(c, table) && !isServerOwned(c) && !c.key);
}

/** A create request must carry a column unless it may be null or the database fills a default. */
export function requiredOnCreate(column: ColumnModel): boolean {
  return !column.nullable && (column.default === undefined || column.default === null);
}

/** Exposed entities in entity-name order; a resource whose table is missing (no primary store) is skipped. */
export function exposedEntities(model: ArchitectureModel): ExposedEntity[] {
  const tables = new Map(model.tables.map((t) => [t.entity, t]));
  const exposed: ExposedEntity[] = [];
  for (const resource of [...model.api.resources].sort((a, b) => compareNames(a.entity, b.entity))) {
    const table = tables.get(resource.entity);
    const key = table && keyColumn(table);
    if (!table || !key || resource.operations.length === 0) continue;
    exposed.push({
      resource,
      table,
      key,
      columns: table.columns.filter((c) => !isTokenDerived(c, table)),
      createColumns: createColumnsOf(table),
      updateColumns: updateColumnsOf(table),
    });
  }
  return exposed;
}

export function hasOp(entity: ExposedEntity, op: ApiOp): boolean {
  return entity.resource.operations.some((o) => o.op === op);
}

export function operation(entity: ExposedEntity, op: ApiOp): ApiOperationModel | undefined {
  return entity.resource.operations.find((o) => o.op === op);
}

/** The field type a column carries on the wire: a ref carries its target's key type (an enum key travels as its string). */
export function wireType(column: ColumnModel): FieldTypeName {
  if (column.type !== 'ref') return column.type;
  const key = column.refKeyType ?? 'uuid';
  return key === 'enum' || key === 'ref' ? 'string' : key;
}

/**
 * What a field's doc comment says about its column, in order: the spec's description, the referenced entity, the
 * format's note on how the column's wire type travels (`typeNotes`, which differ per API style) and the data class.
 */
export function columnWireNotes(column: ColumnModel, typeNotes: Partial<Record<FieldTypeName, string>>): string[] {
  const parts: string[] = [];
  if (column.description) parts.push(column.description);
  if (column.references) parts.push(`Key of the referenced ${column.references.entity}.`);
  const note = typeNotes[wireType(column)];
  if (note) parts.push(note);
  if (column.sensitivity === 'pii' || column.sensitivity === 'phi' || column.sensitivity === 'pci') parts.push(`Sensitivity: ${column.sensitivity}.`);
  return parts;
}

/** The API style the `external-api` decision picked (model.api.style mirrors it). */
export function apiStyle(model: ArchitectureModel): 'none' | 'rest' | 'graphql' | 'grpc' {
  const choice = choiceOf(model, 'external-api');
  if (choice === 'rest' || choice === 'graphql' || choice === 'grpc' || choice === 'none') return choice;
  return model.api.style;
}
