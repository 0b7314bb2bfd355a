// ## Reliability and Observability: failure modes and degradation, call budgets, backup/DR, SLOs, and the telemetry set.
import type { ArchitectureModel, CallBudget } from '../../../src/model/types.js';
import type { MarkdownSection } from '../../markdown/document.js';
import { bullets, table } from '../../markdown/blocks.js';
import { code, inline } from '../../markdown/escape.js';
import { diagramBlock, moreRowsNote, rowsFor, type ProposalContext } from '../context.js';
import { decisionBlocks, findDecision } from '../decision-text.js';
import { firstSentence, withoutFinalStop } from '../format.js';
import { formatNumber } from '../../markdown/numbers.js';

function budgetRow(b: CallBudget): string[] {
  const breaker = b.circuitBreaker === null
    ? 'none'
    : `opens after ${formatNumber(b.circuitBreaker.failureThreshold)} failures in ${formatNumber(b.circuitBreaker.windowSeconds)} s, for ${formatNumber(b.circuitBreaker.openSeconds)} s`;
  return [`${code(b.caller)} → ${code(b.callee)}`, `${formatNumber(b.timeoutMs)} ms`, formatNumber(b.attempts), b.backoffMs.map((ms) => `${formatNumber(ms)} ms`).join(', ') || 'none', breaker];
}

export function budgetTable(model: ArchitectureModel): string {
  return table(['Call', 'Timeout', 'Attempts', 'Backoff', 'Circuit breaker'], model.reliability.budgets.map(budgetRow));
}

export function backupLines(model: ArchitectureModel): string[] {
  const { backup, disasterRecovery } = model.reliability;
  return [
    `Backup: ${backup.method === '' ? 'method not in the model yet' : inline(withoutFinalStop(backup.method))}${backup.frequency === '' ? '' : `; frequency: ${inline(withoutFinalStop(backup.frequency))}`}; RPO ${formatNumber(backup.rpoMinutes)} min, RTO ${formatNumber(backup.rtoMinutes)} min.`,
    backup.restoreTest === '' ? 'Restore test: not in the model yet; an untested backup is not a backup.' : `Restore test: ${inline(backup.restoreTest)}`,
    disasterRecovery === '' ? '' : `Disaster recovery: ${inline(disasterRecovery)}`,
  ];
}

function failureHandling(ctx: ProposalContext): string[] {
  const { failureModes } = ctx.model.reliability;
  const rows = rowsFor(ctx.short, failureModes, 5).map((f) => ctx.short
    ? [code(f.component), inline(f.failure), inline(f.degradation)]
    : [code(f.component), f.kind, inline(f.failure), inline(f.impact), inline(f.degradation)]);
  const headers = ctx.short ? ['Component', 'Failure', 'Degradation'] : ['Component', 'Kind', 'Failure', 'User impact', 'Degradation'];
  return [
    rows.length === 0 ? 'No failure mode in the model yet.' : table(headers, rows),
    moreRowsNote(ctx.short, failureModes.length, 5),
    ctx.short ? '' : budgetTable(ctx.model),
    bullets(backupLines(ctx.model)),
    ...decisionBlocks(findDecision(ctx.model, 'deployment'), 'deployment', ctx.short),
    diagramBlock(ctx, 'deployment'),
  ];
}

export function sloLines(model: ArchitectureModel): string[] {
  const { slo } = model.reliability;
  const latency = slo.latencyP99Ms === null
    ? 'Latency: no target supplied, so no latency figure is promised; measure p99 from launch and set a target from data.'
    : `Latency: p99 target ${formatNumber(slo.latencyP99Ms)} ms (from the spec), measured at the edge.`;
  return [
    `Availability SLO ${formatNumber(slo.availability)}% per month: an error budget of ${formatNumber(slo.errorBudgetMinutesPerMonth)} minutes per month; when it is spent, releases pause until reliability work restores it.`,
    latency,
  ];
}

function sloAssumptions(ctx: ProposalContext): string[] {
  const { spec } = ctx.model;
  const blocks = [bullets(sloLines(ctx.model))];
  const critical = ctx.model.integrations.filter((i) => i.critical).map((i) => code(i.name));
  if (critical.length > 0) blocks.push(`The SLO can be no better than the critical integrations on the request path (${critical.join(', ')}); their outages spend this budget.`);
  if (spec.targets.availability === undefined) blocks.push('The availability target is assumed (see Key assumptions).');
  return blocks;
}

export function telemetryBlocks(model: ArchitectureModel, short: boolean): string[] {
  const { telemetry } = model.reliability;
  const alerts = telemetry.alerts.map((a) => [code(a.name), inline(a.condition), inline(a.userImpact)]);
  return [
    bullets([
      `Logs: ${telemetry.logs === '' ? 'structured JSON, one line per request and job, with the trace id (detail not in the model yet)' : inline(short ? firstSentence(telemetry.logs) : telemetry.logs)}`,
      telemetry.metrics.length === 0 ? '' : `Metrics: ${telemetry.metrics.map(inline).join('; ')}`,
      telemetry.traces.length === 0 || short ? '' : `Traces: ${telemetry.traces.map(inline).join('; ')}`,
      telemetry.traces.length === 0 || !short ? '' : 'Traces: every critical path end to end (hops listed in `model.json`, `reliability.telemetry.traces`).',
    ]),
    alerts.length === 0
      ? 'No alert in the model yet: alerts must fire on user impact (error budget burn), not on dashboards.'
      : `Alerts tied to user impact:\n\n${table(['Alert', 'Condition', 'User impact'], short ? alerts.slice(0, 4) : alerts)}`,
    moreRowsNote(short, alerts.length, 4),
  ];
}

export function reliabilitySection(ctx: ProposalContext): MarkdownSection {
  return {
    title: 'Reliability and Observability',
    blocks: [],
    subsections: [
      { title: 'Failure handling', blocks: failureHandling(ctx) },
      { title: 'SLO/SLA assumptions', blocks: sloAssumptions(ctx) },
      { title: 'Logging, metrics, tracing, alerting', blocks: telemetryBlocks(ctx.model, ctx.short) },
    ],
  };
}
