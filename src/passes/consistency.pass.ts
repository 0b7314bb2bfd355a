// Consistency per flow: the stated requirement when it can be met; otherwise strong for request writes inside one
// deployable and eventual for asynchronous work, read-only flows and writes that span services.
import type { ArchitectureModel } from '../model/types.js';
import type { NormalizedFlow, NormalizedSpec } from '../spec/normalized.js';
import { compareNames } from '../spec/normalize.js';
import { definePass, type PassContext } from './pass.js';
import { choiceOf, decide, listProse, withChallenge, type Consequences } from './decision.js';
import { modelDeployables } from './boundaries.js';
import { requiredNumber } from './projection.js';
import { entityModuleIndex } from './derived/flow-ownership.js';
import { findBy } from '../model/find-by.js';

export const consistencyRules = {
  stated: 'consistency/stated',
  requestWrites: 'consistency/request-writes',
  readOnly: 'consistency/read-only',
  asyncKind: 'consistency/async-kind',
  crossServiceWrites: 'consistency/cross-service-writes',
} as const;

const consequences: Record<string, Consequences> = {
  strong: {
    cost: 'Writes commit in one PostgreSQL transaction on the primary, and reads that must see them go to the primary rather than replicas or caches.',
    operations: 'Transaction length and lock contention on hot rows are watched; the flow succeeds or fails as a whole.',
  },
  eventual: {
    cost: 'Work leaves the request path and readers may see a bounded lag (replica, cache or queue), so replicas and caches absorb reads.',
    operations: 'Idempotent handlers, retries, dead letters and lag alerts; the UI shows pending states until the work completes, and compensating steps undo partial work.',
  },
};

const synchronousKinds = new Set<NormalizedFlow['kind']>(['request', 'realtime']);

/** Deployables the flow's written entities live in. */
function writeDeployables(spec: NormalizedSpec, flow: NormalizedFlow, units: ReadonlyMap<string, string>): string[] {
  const moduleOf = entityModuleIndex(spec);
  return [...new Set(flow.writes.flatMap((w) => {
    const module = moduleOf.get(w);
    const unit = module === undefined ? undefined : units.get(module);
    return unit === undefined ? [] : [unit];
  }))].sort(compareNames);
}

/** Entities the flow writes that hold money or card data. */
function moneyWrites(spec: NormalizedSpec, flow: NormalizedFlow): string[] {
  return flow.writes.filter((w) => findBy(spec.entities, 'name', w)?.fields.some((f) => f.type === 'money' || f.sensitivity === 'pci') === true);
}

export function consistencyRule(
  kind: NormalizedFlow['kind'], writes: number, spansServices: boolean, stated: 'strong' | 'eventual' | undefined,
): { choice: 'strong' | 'eventual'; rule: string } {
  if (stated !== undefined) return { choice: stated, rule: consistencyRules.stated };
  if (spansServices) return { choice: 'eventual', rule: consistencyRules.crossServiceWrites };
  if (!synchronousKinds.has(kind)) return { choice: 'eventual', rule: consistencyRules.asyncKind };
  return writes > 0 ? { choice: 'strong', rule: consistencyRules.requestWrites } : { choice: 'eventual', rule: consistencyRules.readOnly };
}

function decideFlow(ctx: PassContext, model: ArchitectureModel, flow: NormalizedFlow, units: ReadonlyMap<string, string>): ArchitectureModel {
  const spec = ctx.spec;
  const id = `consistency.${flow.name}`;
  const services = writeDeployables(spec, flow, units);
  const spans = services.length > 1;
  const { choice, rule } = consistencyRule(flow.kind, flow.writes.length, spans, flow.consistency);
  const writes = listProse(flow.writes);
  // Only the applied rule's reason is written out.
  const why = (): string => {
    switch (rule) {
      case consistencyRules.crossServiceWrites:
        return `its writes (${writes}) span separately deployed services (${listProse(services)}): each service commits locally and a saga with compensating steps completes the flow, since no transaction spans databases`;
      case consistencyRules.stated:
        return `the flow states consistency: ${flow.consistency}${choice === 'eventual' ? ', so readers accept a bounded lag'
          : spans ? `, although its writes (${writes}) span services ${listProse(services)}: they need a synchronous cross-service commit (or the writes moved into one service)`
            : flow.writes.length > 0 ? `, and its writes (${writes}) commit in one PostgreSQL transaction` : ', so its reads go to the primary'}`;
      case consistencyRules.asyncKind:
        return `the flow is a ${flow.kind} flow: it runs outside any caller's request, so its effects become visible when the job completes`;
      case consistencyRules.requestWrites:
        return `the ${flow.kind} flow writes ${writes} and its caller acts on the result: one PostgreSQL transaction commits the writes before the response`;
      default:
        return `the ${flow.kind} flow writes nothing: its reads may come from a replica or cache with a bounded lag`;
    }
  };
  const rationale = `Use ${choice} consistency for ${flow.name} because ${why()}.`;
  const other = choice === 'strong' ? 'eventual' : 'strong';
  const rejectedReason = other === 'strong'
    ? flow.consistency === 'eventual'
      ? 'The flow states eventual consistency.'
      : spans
        ? `Strong consistency across ${listProse(services)} needs a distributed transaction that separately deployed services do not share.`
        : flow.writes.length === 0 && synchronousKinds.has(flow.kind)
          ? 'The flow writes nothing, so pinning its reads to the primary would only remove replica and cache capacity.'
          : `A ${flow.kind} flow has no waiting caller to hold a transaction open for.`
    : flow.consistency === 'strong'
      ? 'The flow states strong consistency.'
      : `The caller acts on the result of writing ${writes}; a lag would let it act on state that is not committed.`;
  let next = decide(ctx, model, {
    id, choice, rule, rationale,
    rejected: { [other]: rejectedReason },
    uses: [`flows.${flow.name}.kind`, ...(flow.writes.length > 0 ? [`flows.${flow.name}.writes`] : []), ...(flow.consistency ? [`flows.${flow.name}.consistency`] : [])],
    tippingPoint: null, consequences,
    contradicts: spans ? { strong: `writes of ${flow.name} span services ${listProse(services)}` } : {},
  });
  const final = choiceOf(next, id);
  if (final === 'strong' && flow.consistency === 'strong' && spans) {
    next = withChallenge(next, 'ARC0415', { flow: flow.name, entities: writes, services: listProse(services) }, `flows.${flow.name}.consistency`);
  }
  if (flow.consistency === undefined && flow.writes.length > 0) {
    next = withChallenge(next, 'ARC0402', { flow: flow.name, entities: writes, assumed: final ?? choice }, `flows.${flow.name}`);
  }
  const money = moneyWrites(spec, flow);
  if (final === 'eventual' && flow.consistency === 'eventual' && flow.kind === 'request' && money.length > 0) {
    next = withChallenge(next, 'ARC0413', { flow: flow.name, what: listProse(money) }, `flows.${flow.name}.consistency`);
  }
  return next;
}

function decideConsistency(ctx: PassContext, model: ArchitectureModel): ArchitectureModel {
  const spec = ctx.spec;
  const units = modelDeployables(spec, choiceOf(model, 'shape'), requiredNumber(spec, model, 'team.teams'));
  return spec.flows.reduce((m, flow) => decideFlow(ctx, m, flow, units), model);
}

export const consistencyPass = definePass({
  id: 'consistency',
  title: 'Decide consistency per flow',
  run: decideConsistency,
});
