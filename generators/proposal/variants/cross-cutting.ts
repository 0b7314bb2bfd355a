// ## Cross-cutting Concerns: the rulebook never omits security, monitoring or migration, whatever the artifact asked for.
import type { ArchitectureModel } from '../../../src/model/types.js';
import type { MarkdownSection } from '../../markdown/document.js';
import { bullets } from '../../markdown/blocks.js';
import { code, inline } from '../../markdown/escape.js';
import { codeList } from '../context.js';
import { MIGRATION_POLICY } from '../sections/data-section.js';
import { backupLines, sloLines } from '../sections/reliability-section.js';
import { formatNumber } from '../../markdown/numbers.js';
import { withoutFinalStop } from '../format.js';

function securityLines(model: ArchitectureModel): string[] {
  const { security } = model;
  return [
    `Identity ${codeList(security.authn.length > 0 ? security.authn.map((a) => a.mechanism) : model.spec.auth.identity)}; authorization ${code(security.authz.model || 'unspecified')} over roles ${codeList(security.authz.roles)}.`,
    security.encryptionAtRest === '' ? '' : `At rest: ${inline(security.encryptionAtRest)}`,
    security.encryptionInTransit === '' ? '' : `In transit: ${inline(security.encryptionInTransit)}`,
    security.tenantIsolation === null ? '' : `Tenant isolation: ${inline(security.tenantIsolation)}`,
    security.audit.table === null ? 'No audit table in the model.' : `Changes to ${codeList(security.audit.entities)} are recorded in ${code(security.audit.table)}.`,
    security.rateLimits.length === 0 ? 'No rate limit in the model yet.' : `Rate limits per consumer: ${security.rateLimits.map((r) => `${code(r.consumer)} ${formatNumber(r.requestsPerMinute)}/min`).join(', ')}.`,
    `Compliance ${codeList(security.compliance)}; residency ${codeList(security.residency, 'unconstrained')}.`,
  ];
}

function monitoringLines(model: ArchitectureModel): string[] {
  const { telemetry } = model.reliability;
  return [
    ...sloLines(model),
    telemetry.alerts.length === 0 ? 'No alert in the model yet.' : `Alerts on user impact: ${telemetry.alerts.map((a) => code(a.name)).join(', ')}.`,
    telemetry.traces.length === 0 ? '' : `Traces: ${telemetry.traces.map(inline).join('; ')}`,
    telemetry.metrics.length === 0 ? '' : `Metrics: ${telemetry.metrics.map(inline).join('; ')}`,
  ];
}

function strangler(delivery: ArchitectureModel['delivery']): string {
  const steps = delivery.migrationSteps;
  const first = steps[0];
  const last = steps[steps.length - 1];
  if (first === undefined || last === undefined) return '';
  return steps.length === 1
    ? `Strangler migration from the current system: ${inline(withoutFinalStop(first.step))}.`
    : `Strangler migration from the current system, from "${inline(withoutFinalStop(first.step))}" to "${inline(withoutFinalStop(last.step))}", each step reversible.`;
}

function migrationLines(model: ArchitectureModel): string[] {
  const { delivery, api } = model;
  return [
    MIGRATION_POLICY,
    api.style === 'none' ? '' : `API changes: additive within ${code(api.version)}; a breaking change ships as a new version beside the old one.`,
    strangler(delivery),
    delivery.rollback.length === 0 ? '' : `Rollback: ${delivery.rollback.map((r) => inline(withoutFinalStop(r))).join('; ')}.`,
    ...backupLines(model),
  ];
}

export function crossCuttingSection(model: ArchitectureModel): MarkdownSection {
  return {
    title: 'Cross-cutting Concerns',
    blocks: [],
    subsections: [
      { title: 'Security', blocks: [bullets(securityLines(model))] },
      { title: 'Monitoring', blocks: [bullets(monitoringLines(model))] },
      { title: 'Migration', blocks: [bullets(migrationLines(model))] },
    ],
  };
}
