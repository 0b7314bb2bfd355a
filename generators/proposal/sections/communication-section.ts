// ## API and Communication Design: external style, how modules talk, and each async workflow's delivery contract.
import type { EventModel, FlowModel } from '../../../src/model/types.js';
import type { MarkdownSection } from '../../markdown/document.js';
import { bullets, table } from '../../markdown/blocks.js';
import { code } from '../../markdown/escape.js';
import { codeList, diagramBlock, diagramLink, moreRowsNote, rowsFor, type ProposalContext } from '../context.js';
import { choiceOf, decisionBlocks, findDecision } from '../decision-text.js';
import { numberOr } from '../format.js';
import { formatNumber } from '../../markdown/numbers.js';

function externalApi(ctx: ProposalContext): string[] {
  const { api } = ctx.model;
  const blocks = decisionBlocks(findDecision(ctx.model, 'external-api'), 'external-api', ctx.short);
  if (api.resources.length > 0) {
    const rows = rowsFor(ctx.short, api.resources, 6).map((r) => [
      code(r.entity), code(r.module), r.operations.map((o) => code(`${o.method} ${o.path}`)).join(', '),
    ]);
    blocks.push(`Consumers: ${codeList(api.consumers)}; identity: ${codeList(api.identity)}; every path sits under ${code(api.basePath)}.`);
    blocks.push(table(['Resource', 'Module', 'Operations'], rows), moreRowsNote(ctx.short, api.resources.length, 6));
  }
  const realtime = findDecision(ctx.model, 'realtime');
  if (realtime !== undefined && realtime.choice !== 'none') blocks.push(...decisionBlocks(realtime, 'realtime', ctx.short));
  return blocks;
}

function internalComm(ctx: ProposalContext): string[] {
  const blocks = decisionBlocks(findDecision(ctx.model, 'internal-comm'), 'internal-comm', ctx.short);
  const rows = ctx.model.integrations.map((i) => [
    code(i.name), i.kind, i.direction, i.critical ? 'yes: the calling flow fails without it' : 'no: the flow completes without it', codeList(i.calledBy),
  ]);
  if (rows.length > 0) blocks.push(table(['Integration', 'Kind', 'Direction', 'Critical', 'Called by'], rows));
  return blocks;
}

/** The delivery contract of one event, as the rulebook lists it: producer, consumers, guarantee, idempotency, order, retry, DLQ. */
export function eventRow(e: EventModel): string[] {
  const retry = `${formatNumber(e.retry.attempts)} attempts, backoff ${formatNumber(e.retry.initialBackoffMs)} ms ×${formatNumber(e.retry.multiplier)} up to ${formatNumber(e.retry.maxBackoffMs)} ms`;
  return [
    code(e.name), code(e.producer), codeList(e.consumers), `${e.channel}, ${e.delivery}`,
    code(e.idempotencyKey), e.orderingKey === null ? 'none needed' : `per ${code(e.orderingKey)}`, retry, code(e.deadLetter),
  ];
}

export const EVENT_HEADERS = ['Event', 'Producer', 'Consumers', 'Channel and guarantee', 'Idempotency key', 'Ordering', 'Retry', 'Dead letter'];

function flowRow(f: FlowModel): string[] {
  const rate = f.ratePerSecNow === null ? 'not stated' : `${formatNumber(f.ratePerSecNow)} → ${numberOr(f.ratePerSecAtHorizon, '?')}`;
  return [code(f.name), f.kind, f.synchronous ? 'synchronous' : 'handed off', f.consistency, rate, f.event === null ? 'none' : code(f.event)];
}

function flowLatencyLines(ctx: ProposalContext): string[] {
  return ctx.model.flows.flatMap((f) => (f.latencyP99Ms === null ? [] : [`${code(f.name)}: p99 latency target ${formatNumber(f.latencyP99Ms)} ms (from the spec).`]));
}

function asyncWorkflows(ctx: ProposalContext): string[] {
  const blocks = decisionBlocks(findDecision(ctx.model, 'messaging'), 'messaging', ctx.short);
  const { events, flows } = ctx.model;
  if (events.length > 0) {
    blocks.push('Every consumer is idempotent on the key below: a redelivered message finds its key already processed and is acknowledged without side effects.');
    blocks.push(ctx.short
      ? table(['Event', 'Producer', 'Consumers', 'Channel and guarantee'], events.map((e) => eventRow(e).slice(0, 4)))
      : table(EVENT_HEADERS, events.map(eventRow)));
  } else {
    blocks.push(choiceOf(ctx.model, 'messaging') === 'none' || flows.length === 0
      ? 'No asynchronous workflow: every flow completes inside its request.'
      : 'No event is modelled yet for the flows below.');
  }
  if (flows.length > 0) {
    blocks.push(table(['Flow', 'Kind', 'Path', 'Consistency', 'Rate/s now → horizon', 'Event'], rowsFor(ctx.short, flows, 6).map(flowRow)), moreRowsNote(ctx.short, flows.length, 6));
    const latency = flowLatencyLines(ctx);
    if (latency.length > 0 && !ctx.short) blocks.push(bullets(latency));
  }
  for (const f of ctx.short ? [] : flows) {
    const diagram = diagramBlock(ctx, `flow-${f.name}`);
    if (diagram !== '') blocks.push(`Sequence of ${code(f.name)}:`, diagram);
  }
  if (ctx.short) {
    const links = flows.map((f) => diagramLink(ctx, `flow-${f.name}`)).filter((l) => l !== '');
    if (links.length > 0) blocks.push(`Sequence diagrams: ${links.join(', ')}.`);
  }
  return blocks;
}

export function communicationSection(ctx: ProposalContext): MarkdownSection {
  return {
    title: 'API and Communication Design',
    blocks: [],
    subsections: [
      { title: 'External API style', blocks: externalApi(ctx) },
      { title: 'Internal service communication', blocks: internalComm(ctx) },
      { title: 'Async workflows and events', blocks: asyncWorkflows(ctx) },
    ],
  };
}
