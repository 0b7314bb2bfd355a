// ## Security Design: who may do what, how secrets and data are protected, abuse limits, and the audit trail.
import type { ArchitectureModel } from '../../../src/model/types.js';
import type { MarkdownSection } from '../../markdown/document.js';
import { bullets, table } from '../../markdown/blocks.js';
import { code, inline } from '../../markdown/escape.js';
import { codeList, type ProposalContext } from '../context.js';
import { firstSentence } from '../format.js';
import { decisionBlocks, findDecision } from '../decision-text.js';
import { formatNumber } from '../../markdown/numbers.js';

function orMissing(text: string, what: string, short = false): string {
  return text === '' ? `${what}: not in the model yet.` : inline(short ? firstSentence(text) : text);
}

export function authBlocks(model: ArchitectureModel, short: boolean): string[] {
  const { security } = model;
  const authn = security.authn.map((a) => `${code(a.mechanism)}: ${inline(short ? firstSentence(a.detail) : a.detail)}`);
  const blocks = [
    authn.length === 0 ? `Authentication: identity ${codeList(model.spec.auth.identity)} (no mechanism detail in the model yet).` : `Authentication:\n\n${bullets(authn)}`,
    `Authorization (${code(security.authz.model || 'unspecified')}, roles ${codeList(security.authz.roles)}): ${orMissing(security.authz.detail, 'Authorization detail', short)}`,
  ];
  if (security.internalServiceAuth !== null) blocks.push(`Internal service auth: ${inline(security.internalServiceAuth)}`);
  if (security.tenantIsolation !== null) blocks.push(`Tenant isolation: ${inline(security.tenantIsolation)}`);
  const tenancy = findDecision(model, 'tenancy');
  if (tenancy !== undefined && tenancy.choice !== 'none') blocks.push(...decisionBlocks(tenancy, 'tenancy', short));
  return blocks;
}

export function secretsBlocks(model: ArchitectureModel, short: boolean): string[] {
  const { security } = model;
  const sensitive = (short ? [] : security.sensitiveFields).map((f) => [code(f.entity), code(f.field), f.sensitivity]);
  return [
    bullets([
      `Secrets: ${orMissing(security.secrets, 'Secret management', short)}`,
      `In transit: ${orMissing(security.encryptionInTransit, 'Encryption in transit', short)}`,
      `At rest: ${orMissing(security.encryptionAtRest, 'Encryption at rest', short)}`,
      `Compliance ${codeList(security.compliance)}; residency ${codeList(security.residency, 'unconstrained')}.`,
    ]),
    sensitive.length === 0 ? '' : `Fields above \`internal\` sensitivity:\n\n${table(['Entity', 'Field', 'Sensitivity'], sensitive)}`,
    short && security.sensitiveFields.length > 0 ? 'Fields above `internal` sensitivity are listed in `model.json` (`security.sensitiveFields`).' : '',
  ];
}

export function abuseBlocks(model: ArchitectureModel): string[] {
  const rows = model.security.rateLimits.map((r) => [code(r.consumer), formatNumber(r.requestsPerMinute), inline(r.scope), inline(r.basis)]);
  if (rows.length === 0) return ['No rate limit in the model yet: every public endpoint needs one before launch.'];
  return ['Requests over the limit are rejected before they reach a module, so a single client cannot use up the shared database pool.', table(['Consumer', 'Requests/min', 'Scope', 'Basis'], rows)];
}

export function auditBlocks(model: ArchitectureModel, short = false): string[] {
  const { audit, dbRoles } = model.security;
  const blocks = [
    `${audit.table === null ? 'No audit table.' : `Audit trail in ${code(audit.table)}.`} ${orMissing(audit.detail, 'Audit detail', short)}`,
    bullets([
      audit.entities.length === 0 ? '' : `Audited entities: ${codeList(audit.entities)}.`,
      audit.privilegedOperations.length === 0 ? '' : `Privileged operations: ${audit.privilegedOperations.map(inline).join('; ')}.`,
    ]),
  ];
  if (dbRoles.length > 0 && short) blocks.push(`Least-privilege database roles: ${dbRoles.map((r) => code(r.name)).join(', ')}.`);
  else if (dbRoles.length > 0) blocks.push(`Least-privilege database roles:\n\n${table(['Role', 'Grants'], dbRoles.map((r) => [code(r.name), inline(r.grants)]))}`);
  return blocks;
}

export function securitySection(ctx: ProposalContext): MarkdownSection {
  return {
    title: 'Security Design',
    blocks: [],
    subsections: [
      { title: 'AuthN/AuthZ', blocks: authBlocks(ctx.model, ctx.short) },
      { title: 'Secrets and encryption', blocks: secretsBlocks(ctx.model, ctx.short) },
      { title: 'Abuse protection', blocks: abuseBlocks(ctx.model) },
      { title: 'Audit controls', blocks: auditBlocks(ctx.model, ctx.short) },
    ],
  };
}
