// Which modules a flow belongs to: the basis for event producers, module interfaces and failure impact.
import { words } from '../../model/naming.js';
import { compareNames } from '../../spec/normalize.js';
import type { NormalizedFlow, NormalizedSpec } from '../../spec/normalized.js';
import { oncePerObject } from '../../model/once-per-object.js';

// Lookups derived from the spec are computed once per spec object (and per flow within it): passes and emitters
// ask for every flow's owner per module, which would otherwise be modules × flows × entities.

/** The module of each entity by name, built once per spec. */
export const entityModuleIndex = oncePerObject((spec: NormalizedSpec): ReadonlyMap<string, string> =>
  new Map(spec.entities.map((entity) => [entity.name, entity.module])));

// Per spec, then per flow: a flow object may be shared by specs built from one another (its owners differ).
const touchedByFlow = oncePerObject((_spec: NormalizedSpec) => new WeakMap<NormalizedFlow, readonly string[]>());
const ownerByFlow = oncePerObject((_spec: NormalizedSpec) => new WeakMap<NormalizedFlow, string>());

/** The module owning each entity, by entity name. */
export function entityModules(spec: NormalizedSpec): Map<string, string> {
  return new Map(entityModuleIndex(spec));
}

/** Modules owning the entities a flow touches, sorted. */
export function touchedModules(spec: NormalizedSpec, flow: NormalizedFlow): string[] {
  const memo = touchedByFlow(spec);
  let modules = memo.get(flow);
  if (!modules) {
    const owners = entityModuleIndex(spec);
    const touched = flow.touches.map((entity) => owners.get(entity)).filter((m): m is string => m !== undefined);
    modules = [...new Set(touched)].sort(compareNames);
    memo.set(flow, modules);
  }
  return [...modules];
}

/** Whether the flow's name (its words) mentions the entity (`book-appointment` mentions Appointment). */
function namedByFlow(flowWords: ReadonlySet<string>, entity: string): boolean {
  return words(entity).every((word) => flowWords.has(word));
}

/**
 * The module owning most of `entities`; ties go to the module owning an entity the flow's name mentions, then by
 * name. Null for no entities.
 */
function majorityOwner(spec: NormalizedSpec, flow: NormalizedFlow, entities: readonly string[]): string | null {
  const owners = entityModuleIndex(spec);
  const counts = new Map<string, { count: number; named: boolean }>();
  let flowWords: ReadonlySet<string> | undefined;
  for (const entity of entities) {
    const module = owners.get(entity);
    if (module === undefined) continue;
    const current = counts.get(module) ?? { count: 0, named: false };
    counts.set(module, { count: current.count + 1, named: current.named || namedByFlow((flowWords ??= new Set(words(flow.name))), entity) });
  }
  const ranked = [...counts.entries()].sort((a, b) =>
    b[1].count - a[1].count || Number(b[1].named) - Number(a[1].named) || compareNames(a[0], b[0]));
  return ranked[0]?.[0] ?? null;
}

/**
 * The module that runs a flow: its actor when the actor is a module; else the owner of most written entities,
 * else of most touched entities (ties: see majorityOwner); else the first consumer, else the first module (a flow always runs somewhere).
 */
export function flowOwner(spec: NormalizedSpec, flow: NormalizedFlow): string {
  const memo = ownerByFlow(spec);
  let owner = memo.get(flow);
  if (owner === undefined) {
    owner = computeFlowOwner(spec, flow);
    memo.set(flow, owner);
  }
  return owner;
}

function computeFlowOwner(spec: NormalizedSpec, flow: NormalizedFlow): string {
  if (flow.actor !== undefined && !spec.auth.roles.includes(flow.actor) && spec.modules.some((m) => m.name === flow.actor)) {
    return flow.actor;
  }
  return majorityOwner(spec, flow, flow.writes)
    ?? majorityOwner(spec, flow, flow.touches)
    ?? flow.consumers[0]
    ?? spec.modules[0]?.name
    ?? spec.system.name;
}
