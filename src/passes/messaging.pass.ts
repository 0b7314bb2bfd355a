// Messaging: a queue for asynchronous work, an event log only for fan-out, replay or high-rate ordered streams.
import type { ArchitectureModel } from '../model/types.js';
import type { NormalizedFlow, NormalizedSpec } from '../spec/normalized.js';
import { compareNames } from '../spec/normalize.js';
import { definePass, type PassContext } from './pass.js';
import { briefList, decide, findTippingPoint, formatNumber, listProse, smallestAtLeast, type Consequences } from './decision.js';
import { projectRate, requiredNumber } from './projection.js';
import { thresholds } from './thresholds.js';

export const messagingRules = {
  synchronousOnly: 'messaging/synchronous-only',
  queue: 'messaging/queue-async-work',
  fanOut: 'messaging/event-log-fan-out',
  replay: 'messaging/event-log-replay',
  orderedRate: 'messaging/event-log-ordered-rate',
} as const;

const consequences: Record<string, Consequences> = {
  none: {
    cost: 'No broker to run.',
    operations: 'All work runs inside the request: a slow or failing downstream step fails or slows the request itself.',
  },
  queue: {
    cost: 'A managed queue billed per message; workers scale with queue depth instead of peak traffic.',
    operations: 'An outbox table makes enqueueing atomic with the write; handlers are idempotent, retries back off into a dead-letter queue, and queue age is alerted on.',
  },
  'event-log': {
    cost: 'A partitioned log (managed or a three-broker cluster) priced by throughput and retained bytes.',
    operations: 'Partition keys, consumer-group lag, retention and event schema compatibility become daily work; every consumer must be idempotent and safe to replay.',
  },
};

const asyncKinds = new Set<NormalizedFlow['kind']>(['background', 'scheduled', 'batch', 'ingest']);

interface MessagingFacts {
  asyncFlows: string[];
  consumerFlows: string[];
  nonCriticalCalls: string[];
  fanOutFlows: string[];
  replayFlows: string[];
  /** Ordered flows with their projected rate at the horizon. */
  ordered: Array<{ flow: string; rateAtHorizon: number }>;
}

export function messagingRule(f: MessagingFacts): { choice: string; rule: string } {
  if (f.fanOutFlows.length > 0) return { choice: 'event-log', rule: messagingRules.fanOut };
  if (f.replayFlows.length > 0) return { choice: 'event-log', rule: messagingRules.replay };
  if (f.ordered.some((o) => o.rateAtHorizon >= thresholds.orderedEventLogRate)) return { choice: 'event-log', rule: messagingRules.orderedRate };
  if (f.asyncFlows.length + f.consumerFlows.length + f.nonCriticalCalls.length + f.ordered.length > 0) {
    return { choice: 'queue', rule: messagingRules.queue };
  }
  return { choice: 'none', rule: messagingRules.synchronousOnly };
}

function nonCriticalCalls(spec: NormalizedSpec): string[] {
  const critical = new Map(spec.integrations.map((i) => [i.name, i.critical]));
  return [...new Set(spec.flows.flatMap((f) => f.calls.filter((c) => critical.get(c) === false).map((c) => `${f.name} → ${c}`)))];
}

function decideMessaging(ctx: PassContext, model: ArchitectureModel): ArchitectureModel {
  const spec = ctx.spec;
  const growth = model.capacity.growthPerYear;
  const horizon = model.capacity.horizonYears;
  const rateOf = (flow: string): number => requiredNumber(spec, model, `flows.${flow}.rate_per_sec`);
  const facts: MessagingFacts = {
    asyncFlows: spec.flows.filter((f) => asyncKinds.has(f.kind)).map((f) => f.name),
    consumerFlows: spec.flows.filter((f) => f.consumers.length > 0).map((f) => f.name),
    nonCriticalCalls: nonCriticalCalls(spec),
    fanOutFlows: spec.flows.filter((f) => f.consumers.length >= thresholds.eventLogConsumers).map((f) => f.name),
    replayFlows: spec.flows.filter((f) => f.replay).map((f) => f.name),
    ordered: spec.flows.filter((f) => f.ordered).map((f) => ({ flow: f.name, rateAtHorizon: projectRate(rateOf(f.name), growth, horizon) })),
  };
  const { choice, rule } = messagingRule(facts);

  // The tipping input: the rate of the ordered flow closest to (or furthest past) the ordered threshold.
  const busiest = [...facts.ordered].sort((a, b) => b.rateAtHorizon - a.rateAtHorizon)[0];
  const tippingPoint = busiest === undefined ? null : findTippingPoint({
    input: `flows.${busiest.flow}.rate_per_sec`, value: rateOf(busiest.flow), integer: false, min: Number.MIN_VALUE,
    breakpoints: [smallestAtLeast((r) => projectRate(r, growth, horizon), thresholds.orderedEventLogRate, Number.MIN_VALUE, false)],
    decideAt: (r) => messagingRule({
      ...facts,
      ordered: facts.ordered.map((o) => (o.flow === busiest.flow ? { flow: o.flow, rateAtHorizon: projectRate(r, growth, horizon) } : o)),
    }).choice,
  });

  const queueDrivers = [
    ...(facts.asyncFlows.length > 0 ? [`${briefList(facts.asyncFlows)} run${facts.asyncFlows.length === 1 ? 's' : ''} outside a request (background, scheduled, batch or ingest)`] : []),
    ...(facts.consumerFlows.length > 0 ? [`${briefList(facts.consumerFlows)} notif${facts.consumerFlows.length === 1 ? 'ies' : 'y'} consumers`] : []),
    ...(facts.nonCriticalCalls.length > 0 ? [`calls to non-critical integrations (${briefList(facts.nonCriticalCalls)}) can be retried off the request path`] : []),
    ...(facts.ordered.length > 0 ? [`ordered flow(s) ${listProse(facts.ordered.map((o) => o.flow))} need per-key FIFO delivery`] : []),
  ];
  const orderedProse = facts.ordered.map((o) => `${o.flow} ${formatNumber(o.rateAtHorizon)}/s`);
  const orderedLimit = `${formatNumber(thresholds.orderedEventLogRate)} messages/s`;
  const logDrivers = [
    ...(facts.fanOutFlows.length > 0 ? [`${briefList(facts.fanOutFlows)} fan${facts.fanOutFlows.length === 1 ? 's' : ''} out to ${thresholds.eventLogConsumers} or more consumers`] : []),
    ...(facts.replayFlows.length > 0 ? [`consumers of ${listProse(facts.replayFlows)} must re-read history (replay)`] : []),
    ...facts.ordered.filter((o) => o.rateAtHorizon >= thresholds.orderedEventLogRate)
      .map((o) => `ordered flow ${o.flow} reaches ${formatNumber(o.rateAtHorizon)} messages/s at year ${horizon} (at least ${orderedLimit})`),
  ];
  let rationale: string;
  if (choice === 'event-log') {
    rationale = `Publish events to a partitioned event log because ${listProse(logDrivers)}: each consumer group reads at its own pace from a retained, per-key ordered log, which also carries the queue work.`;
  } else if (choice === 'queue') {
    rationale = `Use a queue for workload smoothing and background processing because ${listProse(queueDrivers)}; no flow needs fan-out to ${thresholds.eventLogConsumers}+ consumers, replay${facts.ordered.length > 0 ? ` or ordered delivery above ${orderedLimit} (${listProse(orderedProse)} at year ${horizon})` : ' or high-rate ordering'}, so an event log is not justified.`;
  } else {
    rationale = 'Run without a broker because every flow is a request, realtime stream or call to a critical integration that must finish in the request, and no flow has consumers: a queue would have nothing to carry.';
  }
  const asyncWork = [...new Set([...facts.fanOutFlows, ...facts.replayFlows, ...facts.asyncFlows, ...facts.consumerFlows, ...facts.ordered.map((o) => o.flow), ...facts.nonCriticalCalls.map((c) => c.split(' → ')[0]!)])].sort(compareNames);
  const rejected: Record<string, string> = {
    none: `Without a broker the asynchronous work of ${briefList(asyncWork)} would run inside requests: slow or failing steps would fail the caller and peaks could not be smoothed.`,
    queue: choice === 'event-log'
      ? `A queue deletes messages once delivered and hands each to one consumer: ${listProse(logDrivers)}.`
      : 'No flow runs asynchronously, has consumers, is ordered or calls a non-critical integration: a queue would carry nothing.',
    'event-log': `No flow fans out to ${thresholds.eventLogConsumers}+ consumers, needs replay or is ordered above ${orderedLimit}: a log's partitions, retention and consumer-lag operations would be paid without a driver.`,
  };
  const uses = spec.flows.flatMap((f) => [
    ...(asyncKinds.has(f.kind) ? [`flows.${f.name}.kind`] : []),
    ...(f.consumers.length > 0 ? [`flows.${f.name}.consumers`] : []),
    ...(f.replay ? [`flows.${f.name}.replay`] : []),
    ...(f.ordered ? [`flows.${f.name}.ordered`, `flows.${f.name}.rate_per_sec`] : []),
    ...f.calls.filter((c) => spec.integrations.some((i) => i.name === c && !i.critical)).map((c) => `integrations.${c}.critical`),
  ]);
  if (facts.ordered.length > 0) uses.push('traffic.growth_per_year', 'traffic.horizon_years');
  if (uses.length === 0) uses.push('flows', 'integrations');
  const hasQueueWork = queueDrivers.length > 0;
  return decide(ctx, model, {
    id: 'messaging', choice, rule, rationale,
    rejected: Object.fromEntries(Object.entries(rejected).filter(([c]) => c !== choice)),
    uses: [...new Set(uses)], tippingPoint, consequences,
    contradicts: {
      ...(hasQueueWork || logDrivers.length > 0 ? { none: `${listProse([...logDrivers, ...queueDrivers])}` } : {}),
      ...(logDrivers.length > 0 ? { queue: listProse(logDrivers) } : {}),
    },
  });
}

export const messagingPass = definePass({
  id: 'messaging',
  title: 'Choose queues or an event log',
  run: decideMessaging,
});
