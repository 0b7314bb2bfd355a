// Column → TypeScript type, matching the API's wire types so a value needs no conversion at the boundary.
import type { ColumnModel, FieldTypeName } from '../../src/model/types.js';
import { isServerOwned, isSecretLike, wireType } from '../api/surface.js';

const SCALARS: Record<Exclude<FieldTypeName, 'enum' | 'ref'>, string> = {
  uuid: 'string', string: 'string', text: 'string', int: 'number',
  // JSON numbers are doubles: a 64-bit integer above 2^53 would silently lose digits, so it travels as a string.
  bigint: 'string',
  decimal: 'string', money: 'string', bool: 'boolean', date: 'string', timestamp: 'string', json: 'unknown', blob: 'string',
};

const NOTES: Partial<Record<FieldTypeName, string>> = {
  bigint: '64-bit integer as a decimal string (JSON numbers lose precision above 2^53).',
  decimal: 'Exact decimal as a string, never a binary float.',
  money: 'Money amount as an exact decimal string, never a binary float.',
  date: 'ISO 8601 calendar date (YYYY-MM-DD).',
  timestamp: 'ISO 8601 / RFC 3339 timestamp with offset.',
  json: 'Free-form JSON value.',
  blob: 'Object-storage key of the blob; the bytes live in object storage.',
};

/** The TS type of a column's value; `enumAlias` names the union alias of an enum column. */
export function valueType(column: ColumnModel, enumAlias: string | undefined): string {
  if (column.type === 'enum') return enumAlias ?? 'string';
  const type = wireType(column);
  return type === 'enum' || type === 'ref' ? 'string' : SCALARS[type];
}

/** Nullable columns are `?: T | null` everywhere (absent or null), mirroring the API's `type: [T, 'null']` without `required`. */
export function withNullability(type: string, nullable: boolean): string {
  return nullable && type !== 'unknown' ? `${type} | null` : type;
}

const SENSITIVITY: Partial<Record<ColumnModel['sensitivity'], string>> = {
  pii: 'Sensitivity: pii (personal data).',
  phi: 'Sensitivity: phi (protected health information).',
  pci: 'Sensitivity: pci (payment card data).',
};

/** JSDoc lines for a column, or none when there is nothing to say beyond its name and type. */
export function columnNotes(column: ColumnModel): string[] {
  const notes: string[] = [];
  if (column.description) notes.push(column.description);
  if (column.key) notes.push('Key.');
  if (column.name === 'tenant_id') notes.push('Tenant of the row: set by the server from the caller\'s token, never from a request.');
  else if (isServerOwned(column)) notes.push('Set by the server.');
  if (column.references) notes.push(`References ${column.references.entity} (${column.references.schema}.${column.references.table}.${column.references.column}).`);
  const note = NOTES[wireType(column)];
  if (note) notes.push(note);
  const sensitivity = SENSITIVITY[column.sensitivity];
  if (sensitivity) notes.push(sensitivity);
  if (isSecretLike(column)) notes.push('Secret: accepted in requests, never returned by the API.');
  return notes;
}
