// erd.mmd: every table with its columns (type, PK/FK/UK, exact column names) and one relationship per
// reference, with cardinality from the column: an optional reference is zero-or-one on the parent side,
// a unique one is one-to-one; a reference across a service boundary (no FK) is drawn dotted.
import type { ArchitectureModel, ColumnModel, TableModel } from '../../src/model/types.js';
import { escapeText, quoted } from './escape.js';
import { byName } from './topology.js';

const PLAIN_TABLE_NAME = /^[a-z][a-z0-9_]*$/;
// Mermaid's ER attribute word; PK/FK/UK alone are key markers whatever their case.
const PLAIN_ATTRIBUTE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const KEY_MARKER = /^(pk|fk|uk)$/i;

/** Entity ids: `t_<table>` (no Mermaid keyword starts with `t_`), or `t<n>` for an odd or repeated name. */
function entityIds(tables: readonly TableModel[]): Map<TableModel, string> {
  const ids = new Map<TableModel, string>();
  const used = new Set<string>();
  tables.forEach((table, index) => {
    const preferred = PLAIN_TABLE_NAME.test(table.name) ? `t_${table.name}` : `t${index + 1}`;
    const id = used.has(preferred) ? `t${index + 1}__${used.size}` : preferred;
    used.add(id);
    ids.set(table, id);
  });
  return ids;
}

/** The column type as one safe word; a reference shows its key type. */
function typeWord(column: ColumnModel): string {
  const type = column.type === 'ref' ? (column.refKeyType ?? 'uuid') : column.type;
  return type.replace(/[^A-Za-z0-9_-]/g, '_');
}

/** The exact column name; backtick-quoted when Mermaid would read it as a key marker or it is not a plain word. */
function attributeName(name: string): string {
  if (PLAIN_ATTRIBUTE_NAME.test(name) && !KEY_MARKER.test(name)) return name;
  return `\`${name.replace(/`/g, "'")}\``;
}

function isPrimaryKey(table: TableModel, column: ColumnModel): boolean {
  return column.key || table.primaryKey.includes(column.name);
}

function keyMarkers(table: TableModel, column: ColumnModel): string[] {
  const markers: string[] = [];
  if (isPrimaryKey(table, column)) markers.push('PK');
  if (column.references && !column.references.crossesService) markers.push('FK');
  if (column.unique && !isPrimaryKey(table, column)) markers.push('UK');
  return markers;
}

function columnComment(column: ColumnModel): string {
  const notes: string[] = [];
  if (column.nullable) notes.push('optional');
  if (column.enumValues && column.enumValues.length > 0) notes.push(`values ${column.enumValues.join(', ')}`);
  if (column.references?.crossesService) {
    notes.push(`id of ${column.references.schema}.${column.references.table}, no FK across services`);
  }
  if (column.synthetic) notes.push('added by archc');
  return notes.join(' · ');
}

function attributeLine(table: TableModel, column: ColumnModel): string {
  const parts = [typeWord(column), attributeName(column.name)];
  const markers = keyMarkers(table, column);
  if (markers.length > 0) parts.push(markers.join(', '));
  const comment = columnComment(column);
  if (comment !== '') parts.push(quoted(comment));
  return `    ${parts.join(' ')}`;
}

/** Finds a reference's table by qualified name, else by entity; the first table wins, as a scan would find it. */
function parentFinder(tables: readonly TableModel[]): (column: ColumnModel) => TableModel | undefined {
  const byQualifiedName = new Map<string, TableModel>();
  const byEntity = new Map<string, TableModel>();
  for (const table of tables) {
    const qualified = `${table.schema}\u0000${table.name}`;
    if (!byQualifiedName.has(qualified)) byQualifiedName.set(qualified, table);
    if (!byEntity.has(table.entity)) byEntity.set(table.entity, table);
  }
  return (column) => {
    const ref = column.references!;
    return byQualifiedName.get(`${ref.schema}\u0000${ref.table}`) ?? byEntity.get(ref.entity);
  };
}

function relationshipLine(parentId: string, childId: string, column: ColumnModel): string {
  const parentSide = column.nullable ? '|o' : '||';
  const childSide = column.unique ? 'o|' : 'o{';
  const line = column.references!.crossesService ? '..' : '--';
  const label = column.references!.crossesService ? `${column.name} by id` : column.name;
  return `  ${parentId} ${parentSide}${line}${childSide} ${childId} : ${quoted(label)}`;
}

export function renderErd(model: ArchitectureModel): string {
  const tables = byName(model.tables);
  const ids = entityIds(tables);
  const lines = ['erDiagram'];
  for (const table of tables) {
    lines.push(`  ${ids.get(table)}["${escapeText(`${table.schema}.${table.name}`)}"] {`);
    for (const column of table.columns) lines.push(attributeLine(table, column));
    lines.push('  }');
  }
  const parentOf = parentFinder(tables);
  for (const table of tables) {
    for (const column of table.columns) {
      if (!column.references) continue;
      const parent = parentOf(column);
      if (parent) lines.push(relationshipLine(ids.get(parent)!, ids.get(table)!, column));
    }
  }
  return `${lines.join('\n')}\n`;
}
