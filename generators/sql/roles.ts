// Least-privilege database roles from the security model.
import { shortenIdentifier } from '../../src/model/naming.js';
import type { SecurityModel } from '../../src/model/types.js';
import { compareNames } from '../../src/spec/normalize.js';
import { oncePerObject } from '../../src/model/once-per-object.js';
import type { SqlContext } from './context.js';
import { commentLines, dollarQuote, qualified, quoteIdent, quoteLiteral } from './sql-text.js';

export type DbRole = SecurityModel['dbRoles'][number];
type Privilege = NonNullable<DbRole['privileges']>[number];

const ACTION_ORDER = ['SELECT', 'INSERT', 'UPDATE', 'DELETE'] as const;

/**
 * Roles belong to the cluster, not the database, so each is created only when missing: the script still applies to a
 * fresh database in a cluster that already has them. Roles are NOLOGIN groups (and NOBYPASSRLS, the default); a login
 * user is granted membership.
 */
export function roleLines(context: SqlContext): string[] {
  const roles = [...context.model.security.dbRoles].sort((a, b) => compareNames(a.name, b.name));
  if (roles.length === 0) return [];
  const lines = commentLines('Database roles (least privilege): services log in as members of these roles, never as the owner.');
  for (const role of roles) {
    // Not push(...): the grants text and the privileges have no length limit, and a long spread overflows the stack.
    for (const line of roleCreateLines(role)) lines.push(line);
    for (const line of grantLines(context, role)) lines.push(line);
  }
  return lines;
}

/** The role's grants as a comment, then a DO block creating it unless the cluster already has it. */
export function roleCreateLines(role: DbRole): string[] {
  const name = shortenIdentifier(role.name);
  const body = [
    '',
    'BEGIN',
    `  IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = ${quoteLiteral(name)}) THEN`,
    `    CREATE ROLE ${quoteIdent(name)} NOLOGIN;`,
    '  END IF;',
    'END',
    '',
  ].join('\n');
  const about = role.grants.trim() === '' ? [] : commentLines(`${role.name}: ${role.grants.trim()}`);
  return [...about, `DO ${dollarQuote(body)};`];
}

/** GRANTs for the role's privileges on objects this script creates (anything else is left to the comment). */
export function grantLines(context: SqlContext, role: DbRole): string[] {
  const schemas = grantSchemas(context);
  const exists = (p: Privilege): boolean => schemas.has(p.schema) && (p.table === null || tableExists(context, p.schema, p.table));
  const privileges = (role.privileges ?? []).filter(exists).filter((p) => p.actions.length > 0)
    .sort((a, b) => compareNames(a.schema, b.schema) || compareNames(a.table ?? '', b.table ?? ''));
  const grantee = quoteIdent(role.name);
  const usage = [...new Set(privileges.map((p) => p.schema))].map((schema) => `GRANT USAGE ON SCHEMA ${quoteIdent(schema)} TO ${grantee};`);
  const grants = privileges.map((p) => {
    const actions = ACTION_ORDER.filter((action) => p.actions.includes(action)).join(', ');
    const on = p.table === null ? `ALL TABLES IN SCHEMA ${quoteIdent(p.schema)}` : qualified(p.schema, p.table);
    return `GRANT ${actions} ON ${on} TO ${grantee};`;
  });
  return [...usage, ...grants];
}

/** Every schema this script creates, per context (a context never changes): built once, not once per role. */
const grantSchemas = oncePerObject((context: SqlContext): ReadonlySet<string> => {
  const created = new Set(context.schemas);
  if (context.audit !== null) created.add(context.audit.schema);
  return created;
});

function tableExists(context: SqlContext, schema: string, table: string): boolean {
  if (context.audit !== null && context.audit.schema === schema && context.audit.table === table) return true;
  return context.tablesBySchema.get(schema)?.has(table) === true;
}
