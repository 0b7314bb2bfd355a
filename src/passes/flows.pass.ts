// Core user flows (rulebook steps 1 and 5): who acts, which modules take part, sync or async, the consistency
// decided per flow, the event it emits, projected rate, and the flow's own timeout budget.
import type { ArchitectureModel, FlowModel } from '../model/types.js';
import { compareNames } from '../spec/normalize.js';
import type { NormalizedFlow, NormalizedSpec } from '../spec/normalized.js';
import { isSynchronous, planFlowTimeouts } from './derived/call-budgets.js';
import { choiceOr } from './derived/decision-lookup.js';
import { flowOwner, touchedModules } from './derived/flow-ownership.js';
import { rateAtHorizon } from './derived/projection.js';
import { definePass } from './pass.js';
import { findBy } from '../model/find-by.js';

/** Actor resolution in the contract's order: a role, else a module, else an integration. */
export function actorKindOf(spec: NormalizedSpec, actor: string | undefined): FlowModel['actorKind'] {
  if (actor === undefined) return 'none';
  if (spec.auth.roles.includes(actor)) return 'role';
  if (findBy(spec.modules, 'name', actor) !== undefined) return 'module';
  if (findBy(spec.integrations, 'name', actor) !== undefined) return 'integration';
  return 'unknown';
}

/** The consistency pass's decision, else the stated preference, else strong for a synchronous write. */
function consistencyOf(model: ArchitectureModel, flow: NormalizedFlow): FlowModel['consistency'] {
  const fallback = flow.consistency ?? (isSynchronous(flow.kind) && flow.writes.length > 0 ? 'strong' : 'eventual');
  return choiceOr(model, `consistency.${flow.name}`, fallback) === 'eventual' ? 'eventual' : 'strong';
}

export function buildFlows(model: ArchitectureModel): FlowModel[] {
  const spec = model.spec;
  const flowTimeouts = planFlowTimeouts(model);
  return spec.flows.map((flow): FlowModel => ({
    name: flow.name,
    kind: flow.kind,
    description: flow.description ?? '',
    actor: flow.actor ?? null,
    actorKind: actorKindOf(spec, flow.actor),
    consistency: consistencyOf(model, flow),
    synchronous: isSynchronous(flow.kind),
    touches: [...flow.touches],
    writes: [...flow.writes],
    calls: [...flow.calls],
    consumers: [...flow.consumers],
    modules: touchedModules(spec, flow),
    owner: flowOwner(spec, flow),
    event: findBy(model.events, 'flow', flow.name)?.name ?? null,
    schedule: flow.schedule ?? null,
    ratePerSecNow: flow.rate_per_sec ?? null,
    ratePerSecAtHorizon: flow.rate_per_sec === undefined ? null : rateAtHorizon(model, flow.rate_per_sec),
    latencyP99Ms: flow.latency_p99_ms ?? null,
    timeoutMs: flowTimeouts.get(flow.name) as number,
  })).sort((a, b) => compareNames(a.name, b.name));
}

export const flowsPass = definePass({
  id: 'flows',
  title: 'Flows',
  run: (_ctx, model): ArchitectureModel => ({ ...model, flows: buildFlows(model) }),
});
