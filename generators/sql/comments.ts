// COMMENT ON text: what a table holds, which columns are sensitive, and why a reference has no foreign key.
import type { ColumnModel, SensitivityLevel, TableModel } from '../../src/model/types.js';
import { missingForeignKeyReason, type SqlContext } from './context.js';
import { sentence } from './sql-text.js';

const SENSITIVITY_NOTES: Record<SensitivityLevel, string | null> = {
  public: null,
  internal: null,
  pii: 'Sensitive (pii): personal data; keep it out of logs, analytics copies and non-production databases.',
  phi: 'Sensitive (phi): health data; reads are audited; keep it out of logs and non-production databases.',
  pci: 'Sensitive (pci): cardholder data in PCI DSS scope; store the processor token, never a full card number.',
};

export function tableComment(table: TableModel): string {
  const description = table.description.trim() === '' ? `Entity ${table.entity}.` : sentence(table.description);
  const sensitivity = SENSITIVITY_NOTES[table.sensitivity];
  return sensitivity === null ? description : `${description} ${sensitivity}`;
}

/**
 * The column's comment, or null when there is nothing to say beyond its name and type. A sensitive column at the
 * table's own level is marked briefly (the table comment carries the handling rule); one above it gets the rule too.
 * Keys and columns archc adds are identifiers, not sensitive content.
 */
export function columnComment(context: SqlContext, table: TableModel, column: ColumnModel): string | null {
  const parts: string[] = [];
  const sensitivity = SENSITIVITY_NOTES[column.sensitivity];
  if (sensitivity !== null && !column.key && column.synthetic !== true) {
    parts.push(column.sensitivity === table.sensitivity ? `Sensitive (${column.sensitivity}).` : sensitivity);
  }
  if (column.description !== undefined && column.description.trim() !== '') parts.push(sentence(column.description));
  if (column.type === 'blob' && context.blobs === 'object-key') {
    parts.push('Object-storage key of the bytes (the bytes live in object storage, not in this row).');
  }
  const byId = missingForeignKeyReason(context, column);
  if (byId !== null) parts.push(byId);
  return parts.length === 0 ? null : parts.join(' ');
}
