// Assembles schema.sql: header, module schemas, the audit trail, tables in foreign-key order, deferred foreign keys, roles.
import { compareNames } from '../../src/spec/normalize.js';
import { auditLines } from './audit.js';
import { buildContext, columnsOf, tableKey, type SqlContext } from './context.js';
import { headerLines } from './header.js';
import { renameLines } from './renames.js';
import { roleLines } from './roles.js';
import { commentLines, quoteIdent, quoteLiteral, sentence } from './sql-text.js';
import { tableDdl } from './table-ddl.js';
import { creationOrder } from './table-order.js';
import type { ArchitectureModel } from '../../src/model/types.js';

export function renderSchema(model: ArchitectureModel): string {
  const context = buildContext(model);
  // Each section is joined as soon as it is built: its many small line strings then die young instead of all living
  // (and being copied by every young-generation collection) until the whole file is joined.
  const sections: string[] = [];
  const add = (lines: readonly string[]): void => {
    if (lines.length > 0) sections.push(lines.join('\n'));
  };
  add(headerLines(context));
  add(renameLines(context));
  add(['SET standard_conforming_strings = on;']);
  add(schemaLines(context));
  add(auditLines(context));
  const created = new Set<string>();
  const deferred: string[] = [];
  for (const key of tableOrder(context)) {
    const table = context.tables.get(key);
    if (table === undefined) continue;
    // Added after rendering, so a self-reference is deferred like a cycle.
    const ddl = tableDdl(context, table, created);
    created.add(key);
    add(ddl.lines);
    for (const line of ddl.deferred) deferred.push(line);
  }
  if (deferred.length > 0) {
    add([...commentLines('Foreign keys whose target is created later (self-references and reference cycles).'), ...deferred]);
  }
  add(roleLines(context));
  return `${sections.join('\n\n')}\n`;
}

function schemaLines(context: SqlContext): string[] {
  // The first module per schema, as find() would pick it: one pass instead of a scan per schema.
  const owners = new Map<string, Module>();
  for (const module of context.model.modules) if (!owners.has(module.schema)) owners.set(module.schema, module);
  return context.schemas.flatMap((schema) => {
    const module = owners.get(schema);
    return [`CREATE SCHEMA ${quoteIdent(schema)};`, ...(module === undefined ? [] : [schemaComment(schema, module)])];
  });
}

type Module = ArchitectureModel['modules'][number];

/** COMMENT ON SCHEMA for a module's schema, or null for a schema no module owns. */
export function schemaCommentLine(context: SqlContext, schema: string): string | null {
  const module = context.model.modules.find((m) => m.schema === schema);
  return module === undefined ? null : schemaComment(schema, module);
}

function schemaComment(schema: string, module: Module): string {
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
