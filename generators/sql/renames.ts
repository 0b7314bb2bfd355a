// Migration notes for renames the spec declares (`renamed_from`): this file is the target state, so each rename is
// spelled out as expand/contract steps instead of an in-place RENAME that would break the running release.
import { columnName, schemaName, tableName } from '../../src/model/naming.js';
import type { SqlContext } from './context.js';
import { commentLines } from './sql-text.js';
import { findBy } from '../../src/model/find-by.js';

export function renameLines(context: SqlContext): string[] {
  const { model } = context;
  const notes: string[] = [];
  for (const module of model.spec.modules) {
    if (module.renamed_from === undefined) continue;
    const now = schemaName(module.name);
    const before = schemaName(module.renamed_from);
    notes.push(`- Schema ${now} replaces ${before}: its tables move as a table rename does (create in ${now}, write both, copy, switch readers); drop ${before} in a later release.`);
  }
  for (const entity of model.spec.entities) {
    if (entity.renamed_from === undefined && !entity.fields.some((field) => field.renamed_from !== undefined)) continue;
    const table = findBy(model.tables, 'entity', entity.name);
    if (table === undefined) continue;
    if (entity.renamed_from !== undefined) {
      const before = tableName(entity.renamed_from);
      notes.push(`- Table ${table.schema}.${table.name} replaces ${before}: release 1 creates ${table.name} and writes both (a view named ${before} can serve old readers), a batch copy moves existing rows; release 2 reads ${table.name} only; release 3 drops ${before}.`);
    }
    for (const field of entity.fields) {
      if (field.renamed_from === undefined) continue;
      const now = table.columns.find((c) => c.field === field.name)?.name ?? columnName(field);
      const before = columnName({ name: field.renamed_from, type: field.type });
      notes.push(`- Column ${table.schema}.${table.name}.${now} replaces ${before}: release 1 adds ${now} as nullable and writes both, a batch backfill copies ${before} into ${now}; release 2 reads ${now} only and adds its constraints (NOT VALID, then VALIDATE); release 3 drops ${before}.`);
    }
  }
  if (notes.length === 0) return [];
  return commentLines(['Renames in progress (never renamed in place: the running release still uses the old name)', ...notes].join('\n'));
}
