// flow-<name>.mmd: one sequence diagram per flow. A synchronous flow is request/response (`->>` / `-->>`);
// an asynchronous one hands off to the queue or event log (`-)`), consumers pick the event up (`par` for
// several), and failed deliveries retry with backoff (`loop`) before the dead-letter queue. Realtime flows
// go through the gateway. The consistency of the flow is noted on the write.
import type { ArchitectureModel, EventModel, FlowModel } from '../../src/model/types.js';
import { escapeText, multiline } from './escape.js';
import { formatChartNumber } from './chart-numbers.js';
import { choice, deployableOfModule, deployablesOf, flowOwner, moduleOfEntity, uniqueSorted } from './topology.js';

interface Participant {
  id: string;
  /** `actor` draws a person. */
  kind: 'actor' | 'participant';
  lines: string[];
}

class Diagram {
  readonly participants: Participant[] = [];
  readonly body: string[] = [];
  private depth = 1;

  add(kind: Participant['kind'], lines: string[]): string {
    const id = `p${this.participants.length + 1}`;
    this.participants.push({ id, kind, lines });
    return id;
  }

  message(from: string, arrow: '->>' | '-->>' | '-)', to: string, text: string): void {
    this.line(`${from}${arrow}${to}: ${escapeText(text)}`);
  }

  note(over: string[], text: string): void {
    this.line(`Note over ${over.join(',')}: ${escapeText(text)}`);
  }

  open(keyword: 'par' | 'and' | 'opt' | 'loop', text: string): void {
    if (keyword === 'and') this.depth -= 1;
    this.line(`${keyword} ${escapeText(text)}`);
    this.depth += 1;
  }

  close(): void {
    this.depth -= 1;
    this.line('end');
  }

  render(title: string): string {
    const header = ['sequenceDiagram', `  title ${escapeText(title)}`];
    const declared = this.participants.map((p) => `  ${p.kind} ${p.id} as ${multiline(p.lines)}`);
    return `${[...header, ...declared, ...this.body].join('\n')}\n`;
  }

  private line(text: string): void {
    this.body.push(`${'  '.repeat(this.depth)}${text}`);
  }
}

function triggerLines(flow: FlowModel): string[] {
  if (flow.kind === 'scheduled') return flow.schedule !== null ? ['Scheduler', `cron ${flow.schedule}`] : ['Scheduler'];
  if (flow.kind === 'batch') return ['Batch trigger'];
  if (flow.kind === 'ingest') return ['Ingest source'];
  if (flow.kind === 'background') return ['Job trigger'];
  return ['Client'];
}

function eventOf(model: ArchitectureModel, flow: FlowModel): EventModel | null {
  return model.events.find((e) => e.flow === flow.name) ?? model.events.find((e) => e.name === flow.event) ?? null;
}

function consistencyOf(model: ArchitectureModel, flow: FlowModel): string {
  return choice(model, `consistency.${flow.name}`, flow.consistency);
}

function storeWork(flow: FlowModel): string {
  const writes = uniqueSorted(flow.writes);
  const reads = uniqueSorted(flow.touches.filter((t) => !flow.writes.includes(t)));
  const parts = [...(reads.length > 0 ? [`read ${reads.join(', ')}`] : []), ...(writes.length > 0 ? [`write ${writes.join(', ')}`] : [])];
  return parts.join(', then ');
}

function formatMs(ms: number): string {
  return ms >= 1000 ? `${formatChartNumber(ms / 1000)} s` : `${ms} ms`;
}

interface Cast {
  initiator: string | null;
  owner: string | null;
  modules: Map<string, string>;
  gateway: string | null;
  store: string | null;
  queue: string | null;
  deadLetter: string | null;
  integrations: Map<string, string>;
}

/** Who starts the flow: a person (role or unknown actor), an external system, or a trigger; null for a module actor. */
function addInitiator(flow: FlowModel, diagram: Diagram): string | null {
  if (flow.actor !== null && (flow.actorKind === 'role' || flow.actorKind === 'unknown')) return diagram.add('actor', [flow.actor]);
  if (flow.actor !== null && flow.actorKind === 'integration') return diagram.add('participant', [flow.actor, 'external system']);
  if (flow.actor !== null && flow.actorKind === 'module') return null;
  return diagram.add(flow.kind === 'request' || flow.kind === 'realtime' ? 'actor' : 'participant', triggerLines(flow));
}

/** Declares the participants in reading order: initiator, gateway, owner and modules, store, integrations, queue, consumers. */
function castOf(model: ArchitectureModel, flow: FlowModel, diagram: Diagram, event: EventModel | null): Cast {
  const owner = flowOwner(model, flow);
  const cast: Cast = {
    initiator: addInitiator(flow, diagram), owner, modules: new Map(), gateway: null, store: null, queue: null, deadLetter: null,
    integrations: new Map(),
  };
  if (flow.kind === 'realtime') {
    const realtime = choice(model, 'realtime', 'none');
    cast.gateway = diagram.add('participant', ['Realtime gateway', realtime === 'none' ? 'websocket or SSE' : realtime]);
  }
  const others = uniqueSorted(flow.modules).filter((m) => m !== owner);
  for (const module of [...(owner !== null ? [owner] : []), ...others]) {
    cast.modules.set(module, diagram.add('participant', [module, 'module']));
  }
  const store = choice(model, 'primary-store', model.tables.length > 0 ? 'postgresql' : 'none');
  if (store !== 'none' && flow.touches.length > 0) cast.store = diagram.add('participant', [store === 'postgresql' ? 'PostgreSQL' : store]);
  for (const name of uniqueSorted(flow.calls)) cast.integrations.set(name, diagram.add('participant', [name, 'integration']));
  if (event === null && flow.synchronous) return cast;
  const messaging = choice(model, 'messaging', 'none');
  const channel = event?.channel ?? (messaging === 'none' ? 'queue' : messaging);
  cast.queue = diagram.add('participant', [channel === 'event-log' ? 'Event log' : 'Queue', `messaging: ${channel}`]);
  for (const consumer of uniqueSorted(event?.consumers ?? [])) {
    if (!cast.modules.has(consumer)) cast.modules.set(consumer, diagram.add('participant', [consumer, 'module']));
  }
  if (event !== null) cast.deadLetter = diagram.add('participant', ['Dead-letter queue', event.deadLetter]);
  return cast;
}

function budgetText(model: ArchitectureModel, owner: string | null, integration: string): string {
  const budget = model.reliability.budgets.find((b) => b.callee === integration && (owner === null || b.caller === owner))
    ?? model.reliability.budgets.find((b) => b.callee === integration);
  if (!budget) return `call ${integration}`;
  return `call ${integration} (timeout ${formatMs(budget.timeoutMs)}, ${budget.attempts} attempt${budget.attempts === 1 ? '' : 's'})`;
}

/** How the worker reaches another module: in-process inside one deployable, else the internal-comm choice. */
function callText(model: ArchitectureModel, from: string, to: string): string {
  const deployable = deployableOfModule(model);
  if (deployable.get(from) === deployable.get(to)) return 'in-process call';
  const comm = choice(model, 'internal-comm', 'in-process');
  return comm === 'events' || comm === 'in-process' ? 'API call' : `${comm} call`;
}

function storeMessages(model: ArchitectureModel, flow: FlowModel, diagram: Diagram, store: string, caller: string, entities: FlowModel): void {
  const work = storeWork(entities);
  if (work === '') return;
  const writes = entities.writes.length > 0;
  const strong = consistencyOf(model, flow) === 'strong';
  diagram.message(caller, '->>', store, strong && writes ? `one transaction: ${work}` : work);
  diagram.message(store, '-->>', caller, writes ? 'committed' : 'rows');
}

/** The flow restricted to the entities of some modules (what one deployable reads and writes itself). */
function slice(model: ArchitectureModel, flow: FlowModel, modules: ReadonlySet<string>): FlowModel {
  const owned = (entity: string): boolean => modules.has(moduleOfEntity(model, entity) ?? '');
  return { ...flow, touches: flow.touches.filter(owned), writes: flow.writes.filter(owned) };
}

/**
 * The worker's part of the flow. Modules in the worker's deployable share its transaction (in-process calls);
 * a module deployed elsewhere is called and does its own store work on its own schema.
 */
function ownerWork(model: ArchitectureModel, flow: FlowModel, cast: Cast, diagram: Diagram, worker: string): void {
  const workerModule = [...cast.modules].find(([, id]) => id === worker)?.[0] ?? null;
  const deployables = deployablesOf(model);
  const home = deployables.find((d) => d.modules.some((m) => m.name === workerModule));
  const local = new Set(home ? home.modules.map((m) => m.name) : workerModule !== null ? [workerModule] : []);
  for (const [module, id] of cast.modules) {
    if (id === worker || !flow.modules.includes(module)) continue;
    const part = slice(model, flow, new Set([module]));
    const what = uniqueSorted(part.touches).join(', ') || flow.name;
    diagram.message(worker, '->>', id, `${workerModule !== null ? callText(model, workerModule, module) : 'call'}: ${what}`);
    if (!local.has(module) && cast.store !== null) storeMessages(model, flow, diagram, cast.store, id, part);
    diagram.message(id, '-->>', worker, 'result');
  }
  if (cast.store !== null) {
    const mine = local.size > 0 ? slice(model, flow, local) : flow;
    storeMessages(model, flow, diagram, cast.store, worker, mine);
    const remoteWrites = flow.writes.some((entity) => !local.has(moduleOfEntity(model, entity) ?? ''));
    const scope = remoteWrites && local.size > 0 ? ', each deployable commits its own transaction' : '';
    diagram.note([worker, cast.store], `consistency ${consistencyOf(model, flow)}${scope}`);
  }
  for (const [integration, id] of cast.integrations) {
    diagram.message(worker, '->>', id, budgetText(model, cast.owner, integration));
    diagram.message(id, '-->>', worker, 'response');
  }
}

/** The event's fan-out: each consumer in a `par` branch, then redelivery with backoff and the dead-letter queue. */
function deliveries(model: ArchitectureModel, flow: FlowModel, cast: Cast, diagram: Diagram, event: EventModel): void {
  const queue = cast.queue!;
  const consumers = uniqueSorted(event.consumers).filter((c) => cast.modules.has(c));
  if (consumers.length === 0) return;
  const label = `deliver ${event.name} (${event.delivery}, idempotency key ${event.idempotencyKey})`;
  consumers.forEach((consumer, index) => {
    if (consumers.length > 1) diagram.open(index === 0 ? 'par' : 'and', `${consumer} consumes`);
    const id = cast.modules.get(consumer)!;
    diagram.message(queue, '-)', id, label);
    // When the event is the flow's own job, the owner does the flow's work on delivery.
    if (consumer === cast.owner && !flow.synchronous) ownerWork(model, flow, cast, diagram, id);
    diagram.message(id, '-)', queue, 'ack');
  });
  if (consumers.length > 1) diagram.close();
  if (event.orderingKey !== null) diagram.note([queue], `ordered per ${event.orderingKey}`);
  if (event.replayable) diagram.note([queue], 'retained for replay');
  const retry = event.retry;
  diagram.open('opt', 'a consumer fails');
  diagram.open('loop', `redeliver up to ${retry.attempts} attempts, backoff ${formatMs(retry.initialBackoffMs)} x${retry.multiplier} up to ${formatMs(retry.maxBackoffMs)}`);
  diagram.message(queue, '-)', cast.modules.get(consumers[0]!)!, `redeliver ${event.name}`);
  diagram.close();
  diagram.message(queue, '-)', cast.deadLetter!, `park in ${event.deadLetter} after the last attempt`);
  diagram.close();
}

/** The spec's p99 target, only when the spec gave one (no latency figure is invented). */
function latencyNote(flow: FlowModel, diagram: Diagram, start: string, worker: string): void {
  if (flow.latencyP99Ms !== null) diagram.note([start, worker], `p99 target ${flow.latencyP99Ms} ms (from the spec)`);
}

function publish(diagram: Diagram, from: string, queue: string, event: EventModel): void {
  diagram.message(from, '-)', queue, `publish ${event.name}`);
}

function renderRealtime(model: ArchitectureModel, flow: FlowModel, cast: Cast, diagram: Diagram, event: EventModel | null): void {
  const bidirectional = model.spec.flows.find((f) => f.name === flow.name)?.bidirectional ?? false;
  const client = cast.initiator;
  const gateway = cast.gateway!;
  const worker = cast.owner !== null ? cast.modules.get(cast.owner) ?? null : null;
  if (client !== null) diagram.message(client, '->>', gateway, bidirectional ? 'open websocket' : 'subscribe');
  if (worker !== null) diagram.message(gateway, '->>', worker, 'authorize and subscribe');
  diagram.open('loop', 'while connected');
  if (bidirectional && client !== null) diagram.message(client, '-)', gateway, 'send');
  if (worker !== null) {
    if (bidirectional) diagram.message(gateway, '->>', worker, 'handle message');
    ownerWork(model, flow, cast, diagram, worker);
    if (event !== null && cast.queue !== null) publish(diagram, worker, cast.queue, event);
    diagram.message(worker, '-)', gateway, 'publish update');
  }
  if (client !== null) diagram.message(gateway, '-)', client, 'push update');
  diagram.close();
}

/**
 * Request, background, batch, scheduled and ingest flows. Synchronous: the worker does the work and answers.
 * Asynchronous: the request is accepted and queued; a worker picks the job up (unless the flow's event is the
 * job itself, delivered to the owner among its consumers), does the work and publishes the event.
 */
function renderHandOff(model: ArchitectureModel, flow: FlowModel, cast: Cast, diagram: Diagram, event: EventModel | null): void {
  const worker = cast.owner !== null ? cast.modules.get(cast.owner) ?? null : null;
  const start = cast.initiator;
  const api = choice(model, 'external-api', model.api.style);
  const external = flow.actorKind === 'role' || flow.actorKind === 'unknown' || flow.kind === 'request';
  const requestText = external && api !== 'none' ? `${api.toUpperCase()} ${flow.name}` : `start ${flow.name}`;
  if (start !== null && worker !== null) diagram.message(start, '->>', worker, requestText);
  if (flow.synchronous) {
    if (worker !== null) ownerWork(model, flow, cast, diagram, worker);
    if (worker !== null && cast.queue !== null && event !== null) publish(diagram, worker, cast.queue, event);
    if (start !== null && worker !== null) {
      diagram.message(worker, '-->>', start, `response (timeout ${formatMs(flow.timeoutMs)})`);
      latencyNote(flow, diagram, start, worker);
    }
  } else if (cast.queue !== null) {
    const eventIsJob = event !== null && cast.owner !== null && event.consumers.includes(cast.owner);
    const from = worker ?? start;
    if (from !== null) {
      if (eventIsJob) publish(diagram, from, cast.queue, event);
      else diagram.message(from, '-)', cast.queue, `enqueue ${flow.name} job`);
    }
    if (start !== null && worker !== null) {
      diagram.message(worker, '-->>', start, 'accepted');
      latencyNote(flow, diagram, start, worker);
    }
    if (!eventIsJob && worker !== null) {
      diagram.message(cast.queue, '-)', worker, `deliver ${flow.name} job`);
      ownerWork(model, flow, cast, diagram, worker);
      if (event !== null) publish(diagram, worker, cast.queue, event);
      diagram.message(worker, '-)', cast.queue, 'ack');
    }
  }
}

export function renderFlow(model: ArchitectureModel, flow: FlowModel): string {
  const diagram = new Diagram();
  const event = eventOf(model, flow);
  const cast = castOf(model, flow, diagram, event);
  if (flow.kind === 'realtime') renderRealtime(model, flow, cast, diagram, event);
  else renderHandOff(model, flow, cast, diagram, event);
  if (event !== null && cast.queue !== null) deliveries(model, flow, cast, diagram, event);
  const first = diagram.participants[0];
  if (diagram.body.length === 0 && first !== undefined) diagram.note([first.id], flow.description || flow.name);
  const mode = flow.kind === 'realtime' ? 'realtime' : flow.synchronous ? 'synchronous' : 'asynchronous';
  return diagram.render(`${flow.name} · ${flow.kind} flow · ${mode}`);
}
