// Row-level security for a shared-schema tenant table: rows are visible and writable only for the tenant in app.tenant_id.
import { TENANT_COLUMN } from './context.js';
import { quoteIdent } from './sql-text.js';

/**
 * The setting is cast to tenant_id's type (uuid unless the Tenant entity's key has another type).
 * current_setting without missing_ok raises when app.tenant_id is unset, so a request that forgot to set its tenant
 * fails instead of reading nothing or everything. FORCE makes the policy bind the table owner too.
 */
export function tenantPolicyLines(qualifiedTable: string, tenantType: string): string[] {
  const match = `${quoteIdent(TENANT_COLUMN)} = current_setting('app.tenant_id')::${tenantType}`;
  return [
    `ALTER TABLE ${qualifiedTable} ENABLE ROW LEVEL SECURITY;`,
    `ALTER TABLE ${qualifiedTable} FORCE ROW LEVEL SECURITY;`,
    `CREATE POLICY "tenant_isolation" ON ${qualifiedTable}`,
    `  USING (${match})`,
    `  WITH CHECK (${match});`,
  ];
}
