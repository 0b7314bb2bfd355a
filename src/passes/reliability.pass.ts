// Reliability and operations (rulebook step 7): SLO and error budget, failure modes with degradation per chosen
// component, nested timeout/retry/breaker budgets, backup and restore from RPO/RTO, DR posture, telemetry.
import type { ArchitectureModel, ReliabilityModel } from '../model/types.js';
import { compareNames } from '../spec/normalize.js';
import type { NormalizedIntegration, NormalizedSpec } from '../spec/normalized.js';
import { isSynchronous, planBudgets, worstCaseMs } from './derived/call-budgets.js';
import { choiceOr } from './derived/decision-lookup.js';
import { definePass } from './pass.js';

/** Minutes in the contract's 30-day month. */
export const MINUTES_PER_MONTH = 43_200;

/** The stated value, else the frame pass's assumption for that path, else the default. */
function targetOf(model: ArchitectureModel, key: 'availability' | 'rpo_minutes' | 'rto_minutes', fallback: number): number {
  const stated = model.spec.targets[key];
  if (stated !== undefined) return stated;
  const assumed = model.assumptions.find((a) => a.id === `targets.${key}`)?.value;
  return typeof assumed === 'number' ? assumed : fallback;
}

/** (100 − availability)/100 × 43 200 minutes, to two decimals. */
export function errorBudgetMinutes(availability: number): number {
  return Math.round(((100 - availability) / 100) * MINUTES_PER_MONTH * 100) / 100;
}

function listText(items: readonly string[]): string {
  return items.length === 0 ? 'none' : items.join(', ');
}

const CRITICAL_DEGRADATION: Record<NormalizedIntegration['kind'], string> = {
  payment: 'the flow is refused with a retryable error before any state is committed, so no unpaid booking or order is confirmed; the provider webhook reconciles attempts that timed out',
  identity: 'sessions already issued stay valid until their tokens expire; new sign-ins fail with a clear retry message',
  email: 'the flow fails with a retryable error',
  sms: 'the flow fails with a retryable error',
  storage: 'uploads and downloads fail with a retryable error; metadata stays consistent because it is written only after the upload succeeds',
  search: 'search requests fail fast; other operations are unaffected',
  analytics: 'the flow fails with a retryable error',
  other: 'the flow fails fast with a retryable error instead of holding connections',
};

function integrationFailures(spec: NormalizedSpec, messaging: string): ReliabilityModel['failureModes'] {
  return spec.integrations.map((integration) => {
    const callers = spec.flows.filter((f) => f.calls.includes(integration.name)).map((f) => f.name);
    const inline = spec.flows.filter((f) => f.calls.includes(integration.name) && isSynchronous(f.kind) && f.writes.length === 0).map((f) => f.name);
    const inlineText = inline.length > 0 ? ` Read-only flows (${inline.join(', ')}) call it inline with a short timeout and answer without its part when it fails.` : '';
    const degradation = integration.critical
      ? `Circuit breaker opens after repeated failures; ${CRITICAL_DEGRADATION[integration.kind]}.`
      : messaging === 'none'
        ? `Not critical: the call is skipped after its retries and logged for manual replay; the user flow completes.${inlineText}`
        : `Not critical: writing flows hand the call to a queued job that retries with backoff and ends in the dead-letter queue; the user flow completes without waiting.${inlineText}`;
    return {
      component: integration.name,
      kind: 'integration' as const,
      failure: `${integration.name} (${integration.kind}) unavailable, slow or rate limiting`,
      impact: callers.length === 0
        ? `no flow calls it directly${integration.kind === 'identity' ? '; sign-ins through it fail' : ''}`
        : integration.critical ? `flows that need it fail: ${listText(callers)}` : `work for ${listText(callers)} is delayed`,
      degradation,
    };
  });
}

function componentFailures(model: ArchitectureModel): ReliabilityModel['failureModes'] {
  const spec = model.spec;
  const modes: ReliabilityModel['failureModes'] = [];
  const deployment = choiceOr(model, 'deployment', 'multi-zone');
  const tabled = new Set(model.tables.map((t) => t.entity));
  if (choiceOr(model, 'primary-store', tabled.size > 0 ? 'postgresql' : 'none') === 'postgresql') {
    const flows = spec.flows.filter((f) => f.touches.some((e) => tabled.has(e))).map((f) => f.name);
    const failover = deployment === 'single-zone'
      ? 'No standby in single-zone: recovery restores the latest backup (see backup), bounded by the RTO'
      : 'The synchronous standby in another zone is promoted automatically; clients reconnect through the same endpoint';
    const cached = choiceOr(model, 'cache', 'none') === 'redis' ? '; cached hot reads keep serving until their TTL expires' : '';
    modes.push({ component: 'postgresql', kind: 'store', failure: 'primary unavailable or failing over', impact: `flows touching its tables stop: ${listText(flows)}`, degradation: `${failover}${cached}.` });
  }
  if (choiceOr(model, 'cache', 'none') === 'redis') {
    const resident = spec.entities.filter((e) => e.ephemeral).map((e) => e.name);
    modes.push({
      component: 'redis', kind: 'cache', failure: 'unavailable or evicting',
      impact: resident.length > 0 ? `ephemeral state is lost (${resident.join(', ')}); cached reads fall through to PostgreSQL` : 'cached reads fall through to PostgreSQL',
      degradation: `The cache breaker opens and reads go to PostgreSQL directly, which is sized for the uncached read rate${resident.length > 0 ? '; clients rebuild ephemeral state (re-login, re-subscribe)' : ''}.`,
    });
  }
  const messaging = choiceOr(model, 'messaging', 'none');
  if (messaging !== 'none') {
    modes.push({
      component: messaging, kind: 'queue', failure: 'broker unavailable',
      impact: `async work stops: ${listText(model.events.map((e) => e.name))}`,
      degradation: 'Producers write events to a transactional outbox table in the same transaction as their data and a relay publishes them when the broker returns; consumers resume from their last acknowledged message, so nothing is lost.',
    });
  }
  const search = choiceOr(model, 'search', 'none');
  if (search === 'search-engine') {
    const searched = spec.entities.filter((e) => e.access.some((a) => 'search' in a)).map((e) => e.name);
    modes.push({
      component: 'search-engine', kind: 'search', failure: 'unavailable or lagging behind PostgreSQL',
      impact: `full-text search over ${listText(searched)} fails or returns stale results`,
      degradation: 'Search endpoints fail fast behind a breaker while every other operation continues; the indexer replays changes from PostgreSQL when the engine returns.',
    });
  }
  if (choiceOr(model, 'blob-store', 'none') === 'object-storage') {
    const blobs = spec.entities.filter((e) => e.fields.some((f) => f.type === 'blob')).map((e) => e.name);
    modes.push({
      component: 'object-storage', kind: 'blob', failure: 'unavailable',
      impact: `uploads and downloads for ${listText(blobs)} fail`,
      degradation: 'Rows referencing an object are written only after the upload succeeds, so a failure leaves no dangling reference; the rest of the API keeps working.',
    });
  }
  const realtime = choiceOr(model, 'realtime', 'none');
  if (realtime !== 'none') {
    const flows = spec.flows.filter((f) => f.kind === 'realtime').map((f) => f.name);
    modes.push({
      component: realtime, kind: 'realtime', failure: 'connection nodes restart or drop connections',
      impact: `live updates pause for ${listText(flows)}`,
      degradation: 'Clients reconnect with jittered backoff and resume from their last received event id; missed updates are re-read from the source of truth.',
    });
  }
  return modes;
}

function backupOf(model: ArchitectureModel, rpo: number, rto: number): ReliabilityModel['backup'] {
  const restoreTest = `Monthly restore of the latest backup into an isolated environment, timed end to end against the RTO of ${rto} minutes; a restore slower than the RTO is an incident.`;
  if (model.tables.length === 0) {
    return { method: 'No primary store: configuration and infrastructure definitions are versioned in the repository.', frequency: 'on every change', rpoMinutes: rpo, rtoMinutes: rto, restoreTest };
  }
  if (rpo === 0) {
    return { method: 'Synchronous replication to a standby (no committed transaction is lost) plus continuous WAL archiving for point-in-time recovery from operator error.', frequency: 'continuous; base backup daily', rpoMinutes: rpo, rtoMinutes: rto, restoreTest };
  }
  if (rpo <= 60) {
    return { method: `Continuous WAL archiving to object storage with point-in-time recovery (archive_timeout at most ${Math.min(rpo, 5)} minutes, within the ${rpo}-minute RPO).`, frequency: 'WAL continuously; base backup daily; backups kept 35 days', rpoMinutes: rpo, rtoMinutes: rto, restoreTest };
  }
  const hours = Math.max(1, Math.floor(rpo / 60));
  return { method: `Storage snapshots of the database volume, copied to another zone, every ${hours} hour(s): the ${rpo}-minute RPO does not need WAL archiving.`, frequency: `every ${hours} hour(s); kept 35 days`, rpoMinutes: rpo, rtoMinutes: rto, restoreTest };
}

const DR_POSTURE: Record<string, string> = {
  'single-zone': 'Single zone: a zone outage stops the system until it is rebuilt in another zone from infrastructure code and the latest backup, within the RTO; the availability target accepts this.',
  'multi-zone': 'Multi-zone in one region: stateless services run in at least two zones and the database fails over to a synchronous standby in another zone; a region-wide outage is recovered by restoring cross-region backup copies, within the RTO.',
  'multi-region-active-passive': 'Active-passive across regions: a warm standby region receives asynchronous database replication; failover is a rehearsed runbook promoting the standby and switching DNS, losing at most the replication lag.',
  'multi-region-active-active': 'Active-active across regions: both regions serve traffic; each record has a home region that takes its writes, so concurrent writes never conflict, and a region failure moves its home records to the survivor.',
};

function disasterRecoveryOf(model: ArchitectureModel, rpo: number, rto: number): string {
  const deployment = choiceOr(model, 'deployment', 'multi-zone');
  const residency = model.spec.data.residency;
  const inRegion = residency.length > 0 ? ` Backup copies and standby regions stay within ${residency.join(', ')} (data residency).` : '';
  return `${DR_POSTURE[deployment] ?? deployment} Targets: RPO ${rpo} minutes, RTO ${rto} minutes.${inRegion}`;
}

function telemetryOf(model: ArchitectureModel, budgets: ReliabilityModel['budgets'], budgetMinutes: number, rpo: number): ReliabilityModel['telemetry'] {
  const spec = model.spec;
  const sensitive = model.security.sensitiveFields.map((f) => `${f.entity}.${f.field}`);
  const tenant = spec.tenancy.model === 'multi' ? ', tenant id' : '';
  const logs = `Structured JSON logs with timestamp, level, service, flow or event, request id, trace id, user id${tenant}; ${sensitive.length > 0 ? `sensitive fields are redacted by name and never logged (${sensitive.join(', ')})` : 'request and response bodies are not logged'}.`;
  const metrics = ['request rate, error rate and duration per flow and API operation'];
  if (model.events.length > 0) metrics.push('job metrics per event: processed, failed, retried, oldest message age, dead-letter depth');
  if (spec.flows.some((f) => f.kind === 'scheduled')) metrics.push('scheduled runs: last success time and duration per scheduled flow');
  if (model.tables.length > 0) metrics.push('PostgreSQL: connections in use, replication lag, slow statements, dead tuples per table');
  if (choiceOr(model, 'cache', 'none') === 'redis') metrics.push('cache hit ratio and evictions per key prefix');
  if (spec.integrations.length > 0) metrics.push('per integration: calls, errors, retries and circuit-breaker state');
  const calleesOf = new Map<string, string[]>();
  for (const b of budgets) {
    const list = calleesOf.get(b.caller);
    if (list) list.push(b.callee);
    else calleesOf.set(b.caller, [b.callee]);
  }
  const traces = model.flows.map((flow) => {
    const hops = calleesOf.get(`flow:${flow.name}`) ?? [];
    return `${flow.name}: ${[flow.synchronous ? 'edge' : 'trigger', flow.name, ...hops].join(' → ')}`;
  });
  const alerts: ReliabilityModel['telemetry']['alerts'] = [
    { name: 'error-budget-fast-burn', condition: `error ratio burns the monthly budget of ${budgetMinutes} minutes 14.4× faster than allowed, over both 1 h and 5 min`, userImpact: 'users see failures now; at this rate the month\'s budget is gone in about two days' },
    { name: 'error-budget-slow-burn', condition: 'burn rate above 6× over both 6 h and 30 min', userImpact: 'a steady failure share that would exhaust the budget within five days' },
  ];
  const latency = spec.targets.latency_p99_ms;
  if (latency !== undefined) {
    alerts.push({ name: 'latency-target', condition: `p99 request duration above the stated ${latency} ms target for 10 minutes`, userImpact: 'requests slower than the promised target' });
  }
  if (model.events.length > 0) {
    const longest = Math.max(...budgets.filter((b) => b.caller.startsWith('worker:')).map((b) => worstCaseMs(b)), 0);
    alerts.push({ name: 'queue-age', condition: `oldest unacknowledged message of any event older than ${Math.ceil(longest / 1000)} s (the longest consumer retry budget)`, userImpact: `async work is stuck: ${model.events.map((e) => e.name).join(', ')}` });
    alerts.push({ name: 'dead-letter', condition: `any dead-letter queue holds a message (${model.events.map((e) => e.deadLetter).join(', ')})`, userImpact: 'some async work failed permanently and needs a fix and a replay' });
  }
  const critical = spec.integrations.filter((i) => i.critical).map((i) => i.name);
  if (critical.length > 0) {
    alerts.push({ name: 'critical-integration-breaker-open', condition: `circuit breaker open for ${critical.join(', ')}`, userImpact: `flows calling ${critical.join(', ')} fail` });
  }
  const scheduled = spec.flows.filter((f) => f.kind === 'scheduled').map((f) => f.name);
  if (scheduled.length > 0) {
    alerts.push({ name: 'scheduled-run-missed', condition: 'a scheduled flow has no successful run within twice its schedule interval', userImpact: `periodic work silently stops: ${scheduled.join(', ')}` });
  }
  if (model.tables.length > 0) {
    alerts.push({ name: 'backup-stale', condition: `newest restorable backup or archived WAL older than the ${rpo}-minute RPO`, userImpact: 'a failure now would lose more data than the RPO allows' });
  }
  return { logs, metrics, traces, alerts: alerts.sort((a, b) => compareNames(a.name, b.name)) };
}

export function buildReliability(model: ArchitectureModel): ReliabilityModel {
  const availability = targetOf(model, 'availability', 99.9);
  const rpo = targetOf(model, 'rpo_minutes', 60);
  const rto = targetOf(model, 'rto_minutes', 240);
  const { budgets } = planBudgets(model);
  const budgetMinutes = errorBudgetMinutes(availability);
  const failureModes = [...integrationFailures(model.spec, choiceOr(model, 'messaging', 'none')), ...componentFailures(model)]
    .sort((a, b) => compareNames(a.component, b.component));
  return {
    slo: { availability, errorBudgetMinutesPerMonth: budgetMinutes, latencyP99Ms: model.spec.targets.latency_p99_ms ?? null },
    failureModes,
    budgets,
    backup: backupOf(model, rpo, rto),
    disasterRecovery: disasterRecoveryOf(model, rpo, rto),
    telemetry: telemetryOf(model, budgets, budgetMinutes, rpo),
  };
}

export const reliabilityPass = definePass({
  id: 'reliability',
  title: 'Reliability and operations',
  run: (_ctx, model): ArchitectureModel => ({ ...model, reliability: buildReliability(model) }),
});
