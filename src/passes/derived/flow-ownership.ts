// Which modules a flow belongs to: the basis for event producers, module interfaces and failure impact.
import { words } from '../../model/naming.js';
import { compareNames } from '../../spec/normalize.js';
import type { NormalizedFlow, NormalizedSpec } from '../../spec/normalized.js';

// A normalized spec is never modified once built, so lookups derived from it are computed once per spec object:
// passes and emitters ask for every flow's owner per module, which would otherwise be modules × flows × entities.
const entityModuleIndexes = new WeakMap<NormalizedSpec, ReadonlyMap<string, string>>();
const touchedByFlow = new WeakMap<NormalizedSpec, WeakMap<NormalizedFlow, readonly string[]>>();
const ownerByFlow = new WeakMap<NormalizedSpec, WeakMap<NormalizedFlow, string>>();

/** The module of each entity by name, built once per spec. */
export function entityModuleIndex(spec: NormalizedSpec): ReadonlyMap<string, string> {
  let index = entityModuleIndexes.get(spec);
  if (!index) {
    index = new Map(spec.entities.map((entity) => [entity.name, entity.module]));
    entityModuleIndexes.set(spec, index);
  }
  return index;
}

function memoFor<T>(memo: WeakMap<NormalizedSpec, WeakMap<NormalizedFlow, T>>, spec: NormalizedSpec): WeakMap<NormalizedFlow, T> {
  let perFlow = memo.get(spec);
  if (!perFlow) {
    perFlow = new WeakMap();
    memo.set(spec, perFlow);
  }
  return perFlow;
}

/** The module owning each entity, by entity name. */
export function entityModules(spec: NormalizedSpec): Map<string, string> {
  return new Map(entityModuleIndex(spec));
}

/** Modules owning the entities a flow touches, sorted. */
export function touchedModules(spec: NormalizedSpec, flow: NormalizedFlow): string[] {
  const memo = memoFor(touchedByFlow, spec);
  let modules = memo.get(flow);
  if (!modules) {
    const owners = entityModuleIndex(spec);
    const touched = flow.touches.map((entity) => owners.get(entity)).filter((m): m is string => m !== undefined);
    modules = [...new Set(touched)].sort(compareNames);
    memo.set(flow, modules);
  }
  return [...modules];
}

/** Whether the flow's name mentions the entity (`book-appointment` mentions Appointment). */
function namedByFlow(flow: NormalizedFlow, entity: string): boolean {
  const flowWords = new Set(words(flow.name));
  return words(entity).every((word) => flowWords.has(word));
}

/**
 * The module owning most of `entities`; ties go to the module owning an entity the flow's name mentions, then by
 * name. Null for no entities.
 */
function majorityOwner(spec: NormalizedSpec, flow: NormalizedFlow, entities: readonly string[]): string | null {
  const owners = entityModuleIndex(spec);
  const counts = new Map<string, { count: number; named: boolean }>();
  for (const entity of entities) {
    const module = owners.get(entity);
    if (module === undefined) continue;
    const current = counts.get(module) ?? { count: 0, named: false };
    counts.set(module, { count: current.count + 1, named: current.named || namedByFlow(flow, entity) });
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
  const memo = memoFor(ownerByFlow, spec);
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
