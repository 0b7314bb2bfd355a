// Security and operability gaps a review can read off the model: each a finding plus a concrete remediation.
import type { ArchitectureModel } from '../../../src/model/types.js';
import { code, inline } from '../../markdown/escape.js';
import { withoutFinalStop } from '../format.js';

/** Rendered Markdown: the gap as found, and what to change. */
export interface Gap {
  finding: string;
  remediation: string;
}

const SENSITIVE = new Set(['pii', 'phi', 'pci']);

export function securityGaps(model: ArchitectureModel): Gap[] {
  const { security, spec } = model;
  const gaps: Gap[] = [];
  for (const t of model.tables) {
    if (SENSITIVE.has(t.sensitivity) && !t.audited) {
      gaps.push({ finding: `${code(t.entity)} holds ${t.sensitivity} data but is not audited.`, remediation: `Record every change to ${code(t.entity)} in the audit table, with actor and reason.` });
    }
  }
  if (security.rateLimits.length === 0 && model.api.style !== 'none') {
    gaps.push({ finding: 'No rate limit on the external API.', remediation: 'Add per-consumer limits at the edge, keyed by credential and by client address for unauthenticated routes.' });
  }
  if (spec.auth.identity.includes('password')) {
    gaps.push({ finding: 'Password sign-in is a credential-stuffing target.', remediation: 'Hash with a memory-hard function, limit failed sign-ins per account and per address, and offer a second factor for privileged roles.' });
  }
  if (spec.tenancy.model === 'multi' && security.tenantIsolation === null) {
    gaps.push({ finding: 'Multi-tenant data without a stated isolation mechanism.', remediation: 'Enforce tenant scoping in the database (row-level security or a schema per tenant), not only in application filters.' });
  }
  if (security.encryptionAtRest === '' && (spec.data.compliance.length > 0 || model.tables.some((t) => SENSITIVE.has(t.sensitivity)))) {
    gaps.push({ finding: 'Sensitive or regulated data without a stated encryption-at-rest control.', remediation: 'Encrypt volumes and backups with keys in a managed KMS, rotated on a schedule, with access logged.' });
  }
  if (security.secrets === '') {
    gaps.push({ finding: 'No secret-management control in the model.', remediation: 'Keep credentials in a secret manager, injected at start-up, never in images or the repository.' });
  }
  if (security.audit.privilegedOperations.length === 0 && spec.auth.admin_heavy) {
    gaps.push({ finding: 'An admin-heavy system with no privileged operation listed.', remediation: 'List the privileged operations and require a recorded reason and a second approver for each.' });
  }
  for (const c of model.challenges.filter((x) => x.path.startsWith('data.') || x.path.startsWith('auth.') || x.path.startsWith('tenancy.'))) {
    gaps.push({ finding: `${code(c.path)}: ${inline(c.message)}`, remediation: `Restate ${code(c.path)} in the spec, or accept the consequence named in the finding.` });
  }
  return gaps;
}

export function operabilityGaps(model: ArchitectureModel): Gap[] {
  const { reliability, integrations, spec } = model;
  const gaps: Gap[] = [];
  for (const i of integrations.filter((x) => x.critical)) {
    const budget = reliability.budgets.find((b) => b.callee === i.name);
    if (budget === undefined || budget.circuitBreaker === null) {
      gaps.push({ finding: `Critical integration ${code(i.name)} has no circuit breaker.`, remediation: `Put a timeout and a circuit breaker on calls to ${code(i.name)} and return a clear "try again" error while it is open.` });
    }
  }
  if (reliability.telemetry.alerts.length === 0) {
    gaps.push({ finding: 'No alert tied to user impact.', remediation: 'Alert on error-budget burn rate and on queue age, not on host metrics alone.' });
  }
  if (reliability.backup.restoreTest === '') {
    gaps.push({ finding: 'No restore test for backups.', remediation: 'Restore the latest backup into a scratch environment on a schedule and check it against the RPO.' });
  }
  if (reliability.telemetry.traces.length === 0 && model.flows.length > 0) {
    gaps.push({ finding: 'No trace covers the critical paths.', remediation: 'Trace every request and job end to end, propagating the trace id through queue messages.' });
  }
  for (const e of model.events) {
    if (e.deadLetter === '') gaps.push({ finding: `Event ${code(e.name)} has no dead-letter destination.`, remediation: `Route ${code(e.name)} to a dead-letter queue after its last retry and alert on its depth.` });
  }
  for (const c of model.challenges.filter((x) => x.path.startsWith('targets.') || x.path.startsWith('traffic.'))) {
    gaps.push({ finding: `${code(c.path)}: ${inline(c.message)}`, remediation: `Restate ${code(c.path)} in the spec, or accept the consequence named in the finding.` });
  }
  for (const pain of spec.current?.pain ?? []) {
    gaps.push({ finding: `Current pain: ${inline(pain)}`, remediation: `${inline(withoutFinalStop(pain))}: remove it in the first strangler step that replaces the component behind it, measured before and after that step.` });
  }
  return gaps;
}
