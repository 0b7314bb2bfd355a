// Internal communication: in-process inside one deployable; across services events, gRPC or REST.
import type { ArchitectureModel } from '../model/types.js';
import type { NormalizedFlow, NormalizedSpec } from '../spec/normalized.js';
import { compareNames } from '../spec/normalize.js';
import { definePass, type PassContext } from './pass.js';
import { choiceOf, decide, listProse, type Consequences } from './decision.js';
import { deployableCount, modelDeployables } from './boundaries.js';
import { requiredNumber } from './projection.js';
import { entityModuleIndex } from './derived/flow-ownership.js';

export const internalCommRules = {
  singleDeployable: 'internal-comm/single-deployable',
  eventsAcrossServices: 'internal-comm/events-across-services',
  grpcStyle: 'internal-comm/grpc-style',
  restDefault: 'internal-comm/rest-default',
} as const;

const consequences: Record<string, Consequences> = {
  'in-process': {
    cost: 'No network hop or serialization between modules.',
    operations: 'Module interfaces are function calls checked by the compiler; an import rule keeps modules out of each other\'s tables and internals.',
  },
  rest: {
    cost: 'One network hop and JSON serialization per cross-service call.',
    operations: 'Timeouts, bounded retries with backoff and circuit breakers per call, service-to-service authentication, and versioned internal endpoints.',
  },
  grpc: {
    cost: 'Binary protobuf over HTTP/2: less CPU and bandwidth per call than JSON.',
    operations: 'Protobuf contracts with compatibility rules, deadlines propagated per call, HTTP/2-aware load balancing and mutual TLS between services.',
  },
  events: {
    cost: 'Cross-service reactions ride the messaging infrastructure; the reacting services are not on the caller\'s request path.',
    operations: 'An outbox per producer, idempotent consumers, dead letters and lag alerts; remaining synchronous calls still need timeouts and retries.',
  },
};

/** The module(s) a flow starts in: owners of what it writes, else of what it touches, else its actor module. */
function producerModules(spec: NormalizedSpec, flow: NormalizedFlow): string[] {
  const moduleOf = entityModuleIndex(spec);
  const fromWrites = flow.writes.flatMap((w) => (moduleOf.has(w) ? [moduleOf.get(w)!] : []));
  if (fromWrites.length > 0) return [...new Set(fromWrites)];
  const fromTouches = flow.touches.flatMap((t) => (moduleOf.has(t) ? [moduleOf.get(t)!] : []));
  if (fromTouches.length > 0) return [...new Set(fromTouches)];
  return flow.actor !== undefined && spec.modules.some((m) => m.name === flow.actor) ? [flow.actor] : [];
}

/** Flows with consumers whose consumers sit in another deployable than the producer. */
export function crossServiceEventFlows(spec: NormalizedSpec, units: ReadonlyMap<string, string>): string[] {
  return spec.flows.filter((flow) => {
    if (flow.consumers.length === 0) return false;
    const producers = new Set(producerModules(spec, flow).map((m) => units.get(m)));
    const consumers = new Set(flow.consumers.map((m) => units.get(m)));
    if (producers.size === 0) return consumers.size > 1;
    return [...consumers].some((c) => !producers.has(c));
  }).map((f) => f.name);
}

function decideInternalComm(ctx: PassContext, model: ArchitectureModel): ArchitectureModel {
  const spec = ctx.spec;
  const shape = choiceOf(model, 'shape') ?? 'modular-monolith';
  const units = modelDeployables(spec, shape, requiredNumber(spec, model, 'team.teams'));
  const count = deployableCount(units);
  const services = [...new Set(units.values())].sort(compareNames);
  if (count < 2) {
    const why = shape === 'serverless'
      ? 'the shape is serverless: modules are libraries bundled into the functions, so a cross-module call is a function call inside one invocation, and asynchronous hand-offs go through the messaging decision'
      : `every module runs in one deployable (shape ${shape})`;
    return decide(ctx, model, {
      id: 'internal-comm', choice: 'in-process', rule: internalCommRules.singleDeployable,
      rationale: `Call between modules in-process because ${why}: no network hop, serialization or partial failure between modules, and one transaction can span them.`,
      rejected: {
        rest: 'All modules share one deployable: HTTP between them would add latency and failure modes with no boundary to cross.',
        grpc: 'All modules share one deployable: a protobuf contract between them would guard no network boundary.',
        events: 'All modules share one deployable: asynchronous reactions use the messaging decision; events are not needed as the inter-module transport.',
      },
      uses: ['modules'], tippingPoint: null, consequences,
      contradicts: { rest: 'all modules share one deployable', grpc: 'all modules share one deployable', events: 'all modules share one deployable' },
    });
  }
  const crossing = crossServiceEventFlows(spec, units);
  const grpcPreferred = spec.api.style === 'grpc';
  const choice = crossing.length > 0 ? 'events' : grpcPreferred ? 'grpc' : 'rest';
  const rule = crossing.length > 0 ? internalCommRules.eventsAcrossServices : grpcPreferred ? internalCommRules.grpcStyle : internalCommRules.restDefault;
  const deployed = `the shape (${shape}) deploys ${count} units (${listProse(services)})`;
  const rationale = choice === 'events'
    ? `Connect services with events because ${deployed} and flow${crossing.length === 1 ? '' : 's'} ${listProse(crossing)} ha${crossing.length === 1 ? 's' : 've'} consumers in another service: the producer commits and publishes through an outbox, and consumers react without sitting on its request path. Queries that need an answer stay synchronous ${grpcPreferred ? 'gRPC' : 'REST'} calls with timeouts.`
    : choice === 'grpc'
      ? `Call across services with gRPC because ${deployed}, no flow with consumers crosses them, and api.style is grpc: one protobuf toolchain serves internal and external contracts.`
      : `Call across services with REST because ${deployed}, no flow with consumers crosses them, and no gRPC preference is stated: plain HTTP with JSON needs no extra toolchain.`;
  const crossingProse = `Flow${crossing.length === 1 ? '' : 's'} ${listProse(crossing)} notif${crossing.length === 1 ? 'ies' : 'y'}`;
  const rejected: Record<string, string> = {
    'in-process': `${deployed}: separately deployed modules cannot call each other in-process.`,
    rest: crossing.length > 0
      ? `${crossingProse} consumers in other services; synchronous calls would couple their availability to the producer's request.`
      : 'api.style is grpc, so gRPC reuses one contract toolchain.',
    grpc: crossing.length > 0
      ? `${crossingProse} consumers in other services; synchronous calls would couple their availability to the producer's request.`
      : 'No gRPC preference is stated: REST needs no protobuf toolchain.',
    events: 'No flow with consumers crosses a service boundary, so there is no reaction to publish between services.',
  };
  return decide(ctx, model, {
    id: 'internal-comm', choice, rule, rationale,
    rejected: Object.fromEntries(Object.entries(rejected).filter(([c]) => c !== choice)),
    uses: ['modules', ...crossing.map((f) => `flows.${f}.consumers`), ...(spec.api.style ? ['api.style'] : [])],
    tippingPoint: null, consequences,
    contradicts: { 'in-process': `modules ${listProse(services)} deploy separately` },
  });
}

export const internalCommPass = definePass({
  id: 'internal-comm',
  title: 'Choose internal communication',
  run: decideInternalComm,
});
