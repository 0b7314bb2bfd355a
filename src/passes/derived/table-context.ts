// What the table derivation reads besides the spec, and the placement facts several derived passes share:
// tenant scoping, cache-resident entities and whether a reference crosses a separately deployed service.
import type { ModuleModel } from '../../model/types.js';
import type { NormalizedEntity, NormalizedField, NormalizedSpec } from '../../spec/normalized.js';
import { findBy } from '../../model/find-by.js';

export const TENANT_COLUMN = 'tenant_id';
export const TENANT_ENTITY = 'Tenant';

/** Everything the table builder reads besides the spec. */
export interface TableContext {
  spec: NormalizedSpec;
  tenancy: string;
  cache: string;
  search: string;
  partitionRows: number;
  modules: readonly ModuleModel[];
  rowsAtHorizon: (entity: NormalizedEntity) => number;
  /** Names of the entities with a ref field to each entity, in spec order (indexed once, not scanned per table). */
  referencedBy: ReadonlyMap<string, readonly string[]>;
  /** Entities a privileged role's flow writes (their tables are audited on admin-heavy systems). */
  privilegedWrites: ReadonlySet<string>;
}

/** For each entity, the entities that reference it (each once, in spec order). */
export function referencingEntities(spec: NormalizedSpec): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const entity of spec.entities) {
    const targets = new Set<string>();
    for (const f of entity.fields) if (f.type === 'ref' && f.to !== undefined) targets.add(f.to);
    for (const target of targets) {
      const list = index.get(target);
      if (list) list.push(entity.name);
      else index.set(target, [entity.name]);
    }
  }
  return index;
}

/** An entity without a table: ephemeral state kept in Redis. */
export function isCacheResident(entity: NormalizedEntity, cache: string): boolean {
  return entity.ephemeral && cache === 'redis';
}

/** The entity's key field, or undefined when archc assumes `id uuid`. */
export function keyField(entity: NormalizedEntity): NormalizedField | undefined {
  return entity.fields.find((f) => f.key);
}

/** Two modules are deployed separately unless they are the same module or both in the core deployable. */
export function crossesService(modules: readonly ModuleModel[], from: string, to: string): boolean {
  if (from === to) return false;
  return deploymentOf(modules, from) === 'service' || deploymentOf(modules, to) === 'service';
}

function deploymentOf(modules: readonly ModuleModel[], name: string): ModuleModel['deployment'] {
  return findBy(modules, 'name', name)?.deployment ?? 'core';
}

/** A ref field `tenant` to `Tenant`: under shared-schema tenancy it is the tenant column itself. */
export function isTenantRef(field: NormalizedField): boolean {
  return field.type === 'ref' && field.name === 'tenant' && field.to === TENANT_ENTITY;
}

/** Under shared-schema tenancy every table but the Tenant entity's carries tenant_id. */
export function tenantScoped(ctx: TableContext, entity: NormalizedEntity): boolean {
  return ctx.tenancy === 'shared-schema' && entity.name !== TENANT_ENTITY;
}
