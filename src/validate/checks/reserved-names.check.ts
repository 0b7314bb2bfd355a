// Names archc adds itself are reserved: the tenant column, a ref's `<name>_id` column, an assumed `id` key,
// the audit schema and PostgreSQL's own schemas. A collision would make the generated DDL ambiguous or invalid.
import type { Entity } from '../../spec/types.js';
import { defineCheck, type CheckContext } from './check.js';
import { valueSpan } from './spec-names.js';

const TENANT_COLUMN = 'tenant_id';
const TENANT_REF = 'tenant';
const TENANT_ENTITY = 'Tenant';

/** Why a module's schema name (its name with `_` for `-`) is reserved, or null. */
export function reservedSchemaReason(schema: string): string | null {
  if (schema === 'audit') return 'archc writes its audit table to the schema audit (audit.audit_log)';
  if (schema === 'public') return 'public is PostgreSQL\'s default schema; archc puts every module in a schema of its own';
  if (schema === 'information_schema') return 'information_schema is a PostgreSQL system schema';
  if (schema.startsWith('pg_')) return `the module's schema would be ${schema}, and PostgreSQL reserves schema names starting with pg_`;
  return null;
}

function checkEntityFields(entity: Entity, i: number, ctx: CheckContext): void {
  const refs = new Set(entity.fields.filter((f) => f.type === 'ref').map((f) => f.name));
  const hasKey = entity.fields.some((f) => f.key === true);
  entity.fields.forEach((field, j) => {
    const where = `entities.${entity.name}.fields.${field.name}`;
    // Located only when reported: most fields collide with nothing.
    const reserved = (reason: string): void => ctx.report.report('ARC0311', { where, name: field.name, reason },
      valueSpan(ctx.locate, `entities.${i}.fields.${j}.name`));
    if (field.name === TENANT_COLUMN) {
      reserved('archc adds the column tenant_id to tenant-owned tables; to model the tenant, use a ref field named tenant to the entity Tenant');
    } else if (field.type === 'ref' && field.name === TENANT_REF && field.to !== TENANT_ENTITY) {
      reserved(`a ref field tenant is stored as the column tenant_id, which archc reserves for the tenant; only a ref to the entity ${TENANT_ENTITY} may use it`);
    } else if (field.name.endsWith('_id') && refs.has(field.name.slice(0, -3))) {
      reserved(`the ref field ${field.name.slice(0, -3)} is stored as the column ${field.name}`);
    } else if (field.name === 'id' && !hasKey) {
      reserved(`entity ${entity.name} has no key field, so archc adds the key id uuid; mark this field key: true or rename it`);
    }
  });
}

export const reservedNamesCheck = defineCheck({
  id: 'reserved-names',
  description: 'no field or module name collides with a name archc adds (tenant_id, <ref>_id, id, audit, pg_ schemas)',
  run(ctx) {
    ctx.spec.modules.forEach((module, i) => {
      const reason = reservedSchemaReason(module.name.replace(/-/g, '_'));
      if (reason) ctx.report.report('ARC0311', { where: `modules.${module.name}`, name: module.name, reason }, valueSpan(ctx.locate, `modules.${i}.name`));
    });
    (ctx.spec.entities ?? []).forEach((entity, i) => checkEntityFields(entity, i, ctx));
  },
});
