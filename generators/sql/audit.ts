// The audit trail: an append-only table written by a row trigger on each audited table.
import type { SqlContext } from './context.js';
import { commentLines, dollarQuote, qualified, quoteIdent, quoteLiteral } from './sql-text.js';

/**
 * Schema, table and trigger function. The function is SECURITY DEFINER, so application roles need no privilege on the
 * audit table and cannot change or delete what it recorded. "who" is the application user the request sets in
 * app.user_id (null when unset) plus the database role that connected.
 */
export function auditLines(context: SqlContext): string[] {
  const audit = context.audit;
  if (audit === null) return [];
  const log = qualified(audit.schema, audit.table);
  const fn = qualified(audit.schema, 'record_change');
  const body = [
    '',
    'DECLARE',
    "  old_row jsonb := CASE WHEN TG_OP IN ('UPDATE', 'DELETE') THEN to_jsonb(OLD) END;",
    "  new_row jsonb := CASE WHEN TG_OP IN ('INSERT', 'UPDATE') THEN to_jsonb(NEW) END;",
    '  changed jsonb := coalesce(new_row, old_row);',
    'BEGIN',
    `  INSERT INTO ${log} ("actor", "db_role", "action", "entity", "row_id", "tenant_id", "before", "after")`,
    "  VALUES (nullif(current_setting('app.user_id', true), ''), session_user, TG_OP,",
    "          TG_TABLE_SCHEMA || '.' || TG_TABLE_NAME, changed ->> TG_ARGV[0],",
    "          changed ->> 'tenant_id', old_row, new_row);",
    '  RETURN NULL;',
    'END',
    '',
  ].join('\n');
  const detail = context.model.security.audit.detail.trim();
  return [
    ...commentLines(`Audit trail: ${detail === '' ? 'who changed which row, when, and how.' : detail}`),
    '-- Row triggers below record every write; reads of audited tables are recorded by the application (triggers never see SELECTs).',
    `CREATE SCHEMA ${quoteIdent(audit.schema)};`,
    `COMMENT ON SCHEMA ${quoteIdent(audit.schema)} IS ${quoteLiteral('Append-only audit trail; written by triggers, never by application roles.')};`,
    `CREATE TABLE ${log} (`,
    '  "id" bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,',
    '  "occurred_at" timestamptz NOT NULL DEFAULT now(),',
    '  "actor" text,',
    '  "db_role" text NOT NULL,',
    `  "action" text NOT NULL CHECK ("action" IN ('INSERT', 'UPDATE', 'DELETE')),`,
    '  "entity" text NOT NULL,',
    '  "row_id" text,',
    // text, not uuid: the tenant key's type is the Tenant entity's key type.
    '  "tenant_id" text,',
    '  "before" jsonb,',
    '  "after" jsonb',
    ');',
    `CREATE INDEX ON ${log} ("entity", "row_id", "occurred_at");`,
    `CREATE INDEX ON ${log} ("tenant_id", "occurred_at");`,
    `COMMENT ON TABLE ${log} IS ${quoteLiteral('One row per insert, update or delete of an audited table: who (actor, db_role), what (action, before, after), when (occurred_at), which row (entity, row_id) and tenant.')};`,
    `CREATE FUNCTION ${fn}() RETURNS trigger`,
    '  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp',
    `  AS ${dollarQuote(body)};`,
  ];
}
