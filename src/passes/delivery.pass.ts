// Delivery and migration (rulebook step 9): phases in module dependency order, risks each traced to a decision or
// spec fact, validation, rollout and rollback; strangler-style migration steps when `current:` is present.
import type { ArchitectureModel, DeliveryModel, FlowModel, ModuleModel } from '../model/types.js';
import { compareNames } from '../spec/normalize.js';
import type { NormalizedFlow, NormalizedSpec } from '../spec/normalized.js';
import { choiceOr } from './derived/decision-lookup.js';
import { flowOwner } from './derived/flow-ownership.js';
import { peakRpsAtHorizon } from './derived/projection.js';
import { definePass } from './pass.js';
import { findBy } from '../model/find-by.js';

type Risk = DeliveryModel['risks'][number];
type Phase = DeliveryModel['phases'][number];

const SEVERITY_RANK: Record<Risk['severity'], number> = { high: 0, medium: 1, low: 2 };

/** Availability from which the monthly error budget is too small to absorb a slow rollback. */
const TIGHT_AVAILABILITY = 99.95;

/** Modules grouped in dependency layers: each layer depends only on earlier ones; a cycle's members form a last layer. */
export function dependencyLayers(modules: readonly ModuleModel[]): string[][] {
  const names = new Set(modules.map((m) => m.name));
  const pending = new Map(modules.map((m) => [m.name, new Set(m.dependsOn.filter((d) => names.has(d) && d !== m.name))]));
  const layers: string[][] = [];
  while (pending.size > 0) {
    let ready = [...pending.entries()].filter(([, deps]) => deps.size === 0).map(([name]) => name);
    if (ready.length === 0) ready = [...pending.keys()];
    ready.sort(compareNames);
    layers.push(ready);
    for (const name of ready) pending.delete(name);
    for (const deps of pending.values()) for (const name of ready) deps.delete(name);
  }
  return layers;
}

/** The spec flow behind a model flow (the model is built from the spec, so it exists). */
function specFlow(model: ArchitectureModel, name: string): NormalizedFlow {
  return findBy(model.spec.flows, 'name', name) as NormalizedFlow;
}

/**
 * Names of the model flows `include` keeps, by the module that runs each (its spec flow's owner), in model order:
 * found on first use and once, not per module. Only flows `include` keeps have their owner looked up.
 */
function flowNamesByOwner(model: ArchitectureModel, include: (flow: FlowModel) => boolean): () => Map<string, string[]> {
  let byOwner: Map<string, string[]> | undefined;
  return () => {
    if (byOwner) return byOwner;
    byOwner = new Map();
    for (const flow of model.flows) {
      if (!include(flow)) continue;
      const owner = flowOwner(model.spec, specFlow(model, flow.name));
      const names = byOwner.get(owner);
      if (names) names.push(flow.name);
      else byOwner.set(owner, [flow.name]);
    }
    return byOwner;
  };
}

function listText(items: readonly string[]): string {
  return items.join(', ');
}

function foundationPhase(model: ArchitectureModel): Phase {
  const spec = model.spec;
  const infra = ['primary-store', 'cache', 'messaging', 'search', 'blob-store', 'realtime']
    .map((id) => choiceOr(model, id, 'none'))
    .filter((choice) => choice !== 'none');
  const deliverables = [
    `deployment pipeline and ${choiceOr(model, 'deployment', 'multi-zone')} environment with ${infra.length > 0 ? listText(infra) : 'no stateful infrastructure'}`,
    'migration tooling with expand/contract migrations and the module schemas',
    `authentication (${listText(model.security.authn.map((a) => a.mechanism))}) and the role checks for ${model.security.authz.roles.length > 0 ? listText(model.security.authz.roles) : 'authenticated callers'}`,
    'secret store, structured logs, metrics, traces and the error-budget alerts',
  ];
  if (model.security.tenantIsolation !== null) deliverables.push('tenant isolation and its tests before any business table ships');
  if (model.security.audit.table !== null) deliverables.push(`the ${model.security.audit.table} audit trail`);
  return { name: 'foundation', goal: `A deployable, observable, secured skeleton of ${spec.system.name} that later phases only add modules to.`, deliverables };
}

function modulePhases(model: ArchitectureModel): Phase[] {
  const synchronousFlowsOf = flowNamesByOwner(model, (f) => f.synchronous);
  return dependencyLayers(model.modules).map((layer, index) => {
    const deliverables = layer.flatMap((name) => {
      const module = findBy(model.modules, 'name', name) as ModuleModel;
      const flows = synchronousFlowsOf().get(name) ?? [];
      return [
        `${name}: ${module.entities.length > 0 ? `tables for ${listText(module.entities)}` : 'no tables'}${flows.length > 0 ? `; flows ${listText(flows)}` : ''}${module.deployment === 'service' ? '; deployed as its own service' : ''}`,
      ];
    });
    const after = index === 0 ? 'they depend on no other module' : 'they depend only on modules delivered earlier';
    return { name: `modules-${index + 1}`, goal: `Deliver ${listText(layer)}: ${after}.`, deliverables };
  });
}

function asyncPhase(model: ArchitectureModel): Phase | null {
  const spec = model.spec;
  const deliverables = [
    ...model.events.map((e) => `${e.name}: ${e.producer} → ${listText(e.consumers)} over the ${e.channel}, idempotent on ${e.idempotencyKey}, dead-letter ${e.deadLetter}`),
    ...spec.integrations.map((i) => `${i.name} (${i.kind}${i.critical ? ', critical' : ''}) client with its timeout, retries and circuit breaker`),
    ...spec.flows.filter((f) => f.kind !== 'request' && f.kind !== 'realtime').map((f) => `${f.name} (${f.kind}${f.schedule === undefined ? '' : `, ${f.schedule}`})`),
  ];
  if (deliverables.length === 0) return null;
  return { name: 'integrations-and-async', goal: 'Connect external providers and move every hand-off onto events, with dead-letter handling and replay.', deliverables };
}

function hardeningPhase(model: ArchitectureModel): Phase {
  const peak = peakRpsAtHorizon(model);
  const deliverables = [
    peak === null ? 'load test at a peak to be agreed (traffic.peak_rps is not set)' : `load test at the projected peak of ${peak} requests/s`,
    `failure drills: ${listText(model.reliability.failureModes.map((f) => f.component)) || 'process restarts'}`,
    `restore drill within the ${model.reliability.backup.rtoMinutes}-minute RTO`,
  ];
  if (model.spec.data.compliance.length > 0) deliverables.push(`control evidence for ${listText(model.spec.data.compliance)}`);
  return { name: 'hardening', goal: 'Prove the SLO, recovery targets and security controls under load and failure before full rollout.', deliverables };
}

function risksOf(model: ArchitectureModel): Risk[] {
  const spec = model.spec;
  const risks: Risk[] = [];
  for (const assumption of model.assumptions) {
    risks.push({ risk: `Assumed ${assumption.field} = ${String(assumption.value)} (${assumption.basis})`, severity: 'medium', mitigation: `Confirm it before the hardening phase; if wrong: ${assumption.ifWrong}` });
  }
  const services = model.modules.filter((m) => m.deployment === 'service').map((m) => m.name);
  if (services.length > 0) {
    risks.push({ risk: `${services.length} separately deployed service(s) (${listText(services)}) add network failure modes and version skew`, severity: (spec.team.engineers ?? 0) < 3 * services.length ? 'high' : 'medium', mitigation: 'Contract tests between caller and callee, the nested timeout budgets, and traces across each hop.' });
  }
  for (const integration of spec.integrations.filter((i) => i.critical)) {
    const flows = spec.flows.filter((f) => f.calls.includes(integration.name)).map((f) => f.name);
    risks.push({ risk: `${integration.name} is critical: its outage fails ${flows.length > 0 ? listText(flows) : 'the flows that call it'}`, severity: 'high', mitigation: 'Circuit breaker with a clear retryable error, provider status alerts, and a reconciliation job for calls that timed out.' });
  }
  const tenancy = choiceOr(model, 'tenancy', 'none');
  if (tenancy === 'shared-schema') {
    risks.push({ risk: 'Shared-schema tenancy: one missing tenant filter would expose another tenant\'s rows', severity: 'high', mitigation: 'FORCE\'d row-level security on every tenant table, roles without BYPASSRLS, and cross-tenant tests on every API operation.' });
  }
  for (const regime of spec.data.compliance.filter((c) => c === 'hipaa' || c === 'pci-dss')) {
    risks.push({ risk: `${regime} scope covers every component that stores or transmits ${regime === 'hipaa' ? 'PHI' : 'card data'}`, severity: 'high', mitigation: `Field-level encryption and the audit trail from phase foundation, vendor agreements for each integration that receives such data, and evidence collected in hardening.` });
  }
  if (spec.data.residency.length > 0 && spec.integrations.length > 0) {
    risks.push({ risk: `Integrations (${listText(spec.integrations.map((i) => i.name))}) may process data outside ${listText(spec.data.residency)}`, severity: 'medium', mitigation: 'Check each provider\'s processing regions and data-processing agreement; send only the fields the call needs.' });
  }
  for (const table of model.tables) {
    for (const note of table.notes.filter((n) => n.startsWith('Not partitioned'))) {
      risks.push({ risk: `${table.schema}.${table.name}: ${note}`, severity: 'medium', mitigation: 'Plan the table\'s growth explicitly: archive by age, or change the constraint that blocks partitioning before the threshold is reached.' });
    }
    if (table.retention !== null && table.retention.mechanism.startsWith('no required timestamp')) {
      risks.push({ risk: `${table.schema}.${table.name}: retention of ${table.retention.days} days cannot be enforced (${table.retention.mechanism})`, severity: 'medium', mitigation: 'Add a required creation timestamp field to the entity.' });
    }
  }
  const availability = model.reliability.slo.availability;
  if (availability >= TIGHT_AVAILABILITY) {
    risks.push({ risk: `${availability}% availability leaves ${model.reliability.slo.errorBudgetMinutesPerMonth} minutes of errors per month: one slow rollback can spend it`, severity: 'high', mitigation: 'Canary releases gated by burn-rate alerts and automated rollback.' });
  }
  const deployment = choiceOr(model, 'deployment', 'multi-zone');
  if (deployment.startsWith('multi-region')) {
    risks.push({ risk: `${deployment} doubles infrastructure cost and makes failover an operational procedure`, severity: 'medium', mitigation: 'Rehearse region failover in hardening and quarterly after launch.' });
  }
  const messaging = choiceOr(model, 'messaging', 'none');
  if (messaging !== 'none') {
    risks.push({ risk: `At-least-once delivery on the ${messaging}: duplicates reach consumers`, severity: 'low', mitigation: 'Every consumer de-duplicates on the event\'s idempotency key within one transaction with its effect.' });
  }
  if (choiceOr(model, 'search', 'none') === 'search-engine') {
    risks.push({ risk: 'The search engine is a second copy of the data that can lag or drift', severity: 'medium', mitigation: 'Index from change events and re-index from PostgreSQL on demand.' });
  }
  if (choiceOr(model, 'cache', 'none') === 'redis') {
    risks.push({ risk: 'Cached reads can be stale until invalidation or TTL', severity: 'low', mitigation: 'After-commit invalidation, short TTLs, and strong-consistency flows bypass the cache.' });
  }
  if (spec.current !== null) {
    const summary = spec.current.summary === undefined ? 'described in current:' : spec.current.summary.trim().replace(/[.\s]+$/, '');
    risks.push({ risk: `Migrating from the current system (${summary}) while it keeps serving`, severity: 'high', mitigation: 'Strangler steps, each with a compatibility window and its own rollback; never a big-bang switch.' });
  }
  return risks.sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || compareNames(a.risk, b.risk));
}

function validationOf(model: ArchitectureModel): string[] {
  const spec = model.spec;
  const steps: string[] = [];
  const operations = model.api.resources.reduce((sum, r) => sum + r.operations.length, 0);
  if (model.api.style !== 'none') steps.push(`Contract tests generated from the ${model.api.style} API artifact for all ${operations} operations, including each role's allowed and denied calls.`);
  if (model.tables.length > 0) steps.push(`Migration tests: apply the DDL for ${model.tables.length} tables to an empty PostgreSQL, then each migration to a production-shaped copy, in CI.`);
  const peak = peakRpsAtHorizon(model);
  steps.push(`Load test at ${peak === null ? 'the agreed peak' : `${peak} requests/s (the horizon peak)`} with the spec's flow mix, checking error rate against the ${model.reliability.slo.availability}% SLO and that no flow exceeds its timeout budget${spec.targets.latency_p99_ms === undefined ? '' : ` and the stated ${spec.targets.latency_p99_ms} ms p99 target`}.`);
  if (model.events.length > 0) steps.push('Duplicate-delivery and poison-message tests for every event consumer (idempotency, dead-letter routing, replay).');
  if (model.reliability.failureModes.length > 0) steps.push(`Fault injection per failure mode: ${listText(model.reliability.failureModes.map((f) => f.component))}.`);
  if (model.security.tenantIsolation !== null) steps.push('Tenant isolation tests: every operation called with tenant A\'s token never reads or writes tenant B\'s rows.');
  steps.push(`Restore drill: recover the latest backup within the ${model.reliability.backup.rtoMinutes}-minute RTO.`);
  return steps;
}

function rolloutOf(model: ArchitectureModel): string[] {
  const steps = ['Every change ships behind a feature flag per flow, to staging first, seeded with production-shaped, anonymised data.'];
  const services = model.modules.filter((m) => m.deployment === 'service').map((m) => m.name);
  steps.push('Canary each release to a small share of traffic; widen only while the error-budget burn-rate alerts stay quiet.');
  if (services.length > 0) steps.push(`Services release independently, callees before callers: ${listText(dependencyLayers(model.modules).flat().filter((m) => services.includes(m)))}.`);
  if (model.security.tenantIsolation !== null) steps.push('Enable new flows per tenant: internal tenants first, then a pilot group, then all.');
  steps.push('Schema changes run ahead of the code as expand steps; contract steps ship one release later.');
  return steps;
}

function rollbackOf(model: ArchitectureModel): string[] {
  const steps = [
    'Turn the flow\'s feature flag off: no deploy needed.',
    'Redeploy the previous release: expand/contract migrations keep the previous release compatible with the current schema.',
  ];
  if (model.events.length > 0) steps.push('Replay dead-lettered events after the fix; idempotent consumers make the replay safe.');
  if (model.tables.length > 0) steps.push('Last resort for data damage: point-in-time restore to a new database and copy back the affected rows, never an in-place restore over live data.');
  return steps;
}

function migrationStepsOf(spec: NormalizedSpec, model: ArchitectureModel): DeliveryModel['migrationSteps'] {
  const current = spec.current;
  if (current === null) return [];
  const components = current.components;
  const legacyServices = components.filter((c) => c.kind === 'service').map((c) => c.name);
  const legacyDatabases = components.filter((c) => c.kind === 'database').map((c) => c.name);
  const legacyJobs = components.filter((c) => c.kind === 'job' || c.kind === 'queue').map((c) => c.name);
  const legacy = legacyServices.length > 0 ? listText(legacyServices) : 'the current system';
  const downtime = current.downtime_minutes ?? 0;
  const steps: DeliveryModel['migrationSteps'] = [
    {
      step: `Put a routing facade in front of ${legacy}; every request passes through it unchanged.`,
      compatibility: 'No behaviour change: the facade only forwards.',
      rollback: 'Point DNS back at the legacy endpoint.',
    },
    {
      step: `Create the target schemas and replicate ${legacyDatabases.length > 0 ? listText(legacyDatabases) : 'the legacy data'} into them with change data capture.`,
      compatibility: 'The legacy database stays the system of record; the new tables are read-only copies, reconciled by row counts and checksums.',
      rollback: 'Stop replication and drop the copies; nothing reads them yet.',
    },
  ];
  const flowsOf = flowNamesByOwner(model, () => true);
  for (const layer of dependencyLayers(model.modules)) {
    for (const name of layer) {
      const flows = flowsOf().get(name) ?? [];
      const entities = findBy(model.modules, 'name', name)?.entities ?? [];
      const owns = entities.length > 0 ? ` with ${listText(entities)}` : '';
      steps.push({
        step: `Move ${name}${owns} behind the facade${flows.length > 0 ? `, routing ${listText(flows)} to the new system` : ''}; its writes are synced back to the legacy database.`,
        compatibility: 'Both systems see the same data for one release cycle: the new module is the system of record and reverse sync keeps legacy readers current.',
        rollback: `Route the endpoints of ${name} back to ${legacy}; reverse sync kept its data current.`,
      });
    }
  }
  if (legacyJobs.length > 0) {
    steps.push({
      step: `Retire ${listText(legacyJobs)} once the background and scheduled flows replacing them have run in parallel and matched results.`,
      compatibility: 'Old and new jobs run side by side, with the new one in dry-run mode until their outputs match.',
      rollback: 'Re-enable the legacy job and disable the new flow.',
    });
  }
  steps.push(downtime > 0
    ? {
      step: `Cut over the system of record in a maintenance window of at most ${downtime} minutes: freeze writes, final sync and reconciliation, switch the facade, stop reverse sync.`,
      compatibility: 'Reverse sync stays available for one release cycle after the window.',
      rollback: 'Switch the facade back and resume writes on legacy; reverse sync replays what was written in between.',
    }
    : {
      step: 'Cut over without downtime: after reconciliation shows no drift, stop reverse sync one module at a time while the facade keeps serving.',
      compatibility: 'No write freeze (downtime_minutes is 0): each module switches independently.',
      rollback: 'Restart reverse sync for that module and route it back to legacy.',
    });
  steps.push({
    step: `Decommission ${listText([...legacyServices, ...legacyDatabases]) || 'the legacy system'} after a full release cycle without a rollback; archive its data per the retention rules.`,
    compatibility: 'Nothing calls it any more: the facade logs confirm zero legacy traffic.',
    rollback: 'Restore it from the archived image and data; kept until the retention period ends.',
  });
  return steps;
}

export function buildDelivery(model: ArchitectureModel): DeliveryModel {
  const phases = [foundationPhase(model), ...modulePhases(model)];
  const asyncWork = asyncPhase(model);
  if (asyncWork !== null) phases.push(asyncWork);
  phases.push(hardeningPhase(model));
  return {
    phases,
    risks: risksOf(model),
    validation: validationOf(model),
    rollout: rolloutOf(model),
    rollback: rollbackOf(model),
    migrationSteps: migrationStepsOf(model.spec, model),
  };
}

export const deliveryPass = definePass({
  id: 'delivery',
  title: 'Delivery and migration plan',
  run: (_ctx, model): ArchitectureModel => ({ ...model, delivery: buildDelivery(model) }),
});
