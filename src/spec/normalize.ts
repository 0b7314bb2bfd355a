// Applies the contract's defaults and sorts every set and named list, so key and list order never reach an output.
import type { SystemSpec, Entity, Field, Flow, Module, Integration } from './types.js';
import type {
  NormalizedAccess, NormalizedEntity, NormalizedField, NormalizedFlow, NormalizedIntegration,
  NormalizedModule, NormalizedSpec, Sensitivity,
} from './normalized.js';

/** Code-unit order, never locale order: outputs must not depend on LANG. */
export function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function sortedSet<T extends string>(items: readonly T[] | undefined): T[] {
  return [...new Set(items ?? [])].sort(compareNames);
}

/**
 * A copy of a record with its keys in the contract's order (absent keys left out), so the order the author wrote
 * them in never reaches model.json.
 */
function inContractOrder<T extends object>(value: T | undefined, order: readonly (keyof T)[]): T {
  const out = {} as T;
  for (const key of order) {
    if (value !== undefined && value[key] !== undefined) out[key] = value[key];
  }
  return out;
}

function byName<T extends { name: string }>(items: T[]): T[] {
  return items.sort((a, b) => compareNames(a.name, b.name));
}

function normalizeField(field: Field, entitySensitivity: Sensitivity): NormalizedField {
  const out: NormalizedField = {
    name: field.name,
    type: field.type,
    key: field.key ?? false,
    optional: field.optional ?? false,
    unique: field.unique ?? false,
    sensitivity: field.sensitivity ?? entitySensitivity,
  };
  if (field.to !== undefined) out.to = field.to;
  if (field.values !== undefined) out.values = [...field.values];
  if (field.default !== undefined) out.default = field.default;
  if (field.description !== undefined) out.description = field.description;
  if (field.renamed_from !== undefined) out.renamed_from = field.renamed_from;
  return out;
}

function normalizeAccess(access: NonNullable<Entity['access']>[number]): NormalizedAccess {
  if ('search' in access) return { search: [...access.search] };
  return { by: [...access.by], kind: access.kind ?? 'list', hot: access.hot ?? false };
}

function normalizeEntity(entity: Entity): NormalizedEntity {
  const sensitivity = entity.sensitivity ?? 'internal';
  const out: NormalizedEntity = {
    name: entity.name,
    module: entity.module,
    fields: entity.fields.map((f) => normalizeField(f, sensitivity)),
    sensitivity,
    ephemeral: entity.ephemeral ?? false,
    access: (entity.access ?? []).map(normalizeAccess),
    api: sortedSet(entity.api),
  };
  if (entity.description !== undefined) out.description = entity.description;
  if (entity.volume !== undefined) out.volume = inContractOrder(entity.volume, ['rows', 'rows_per_day']);
  if (entity.retention !== undefined) out.retention = { days: entity.retention.days, then: entity.retention.then ?? 'archive' };
  if (entity.renamed_from !== undefined) out.renamed_from = entity.renamed_from;
  return out;
}

function normalizeModule(module: Module): NormalizedModule {
  const out: NormalizedModule = {
    name: module.name,
    platform: module.platform ?? false,
    depends_on: sortedSet(module.depends_on),
    needs: {
      independent_scaling: module.needs?.independent_scaling ?? false,
      independent_deploys: module.needs?.independent_deploys ?? false,
      fault_isolation: module.needs?.fault_isolation ?? false,
    },
  };
  if (module.description !== undefined) out.description = module.description;
  if (module.owner !== undefined) out.owner = module.owner;
  if (module.renamed_from !== undefined) out.renamed_from = module.renamed_from;
  return out;
}

function normalizeFlow(flow: Flow): NormalizedFlow {
  const out: NormalizedFlow = {
    name: flow.name,
    kind: flow.kind,
    touches: sortedSet(flow.touches),
    writes: sortedSet(flow.writes),
    calls: sortedSet(flow.calls),
    consumers: sortedSet(flow.consumers),
    ordered: flow.ordered ?? false,
    replay: flow.replay ?? false,
    bidirectional: flow.bidirectional ?? false,
  };
  if (flow.description !== undefined) out.description = flow.description;
  if (flow.actor !== undefined) out.actor = flow.actor;
  if (flow.consistency !== undefined) out.consistency = flow.consistency;
  if (flow.rate_per_sec !== undefined) out.rate_per_sec = flow.rate_per_sec;
  if (flow.latency_p99_ms !== undefined) out.latency_p99_ms = flow.latency_p99_ms;
  if (flow.schedule !== undefined) out.schedule = flow.schedule;
  return out;
}

function normalizeIntegration(integration: Integration): NormalizedIntegration {
  const out: NormalizedIntegration = {
    name: integration.name,
    kind: integration.kind,
    direction: integration.direction ?? 'outbound',
    critical: integration.critical ?? false,
  };
  if (integration.description !== undefined) out.description = integration.description;
  return out;
}

/** Normalizes a spec that passed schema and semantic validation. */
export function normalizeSpec(spec: SystemSpec): NormalizedSpec {
  const identity = spec.auth?.identity;
  return {
    archc: 1,
    system: {
      name: spec.system.name,
      summary: spec.system.summary,
      goals: [...(spec.system.goals ?? [])],
      non_goals: [...(spec.system.non_goals ?? [])],
      deliverable: spec.system.deliverable ?? 'proposal',
    },
    team: inContractOrder(spec.team, ['engineers', 'teams']),
    traffic: {
      ...inContractOrder(spec.traffic, ['users', 'peak_rps', 'read_ratio', 'growth_per_year', 'horizon_years']),
      spiky: spec.traffic?.spiky ?? false,
    },
    targets: inContractOrder(spec.targets, ['availability', 'latency_p99_ms', 'rpo_minutes', 'rto_minutes']),
    data: { compliance: sortedSet(spec.data?.compliance), residency: sortedSet(spec.data?.residency) },
    tenancy: { model: spec.tenancy?.model ?? 'single', ...inContractOrder(spec.tenancy, ['tenants', 'isolation']) },
    auth: {
      identity: sortedSet(identity === undefined ? [] : Array.isArray(identity) ? identity : [identity]),
      roles: sortedSet(spec.auth?.roles),
      admin_heavy: spec.auth?.admin_heavy ?? false,
    },
    api: { ...(spec.api?.style !== undefined ? { style: spec.api.style } : {}), consumers: sortedSet(spec.api?.consumers) },
    modules: byName(spec.modules.map(normalizeModule)),
    entities: byName((spec.entities ?? []).map(normalizeEntity)),
    flows: byName((spec.flows ?? []).map(normalizeFlow)),
    integrations: byName((spec.integrations ?? []).map(normalizeIntegration)),
    current: spec.current === undefined ? null : {
      ...(spec.current.summary !== undefined ? { summary: spec.current.summary } : {}),
      pain: [...(spec.current.pain ?? [])],
      components: (spec.current.components ?? []).map((c) => inContractOrder(c, ['name', 'kind', 'tech'])),
      ...(spec.current.downtime_minutes !== undefined ? { downtime_minutes: spec.current.downtime_minutes } : {}),
    },
    decisions: (spec.decisions ?? [])
      .map((d) => ({ id: d.id, choice: d.choice, ...(d.reason !== undefined ? { reason: d.reason } : {}) }))
      .sort((a, b) => compareNames(a.id, b.id)),
  };
}
