// Timeout, retry and circuit-breaker budgets per caller → callee, built so budgets nest: every component's own
// timeout exceeds the sum, over what it calls, of callee timeout × attempts + total backoff.
//
// Components: `edge` (gateway), `scheduler`, `job-runner`, `worker:<channel>` (runs handlers of queued messages),
// `flow:<name>`, `module:<name>` (a module called across a deployable boundary, served by its own handler),
// `consumer:<module>:<event>`, and the leaves `postgresql`, `redis`, `search-engine`, `object-storage`,
// `queue` / `event-log` (publishing) and `integration:<name>`.
import type { ArchitectureModel, CallBudget, EventModel } from '../../model/types.js';
import { compareNames } from '../../spec/normalize.js';
import type { NormalizedEntity, NormalizedFlow, NormalizedSpec } from '../../spec/normalized.js';
import { crossesService, isCacheResident } from './table-context.js';
import { choiceOr } from './decision-lookup.js';
import { deferrableCalls } from '../events.pass.js';
import { flowOwner } from './flow-ownership.js';
import {
  CACHE_POLICY, EVENT_RETRY, EVENT_RETRY_BACKOFF, OBJECT_STORAGE_POLICY, PUBLISH_POLICY, SEARCH_ENGINE_POLICY,
  integrationPolicy, serviceCallPolicy, storePolicy, type CallPolicy,
} from './retry-policy.js';
import { findBy } from '../../model/find-by.js';
import { oncePerObject } from '../../model/once-per-object.js';

/** Headroom of a component's timeout over what its callees may take in the worst case. */
const HEADROOM = 1.25;
const MIN_SYNC_TIMEOUT_MS = 1000;
const MIN_ASYNC_TIMEOUT_MS = 30_000;

export function isSynchronous(kind: NormalizedFlow['kind']): boolean {
  return kind === 'request' || kind === 'realtime';
}

/** Worst-case time a caller may spend on one callee: timeout × attempts + all backoff waits. */
export function worstCaseMs(budget: Pick<CallBudget, 'timeoutMs' | 'attempts' | 'backoffMs'>): number {
  return budget.timeoutMs * budget.attempts + budget.backoffMs.reduce((sum, wait) => sum + wait, 0);
}

/** A component's own timeout: headroom over its callees' worst case (calls run one after another), rounded up to 100 ms. */
export function timeoutOver(calls: readonly CallPolicy[], synchronous: boolean, floorMs = 0): number {
  const need = calls.reduce((sum, call) => sum + worstCaseMs(call), 0);
  const minimum = synchronous ? MIN_SYNC_TIMEOUT_MS : MIN_ASYNC_TIMEOUT_MS;
  const padded = Math.ceil((Math.max(need, floorMs) * HEADROOM) / 100) * 100;
  return Math.max(minimum, padded, need + 100);
}

interface Infra {
  spec: NormalizedSpec;
  tabled: Set<string>;
  cache: string;
  search: string;
  blob: string;
  modules: ArchitectureModel['modules'];
  events: readonly EventModel[];
  /** Entities by owning module, in spec order. */
  owned: ReadonlyMap<string, readonly NormalizedEntity[]>;
}

function entitiesByModule(entities: readonly NormalizedEntity[]): Map<string, NormalizedEntity[]> {
  const owned = new Map<string, NormalizedEntity[]>();
  for (const entity of entities) {
    const list = owned.get(entity.module);
    if (list) list.push(entity);
    else owned.set(entity.module, [entity]);
  }
  return owned;
}

function infraOf(model: ArchitectureModel): Infra {
  return {
    spec: model.spec,
    tabled: new Set(model.tables.map((t) => t.entity)),
    cache: choiceOr(model, 'cache', 'none'),
    search: choiceOr(model, 'search', 'none'),
    blob: choiceOr(model, 'blob-store', 'none'),
    modules: model.modules,
    events: model.events,
    owned: entitiesByModule(model.spec.entities),
  };
}

/**
 * Leaf stores one access to an entity reaches. Object storage only on writes (reads hand out pre-signed URLs the
 * client fetches directly); the search engine only on reads (writers index asynchronously from change events).
 */
function storesOf(infra: Infra, entity: NormalizedEntity, synchronous: boolean, writes: boolean): Array<[string, CallPolicy]> {
  const stores: Array<[string, CallPolicy]> = [];
  if (infra.tabled.has(entity.name)) stores.push(['postgresql', storePolicy(synchronous)]);
  const hot = entity.access.some((a) => 'by' in a && a.hot);
  if (infra.cache === 'redis' && (isCacheResident(entity, infra.cache) || hot)) stores.push(['redis', CACHE_POLICY]);
  if (!writes && infra.search === 'search-engine' && entity.access.some((a) => 'search' in a)) stores.push(['search-engine', SEARCH_ENGINE_POLICY]);
  if (writes && infra.blob === 'object-storage' && entity.fields.some((f) => f.type === 'blob')) stores.push(['object-storage', OBJECT_STORAGE_POLICY]);
  return stores;
}

/** One call per distinct store over the entities a flow touches (`written` marks the ones it writes). */
function storeCalls(infra: Infra, entities: readonly NormalizedEntity[], synchronous: boolean, written: ReadonlySet<string>): Map<string, CallPolicy> {
  const calls = new Map<string, CallPolicy>();
  for (const entity of entities) {
    for (const [store, policy] of storesOf(infra, entity, synchronous, written.has(entity.name))) if (!calls.has(store)) calls.set(store, policy);
  }
  return calls;
}

function budget(caller: string, callee: string, policy: CallPolicy): CallBudget {
  return { caller, callee, timeoutMs: policy.timeoutMs, attempts: policy.attempts, backoffMs: [...policy.backoffMs], circuitBreaker: policy.circuitBreaker };
}

function ownedEntities(infra: Infra, module: string): readonly NormalizedEntity[] {
  return infra.owned.get(module) ?? [];
}

/** The worker runtime that takes messages off a channel and runs their handler under a per-message timeout. */
export function workerOf(channel: string): string {
  return `worker:${channel}`;
}

export interface BudgetPlan {
  budgets: CallBudget[];
  /** Each flow's own timeout, by flow name. */
  flowTimeouts: Map<string, number>;
}

/** Plans every budget; flows and consumers first compute their callees, then their own timeout over them. */
export function planBudgets(model: ArchitectureModel): BudgetPlan {
  return plan(model, true);
}

/** Each flow's own timeout, by flow name, as `planBudgets` computes it, without building the budgets themselves. */
export function planFlowTimeouts(model: ArchitectureModel): Map<string, number> {
  return plan(model, false).flowTimeouts;
}

/** The plan; without `withBudgets` only the timeouts (a flow's depends on its callees, never on consumers). */
function plan(model: ArchitectureModel, withBudgets: boolean): BudgetPlan {
  const infra = infraOf(model);
  const budgets = new Map<string, CallBudget>();
  const add = (caller: string, callee: string, policy: CallPolicy): void => {
    if (withBudgets) budgets.set(`${caller}\u0000${callee}`, budget(caller, callee, policy));
  };
  const flowTimeouts = new Map<string, number>();

  // Each flow's touched entities and remote modules are read by several steps below: derive them once per flow.
  const touchedBy = oncePerObject((flow: NormalizedFlow): readonly NormalizedEntity[] =>
    flow.touches.map((name) => findBy(infra.spec.entities, 'name', name)).filter((e): e is NormalizedEntity => e !== undefined));
  const remoteModulesOf = oncePerObject((flow: NormalizedFlow): readonly string[] => {
    const owner = flowOwner(infra.spec, flow);
    return [...new Set(touchedBy(flow).filter((e) => crossesService(infra.modules, owner, e.module)).map((e) => e.module))].sort(compareNames);
  });

  /** The handler serving a module across a deployable boundary: the stores its callers' accesses reach, synchronous. */
  const handlerTimeouts = new Map<string, number>();
  const callersOf = new Map<string, NormalizedFlow[]>();
  for (const flow of infra.spec.flows) {
    for (const module of remoteModulesOf(flow)) {
      const callers = callersOf.get(module);
      if (callers) callers.push(flow);
      else callersOf.set(module, [flow]);
    }
  }
  for (const [module, flows] of callersOf) {
    const calls = new Map<string, CallPolicy>();
    for (const flow of flows) {
      const entities = touchedBy(flow).filter((e) => e.module === module);
      for (const [callee, policy] of storeCalls(infra, entities, true, new Set(flow.writes))) if (!calls.has(callee)) calls.set(callee, policy);
    }
    for (const [callee, policy] of calls) add(`module:${module}`, callee, policy);
    handlerTimeouts.set(module, timeoutOver([...calls.values()], true));
  }

  for (const flow of infra.spec.flows) {
    const sync = isSynchronous(flow.kind);
    const owner = flowOwner(infra.spec, flow);
    const caller = `flow:${flow.name}`;
    const calls = new Map<string, CallPolicy>();
    const local = touchedBy(flow).filter((e) => !crossesService(infra.modules, owner, e.module));
    for (const [callee, policy] of storeCalls(infra, local, sync, new Set(flow.writes))) calls.set(callee, policy);
    for (const module of remoteModulesOf(flow)) calls.set(`module:${module}`, serviceCallPolicy(handlerTimeouts.get(module) as number));
    const event = findBy(infra.events, 'flow', flow.name);
    const deferred = sync && event !== undefined ? deferrableCalls(infra.spec, flow) : [];
    for (const integration of flow.calls) {
      if (!deferred.includes(integration)) calls.set(`integration:${integration}`, integrationPolicy(sync));
    }
    if (event !== undefined && (sync || flow.consumers.length > 0)) calls.set(event.channel, PUBLISH_POLICY);
    for (const [callee, policy] of calls) add(caller, callee, policy);

    const timeoutMs = timeoutOver([...calls.values()], sync, flow.latency_p99_ms ?? 0);
    flowTimeouts.set(flow.name, timeoutMs);
    const own: CallPolicy = { timeoutMs, attempts: 1, backoffMs: [], circuitBreaker: null };
    if (sync) add('edge', caller, own);
    else if (event !== undefined && flow.consumers.length === 0) {
      add(workerOf(event.channel), caller, { ...own, attempts: EVENT_RETRY.attempts, backoffMs: EVENT_RETRY_BACKOFF });
    } else add(flow.kind === 'scheduled' ? 'scheduler' : 'job-runner', caller, own);
  }

  if (!withBudgets) return { budgets: [], flowTimeouts };

  // A consumer reaches the stores of the entities its module owns: the same for every event the module consumes.
  const consumerStoreCalls = new Map<string, ReadonlyMap<string, CallPolicy>>();
  const consumerStoresOf = (module: string): ReadonlyMap<string, CallPolicy> => {
    let calls = consumerStoreCalls.get(module);
    if (calls === undefined) {
      calls = new Map([...storeCalls(infra, ownedEntities(infra, module), false, new Set())].filter(([store]) => store === 'postgresql' || store === 'redis'));
      consumerStoreCalls.set(module, calls);
    }
    return calls;
  };
  for (const event of infra.events) {
    const flow = findBy(infra.spec.flows, 'name', event.flow);
    if (flow === undefined || (!isSynchronous(flow.kind) && flow.consumers.length === 0)) continue;
    for (const module of event.consumers) {
      const consumer = `consumer:${module}:${event.name}`;
      const calls = new Map(consumerStoresOf(module));
      if (module === event.producer && isSynchronous(flow.kind)) {
        for (const integration of deferrableCalls(infra.spec, flow)) calls.set(`integration:${integration}`, integrationPolicy(false));
      }
      for (const [callee, policy] of calls) add(consumer, callee, policy);
      const timeoutMs = timeoutOver([...calls.values()], false);
      add(workerOf(event.channel), consumer, { timeoutMs, attempts: EVENT_RETRY.attempts, backoffMs: EVENT_RETRY_BACKOFF, circuitBreaker: null });
    }
  }

  const sorted = [...budgets.values()].sort((a, b) => compareNames(a.caller, b.caller) || compareNames(a.callee, b.callee));
  return { budgets: sorted, flowTimeouts };
}
