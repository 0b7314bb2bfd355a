// Model field types → PostgreSQL column types. Choices that are not one-to-one are explained in the file header (header.ts).
import type { ColumnModel, FieldTypeName } from '../../src/model/types.js';
import { quoteIdent, quoteLiteral } from './sql-text.js';

/** Longest `string` value, in characters. `string` is text plus a CHECK so the limit can change without a type change or table rewrite. */
export const STRING_MAX_CHARS = 255;

/** How a `blob` field is stored: the object-storage key (bytes in object storage) or the bytes themselves (no object store decided). */
export type BlobStorage = 'object-key' | 'bytea';

const BASE_TYPES: Record<Exclude<FieldTypeName, 'ref' | 'blob'>, string> = {
  uuid: 'uuid',
  string: 'text',
  text: 'text',
  int: 'integer',
  bigint: 'bigint',
  // Exact arithmetic; 12 integer digits and 6 fractional digits cover rates, quantities and measurements.
  decimal: 'numeric(18,6)',
  // Never the `money` type: it depends on lc_monetary and has a fixed scale. 4 fractional digits keep sub-cent amounts exact.
  money: 'numeric(19,4)',
  bool: 'boolean',
  date: 'date',
  timestamp: 'timestamptz',
  json: 'jsonb',
  // An enum is text with a CHECK listing its values: adding or retiring a value is a constraint swap, not an ALTER TYPE.
  enum: 'text',
};

/** The SQL type for a resolved value type. */
export function sqlType(type: FieldTypeName, blobs: BlobStorage): string {
  if (type === 'blob') return blobs === 'object-key' ? 'text' : 'bytea';
  if (type === 'ref') return 'uuid';
  return BASE_TYPES[type];
}

/** Column-level CHECK expressions (length limit for `string`, the value list for `enum`). */
export function columnChecks(column: ColumnModel, type: FieldTypeName): string[] {
  if (type === 'string') return [`char_length(${quoteIdent(column.name)}) <= ${STRING_MAX_CHARS}`];
  if (type === 'enum' && column.enumValues !== undefined && column.enumValues.length > 0) {
    return [`${quoteIdent(column.name)} IN (${column.enumValues.map(quoteLiteral).join(', ')})`];
  }
  return [];
}

const NOW_WORDS = new Set(['now', 'now()', 'current_timestamp', 'current_date', 'today']);

/**
 * A DEFAULT expression for a model default, typed for the column. Numbers and booleans are written as literals,
 * everything else as a quoted literal with a cast, so no default text is ever parsed as SQL.
 * "now" for a date or timestamp becomes the function, not the literal (which PostgreSQL would freeze at CREATE time).
 */
export function defaultExpression(value: string | number | boolean | null, type: FieldTypeName, sqlTypeName: string): string {
  if (value === null) return 'NULL';
  if ((type === 'timestamp' || type === 'date') && typeof value === 'string' && NOW_WORDS.has(value.trim().toLowerCase())) {
    return type === 'timestamp' ? 'now()' : 'CURRENT_DATE';
  }
  if (type === 'bool') {
    if (value === true || value === 'true') return 'TRUE';
    if (value === false || value === 'false') return 'FALSE';
  }
  if (typeof value === 'number' && Number.isFinite(value) && isNumeric(type)) return numberLiteral(value);
  if (type === 'json') return `${quoteLiteral(typeof value === 'string' ? value : JSON.stringify(value))}::jsonb`;
  const text = typeof value === 'string' ? value : String(value);
  return type === 'string' || type === 'text' || type === 'enum' ? quoteLiteral(text) : `${quoteLiteral(text)}::${sqlTypeName}`;
}

function isNumeric(type: FieldTypeName): boolean {
  return type === 'int' || type === 'bigint' || type === 'decimal' || type === 'money';
}

/** Plain decimal notation for a finite number; a negative literal is parenthesised so it reads as one term. */
function numberLiteral(value: number): string {
  const text = Number.isInteger(value) && Math.abs(value) < 1e21 ? value.toFixed(0) : String(value);
  return value < 0 ? `(${text})` : text;
}
