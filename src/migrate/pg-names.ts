// The names PostgreSQL gives constraints and indexes the DDL leaves unnamed, so a migration can name, drop and
// validate them: a migrated database then has the same names as one built from schema.sql.
import { MAX_IDENTIFIER_BYTES, shortenIdentifier } from '../model/naming.js';

/**
 * PostgreSQL's makeObjectName: `<name1>_<name2>_<label>`, the longer of name1 and name2 cut first until the whole
 * fits in 63 bytes. Collisions (PostgreSQL would append a digit to the label) are not modelled: the derived names of
 * one table never collide, and a clash across tables needs names over 63 bytes that share their first 50.
 */
export function pgObjectName(name1: string, name2: string | null, label: string): string {
  const overhead = label.length + 1 + (name2 === null ? 0 : 1);
  const available = MAX_IDENTIFIER_BYTES - overhead;
  let first = name1.length;
  let second = name2 === null ? 0 : name2.length;
  while (first + second > available) {
    if (first > second) first -= 1;
    else second -= 1;
  }
  const middle = name2 === null ? '' : `_${name2.slice(0, second)}`;
  return `${name1.slice(0, first)}${middle}_${label}`;
}

/** The stored name of a relation or column: the DDL writes every identifier through shortenIdentifier. */
function stored(name: string): string {
  return shortenIdentifier(name);
}

/** `<table>_pkey`. */
export function primaryKeyName(table: string): string {
  return pgObjectName(stored(table), null, 'pkey');
}

/** `<table>_<col>_<col>_key` (UNIQUE), `_fkey` (FOREIGN KEY) or `_idx` (index): the columns joined by `_`. */
export function columnsConstraintName(table: string, columns: readonly string[], label: 'key' | 'fkey' | 'idx'): string {
  return pgObjectName(stored(table), columns.map(stored).join('_'), label);
}

/** `<table>_<column>_check`: PostgreSQL's name for a CHECK that reads one column. */
export function checkName(table: string, column: string): string {
  return pgObjectName(stored(table), stored(column), 'check');
}
