// Assembles schema.sql: header, module schemas, the audit trail, tables in foreign-key order, deferred foreign keys, roles.
import { compareNames } from '../../src/spec/normalize.js';
import { auditLines } from './audit.js';
import { buildContext, columnsOf, schemasOf, tableKey, type SqlContext } from './context.js';
import { headerLines } from './header.js';
import { renameLines } from './renames.js';
import { roleLines } from './roles.js';
import { commentLines, quoteIdent, quoteLiteral, sentence } from './sql-text.js';
import { tableDdl } from './table-ddl.js';
import { creationOrder } from './table-order.js';
import type { ArchitectureModel } from '../../src/model/types.js';

export function renderSchema(model: ArchitectureModel): string {
  const context = buildContext(model);
  const sections: string[][] = [
    headerLines(context),
    renameLines(context),
    ['SET standard_conforming_strings = on;'],
    schemaLines(context),
    auditLines(context),
  ];
  const created = new Set<string>();
  const deferred: string[] = [];
  for (const key of tableOrder(context)) {
    const table = context.tables.get(key);
    if (table === undefined) continue;
    // Added after rendering, so a self-reference is deferred like a cycle.
    const ddl = tableDdl(context, table, created);
    created.add(key);
    sections.push(ddl.lines);
    deferred.push(...ddl.deferred);
  }
  if (deferred.length > 0) {
    sections.push([...commentLines('Foreign keys whose target is created later (self-references and reference cycles).'), ...deferred]);
  }
  sections.push(roleLines(context));
  return `${sections.filter((lines) => lines.length > 0).map((lines) => lines.join('\n')).join('\n\n')}\n`;
}

function schemaLines(context: SqlContext): string[] {
  return schemasOf(context.model).flatMap((schema) => {
    const comment = schemaCommentLine(context, schema);
    return [`CREATE SCHEMA ${quoteIdent(schema)};`, ...(comment === null ? [] : [comment])];
  });
}

/** COMMENT ON SCHEMA for a module's schema, or null for a schema no module owns. */
export function schemaCommentLine(context: SqlContext, schema: string): string | null {
  const module = context.model.modules.find((m) => m.schema === schema);
  if (module === undefined) return null;
  const about = [`Module ${module.name}`, module.description.trim() || module.responsibility.trim()].filter((s) => s !== '').join(': ');
  const owner = module.owner === null ? '' : ` Owner: ${module.owner}.`;
  return `COMMENT ON SCHEMA ${quoteIdent(schema)} IS ${quoteLiteral(`${sentence(about)}${owner}`)};`;
}

/** Foreign-key dependency order over every table, ties by `schema.table`. */
export function tableOrder(context: SqlContext): string[] {
  const nodes = [...context.tables.values()].map((table) => ({
    key: tableKey(table.schema, table.name),
    references: columnsOf(context, table).flatMap((column) => {
      const ref = column.references;
      return ref === undefined || ref.crossesService ? [] : [tableKey(ref.schema, ref.table)];
    }),
  }));
  return creationOrder(nodes.sort((a, b) => compareNames(a.key, b.key)));
}
