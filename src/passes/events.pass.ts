// Async workflows (rulebook step 5): one event per flow that hands off work, with producer, consumers, channel,
// delivery guarantee, idempotency and ordering keys, retry and dead-letter handling.
import type { ArchitectureModel, EventModel } from '../model/types.js';
import { eventName } from '../model/naming.js';
import { compareNames } from '../spec/normalize.js';
import type { NormalizedEntity, NormalizedFlow, NormalizedSpec } from '../spec/normalized.js';
import { choiceOr } from './derived/decision-lookup.js';
import { flowOwner } from './derived/flow-ownership.js';
import { EVENT_RETRY } from './derived/retry-policy.js';
import { definePass } from './pass.js';
import { findBy } from '../model/find-by.js';

const ASYNC_KINDS = new Set<NormalizedFlow['kind']>(['background', 'batch', 'scheduled', 'ingest']);

/**
 * Non-critical integrations whose calls a writing flow hands off instead of awaiting (notifications after a booking).
 * A read-only flow's calls are its answer: it calls them inline with a short timeout and omits their part on failure.
 */
export function deferrableCalls(spec: NormalizedSpec, flow: NormalizedFlow): string[] {
  if (flow.writes.length === 0) return [];
  return flow.calls.filter((name) => findBy(spec.integrations, 'name', name)?.critical === false);
}

/** A flow hands off work when other modules react to it, it is asynchronous by kind, or it defers integration calls. */
export function handsOffWork(spec: NormalizedSpec, flow: NormalizedFlow): boolean {
  return flow.consumers.length > 0 || ASYNC_KINDS.has(flow.kind) || deferrableCalls(spec, flow).length > 0;
}

/** The messaging choice the catalogue rule would make, for models where the messaging pass has not run. */
export function fallbackMessaging(spec: NormalizedSpec): string {
  if (spec.flows.some((f) => f.consumers.length >= 2 || f.replay)) return 'event-log';
  return spec.flows.some((f) => handsOffWork(spec, f)) ? 'queue' : 'none';
}

/** `<Entity>.<key field>` of the first written entity (then touched), or null; the assumed `id` when it has no key. */
function entityKeyOf(spec: NormalizedSpec, names: readonly string[]): string | null {
  const entity = names.map((name) => findBy(spec.entities, 'name', name)).find((e): e is NormalizedEntity => e !== undefined);
  if (entity === undefined) return null;
  return `${entity.name}.${entity.fields.find((f) => f.key)?.name ?? 'id'}`;
}

function idempotencyKeyOf(spec: NormalizedSpec, flow: NormalizedFlow): string {
  const written = entityKeyOf(spec, flow.writes);
  if (written !== null) return `${flow.name}:${written}`;
  if (flow.kind === 'scheduled') return `${flow.name}:scheduled-run-time`;
  return `${flow.name}:message-id`;
}

function orderingKeyOf(spec: NormalizedSpec, flow: NormalizedFlow): string | null {
  if (!flow.ordered) return null;
  return entityKeyOf(spec, flow.writes) ?? entityKeyOf(spec, flow.touches);
}

function consumersOf(spec: NormalizedSpec, flow: NormalizedFlow, producer: string): string[] {
  if (flow.consumers.length === 0) return [producer];
  const deferredByProducer = !ASYNC_KINDS.has(flow.kind) && deferrableCalls(spec, flow).length > 0;
  return [...new Set([...flow.consumers, ...(deferredByProducer ? [producer] : [])])].sort(compareNames);
}

export function buildEvents(spec: NormalizedSpec, messaging: string): EventModel[] {
  if (messaging === 'none') return [];
  const channel: EventModel['channel'] = messaging === 'event-log' ? 'event-log' : 'queue';
  return spec.flows
    .filter((flow) => handsOffWork(spec, flow))
    .map((flow): EventModel => {
      const name = eventName(flow.name, flow.consumers.length > 0);
      const producer = flowOwner(spec, flow);
      return {
        name,
        flow: flow.name,
        producer,
        consumers: consumersOf(spec, flow, producer),
        channel,
        delivery: 'at-least-once',
        idempotencyKey: idempotencyKeyOf(spec, flow),
        orderingKey: orderingKeyOf(spec, flow),
        retry: { ...EVENT_RETRY },
        deadLetter: `${name}.dlq`,
        replayable: channel === 'event-log',
      };
    })
    .sort((a, b) => compareNames(a.name, b.name));
}

/** Adds each event to its producer module's public interface. */
function withPublishedEvents(model: ArchitectureModel, events: readonly EventModel[]): ArchitectureModel['modules'] {
  // Grouped by producer once (in event order), not filtered per module.
  const publishedBy = new Map<string, string[]>();
  for (const event of events) {
    const published = publishedBy.get(event.producer);
    if (published) published.push(`${event.name} (event)`);
    else publishedBy.set(event.producer, [`${event.name} (event)`]);
  }
  return model.modules.map((module) => {
    const published = publishedBy.get(module.name) ?? [];
    if (published.length === 0) return module;
    return { ...module, interfaces: [...new Set([...module.interfaces, ...published])].sort(compareNames) };
  });
}

export const eventsPass = definePass({
  id: 'events',
  title: 'Events and async workflows',
  run: (ctx, model): ArchitectureModel => {
    const events = buildEvents(ctx.spec, choiceOr(model, 'messaging', fallbackMessaging(ctx.spec)));
    return { ...model, events, modules: withPublishedEvents(model, events) };
  },
});
